/* json: a strict RFC 8259 validator for the chaos harness.  Exactly one
 * value, whitespace (space, tab, CR, LF) allowed around it; strings must
 * be valid UTF-8 without raw control characters; numbers in the RFC's
 * grammar only.  Also notes whether any object has an "error" member
 * (how bpftool reports failures in JSON mode). */
#include "chaos.h"

#include <string.h>

struct p {
	const unsigned char *s, *end;
	const char *why;
	int depth;
	int has_error;
};

static int fail(struct p *p, const char *why)
{
	if (!p->why)
		p->why = why;
	return -1;
}

static void ws(struct p *p)
{
	while (p->s < p->end && (*p->s == ' ' || *p->s == '\t' || *p->s == '\n' || *p->s == '\r'))
		p->s++;
}

static int lit(struct p *p, const char *word)
{
	size_t n = strlen(word);

	if ((size_t)(p->end - p->s) < n || memcmp(p->s, word, n))
		return fail(p, "bad literal");
	p->s += n;
	return 0;
}

static int hex4(const unsigned char *s)
{
	int i;

	for (i = 0; i < 4; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'f')))
			return -1;
	return 0;
}

/* One UTF-8 sequence starting at p->s (a byte >= 0x80). */
static int utf8(struct p *p)
{
	const unsigned char *s = p->s;
	unsigned c = s[0], n, cp, i;

	if (c >= 0xc2 && c <= 0xdf)
		n = 1, cp = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		n = 2, cp = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 3, cp = c & 0x07;
	else
		return fail(p, "invalid UTF-8 in a string");
	if ((size_t)(p->end - s) <= n)
		return fail(p, "truncated UTF-8 in a string");
	for (i = 1; i <= n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return fail(p, "invalid UTF-8 in a string");
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return fail(p, "invalid UTF-8 in a string");
	p->s += n + 1;
	return 0;
}

static int string(struct p *p, int *is_error)
{
	const unsigned char *start;

	p->s++;	/* opening quote */
	start = p->s;
	for (;;) {
		if (p->s >= p->end)
			return fail(p, "unterminated string");
		if (*p->s == '"')
			break;
		if (*p->s < 0x20)
			return fail(p, "raw control character in a string");
		if (*p->s == '\\') {
			p->s++;
			if (p->s >= p->end)
				return fail(p, "unterminated string");
			if (*p->s == 'u') {
				if (p->end - p->s < 5 || hex4(p->s + 1))
					return fail(p, "bad \\u escape");
				p->s += 5;
			} else if (strchr("\"\\/bfnrt", *p->s) && *p->s) {
				p->s++;
			} else {
				return fail(p, "bad escape in a string");
			}
		} else if (*p->s >= 0x80) {
			if (utf8(p))
				return -1;
		} else {
			p->s++;
		}
	}
	if (is_error)
		*is_error = p->s - start == 5 && !memcmp(start, "error", 5);
	p->s++;
	return 0;
}

static int digits(struct p *p)
{
	const unsigned char *s = p->s;

	while (p->s < p->end && *p->s >= '0' && *p->s <= '9')
		p->s++;
	return p->s > s ? 0 : fail(p, "bad number");
}

static int number(struct p *p)
{
	if (*p->s == '-')
		p->s++;
	if (p->s < p->end && *p->s == '0')
		p->s++;
	else if (digits(p))
		return -1;
	if (p->s < p->end && *p->s == '.') {
		p->s++;
		if (digits(p))
			return -1;
	}
	if (p->s < p->end && (*p->s == 'e' || *p->s == 'E')) {
		p->s++;
		if (p->s < p->end && (*p->s == '+' || *p->s == '-'))
			p->s++;
		if (digits(p))
			return -1;
	}
	return 0;
}

static int value(struct p *p);

static int container(struct p *p, int object)
{
	unsigned char close = object ? '}' : ']';

	if (++p->depth > 512)
		return fail(p, "nested too deep");
	p->s++;
	ws(p);
	if (p->s < p->end && *p->s == close) {
		p->s++;
		p->depth--;
		return 0;
	}
	for (;;) {
		if (object) {
			int is_error = 0;

			if (p->s >= p->end || *p->s != '"')
				return fail(p, "expected a member name");
			if (string(p, &is_error))
				return -1;
			if (is_error)
				p->has_error = 1;
			ws(p);
			if (p->s >= p->end || *p->s != ':')
				return fail(p, "expected ':'");
			p->s++;
		}
		if (value(p))
			return -1;
		ws(p);
		if (p->s < p->end && *p->s == ',') {
			p->s++;
			ws(p);
			continue;
		}
		if (p->s < p->end && *p->s == close) {
			p->s++;
			p->depth--;
			return 0;
		}
		return fail(p, object ? "expected ',' or '}'" : "expected ',' or ']'");
	}
}

static int value(struct p *p)
{
	ws(p);
	if (p->s >= p->end)
		return fail(p, "missing value");
	switch (*p->s) {
	case '{':
		return container(p, 1);
	case '[':
		return container(p, 0);
	case '"':
		return string(p, NULL);
	case 't':
		return lit(p, "true");
	case 'f':
		return lit(p, "false");
	case 'n':
		return lit(p, "null");
	default:
		if (*p->s == '-' || (*p->s >= '0' && *p->s <= '9'))
			return number(p);
		return fail(p, "not a JSON value");
	}
}

int json_check(const char *text, size_t len, const char **why, int *has_error)
{
	struct p p = { (const unsigned char *)text, (const unsigned char *)text + len, NULL, 0, 0 };

	*has_error = 0;
	if (len == 0) {
		*why = "empty output";
		return -1;
	}
	if (value(&p) == 0) {
		ws(&p);
		if (p.s != p.end)
			fail(&p, "text after the value");
	}
	*has_error = p.has_error;
	*why = p.why;
	return p.why ? -1 : 0;
}
