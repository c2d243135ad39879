/* out: block-buffered stdout, line-buffered when stdout is a terminal.
 * Follows what bpftool's output looks like, not how it writes it:
 * bpftool calls printf per byte with setlinebuf(stdout). */
#include "output/out.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char out_buf[OUT_BUF_SIZE];
size_t out_used;
int out_on_tty;
unsigned long out_drains;
static int write_error;

#define buf out_buf
#define used out_used
#define on_tty out_on_tty

static const char hex_digits[] = "0123456789abcdef";

void out_init(void)
{
	on_tty = isatty(1);
	used = 0;
	write_error = 0;
}

static void drain(void)
{
	size_t off = 0;

	out_drains++;
	while (off < used) {
		ssize_t n = write(1, buf + off, used - off);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			/* Reader went away (EPIPE) or disk full: drop the
			 * rest rather than spin; the exit path reports it. */
			write_error = errno;
			break;
		}
		off += (size_t)n;
	}
	used = 0;
}

int out_flush(void)
{
	drain();
	return write_error ? -write_error : 0;
}

void out_line_done(void)
{
	if (on_tty && used && buf[used - 1] == '\n')
		drain();
}

void out_write_slow(const char *s, size_t n)
{
	while (n > sizeof(buf) - used) {
		size_t room = sizeof(buf) - used;

		memcpy(buf + used, s, room);
		used += room;
		drain();
		s += room;
		n -= room;
	}
	memcpy(buf + used, s, n);
	used += n;
	if (on_tty && n && s[n - 1] == '\n')
		drain();
}

void out_str(const char *s)
{
	out_write(s, strlen(s));
}

void out_char_slow(char c)
{
	if (used == sizeof(buf))
		drain();
	buf[used++] = c;
	if (on_tty && c == '\n')
		drain();
}

void out_fmt(const char *fmt, ...)
{
	char tmp[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(tmp)) {
		/* Rare long text (paths): format again straight into a
		 * drained buffer, which is always large enough here. */
		drain();
		va_start(ap, fmt);
		n = vsnprintf(buf, sizeof(buf), fmt, ap);
		va_end(ap);
		used = (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1;
		return;
	}
	out_write(tmp, (size_t)n);
}

/* Digits of a value below 10^8, two at a time with 32-bit arithmetic
 * (x / 100 as a multiply: -Os would otherwise emit a divide), back from
 * end; with width, zero-padded to it.  Returns the new start. */
static char *digits32(char *end, uint32_t x, int width)
{
	static const char pairs[] =
		"00010203040506070809101112131415161718192021222324"
		"25262728293031323334353637383940414243444546474849"
		"50515253545556575859606162636465666768697071727374"
		"75767778798081828384858687888990919293949596979899";
	char *p = end;

	while (x >= 100 || (width && end - p < width)) {
		uint32_t q = (uint32_t)(((uint64_t)x * 0x51eb851fu) >> 37);
		unsigned d = (x - q * 100) * 2;

		*--p = pairs[d + 1];
		*--p = pairs[d];
		x = q;
	}
	if (x >= 10 || !width) {
		if (x >= 10) {
			*--p = pairs[x * 2 + 1];
			*--p = pairs[x * 2];
		} else {
			*--p = (char)('0' + x);
		}
	}
	return p;
}

void out_u64(uint64_t v)
{
	/* digits end at tmp + 24; the 24 bytes from p are readable */
	char tmp[48], *p = tmp + 24;

	/* Numbers are most of a BTF dump: 64-bit divides only to split a
	 * big value into 8-digit pieces; one digit needs no buffer. */
	if (v < 10) {
		out_char((char)('0' + v));
		return;
	}
	while (v >= 100000000) {
#ifdef __SIZEOF_INT128__
		/* v / 10^8 as the compiler's multiply (-Os emits a divide) */
		uint64_t q = (uint64_t)(((unsigned __int128)v * 0xabcc77118461cefdull) >> 90);
#else
		uint64_t q = v / 100000000;
#endif

		p = digits32(p, (uint32_t)(v - q * 100000000), 8);
		v = q;
	}
	p = digits32(p, (uint32_t)v, 0);
	/* a fixed-size copy: short variable ones are slow (rep movsb) */
	if (sizeof(buf) - used >= 24 && !out_on_tty) {
		memcpy(buf + used, p, 24);
		used += (size_t)(tmp + 24 - p);
	} else {
		out_write(p, (size_t)(tmp + 24 - p));
	}
}

void out_i64(int64_t v)
{
	if (v < 0) {
		out_char('-');
		out_u64(-(uint64_t)v);
	} else {
		out_u64((uint64_t)v);
	}
}

void out_hex_byte(unsigned char b)
{
	if (sizeof(buf) - used < 2)
		drain();
	buf[used++] = hex_digits[b >> 4];
	buf[used++] = hex_digits[b & 15];
}
