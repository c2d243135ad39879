/* json: streaming writer with bpftool's json_writer.c layout rules.
 *
 * Layout facts copied as behaviour (not code) from bpftool:
 *  - a value or name is preceded by ',' when its container already has one;
 *  - in pretty mode a name starts a new line indented 4 spaces per level,
 *    and a container closes on a new line only if it had an element;
 *  - array elements (values without names) are never put on new lines. */
#include "output/json.h"
#include "output/out.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void json_init(struct json *j, bool pretty)
{
	memset(j, 0, sizeof(*j));
	j->pretty = pretty;
}

static bool level_is_array(const struct json *j, unsigned depth)
{
	return depth < JSON_DEPTH_TRACKED &&
	       (j->is_array[depth / 8] >> (depth % 8) & 1);
}

enum json_slot json_slot(const struct json *j)
{
	if (j->after_name)
		return JSON_SLOT_VALUE;
	if (!j->depth)
		return j->sep ? JSON_SLOT_FULL : JSON_SLOT_TOP;
	return level_is_array(j, j->depth) ? JSON_SLOT_VALUE : JSON_SLOT_FIELD;
}

void json_close(struct json *j, unsigned depth)
{
	if (j->after_name)
		json_null(j);
	while (j->depth > depth) {
		if (level_is_array(j, j->depth))
			json_end_array(j);
		else
			json_end_object(j);
	}
}

void json_eol_at(const struct json *j, unsigned depth)
{
	unsigned i;

	if (!j->pretty)
		return;
	out_char('\n');
	for (i = 0; i < depth; i++)
		out_write("    ", 4);
}

static void eol(struct json *j)
{
	json_eol_at(j, j->depth);
}

static void eor(struct json *j)
{
	if (j->sep)
		out_char(j->sep);
	j->sep = ',';
	j->after_name = false;
}

static void begin(struct json *j, char c)
{
	unsigned d;

	eor(j);
	out_char(c);
	d = ++j->depth;
	if (d < JSON_DEPTH_TRACKED) {
		if (c == '[')
			j->is_array[d / 8] |= (unsigned char)(1u << (d % 8));
		else
			j->is_array[d / 8] &= (unsigned char)~(1u << (d % 8));
	}
	j->sep = 0;
}

static void end(struct json *j, char c)
{
	if (j->depth)
		j->depth--;
	if (j->sep)
		eol(j);
	out_char(c);
	j->sep = ',';
}

void json_start_object(struct json *j) { begin(j, '{'); }
void json_end_object(struct json *j) { end(j, '}'); }
void json_start_array(struct json *j) { begin(j, '['); }
void json_end_array(struct json *j) { end(j, ']'); }

/* Characters a JSON string cannot hold as they are: controls, DEL, '"'
 * and '\\' (1), and bytes >= 0x80 (2), which are kept only as part of
 * valid UTF-8.  Filled on first use. */
static unsigned char needs_escape[256];

/* Length of the valid UTF-8 sequence at s (RFC 3629: no overlongs, no
 * surrogates, nothing above U+10FFFF), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0], len, cp, i;

	if (c >= 0xc2 && c <= 0xdf)
		len = 2, cp = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3, cp = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4, cp = c & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (len == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return len;
}

void json_quote(const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, start = 0;

	if (!needs_escape['"']) {
		for (i = 0; i < 0x20; i++)
			needs_escape[i] = 1;
		needs_escape[0x7f] = needs_escape['"'] = needs_escape['\\'] = 1;
		for (i = 0x80; i < 0x100; i++)
			needs_escape[i] = 2;
	}
	out_char('"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		char u[6];

		if (!needs_escape[c])
			continue;
		if (needs_escape[c] == 2) {
			size_t len = utf8_len((const unsigned char *)s + i, n - i);

			if (len) {
				i += len - 1;
				continue;
			}
			/* Not UTF-8 (a path in another encoding, a raw
			 * byte): JSON text must be UTF-8, so say U+FFFD. */
			esc = "\\ufffd";
		} else switch (c) {
		case '\t': esc = "\\t"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\f': esc = "\\f"; break;
		case '\b': esc = "\\b"; break;
		case '\\': esc = "\\\\"; break;
		case '"': esc = "\\\""; break;
		default:
			memcpy(u, "\\u00", 4);
			u[4] = hex[c >> 4];
			u[5] = hex[c & 15];
		}
		out_write(s + start, i - start);
		if (esc)
			out_str(esc);
		else
			out_write(u, 6);
		start = i + 1;
	}
	out_write(s + start, n - start);
	out_char('"');
}

void json_name(struct json *j, const char *name)
{
	eor(j);
	eol(j);
	j->sep = 0;
	j->after_name = true;
	json_quote(name, strlen(name));
	out_char(':');
	if (j->pretty)
		out_char(' ');
}

void json_string_n(struct json *j, const char *s, size_t n)
{
	eor(j);
	json_quote(s, n);
}

void json_string(struct json *j, const char *s)
{
	json_string_n(j, s, strlen(s));
}

void json_uint(struct json *j, uint64_t v)
{
	eor(j);
	out_u64(v);
}

void json_int(struct json *j, int64_t v)
{
	eor(j);
	out_i64(v);
}

void json_raw(struct json *j, const char *text)
{
	eor(j);
	out_str(text);
}

void json_rawf(struct json *j, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	json_raw(j, tmp);
}

void json_bool(struct json *j, bool v) { json_raw(j, v ? "true" : "false"); }
void json_null(struct json *j) { json_raw(j, "null"); }

void json_hex_array(struct json *j, const unsigned char *data, size_t n)
{
	/* ",\"0xNN\"" for every byte, padded to 8 so one copy moves it. */
	static char quoted[256][8];
	char buf[8 * 128 + 8];
	size_t i = 0;

	if (!quoted[0][0]) {
		static const char hex[] = "0123456789abcdef";
		unsigned b;

		for (b = 0; b < 256; b++)
			memcpy(quoted[b], (char[8]){ ',', '"', '0', 'x', hex[b >> 4],
						     hex[b & 15], '"', 0 }, 8);
	}
	json_start_array(j);
	/* The hot path of -j dumps: whole runs of bytes per write. */
	while (i < n) {
		char *p = buf;
		size_t end = n - i > 128 ? i + 128 : n;

		for (; i < end; i++) {
			memcpy(p, quoted[data[i]], 8);
			p += 7;
		}
		/* The array's first element has no comma before it. */
		if (!j->sep)
			out_write(buf + 1, (size_t)(p - buf) - 1);
		else
			out_write(buf, (size_t)(p - buf));
		j->sep = ',';
	}
	json_end_array(j);
}

void json_string_field(struct json *j, const char *name, const char *s)
{
	json_name(j, name);
	json_string(j, s);
}

void json_uint_field(struct json *j, const char *name, uint64_t v)
{
	json_name(j, name);
	json_uint(j, v);
}

void json_int_field(struct json *j, const char *name, int64_t v)
{
	json_name(j, name);
	json_int(j, v);
}

void json_bool_field(struct json *j, const char *name, bool v)
{
	json_name(j, name);
	json_bool(j, v);
}

void json_null_field(struct json *j, const char *name)
{
	json_name(j, name);
	json_null(j);
}

void json_finish(struct json *j)
{
	(void)j;
	out_char('\n');
}
