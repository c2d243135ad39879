/* A tiny unit-test harness: TEST() registers a function, CHECK*() count.
 * SKIP("reason", ...) ends a test as skipped (printed "SKIP: name: reason",
 * counted as skipped, never as passed); a check that failed before it
 * still fails the test.
 * capture_begin()/capture_end() collect what the code under test writes
 * to stdout through out.c, so formatters are checked byte for byte. */
#ifndef BPFBOX_UNIT_H
#define BPFBOX_UNIT_H

#include <stddef.h>
#include <string.h>

void unit_register(const char *name, void (*fn)(void));
void unit_check(int ok, const char *file, int line, const char *what);
void unit_check_str(const char *got, const char *want, const char *file,
		    int line, const char *what);
void unit_skip(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void capture_begin(void);
/* Returns the captured bytes (NUL-terminated, valid until the next call). */
const char *capture_end(void);

#define TEST(name) \
	static void name(void); \
	__attribute__((constructor)) static void reg_##name(void) \
	{ unit_register(#name, name); } \
	static void name(void)

#define SKIP(...) do { unit_skip(__VA_ARGS__); return; } while (0)

#define CHECK(cond) unit_check(!!(cond), __FILE__, __LINE__, #cond)
#define CHECK_STR(got, want) \
	unit_check_str((got), (want), __FILE__, __LINE__, #got)
#define CHECK_INT(got, want) do { \
	long long g_ = (long long)(got), w_ = (long long)(want); \
	if (g_ != w_) { \
		char m_[256]; \
		snprintf(m_, sizeof(m_), "%s: got %lld, want %lld", #got, g_, w_); \
		unit_check(0, __FILE__, __LINE__, m_); \
	} else unit_check(1, __FILE__, __LINE__, #got); \
} while (0)

#include <stdio.h>

#endif
