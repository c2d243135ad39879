/* dedup: several split BTF blobs on one base merged into one split BTF,
 * as upstream bpftool's "btf dump file A file B ..." does with libbpf's
 * btf__add_btf() (append, ids and strings renumbered) and btf__dedup()
 * (its passes: primitive types, struct/union/typedef graphs compared
 * side by side with FWD resolution, unambiguous FWDs by name, reference
 * types, compaction, remap).  The result has the same types in the same
 * order as libbpf's, so both dumps print what upstream prints.
 *
 * Strings are compared by number as libbpf does after its string pass:
 * every split string is given the base's offset when the base has it,
 * else one new offset per distinct string.  Where several equal types
 * are candidates, the first in libbpf's hash map order wins, so that
 * map's order is kept: newest first per key, reversed on each growth.
 *
 * The blobs may be hostile: every type id is checked before the passes,
 * and the recursions are bounded (libbpf's are not). */
#include "btf/btf.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define ID_MAX		0x7fffffffu
#define ID_UNSEEN	0xffffffffu
#define ID_BUSY		0xfffffffeu
#define MAX_DEPTH	20000

/* A chained hash map keyed by a 64-bit signature, grown as libbpf's
 * hashmap (75% load, head insertion, buckets re-linked in order). */
struct cand {
	uint64_t key;
	uint32_t id, next;	/* next: entry index + 1 */
};

struct cands {
	uint32_t *bkt;		/* entry index + 1 */
	struct cand *e;
	uint32_t n, bits;	/* bits 0: no buckets yet */
};

static uint32_t bucket(uint64_t key, unsigned bits)
{
	return (uint32_t)((key * 11400714819323198485ull) >> (64 - bits));
}

static int cands_add(struct cands *m, uint64_t key, uint32_t id)
{
	size_t cap = m->bits ? (size_t)1 << m->bits : 0, i;
	uint32_t *bkt, j, next;
	unsigned bits;
	void *e;

	if (!cap || (size_t)(m->n + 1) * 4 / 3 > cap) {
		bits = m->bits < 2 ? 2 : m->bits + 1;
		bkt = calloc((size_t)1 << bits, sizeof(*bkt));
		e = realloc(m->e, ((size_t)1 << bits) * sizeof(*m->e));
		if (!bkt || !e) {
			free(bkt);
			if (e)
				m->e = e;
			return -ENOMEM;
		}
		m->e = e;
		for (i = 0; i < cap; i++)
			for (j = m->bkt[i]; j; j = next) {
				uint32_t b = bucket(m->e[j - 1].key, bits);

				next = m->e[j - 1].next;
				m->e[j - 1].next = bkt[b];
				bkt[b] = j;
			}
		free(m->bkt);
		m->bkt = bkt;
		m->bits = bits;
	}
	i = bucket(key, m->bits);
	m->e[m->n] = (struct cand){ key, id, m->bkt[i] };
	m->bkt[i] = ++m->n;
	return 0;
}

/* The first entry of key after entry *at (0: from the start), or NULL. */
static struct cand *cands_next(const struct cands *m, uint64_t key, uint32_t *at)
{
	uint32_t j = *at ? m->e[*at - 1].next : m->bits ? m->bkt[bucket(key, m->bits)] : 0;

	for (; j; j = m->e[j - 1].next)
		if (m->e[j - 1].key == key) {
			*at = j;
			return &m->e[j - 1];
		}
	return NULL;
}

#define for_each_cand(m, key, c, at) \
	for (at = 0; (c = cands_next(m, key, &at)); )

struct dedup {
	const struct btf *base;
	uint32_t start, end;	/* split ids: start .. end - 1 */
	uint32_t *words, *off;	/* split records, and each one's word offset */
	uint32_t *map;		/* id -> its canonical id (or ID_UNSEEN/BUSY) */
	uint32_t *hypot, *hlist, hcnt;	/* canonical -> candidate, while comparing */
	bool adjust_base;	/* the comparison would resolve a base FWD */
	struct cands c;
	char *strs;		/* the split strings the base does not have */
	uint32_t strs_len;
};

static struct btf_type *T(const struct dedup *d, uint32_t id)
{
	if (id < d->start)
		return (struct btf_type *)btf_type_by_id(d->base, id);
	return (struct btf_type *)(d->words + d->off[id - d->start]);
}

/* The i-th string offset (names) or type id field of t, NULL past the last. */
static uint32_t *field(struct btf_type *t, unsigned i, bool names)
{
	uint32_t *w = (uint32_t *)(t + 1), n = btf_vlen(t);

	switch (btf_kind(t) | (names ? 0x100 : 0)) {
	case 0x100 | BTF_KIND_STRUCT:
	case 0x100 | BTF_KIND_UNION:
	case 0x100 | BTF_KIND_ENUM64:
		return !i ? &t->name_off : i <= n ? w + 3 * (i - 1) : NULL;
	case 0x100 | BTF_KIND_ENUM:
	case 0x100 | BTF_KIND_FUNC_PROTO:
		return !i ? &t->name_off : i <= n ? w + 2 * (i - 1) : NULL;
	case BTF_KIND_PTR:
	case BTF_KIND_TYPEDEF:
	case BTF_KIND_VOLATILE:
	case BTF_KIND_CONST:
	case BTF_KIND_RESTRICT:
	case BTF_KIND_FUNC:
	case BTF_KIND_VAR:
	case BTF_KIND_DECL_TAG:
	case BTF_KIND_TYPE_TAG:
		return i ? NULL : &t->type;
	case BTF_KIND_ARRAY:
		return i < 2 ? w + i : NULL;
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		return i < n ? w + 3 * i + 1 : NULL;
	case BTF_KIND_FUNC_PROTO:
		return !i ? &t->type : i <= n ? w + 2 * (i - 1) + 1 : NULL;
	case BTF_KIND_DATASEC:
		return i < n ? w + 3 * i : NULL;
	default:
		return names && !i ? &t->name_off : NULL;
	}
}

static uint64_t mix(uint64_t h, uint32_t v)
{
	return h * 31 + v;
}

/* libbpf's type signature for the dedup table: name and info, then the
 * size, then what the kind compares exactly (member names and offsets,
 * array and prototype ids once these are canonical). */
static uint64_t signature(const struct btf_type *t)
{
	const uint32_t *w = (const uint32_t *)(t + 1);
	unsigned k = btf_kind(t), i, n = btf_vlen(t);
	uint64_t h = mix(0, t->name_off);

	if (k == BTF_KIND_ENUM || k == BTF_KIND_ENUM64)
		return h;	/* enum forward declarations match any size */
	h = mix(h, t->info);
	if (k == BTF_KIND_TYPEDEF)
		return h;
	h = mix(h, t->size);
	switch (k) {
	case BTF_KIND_INT:
	case BTF_KIND_DECL_TAG:
		return mix(h, w[0]);
	case BTF_KIND_ARRAY:
		return mix(mix(mix(h, w[0]), w[1]), w[2]);
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		for (i = 0; i < n; i++)
			h = mix(mix(h, w[3 * i]), w[3 * i + 2]);
		return h;
	case BTF_KIND_FUNC_PROTO:
		for (i = 0; i < 2 * n; i++)
			h = mix(h, w[i]);
		return h;
	}
	return h;
}

/* Equal records: what libbpf's btf_equal_*() compare, for the kinds
 * whose every word is compared (ids included, once canonical). */
static bool same(const struct btf_type *a, const struct btf_type *b)
{
	return a->info == b->info && !memcmp(a, b, btf_type_size(a));
}

/* Same name, info and size, and each member's name and offset. */
static bool shallow_same(const struct btf_type *a, const struct btf_type *b)
{
	const uint32_t *x = (const uint32_t *)(a + 1), *y = (const uint32_t *)(b + 1);
	unsigned i, n = btf_vlen(a);

	if (a->name_off != b->name_off || a->info != b->info || a->size != b->size)
		return false;
	for (i = 0; i < n; i++)
		if (x[3 * i] != y[3 * i] || x[3 * i + 2] != y[3 * i + 2])
			return false;
	return true;
}

static bool is_enum(const struct btf_type *t)
{
	return btf_kind(t) == BTF_KIND_ENUM || btf_kind(t) == BTF_KIND_ENUM64;
}

static bool enum_fwd(const struct btf_type *t)
{
	return is_enum(t) && !btf_vlen(t);
}

/* Enums, where a forward declaration (no values) matches any enum. */
static bool enum_compat(const struct btf_type *a, const struct btf_type *b)
{
	if (!enum_fwd(a) && !enum_fwd(b))
		return same(a, b);
	return a->name_off == b->name_off && is_enum(a) && is_enum(b);
}

static bool array_compat(const struct btf_type *a, const struct btf_type *b)
{
	return a->name_off == b->name_off && a->info == b->info &&
	       a->size == b->size && btf_array(a)->nelems == btf_array(b)->nelems;
}

/* Prototypes alike but for the ids. */
static bool proto_compat(const struct btf_type *a, const struct btf_type *b)
{
	unsigned i, n = btf_vlen(a);

	if (a->name_off != b->name_off || a->info != b->info)
		return false;
	for (i = 0; i < n; i++)
		if (btf_params(a)[i].name_off != btf_params(b)[i].name_off)
			return false;
	return true;
}

/* Kinds that refer to no type: equal (or compatible enums), 0 or 1;
 * -1 for the other kinds. */
static int leaf_equal(const struct btf_type *x, const struct btf_type *y)
{
	switch (btf_kind(x)) {
	case BTF_KIND_INT:
	case BTF_KIND_FWD:
	case BTF_KIND_FLOAT:
		return same(x, y);
	case BTF_KIND_ENUM:
	case BTF_KIND_ENUM64:
		return enum_compat(x, y);
	}
	return -1;
}

static bool is_ref(unsigned k)
{
	return k == BTF_KIND_PTR || k == BTF_KIND_TYPEDEF || k == BTF_KIND_FUNC ||
	       (k >= BTF_KIND_VOLATILE && k <= BTF_KIND_RESTRICT) || k == BTF_KIND_TYPE_TAG;
}

static bool mapped(const struct dedup *d, uint32_t id)
{
	return d->map[id] <= ID_MAX;
}

static uint32_t resolve(const struct dedup *d, uint32_t id)
{
	uint32_t steps = d->end;

	while (mapped(d, id) && d->map[id] != id && steps--)
		id = d->map[id];
	return id;
}

/* A FWD already resolved to its struct or union: that one. */
static uint32_t resolve_fwd(const struct dedup *d, uint32_t id)
{
	uint32_t r;

	if (btf_kind(T(d, id)) != BTF_KIND_FWD)
		return id;
	r = resolve(d, id);
	return btf_kind(T(d, r)) == BTF_KIND_FWD ? id : r;
}

static unsigned fwd_kind(const struct btf_type *t)
{
	return btf_kflag(t) ? BTF_KIND_UNION : BTF_KIND_STRUCT;
}

/* libbpf's btf_dedup_identical_types(), arrays included: it compares an
 * array's ids with themselves, so two compatible arrays are identical. */
static bool identical(const struct dedup *d, uint32_t a, uint32_t b, int depth)
{
	const struct btf_type *x, *y;
	unsigned i, n, chain = 0;

	for (;;) {
		x = T(d, a);
		y = T(d, b);
		if (depth <= 0 || btf_kind(x) != btf_kind(y) || chain++ > MAX_DEPTH)
			return false;
		n = btf_vlen(x);
		if (leaf_equal(x, y) >= 0)
			return leaf_equal(x, y);
		switch (btf_kind(x)) {
		case BTF_KIND_UNKN:
			return true;
		case BTF_KIND_ARRAY:
			return array_compat(x, y);
		case BTF_KIND_STRUCT:
		case BTF_KIND_UNION:
			if (!shallow_same(x, y))
				return false;
			for (i = 0; i < n; i++)
				if (btf_members(x)[i].type != btf_members(y)[i].type &&
				    !identical(d, btf_members(x)[i].type,
					       btf_members(y)[i].type, depth - 1))
					return false;
			return true;
		case BTF_KIND_FUNC_PROTO:
			if (!proto_compat(x, y) ||
			    (x->type != y->type && !identical(d, x->type, y->type, depth - 1)))
				return false;
			for (i = 0; i < n; i++)
				if (btf_params(x)[i].type != btf_params(y)[i].type &&
				    !identical(d, btf_params(x)[i].type,
					       btf_params(y)[i].type, depth - 1))
					return false;
			return true;
		}
		if (!is_ref(btf_kind(x)) || x->info != y->info || x->name_off != y->name_off)
			return false;
		a = x->type;
		b = y->type;
	}
}

/* Is the graph of cand equivalent to the graph of canon?  1, 0 or
 * -errno; the correspondence found is left in hypot (libbpf's
 * btf_dedup_is_equiv()). */
static int equiv(struct dedup *d, uint32_t cand, uint32_t canon, int depth)
{
	struct btf_type *x, *y;
	unsigned kx, ky, i, n;
	uint32_t h;
	int eq;

	if (resolve(d, cand) == resolve(d, canon))
		return 1;
	canon = resolve_fwd(d, canon);
	h = d->hypot[canon];
	if (h <= ID_MAX)
		return h == cand || identical(d, h, cand, 16);
	if (depth <= 0)
		return -ELOOP;
	d->hypot[canon] = cand;
	d->hlist[d->hcnt++] = canon;
	x = T(d, cand);
	y = T(d, canon);
	kx = btf_kind(x);
	ky = btf_kind(y);
	if (x->name_off != y->name_off)
		return 0;
	if ((kx == BTF_KIND_FWD || ky == BTF_KIND_FWD) && kx != ky) {
		if (kx == BTF_KIND_FWD)
			return fwd_kind(x) == ky;
		if (fwd_kind(y) == kx && canon < d->start)
			d->adjust_base = true;
		return fwd_kind(y) == kx;
	}
	if (kx != ky)
		return 0;
	n = btf_vlen(x);
	if (leaf_equal(x, y) >= 0)
		return leaf_equal(x, y);
	switch (kx) {
	case BTF_KIND_ARRAY:
		if (!array_compat(x, y))
			return 0;
		eq = equiv(d, btf_array(x)->index_type, btf_array(y)->index_type, depth - 1);
		return eq <= 0 ? eq : equiv(d, btf_array(x)->type, btf_array(y)->type, depth - 1);
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		if (!shallow_same(x, y))
			return 0;
		for (i = 0; i < n; i++) {
			eq = equiv(d, btf_members(x)[i].type, btf_members(y)[i].type, depth - 1);
			if (eq <= 0)
				return eq;
		}
		return 1;
	case BTF_KIND_FUNC_PROTO:
		if (!proto_compat(x, y))
			return 0;
		eq = equiv(d, x->type, y->type, depth - 1);
		for (i = 0; eq > 0 && i < n; i++)
			eq = equiv(d, btf_params(x)[i].type, btf_params(y)[i].type, depth - 1);
		return eq;
	}
	if (!is_ref(kx))
		return -EINVAL;
	return x->info != y->info ? 0 : equiv(d, x->type, y->type, depth - 1);
}

/* After an equivalence: record FWD resolutions, and map the structs and
 * unions of the candidate graph whose counterpart is canonical. */
static void merge_hypot(struct dedup *d)
{
	uint32_t i, t, c;
	unsigned kt, kc;

	for (i = 0; i < d->hcnt; i++) {
		c = resolve(d, d->hlist[i]);
		t = resolve(d, d->hypot[d->hlist[i]]);
		kt = btf_kind(T(d, t));
		kc = btf_kind(T(d, c));
		if (kt != BTF_KIND_FWD && kc == BTF_KIND_FWD)
			d->map[c] = t;
		if (d->adjust_base)
			continue;
		if (kt == BTF_KIND_FWD && kc != BTF_KIND_FWD)
			d->map[t] = c;
		if ((kt == BTF_KIND_STRUCT || kt == BTF_KIND_UNION) &&
		    kc != BTF_KIND_FWD && mapped(d, c) && !mapped(d, t))
			d->map[t] = c;
	}
}

static void clear_hypot(struct dedup *d)
{
	while (d->hcnt)
		d->hypot[d->hlist[--d->hcnt]] = ID_UNSEEN;
	d->adjust_base = false;
}

/* Pass 1: INT, ENUM, ENUM64, FWD, FLOAT: equal records. */
static int dedup_prim(struct dedup *d, uint32_t id)
{
	struct btf_type *t = T(d, id), *c;
	uint64_t h = signature(t);
	uint32_t canon = id, at;
	struct cand *e;

	switch (btf_kind(t)) {
	case BTF_KIND_ENUM:
	case BTF_KIND_ENUM64:
		for_each_cand(&d->c, h, e, at) {
			c = T(d, e->id);
			if (same(t, c)) {
				canon = e->id;
				break;
			}
			if (!enum_compat(t, c))
				continue;
			if (enum_fwd(t)) {
				canon = e->id;
				break;
			}
			d->map[e->id] = id;	/* a canonical fwd: now this enum */
		}
		break;
	case BTF_KIND_INT:
	case BTF_KIND_FWD:
	case BTF_KIND_FLOAT:
		for_each_cand(&d->c, h, e, at)
			if (same(t, T(d, e->id))) {
				canon = e->id;
				break;
			}
		break;
	default:
		return 0;
	}
	d->map[id] = canon;
	return canon == id ? cands_add(&d->c, h, id) : 0;
}

/* Pass 2: STRUCT, UNION, TYPEDEF: an equivalent graph. */
static int dedup_struct(struct dedup *d, uint32_t id)
{
	struct btf_type *t = T(d, id), *c;
	unsigned k = btf_kind(t);
	uint32_t canon = id, at;
	struct cand *e;
	uint64_t h;
	int eq;

	if (mapped(d, id) || (k != BTF_KIND_STRUCT && k != BTF_KIND_UNION &&
			      k != BTF_KIND_TYPEDEF))
		return 0;
	h = signature(t);
	for_each_cand(&d->c, h, e, at) {
		c = T(d, e->id);
		if (k == BTF_KIND_TYPEDEF ? t->name_off != c->name_off || t->info != c->info
					  : !shallow_same(t, c))
			continue;
		clear_hypot(d);
		eq = equiv(d, id, e->id, MAX_DEPTH);
		if (eq < 0)
			return eq;
		if (!eq)
			continue;
		merge_hypot(d);
		if (d->adjust_base)
			continue;
		canon = e->id;
		break;
	}
	d->map[id] = canon;
	return canon == id ? cands_add(&d->c, h, id) : 0;
}

/* Pass 3: a FWD still alone, of the name of exactly one canonical
 * struct or union (over base and split), is that one. */
static int resolve_fwds(struct dedup *d)
{
	struct cands names = { 0 };
	struct btf_type *t, *c;
	struct cand *e;
	uint32_t id, at;
	int err = 0;

	for (id = 1; id < d->end && !err; id++) {
		t = T(d, id);
		if ((btf_kind(t) != BTF_KIND_STRUCT && btf_kind(t) != BTF_KIND_UNION) ||
		    d->map[id] != id)
			continue;
		at = 0;
		e = cands_next(&names, t->name_off, &at);
		if (e)
			e->id = 0;	/* two of that name */
		else
			err = cands_add(&names, t->name_off, id);
	}
	for (id = d->start; id < d->end && !err; id++) {
		t = T(d, id);
		at = 0;
		if (btf_kind(t) != BTF_KIND_FWD || d->map[id] != id ||
		    !(e = cands_next(&names, t->name_off, &at)) || !e->id)
			continue;
		c = T(d, e->id);
		if (btf_kind(c) == fwd_kind(t))
			d->map[id] = e->id;
	}
	free(names.bkt);
	free(names.e);
	return err;
}

/* Pass 4: the other kinds, once what they refer to is canonical.  The
 * canonical id, or -errno. */
static int64_t dedup_ref(struct dedup *d, uint32_t id, int depth)
{
	struct btf_type *t;
	uint32_t *ref, canon = id, at;
	struct cand *e;
	unsigned i;
	int64_t r;
	uint64_t h;

	if (d->map[id] == ID_BUSY || depth <= 0)
		return -ELOOP;
	if (mapped(d, id))
		return resolve(d, id);
	t = T(d, id);
	if (!is_ref(btf_kind(t)) && btf_kind(t) != BTF_KIND_ARRAY &&
	    btf_kind(t) != BTF_KIND_FUNC_PROTO && btf_kind(t) != BTF_KIND_DECL_TAG)
		return -EINVAL;
	d->map[id] = ID_BUSY;
	for (i = 0; (ref = field(t, i, false)); i++) {
		r = dedup_ref(d, *ref, depth - 1);
		if (r < 0)
			return r;
		*ref = (uint32_t)r;
	}
	h = signature(t);
	for_each_cand(&d->c, h, e, at)
		if (same(t, T(d, e->id))) {
			canon = e->id;
			break;
		}
	d->map[id] = canon;
	if (canon == id && cands_add(&d->c, h, id))
		return -ENOMEM;
	return canon;
}

/* The split strings: one offset per distinct string, the base's when it
 * has it.  A small open-addressing set over the strings' addresses. */
struct strs {
	const char **s;
	uint32_t *val, *slot, mask, n;
	char *out;		/* the new string section */
	uint32_t out_len;
};

static uint32_t str_hash(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s)
		h = (h ^ (uint8_t)*s++) * 16777619u;
	return h;
}

/* The entry of s, added when add is set; -1 when absent. */
static int64_t strs_find(struct strs *st, const char *s, bool add)
{
	uint32_t i, j;

	for (i = str_hash(s) & st->mask; (j = st->slot[i]); i = (i + 1) & st->mask)
		if (!strcmp(st->s[j - 1], s))
			return j - 1;
	if (!add)
		return -1;
	st->s[st->n] = s;
	st->val[st->n] = ID_UNSEEN;
	st->slot[i] = ++st->n;
	return st->n - 1;
}

/* Give each string its final offset: the base's, else a new one after
 * the base's strings. */
static int strs_place(struct strs *st, const struct btf *base)
{
	uint32_t len, i, start = btf_strings(base, &len), at;
	const char *p = btf_name_by_offset(base, start);
	size_t total = 0, l;
	int64_t e;

	for (at = 0; at < len; at += (uint32_t)l + 1) {
		l = strlen(p + at);
		e = strs_find(st, p + at, false);
		if (e >= 0 && st->val[e] == ID_UNSEEN)
			st->val[e] = start + at;
	}
	for (i = 0; i < st->n; i++)
		if (st->val[i] == ID_UNSEEN)
			total += strlen(st->s[i]) + 1;
	if ((uint64_t)start + len + total > UINT32_MAX)
		return -E2BIG;
	st->out = malloc(total + 1);
	if (!st->out)
		return -ENOMEM;
	for (i = 0; i < st->n; i++)
		if (st->val[i] == ID_UNSEEN) {
			l = strlen(st->s[i]) + 1;
			st->val[i] = start + len + st->out_len;
			memcpy(st->out + st->out_len, st->s[i], l);
			st->out_len += (uint32_t)l;
		}
	return 0;
}

/* Append the parts' own records (btf__add_btf()): split ids shifted past
 * the records before them, strings to their final offsets.  On a bad
 * part, *failed is its index. */
static int append(struct dedup *d, struct btf *const *parts, int nr, int *failed)
{
	uint32_t base_strs, i, id, nw, n = 0, *f, first, words = 0;
	struct strs st = { 0 };
	const struct btf_type *src;
	struct btf_type *t;
	const char *s;
	int p, pass, err = 0;
	size_t len;

	base_strs = btf_strings(d->base, &i);
	base_strs += i;
	for (p = 0; p < nr; p++) {
		for (id = d->start; id < btf_end_id(parts[p]); id++)
			words += (uint32_t)(btf_type_size(btf_type_by_id(parts[p], id)) / 4);
		n += btf_end_id(parts[p]) - d->start;
	}
	d->end = d->start + n;
	if ((uint64_t)d->start + n > ID_MAX)
		return -E2BIG;
	d->words = malloc((size_t)words * 4 + 4);
	d->off = malloc((size_t)n * 4 + 4);
	for (st.mask = 15; st.mask < words * 2; st.mask = st.mask * 2 + 1)
		;
	st.s = malloc((size_t)words * sizeof(*st.s) + sizeof(*st.s));
	st.val = malloc((size_t)words * 4 + 4);
	st.slot = calloc((size_t)st.mask + 1, 4);
	if (!d->words || !d->off || !st.s || !st.val || !st.slot) {
		err = -ENOMEM;
		goto out;
	}
	/* Pass 0 copies and collects the strings, pass 1 renumbers them. */
	for (pass = 0; pass < 2 && !err; pass++) {
		nw = n = 0;
		for (p = 0; p < nr && !err; p++) {
			*failed = p;
			first = d->start + n;
			for (id = d->start; id < btf_end_id(parts[p]) && !err; id++, n++) {
				src = btf_type_by_id(parts[p], id);
				len = btf_type_size(src);
				t = (struct btf_type *)(d->words + nw);
				if (!len) {
					err = -EINVAL;	/* a kind libbpf cannot edit */
					break;
				}
				if (!pass) {
					d->off[n] = nw;
					memcpy(t, src, len);
				}
				nw += (uint32_t)(len / 4);
				for (i = 0; (f = field(t, i, true)) && !err; i++) {
					if (*f < base_strs)
						continue;
					s = btf_name_by_offset(parts[p], *f);
					if (!s)
						err = -EINVAL;
					else if (pass)
						*f = st.val[strs_find(&st, s, false)];
					else
						strs_find(&st, s, true);
				}
				for (i = 0; !pass && (f = field(t, i, false)); i++) {
					if (*f >= btf_end_id(parts[p]))
						err = -EINVAL;
					else if (*f >= d->start)
						*f += first - d->start;
				}
			}
		}
		if (!pass && !err)
			err = strs_place(&st, d->base);
	}
	if (!err)
		*failed = -1;
	d->strs = st.out;
	d->strs_len = st.out_len;
out:
	free(st.s);
	free(st.val);
	free(st.slot);
	return err;
}

/* Every base type is its own canonical one, and a candidate; its ids
 * must lie in the base. */
static int prepare(struct dedup *d)
{
	struct btf_type *t;
	uint32_t id, i, *f;
	size_t n = d->end;
	int err = 0;

	d->map = malloc(n * 4);
	d->hypot = malloc(n * 4);
	d->hlist = malloc(n * 4);
	if (!d->map || !d->hypot || !d->hlist)
		return -ENOMEM;
	memset(d->hypot, 0xff, n * 4);
	d->map[0] = 0;
	for (id = 1; id < d->end && !err; id++) {
		t = T(d, id);
		if (btf_kind(t) == BTF_KIND_VAR || btf_kind(t) == BTF_KIND_DATASEC ||
		    id < d->start)
			d->map[id] = id;
		else
			d->map[id] = ID_UNSEEN;
		if (id >= d->start)
			continue;
		for (i = 0; (f = field(t, i, false)); i++)
			if (*f >= d->start)
				return -EINVAL;
		if (!btf_type_size(t))
			return -EINVAL;
		if (btf_kind(t) != BTF_KIND_VAR && btf_kind(t) != BTF_KIND_DATASEC)
			err = cands_add(&d->c, signature(t), id);
	}
	return err;
}

/* Keep the canonical split records, renumbered, and write the blob. */
static int compact(struct dedup *d, void **blob, size_t *size)
{
	uint32_t id, next = d->start, i, *f, len = 0, *out;
	struct btf_header *h;
	struct btf_type *t;
	size_t l;

	for (id = 0; id < d->end; id++)
		d->hypot[id] = id < d->start ? id : ID_UNSEEN;
	for (id = d->start; id < d->end; id++)
		if (d->map[id] == id) {
			d->hypot[id] = next++;
			len += (uint32_t)btf_type_size(T(d, id));
		}
	*size = sizeof(*h) + len + d->strs_len;
	*blob = calloc(1, *size);
	if (!*blob)
		return -ENOMEM;
	h = *blob;
	*h = (struct btf_header){ .magic = BTF_MAGIC, .version = BTF_VERSION,
		.hdr_len = sizeof(*h), .type_len = len, .str_off = len,
		.str_len = d->strs_len };
	out = (uint32_t *)(h + 1);
	for (id = d->start; id < d->end; id++) {
		if (d->map[id] != id)
			continue;
		t = T(d, id);
		l = btf_type_size(t);
		memcpy(out, t, l);
		for (i = 0; (f = field((struct btf_type *)out, i, false)); i++) {
			*f = d->hypot[resolve(d, *f)];
			if (*f > ID_MAX)
				return -EINVAL;
		}
		out += l / 4;
	}
	memcpy(out, d->strs, d->strs_len);
	return 0;
}

int btf_merge(const struct btf *base, struct btf *const *parts, int nr,
	      int *failed, struct btf **out)
{
	struct dedup d = { .base = base, .start = btf_end_id(base) };
	void *blob = NULL;
	size_t size;
	uint32_t id;
	int64_t r = 0;
	int err;

	*out = NULL;
	err = append(&d, parts, nr, failed);
	if (!err)
		err = prepare(&d);
	for (id = d.start; !err && id < d.end; id++)
		err = dedup_prim(&d, id);
	for (id = d.start; !err && id < d.end; id++)
		err = dedup_struct(&d, id);
	if (!err)
		err = resolve_fwds(&d);
	for (id = d.start; !err && r >= 0 && id < d.end; id++)
		r = dedup_ref(&d, id, MAX_DEPTH);
	if (!err && r < 0)
		err = (int)r;
	if (!err)
		err = compact(&d, &blob, &size);
	if (!err)
		err = btf_new(blob, size, base, out);
	free(blob);
	free(d.words);
	free(d.off);
	free(d.strs);
	free(d.map);
	free(d.hypot);
	free(d.hlist);
	free(d.c.bkt);
	free(d.c.e);
	return err;
}
