/* out: the one buffered writer for stdout.
 *
 * Everything bpfbox prints on stdout goes through here, so output is
 * written in large blocks (or per line on a terminal) instead of one
 * stdio call per byte.  Nothing here knows about JSON or maps. */
#ifndef BPFBOX_OUT_H
#define BPFBOX_OUT_H

#include <stddef.h>
#include <stdint.h>

#include <string.h>

void out_init(void);
void out_write_slow(const char *s, size_t n);
void out_char_slow(char c);

/* The buffer itself, so the hot paths below inline to a memcpy. */
#define OUT_BUF_SIZE 65536
extern char out_buf[OUT_BUF_SIZE];
extern size_t out_used;
extern int out_on_tty;
/* How often the buffer went to stdout: lets a test that reads out_buf
 * tell whether all its output is still there. */
extern unsigned long out_drains;

static inline __attribute__((always_inline)) void out_write(const char *s, size_t n)
{
	if (n <= OUT_BUF_SIZE - out_used && !out_on_tty) {
		memcpy(out_buf + out_used, s, n);
		out_used += n;
	} else {
		out_write_slow(s, n);
	}
}

static inline __attribute__((always_inline)) void out_char(char c)
{
	if (out_used < OUT_BUF_SIZE && !out_on_tty)
		out_buf[out_used++] = c;
	else
		out_char_slow(c);
}

void out_str(const char *s);
void out_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void out_u64(uint64_t v);
void out_i64(int64_t v);
void out_hex_byte(unsigned char b);	/* two lowercase digits */
/* Flush now; at a line end this is what line buffering does on a tty.
 * Returns 0 or -errno of the failed write. */
int out_flush(void);
/* Flush only if stdout is a terminal and the buffer ends a line. */
void out_line_done(void);

#endif
