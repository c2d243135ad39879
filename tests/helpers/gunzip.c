/* gunzip < FILE.gz > FILE: bpfbox's inflate (src/lib/inflate.c) as a
 * filter, so tests can check it against gzip -1 ... -9 and bad input.
 * Exit 1 with the error on stderr when the input is rejected. */
#include "lib/inflate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
	size_t n = 0, cap = 1 << 16, out_len;
	uint8_t *in = malloc(cap), *out;
	int err;

	while (in) {
		size_t got = fread(in + n, 1, cap - n, stdin);

		n += got;
		if (n < cap)
			break;
		cap *= 2;
		in = realloc(in, cap);
	}
	if (!in)
		return 2;
	err = gunzip(in, n, (size_t)1 << 30, &out, &out_len);
	if (err) {
		fprintf(stderr, "gunzip: %s\n", strerror(-err));
		return 1;
	}
	fwrite(out, 1, out_len, stdout);
	free(in);
	free(out);
	return 0;
}
