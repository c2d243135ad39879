/* btf: parse and index BTF blobs (kernel include/uapi/linux/btf.h,
 * Documentation/bpf/btf.rst), including split BTF (module BTF on top of
 * vmlinux), kernel BTF objects read by id, and the 2026 extensions:
 * headers longer than 24 bytes, 24-bit vlen, and the layout section that
 * gives the record size of kinds newer than this parser.
 *
 * Trust model: the blob may be anything.  btf_new() checks the header
 * and walks the type section once, computing each record's length from
 * its kind and vlen; a record that does not fit, or an unknown kind,
 * rejects the blob.  After that the per-type offset array lets lookups
 * return records known to be whole.  Ids and string offsets are checked
 * at lookup time, so references between types need no upfront pass. */
#include "btf/btf.h"
#include "kernel/sys_bpf.h"
#include "kernel/sys_proc.h"

#include <errno.h>
#include <stddef.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct btf {
	uint8_t *buf;		/* owned copy, shifted so types are 4-aligned */
	const uint8_t *raw;	/* the blob inside buf */
	uint32_t raw_size;
	const uint8_t *types;
	uint32_t types_len;
	const char *strs;
	uint32_t strs_len;
	const uint8_t *layout;	/* struct btf_layout[], maybe unaligned */
	uint32_t nr_layout;
	uint32_t *offs;		/* offs[i]: record of id start_id + i */
	uint32_t nr;		/* records in this blob */
	uint32_t start_id;	/* 1, or the base's end id */
	uint32_t start_str;	/* string offsets below this are the base's */
	const struct btf *base;
	struct btf *owned_base;	/* a vmlinux loaded by btf_load_by_id() */
};

static const struct btf_type void_type;

/* Length of the record at t (at most avail bytes), or 0 when it does not
 * fit or its kind is unknown (and the layout section does not size it). */
static size_t record_len(const struct btf *btf, const struct btf_type *t,
			 size_t avail)
{
	size_t n = sizeof(*t), vlen;

	if (avail < n)
		return 0;	/* not even the fixed part: t->info is not ours */
	vlen = btf_vlen(t);
	switch (btf_kind(t)) {
	case BTF_KIND_PTR:
	case BTF_KIND_FWD:
	case BTF_KIND_TYPEDEF:
	case BTF_KIND_VOLATILE:
	case BTF_KIND_CONST:
	case BTF_KIND_RESTRICT:
	case BTF_KIND_FUNC:
	case BTF_KIND_FLOAT:
	case BTF_KIND_TYPE_TAG:
		break;
	case BTF_KIND_INT:
	case BTF_KIND_VAR:
	case BTF_KIND_DECL_TAG:
		n += 4;
		break;
	case BTF_KIND_ARRAY:
		n += sizeof(struct btf_array);
		break;
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		n += vlen * sizeof(struct btf_member);
		break;
	case BTF_KIND_ENUM:
		n += vlen * sizeof(struct btf_enum);
		break;
	case BTF_KIND_ENUM64:
		n += vlen * sizeof(struct btf_enum64);
		break;
	case BTF_KIND_FUNC_PROTO:
		n += vlen * sizeof(struct btf_param);
		break;
	case BTF_KIND_DATASEC:
		n += vlen * sizeof(struct btf_var_secinfo);
		break;
	case BTF_KIND_UNKN:	/* only id 0, never a record */
		return 0;
	default:
		if (btf_kind(t) >= btf->nr_layout)
			return 0;
		n += btf->layout[btf_kind(t) * 4] +		/* info_sz */
		     vlen * btf->layout[btf_kind(t) * 4 + 1];	/* elem_sz */
		break;
	}
	/* Records stay 4-byte aligned: they are read in place. */
	return n <= avail && !(n & 3) ? n : 0;
}

/* Walk the type section: count records (offs NULL) or record offsets. */
static int walk_types(struct btf *btf, uint32_t *offs, uint32_t *count)
{
	uint32_t pos = 0, n = 0;

	while (pos < btf->types_len) {
		const struct btf_type *t = (const void *)(btf->types + pos);
		size_t len = record_len(btf, t, btf->types_len - pos);

		if (!len)
			return -EINVAL;
		if (offs)
			offs[n] = pos;
		n++;
		pos += (uint32_t)len;
	}
	*count = n;
	return 0;
}

static uint32_t end_str(const struct btf *btf)
{
	return btf->start_str + btf->strs_len;
}

int btf_new(const void *data, size_t size, const struct btf *base,
	    struct btf **out)
{
	struct btf_header h;
	struct btf *btf;
	uint64_t types_at, strs_at, layout_at;
	size_t shift;
	uint32_t n;
	int err;

	*out = NULL;
	if (size < BTF_HDR_MIN_LEN || size > UINT32_MAX)
		return -EINVAL;
	memset(&h, 0, sizeof(h));
	memcpy(&h, data, BTF_HDR_MIN_LEN);
	/* A longer header is fine: sections are still placed by hdr_len,
	 * and the layout fields are read when it covers them.  Byte-swapped
	 * BTF is not supported. */
	if (h.magic != BTF_MAGIC || h.version != BTF_VERSION ||
	    h.hdr_len < BTF_HDR_MIN_LEN || h.hdr_len > size)
		return -EINVAL;
	if (h.hdr_len >= sizeof(h))
		memcpy(&h, data, sizeof(h));
	types_at = (uint64_t)h.hdr_len + h.type_off;
	strs_at = (uint64_t)h.hdr_len + h.str_off;
	layout_at = (uint64_t)h.hdr_len + h.layout_off;
	if (types_at + h.type_len > size || strs_at + h.str_len > size ||
	    layout_at + h.layout_len > size)
		return -EINVAL;
	/* Strings are NUL-terminated inside the section; a base blob's
	 * offset 0 is the empty name. */
	if (h.str_len && ((const char *)data)[strs_at + h.str_len - 1])
		return -EINVAL;
	if (!base && (!h.str_len || ((const char *)data)[strs_at]))
		return -EINVAL;
	if (base && ((uint64_t)end_str(base) + h.str_len > UINT32_MAX))
		return -EINVAL;

	btf = calloc(1, sizeof(*btf));
	if (!btf)
		return -ENOMEM;
	/* Copy so that the type section starts 4-byte aligned, whatever
	 * hdr_len and type_off are: records are then read in place. */
	shift = (4 - (types_at & 3)) & 3;
	btf->buf = malloc(size + shift);
	if (!btf->buf) {
		free(btf);
		return -ENOMEM;
	}
	memcpy(btf->buf + shift, data, size);
	btf->raw = btf->buf + shift;
	btf->raw_size = (uint32_t)size;
	btf->types = btf->raw + types_at;
	btf->types_len = h.type_len;
	btf->strs = (const char *)btf->raw + strs_at;
	btf->strs_len = h.str_len;
	btf->layout = btf->raw + layout_at;
	btf->nr_layout = h.layout_len / sizeof(struct btf_layout);
	btf->base = base;
	btf->start_id = base ? btf_end_id(base) : 1;
	btf->start_str = base ? end_str(base) : 0;

	err = walk_types(btf, NULL, &n);
	if (!err && (uint64_t)btf->start_id + n > UINT32_MAX)
		err = -E2BIG;
	if (!err && n) {
		btf->offs = malloc((size_t)n * sizeof(*btf->offs));
		if (!btf->offs)
			err = -ENOMEM;
		else
			err = walk_types(btf, btf->offs, &n);
	}
	if (err) {
		btf_free(btf);
		return err;
	}
	btf->nr = n;
	*out = btf;
	return 0;
}

int btf_load_file(const char *path, const struct btf *base, struct btf **out)
{
	uint8_t *buf = NULL;
	size_t size = 0;
	int fd, err;

	*out = NULL;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	err = sys_read_fd(fd, &buf, &size);
	close(fd);
	if (err)
		return err;
	err = btf_new(buf, size, base, out);
	free(buf);
	return err;
}

int btf_load_vmlinux(struct btf **out)
{
	return btf_load_file("/sys/kernel/btf/vmlinux", NULL, out);
}

int btf_load_by_id(uint32_t id, const struct btf *base, struct btf **out)
{
	struct bpf_btf_info info;
	struct btf *vmlinux = NULL;
	uint32_t len, size;
	char name[64];
	void *blob;
	int fd, err;

	*out = NULL;
	fd = sys_fd_by_id(SYS_OBJ_BTF, id, 0);
	if (fd < 0)
		return fd;
	/* First call: the blob's size, and the name that tells module BTF
	 * (split on vmlinux) from vmlinux itself and from user BTF. */
	memset(&info, 0, sizeof(info));
	memset(name, 0, sizeof(name));
	info.name = (uint64_t)(uintptr_t)name;
	info.name_len = sizeof(name);
	len = sizeof(info);
	err = sys_obj_info(fd, &info, &len);
	if (err == -E2BIG) {
		/* Before 5.11 there is no name: ask without it (and such a
		 * kernel has no module BTF either). */
		memset(&info, 0, sizeof(info));
		len = offsetof(struct bpf_btf_info, name);
		err = sys_obj_info(fd, &info, &len);
	}
	if (err)
		goto out_fd;
	size = info.btf_size;
	blob = malloc(size ? size : 1);
	if (!blob) {
		err = -ENOMEM;
		goto out_fd;
	}
	memset(&info, 0, sizeof(info));
	info.btf = (uint64_t)(uintptr_t)blob;
	info.btf_size = size;
	len = sizeof(info);
	err = sys_obj_info(fd, &info, &len);
	if (!err && info.btf_size > size)
		err = -EAGAIN;	/* BTF is immutable: should not happen */
	name[sizeof(name) - 1] = 0;
	if (!err && info.kernel_btf && strcmp(name, "vmlinux")) {
		if (!base) {
			err = btf_load_vmlinux(&vmlinux);
			base = vmlinux;
		}
	} else {
		base = NULL;
	}
	if (!err)
		err = btf_new(blob, info.btf_size, base, out);
	if (!err)
		(*out)->owned_base = vmlinux;
	else
		btf_free(vmlinux);
	free(blob);
out_fd:
	close(fd);
	return err;
}

void btf_free(struct btf *btf)
{
	if (!btf)
		return;
	btf_free(btf->owned_base);
	free(btf->offs);
	free(btf->buf);
	free(btf);
}

const void *btf_raw(const struct btf *btf, uint32_t *size)
{
	*size = btf->raw_size;
	return btf->raw;
}

const struct btf *btf_base(const struct btf *btf)
{
	return btf->base;
}

uint32_t btf_start_id(const struct btf *btf)
{
	return btf->start_id;
}

uint32_t btf_end_id(const struct btf *btf)
{
	return btf->start_id + btf->nr;
}

const struct btf_type *btf_type_by_id(const struct btf *btf, uint32_t id)
{
	if (!id)
		return &void_type;
	while (btf && id < btf->start_id)
		btf = btf->base;
	if (!btf || id - btf->start_id >= btf->nr)
		return NULL;
	return (const void *)(btf->types + btf->offs[id - btf->start_id]);
}

const char *btf_name_by_offset(const struct btf *btf, uint32_t off)
{
	while (btf && off < btf->start_str)
		btf = btf->base;
	if (!btf || off - btf->start_str >= btf->strs_len)
		return NULL;
	return btf->strs + (off - btf->start_str);
}

const char *btf_type_name(const struct btf *btf, const struct btf_type *t)
{
	const char *s = btf_name_by_offset(btf, t->name_off);

	return s ? s : "";
}

int64_t btf_resolve_type(const struct btf *btf, uint32_t id, bool skip_var)
{
	const struct btf_type *t;
	int depth;

	for (depth = 0; depth <= BTF_MAX_RESOLVE_DEPTH; depth++) {
		t = btf_type_by_id(btf, id);
		if (!t || !id)
			return -EINVAL;
		if (!btf_is_mod(t) && btf_kind(t) != BTF_KIND_TYPEDEF &&
		    !(skip_var && btf_kind(t) == BTF_KIND_VAR))
			return id;
		id = t->type;
	}
	return -EINVAL;
}

int64_t btf_resolve_size(const struct btf *btf, uint32_t id)
{
	const struct btf_type *t;
	uint64_t nelems = 1, size;
	int depth;

	for (depth = 0; depth <= BTF_MAX_RESOLVE_DEPTH; depth++) {
		t = btf_type_by_id(btf, id);
		if (!t || !id)
			return -EINVAL;
		switch (btf_kind(t)) {
		case BTF_KIND_INT:
		case BTF_KIND_STRUCT:
		case BTF_KIND_UNION:
		case BTF_KIND_ENUM:
		case BTF_KIND_ENUM64:
		case BTF_KIND_DATASEC:
		case BTF_KIND_FLOAT:
			size = t->size;
			goto done;
		case BTF_KIND_PTR:
			size = sizeof(long);	/* the running kernel's */
			goto done;
		case BTF_KIND_TYPEDEF:
		case BTF_KIND_VOLATILE:
		case BTF_KIND_CONST:
		case BTF_KIND_RESTRICT:
		case BTF_KIND_VAR:
		case BTF_KIND_DECL_TAG:
		case BTF_KIND_TYPE_TAG:
			id = t->type;
			break;
		case BTF_KIND_ARRAY:
			/* nelems stays <= UINT32_MAX: no overflow */
			nelems *= btf_array(t)->nelems;
			if (nelems > UINT32_MAX)
				return -E2BIG;
			id = btf_array(t)->type;
			break;
		default:
			return -EINVAL;
		}
	}
	return -EINVAL;
done:
	size *= nelems;
	return size > UINT32_MAX ? -E2BIG : (int64_t)size;
}

int64_t btf_find_by_name_kind(const struct btf *btf, const char *name, int kind)
{
	uint32_t id, end = btf_end_id(btf);

	for (id = 1; id < end; id++) {
		const struct btf_type *t = btf_type_by_id(btf, id);

		if (t && (kind < 0 || btf_kind(t) == (unsigned)kind) &&
		    !strcmp(btf_type_name(btf, t), name))
			return id;
	}
	return -ENOENT;
}
