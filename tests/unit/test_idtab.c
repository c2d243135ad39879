/* The id table behind pins, holders and BTF users (src/lib/idtab.c). */
#include "unit.h"
#include "lib/hash_order.h"
#include "lib/idtab.h"

#include <stdlib.h>

struct ent {
	struct idtab_key k;
	uint32_t val;
};

TEST(idtab_empty)
{
	struct idtab t;
	size_t n = 99;

	/* v is NULL here: a lookup must not compute anything from it. */
	idtab_init(&t, sizeof(struct ent));
	idtab_sort(&t);
	CHECK(idtab_of(&t, 5, &n) == NULL);
	CHECK_INT(n, 0);
	n = 99;
	CHECK(idtab_hash_ordered(&t, 5, &n) == NULL);
	CHECK_INT(n, 0);
	idtab_free(&t);
}

TEST(idtab_runs)
{
	static const uint32_t ids[] = { 7, 3, 7, 9, 3, 7 };
	const struct ent *run;
	struct idtab t;
	size_t n, i;

	idtab_init(&t, sizeof(struct ent));
	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		struct ent *e = idtab_add(&t, ids[i]);

		CHECK(e != NULL);
		if (e)
			e->val = (uint32_t)i * 10;
	}
	idtab_sort(&t);
	run = idtab_of(&t, 7, &n);
	CHECK_INT(n, 3);
	if (n == 3) {	/* discovery order within an id */
		CHECK_INT(run[0].val, 0);
		CHECK_INT(run[1].val, 20);
		CHECK_INT(run[2].val, 50);
		CHECK_INT(run[2].k.seq, 5);
	}
	run = idtab_of(&t, 3, &n);
	CHECK_INT(n, 2);
	CHECK(idtab_of(&t, 1, &n) == NULL);
	CHECK(idtab_of(&t, 8, &n) == NULL);
	CHECK(idtab_of(&t, 10, &n) == NULL);
	idtab_free(&t);
}

/* Many entries of one id among others: the copies come out in the order
 * hash_order() gives for their discovery numbers. */
TEST(idtab_hash_order)
{
	uint32_t seq[40];
	size_t buf[80], *idx, n = 0, i, k = 0;
	struct ent *out;
	struct idtab t;

	idtab_init(&t, sizeof(struct ent));
	for (i = 0; i < 100; i++) {
		struct ent *e = idtab_add(&t, i % 5 == 2 ? 42 : (uint32_t)i);

		if (e)
			e->val = (uint32_t)i;
		if (i % 5 == 2)
			seq[k++] = (uint32_t)i;
	}
	idtab_sort(&t);
	out = idtab_hash_ordered(&t, 42, &n);
	CHECK_INT(n, k);
	idx = hash_order(seq, k, 100, buf);
	for (i = 0; out && i < n; i++)
		CHECK_INT(out[i].val, seq[idx[i]]);
	free(out);
	idtab_free(&t);
}
