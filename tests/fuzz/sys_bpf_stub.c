/* The kernel boundary of fuzz_cli: every function src/kernel/sys_bpf.h
 * declares, none making a syscall, linked instead of src/kernel/sys_bpf.c
 * so bpf(2) is unreachable from fuzzed command lines.  Each returns
 * -fuzz_sys_errno (ENOSYS unless the fuzzer picks EPERM, ENOENT or
 * E2BIG for an input), and leaves the out-parameters as a failed call
 * would (counts zero).  No call ever yields an fd, so nothing downstream
 * of an object (pin, perf and ring buffer mmaps, map dumps) runs either.
 *
 * The other ways a command line reaches the kernel are wrapped too
 * (-Wl,--wrap=..., tests/fuzz.mk), so that a root fuzzer changes nothing
 * on the machine and never blocks: mount(2) and umount (bpffs for pins,
 * tracefs for tracelog), socket(2) (netlink: "net detach xdp dev lo"
 * needs no program and would detach the host's), syscall(2) (capset for
 * "feature probe unprivileged", perf_event_open), fork(2) (the feature
 * probe's workers) and open(2) of a trace_pipe (tracelog would read it
 * until a signal).
 *
 * `make fuzz-cli` checks that the sys_*() names defined here are exactly
 * those src/kernel/sys_bpf.h declares. */
#include "kernel/sys_bpf.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>

int fuzz_sys_errno = ENOSYS;

static int fail(void)
{
	return -fuzz_sys_errno;
}

int sys_bpf(int cmd, void *attr, size_t size)
{
	return fail();
}

int sys_map_create(const struct bpf_attr_map_create *attr)
{
	return fail();
}

int sys_map_lookup(int fd, const void *key, void *value)
{
	return fail();
}

int sys_map_update(int fd, const void *key, const void *value, uint64_t flags)
{
	return fail();
}

int sys_map_delete(int fd, const void *key)
{
	return fail();
}

int sys_map_next_key(int fd, const void *key, void *next_key)
{
	return fail();
}

int sys_map_lookup_and_delete(int fd, const void *key, void *value)
{
	return fail();
}

int sys_map_freeze(int fd)
{
	return fail();
}

int sys_map_lookup_batch(int fd, const void *in_batch, void *out_batch,
			 void *keys, void *values, uint32_t *count)
{
	*count = 0;
	return fail();
}

int sys_map_update_batch(int fd, const void *keys, const void *values,
			 uint32_t *count, uint64_t elem_flags)
{
	*count = 0;
	return fail();
}

int sys_obj_pin(int fd, const char *path)
{
	return fail();
}

int sys_obj_get(const char *path, uint32_t file_flags)
{
	return fail();
}

int sys_next_id(enum sys_obj kind, uint32_t start, uint32_t *next)
{
	return fail();
}

int sys_fd_by_id(enum sys_obj kind, uint32_t id, uint32_t open_flags)
{
	return fail();
}

int sys_obj_info(int fd, void *info, uint32_t *info_len)
{
	return fail();
}

int sys_map_info(int fd, struct bpf_map_info *info)
{
	return fail();
}

int sys_prog_info(int fd, struct bpf_prog_info *info)
{
	return fail();
}

int sys_btf_load(const void *blob, uint32_t size, char *log, uint32_t log_size)
{
	return fail();
}

int sys_prog_load(const struct bpf_attr_prog_load *attr)
{
	return fail();
}

int sys_prog_test_run(struct bpf_attr_test_run *attr)
{
	return fail();
}

int sys_prog_query(struct bpf_attr_prog_query *q)
{
	return fail();
}

int sys_prog_attach(const struct bpf_attr_prog_attach *a)
{
	return fail();
}

int sys_prog_detach(const struct bpf_attr_prog_attach *a)
{
	return fail();
}

int sys_link_create(const struct bpf_attr_link_create *a)
{
	return fail();
}

int sys_link_detach(int fd)
{
	return fail();
}

int sys_task_fd_query(struct bpf_attr_task_fd_query *q)
{
	return fail();
}

int sys_link_info(int fd, struct bpf_link_info *info)
{
	return fail();
}

/* -Wl,--wrap=mount,--wrap=umount,--wrap=umount2: calls from src/ land
 * here, and fail as for an unprivileged caller. */
int __wrap_mount(const char *source, const char *target, const char *type,
		 unsigned long flags, const void *data);
int __wrap_umount(const char *target);
int __wrap_umount2(const char *target, int flags);

int __wrap_mount(const char *source, const char *target, const char *type,
		 unsigned long flags, const void *data)
{
	errno = EPERM;
	return -1;
}

int __wrap_umount(const char *target)
{
	errno = EPERM;
	return -1;
}

int __wrap_umount2(const char *target, int flags)
{
	errno = EPERM;
	return -1;
}

/* socket(2): no netlink, no anything. */
int __wrap_socket(int domain, int type, int protocol);
int __wrap_socket(int domain, int type, int protocol)
{
	errno = EACCES;
	return -1;
}

/* syscall(2): capget/capset and perf_event_open fail as unsupported. */
long __wrap_syscall(long nr, ...);
long __wrap_syscall(long nr, ...)
{
	errno = ENOSYS;
	return -1;
}

int __wrap_fork(void);
int __wrap_fork(void)
{
	errno = EAGAIN;
	return -1;
}

/* open(2): everything but a trace pipe, which blocks until a signal. */
int __real_open(const char *path, int flags, ...);
int __wrap_open(const char *path, int flags, ...);
int __wrap_open(const char *path, int flags, ...)
{
	va_list ap;
	int mode;

	if (strstr(path, "trace_pipe")) {
		errno = EACCES;
		return -1;
	}
	va_start(ap, flags);
	mode = va_arg(ap, int);
	va_end(ap);
	return __real_open(path, flags, mode);
}
