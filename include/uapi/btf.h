/* The BTF format, as the kernel's include/uapi/linux/btf.h defines it
 * (Documentation/bpf/btf.rst): a header, a type section of variable-size
 * records, a string section and, since the 2026 "kind layout" extension,
 * an optional layout section describing the record size of every kind
 * (so that parsers can skip kinds they do not know).  Also from that
 * year: 24-bit vlen and 7-bit kind.  Written from the documented layout;
 * fixed-width types so it needs no kernel headers. */
#ifndef BPFBOX_UAPI_BTF_H
#define BPFBOX_UAPI_BTF_H

#include <stdint.h>

#define BTF_MAGIC	0xeB9F
#define BTF_VERSION	1

/* hdr_len is at least BTF_HDR_MIN_LEN (the fields up to str_len); the
 * layout fields exist only when hdr_len covers them.  Sections are
 * placed relative to the end of the header, whatever its length. */
struct btf_header {
	uint16_t magic;
	uint8_t version;
	uint8_t flags;
	uint32_t hdr_len;
	uint32_t type_off;
	uint32_t type_len;
	uint32_t str_off;
	uint32_t str_len;
	uint32_t layout_off;
	uint32_t layout_len;
};

#define BTF_HDR_MIN_LEN 24

/* The layout section: one entry per kind, indexed by kind. */
struct btf_layout {
	uint8_t info_sz;	/* bytes after btf_type */
	uint8_t elem_sz;	/* bytes of each of the vlen elements */
	uint16_t flags;
};

/* The kernel's limits on a loaded blob. */
#define BTF_MAX_KIND		0x0000007f
#define BTF_MAX_TYPE		0x000fffff
#define BTF_MAX_NAME_OFFSET	0x00ffffff
#define BTF_MAX_VLEN		0x00ffffff

struct btf_type {
	uint32_t name_off;
	/* bits 0-23: vlen, 24-30: kind, 31: kind_flag (before 2026:
	 * 16-bit vlen, 5-bit kind, the bits between always zero) */
	uint32_t info;
	/* size for INT, ENUM, STRUCT, UNION, DATASEC, FLOAT, ENUM64;
	 * type for PTR, TYPEDEF, VOLATILE, CONST, RESTRICT, FUNC,
	 * FUNC_PROTO (return type), VAR, DECL_TAG, TYPE_TAG */
	union {
		uint32_t size;
		uint32_t type;
	};
};

#define BTF_INFO_KIND(info)	(((info) >> 24) & 0x7f)
#define BTF_INFO_VLEN(info)	((info) & 0xffffff)
#define BTF_INFO_KFLAG(info)	((info) >> 31)

enum {
	BTF_KIND_UNKN = 0,	/* void */
	BTF_KIND_INT = 1,
	BTF_KIND_PTR = 2,
	BTF_KIND_ARRAY = 3,
	BTF_KIND_STRUCT = 4,
	BTF_KIND_UNION = 5,
	BTF_KIND_ENUM = 6,	/* up to 32-bit values */
	BTF_KIND_FWD = 7,
	BTF_KIND_TYPEDEF = 8,
	BTF_KIND_VOLATILE = 9,
	BTF_KIND_CONST = 10,
	BTF_KIND_RESTRICT = 11,
	BTF_KIND_FUNC = 12,
	BTF_KIND_FUNC_PROTO = 13,
	BTF_KIND_VAR = 14,
	BTF_KIND_DATASEC = 15,
	BTF_KIND_FLOAT = 16,
	BTF_KIND_DECL_TAG = 17,
	BTF_KIND_TYPE_TAG = 18,
	BTF_KIND_ENUM64 = 19,	/* up to 64-bit values */
	NR_BTF_KINDS,
	BTF_KIND_MAX = NR_BTF_KINDS - 1,
};

/* INT: one u32 after btf_type. */
#define BTF_INT_ENCODING(v)	(((v) & 0x0f000000) >> 24)
#define BTF_INT_OFFSET(v)	(((v) & 0x00ff0000) >> 16)
#define BTF_INT_BITS(v)		((v) & 0x000000ff)

#define BTF_INT_SIGNED	(1 << 0)
#define BTF_INT_CHAR	(1 << 1)
#define BTF_INT_BOOL	(1 << 2)

/* ARRAY: one btf_array after btf_type. */
struct btf_array {
	uint32_t type;
	uint32_t index_type;
	uint32_t nelems;
};

/* STRUCT/UNION: vlen btf_member.  With kind_flag set, offset holds the
 * bitfield size in bits 24-31 and the bit offset in bits 0-23. */
struct btf_member {
	uint32_t name_off;
	uint32_t type;
	uint32_t offset;
};

#define BTF_MEMBER_BITFIELD_SIZE(val)	((val) >> 24)
#define BTF_MEMBER_BIT_OFFSET(val)	((val) & 0xffffff)

/* ENUM: vlen btf_enum; kind_flag set means signed values. */
struct btf_enum {
	uint32_t name_off;
	int32_t val;
};

/* ENUM64: vlen btf_enum64; kind_flag set means signed values. */
struct btf_enum64 {
	uint32_t name_off;
	uint32_t val_lo32;
	uint32_t val_hi32;
};

/* FUNC_PROTO: vlen btf_param; a last param of type 0 means "...". */
struct btf_param {
	uint32_t name_off;
	uint32_t type;
};

/* VAR: one btf_var. */
enum {
	BTF_VAR_STATIC = 0,
	BTF_VAR_GLOBAL_ALLOCATED = 1,
	BTF_VAR_GLOBAL_EXTERN = 2,
};

struct btf_var {
	uint32_t linkage;
};

/* FUNC: linkage in vlen. */
enum {
	BTF_FUNC_STATIC = 0,
	BTF_FUNC_GLOBAL = 1,
	BTF_FUNC_EXTERN = 2,
};

/* DATASEC: vlen btf_var_secinfo. */
struct btf_var_secinfo {
	uint32_t type;
	uint32_t offset;
	uint32_t size;
};

/* DECL_TAG: one btf_decl_tag; component_idx -1 tags the type itself. */
struct btf_decl_tag {
	int32_t component_idx;
};

#endif
