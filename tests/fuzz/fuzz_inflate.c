/* libFuzzer target for the gzip/DEFLATE reader (src/lib/inflate.c):
 * any bytes must give an error or a buffer whose length the trailer
 * vouched for, with no read outside the input (ASan) and no undefined
 * behaviour (UBSan).  The output limit is small so that expanding
 * inputs hit the -EFBIG path too. */
#include "lib/inflate.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *out;
	size_t len;

	if (!gunzip(data, size, 1 << 20, &out, &len)) {
		if (len > 1 << 20)
			abort();
		free(out);
	}
	return 0;
}
