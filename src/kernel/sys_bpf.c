/* sys_bpf: bpf(2) wrappers, following the kernel's bpf_attr layouts.
 * See sys_bpf.h for the conventions. */
#include "kernel/sys_bpf.h"
#include "kernel/sys_nr.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

static uint64_t ptr(const void *p)
{
	return (uint64_t)(uintptr_t)p;
}

int sys_bpf(int cmd, void *attr, size_t size)
{
	long ret;

	do
		ret = syscall(BPFBOX_NR_bpf, cmd, attr, (unsigned long)size);
	while (ret < 0 && errno == EINTR);
	return ret < 0 ? -errno : (int)ret;
}

int sys_map_create(const struct bpf_attr_map_create *attr)
{
	struct bpf_attr_map_create a = *attr;
	size_t size = attr_size(struct bpf_attr_map_create, map_name);

	/* Pass the BTF and later fields only when used: 5.x kernels before
	 * map_extra would reject the larger attr. */
	if (a.map_ifindex || a.btf_fd)
		size = attr_size(struct bpf_attr_map_create, btf_value_type_id);
	if (a.btf_vmlinux_value_type_id)
		size = attr_size(struct bpf_attr_map_create,
				 btf_vmlinux_value_type_id);
	if (a.map_extra)
		size = sizeof(a);
	return sys_bpf(BPF_MAP_CREATE, &a, size);
}

static int elem_op(int cmd, int fd, const void *key, void *value,
		   uint64_t flags, size_t size)
{
	struct bpf_attr_map_elem a;

	memset(&a, 0, sizeof(a));
	a.map_fd = (uint32_t)fd;
	a.key = ptr(key);
	a.value = ptr(value);
	a.flags = flags;
	return sys_bpf(cmd, &a, size);
}

#define ELEM_SIZE_FLAGS attr_size(struct bpf_attr_map_elem, flags)
#define ELEM_SIZE_VALUE attr_size(struct bpf_attr_map_elem, value)
#define ELEM_SIZE_FD attr_size(struct bpf_attr_map_elem, map_fd)

int sys_map_lookup(int fd, const void *key, void *value)
{
	return elem_op(BPF_MAP_LOOKUP_ELEM, fd, key, value, 0, ELEM_SIZE_FLAGS);
}

int sys_map_update(int fd, const void *key, const void *value, uint64_t flags)
{
	return elem_op(BPF_MAP_UPDATE_ELEM, fd, key, (void *)value, flags,
		       ELEM_SIZE_FLAGS);
}

int sys_map_delete(int fd, const void *key)
{
	return elem_op(BPF_MAP_DELETE_ELEM, fd, key, NULL, 0,
		       attr_size(struct bpf_attr_map_elem, key));
}

int sys_map_next_key(int fd, const void *key, void *next_key)
{
	return elem_op(BPF_MAP_GET_NEXT_KEY, fd, key, next_key, 0,
		       ELEM_SIZE_VALUE);
}

int sys_map_lookup_and_delete(int fd, const void *key, void *value)
{
	return elem_op(BPF_MAP_LOOKUP_AND_DELETE_ELEM, fd, key, value, 0,
		       ELEM_SIZE_VALUE);
}

int sys_map_freeze(int fd)
{
	return elem_op(BPF_MAP_FREEZE, fd, NULL, NULL, 0, ELEM_SIZE_FD);
}

int sys_map_lookup_batch(int fd, const void *in_batch, void *out_batch,
			 void *keys, void *values, uint32_t *count)
{
	struct bpf_attr_map_batch a;
	int ret;

	memset(&a, 0, sizeof(a));
	a.in_batch = ptr(in_batch);
	a.out_batch = ptr(out_batch);
	a.keys = ptr(keys);
	a.values = ptr(values);
	a.count = *count;
	a.map_fd = (uint32_t)fd;
	ret = sys_bpf(BPF_MAP_LOOKUP_BATCH, &a, sizeof(a));
	*count = a.count;
	return ret;
}

int sys_map_update_batch(int fd, const void *keys, const void *values,
			 uint32_t *count, uint64_t elem_flags)
{
	struct bpf_attr_map_batch a;
	int ret;

	memset(&a, 0, sizeof(a));
	a.keys = ptr(keys);
	a.values = ptr(values);
	a.count = *count;
	a.map_fd = (uint32_t)fd;
	a.elem_flags = elem_flags;
	ret = sys_bpf(BPF_MAP_UPDATE_BATCH, &a, sizeof(a));
	*count = a.count;
	return ret;
}

int sys_obj_pin(int fd, const char *path)
{
	struct bpf_attr_obj a;

	memset(&a, 0, sizeof(a));
	a.pathname = ptr(path);
	a.bpf_fd = (uint32_t)fd;
	return sys_bpf(BPF_OBJ_PIN, &a, attr_size(struct bpf_attr_obj, bpf_fd));
}

int sys_obj_get(const char *path, uint32_t file_flags)
{
	struct bpf_attr_obj a;

	memset(&a, 0, sizeof(a));
	a.pathname = ptr(path);
	a.file_flags = file_flags;
	return sys_bpf(BPF_OBJ_GET, &a, sizeof(a));
}

static const struct {
	int next, by_id;
} id_cmds[] = {
	[SYS_OBJ_PROG] = { BPF_PROG_GET_NEXT_ID, BPF_PROG_GET_FD_BY_ID },
	[SYS_OBJ_MAP] = { BPF_MAP_GET_NEXT_ID, BPF_MAP_GET_FD_BY_ID },
	[SYS_OBJ_BTF] = { BPF_BTF_GET_NEXT_ID, BPF_BTF_GET_FD_BY_ID },
	[SYS_OBJ_LINK] = { BPF_LINK_GET_NEXT_ID, BPF_LINK_GET_FD_BY_ID },
};

int sys_next_id(enum sys_obj kind, uint32_t start, uint32_t *next)
{
	struct bpf_attr_get_id a;
	int ret;

	memset(&a, 0, sizeof(a));
	a.id = start;
	ret = sys_bpf(id_cmds[kind].next, &a,
		      attr_size(struct bpf_attr_get_id, next_id));
	if (!ret)
		*next = a.next_id;
	return ret;
}

int sys_fd_by_id(enum sys_obj kind, uint32_t id, uint32_t open_flags)
{
	struct bpf_attr_get_id a;

	memset(&a, 0, sizeof(a));
	a.id = id;
	a.open_flags = open_flags;
	return sys_bpf(id_cmds[kind].by_id, &a,
		       open_flags ? sizeof(a)
				  : attr_size(struct bpf_attr_get_id, next_id));
}

int sys_obj_info(int fd, void *info, uint32_t *info_len)
{
	struct bpf_attr_info a;
	int ret;

	memset(&a, 0, sizeof(a));
	a.bpf_fd = (uint32_t)fd;
	a.info_len = *info_len;
	a.info = ptr(info);
	ret = sys_bpf(BPF_OBJ_GET_INFO_BY_FD, &a, sizeof(a));
	if (!ret)
		*info_len = a.info_len;
	return ret;
}

int sys_map_info(int fd, struct bpf_map_info *info)
{
	uint32_t len = sizeof(*info);

	memset(info, 0, sizeof(*info));
	return sys_obj_info(fd, info, &len);
}

int sys_prog_info(int fd, struct bpf_prog_info *info)
{
	uint32_t len = sizeof(*info);

	memset(info, 0, sizeof(*info));
	return sys_obj_info(fd, info, &len);
}

int sys_btf_load(const void *blob, uint32_t size, char *log, uint32_t log_size)
{
	struct bpf_attr_btf_load a;

	memset(&a, 0, sizeof(a));
	a.btf = ptr(blob);
	a.btf_size = size;
	if (log && log_size) {
		a.btf_log_buf = ptr(log);
		a.btf_log_size = log_size;
		a.btf_log_level = 1;
	}
	return sys_bpf(BPF_BTF_LOAD, &a, sizeof(a));
}

int sys_prog_load(const struct bpf_attr_prog_load *attr)
{
	struct bpf_attr_prog_load a = *attr;

	return sys_bpf(BPF_PROG_LOAD, &a, sizeof(a));
}

int sys_prog_test_run(struct bpf_attr_test_run *attr)
{
	return sys_bpf(BPF_PROG_TEST_RUN, attr,
		       attr_size(struct bpf_attr_test_run, ctx_out));
}

/* ---- attachments (net, link, cgroup, perf) ---- */

int sys_prog_query(struct bpf_attr_prog_query *q)
{
	size_t size = attr_size(struct bpf_attr_prog_query, count);

	if (q->link_ids || q->link_attach_flags)
		size = attr_size(struct bpf_attr_prog_query, link_attach_flags);
	else if (q->prog_attach_flags)
		size = attr_size(struct bpf_attr_prog_query, prog_attach_flags);
	return sys_bpf(BPF_PROG_QUERY, q, size);
}

static size_t attach_size(const struct bpf_attr_prog_attach *a)
{
	if (a->relative_fd || a->expected_revision)
		return sizeof(*a);
	if (a->replace_bpf_fd)
		return attr_size(struct bpf_attr_prog_attach, replace_bpf_fd);
	return attr_size(struct bpf_attr_prog_attach, attach_flags);
}

int sys_prog_attach(const struct bpf_attr_prog_attach *a)
{
	struct bpf_attr_prog_attach c = *a;

	return sys_bpf(BPF_PROG_ATTACH, &c, attach_size(a));
}

int sys_prog_detach(const struct bpf_attr_prog_attach *a)
{
	struct bpf_attr_prog_attach c = *a;

	return sys_bpf(BPF_PROG_DETACH, &c, attach_size(a));
}

int sys_link_create(const struct bpf_attr_link_create *a)
{
	struct bpf_attr_link_create c = *a;

	return sys_bpf(BPF_LINK_CREATE, &c, sizeof(c));
}

int sys_link_detach(int fd)
{
	uint32_t link_fd = (uint32_t)fd;

	return sys_bpf(BPF_LINK_DETACH, &link_fd, sizeof(link_fd));
}

int sys_task_fd_query(struct bpf_attr_task_fd_query *q)
{
	return sys_bpf(BPF_TASK_FD_QUERY, q, sizeof(*q));
}

int sys_link_info(int fd, struct bpf_link_info *info)
{
	uint32_t len = sizeof(*info);

	return sys_obj_info(fd, info, &len);
}
