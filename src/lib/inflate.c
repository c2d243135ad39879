/* inflate: DEFLATE (RFC 1951) inside a gzip member (RFC 1952), for
 * /proc/config.gz without zlib.  The whole input is in memory and the
 * output grows in one buffer, so a back-reference is a copy within that
 * buffer.  Huffman codes are canonical: decoding walks the code lengths
 * one bit at a time (no tables to build beyond the per-length counts),
 * which is plenty for the few hundred KiB of a kernel config.  Every
 * read is bounds-checked: corrupt or truncated input is -EINVAL (or
 * -EFBIG past the caller's size limit), never a crash. */
#include "lib/inflate.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define MAX_BITS 15
#define LITLEN_CODES 288
#define DIST_CODES 32

struct huffman {
	uint16_t count[MAX_BITS + 1];	/* codes of each length */
	uint16_t symbol[LITLEN_CODES];	/* symbols ordered by code */
};

struct inflater {
	const uint8_t *in;
	size_t in_len, pos;
	uint32_t bits;		/* not yet used input bits, LSB first */
	unsigned nbits;		/* at most 7 between reads */
	uint8_t *out;
	size_t out_len, out_cap, out_max;
};

static int need(struct inflater *s, unsigned n)
{
	while (s->nbits < n) {
		if (s->pos >= s->in_len)
			return -EINVAL;	/* truncated */
		s->bits |= (uint32_t)s->in[s->pos++] << s->nbits;
		s->nbits += 8;
	}
	return 0;
}

/* n <= 16 bits; -EINVAL when the input ends first. */
static int getbits(struct inflater *s, unsigned n)
{
	int v;

	if (need(s, n))
		return -EINVAL;
	v = (int)(s->bits & ((1U << n) - 1));
	s->bits >>= n;
	s->nbits -= n;
	return v;
}

/* Canonical code from its lengths.  An over-subscribed set is corrupt;
 * an incomplete one is allowed (RFC 1951 permits a lone distance code)
 * and decodes to an error only if an unused code appears. */
static int huffman_build(struct huffman *h, const uint8_t *len, unsigned n)
{
	uint16_t offs[MAX_BITS + 1];
	unsigned i;
	int left = 1;

	memset(h->count, 0, sizeof(h->count));
	for (i = 0; i < n; i++)
		h->count[len[i]]++;
	for (i = 1; i <= MAX_BITS; i++) {
		left = left * 2 - h->count[i];
		if (left < 0)
			return -EINVAL;
	}
	offs[1] = 0;
	for (i = 1; i < MAX_BITS; i++)
		offs[i + 1] = offs[i] + h->count[i];
	for (i = 0; i < n; i++)
		if (len[i])
			h->symbol[offs[len[i]]++] = (uint16_t)i;
	return 0;
}

static int decode(struct inflater *s, const struct huffman *h)
{
	int code = 0, first = 0, index = 0, bit;
	unsigned len;

	for (len = 1; len <= MAX_BITS; len++) {
		bit = getbits(s, 1);
		if (bit < 0)
			return bit;
		code |= bit;
		if (code - h->count[len] < first)
			return h->symbol[index + code - first];
		index += h->count[len];
		first = (first + h->count[len]) << 1;
		code <<= 1;
	}
	return -EINVAL;		/* a code the lengths did not assign */
}

static int out_room(struct inflater *s, size_t n)
{
	size_t cap = s->out_cap ? s->out_cap : 65536;
	uint8_t *p;

	if (n > s->out_max - s->out_len)
		return -EFBIG;
	if (s->out_len + n <= s->out_cap)
		return 0;
	while (cap < s->out_len + n)
		cap *= 2;
	if (cap > s->out_max)
		cap = s->out_max;
	p = realloc(s->out, cap);
	if (!p)
		return -ENOMEM;
	s->out = p;
	s->out_cap = cap;
	return 0;
}

static int stored_block(struct inflater *s)
{
	unsigned len;
	int err;

	s->bits = 0;	/* the rest of the current byte is padding */
	s->nbits = 0;
	if (s->in_len - s->pos < 4)
		return -EINVAL;
	len = s->in[s->pos] | s->in[s->pos + 1] << 8;
	if ((len ^ (s->in[s->pos + 2] | s->in[s->pos + 3] << 8)) != 0xffff)
		return -EINVAL;
	s->pos += 4;
	if (s->in_len - s->pos < len)
		return -EINVAL;
	if (!len)
		return 0;
	err = out_room(s, len);
	if (err)
		return err;
	memcpy(s->out + s->out_len, s->in + s->pos, len);
	s->out_len += len;
	s->pos += len;
	return 0;
}

/* Length and distance symbols: base values and extra bits (RFC 1951
 * 3.2.5). */
static const uint16_t len_base[29] = {
	3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
	35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258 };
static const uint8_t len_extra[29] = {
	0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
	3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0 };
static const uint16_t dist_base[30] = {
	1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
	257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
	8193, 12289, 16385, 24577 };
static const uint8_t dist_extra[30] = {
	0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
	7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13 };

static int codes(struct inflater *s, const struct huffman *lit,
		 const struct huffman *dist)
{
	int sym, extra, err;
	size_t len, d;

	for (;;) {
		sym = decode(s, lit);
		if (sym < 0)
			return sym;
		if (sym < 256) {
			err = out_room(s, 1);
			if (err)
				return err;
			s->out[s->out_len++] = (uint8_t)sym;
			continue;
		}
		if (sym == 256)
			return 0;
		sym -= 257;
		if (sym >= 29)
			return -EINVAL;
		extra = getbits(s, len_extra[sym]);
		if (extra < 0)
			return extra;
		len = len_base[sym] + (size_t)extra;
		sym = decode(s, dist);
		if (sym < 0)
			return sym;
		if (sym >= 30)
			return -EINVAL;
		extra = getbits(s, dist_extra[sym]);
		if (extra < 0)
			return extra;
		d = dist_base[sym] + (size_t)extra;
		if (d > s->out_len)
			return -EINVAL;	/* before the start of the output */
		err = out_room(s, len);
		if (err)
			return err;
		/* Byte by byte: the source may overlap what is written. */
		for (; len; len--, s->out_len++)
			s->out[s->out_len] = s->out[s->out_len - d];
	}
}

static int fixed_block(struct inflater *s)
{
	struct huffman lit, dist;
	uint8_t len[LITLEN_CODES];

	memset(len, 8, 144);
	memset(len + 144, 9, 256 - 144);
	memset(len + 256, 7, 280 - 256);
	memset(len + 280, 8, LITLEN_CODES - 280);
	huffman_build(&lit, len, LITLEN_CODES);
	memset(len, 5, DIST_CODES);
	huffman_build(&dist, len, DIST_CODES);
	return codes(s, &lit, &dist);
}

static int dynamic_block(struct inflater *s)
{
	static const uint8_t order[19] = {
		16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15 };
	struct huffman lit, dist;
	uint8_t len[LITLEN_CODES + DIST_CODES];
	int nlen, ndist, ncode, i, sym, rep, fill;

	nlen = getbits(s, 5);
	ndist = getbits(s, 5);
	ncode = getbits(s, 4);
	if (ncode < 0)
		return -EINVAL;
	nlen += 257;
	ndist += 1;
	ncode += 4;
	if (nlen > 286 || ndist > 30)
		return -EINVAL;
	memset(len, 0, 19);
	for (i = 0; i < ncode; i++) {
		sym = getbits(s, 3);
		if (sym < 0)
			return sym;
		len[order[i]] = (uint8_t)sym;
	}
	if (huffman_build(&lit, len, 19))
		return -EINVAL;
	for (i = 0; i < nlen + ndist;) {
		sym = decode(s, &lit);
		if (sym < 0)
			return sym;
		if (sym < 16) {
			len[i++] = (uint8_t)sym;
			continue;
		}
		fill = 0;
		if (sym == 16) {
			if (!i)
				return -EINVAL;	/* nothing to repeat */
			fill = len[i - 1];
			rep = getbits(s, 2);
			rep = rep < 0 ? rep : rep + 3;
		} else if (sym == 17) {
			rep = getbits(s, 3);
			rep = rep < 0 ? rep : rep + 3;
		} else {
			rep = getbits(s, 7);
			rep = rep < 0 ? rep : rep + 11;
		}
		if (rep < 0 || i + rep > nlen + ndist)
			return -EINVAL;
		while (rep--)
			len[i++] = (uint8_t)fill;
	}
	if (!len[256])
		return -EINVAL;	/* no end-of-block code */
	if (huffman_build(&lit, len, (unsigned)nlen) ||
	    huffman_build(&dist, len + nlen, (unsigned)ndist))
		return -EINVAL;
	return codes(s, &lit, &dist);
}

static int inflate_blocks(struct inflater *s)
{
	int last, type, err;

	do {
		last = getbits(s, 1);
		type = getbits(s, 2);
		if (type < 0)
			return -EINVAL;
		if (type == 0)
			err = stored_block(s);
		else if (type == 1)
			err = fixed_block(s);
		else if (type == 2)
			err = dynamic_block(s);
		else
			err = -EINVAL;
		if (err)
			return err;
	} while (!last);
	return 0;
}

uint32_t crc32_ieee(uint32_t crc, const uint8_t *p, size_t n)
{
	uint32_t table[256], c;
	unsigned i, k;

	for (i = 0; i < 256; i++) {
		for (c = i, k = 0; k < 8; k++)
			c = c & 1 ? 0xedb88320U ^ (c >> 1) : c >> 1;
		table[i] = c;
	}
	crc = ~crc;
	while (n--)
		crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}

static uint32_t le32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Skip a zero-terminated header field; -EINVAL when it does not end. */
static int skip_string(const uint8_t *in, size_t n, size_t *pos)
{
	const uint8_t *end = memchr(in + *pos, 0, n - *pos);

	if (!end)
		return -EINVAL;
	*pos = (size_t)(end - in) + 1;
	return 0;
}

int gunzip(const uint8_t *in, size_t n, size_t max_out, uint8_t **out, size_t *out_len)
{
	struct inflater s;
	size_t pos = 10;
	uint8_t flags;
	int err;

	*out = NULL;
	*out_len = 0;
	/* ID1 ID2 CM FLG MTIME(4) XFL OS; FLG's top three bits are reserved. */
	if (n < 18 || in[0] != 0x1f || in[1] != 0x8b || in[2] != 8 || (in[3] & 0xe0))
		return -EINVAL;
	flags = in[3];
	if (flags & 4) {	/* FEXTRA */
		if (n - pos < 2 || n - pos - 2 < (size_t)(in[pos] | in[pos + 1] << 8))
			return -EINVAL;
		pos += 2 + (size_t)(in[pos] | in[pos + 1] << 8);
	}
	if ((flags & 8) && skip_string(in, n, &pos))	/* FNAME */
		return -EINVAL;
	if ((flags & 16) && skip_string(in, n, &pos))	/* FCOMMENT */
		return -EINVAL;
	if (flags & 2)		/* FHCRC */
		pos += 2;
	if (pos > n)
		return -EINVAL;

	memset(&s, 0, sizeof(s));
	s.in = in + pos;
	s.in_len = n - pos;
	s.out_max = max_out;
	err = inflate_blocks(&s);
	/* The trailer: CRC-32 and size (mod 2^32) of the data. */
	if (!err && (s.in_len - s.pos < 8 ||
		     le32(s.in + s.pos) != crc32_ieee(0, s.out, s.out_len) ||
		     le32(s.in + s.pos + 4) != (uint32_t)s.out_len))
		err = -EINVAL;
	if (err) {
		free(s.out);
		return err;
	}
	*out = s.out;
	*out_len = s.out_len;
	return 0;
}
