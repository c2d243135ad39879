/* randwords SEED COUNT MASK:VALUE...: COUNT pseudo-random 32-bit words,
 * little-endian on stdout, for disassembler sweeps.  Word i takes the
 * i-th class round robin: random bits where MASK is clear, VALUE's bits
 * where it is set.  A quarter of the words get one 5-bit register field
 * (bits 0, 5, 10 or 16) set to 31, the register number with the most
 * special cases (sp, xzr, the aliases).  Same arguments, same bytes:
 * xorshift64 from SEED. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	uint64_t s, i, count;
	int nclass = argc - 3;

	if (argc < 4) {
		fprintf(stderr, "usage: randwords SEED COUNT MASK:VALUE...\n");
		return 2;
	}
	s = strtoull(argv[1], NULL, 0) * 2654435761u + 1;
	count = strtoull(argv[2], NULL, 0);
	for (i = 0; i < count; i++) {
		char *end;
		const char *cls = argv[3 + i % nclass];
		uint32_t mask = strtoul(cls, &end, 0), value, w;

		value = *end == ':' ? strtoul(end + 1, NULL, 0) : 0;
		s ^= s << 13, s ^= s >> 7, s ^= s << 17;
		w = (uint32_t)(s >> 16);
		if ((s & 3) == 0)
			w |= 31u << ((const int[]){ 0, 5, 10, 16 })[s >> 2 & 3];
		w = (w & ~mask) | (value & mask);
		putchar(w & 0xff), putchar(w >> 8 & 0xff), putchar(w >> 16 & 0xff), putchar(w >> 24);
	}
	return fflush(stdout) ? 1 : 0;
}
