/* vec: room for one more element in a growable array (doubling, from
 * 64), shared by the id tables (idtab.c) and net.c's device lists.  Returns the
 * array (moved, perhaps) or NULL when out of memory; *cap changes only on
 * success, and the old array stays valid on failure. */
#ifndef BPFBOX_VEC_H
#define BPFBOX_VEC_H

#include <stdlib.h>

static inline void *vec_room(void *v, size_t *cap, size_t n, size_t elem)
{
	size_t want;

	if (n < *cap)
		return v;
	want = *cap ? *cap * 2 : 64;
	v = realloc(v, want * elem);
	if (v)
		*cap = want;
	return v;
}

#endif
