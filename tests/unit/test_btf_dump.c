/* btf_c's sorted order (upstream bpftool's: rank, sort name, own name,
 * shape hash, id) on BTF built to stress bpfbox's radix sort: hundreds of
 * names sharing long prefixes, anonymous enums sorted by their first
 * enumerator, structs sharing one name told apart by the hash of their
 * member names.  The expected order comes from a plain qsort() over the
 * same keys written here, independently of src/output/btf_c.c. */
#include "unit.h"
#include "../helpers/btf_builder.h"
#include "output/btf_c.h"
#include "output/out.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

struct ref {
	int rank;		/* 0: anonymous enum, 3: named struct */
	char name[48];		/* sort name: enumerator or struct name */
	char member[16];
	size_t hash;
	uint32_t id;
};

static size_t shash(const char *s)
{
	size_t h = 0;

	while (*s)
		h = h * 31 + *s++;
	return h;
}

static int ref_cmp(const void *a, const void *b)
{
	const struct ref *x = a, *y = b;
	int r = x->rank - y->rank;

	if (!r)		/* a struct's own name is its sort name */
		r = strcmp(x->name, y->name);
	if (!r && x->hash != y->hash)
		r = x->hash < y->hash ? -1 : 1;
	return r ? r : (x->id > y->id) - (x->id < y->id);
}

/* "E name" or "S name member" of a printed definition starting at l,
 * ___N suffixes dropped; 0 when l starts no enum or struct. */
static int describe(const char *l, char *out, size_t size)
{
	char a[64] = "", m[64] = "";
	int kind = !strncmp(l, "enum {\n\t", 8) ? 'E' :
		   !strncmp(l, "struct ", 7) ? 'S' : 0;
	char *u;

	if (kind == 'E')
		sscanf(l + 8, "%63[A-Za-z0-9_]", a);
	else if (kind == 'S')
		sscanf(l + 7, "%63[A-Za-z0-9_] {\n\tint %63[A-Za-z0-9_]", a, m);
	if (!kind || !*a || (kind == 'S' && !*m))
		return 0;
	if ((u = strstr(a, "___")))
		*u = 0;
	snprintf(out, size, kind == 'E' ? "E %s\n" : "S %s %s\n", a, m);
	return 1;
}

/* The blob of b, parsed; b is freed. */
static struct btf *built(struct bb *b)
{
	struct btf *btf = NULL;
	size_t size;
	void *blob = bb_blob(b, &size);

	bb_free(b);
	CHECK(!btf_new(blob, size, NULL, &btf));
	free(blob);
	return btf;
}

TEST(btf_c_sorted_order)
{
	static struct ref refs[1200];
	static char want[1200 * 64], order[1200 * 64];
	char *w = want, *o = order, line[128];
	uint64_t rng = 42;
	uint32_t i, n = 0, s32;
	const char *got, *p;
	struct btf *btf;
	struct bb b;

	bb_init(&b);
	s32 = bb_int(&b, "int", 4, BTF_INT_SIGNED);
	for (i = 0; i < 1100; i++) {
		struct ref *r = &refs[n++];
		unsigned v;

		rng = rng * 6364136223846793005ull + 1442695040888963407ull;
		v = (unsigned)(rng >> 40);
		if (i % 3 == 0) {	/* anonymous enum, long shared prefix */
			snprintf(r->name, sizeof(r->name), "ENUM_VALUE_SHARED_PREFIX_%u", v % 5000);
			r->rank = 0;
			r->id = bb_enum(&b, NULL, 4, 0);
			bb_enumval(&b, r->name, 0);
			r->hash = 0;	/* an enum's own name: none */
			continue;
		}
		r->rank = 3;
		if (i % 7 == 1)		/* one name, told apart by members */
			snprintf(r->name, sizeof(r->name), "dup");
		else
			snprintf(r->name, sizeof(r->name), "trace_event_raw_%c%c_%u",
				 'a' + v % 3, 'a' + (v >> 3) % 3, i);
		snprintf(r->member, sizeof(r->member), "m%u", v % 1000);
		r->id = bb_struct(&b, r->name, 4, 0);
		bb_member(&b, r->member, s32, 0, 0);
		r->hash = (shash(r->name) * 31 + shash(r->member)) * 31 + shash("int");
	}
	btf = built(&b);
	if (!btf)
		return;

	qsort(refs, n, sizeof(refs[0]), ref_cmp);
	for (i = 0; i < n; i++)
		w += refs[i].rank ? sprintf(w, "S %s %s\n", refs[i].name, refs[i].member) :
				    sprintf(w, "E %s\n", refs[i].name);
	capture_begin();
	CHECK(!btf_c_dump(btf, NULL, 0, true, 1 << 24));
	got = capture_end();
	for (p = got; (p = strchr(p, '\n')); p++)
		if (describe(p + 1, line, sizeof(line)))
			o += sprintf(o, "%s", line);
	CHECK_STR(order, want);
	btf_free(btf);
}

/* The "struct same {...};" blocks of text, in order, "___N" suffixes
 * dropped, appended at out. */
static char *same_blocks(const char *text, char *out)
{
	const char *p = text, *end;

	while ((p = strstr(p, "\nstruct same")) && (end = strstr(p, "\n};\n"))) {
		const char *body = strchr(p, ' ') + 5;	/* past "same" */

		body += strspn(body, "_0123456789");
		out += sprintf(out, "struct same%.*s\n", (int)(end + 3 - body), body);
		p = end;
	}
	*out = 0;
	return out;
}

/* Structs with one name and one member hash alike: upstream orders them
 * by id.  200 of them make a run the sort orders by id alone (a bitmap);
 * their sizes, shuffled against the ids, tell them apart in the output
 * (the padding after x).  The expected text dumps each struct alone, in
 * id order. */
TEST(btf_c_sorted_equal_hashes)
{
	static char want[1 << 20], got_blocks[1 << 20];
	uint32_t s32, ids[200], size[200], i, j, t;
	uint64_t rng = 7;
	char *w = want;
	struct btf *btf;
	struct bb b;

	for (i = 0; i < 200; i++)
		size[i] = 4 * (i + 1);
	for (i = 199; i > 0; i--) {
		rng = rng * 6364136223846793005ull + 1442695040888963407ull;
		j = (uint32_t)(rng >> 33) % (i + 1);
		t = size[i], size[i] = size[j], size[j] = t;
	}
	bb_init(&b);
	s32 = bb_int(&b, "int", 4, BTF_INT_SIGNED);
	for (i = 0; i < 200; i++) {
		ids[i] = bb_struct(&b, "same", size[i], 0);
		bb_member(&b, "x", s32, 0, 0);
	}
	btf = built(&b);
	if (!btf)
		return;
	for (i = 0; i < 200; i++) {
		capture_begin();
		CHECK(!btf_c_dump(btf, &ids[i], 1, false, 1 << 24));
		w = same_blocks(capture_end(), w);
	}
	capture_begin();
	CHECK(!btf_c_dump(btf, NULL, 0, true, 1 << 24));
	same_blocks(capture_end(), got_blocks);
	CHECK(strlen(want) > 200 * 20);
	CHECK_STR(got_blocks, want);
	btf_free(btf);
}

/* out_u64 prints in 8-digit pieces: every piece boundary and width. */
TEST(out_u64_pieces)
{
	static const uint64_t v[] = {
		0, 9, 10, 99, 100, 12345678, 99999999, 100000000, 100000001,
		1000000000000000, 9999999999999999, 10000000000000000,
		4294967295, 4294967296, 18446744073709551615u,
	};
	char want[512], *w = want;
	unsigned i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		w += sprintf(w, "%llu,", (unsigned long long)v[i]);
	capture_begin();
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		out_u64(v[i]);
		out_char(',');
	}
	CHECK_STR(capture_end(), want);
}

/* Anonymous structs two-deep in each other, 40 levels: the header would
 * be 2^40 lines.  The dump must stop on its budget, quickly. */
TEST(btf_c_exponential_nesting)
{
	uint32_t s32, ids[41], i;
	struct btf *btf;
	struct bb b;
	int err;

	bb_init(&b);
	s32 = bb_int(&b, "int", 4, BTF_INT_SIGNED);
	/* level i refers to level i + 1, the next id */
	for (i = 0; i < 40; i++) {
		ids[i] = bb_struct(&b, i ? NULL : "top", 8, 0);
		bb_member(&b, "a", i < 39 ? ids[i] + 1 : s32, 0, 0);
		bb_member(&b, "b", i < 39 ? ids[i] + 1 : s32, 32, 0);
	}
	btf = built(&b);
	if (!btf)
		return;
	capture_begin();
	err = btf_c_dump(btf, NULL, 0, false, 1 << 20);
	capture_end();
	CHECK_INT(err, -E2BIG);
	capture_begin();
	err = btf_c_dump(btf, &ids[0], 1, true, 1 << 20);
	capture_end();
	CHECK_INT(err, -E2BIG);
	btf_free(btf);
}
