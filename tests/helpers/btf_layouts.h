/* btf_layouts: named map layouts (BTF + map type) shared by the mkbtfmap
 * helper (which creates the maps for tests/kernel/btf.sh) and the unit
 * tests (which check the formatter against what bpftool printed for the
 * same maps).  Each build function adds types to a fresh blob and
 * returns the key and value type ids; key 0 means "no key type". */
#ifndef BPFBOX_BTF_LAYOUTS_H
#define BPFBOX_BTF_LAYOUTS_H

#include "btf_builder.h"
#include "uapi/bpf.h"

struct map_layout {
	const char *name;
	uint32_t map_type;
	uint32_t max_entries;
	void (*build)(struct bb *b, uint32_t *key, uint32_t *value);
};

/* Bitfields with kind_flag: sizes in the member offsets. */
static inline void layout_bits(struct bb *b, uint32_t *key, uint32_t *value)
{
	uint32_t u32 = bb_int(b, "unsigned int", 4, 0);
	uint32_t s32 = bb_int(b, "int", 4, BTF_INT_SIGNED);
	uint32_t u8 = bb_int(b, "unsigned char", 1, 0);
	uint32_t u16 = bb_int(b, "unsigned short", 2, 0);
	uint32_t u64 = bb_int(b, "long long unsigned int", 8, 0);

	*value = bb_struct(b, "bits", 16, 1);
	bb_member(b, "a", u8, 0, 3);
	bb_member(b, "b", u8, 3, 5);
	bb_member(b, "c", u32, 8, 20);
	bb_member(b, "d", s32, 28, 4);
	bb_member(b, "e", u16, 32, 0);
	bb_member(b, "f", u64, 48, 40);
	bb_member(b, "g", u64, 88, 33);
	*key = u32;
}

/* Old-style bitfields: ints narrower than their size, an int bit offset,
 * member offsets not on byte boundaries, a 24-bit int. */
static inline void layout_oldbits(struct bb *b, uint32_t *key, uint32_t *value)
{
	uint32_t u32 = bb_int(b, "unsigned int", 4, 0);
	uint32_t u3 = bb_int_full(b, "unsigned int", 4, 0, 0, 3);
	uint32_t s5 = bb_int_full(b, "int", 4, BTF_INT_SIGNED, 0, 5);
	uint32_t off2 = bb_int_full(b, "unsigned int", 4, 0, 2, 6);
	uint32_t u24 = bb_int_full(b, "u24", 4, 0, 0, 24);

	*value = bb_struct(b, "oldbits", 12, 0);
	bb_member(b, "x", u3, 0, 0);
	bb_member(b, "y", s5, 3, 0);
	bb_member(b, "z", off2, 8, 0);
	bb_member(b, "w", u24, 32, 0);
	bb_member(b, "v", u32, 64, 0);
	*key = u32;
}

/* Char arrays as strings or not, chars, bools. */
static inline void layout_chars(struct bb *b, uint32_t *key, uint32_t *value)
{
	uint32_t u32 = bb_int(b, "unsigned int", 4, 0);
	uint32_t chr = bb_int(b, "char", 1, BTF_INT_SIGNED);
	uint32_t uchr = bb_int(b, "unsigned char", 1, 0);
	uint32_t cenc = bb_int(b, "chr", 1, BTF_INT_CHAR);
	uint32_t boo = bb_int(b, "_Bool", 1, BTF_INT_BOOL);
	uint32_t sch = bb_int(b, "signed char", 1, BTF_INT_SIGNED);
	uint32_t idx = u32;
	uint32_t name = bb_array(b, chr, idx, 16);
	uint32_t raw = bb_array(b, chr, idx, 4);
	uint32_t bytes = bb_array(b, uchr, idx, 4);
	uint32_t td = bb_typedef(b, "char_t", chr);
	uint32_t tdarr = bb_array(b, td, idx, 4);
	uint32_t cchr = bb_mod(b, BTF_KIND_CONST, chr);
	uint32_t carr = bb_array(b, cchr, idx, 6);
	uint32_t earr = bb_array(b, cenc, idx, 4);

	*value = bb_struct(b, "chars", 48, 0);
	bb_member(b, "name", name, 0, 0);
	bb_member(b, "raw", raw, 128, 0);
	bb_member(b, "bytes", bytes, 160, 0);
	bb_member(b, "c", chr, 192, 0);
	bb_member(b, "x", cenc, 200, 0);
	bb_member(b, "y", cenc, 208, 0);
	bb_member(b, "flag", boo, 216, 0);
	bb_member(b, "sc", sch, 224, 0);
	bb_member(b, "tname", tdarr, 232, 0);
	bb_member(b, "cname", carr, 264, 0);
	bb_member(b, "enc", earr, 312, 0);
	*key = u32;
}

/* Enums of every size and signedness, ENUM64. */
static inline void layout_enums(struct bb *b, uint32_t *key, uint32_t *value)
{
	uint32_t u32 = bb_int(b, "unsigned int", 4, 0);
	uint32_t e8, es8, eu32, es32, eu64, es64;

	e8 = bb_enum(b, "e8", 1, 0);
	bb_enumval(b, "A", 1);
	bb_enumval(b, "B", 200);
	es8 = bb_enum(b, "es8", 1, 1);
	bb_enumval(b, "M", -1);
	bb_enumval(b, "N", 5);
	eu32 = bb_enum(b, "eu32", 4, 0);
	bb_enumval(b, "BIG", (int32_t)0x80000000u);
	bb_enumval(b, "ONE", 1);
	es32 = bb_enum(b, "es32", 4, 1);
	bb_enumval(b, "NEG", -5);
	eu64 = bb_enum64(b, "eu64", 8, 0);
	bb_enumval64(b, "HUGE", 1ull << 63);
	bb_enumval64(b, "SEVEN", 7);
	es64 = bb_enum64(b, "es64", 8, 1);
	bb_enumval64(b, "MINUS", (uint64_t)-2);

	*value = bb_struct(b, "enums", 32, 0);
	bb_member(b, "a", e8, 0, 0);
	bb_member(b, "b", es8, 8, 0);
	bb_member(b, "c", eu32, 32, 0);
	bb_member(b, "d", es32, 64, 0);
	bb_member(b, "e", eu64, 128, 0);
	bb_member(b, "f", es64, 192, 0);
	*key = u32;
}

/* Nested arrays, arrays of structs, anonymous union and struct members;
 * the key is a struct too, in a hash map. */
static inline void layout_nested(struct bb *b, uint32_t *key, uint32_t *value)
{
	uint32_t u32 = bb_int(b, "unsigned int", 4, 0);
	uint32_t s32 = bb_int(b, "int", 4, BTF_INT_SIGNED);
	uint32_t u16 = bb_int(b, "unsigned short", 2, 0);
	uint32_t u8 = bb_int(b, "unsigned char", 1, 0);
	uint32_t row = bb_array(b, s32, u32, 3);
	uint32_t m = bb_array(b, row, u32, 2);
	uint32_t pt, pts, un, b4, an;

	pt = bb_struct(b, "pt", 4, 0);
	bb_member(b, "x", u16, 0, 0);
	bb_member(b, "y", u16, 16, 0);
	pts = bb_array(b, pt, u32, 2);
	b4 = bb_array(b, u8, u32, 4);
	un = bb_union(b, NULL, 4, 0);
	bb_member(b, "u", u32, 0, 0);
	bb_member(b, "b", b4, 0, 0);
	an = bb_struct(b, NULL, 4, 0);
	bb_member(b, "k", u8, 0, 0);
	bb_member(b, "l", u8, 8, 0);

	*value = bb_struct(b, "nested", 40, 0);
	bb_member(b, "m", m, 0, 0);
	bb_member(b, "pts", pts, 192, 0);
	bb_member(b, NULL, un, 256, 0);
	bb_member(b, NULL, an, 288, 0);

	*key = bb_struct(b, "k2", 8, 0);
	bb_member(b, "ip", u32, 0, 0);
	bb_member(b, "port", u16, 32, 0);
	bb_member(b, "proto", u8, 48, 0);
	bb_member(b, "pad", u8, 56, 0);
}

/* A union value. */
static inline void layout_union(struct bb *b, uint32_t *key, uint32_t *value)
{
	uint32_t u32 = bb_int(b, "unsigned int", 4, 0);
	uint32_t u64 = bb_int(b, "long long unsigned int", 8, 0);
	uint32_t chr = bb_int(b, "char", 1, BTF_INT_SIGNED);
	uint32_t w = bb_array(b, u32, u32, 2);
	uint32_t s = bb_array(b, chr, u32, 8);

	*value = bb_union(b, "u", 8, 0);
	bb_member(b, "q", u64, 0, 0);
	bb_member(b, "w", w, 0, 0);
	bb_member(b, "s", s, 0, 0);
	*key = u32;
}

/* Pointers: void *, int *, a function pointer, a type-tagged pointer. */
static inline void layout_ptr(struct bb *b, uint32_t *key, uint32_t *value)
{
	uint32_t u32 = bb_int(b, "unsigned int", 4, 0);
	uint32_t s32 = bb_int(b, "int", 4, BTF_INT_SIGNED);
	uint32_t vp = bb_ptr(b, 0);
	uint32_t ip = bb_ptr(b, s32);
	uint32_t proto, fp, tag, tp, cp;

	proto = bb_func_proto(b, s32);
	bb_param(b, "x", s32);
	fp = bb_ptr(b, proto);
	tag = bb_type_tag(b, "user", s32);
	tp = bb_ptr(b, tag);
	cp = bb_ptr(b, bb_mod(b, BTF_KIND_CONST, s32));

	*value = bb_struct(b, "ptrs", 40, 0);
	bb_member(b, "p", vp, 0, 0);
	bb_member(b, "ip", ip, 64, 0);
	bb_member(b, "fn", fp, 128, 0);
	bb_member(b, "tagged", tp, 192, 0);
	bb_member(b, "cp", cp, 256, 0);
	*key = u32;
}

/* Floats of 2, 4, 8 and 16 bytes. */
static inline void layout_float(struct bb *b, uint32_t *key, uint32_t *value)
{
	uint32_t u32 = bb_int(b, "unsigned int", 4, 0);
	uint32_t f = bb_float(b, "float", 4);
	uint32_t d = bb_float(b, "double", 8);
	uint32_t h = bb_float(b, "_Float16", 2);
	uint32_t ld = bb_float(b, "long double", 16);

	*value = bb_struct(b, "floats", 32, 0);
	bb_member(b, "f", f, 0, 0);
	bb_member(b, "h", h, 32, 0);
	bb_member(b, "d", d, 64, 0);
	bb_member(b, "ld", ld, 128, 0);
	*key = u32;
}

/* 128-bit ints, signed and not. */
static inline void layout_int128(struct bb *b, uint32_t *key, uint32_t *value)
{
	uint32_t u32 = bb_int(b, "unsigned int", 4, 0);
	uint32_t s128 = bb_int(b, "__int128", 16, BTF_INT_SIGNED);
	uint32_t u128 = bb_int(b, "__int128 unsigned", 16, 0);

	*value = bb_struct(b, "i128", 32, 0);
	bb_member(b, "s", s128, 0, 0);
	bb_member(b, "u", u128, 128, 0);
	*key = u32;
}

/* A per-CPU array of a small struct behind typedefs and modifiers. */
static inline void layout_percpu(struct bb *b, uint32_t *key, uint32_t *value)
{
	uint32_t u32 = bb_int(b, "unsigned int", 4, 0);
	uint32_t s16 = bb_int(b, "short", 2, BTF_INT_SIGNED);
	uint32_t chr = bb_int(b, "char", 1, BTF_INT_SIGNED);
	uint32_t tag = bb_array(b, chr, u32, 2);
	uint32_t cnt = bb_typedef(b, "counter_t", bb_mod(b, BTF_KIND_VOLATILE, u32));
	uint32_t st;

	st = bb_struct(b, "pc", 8, 0);
	bb_member(b, "a", cnt, 0, 0);
	bb_member(b, "b", s16, 32, 0);
	bb_member(b, "tag", tag, 48, 0);
	*value = bb_typedef(b, "pc_t", bb_mod(b, BTF_KIND_CONST, st));
	*key = u32;
}

/* The value of a global-data map (.data): a DATASEC of VARs, no key type. */
static inline void layout_datasec(struct bb *b, uint32_t *key, uint32_t *value)
{
	uint32_t u32 = bb_int(b, "unsigned int", 4, 0);
	uint32_t s32 = bb_int(b, "int", 4, BTF_INT_SIGNED);
	uint32_t chr = bb_int(b, "char", 1, BTF_INT_SIGNED);
	uint32_t u16 = bb_int(b, "unsigned short", 2, 0);
	uint32_t str = bb_array(b, chr, u32, 8);
	uint32_t arr = bb_array(b, u16, u32, 2);
	uint32_t v1 = bb_var(b, "counter", s32, BTF_VAR_GLOBAL_ALLOCATED);
	uint32_t v2 = bb_var(b, "label", str, BTF_VAR_GLOBAL_ALLOCATED);
	uint32_t v3 = bb_var(b, "pair", arr, BTF_VAR_STATIC);

	*value = bb_datasec(b, ".data", 16);
	bb_secinfo(b, v1, 0, 4);
	bb_secinfo(b, v2, 4, 8);
	bb_secinfo(b, v3, 12, 4);
	*key = 0;
}

/* A flow table as people keep them (tools/bench: 100k entries): a 16-byte
 * struct key, a 48-byte struct value. */
static inline void layout_flows(struct bb *b, uint32_t *key, uint32_t *value)
{
	uint32_t u64 = bb_int(b, "long long unsigned int", 8, 0);
	uint32_t u32 = bb_int(b, "unsigned int", 4, 0);
	uint32_t u16 = bb_int(b, "short unsigned int", 2, 0);
	uint32_t u8 = bb_int(b, "unsigned char", 1, 0);
	uint32_t chr = bb_int(b, "char", 1, BTF_INT_SIGNED);
	uint32_t pad = bb_array(b, u8, u32, 3);
	uint32_t comm = bb_array(b, chr, u32, 8);

	*key = bb_struct(b, "flow_key", 16, 0);
	bb_member(b, "saddr", u32, 0, 0);
	bb_member(b, "daddr", u32, 32, 0);
	bb_member(b, "sport", u16, 64, 0);
	bb_member(b, "dport", u16, 80, 0);
	bb_member(b, "proto", u8, 96, 0);
	bb_member(b, "pad", pad, 104, 0);

	*value = bb_struct(b, "flow_stats", 48, 0);
	bb_member(b, "packets", u64, 0, 0);
	bb_member(b, "bytes", u64, 64, 0);
	bb_member(b, "first_ns", u64, 128, 0);
	bb_member(b, "last_ns", u64, 192, 0);
	bb_member(b, "flags", u32, 256, 0);
	bb_member(b, "ifindex", u32, 288, 0);
	bb_member(b, "comm", comm, 320, 0);
}

/* C declarations that are hard to print (btf dump format c): packed and
 * padded structs, bitfields, anonymous nested types, arrays of function
 * pointers, variadic and argument-less prototypes, typedef chains,
 * qualifiers around pointers, a type tag, multi-dimensional arrays,
 * ENUM64 both signed and unsigned, a one-byte enum, two structs with one
 * name, a forward declaration, a self-referencing struct and a kfunc. */
static inline void layout_cdecl(struct bb *b, uint32_t *key, uint32_t *value)
{
	uint32_t s32 = bb_int(b, "int", 4, BTF_INT_SIGNED);
	uint32_t chr = bb_int(b, "char", 1, BTF_INT_SIGNED);
	uint32_t lng = bb_int(b, "long int", 8, BTF_INT_SIGNED);
	uint32_t u16 = bb_int(b, "short unsigned int", 2, 0);
	uint32_t dbl = bb_float(b, "double", 8);
	uint32_t node_ptr = bb_ptr(b, b->next_id + 1);
	uint32_t packed, gap, bits, anon_s, anon_u, fp, proto, handlers;
	uint32_t cchr, logf, cb, t3, up, vp, row, m, e64u, e64s, e8, anon_e;
	uint32_t dup1, dup2, opq, kf;

	bb_struct(b, "node", 16, 0);
	bb_member(b, "next", node_ptr, 0, 0);
	bb_member(b, "val", s32, 64, 0);
	packed = bb_struct(b, "packed_s", 5, 0);
	bb_member(b, "a", chr, 0, 0);
	bb_member(b, "b", s32, 8, 0);
	gap = bb_struct(b, "gap_s", 12, 0);
	bb_member(b, "a", s32, 0, 0);
	bb_member(b, "b", s32, 64, 0);
	bits = bb_struct(b, "bits_s", 8, 1);
	bb_member(b, "x", u16, 0, 3);
	bb_member(b, "y", u16, 3, 5);
	bb_member(b, "z", s32, 32, 20);
	anon_s = bb_struct(b, NULL, 8, 0);
	bb_member(b, "lo", s32, 0, 0);
	bb_member(b, "hi", s32, 32, 0);
	anon_u = bb_union(b, NULL, 8, 0);
	bb_member(b, "whole", lng, 0, 0);
	bb_member(b, NULL, anon_s, 0, 0);
	proto = bb_func_proto(b, 0);
	bb_param(b, NULL, s32);
	fp = bb_ptr(b, proto);
	handlers = bb_array(b, fp, s32, 4);
	cchr = bb_ptr(b, bb_mod(b, BTF_KIND_CONST, chr));
	proto = bb_func_proto(b, s32);
	bb_param(b, NULL, cchr);
	bb_param(b, NULL, 0);
	logf = bb_ptr(b, proto);
	cb = bb_ptr(b, bb_func_proto(b, 0));
	t3 = bb_typedef(b, "t3", bb_ptr(b, bb_mod(b, BTF_KIND_CONST,
		bb_typedef(b, "t2", bb_typedef(b, "t1", s32)))));
	up = bb_ptr(b, bb_type_tag(b, "user", s32));
	vp = bb_mod(b, BTF_KIND_VOLATILE, bb_ptr(b, s32));
	row = bb_array(b, s32, s32, 3);
	m = bb_array(b, row, s32, 2);
	e64u = bb_enum64(b, "big", 8, 0);
	bb_enumval64(b, "BIG", 1ULL << 40);
	bb_enumval64(b, "SMALL", 1);
	e64s = bb_enum64(b, "neg64", 8, 1);
	bb_enumval64(b, "NEG", (uint64_t)-5);
	e8 = bb_enum(b, "e8", 1, 0);
	bb_enumval(b, "E8_A", 1);
	anon_e = bb_enum(b, NULL, 4, 0);
	bb_enumval(b, "ANON_A", 0);
	bb_enumval(b, "E8_A", 2);
	dup1 = bb_struct(b, "dup", 4, 0);
	bb_member(b, "x", s32, 0, 0);
	dup2 = bb_struct(b, "dup", 8, 0);
	bb_member(b, "y", lng, 0, 0);
	opq = bb_ptr(b, bb_fwd(b, "opaque", 0));

	*value = bb_struct(b, "cdecl", 200, 0);
	bb_member(b, "packed", packed, 0, 0);
	bb_member(b, "head", node_ptr, 64, 0);
	bb_member(b, "gap", gap, 128, 0);
	bb_member(b, "bits", bits, 224, 0);
	bb_member(b, NULL, anon_u, 320, 0);
	bb_member(b, "handlers", handlers, 384, 0);
	bb_member(b, "logf", logf, 640, 0);
	bb_member(b, "cb", cb, 704, 0);
	bb_member(b, "cp", t3, 768, 0);
	bb_member(b, "up", up, 832, 0);
	bb_member(b, "vp", vp, 896, 0);
	bb_member(b, "m", m, 960, 0);
	bb_member(b, "e64u", e64u, 1152, 0);
	bb_member(b, "e64s", e64s, 1216, 0);
	bb_member(b, "e8", e8, 1280, 0);
	bb_member(b, "anon_e", anon_e, 1312, 0);
	bb_member(b, "d1", dup1, 1344, 0);
	bb_member(b, "d2", dup2, 1408, 0);
	bb_member(b, "opq", opq, 1472, 0);
	bb_member(b, "f", dbl, 1536, 0);

	proto = bb_func_proto(b, s32);
	bb_param(b, "arg", s32);
	kf = bb_func(b, "cdecl_kfunc", proto, BTF_FUNC_GLOBAL);
	bb_decl_tag(b, "bpf_kfunc", kf, -1);
	*key = s32;
}

static const struct map_layout map_layouts[] = {
	{ "bits", BPF_MAP_TYPE_ARRAY, 2, layout_bits },
	{ "oldbits", BPF_MAP_TYPE_ARRAY, 2, layout_oldbits },
	{ "chars", BPF_MAP_TYPE_ARRAY, 2, layout_chars },
	{ "enums", BPF_MAP_TYPE_ARRAY, 2, layout_enums },
	{ "nested", BPF_MAP_TYPE_HASH, 4, layout_nested },
	{ "union", BPF_MAP_TYPE_ARRAY, 2, layout_union },
	{ "ptr", BPF_MAP_TYPE_ARRAY, 2, layout_ptr },
	{ "float", BPF_MAP_TYPE_ARRAY, 2, layout_float },
	{ "int128", BPF_MAP_TYPE_ARRAY, 2, layout_int128 },
	{ "percpu", BPF_MAP_TYPE_PERCPU_ARRAY, 2, layout_percpu },
	{ "datasec", BPF_MAP_TYPE_ARRAY, 1, layout_datasec },
	{ "flows", BPF_MAP_TYPE_HASH, 100000, layout_flows },
	{ "cdecl", BPF_MAP_TYPE_ARRAY, 1, layout_cdecl },
	{ 0 }
};

#endif
