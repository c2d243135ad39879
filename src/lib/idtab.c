/* idtab: see idtab.h.  Entries are compared through their leading
 * struct idtab_key only, so one qsort and one bisection serve every
 * entry type. */
#include "lib/idtab.h"
#include "lib/hash_order.h"
#include "lib/vec.h"

#include <stdlib.h>
#include <string.h>

#define KEY(t, i) ((const struct idtab_key *)((const char *)(t)->v + (i) * (t)->size))

void idtab_init(struct idtab *t, size_t entry_size)
{
	memset(t, 0, sizeof(*t));
	t->size = entry_size;
}

void *idtab_add(struct idtab *t, uint32_t id)
{
	struct idtab_key *k;
	void *v = vec_room(t->v, &t->cap, t->n, t->size);

	if (!v)
		return NULL;
	t->v = v;
	k = (struct idtab_key *)((char *)t->v + t->n * t->size);
	memset(k, 0, t->size);
	k->id = id;
	k->seq = (uint32_t)t->n++;
	return k;
}

static int by_id(const void *a, const void *b)
{
	const struct idtab_key *x = a, *y = b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void idtab_sort(struct idtab *t)
{
	if (t->n)
		qsort(t->v, t->n, t->size, by_id);
}

const void *idtab_of(const struct idtab *t, uint32_t id, size_t *n)
{
	size_t lo = 0, hi = t->n, end;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (KEY(t, mid)->id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < t->n && KEY(t, end)->id == id; end++)
		;
	*n = end - lo;
	/* No arithmetic on v unless the run is there: v is NULL in an
	 * empty table. */
	return *n ? KEY(t, lo) : NULL;
}

void *idtab_hash_ordered(const struct idtab *t, uint32_t id, size_t *n)
{
	const char *run = idtab_of(t, id, n);
	uint32_t *seq = NULL;
	size_t *buf = NULL, *idx, i;
	char *out = NULL;

	if (!*n)
		return NULL;
	seq = malloc(*n * sizeof(*seq));
	buf = malloc(2 * *n * sizeof(*buf));
	out = malloc(*n * t->size);
	if (seq && buf && out) {
		for (i = 0; i < *n; i++)
			seq[i] = ((const struct idtab_key *)(run + i * t->size))->seq;
		idx = hash_order(seq, *n, t->n, buf);
		for (i = 0; i < *n; i++)
			memcpy(out + i * t->size, run + idx[i] * t->size, t->size);
	} else {
		free(out);
		out = NULL;
		*n = 0;
	}
	free(seq);
	free(buf);
	return out;
}

void idtab_free(struct idtab *t)
{
	free(t->v);
	t->v = NULL;
	t->n = t->cap = 0;
}
