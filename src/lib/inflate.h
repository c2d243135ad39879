/* inflate: gzip (RFC 1952) around DEFLATE (RFC 1951), in memory, for
 * reading /proc/config.gz without zlib.  No I/O, no printing. */
#ifndef BPFBOX_INFLATE_H
#define BPFBOX_INFLATE_H

#include <stddef.h>
#include <stdint.h>

/* Decompress the first gzip member of in[0..n).  On success *out is a
 * malloc'd buffer of *out_len bytes (NULL when empty) whose CRC-32 and
 * size matched the trailer.  -EINVAL for corrupt or truncated input,
 * -EFBIG when the data would exceed max_out bytes, -ENOMEM. */
int gunzip(const uint8_t *in, size_t n, size_t max_out, uint8_t **out, size_t *out_len);

/* CRC-32 as gzip computes it; crc is 0 to start, or the previous value. */
uint32_t crc32_ieee(uint32_t crc, const uint8_t *p, size_t n);

#endif
