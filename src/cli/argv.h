/* argv: the token cursor shared by every command parser.
 *
 * Keywords match by prefix, as in bpftool ("map l" is "map list"), and
 * the first table entry that matches wins, so tables keep bpftool's order. */
#ifndef BPFBOX_ARGV_H
#define BPFBOX_ARGV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct args {
	int argc;
	char **argv;
};

static inline const char *arg_peek(const struct args *a)
{
	return a->argc > 0 ? a->argv[0] : NULL;
}

/* The current word, consumed; NULL when there is none. */
char *arg_next(struct args *a);
/* Does the current word abbreviate keyword kw? (bpftool's is_prefix) */
bool arg_is(const struct args *a, const char *kw);
bool is_prefix(const char *word, const char *kw);

/* Unsigned numbers as strtoul(.., 0) reads them: 10, 0x0a, 012.
 * Returns 0, or -1 on any trailing garbage, sign or overflow. */
int parse_u32(const char *s, uint32_t *v);
int parse_u64(const char *s, uint64_t *v);
/* A byte as bpftool reads one (base 0, or 16 after "hex"). */
int parse_byte(const char *s, int base, uint8_t *v);

#endif
