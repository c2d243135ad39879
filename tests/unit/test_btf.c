/* The BTF parser (src/btf.c): header and section checks, every kind's
 * record, id and string lookups, modifier and size resolution, split BTF,
 * the 2026 extensions (long header, layout section, 24-bit vlen), and
 * the kernel's own BTF when it is readable. */
#include "unit.h"
#include "../helpers/btf_builder.h"
#include "btf/btf.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

/* Parse the builder's blob; the blob is freed, the BTF returned. */
static struct btf *parse(struct bb *b, const struct btf *base)
{
	struct btf *btf = NULL;
	size_t size;
	void *blob = bb_blob(b, &size);
	int err = btf_new(blob, size, base, &btf);

	free(blob);
	CHECK_INT(err, 0);
	return btf;
}

static int parse_raw(const void *blob, size_t size)
{
	struct btf *btf = NULL;
	int err = btf_new(blob, size, NULL, &btf);

	CHECK((err == 0) == (btf != NULL));
	btf_free(btf);
	return err;
}

/* A small valid blob to break. */
static void *small_blob(size_t *size)
{
	struct bb b;
	void *blob;

	bb_init(&b);
	bb_int(&b, "int", 4, BTF_INT_SIGNED);
	blob = bb_blob(&b, size);
	bb_free(&b);
	return blob;
}

static void set32(void *blob, size_t off, uint32_t v)
{
	memcpy((char *)blob + off, &v, 4);
}

TEST(btf_header_checks)
{
	size_t size;
	unsigned char *blob = small_blob(&size), *copy = malloc(size + 64);

	CHECK_INT(parse_raw(blob, size), 0);
	CHECK_INT(parse_raw(blob, 0), -EINVAL);
	CHECK_INT(parse_raw(blob, 23), -EINVAL);
	CHECK_INT(parse_raw(blob, size - 1), -EINVAL);	/* strings cut */
#define BROKEN(off, val) do { \
		memcpy(copy, blob, size); \
		set32(copy, off, val); \
		CHECK_INT(parse_raw(copy, size), -EINVAL); \
	} while (0)
	BROKEN(0, 0x0000eb9f);		/* version 0 */
	BROKEN(0, 0x00019feb);		/* byte-swapped magic */
	BROKEN(4, 20);			/* hdr_len too short */
	BROKEN(4, (uint32_t)size + 1);	/* hdr_len past the end */
	BROKEN(8, 0xfffffffc);		/* type_off overflow */
	BROKEN(12, 0xffffffff);		/* type_len */
	BROKEN(12, 8);			/* record cut */
	BROKEN(16, 0xffffffff);		/* str_off */
	BROKEN(20, 0);			/* a base blob needs strings */
	BROKEN(24 + 4, 20u << 24);	/* kind 20: unknown, no layout */
	BROKEN(24 + 4, 0);		/* kind 0 is never a record */
	BROKEN(24 + 4, 0x7fu << 24);	/* kind 127 */
	/* Strings must end in NUL and a base blob's start with one. */
	memcpy(copy, blob, size);
	copy[size - 1] = 'x';
	CHECK_INT(parse_raw(copy, size), -EINVAL);
	memcpy(copy, blob, size);
	copy[24 + 16] = 'x';
	CHECK_INT(parse_raw(copy, size), -EINVAL);
	free(copy);
	free(blob);
}

/* Found by the fuzzer: a type section ending in a partial record at the
 * very end of the blob; its info word must not be read. */
TEST(btf_partial_record_at_end)
{
	unsigned char blob[24 + 2 + 6];
	struct btf_header h;
	unsigned char *exact;

	memset(&h, 0, sizeof(h));
	h.magic = BTF_MAGIC;
	h.version = BTF_VERSION;
	h.hdr_len = 24;
	h.str_off = 0;
	h.str_len = 2;
	h.type_off = 2;
	h.type_len = 6;
	memcpy(blob, &h, 24);
	memcpy(blob + 24, "\0\0", 2);
	memset(blob + 26, 0xff, 6);
	/* An exact-size heap copy, so a sanitizer would see an overread. */
	exact = malloc(sizeof(blob));
	memcpy(exact, blob, sizeof(blob));
	CHECK_INT(parse_raw(exact, sizeof(blob)), -EINVAL);
	free(exact);
}

/* A longer header (newer format) and sections not 4-byte aligned. */
TEST(btf_long_header_unaligned)
{
	size_t size;
	unsigned char *blob = small_blob(&size), *big = calloc(1, size + 64);
	struct btf *btf;
	uint32_t hl = 41;	/* odd on purpose */

	memcpy(big, blob, 24);
	set32(big, 4, hl);
	set32(big, 8, 3);			/* type_off */
	set32(big, 16, 3 + 16);			/* str_off */
	memcpy(big + hl + 3, blob + 24, size - 24);
	CHECK_INT(btf_new(big, hl + 3 + size - 24, NULL, &btf), 0);
	if (btf) {
		const struct btf_type *t = btf_type_by_id(btf, 1);

		CHECK(t && btf_kind(t) == BTF_KIND_INT && t->size == 4);
		CHECK_STR(btf_type_name(btf, t), "int");
		btf_free(btf);
	}
	free(big);
	free(blob);
}

TEST(btf_every_kind)
{
	struct bb b;
	struct btf *btf;
	const struct btf_type *t;
	uint32_t i32, p, arr, st, un, en, fwd, td, vol, cst, rst, fp, fn, var,
		 ds, fl, dt, tt, e64;

	bb_init(&b);
	i32 = bb_int(&b, "int", 4, BTF_INT_SIGNED);
	p = bb_ptr(&b, i32);
	arr = bb_array(&b, i32, i32, 7);
	st = bb_struct(&b, "s", 8, 1);
	bb_member(&b, "a", i32, 0, 3);
	bb_member(&b, "b", i32, 32, 0);
	un = bb_union(&b, "u", 4, 0);
	bb_member(&b, "x", i32, 0, 0);
	en = bb_enum(&b, "e", 4, 1);
	bb_enumval(&b, "NEG", -3);
	fwd = bb_fwd(&b, "f", 1);
	td = bb_typedef(&b, "t", i32);
	vol = bb_mod(&b, BTF_KIND_VOLATILE, td);
	cst = bb_mod(&b, BTF_KIND_CONST, vol);
	rst = bb_mod(&b, BTF_KIND_RESTRICT, p);
	fp = bb_func_proto(&b, i32);
	bb_param(&b, "x", i32);
	bb_param(&b, NULL, 0);
	fn = bb_func(&b, "main", fp, BTF_FUNC_GLOBAL);
	var = bb_var(&b, "v", i32, BTF_VAR_GLOBAL_ALLOCATED);
	ds = bb_datasec(&b, ".data", 4);
	bb_secinfo(&b, var, 0, 4);
	fl = bb_float(&b, "double", 8);
	dt = bb_decl_tag(&b, "tag", st, 1);
	tt = bb_type_tag(&b, "user", i32);
	e64 = bb_enum64(&b, "e64", 8, 0);
	bb_enumval64(&b, "BIG", 0x123456789ull);
	btf = parse(&b, NULL);
	bb_free(&b);
	if (!btf)
		return;

	CHECK_INT(btf_start_id(btf), 1);
	CHECK_INT(btf_end_id(btf), e64 + 1);
	t = btf_type_by_id(btf, 0);
	CHECK(t && btf_kind(t) == BTF_KIND_UNKN);
	CHECK(btf_type_by_id(btf, e64 + 1) == NULL);
	CHECK(btf_type_by_id(btf, 0xffffffff) == NULL);
	CHECK(btf_name_by_offset(btf, 0xffffff) == NULL);
	CHECK_STR(btf_name_by_offset(btf, 0), "");

	t = btf_type_by_id(btf, i32);
	CHECK_INT(BTF_INT_BITS(btf_int_data(t)), 32);
	CHECK_INT(BTF_INT_ENCODING(btf_int_data(t)), BTF_INT_SIGNED);
	CHECK_INT(btf_type_by_id(btf, p)->type, i32);
	t = btf_type_by_id(btf, arr);
	CHECK_INT(btf_array(t)->nelems, 7);
	t = btf_type_by_id(btf, st);
	CHECK_INT(btf_vlen(t), 2);
	CHECK(btf_kflag(t));
	CHECK_INT(btf_member_bitfield_size(t, 0), 3);
	CHECK_INT(btf_member_bit_offset(t, 1), 32);
	CHECK_INT(btf_member_bitfield_size(t, 1), 0);
	CHECK_STR(btf_name_by_offset(btf, btf_members(t)[1].name_off), "b");
	t = btf_type_by_id(btf, un);
	CHECK_INT(btf_kind(t), BTF_KIND_UNION);
	CHECK_INT(btf_member_bit_offset(t, 0), 0);
	t = btf_type_by_id(btf, en);
	CHECK(btf_kflag(t));
	CHECK_INT(btf_enums(t)[0].val, -3);
	CHECK(btf_kflag(btf_type_by_id(btf, fwd)));
	CHECK_INT(btf_kind(btf_type_by_id(btf, rst)), BTF_KIND_RESTRICT);
	t = btf_type_by_id(btf, fp);
	CHECK_INT(btf_vlen(t), 2);
	CHECK_INT(btf_params(t)[1].type, 0);
	t = btf_type_by_id(btf, fn);
	CHECK_INT(btf_vlen(t), BTF_FUNC_GLOBAL);
	CHECK_INT(btf_var(btf_type_by_id(btf, var))->linkage, BTF_VAR_GLOBAL_ALLOCATED);
	t = btf_type_by_id(btf, ds);
	CHECK_INT(btf_secinfos(t)[0].type, var);
	CHECK_INT(btf_type_by_id(btf, fl)->size, 8);
	CHECK_INT(btf_decl_tag(btf_type_by_id(btf, dt))->component_idx, 1);
	t = btf_type_by_id(btf, e64);
	CHECK_INT(btf_enums64(t)[0].val_hi32, 1);
	CHECK_INT(btf_enums64(t)[0].val_lo32, 0x23456789);

	/* Resolution through typedef and modifiers, like libbpf's. */
	CHECK_INT(btf_resolve_type(btf, cst, false), i32);
	CHECK_INT(btf_resolve_type(btf, tt, false), i32);
	CHECK_INT(btf_resolve_type(btf, var, false), var);
	CHECK_INT(btf_resolve_type(btf, var, true), i32);
	CHECK_INT(btf_resolve_type(btf, 0, false), -EINVAL);
	CHECK_INT(btf_resolve_type(btf, 999, false), -EINVAL);
	CHECK_INT(btf_resolve_size(btf, cst), 4);
	CHECK_INT(btf_resolve_size(btf, arr), 28);
	CHECK_INT(btf_resolve_size(btf, rst), sizeof(long));
	CHECK_INT(btf_resolve_size(btf, ds), 4);
	CHECK_INT(btf_resolve_size(btf, var), 4);
	CHECK_INT(btf_resolve_size(btf, 0), -EINVAL);
	CHECK_INT(btf_resolve_size(btf, fn), -EINVAL);
	CHECK_INT(btf_resolve_size(btf, fwd), -EINVAL);
	CHECK_INT(btf_find_by_name_kind(btf, "s", BTF_KIND_STRUCT), st);
	CHECK_INT(btf_find_by_name_kind(btf, "s", BTF_KIND_UNION), -ENOENT);
	CHECK_INT(btf_find_by_name_kind(btf, "main", -1), fn);
	btf_free(btf);
}

TEST(btf_resolve_limits)
{
	struct bb b;
	struct btf *btf;
	uint32_t i32, a1, a2, a3, loop, id;
	int n;

	bb_init(&b);
	i32 = bb_int(&b, "int", 4, BTF_INT_SIGNED);
	a1 = bb_array(&b, i32, i32, 0x10000);
	a2 = bb_array(&b, a1, i32, 0x4000);	/* 4 GiB: too big */
	a3 = bb_array(&b, a1, i32, 0);		/* 0 elements */
	loop = bb_typedef(&b, "loop", b.next_id);	/* itself */
	/* A chain of 40 consts: deeper than the resolve limit. */
	id = i32;
	for (n = 0; n < 40; n++)
		id = bb_mod(&b, BTF_KIND_CONST, id);
	btf = parse(&b, NULL);
	bb_free(&b);
	if (!btf)
		return;
	CHECK_INT(btf_resolve_size(btf, a1), 0x40000);
	CHECK_INT(btf_resolve_size(btf, a2), -E2BIG);
	CHECK_INT(btf_resolve_size(btf, a3), 0);
	CHECK_INT(btf_resolve_size(btf, loop), -EINVAL);
	CHECK_INT(btf_resolve_type(btf, loop, false), -EINVAL);
	CHECK_INT(btf_resolve_type(btf, id, false), -EINVAL);
	CHECK_INT(btf_resolve_type(btf, id - 8, false), i32);
	btf_free(btf);
}

TEST(btf_split)
{
	struct bb b;
	struct btf *base, *split, *split2;
	uint32_t i32, st, ptr, base_str;
	const struct btf_type *t;

	bb_init(&b);
	i32 = bb_int(&b, "int", 4, BTF_INT_SIGNED);
	bb_int(&b, "char", 1, BTF_INT_SIGNED);
	base_str = (uint32_t)b.slen;
	base = parse(&b, NULL);
	bb_free(&b);
	if (!base)
		return;

	/* Split strings need no leading NUL; offsets continue the base's. */
	bb_init_split(&b, 3, base_str);
	st = bb_struct(&b, "mod_s", 4, 0);
	bb_member(&b, "x", i32, 0, 0);
	split = parse(&b, base);
	bb_free(&b);
	if (!split)
		goto out;
	CHECK_INT(st, 3);
	CHECK_INT(btf_start_id(split), 3);
	CHECK_INT(btf_end_id(split), 4);
	CHECK(btf_base(split) == base);
	t = btf_type_by_id(split, 1);
	CHECK(t && btf_kind(t) == BTF_KIND_INT);
	CHECK_STR(btf_type_name(split, t), "int");
	t = btf_type_by_id(split, st);
	CHECK_STR(btf_type_name(split, t), "mod_s");
	CHECK_STR(btf_name_by_offset(split, btf_members(t)[0].name_off), "x");
	CHECK_INT(btf_resolve_size(split, st), 4);
	CHECK_INT(btf_find_by_name_kind(split, "int", BTF_KIND_INT), 1);
	CHECK_INT(btf_find_by_name_kind(split, "mod_s", -1), 3);
	CHECK(btf_type_by_id(base, 3) == NULL);

	/* Split on split, with an empty string section. */
	bb_init_split(&b, 4, base_str + (uint32_t)strlen("mod_s") + 3);
	ptr = bb_ptr(&b, st);
	split2 = parse(&b, split);
	bb_free(&b);
	if (split2) {
		CHECK_INT(btf_type_by_id(split2, ptr)->type, st);
		CHECK_STR(btf_type_name(split2, btf_type_by_id(split2, st)), "mod_s");
		CHECK_INT(btf_resolve_size(split2, ptr), sizeof(long));
		btf_free(split2);
	}
	btf_free(split);
out:
	btf_free(base);
}

/* The layout section sizes kinds this parser does not know. */
TEST(btf_layout_section_unknown_kind)
{
	struct bb b;
	struct btf *btf;
	unsigned char *blob, *big;
	size_t size, tl, nl = 32;
	uint32_t id, i;

	bb_init(&b);
	bb_int(&b, "int", 4, BTF_INT_SIGNED);
	/* kind 30: 4 info bytes, vlen 2 elements of 8 bytes */
	bb_type(&b, "future", 30, 0, 0);
	bb_vlen_inc(&b);
	bb_vlen_inc(&b);
	for (i = 0; i < 5; i++)
		bb_u32(&b, i);
	id = bb_int(&b, "after", 2, 0);
	blob = bb_blob(&b, &size);
	tl = b.tlen;
	bb_free(&b);
	CHECK_INT(parse_raw(blob, size), -EINVAL);

	/* Header of 32 bytes with layout_off/len, layout after strings. */
	big = calloc(1, size + 8 + nl * 4);
	memcpy(big, blob, 24);
	set32(big, 4, 32);
	set32(big, 24, (uint32_t)(size - 24));		/* layout_off */
	set32(big, 28, (uint32_t)(nl * 4));		/* layout_len */
	memcpy(big + 32, blob + 24, size - 24);
	big[32 + size - 24 + 30 * 4] = 4;		/* info_sz */
	big[32 + size - 24 + 30 * 4 + 1] = 8;		/* elem_sz */
	CHECK_INT(btf_new(big, size + 8 + nl * 4, NULL, &btf), 0);
	if (btf) {
		CHECK_INT(btf_end_id(btf), id + 1);
		CHECK_INT(btf_kind(btf_type_by_id(btf, 2)), 30);
		CHECK_STR(btf_type_name(btf, btf_type_by_id(btf, id)), "after");
		CHECK_INT(btf_resolve_size(btf, 2), -EINVAL);
		btf_free(btf);
	}
	/* A layout making records not a multiple of 4 bytes is refused. */
	big[32 + size - 24 + 30 * 4] = 3;
	CHECK_INT(parse_raw(big, size + 8 + nl * 4), -EINVAL);
	(void)tl;
	free(big);
	free(blob);
}

/* vlen has 24 bits since 2026. */
TEST(btf_vlen_24bit)
{
	struct bb b;
	struct btf *btf;
	uint32_t i32, st, i;

	bb_init(&b);
	i32 = bb_int(&b, "int", 4, BTF_INT_SIGNED);
	st = bb_struct(&b, "wide", 70000 * 4, 0);
	for (i = 0; i < 70000; i++)
		bb_member(&b, NULL, i32, i * 32, 0);
	i = bb_int(&b, "tail", 1, 0);
	btf = parse(&b, NULL);
	bb_free(&b);
	if (!btf)
		return;
	CHECK_INT(btf_vlen(btf_type_by_id(btf, st)), 70000);
	CHECK_STR(btf_type_name(btf, btf_type_by_id(btf, i)), "tail");
	btf_free(btf);
}

TEST(btf_vmlinux)
{
	struct btf *btf;
	int64_t id;
	int err = btf_load_vmlinux(&btf);

	if (err == -ENOENT || err == -EACCES)
		SKIP("no readable /sys/kernel/btf/vmlinux (%s)",
		     err == -ENOENT ? "absent" : "permission denied");
	CHECK_INT(err, 0);
	if (err)
		return;
	CHECK(btf_end_id(btf) > 1000);
	id = btf_find_by_name_kind(btf, "task_struct", BTF_KIND_STRUCT);
	CHECK(id > 0);
	CHECK(btf_resolve_size(btf, (uint32_t)id) > 1000);
	id = btf_find_by_name_kind(btf, "bpf_map_type", BTF_KIND_ENUM);
	CHECK(id > 0);
	btf_free(btf);
	CHECK_INT(btf_load_file("/nonexistent/btf", NULL, &btf), -ENOENT);
	CHECK(btf == NULL);
}

/* Kernel BTF by id: the vmlinux object (needs root). */
#include "kernel/sys_bpf.h"
TEST(btf_by_id)
{
	uint32_t id = 0;
	struct btf *btf;
	int err;

	while (!sys_next_id(SYS_OBJ_BTF, id, &id)) {
		err = btf_load_by_id(id, NULL, &btf);
		if (err)
			continue;
		/* The first kernel object is vmlinux: not split. */
		if (btf_find_by_name_kind(btf, "task_struct", BTF_KIND_STRUCT) > 0) {
			CHECK(btf_base(btf) == NULL);
			CHECK_INT(btf_start_id(btf), 1);
			btf_free(btf);
			return;
		}
		btf_free(btf);
	}
	SKIP("no kernel BTF object readable by id (needs root and bpf(2))");
}
