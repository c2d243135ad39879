/* out: the one buffered writer for stdout.
 *
 * Everything bpfbox prints on stdout goes through here, so output is
 * written in large blocks (or per line on a terminal) instead of one
 * stdio call per byte.  Nothing here knows about JSON or maps. */
#ifndef BPFBOX_OUT_H
#define BPFBOX_OUT_H

#include <stddef.h>
#include <stdint.h>

void out_init(void);
void out_write(const char *s, size_t n);
void out_str(const char *s);
void out_char(char c);
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
