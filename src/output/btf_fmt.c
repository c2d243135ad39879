/* btf_fmt: values formatted by BTF type, following the output of
 * bpftool's btf_dumper.c (btf_dumper_type() with prog_id_as_func_ptr
 * off, as "map dump"/"map lookup" use it):
 *  - ints by width and encoding: 8/16/32/64-bit decimal, 128-bit and
 *    every bitfield (kind_flag member bitfields, int bit offsets, widths
 *    that are not whole bytes) as hex, unquoted in plain text, quoted
 *    in JSON; chars as "c" or, when not printable, 0xNN / "\u00NN";
 *    bools as true/false;
 *  - structs and unions as objects (anonymous members named ""), arrays
 *    as arrays, except a char array holding a printable NUL-terminated
 *    string, which is a string;
 *  - enums by enumerator name, or the number when none matches;
 *  - pointers as "0x..." ("(nil)") in plain text, decimal in JSON;
 *  - VAR as {"name": value}, DATASEC as {"section": [vars...]};
 *  - typedefs and modifiers are looked through; void is "(unknown)",
 *    FWD "(fwd-kind-invalid)", other kinds "(unsupported-kind)".
 * Where bpftool is wrong (docs/compat.md) this file is right: floats
 * print their value, enums honour signedness, chars are escaped, type
 * tags are looked through.  Every read is checked against the bytes the
 * caller has, recursion is bounded, and the number of values written is
 * capped so a small BTF cannot expand into a huge output. */
#include "output/btf_fmt.h"
#include "output/out.h"

#include <errno.h>
#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 64

struct fmt {
	struct json *j;
	const struct btf *btf;
	bool plain;
	const uint8_t *end;	/* one past the caller's bytes */
	unsigned depth;
	uint64_t budget;	/* values left to write */
};

static int fmt_type(struct fmt *f, uint32_t id, unsigned bit_off,
		    const uint8_t *p);

static size_t avail(const struct fmt *f, const uint8_t *p)
{
	return p <= f->end ? (size_t)(f->end - p) : 0;
}

/* An error before any output of the value: keep the JSON valid. */
static int bad(struct fmt *f, int err)
{
	json_null(f->j);
	return err;
}

/* Little-endian unsigned read of n <= 8 bytes (BPF maps hold host-order
 * data; bpfbox supports little-endian hosts, as bpftool's bitfield code
 * is written for). */
static uint64_t read_le(const uint8_t *p, unsigned n)
{
	uint64_t v = 0;

	while (n--)
		v = (v << 8) | p[n];
	return v;
}

static int64_t sign_extend(uint64_t v, unsigned bytes)
{
	unsigned shift = 64 - 8 * bytes;

	return bytes >= 8 ? (int64_t)v : (int64_t)(v << shift) >> shift;
}

/* btf_int128_print(): hex without leading zeros, quoted in JSON. */
static void print_hex128(struct fmt *f, uint64_t hi, uint64_t lo)
{
	const char *q = f->plain ? "" : "\"";

	if (hi)
		json_rawf(f->j, "%s0x%llx%016llx%s", q, (unsigned long long)hi,
			  (unsigned long long)lo, q);
	else
		json_rawf(f->j, "%s0x%llx%s", q, (unsigned long long)lo, q);
}

/* nbits (<= 128) bits starting bit_off bits into p, printed as hex. */
static int print_bits(struct fmt *f, const uint8_t *p, unsigned bit_off,
		      unsigned nbits)
{
	uint64_t half[2] = { 0, 0 };
	unsigned i;

	if (nbits > 128 || (bit_off + nbits + 7) / 8 > avail(f, p))
		return bad(f, -EINVAL);
	for (i = 0; i < nbits; i++) {
		unsigned b = bit_off + i;

		if (p[b / 8] >> (b % 8) & 1)
			half[i / 64] |= (uint64_t)1 << (i % 64);
	}
	print_hex128(f, half[1], half[0]);
	return 0;
}

/* One char of BTF_INT_CHAR: "c" when printable, else 0xNN or "\u00NN".
 * bpftool prints '"' and '\\' unescaped; here they are escaped. */
static void print_char(struct fmt *f, unsigned char c)
{
	if (c >= 0x20 && c < 0x7f)
		json_string_n(f->j, (const char *)&c, 1);
	else if (f->plain)
		json_rawf(f->j, "0x%x", c);
	else
		json_rawf(f->j, "\"\\u00%02x\"", c);
}

static int fmt_int(struct fmt *f, const struct btf_type *t, unsigned bit_off,
		   const uint8_t *p)
{
	uint32_t d = btf_int_data(t);
	unsigned bits = BTF_INT_BITS(d), n = bits / 8;
	unsigned total = bit_off + BTF_INT_OFFSET(d);

	/* Bitfields: an offset or a width in partial bytes. */
	if (bit_off || BTF_INT_OFFSET(d) || bits % 8)
		goto bitfield;
	if (bits == 128) {
		if (avail(f, p) < 16)
			return bad(f, -EINVAL);
		print_hex128(f, read_le(p + 8, 8), read_le(p, 8));
		return 0;
	}
	switch (BTF_INT_ENCODING(d)) {
	case 0:
	case BTF_INT_SIGNED:
		/* Other whole-byte widths (24, 48 bits...) print as hex. */
		if (n != 1 && n != 2 && n != 4 && n != 8)
			goto bitfield;
		if (avail(f, p) < n)
			return bad(f, -EINVAL);
		if (BTF_INT_ENCODING(d))
			json_int(f->j, sign_extend(read_le(p, n), n));
		else
			json_uint(f->j, read_le(p, n));
		return 0;
	case BTF_INT_CHAR:
		if (!avail(f, p))
			return bad(f, -EINVAL);
		print_char(f, *p);
		return 0;
	case BTF_INT_BOOL:
		if (!avail(f, p))
			return bad(f, -EINVAL);
		json_bool(f->j, *p != 0);
		return 0;
	default:
		return bad(f, -EINVAL);
	}
bitfield:
	return print_bits(f, p + total / 8, total % 8, bits);
}

/* ENUM and ENUM64: the enumerator's name, or the number.  kind_flag says
 * the values are signed; bpftool always treats them as signed and
 * compares 1- and 2-byte values after sign extension, missing names of
 * unsigned enumerators >= 0x80. */
static int fmt_enum(struct fmt *f, const struct btf_type *t, const uint8_t *p)
{
	unsigned size = t->size, i, vlen = btf_vlen(t);
	bool is64 = btf_kind(t) == BTF_KIND_ENUM64;
	bool is_signed = btf_kflag(t);
	uint64_t v;

	if (!size || size > 8 || avail(f, p) < size)
		return bad(f, -EINVAL);
	v = read_le(p, size);
	if (is_signed)
		v = (uint64_t)sign_extend(v, size);
	for (i = 0; i < vlen; i++) {
		uint64_t e;
		uint32_t name_off;

		if (is64) {
			const struct btf_enum64 *e64 = &btf_enums64(t)[i];

			e = (uint64_t)e64->val_hi32 << 32 | e64->val_lo32;
			name_off = e64->name_off;
		} else {
			const struct btf_enum *e32 = &btf_enums(t)[i];

			e = is_signed ? (uint64_t)(int64_t)e32->val
				      : (uint64_t)(uint32_t)e32->val;
			name_off = e32->name_off;
		}
		if (e == v) {
			const char *name = btf_name_by_offset(f->btf, name_off);

			json_string(f->j, name ? name : "");
			return 0;
		}
	}
	if (is_signed)
		json_int(f->j, (int64_t)v);
	else
		json_uint(f->j, v);
	return 0;
}

/* bpftool's is_str_array(): an array of 1-byte ints, encoded as chars or
 * named "char" (modifiers skipped, typedefs not), holding printable
 * characters up to a NUL inside the array. */
static bool is_char_elem(const struct btf *btf, uint32_t id)
{
	const struct btf_type *e = btf_type_by_id(btf, id);
	int depth = 0;

	while (e && btf_is_mod(e) && depth++ < BTF_MAX_RESOLVE_DEPTH)
		e = btf_type_by_id(btf, e->type);
	if (!e || btf_kind(e) != BTF_KIND_INT || e->size != 1)
		return false;
	return BTF_INT_ENCODING(btf_int_data(e)) == BTF_INT_CHAR ||
	       !strcmp(btf_type_name(btf, e), "char");
}

static bool is_str_array(struct fmt *f, const struct btf_array *arr,
			 const uint8_t *p, size_t *len)
{
	size_t i, n = arr->nelems;

	if (!n || !is_char_elem(f->btf, arr->type))
		return false;
	if (n > avail(f, p))
		n = avail(f, p);
	for (i = 0; i < n; i++) {
		if (!p[i]) {
			*len = i;
			return true;
		}
		if (p[i] < 0x20 || p[i] >= 0x7f)
			return false;
	}
	return false;
}

static int fmt_array(struct fmt *f, const struct btf_type *t, const uint8_t *p)
{
	const struct btf_array *arr = btf_array(t);
	int64_t elem_size;
	size_t len;
	uint32_t i;
	int err = 0;

	if (is_str_array(f, arr, p, &len)) {
		json_string_n(f->j, (const char *)p, len);
		return 0;
	}
	elem_size = btf_resolve_size(f->btf, arr->type);
	if (elem_size < 0)
		return bad(f, (int)elem_size);
	json_start_array(f->j);
	for (i = 0; i < arr->nelems; i++) {
		uint64_t off = (uint64_t)i * (uint64_t)elem_size;

		if (off > avail(f, p)) {
			err = -EINVAL;
			break;
		}
		err = fmt_type(f, arr->type, 0, p + off);
		if (err)
			break;
	}
	json_end_array(f->j);
	return err;
}

static int fmt_struct(struct fmt *f, const struct btf_type *t, const uint8_t *p)
{
	unsigned i, vlen = btf_vlen(t);
	int err = 0;

	json_start_object(f->j);
	for (i = 0; i < vlen; i++) {
		const struct btf_member *m = &btf_members(t)[i];
		uint32_t bit_off = btf_member_bit_offset(t, i);
		uint32_t bf_size = btf_member_bitfield_size(t, i);
		const char *name = btf_name_by_offset(f->btf, m->name_off);

		json_name(f->j, name ? name : "");
		if (bit_off / 8 > avail(f, p)) {
			err = bad(f, -EINVAL);
			break;
		}
		if (bf_size)
			err = print_bits(f, p + bit_off / 8, bit_off % 8, bf_size);
		else
			err = fmt_type(f, m->type, bit_off % 8, p + bit_off / 8);
		if (err)
			break;
	}
	json_end_object(f->j);
	return err;
}

static int fmt_var(struct fmt *f, const struct btf_type *t, unsigned bit_off,
		   const uint8_t *p)
{
	int err;

	json_start_object(f->j);
	json_name(f->j, btf_type_name(f->btf, t));
	err = fmt_type(f, t->type, bit_off, p);
	json_end_object(f->j);
	return err;
}

static int fmt_datasec(struct fmt *f, const struct btf_type *t, const uint8_t *p)
{
	unsigned i, vlen = btf_vlen(t);
	int err = 0;

	json_start_object(f->j);
	json_name(f->j, btf_type_name(f->btf, t));
	json_start_array(f->j);
	for (i = 0; i < vlen; i++) {
		const struct btf_var_secinfo *v = &btf_secinfos(t)[i];

		if (v->offset > avail(f, p)) {
			err = -EINVAL;
			break;
		}
		err = fmt_type(f, v->type, 0, p + v->offset);
		if (err)
			break;
	}
	json_end_array(f->j);
	json_end_object(f->j);
	return err;
}

/* "%p" of glibc (bpftool's libc) in plain text, "%lu" in JSON. */
static int fmt_ptr(struct fmt *f, const uint8_t *p)
{
	uint64_t v;

	if (avail(f, p) < sizeof(long))
		return bad(f, -EINVAL);
	v = read_le(p, sizeof(long));
	if (!f->plain)
		json_uint(f->j, v);
	else if (!v)
		json_raw(f->j, "\"(nil)\"");
	else
		json_rawf(f->j, "\"0x%llx\"", (unsigned long long)v);
	return 0;
}

/* IEEE half to float: exact, every half is a float.  Normal numbers and
 * infinities/NaNs move their fields over; subnormals are m * 2^-24. */
static float half_to_float(uint16_t h)
{
	uint32_t e = h >> 10 & 0x1f, m = h & 0x3ff, bits;
	float v;

	if (!e) {
		v = (float)m / 16777216.0f;
		return h & 0x8000 ? -v : v;
	}
	bits = (uint32_t)(h & 0x8000) << 16 |
	       (e == 0x1f ? 0xffu : e - 15 + 127) << 23 | m << 13;
	memcpy(&v, &bits, sizeof(v));
	return v;
}

/* FLOAT (bpftool: "(unsupported-kind)"): the shortest decimal that reads
 * back as the same value; NaN and infinities, which JSON has no number
 * for, as the strings "nan", "inf", "-inf". */
static int fmt_float(struct fmt *f, const struct btf_type *t, const uint8_t *p)
{
	char buf[64];
	long double v;
	int prec, maxp;

	if (avail(f, p) < t->size)
		return bad(f, -EINVAL);
	if (t->size == 2) {
		uint16_t h;

		memcpy(&h, p, 2);
		v = half_to_float(h);
		maxp = 9;
	} else if (t->size == 4) {
		float x;

		memcpy(&x, p, 4);
		v = x;
		maxp = 9;
	} else if (t->size == 8) {
		double x;

		memcpy(&x, p, 8);
		v = x;
		maxp = 17;
	} else if (t->size == sizeof(long double)) {
		memcpy(&v, p, sizeof(v));
		maxp = LDBL_DIG + 4;
	} else {
		json_raw(f->j, "(unsupported-kind)");
		return -EINVAL;
	}
	if (__builtin_isnan(v)) {
		json_string(f->j, "nan");
		return 0;
	}
	if (__builtin_isinf(v)) {
		json_string(f->j, v < 0 ? "-inf" : "inf");
		return 0;
	}
	for (prec = 1; prec <= maxp; prec++) {
		snprintf(buf, sizeof(buf), "%.*Lg", prec, v);
		if (t->size <= 4 ? strtof(buf, NULL) == (float)v :
		    t->size == 8 ? strtod(buf, NULL) == (double)v :
		    strtold(buf, NULL) == v)
			break;
	}
	json_raw(f->j, buf);
	return 0;
}

static int fmt_type(struct fmt *f, uint32_t id, unsigned bit_off,
		    const uint8_t *p)
{
	const struct btf_type *t = btf_type_by_id(f->btf, id);
	int64_t rid;
	int err;

	if (!t)
		return bad(f, -EINVAL);
	if (!f->budget || f->depth >= MAX_DEPTH)
		return bad(f, -E2BIG);
	f->budget--;
	switch (btf_kind(t)) {
	case BTF_KIND_TYPEDEF:
	case BTF_KIND_VOLATILE:
	case BTF_KIND_CONST:
	case BTF_KIND_RESTRICT:
	case BTF_KIND_TYPE_TAG:
		/* Like libbpf's btf__resolve_type(): VARs are skipped too. */
		rid = btf_resolve_type(f->btf, id, true);
		if (rid < 0)
			return bad(f, (int)rid);
		id = (uint32_t)rid;
		t = btf_type_by_id(f->btf, id);
		break;
	}

	f->depth++;
	switch (btf_kind(t)) {
	case BTF_KIND_INT:
		err = fmt_int(f, t, bit_off, p);
		break;
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		err = fmt_struct(f, t, p);
		break;
	case BTF_KIND_ARRAY:
		err = fmt_array(f, t, p);
		break;
	case BTF_KIND_ENUM:
	case BTF_KIND_ENUM64:
		err = fmt_enum(f, t, p);
		break;
	case BTF_KIND_PTR:
		err = fmt_ptr(f, p);
		break;
	case BTF_KIND_UNKN:
		json_raw(f->j, "(unknown)");
		err = 0;
		break;
	case BTF_KIND_FWD:
		/* map key or value can't be forward */
		json_raw(f->j, "(fwd-kind-invalid)");
		err = -EINVAL;
		break;
	case BTF_KIND_VAR:
		err = fmt_var(f, t, bit_off, p);
		break;
	case BTF_KIND_DATASEC:
		err = fmt_datasec(f, t, p);
		break;
	case BTF_KIND_FLOAT:
		err = fmt_float(f, t, p);
		break;
	default:	/* FUNC, FUNC_PROTO, DECL_TAG: values have none */
		json_raw(f->j, "(unsupported-kind)");
		err = -EINVAL;
		break;
	}
	f->depth--;
	return err;
}

int btf_fmt_value_n(struct json *j, const struct btf *btf, uint32_t type_id,
		    const void *data, size_t size, bool plain_text)
{
	struct fmt f = {
		.j = j,
		.btf = btf,
		.plain = plain_text,
		.end = (const uint8_t *)data + size,
		/* Overlapping unions and zero-size elements can make a small
		 * value print as billions of values; real ones are far below
		 * 64 per byte. */
		.budget = 4096 + 64 * (uint64_t)size,
	};

	return fmt_type(&f, type_id, 0, data);
}

int btf_fmt_value(struct json *j, const struct btf *btf, uint32_t type_id,
		  const void *data, bool plain_text)
{
	int64_t size = btf_resolve_size(btf, type_id);

	return btf_fmt_value_n(j, btf, type_id, data, size > 0 ? (size_t)size : 0,
			       plain_text);
}

/* ---- compiled values for dumps ----
 * A dump formats one key type and one value type many times.  Types made
 * only of whole-byte ints (1, 2, 4, 8 bytes, unsigned or signed),
 * structs and unions of them without bitfields, and arrays of them (not
 * of chars, which print as strings when the bytes allow) print the same
 * text around their numbers every time: that text is compiled once, and
 * an entry is then the texts and the numbers read at fixed offsets.
 * Pretty layouts (plain BTF dumps, -p) depend on the writer's depth too:
 * a plan holds the depth it was compiled at, and is used only there.
 * None of those types prints differently in plain text. */

struct plan_op {
	uint32_t text;		/* bytes of text before the number */
	uint32_t off;		/* the number's bytes in the value */
	uint32_t chars;		/* not 0: a char array of that many */
	uint8_t size;		/* 0: no number (the last op) */
	bool is_signed;
	uint16_t level;		/* a char array's JSON depth, for its "]" */
};

struct btf_plan {
	bool usable, pretty;
	unsigned level;		/* the writer's depth it was compiled for */
	uint32_t nops, pending;	/* pending: text bytes not yet in an op */
	uint64_t nodes;		/* fmt_type() calls the value would take */
	struct plan_op *ops;
	char *text;
	size_t text_len, text_cap;	/* caps: 16 bytes short of the allocations */
	size_t ops_cap;
};

#define PLAN_MAX_OPS	65536
#define PLAN_MAX_TEXT	(1u << 20)

/* Grows *p of *cap items of size bytes to hold need (doubling), at most
 * max; false without memory or past max. */
static bool plan_grow(void **p, size_t *cap, size_t need, size_t max, size_t size)
{
	size_t c = *cap ? *cap : 64;
	void *q;

	if (need <= *cap && *p)
		return true;
	if (need > max)
		return false;
	while (c < need)
		c *= 2;
	c = c < max ? c : max;
	/* 16 bytes more: put_text() copies 16 at a time */
	q = realloc(*p, c * size + 16);
	if (!q)
		return false;
	*p = q;
	*cap = c;
	return true;
}

static bool plan_text(struct btf_plan *pl, const char *s, size_t n)
{
	if (!plan_grow((void **)&pl->text, &pl->text_cap, pl->text_len + n, PLAN_MAX_TEXT, 1))
		return false;
	memcpy(pl->text + pl->text_len, s, n);
	pl->text_len += n;
	pl->pending += (uint32_t)n;
	return true;
}

static bool plan_op(struct btf_plan *pl, uint32_t off, uint32_t chars, unsigned size,
		    bool is_signed, unsigned level)
{
	if (level > UINT16_MAX ||
	    !plan_grow((void **)&pl->ops, &pl->ops_cap, (size_t)pl->nops + 1, PLAN_MAX_OPS,
		       sizeof(*pl->ops)))
		return false;
	pl->ops[pl->nops++] = (struct plan_op){ pl->pending, off, chars, (uint8_t)size,
						is_signed, (uint16_t)level };
	pl->pending = 0;
	return true;
}

/* Pretty layouts: a new line indented to level (json.c's eol()). */
static bool plan_eol(struct btf_plan *pl, unsigned level)
{
	unsigned i;

	if (!pl->pretty)
		return true;
	if (!plan_text(pl, "\n", 1))
		return false;
	for (i = 0; i < level; i++)
		if (!plan_text(pl, "    ", 4))
			return false;
	return true;
}

/* A member name that JSON takes as it is, quoted, with its colon, as
 * json_name() puts it at level. */
static bool plan_name(struct btf_plan *pl, const char *name, bool first, unsigned level)
{
	const char *c;

	for (c = name; *c; c++)
		if (*c < 0x20 || *c >= 0x7f || *c == '"' || *c == '\\')
			return false;
	return plan_text(pl, ",", !first) && plan_eol(pl, level) && plan_text(pl, "\"", 1) &&
	       plan_text(pl, name, (size_t)(c - name)) &&
	       plan_text(pl, "\": ", 2 + pl->pretty);
}

/* Compile type id at byte off of a value of size bytes, as fmt_type()
 * would print it; false when it needs fmt_type().  depth: of the value
 * in the type, so pl->level + depth is its JSON depth. */
static bool plan_type(struct btf_plan *pl, const struct btf *btf, uint32_t id,
		      uint64_t off, uint64_t size, unsigned depth)
{
	const struct btf_type *t = btf_type_by_id(btf, id);
	unsigned level = pl->level + depth;
	const struct btf_array *arr;
	int64_t rid, elem;
	uint32_t d, i;

	if (!t || depth >= MAX_DEPTH - 1 || ++pl->nodes > 4096 + 64 * size)
		return false;
	if (btf_is_mod(t) || btf_kind(t) == BTF_KIND_TYPEDEF) {
		rid = btf_resolve_type(btf, id, true);
		if (rid < 0)
			return false;
		t = btf_type_by_id(btf, (uint32_t)rid);
	}
	switch (btf_kind(t)) {
	case BTF_KIND_INT:
		d = btf_int_data(t);
		if (BTF_INT_OFFSET(d) || (BTF_INT_ENCODING(d) & ~BTF_INT_SIGNED) ||
		    (BTF_INT_BITS(d) != 8 && BTF_INT_BITS(d) != 16 &&
		     BTF_INT_BITS(d) != 32 && BTF_INT_BITS(d) != 64) ||
		    off + BTF_INT_BITS(d) / 8 > size)
			return false;
		return plan_op(pl, (uint32_t)off, 0, BTF_INT_BITS(d) / 8,
			       BTF_INT_ENCODING(d) == BTF_INT_SIGNED, level);
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		if (!plan_text(pl, "{", 1))
			return false;
		for (i = 0; i < btf_vlen(t); i++) {
			const char *name = btf_name_by_offset(btf, btf_members(t)[i].name_off);
			uint32_t bit_off = btf_member_bit_offset(t, i);

			if (!name || btf_member_bitfield_size(t, i) || bit_off % 8 ||
			    !plan_name(pl, name, !i, level + 1) ||
			    !plan_type(pl, btf, btf_members(t)[i].type, off + bit_off / 8,
				       size, depth + 1))
				return false;
		}
		/* a container that had an element closes on a new line */
		return (!btf_vlen(t) || plan_eol(pl, level)) && plan_text(pl, "}", 1);
	case BTF_KIND_ARRAY:
		arr = btf_array(t);
		elem = btf_resolve_size(btf, arr->type);
		if (elem <= 0 || off + (uint64_t)elem * arr->nelems > size)
			return false;
		/* char arrays print as strings or not, by their bytes: an op
		 * decides, for chars that are numbers otherwise */
		if (arr->nelems && is_char_elem(btf, arr->type)) {
			rid = btf_resolve_type(btf, arr->type, true);
			t = rid < 0 ? NULL : btf_type_by_id(btf, (uint32_t)rid);
			return t && btf_kind(t) == BTF_KIND_INT &&
			       !(BTF_INT_ENCODING(btf_int_data(t)) & ~BTF_INT_SIGNED) &&
			       btf_int_data(t) == (BTF_INT_ENCODING(btf_int_data(t)) << 24 | 8) &&
			       (pl->nodes += arr->nelems) <= 4096 + 64 * size &&
			       plan_op(pl, (uint32_t)off, arr->nelems, 1,
				       BTF_INT_ENCODING(btf_int_data(t)) == BTF_INT_SIGNED, level);
		}
		if (!plan_text(pl, "[", 1))
			return false;
		for (i = 0; i < arr->nelems; i++)
			if ((i && !plan_text(pl, ",", 1)) ||
			    !plan_type(pl, btf, arr->type, off + (uint64_t)i * elem, size, depth + 1))
				return false;
		return (!arr->nelems || plan_eol(pl, level)) && plan_text(pl, "]", 1);
	}
	return false;
}

void btf_plan_free(struct btf_plan *pl)
{
	if (pl) {
		free(pl->ops);
		free(pl->text);
		free(pl);
	}
}

static struct btf_plan *plan_new(const struct json *j, const struct btf *btf, uint32_t id,
				 size_t size)
{
	struct btf_plan *pl = calloc(1, sizeof(*pl));

	if (!pl)
		return NULL;
	pl->pretty = j->pretty;
	pl->level = j->depth;
	/* the buffers grow as the type is compiled */
	pl->usable = plan_type(pl, btf, id, 0, size, 0) && plan_op(pl, 0, 0, 0, false, 0) &&
		     plan_text(pl, "", 0);	/* text allocated even when empty */
	if (!pl->usable) {
		free(pl->ops);
		free(pl->text);
		pl->ops = NULL;
		pl->text = NULL;
	}
	return pl;
}

/* read_le() of 1, 2, 4 or 8 bytes, as single loads where they are one. */
static uint64_t read_n(const uint8_t *p, unsigned n)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint16_t h;
	uint32_t w;
	uint64_t q;

	switch (n) {
	case 1:
		return *p;
	case 2:
		memcpy(&h, p, 2);
		return h;
	case 4:
		memcpy(&w, p, 4);
		return w;
	}
	memcpy(&q, p, 8);
	return q;
#else
	return read_le(p, n);
#endif
}

/* Text of the plan (16 bytes readable at s): most are short, which a
 * fixed-size copy moves faster than a variable one. */
static void put_text(const char *s, size_t n)
{
	if (n <= 16 && OUT_BUF_SIZE - out_used >= 16 && !out_on_tty) {
		memcpy(out_buf + out_used, s, 16);
		out_used += n;
	} else {
		out_write(s, n);
	}
}

static void print_number(uint64_t v, unsigned size, bool is_signed)
{
	if (is_signed)
		out_i64(sign_extend(v, size));
	else
		out_u64(v);
}

int btf_fmt_value_planned(struct btf_plan **plan, struct json *j, const struct btf *btf,
			  uint32_t type_id, const void *data, size_t size, bool plain_text)
{
	const uint8_t *p = data;
	const char *text;
	uint32_t i;

	if (!plan)
		return btf_fmt_value_n(j, btf, type_id, data, size, plain_text);
	if (!*plan)
		*plan = plan_new(j, btf, type_id, size);
	if (!*plan || !(*plan)->usable || (*plan)->pretty != j->pretty ||
	    (*plan)->level != j->depth)
		return btf_fmt_value_n(j, btf, type_id, data, size, plain_text);
	json_raw(j, "");
	text = (*plan)->text;
	for (i = 0; i < (*plan)->nops; i++) {
		const struct plan_op *op = &(*plan)->ops[i];
		uint32_t n;

		put_text(text, op->text);
		text += op->text;
		if (!op->size)
			break;
		if (!op->chars) {
			print_number(read_n(p + op->off, op->size), op->size, op->is_signed);
			continue;
		}
		/* is_str_array(): printable up to a NUL is a string */
		for (n = 0; n < op->chars && p[op->off + n] >= 0x20 && p[op->off + n] < 0x7f; n++)
			;
		if (n < op->chars && !p[op->off + n]) {
			j->sep = 0;
			json_string_n(j, (const char *)p + op->off, n);
			continue;
		}
		for (n = 0; n < op->chars; n++) {
			out_char(n ? ',' : '[');
			print_number(p[op->off + n], 1, op->is_signed);
		}
		json_eol_at(j, op->level);
		out_char(']');
	}
	return 0;
}
