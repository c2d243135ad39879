/* btf_builder: build BTF blobs (include/uapi/btf.h) in C, for the unit
 * tests and the mkbtfmap helper.  Header-only so that both can include
 * it.  Each bb_*() adding a type returns its id; bb_member(), bb_enumval()
 * and friends append to the last type and bump its vlen.  Allocation
 * failure aborts: this is test code. */
#ifndef BPFBOX_BTF_BUILDER_H
#define BPFBOX_BTF_BUILDER_H

#include "uapi/btf.h"

#include <stdlib.h>
#include <string.h>

struct bb {
	unsigned char *types;
	size_t tlen, tcap;
	char *strs;
	size_t slen, scap;
	uint32_t next_id;	/* id of the next type */
	uint32_t str_base;	/* offset of strs[0] (split BTF) */
	size_t last;		/* offset of the last type record */
};

static inline void bb_grow(void **p, size_t *cap, size_t need)
{
	if (need <= *cap)
		return;
	while (*cap < need)
		*cap = *cap ? *cap * 2 : 256;
	*p = realloc(*p, *cap);
	if (!*p)
		abort();
}

/* A split blob: ids from start_id, string offsets from str_base, no
 * leading empty string. */
static inline void bb_init_split(struct bb *b, uint32_t start_id, uint32_t str_base)
{
	memset(b, 0, sizeof(*b));
	b->next_id = start_id;
	b->str_base = str_base;
}

static inline void bb_init(struct bb *b)
{
	bb_init_split(b, 1, 0);
	bb_grow((void **)&b->strs, &b->scap, 1);
	b->strs[b->slen++] = 0;
}

static inline void bb_free(struct bb *b)
{
	free(b->types);
	free(b->strs);
	memset(b, 0, sizeof(*b));
}

/* Offset of s; NULL or "" is 0 (no name). */
static inline uint32_t bb_str(struct bb *b, const char *s)
{
	size_t n, off;

	if (!s || !*s)
		return 0;
	n = strlen(s) + 1;
	bb_grow((void **)&b->strs, &b->scap, b->slen + n);
	memcpy(b->strs + b->slen, s, n);
	off = b->slen;
	b->slen += n;
	return (uint32_t)(b->str_base + off);
}

static inline void bb_u32(struct bb *b, uint32_t v)
{
	bb_grow((void **)&b->types, &b->tcap, b->tlen + 4);
	memcpy(b->types + b->tlen, &v, 4);
	b->tlen += 4;
}

/* A raw btf_type record; returns its id. */
static inline uint32_t bb_type(struct bb *b, const char *name, unsigned kind,
			       int kflag, uint32_t size_or_type)
{
	b->last = b->tlen;
	bb_u32(b, bb_str(b, name));
	bb_u32(b, (uint32_t)kind << 24 | (uint32_t)(kflag ? 1u << 31 : 0));
	bb_u32(b, size_or_type);
	return b->next_id++;
}

static inline void bb_vlen_inc(struct bb *b)
{
	uint32_t info;

	memcpy(&info, b->types + b->last + 4, 4);
	info++;
	memcpy(b->types + b->last + 4, &info, 4);
}

static inline uint32_t bb_int_full(struct bb *b, const char *name, uint32_t size,
				   unsigned enc, unsigned off, unsigned bits)
{
	uint32_t id = bb_type(b, name, BTF_KIND_INT, 0, size);

	bb_u32(b, (uint32_t)enc << 24 | (uint32_t)off << 16 | bits);
	return id;
}

static inline uint32_t bb_int(struct bb *b, const char *name, uint32_t size,
			      unsigned enc)
{
	return bb_int_full(b, name, size, enc, 0, size * 8);
}

static inline uint32_t bb_ptr(struct bb *b, uint32_t type)
{
	return bb_type(b, NULL, BTF_KIND_PTR, 0, type);
}

static inline uint32_t bb_array(struct bb *b, uint32_t elem, uint32_t index,
				uint32_t n)
{
	uint32_t id = bb_type(b, NULL, BTF_KIND_ARRAY, 0, 0);

	bb_u32(b, elem);
	bb_u32(b, index);
	bb_u32(b, n);
	return id;
}

/* STRUCT/UNION; kflag: member offsets carry bitfield sizes. */
static inline uint32_t bb_struct(struct bb *b, const char *name, uint32_t size,
				 int kflag)
{
	return bb_type(b, name, BTF_KIND_STRUCT, kflag, size);
}

static inline uint32_t bb_union(struct bb *b, const char *name, uint32_t size,
				int kflag)
{
	return bb_type(b, name, BTF_KIND_UNION, kflag, size);
}

/* bitfield_size is used only by kind_flag structs. */
static inline void bb_member(struct bb *b, const char *name, uint32_t type,
			     uint32_t bit_off, uint32_t bitfield_size)
{
	bb_u32(b, bb_str(b, name));
	bb_u32(b, type);
	bb_u32(b, bitfield_size << 24 | bit_off);
	bb_vlen_inc(b);
}

static inline uint32_t bb_enum(struct bb *b, const char *name, uint32_t size,
			       int is_signed)
{
	return bb_type(b, name, BTF_KIND_ENUM, is_signed, size);
}

static inline void bb_enumval(struct bb *b, const char *name, int32_t val)
{
	bb_u32(b, bb_str(b, name));
	bb_u32(b, (uint32_t)val);
	bb_vlen_inc(b);
}

static inline uint32_t bb_enum64(struct bb *b, const char *name, uint32_t size,
				 int is_signed)
{
	return bb_type(b, name, BTF_KIND_ENUM64, is_signed, size);
}

static inline void bb_enumval64(struct bb *b, const char *name, uint64_t val)
{
	bb_u32(b, bb_str(b, name));
	bb_u32(b, (uint32_t)val);
	bb_u32(b, (uint32_t)(val >> 32));
	bb_vlen_inc(b);
}

static inline uint32_t bb_fwd(struct bb *b, const char *name, int is_union)
{
	return bb_type(b, name, BTF_KIND_FWD, is_union, 0);
}

static inline uint32_t bb_typedef(struct bb *b, const char *name, uint32_t type)
{
	return bb_type(b, name, BTF_KIND_TYPEDEF, 0, type);
}

/* VOLATILE, CONST, RESTRICT; TYPE_TAG takes a name. */
static inline uint32_t bb_mod(struct bb *b, unsigned kind, uint32_t type)
{
	return bb_type(b, NULL, kind, 0, type);
}

static inline uint32_t bb_type_tag(struct bb *b, const char *tag, uint32_t type)
{
	return bb_type(b, tag, BTF_KIND_TYPE_TAG, 0, type);
}

static inline uint32_t bb_func_proto(struct bb *b, uint32_t ret)
{
	return bb_type(b, NULL, BTF_KIND_FUNC_PROTO, 0, ret);
}

static inline void bb_param(struct bb *b, const char *name, uint32_t type)
{
	bb_u32(b, bb_str(b, name));
	bb_u32(b, type);
	bb_vlen_inc(b);
}

static inline uint32_t bb_func(struct bb *b, const char *name, uint32_t proto,
			       unsigned linkage)
{
	uint32_t id = bb_type(b, name, BTF_KIND_FUNC, 0, proto);
	uint32_t info;

	memcpy(&info, b->types + b->last + 4, 4);
	info |= linkage;
	memcpy(b->types + b->last + 4, &info, 4);
	return id;
}

static inline uint32_t bb_var(struct bb *b, const char *name, uint32_t type,
			      uint32_t linkage)
{
	uint32_t id = bb_type(b, name, BTF_KIND_VAR, 0, type);

	bb_u32(b, linkage);
	return id;
}

static inline uint32_t bb_datasec(struct bb *b, const char *name, uint32_t size)
{
	return bb_type(b, name, BTF_KIND_DATASEC, 0, size);
}

static inline void bb_secinfo(struct bb *b, uint32_t var, uint32_t off,
			      uint32_t size)
{
	bb_u32(b, var);
	bb_u32(b, off);
	bb_u32(b, size);
	bb_vlen_inc(b);
}

static inline uint32_t bb_float(struct bb *b, const char *name, uint32_t size)
{
	return bb_type(b, name, BTF_KIND_FLOAT, 0, size);
}

static inline uint32_t bb_decl_tag(struct bb *b, const char *tag, uint32_t type,
				   int32_t component)
{
	uint32_t id = bb_type(b, tag, BTF_KIND_DECL_TAG, 0, type);

	bb_u32(b, (uint32_t)component);
	return id;
}

/* The blob (a 24-byte header, types, strings); free() it. */
static inline void *bb_blob(const struct bb *b, size_t *size)
{
	const size_t hl = BTF_HDR_MIN_LEN;
	struct btf_header h;
	unsigned char *p;

	memset(&h, 0, sizeof(h));
	h.magic = BTF_MAGIC;
	h.version = BTF_VERSION;
	h.hdr_len = hl;
	h.type_off = 0;
	h.type_len = (uint32_t)b->tlen;
	h.str_off = (uint32_t)b->tlen;
	h.str_len = (uint32_t)b->slen;
	*size = hl + b->tlen + b->slen;
	p = malloc(*size);
	if (!p)
		abort();
	memcpy(p, &h, hl);
	if (b->tlen)
		memcpy(p + hl, b->types, b->tlen);
	if (b->slen)
		memcpy(p + hl + b->tlen, b->strs, b->slen);
	return p;
}

#endif
