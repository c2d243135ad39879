/* sys_bpf: one thin wrapper per bpf(2) command.
 *
 * Every function returns a file descriptor or 0 on success and -errno on
 * failure; none prints or exits.  Each passes the kernel only the attr
 * bytes up to the last field it uses (see include/uapi/bpf.h). */
#ifndef BPFBOX_SYS_BPF_H
#define BPFBOX_SYS_BPF_H

#include <stddef.h>
#include <stdint.h>

#include "uapi/bpf.h"

#define attr_size(type, last_field) \
	(offsetof(type, last_field) + sizeof(((type *)0)->last_field))

int sys_bpf(int cmd, void *attr, size_t size);

int sys_map_create(const struct bpf_attr_map_create *attr);
int sys_map_lookup(int fd, const void *key, void *value);
int sys_map_update(int fd, const void *key, const void *value, uint64_t flags);
int sys_map_delete(int fd, const void *key);
int sys_map_next_key(int fd, const void *key, void *next_key);
int sys_map_lookup_and_delete(int fd, const void *key, void *value);
int sys_map_freeze(int fd);
/* *count is the room in keys/values on entry and the entries read on
 * return, also when the result is -ENOENT (the end of the map). */
int sys_map_lookup_batch(int fd, const void *in_batch, void *out_batch,
			 void *keys, void *values, uint32_t *count);

/* *count in: entries to write; out: entries written. */
int sys_map_update_batch(int fd, const void *keys, const void *values,
			 uint32_t *count, uint64_t elem_flags);

int sys_obj_pin(int fd, const char *path);
int sys_obj_get(const char *path, uint32_t file_flags);

/* Object kinds for the id commands. */
enum sys_obj { SYS_OBJ_PROG, SYS_OBJ_MAP, SYS_OBJ_BTF, SYS_OBJ_LINK };
int sys_next_id(enum sys_obj kind, uint32_t start, uint32_t *next);
int sys_fd_by_id(enum sys_obj kind, uint32_t id, uint32_t open_flags);
/* info_len in: the buffer size; out: what the kernel filled. */
int sys_obj_info(int fd, void *info, uint32_t *info_len);
int sys_map_info(int fd, struct bpf_map_info *info);
int sys_prog_info(int fd, struct bpf_prog_info *info);

int sys_btf_load(const void *blob, uint32_t size, char *log, uint32_t log_size);
int sys_prog_load(const struct bpf_attr_prog_load *attr);
int sys_prog_test_run(struct bpf_attr_test_run *attr);

/* ---- attachments (net, link, cgroup, perf) ---- */

/* BPF_PROG_QUERY: q->count in: room in the id arrays; out: attached.
 * Sends only up to the last array the caller set (prog_attach_flags:
 * 6.0, link ids: 6.6); older kernels refuse those arrays (EINVAL or
 * E2BIG), so callers ask for them only where they exist or retry. */
int sys_prog_query(struct bpf_attr_prog_query *q);
int sys_prog_attach(const struct bpf_attr_prog_attach *a);
int sys_prog_detach(const struct bpf_attr_prog_attach *a);
int sys_link_create(const struct bpf_attr_link_create *a);
int sys_link_detach(int fd);
int sys_task_fd_query(struct bpf_attr_task_fd_query *q);
int sys_link_info(int fd, struct bpf_link_info *info);

#endif
