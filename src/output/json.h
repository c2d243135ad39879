/* json: a streaming JSON writer on top of out.
 *
 * It reproduces the layout of bpftool's json_writer byte for byte (the
 * same comma, newline and 4-space indentation rules, "name": value with a
 * space only when pretty), so that -j and -p output is identical.  Unlike
 * bpftool's, strings are always escaped completely (every control
 * character, see docs/compat.md). */
#ifndef BPFBOX_JSON_H
#define BPFBOX_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define JSON_DEPTH_TRACKED 256

struct json {
	unsigned depth;
	bool pretty;
	char sep;	/* ',' once the current container has an element */
	bool after_name;	/* a name was written, its value not yet */
	/* Bit per level: is that container an array?  Lets json_close()
	 * end whatever a failed command left open, and lets an error be
	 * placed where the document can still take it. */
	unsigned char is_array[JSON_DEPTH_TRACKED / 8];
};

/* What the writer can take next, for placing an error message. */
enum json_slot {
	JSON_SLOT_TOP,		/* nothing written yet: a whole document */
	JSON_SLOT_FULL,		/* the document is complete: nothing more */
	JSON_SLOT_VALUE,	/* an array element, or the value after a name */
	JSON_SLOT_FIELD,	/* a "name": value pair in an object */
};
enum json_slot json_slot(const struct json *j);
/* End every container deeper than depth (arrays with ']', objects '}'). */
void json_close(struct json *j, unsigned depth);

void json_init(struct json *j, bool pretty);
void json_start_object(struct json *j);
void json_end_object(struct json *j);
void json_start_array(struct json *j);
void json_end_array(struct json *j);
void json_name(struct json *j, const char *name);

void json_string(struct json *j, const char *s);
void json_string_n(struct json *j, const char *s, size_t n);
void json_uint(struct json *j, uint64_t v);
void json_int(struct json *j, int64_t v);
void json_bool(struct json *j, bool v);
void json_null(struct json *j);
/* A value already formatted as JSON text (a number, "0x%02x" string...). */
/* Pretty mode: a new line indented to depth (what closes a container
 * that had an element, or starts a name); nothing in compact mode.  For
 * text written around the writer, as compiled BTF values are. */
void json_eol_at(const struct json *j, unsigned depth);
void json_raw(struct json *j, const char *text);
void json_rawf(struct json *j, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Array of "0xNN" strings, as bpftool prints key and value bytes. */
void json_hex_array(struct json *j, const unsigned char *data, size_t n);

void json_string_field(struct json *j, const char *name, const char *s);
void json_uint_field(struct json *j, const char *name, uint64_t v);
void json_int_field(struct json *j, const char *name, int64_t v);
void json_bool_field(struct json *j, const char *name, bool v);
void json_null_field(struct json *j, const char *name);

/* The final newline bpftool's jsonw_destroy() prints. */
void json_finish(struct json *j);

/* Write s as a quoted, escaped JSON string, without any comma logic. */
void json_quote(const char *s, size_t n);

#endif
