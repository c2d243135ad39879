/* The BTF value formatter (src/btf_fmt.c).  Expectations marked
 * "bpftool" are what bpftool printed (-j, "formatted") for the same
 * bytes in a kernel map with the same BTF (tests/helpers/btf_layouts.h,
 * tests/kernel/btf.sh); the others are bpftool's rules applied by hand or
 * the deviations listed in docs/compat.md. */
#include "unit.h"

#include <math.h>
#include "../helpers/btf_layouts.h"
#include "output/btf_fmt.h"
#include "output/map_fmt.h"

#include <errno.h>
#include <stdlib.h>

static struct btf *build(void (*fn)(struct bb *, uint32_t *, uint32_t *),
			 uint32_t *key, uint32_t *value)
{
	struct btf *btf = NULL;
	struct bb b;
	size_t size;
	void *blob;

	bb_init(&b);
	fn(&b, key, value);
	blob = bb_blob(&b, &size);
	bb_free(&b);
	CHECK_INT(btf_new(blob, size, NULL, &btf), 0);
	free(blob);
	return btf;
}

/* Starts a capture through a writer (pretty or compact) inside depth
 * objects, each value named "k", as a dump puts keys and values. */
static void through(struct json *j, bool pretty, unsigned depth)
{
	json_init(j, pretty);
	capture_begin();
	while (depth--) {
		json_start_object(j);
		json_name(j, "k");
	}
}

/* The compiled path of dumps prints what the generic one does, compiled
 * and then reused, compact and pretty, at a few depths; a plan compiled
 * at one depth is not used at another. */
static void check_planned(const struct btf *btf, uint32_t id, const void *data,
			  size_t n, bool plain)
{
	struct btf_plan *plan = NULL, *kept = NULL;
	struct json j;
	unsigned depth;
	char *want;
	int err;

	for (depth = 0; depth < 4; depth++) {
		through(&j, depth > 0, depth);
		err = btf_fmt_value_n(&j, btf, id, data, n, plain);
		want = strdup(capture_end());
		for (int i = 0; i < 2; i++) {
			through(&j, depth > 0, depth);
			CHECK_INT(btf_fmt_value_planned(&plan, &j, btf, id, data, n, plain), err);
			CHECK_STR(capture_end(), want);
		}
		free(want);
		if (depth == 1)
			kept = plan;
		else
			btf_plan_free(plan);
		plan = NULL;
	}
	through(&j, true, 3);
	btf_fmt_value_n(&j, btf, id, data, n, plain);
	want = strdup(capture_end());
	through(&j, true, 3);
	btf_fmt_value_planned(&kept, &j, btf, id, data, n, plain);
	CHECK_STR(capture_end(), want);
	free(want);
	btf_plan_free(kept);
}

static int last_err;

/* One value through a compact writer: plain (bpftool's is_plain_text)
 * or JSON rules; check_planned() on the same value. */
static const char *fmt(const struct btf *btf, uint32_t id, const void *data,
		       size_t n, bool plain)
{
	static char *generic;
	struct json j;

	json_init(&j, false);
	capture_begin();
	last_err = btf_fmt_value_n(&j, btf, id, data, n, plain);
	free(generic);
	generic = strdup(capture_end());
	check_planned(btf, id, data, n, plain);
	return generic;
}

#define JSON(btf, id, data, want) do { \
	CHECK_STR(fmt(btf, id, data, sizeof(data) - 1, false), want); \
	CHECK_INT(last_err, 0); \
} while (0)
#define PLAIN(btf, id, data, want) do { \
	CHECK_STR(fmt(btf, id, data, sizeof(data) - 1, true), want); \
	CHECK_INT(last_err, 0); \
} while (0)

TEST(btf_fmt_bits)
{
	uint32_t k, v;
	struct btf *btf = build(layout_bits, &k, &v);
	static const char d[] = "\xff\xff\xff\xff\x12\x34\x56\x78\x9a\xbc\xde\xf0\x11\x22\x33\x44";

	if (!btf)
		return;
	/* bpftool */
	JSON(btf, v, d, "{\"a\":\"0x7\",\"b\":\"0x1f\",\"c\":\"0xfffff\",\"d\":\"0xf\",\"e\":13330,\"f\":\"0xdebc9a7856\",\"g\":\"0x332211f0\"}");
	PLAIN(btf, v, d, "{\"a\":0x7,\"b\":0x1f,\"c\":0xfffff,\"d\":0xf,\"e\":13330,\"f\":0xdebc9a7856,\"g\":0x332211f0}");
	JSON(btf, k, "\x01\0\0\0", "1");
	btf_free(btf);
}

TEST(btf_fmt_oldbits)
{
	uint32_t k, v;
	struct btf *btf = build(layout_oldbits, &k, &v);
	static const char d[] = "\xff\xff\xff\xff\x12\x34\x56\x78\x9a\xbc\xde\xf0";

	if (!btf)
		return;
	/* bpftool: narrow ints, an int bit offset, a 24-bit int: all hex */
	JSON(btf, v, d, "{\"x\":\"0x7\",\"y\":\"0x1f\",\"z\":\"0x3f\",\"w\":\"0x563412\",\"v\":4041129114}");
	btf_free(btf);
}

TEST(btf_fmt_chars)
{
	uint32_t k, v;
	struct btf *btf = build(layout_chars, &k, &v);
	static const char d[] =
		"hello\0\0\0\0\0\0\0\0\0\0\0" "abcd" "\x01\x02\x03\x04"
		"A\"\x01\x02\xfd" "ab\0\0" "xyz\0\0\0" "q\\\0\0" "\0\0\0\0\0";
	static const char z[49];

	if (!btf)
		return;
	/* bpftool, but for '"' (bpftool: """) and the backslash in enc
	 * (bpftool 7.1: "q\n"; upstream: "q\\") */
	JSON(btf, v, d, "{\"name\":\"hello\",\"raw\":[97,98,99,100],\"bytes\":[1,2,3,4],\"c\":65,\"x\":\"\\\"\",\"y\":\"\\u0001\",\"flag\":true,\"sc\":-3,\"tname\":[97,98,0,0],\"cname\":\"xyz\",\"enc\":\"q\\\\\"}");
	PLAIN(btf, v, d, "{\"name\":\"hello\",\"raw\":[97,98,99,100],\"bytes\":[1,2,3,4],\"c\":65,\"x\":\"\\\"\",\"y\":0x1,\"flag\":true,\"sc\":-3,\"tname\":[97,98,0,0],\"cname\":\"xyz\",\"enc\":\"q\\\\\"}");
	/* bpftool: all zero */
	JSON(btf, v, z, "{\"name\":\"\",\"raw\":\"\",\"bytes\":[0,0,0,0],\"c\":0,\"x\":\"\\u0000\",\"y\":\"\\u0000\",\"flag\":false,\"sc\":0,\"tname\":[0,0,0,0],\"cname\":\"\",\"enc\":\"\"}");
	PLAIN(btf, v, z, "{\"name\":\"\",\"raw\":\"\",\"bytes\":[0,0,0,0],\"c\":0,\"x\":0x0,\"y\":0x0,\"flag\":false,\"sc\":0,\"tname\":[0,0,0,0],\"cname\":\"\",\"enc\":\"\"}");
	btf_free(btf);
}

TEST(btf_fmt_enums)
{
	uint32_t k, v;
	struct btf *btf = build(layout_enums, &k, &v);
	static const char d0[] = "\x01\x81\0\0" "\xff\xff\xff\xff" "\xfa\xff\xff\xff" "\0\0\0\0"
		"\xff\xff\xff\xff\xff\xff\xff\xff" "\xfd\xff\xff\xff\xff\xff\xff\xff";
	static const char d1[] = "\xc8\xff\0\0" "\0\0\0\x80" "\xfb\xff\xff\xff" "\0\0\0\0"
		"\0\0\0\0\0\0\0\x80" "\xfe\xff\xff\xff\xff\xff\xff\xff";

	if (!btf)
		return;
	/* bpftool prints c and e as -1 (always signed) and a as -56 (200
	 * sign-extended misses the unsigned enumerator B = 200). */
	JSON(btf, v, d0, "{\"a\":\"A\",\"b\":-127,\"c\":4294967295,\"d\":-6,\"e\":18446744073709551615,\"f\":-3}");
	JSON(btf, v, d1, "{\"a\":\"B\",\"b\":\"M\",\"c\":\"BIG\",\"d\":\"NEG\",\"e\":\"HUGE\",\"f\":\"MINUS\"}");
	btf_free(btf);
}

TEST(btf_fmt_nested)
{
	uint32_t k, v;
	struct btf *btf = build(layout_nested, &k, &v);
	static const char d[] = "\x01\0\0\0\xff\xff\xff\xff\x03\0\0\0\x04\0\0\0\x05\0\0\0\x06\0\0\0"
		"\x01\0\x02\0\x03\0\x04\0" "\x78\x56\x34\x12" "\x09\x0a\0\0";

	if (!btf)
		return;
	/* bpftool */
	JSON(btf, k, "\x01\0\0\0\x02\0\x06\0", "{\"ip\":1,\"port\":2,\"proto\":6,\"pad\":0}");
	JSON(btf, v, d, "{\"m\":[[1,-1,3],[4,5,6]],\"pts\":[{\"x\":1,\"y\":2},{\"x\":3,\"y\":4}],\"\":{\"u\":305419896,\"b\":[120,86,52,18]},\"\":{\"k\":9,\"l\":10}}");
	btf_free(btf);
}

TEST(btf_fmt_union_ptr_int128_datasec)
{
	uint32_t k, v;
	struct btf *btf;
	static const char u[] = "AB\0\0\0\0\0\x01";
	static const char p[] = "\x10\x20\0\0\0\0\0\0" "\x01\0\0\0\0\0\0\0"
		"\xff\xff\xff\xff\xff\xff\xff\xff" "\0\0\0\0\x01\0\0\0" "\0\0\0\0\0\0\0\0";
	static const char i[] = "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"
		"\x05\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";
	static const char i2[] = "\x01\0\0\0\0\0\0\0\x02\0\0\0\0\0\0\0"
		"\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";
	static const char s[] = "\x2a\0\0\0ok\0\0\0\0\0\0\x01\0\x02\0";

	btf = build(layout_union, &k, &v);
	if (btf) {	/* bpftool */
		JSON(btf, v, u, "{\"q\":72057594037944897,\"w\":[16961,16777216],\"s\":\"AB\"}");
		btf_free(btf);
	}
	/* Pointers are host-sized, as in bpftool: the layout is a 64-bit one. */
	btf = sizeof(void *) == 8 ? build(layout_ptr, &k, &v) : NULL;
	if (btf) {	/* bpftool (plain: upstream's quoted "%p") */
		JSON(btf, v, p, "{\"p\":8208,\"ip\":1,\"fn\":18446744073709551615,\"tagged\":4294967296,\"cp\":0}");
		PLAIN(btf, v, p, "{\"p\":\"0x2010\",\"ip\":\"0x1\",\"fn\":\"0xffffffffffffffff\",\"tagged\":\"0x100000000\",\"cp\":\"(nil)\"}");
		btf_free(btf);
	}
	btf = build(layout_int128, &k, &v);
	if (btf) {	/* bpftool */
		JSON(btf, v, i, "{\"s\":\"0xffffffffffffffffffffffffffffffff\",\"u\":\"0x5\"}");
		PLAIN(btf, v, i2, "{\"s\":0x20000000000000001,\"u\":0x0}");
		btf_free(btf);
	}
	btf = build(layout_datasec, &k, &v);
	if (btf) {	/* bpftool */
		JSON(btf, v, s, "{\".data\":[{\"counter\":42},{\"label\":\"ok\"},{\"pair\":[1,2]}]}");
		btf_free(btf);
	}
}

/* A 16-byte float is the host's long double (x87 on x86, IEEE binary128
 * on arm64 and riscv64): put one there in the host's own format. */
static void put_long_double(char *data, long double v)
{
	union { long double v; char b[16]; } u;

	memset(&u, 0, sizeof(u));
	u.v = v;
	memcpy(data, u.b, 16);
}

TEST(btf_fmt_floats)
{
	uint32_t k, v;
	struct btf *btf;
	char d1[] = "\xcd\xcc\xcc\x3d" "\x00\x3c\0\0" "\x9a\x99\x99\x99\x99\x99\xb9\x3f"
		"................";
	char d2[] = "\0\0\xc0\x7f" "\x00\xfc\0\0" "\0\0\0\0\0\0\xf0\xff"
		"................";
	char d3[] = "\x00\x00\x80\xbf" "\x01\x00\0\0" "\0\0\0\0\0\0\xf0\x43"
		"................";

	/* Hosts whose long double is a double (armhf) have no 16-byte float. */
	if (sizeof(long double) != 16)
		SKIP("long double is %d bytes on this host, not 16", (int)sizeof(long double));
	btf = build(layout_float, &k, &v);
	if (!btf)
		return;
	put_long_double(d1 + 16, 1.0L);
	put_long_double(d2 + 16, (long double)INFINITY);
	put_long_double(d3 + 16, 3.0L);
	/* bpftool prints "(unsupported-kind)" and stops */
	JSON(btf, v, d1, "{\"f\":0.1,\"h\":1,\"d\":0.1,\"ld\":1}");
	JSON(btf, v, d2, "{\"f\":\"nan\",\"h\":\"-inf\",\"d\":\"-inf\",\"ld\":\"inf\"}");
	PLAIN(btf, v, d3, "{\"f\":-1,\"h\":5.9604645e-08,\"d\":1.8446744073709552e+19,\"ld\":3}");
	btf_free(btf);
}

/* Every int width and encoding, in one BTF. */
TEST(btf_fmt_ints)
{
	struct bb b;
	struct btf *btf;
	uint32_t u8, s8, u16, s16, u32, s32, u64, s64, chr, boo, u24, s40, b1;
	size_t size;
	void *blob;

	bb_init(&b);
	u8 = bb_int(&b, "u8", 1, 0);
	s8 = bb_int(&b, "s8", 1, BTF_INT_SIGNED);
	u16 = bb_int(&b, "u16", 2, 0);
	s16 = bb_int(&b, "s16", 2, BTF_INT_SIGNED);
	u32 = bb_int(&b, "u32", 4, 0);
	s32 = bb_int(&b, "s32", 4, BTF_INT_SIGNED);
	u64 = bb_int(&b, "u64", 8, 0);
	s64 = bb_int(&b, "s64", 8, BTF_INT_SIGNED);
	chr = bb_int(&b, "chr", 1, BTF_INT_CHAR);
	boo = bb_int(&b, "bool", 1, BTF_INT_BOOL);
	u24 = bb_int_full(&b, "u24", 4, 0, 0, 24);
	s40 = bb_int_full(&b, "s40", 8, BTF_INT_SIGNED, 0, 40);
	b1 = bb_int_full(&b, "b1", 1, BTF_INT_BOOL, 0, 1);
	blob = bb_blob(&b, &size);
	bb_free(&b);
	CHECK_INT(btf_new(blob, size, NULL, &btf), 0);
	free(blob);
	if (!btf)
		return;
	JSON(btf, u8, "\xff", "255");
	JSON(btf, s8, "\xff", "-1");
	JSON(btf, u16, "\xff\xff", "65535");
	JSON(btf, s16, "\x00\x80", "-32768");
	JSON(btf, u32, "\xff\xff\xff\xff", "4294967295");
	JSON(btf, s32, "\x00\x00\x00\x80", "-2147483648");
	JSON(btf, u64, "\xff\xff\xff\xff\xff\xff\xff\xff", "18446744073709551615");
	JSON(btf, s64, "\0\0\0\0\0\0\0\x80", "-9223372036854775808");
	JSON(btf, chr, "a", "\"a\"");
	JSON(btf, chr, "\\", "\"\\\\\"");
	JSON(btf, chr, "\x7f", "\"\\u007f\"");
	JSON(btf, chr, "\x80", "\"\\u0080\"");
	PLAIN(btf, chr, "\x80", "0x80");
	PLAIN(btf, chr, "\n", "0xa");
	JSON(btf, boo, "\x02", "true");
	JSON(btf, u24, "\x01\x02\x03\x04", "\"0x30201\"");
	PLAIN(btf, s40, "\xff\xff\xff\xff\xff\xff", "0xffffffffff");
	PLAIN(btf, b1, "\x01", "0x1");
	/* Short data: an error and a null, never a read past the end. */
	CHECK_STR(fmt(btf, u64, "\x01\x02", 2, false), "null");
	CHECK_INT(last_err, -EINVAL);
	CHECK_STR(fmt(btf, u24, "", 0, true), "null");
	btf_free(btf);
}

/* Arrays: empty, nested, the string rule's edges. */
TEST(btf_fmt_arrays)
{
	struct bb b;
	struct btf *btf;
	uint32_t chr, u32, e0, s4, b2, vs, td, tda, ca;
	size_t size;
	void *blob;

	bb_init(&b);
	chr = bb_int(&b, "char", 1, BTF_INT_SIGNED);
	u32 = bb_int(&b, "unsigned int", 4, 0);
	e0 = bb_array(&b, u32, u32, 0);
	s4 = bb_array(&b, chr, u32, 4);
	b2 = bb_array(&b, s4, u32, 2);
	vs = bb_array(&b, bb_mod(&b, BTF_KIND_VOLATILE, chr), u32, 3);
	td = bb_typedef(&b, "char", chr);	/* typedef named char: no */
	tda = bb_array(&b, td, u32, 2);
	ca = bb_array(&b, chr, u32, 0);
	blob = bb_blob(&b, &size);
	bb_free(&b);
	CHECK_INT(btf_new(blob, size, NULL, &btf), 0);
	free(blob);
	if (!btf)
		return;
	CHECK_STR(fmt(btf, e0, "", 0, false), "[]");
	CHECK_STR(fmt(btf, ca, "", 0, false), "[]");
	JSON(btf, s4, "ab\0z", "\"ab\"");
	JSON(btf, s4, "a\"\\\0", "\"a\\\"\\\\\"");
	JSON(btf, s4, "abcd", "[97,98,99,100]");
	JSON(btf, s4, "a\tb\0", "[97,9,98,0]");
	JSON(btf, s4, "a\x80\0\0", "[97,-128,0,0]");
	JSON(btf, b2, "ab\0\0cdef", "[\"ab\",[99,100,101,102]]");
	JSON(btf, vs, "x\0\0", "\"x\"");
	JSON(btf, tda, "x\0", "[120,0]");
	/* The string rule stops at the data's end too. */
	CHECK_STR(fmt(btf, s4, "ab", 2, false), "[97,98,null]");
	CHECK_INT(last_err, -EINVAL);
	btf_free(btf);
}

/* Void, FWD, FUNC and other kinds without values, modifiers at the top,
 * broken ids: bpftool's markers, or null; JSON stays nested. */
TEST(btf_fmt_odd_kinds)
{
	struct bb b;
	struct btf *btf;
	uint32_t i32, fwd, fp, fn, tt, cv, st, bad, dt;
	size_t size;
	void *blob;

	bb_init(&b);
	i32 = bb_int(&b, "int", 4, BTF_INT_SIGNED);
	fwd = bb_fwd(&b, "later", 0);
	fp = bb_func_proto(&b, i32);
	fn = bb_func(&b, "f", fp, 0);
	tt = bb_type_tag(&b, "user", i32);
	cv = bb_mod(&b, BTF_KIND_CONST, 0);	/* const void */
	dt = bb_decl_tag(&b, "t", i32, -1);
	st = bb_struct(&b, "s", 8, 0);
	bb_member(&b, "a", i32, 0, 0);
	bb_member(&b, "f", fwd, 32, 0);
	bb_member(&b, "z", i32, 32, 0);
	bad = bb_struct(&b, "bad", 8, 0);
	bb_member(&b, "a", i32, 0, 0);
	bb_member(&b, "x", 9999, 32, 0);
	bb_member(&b, "y", i32, 0xffffff, 0);
	blob = bb_blob(&b, &size);
	bb_free(&b);
	CHECK_INT(btf_new(blob, size, NULL, &btf), 0);
	free(blob);
	if (!btf)
		return;
	JSON(btf, 0, "\0\0\0\0", "(unknown)");
	CHECK_STR(fmt(btf, fwd, "\0\0\0\0", 4, false), "(fwd-kind-invalid)");
	CHECK_INT(last_err, -EINVAL);
	CHECK_STR(fmt(btf, fn, "\0\0\0\0", 4, false), "(unsupported-kind)");
	CHECK_STR(fmt(btf, fp, "\0\0\0\0", 4, false), "(unsupported-kind)");
	CHECK_STR(fmt(btf, dt, "\0\0\0\0", 4, false), "(unsupported-kind)");
	JSON(btf, tt, "\x05\0\0\0", "5");
	CHECK_STR(fmt(btf, cv, "\0\0\0\0", 4, false), "null");
	CHECK_STR(fmt(btf, st, "\x01\0\0\0\0\0\0\0", 8, false),
		  "{\"a\":1,\"f\":(fwd-kind-invalid)}");
	CHECK_STR(fmt(btf, bad, "\x01\0\0\0\0\0\0\0", 8, false),
		  "{\"a\":1,\"x\":null}");
	CHECK_INT(last_err, -EINVAL);
	CHECK_STR(fmt(btf, 12345, "\0\0\0\0", 4, false), "null");
	/* btf_fmt_value() takes the size from the BTF. */
	{
		struct json j;

		json_init(&j, false);
		capture_begin();
		CHECK_INT(btf_fmt_value(&j, btf, i32, "\x07\0\0\0", true), 0);
		CHECK_STR(capture_end(), "7");
	}
	btf_free(btf);
}

/* A struct containing itself and a tower of unions that doubles at each
 * level: bounded depth and output, a clean error. */
TEST(btf_fmt_limits)
{
	struct bb b;
	struct btf *btf;
	uint32_t i32, self, top, id;
	int n;
	size_t size;
	void *blob;
	static const char z[64];
	const char *out;

	bb_init(&b);
	i32 = bb_int(&b, "int", 4, BTF_INT_SIGNED);
	self = bb_struct(&b, "self", 4, 0);
	bb_member(&b, "me", self, 0, 0);
	id = i32;
	for (n = 0; n < 40; n++) {
		uint32_t u = bb_union(&b, NULL, 4, 0);

		bb_member(&b, "l", id, 0, 0);
		bb_member(&b, "r", id, 0, 0);
		id = u;
	}
	top = id;
	blob = bb_blob(&b, &size);
	bb_free(&b);
	CHECK_INT(btf_new(blob, size, NULL, &btf), 0);
	free(blob);
	if (!btf)
		return;
	out = fmt(btf, self, z, 4, false);
	CHECK_INT(last_err, -E2BIG);
	CHECK(!strncmp(out, "{\"me\":{\"me\":", 12));
	CHECK(strlen(out) > 64 * 6 && out[strlen(out) - 1] == '}');
	out = fmt(btf, top, z, 4, false);
	CHECK_INT(last_err, -E2BIG);
	CHECK(strlen(out) < 1000000 && out[strlen(out) - 1] == '}');
	btf_free(btf);
}

/* The layout of bpftool's plain BTF dump: a pretty writer, the entry
 * object of do_dump_btf around the values. */
TEST(btf_fmt_pretty_entry)
{
	uint32_t k, v;
	struct btf *btf = build(layout_nested, &k, &v);
	static const char key[] = "\x01\0\0\0\x02\0\x06\0";
	static const char val[] = "\x01\0\0\0\xff\xff\xff\xff\x03\0\0\0\x04\0\0\0\x05\0\0\0\x06\0\0\0"
		"\x01\0\x02\0\x03\0\x04\0" "\x78\x56\x34\x12" "\x09\x0a\0\0";
	struct json j;

	if (!btf)
		return;
	json_init(&j, true);
	capture_begin();
	json_start_array(&j);
	json_start_object(&j);
	json_name(&j, "key");
	CHECK_INT(btf_fmt_value(&j, btf, k, key, true), 0);
	json_name(&j, "value");
	CHECK_INT(btf_fmt_value(&j, btf, v, val, true), 0);
	json_end_object(&j);
	json_end_array(&j);
	json_finish(&j);
	/* bpftool map dump (plain) */
	CHECK_STR(capture_end(),
		"[{\n"
		"        \"key\": {\n"
		"            \"ip\": 1,\n"
		"            \"port\": 2,\n"
		"            \"proto\": 6,\n"
		"            \"pad\": 0\n"
		"        },\n"
		"        \"value\": {\n"
		"            \"m\": [[1,-1,3\n"
		"                ],[4,5,6\n"
		"                ]\n"
		"            ],\n"
		"            \"pts\": [{\n"
		"                    \"x\": 1,\n"
		"                    \"y\": 2\n"
		"                },{\n"
		"                    \"x\": 3,\n"
		"                    \"y\": 4\n"
		"                }\n"
		"            ],\n"
		"            \"\": {\n"
		"                \"u\": 305419896,\n"
		"                \"b\": [120,86,52,18\n"
		"                ]\n"
		"            },\n"
		"            \"\": {\n"
		"                \"k\": 9,\n"
		"                \"l\": 10\n"
		"            }\n"
		"        }\n"
		"    }\n"
		"]\n");
	btf_free(btf);
}

/* A key and value type of 8 bytes, { u32 a; u32 b; }, for maps whose
 * key_size and value_size say 4. */
static void layout_pair(struct bb *b, uint32_t *key, uint32_t *value)
{
	uint32_t u32 = bb_int(b, "u32", 4, 0);

	*key = *value = bb_struct(b, "pair", 8, 0);
	bb_member(b, "a", u32, 0, 0);
	bb_member(b, "b", u32, 32, 0);
}

/* map_fmt.c's BTF entries stop at the map's key_size and value_size
 * (per CPU), whatever size the BTF type claims.  The bytes after them
 * here are 0x99 (the next CPU's padding, or beyond): read, they would
 * print as 2576980377. */
TEST(btf_fmt_entry_bounded_by_map_sizes)
{
	static const uint8_t key[8] = { 1, 0, 0, 0, 0x99, 0x99, 0x99, 0x99 };
	static const uint8_t val[16] = { 7, 0, 0, 0, 0x99, 0x99, 0x99, 0x99,
					 8, 0, 0, 0, 0x99, 0x99, 0x99, 0x99 };
	uint32_t k, v;
	struct btf *btf = build(layout_pair, &k, &v);
	struct bpf_map_info info = { .type = BPF_MAP_TYPE_HASH, .key_size = 4,
				     .value_size = 4, .btf_key_type_id = k,
				     .btf_value_type_id = v };
	struct json j;
	struct entry_fmt f = { &info, 2, btf, &j, false, NULL };

	if (!btf)
		return;
	json_init(&j, false);
	capture_begin();
	entry_print(&f, key, val);
	CHECK_STR(capture_end(), "{\"key\":{\"a\":1,\"b\":null}}");
	info.key_size = 8;
	json_init(&j, false);
	capture_begin();
	entry_print(&f, key, val);
	CHECK_STR(capture_end(),
		  "{\"key\":{\"a\":1,\"b\":2576980377},\"value\":{\"a\":7,\"b\":null}}");
	info.type = BPF_MAP_TYPE_PERCPU_ARRAY;
	json_init(&j, false);
	capture_begin();
	entry_print(&f, key, val);
	CHECK_STR(capture_end(),
		  "{\"key\":{\"a\":1,\"b\":2576980377},\"values\":[{\"cpu\":0,"
		  "\"value\":{\"a\":7,\"b\":null}}]}");
	btf_free(btf);
}
