/* btf: a small parser for BTF blobs (include/uapi/btf.h), standalone or
 * split on top of a base BTF (module BTF over vmlinux).
 *
 * The blob is untrusted: opening it checks the header and indexes every
 * type record in one linear pass (one uint32 offset per type), so every
 * record returned here lies wholly inside the type section.  Type ids and
 * string offsets are checked on each lookup; nothing recurses without a
 * depth limit.  Functions return -errno and never print or exit. */
#ifndef BPFBOX_BTF_H
#define BPFBOX_BTF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "uapi/btf.h"

struct btf;

/* Copy and index a blob (of either byte order: the copy is made
 * native).  With base, the blob is split BTF: its ids
 * continue after base's last id and its string offsets after base's
 * strings.  base must outlive the result.  -EINVAL for a bad blob. */
int btf_new(const void *data, size_t size, const struct btf *base,
	    struct btf **out);
/* A raw blob (either byte order) or an ELF object's .BTF section:
 * -ENOEXEC when data is neither, -ENODATA for an ELF without .BTF. */
int btf_new_any(const void *data, size_t size, const struct btf *base,
		struct btf **out);
/* Read a whole file (e.g. /sys/kernel/btf/vmlinux) and btf_new_any() it. */
int btf_load_file(const char *path, const struct btf *base, struct btf **out);
/* /sys/kernel/btf/vmlinux; a new object each call, free it. */
int btf_load_vmlinux(struct btf **out);
/* A kernel BTF object by id (BPF_BTF_GET_FD_BY_ID + BPF_OBJ_GET_INFO_BY_FD).
 * Module BTF is split: it is parsed on top of base, or, when base is NULL,
 * of a vmlinux BTF loaded for it and freed with it. */
int btf_load_by_id(uint32_t id, const struct btf *base, struct btf **out);
void btf_free(struct btf *btf);
/* Several split BTF objects on base merged into one, deduplicated as
 * libbpf's btf__add_btf() and btf__dedup() do (btf/dedup.c).  On a
 * part it cannot take, *failed is that part's index, else -1. */
int btf_merge(const struct btf *base, struct btf *const *parts, int nr,
	      int *failed, struct btf **out);

/* The raw blob as given (for "btf dump file" style users and tests). */
const void *btf_raw(const struct btf *btf, uint32_t *size);
const struct btf *btf_base(const struct btf *btf);
/* This blob's own string section: its first offset, and *len bytes. */
uint32_t btf_strings(const struct btf *btf, uint32_t *len);
/* A record's length from its kind and vlen; 0 for a kind only a layout
 * section sizes. */
size_t btf_type_size(const struct btf_type *t);
/* Ids in this blob are btf_start_id() .. btf_end_id() - 1; with a base,
 * lower ids (but 0, void) belong to the base. */
uint32_t btf_start_id(const struct btf *btf);
uint32_t btf_end_id(const struct btf *btf);

/* A blob's own records and strings, for lookups without a call in hot
 * loops: id start + i is at types + offs[i] (i < nr), string offset
 * start_str + j at strs + j (j < strs_len); the rest through the calls
 * below (void, the base's). */
struct btf_view {
	const uint8_t *types;
	const uint32_t *offs;
	uint32_t start, nr;
	const char *strs;
	uint32_t start_str, strs_len;
};
void btf_view(const struct btf *btf, struct btf_view *v);

/* NULL for an id out of range; id 0 is a void record (kind UNKN). */
const struct btf_type *btf_type_by_id(const struct btf *btf, uint32_t id);
/* NULL for an offset outside the string sections. */
const char *btf_name_by_offset(const struct btf *btf, uint32_t off);
/* The type's name, "" when it has none or its offset is bad. */
const char *btf_type_name(const struct btf *btf, const struct btf_type *t);

/* Skip TYPEDEF, VOLATILE, CONST, RESTRICT, TYPE_TAG (and VAR with
 * skip_var) to the first other type.  Returns its id, or -EINVAL for a bad
 * id, a chain ending in void or deeper than BTF_MAX_RESOLVE_DEPTH. */
#define BTF_MAX_RESOLVE_DEPTH 32
int64_t btf_resolve_type(const struct btf *btf, uint32_t id, bool skip_var);
/* Size in bytes of a type (arrays multiplied out, pointers the size of
 * a long here), as libbpf's btf__resolve_size(): -EINVAL when it has
 * none, -E2BIG past 4 GiB. */
int64_t btf_resolve_size(const struct btf *btf, uint32_t id);
/* The same with pointers of ptr_size bytes (the BTF's target's, not the
 * running kernel's). */
int64_t btf_resolve_size_ptr(const struct btf *btf, uint32_t id, uint32_t ptr_size);
/* First id with this name and kind (kind < 0: any), or -ENOENT.
 * A linear walk: for occasional lookups. */
int64_t btf_find_by_name_kind(const struct btf *btf, const char *name, int kind);

/* Record accessors; the record is known to be complete. */
static inline unsigned btf_kind(const struct btf_type *t)
{
	return BTF_INFO_KIND(t->info);
}

static inline unsigned btf_vlen(const struct btf_type *t)
{
	return BTF_INFO_VLEN(t->info);
}

static inline bool btf_kflag(const struct btf_type *t)
{
	return BTF_INFO_KFLAG(t->info);
}

static inline bool btf_is_mod(const struct btf_type *t)
{
	unsigned k = btf_kind(t);

	return k == BTF_KIND_VOLATILE || k == BTF_KIND_CONST ||
	       k == BTF_KIND_RESTRICT || k == BTF_KIND_TYPE_TAG;
}

/* INT: the encoding/offset/bits word. */
static inline uint32_t btf_int_data(const struct btf_type *t)
{
	return *(const uint32_t *)(t + 1);
}

static inline const struct btf_array *btf_array(const struct btf_type *t)
{
	return (const struct btf_array *)(t + 1);
}

static inline const struct btf_member *btf_members(const struct btf_type *t)
{
	return (const struct btf_member *)(t + 1);
}

/* Bit offset and bitfield size of member i, kind_flag applied. */
static inline uint32_t btf_member_bit_offset(const struct btf_type *t, unsigned i)
{
	uint32_t off = btf_members(t)[i].offset;

	return btf_kflag(t) ? BTF_MEMBER_BIT_OFFSET(off) : off;
}

static inline uint32_t btf_member_bitfield_size(const struct btf_type *t, unsigned i)
{
	uint32_t off = btf_members(t)[i].offset;

	return btf_kflag(t) ? BTF_MEMBER_BITFIELD_SIZE(off) : 0;
}

static inline const struct btf_enum *btf_enums(const struct btf_type *t)
{
	return (const struct btf_enum *)(t + 1);
}

static inline const struct btf_enum64 *btf_enums64(const struct btf_type *t)
{
	return (const struct btf_enum64 *)(t + 1);
}

static inline const struct btf_param *btf_params(const struct btf_type *t)
{
	return (const struct btf_param *)(t + 1);
}

static inline const struct btf_var *btf_var(const struct btf_type *t)
{
	return (const struct btf_var *)(t + 1);
}

static inline const struct btf_var_secinfo *btf_secinfos(const struct btf_type *t)
{
	return (const struct btf_var_secinfo *)(t + 1);
}

static inline const struct btf_decl_tag *btf_decl_tag(const struct btf_type *t)
{
	return (const struct btf_decl_tag *)(t + 1);
}

#endif
