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
#include "btf/elf.h"
#include "kernel/sys_bpf.h"
#include "kernel/sys_proc.h"

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

struct btf {
	uint8_t *buf;		/* owned copy (or read buffer), types 4-aligned */
	void *map;		/* or the file mapped read-only (sysfs BTF) */
	size_t map_len;
	const uint8_t *raw;	/* the blob inside buf or map */
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

#define SYSFS_MAGIC	0x62656572

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
		if (!btf || btf_kind(t) >= btf->nr_layout)
			return 0;
		n += btf->layout[btf_kind(t) * 4] +		/* info_sz */
		     vlen * btf->layout[btf_kind(t) * 4 + 1];	/* elem_sz */
		break;
	}
	/* Records stay 4-byte aligned: they are read in place. */
	return n <= avail && !(n & 3) ? n : 0;
}

/* Walk the type section: count records and record their offsets. */
static int walk_types(struct btf *btf, uint32_t *offs, uint32_t *count)
{
	uint32_t pos = 0, n = 0;

	while (pos < btf->types_len) {
		const struct btf_type *t = (const void *)(btf->types + pos);
		size_t len = record_len(btf, t, btf->types_len - pos);

		if (!len)
			return -EINVAL;
		offs[n++] = pos;
		pos += (uint32_t)len;
	}
	*count = n;
	return 0;
}

static uint32_t bswap32(uint32_t v)
{
	return v >> 24 | (v >> 8 & 0xff00) | (v << 8 & 0xff0000) | v << 24;
}

static void bswap_words(void *p, size_t n)
{
	uint32_t *w = p;

	while (n--) {
		*w = bswap32(*w);
		w++;
	}
}

/* BTF written for the other byte order (libbpf swaps it on load too):
 * every record is a sequence of 32-bit words, so swapping the fixed part
 * gives kind and vlen, and then the rest is words as well.  A kind this
 * parser cannot size is rejected: its words cannot be told apart. */
static int swap_types(uint8_t *types, uint32_t len)
{
	uint32_t pos = 0;

	while (len - pos >= sizeof(struct btf_type)) {
		struct btf_type *t = (void *)(types + pos);
		size_t n;

		bswap_words(t, 3);
		if (btf_kind(t) > BTF_KIND_MAX)
			return -EINVAL;
		n = record_len(NULL, t, len - pos);
		if (!n)
			return -EINVAL;
		bswap_words(t + 1, (n - sizeof(*t)) / 4);
		pos += (uint32_t)n;
	}
	return pos == len ? 0 : -EINVAL;
}

static uint32_t end_str(const struct btf *btf)
{
	return btf->start_str + btf->strs_len;
}

static int btf_parse_in(const void *data, size_t size, const struct btf *base,
			void **take, size_t map_len, struct btf **out);

static void release(void *take, size_t map_len)
{
	if (map_len)
		munmap(take, map_len);
	else
		free(take);
}

/* btf_new(), where take (if not NULL) is memory holding data that is
 * ours to keep or release: malloc'd, or mapped read-only when map_len is
 * not 0.  The blob is used in place when its types are 4-byte aligned
 * and (byte-swapped blobs) take is writable, else copied. */
static int btf_parse(const void *data, size_t size, const struct btf *base,
		     void *take, size_t map_len, struct btf **out)
{
	/* btf_parse_in() clears take once the memory is the blob's (kept
	 * or released): from then on it is not ours to release. */
	int err = btf_parse_in(data, size, base, &take, map_len, out);

	if (err && take)
		release(take, map_len);
	return err;
}

int btf_new(const void *data, size_t size, const struct btf *base,
	    struct btf **out)
{
	return btf_parse(data, size, base, NULL, 0, out);
}

static int btf_parse_in(const void *data, size_t size, const struct btf *base,
			void **take, size_t map_len, struct btf **out)
{
	struct btf_header h;
	struct btf *btf;
	uint64_t types_at, strs_at, layout_at;
	size_t shift;
	uint8_t *mem;
	uint32_t n;
	bool swapped;
	int err;

	*out = NULL;
	if (size < BTF_HDR_MIN_LEN || size > UINT32_MAX)
		return -EINVAL;
	memset(&h, 0, sizeof(h));
	memcpy(&h, data, BTF_HDR_MIN_LEN);
	swapped = h.magic == 0x9feb;
	if (swapped)
		bswap_words(&h.hdr_len, 1);
	/* A longer header is fine: sections are still placed by hdr_len,
	 * and the layout fields are read when it covers them. */
	if ((h.magic != BTF_MAGIC && !swapped) || h.version != BTF_VERSION ||
	    h.hdr_len < BTF_HDR_MIN_LEN || h.hdr_len > size)
		return -EINVAL;
	memcpy(&h.type_off, (const uint8_t *)data + 8,
	       (h.hdr_len >= sizeof(h) ? sizeof(h) : BTF_HDR_MIN_LEN) - 8);
	if (swapped)
		bswap_words(&h.type_off, (sizeof(h) - 8) / 4);
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
	if (*take && !(((uintptr_t)data + types_at) & 3) && (!swapped || !map_len)) {
		if (map_len) {
			btf->map = *take;
			btf->map_len = map_len;
		} else {
			btf->buf = *take;
		}
		*take = NULL;
		mem = (uint8_t *)data;
	} else {
		/* Copy so that the type section starts 4-byte aligned,
		 * whatever hdr_len and type_off are: records are then read
		 * in place. */
		shift = (4 - (types_at & 3)) & 3;
		btf->buf = malloc(size + shift);
		if (!btf->buf) {
			free(btf);
			return -ENOMEM;
		}
		memcpy(btf->buf + shift, data, size);
		mem = btf->buf + shift;
		if (*take)
			release(*take, map_len);
		*take = NULL;
	}
	btf->raw = mem;
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

	/* The copy is made native: the header too, for btf_raw(). */
	err = swapped ? swap_types(mem + types_at, h.type_len) : 0;
	if (swapped) {
		h.magic = BTF_MAGIC;
		memcpy(mem, &h, h.hdr_len < sizeof(h) ? BTF_HDR_MIN_LEN : sizeof(h));
		for (n = 0; n < btf->nr_layout; n++) {
			uint8_t *f = mem + layout_at + n * 4 + 2;
			uint8_t lo = f[0];

			f[0] = f[1];
			f[1] = lo;
		}
	}
	/* One walk into room for the most records the section can hold
	 * (untouched pages of it cost nothing), then trimmed. */
	if (!err) {
		btf->offs = malloc(h.type_len / sizeof(struct btf_type) * sizeof(*btf->offs) + 4);
		err = btf->offs ? walk_types(btf, btf->offs, &n) : -ENOMEM;
	}
	if (!err && (uint64_t)btf->start_id + n > UINT32_MAX)
		err = -E2BIG;
	if (!err) {
		uint32_t *offs = realloc(btf->offs, (size_t)n * sizeof(*offs) + 4);

		if (offs)
			btf->offs = offs;
	}
	if (err) {
		btf_free(btf);
		return err;
	}
	btf->nr = n;
	*out = btf;
	return 0;
}

/* btf_new_any() on memory that is ours (see btf_parse()). */
static int parse_any(const void *data, size_t size, const struct btf *base,
		     void *take, size_t map_len, struct btf **out)
{
	const uint8_t *sec;
	size_t sec_size;
	int err;

	*out = NULL;
	if (!elf_is_elf(data, size)) {
		if (size >= 2 && (!memcmp(data, "\x9f\xeb", 2) || !memcmp(data, "\xeb\x9f", 2)))
			return btf_parse(data, size, base, take, map_len, out);
		release(take, map_len);
		return -ENOEXEC;
	}
	err = elf_find_section(data, size, ".BTF", &sec, &sec_size);
	if (err) {
		release(take, map_len);
		return err == -ENOENT ? -ENODATA : err;
	}
	return btf_parse(sec, sec_size, base, take, map_len, out);
}

int btf_new_any(const void *data, size_t size, const struct btf *base,
		struct btf **out)
{
	return parse_any(data, size, base, NULL, 0, out);
}

int btf_load_file(const char *path, const struct btf *base, struct btf **out)
{
	uint8_t *buf = NULL;
	size_t size = 0;
	struct statfs sfs;
	struct stat st;
	void *map;
	int fd, err;

	*out = NULL;
	/* Only regular files, as libbpf (it seeks to learn the size): a
	 * FIFO, a tty or /dev/zero would block or never end.  O_NONBLOCK
	 * keeps the open of a FIFO from waiting for a writer. */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		close(fd);
		return -ESPIPE;
	}
	/* Kernel BTF in sysfs can be mapped (6.16+): its pages are the
	 * kernel's, nothing is copied.  Other files are read: a mapped
	 * regular file could shrink under us. */
	if (!fstatfs(fd, &sfs) && sfs.f_type == SYSFS_MAGIC && st.st_size >= BTF_HDR_MIN_LEN) {
		map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (map != MAP_FAILED) {
			close(fd);
			return parse_any(map, (size_t)st.st_size, base, map,
					 (size_t)st.st_size, out);
		}
	}
	err = sys_read_fd(fd, &buf, &size);
	close(fd);
	if (err)
		return err;
	return parse_any(buf, size, base, buf, 0, out);
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
	if (btf->map_len)
		munmap(btf->map, btf->map_len);
	free(btf);
}

const void *btf_raw(const struct btf *btf, uint32_t *size)
{
	*size = btf->raw_size;
	return btf->raw;
}

void btf_view(const struct btf *btf, struct btf_view *v)
{
	*v = (struct btf_view){ btf->types, btf->offs, btf->start_id, btf->nr,
				btf->strs, btf->start_str, btf->strs_len };
}

uint32_t btf_strings(const struct btf *btf, uint32_t *len)
{
	*len = btf->strs_len;
	return btf->start_str;
}

size_t btf_type_size(const struct btf_type *t)
{
	return record_len(NULL, t, SIZE_MAX);
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
	return btf_resolve_size_ptr(btf, id, sizeof(long));
}

int64_t btf_resolve_size_ptr(const struct btf *btf, uint32_t id, uint32_t ptr_size)
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
			size = ptr_size;
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
