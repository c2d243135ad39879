/* argv: token cursor and number parsing, with bpftool's prefix rules. */
#include "cli/argv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

char *arg_next(struct args *a)
{
	if (a->argc <= 0)
		return NULL;
	a->argc--;
	return *a->argv++;
}

bool is_prefix(const char *word, const char *kw)
{
	size_t n;

	if (!word)
		return false;
	n = strlen(word);
	return n <= strlen(kw) && !memcmp(word, kw, n);
}

bool arg_is(const struct args *a, const char *kw)
{
	return is_prefix(arg_peek(a), kw);
}

static int parse_ull(const char *s, int base, unsigned long long max,
		     unsigned long long *v)
{
	char *end;

	/* strtoull accepts "-1" and leading blanks; a map tool must not. */
	if (!s || !*s || *s == '-' || *s == '+' || *s == ' ' || *s == '\t')
		return -1;
	errno = 0;
	*v = strtoull(s, &end, base);
	if (*end || errno || *v > max)
		return -1;
	return 0;
}

int parse_u32(const char *s, uint32_t *v)
{
	unsigned long long n;

	if (parse_ull(s, 0, 0xffffffffULL, &n))
		return -1;
	*v = (uint32_t)n;
	return 0;
}

int parse_u64(const char *s, uint64_t *v)
{
	unsigned long long n;

	if (parse_ull(s, 0, ~0ULL, &n))
		return -1;
	*v = n;
	return 0;
}

int parse_byte(const char *s, int base, uint8_t *v)
{
	unsigned long long n;

	if (parse_ull(s, base, 0xff, &n))
		return -1;
	*v = (uint8_t)n;
	return 0;
}
