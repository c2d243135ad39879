/* jsoncheck < FILE: exit 0 when stdin is exactly one JSON value (RFC
 * 8259; whitespace around it allowed), else print where it breaks and
 * exit 1.  Lets the tests check -j output without python or jq.
 * jsoncheck -e: also what a script iterating `-j map dump` needs: an
 * array whose every element is an object with "key" and "value" (or
 * per-CPU "values"); prints the number of elements. */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *p, *start;
static int entries_mode;

static int fail(const char *what)
{
	fprintf(stderr, "jsoncheck: %s at byte %ld\n", what, (long)(p - start));
	exit(1);
}

static void ws(void)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
}

static void value(int depth);

/* Returns where the string's text starts. */
static const char *string(void)
{
	const char *text = p + 1;

	if (*p++ != '"')
		fail("expected a string");
	while (*p != '"') {
		if ((unsigned char)*p < 0x20)
			fail("control character in a string");
		if (*p++ != '\\')
			continue;
		if (*p == 'u') {
			int i;

			for (i = 1; i <= 4; i++)
				if (!isxdigit((unsigned char)p[i]))
					fail("bad \\u escape");
			p += 5;
		} else if (*p && strchr("\"\\/bfnrt", *p)) {
			p++;
		} else {
			fail("bad escape");
		}
	}
	p++;
	return text;
}

static void number(void)
{
	if (*p == '-')
		p++;
	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
		while (isdigit((unsigned char)*p))
			p++;
	else
		fail("expected a value");
	if (*p == '.') {
		p++;
		if (!isdigit((unsigned char)*p))
			fail("bad fraction");
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!isdigit((unsigned char)*p))
			fail("bad exponent");
		while (isdigit((unsigned char)*p))
			p++;
	}
}

static unsigned long elements;

static void container(char close, int depth)
{
	bool entry = entries_mode && depth == 1;
	bool has_key = false, has_value = false;

	p++;
	ws();
	if (entries_mode && !depth && close != ']')
		fail("not an array");
	if (*p == close) {
		p++;
		if (entry)
			fail("an element without key and value");
		return;
	}
	for (;;) {
		if (close == '}') {
			const char *name;

			ws();
			name = string();
			has_key |= !strncmp(name, "key\"", 4);
			has_value |= !strncmp(name, "value\"", 6) || !strncmp(name, "values\"", 7);
			ws();
			if (*p++ != ':')
				fail("expected ':'");
		}
		if (entries_mode && !depth) {
			ws();
			if (*p != '{')
				fail("an element that is not an object");
			elements++;
		}
		value(depth + 1);
		ws();
		if (*p == close) {
			p++;
			if (entry && !(has_key && has_value))
				fail("an element without key and value");
			return;
		}
		if (*p++ != ',')
			fail("expected ',' or the end of a container");
	}
}

static void value(int depth)
{
	if (depth > 512)
		fail("nested too deep");
	ws();
	if (*p == '{')
		container('}', depth);
	else if (*p == '[')
		container(']', depth);
	else if (*p == '"')
		string();
	else if (!strncmp(p, "true", 4))
		p += 4;
	else if (!strncmp(p, "false", 5))
		p += 5;
	else if (!strncmp(p, "null", 4))
		p += 4;
	else
		number();
}

int main(int argc, char **argv)
{
	size_t n = 0, cap = 1 << 16, got;
	char *buf = malloc(cap + 1);

	while (buf && (got = fread(buf + n, 1, cap - n, stdin)) > 0) {
		n += got;
		if (n == cap)
			buf = realloc(buf, (cap *= 2) + 1);
	}
	if (!buf)
		return 2;
	entries_mode = argc > 1 && !strcmp(argv[1], "-e");
	buf[n] = 0;
	if (strlen(buf) != n)
		return fprintf(stderr, "jsoncheck: NUL byte in input\n"), 1;
	p = start = buf;
	value(0);
	ws();
	if (*p)
		fail("text after the value");
	if (entries_mode)
		printf("%lu\n", elements);
	return 0;
}
