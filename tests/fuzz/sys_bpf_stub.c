/* The kernel boundary of fuzz_cli: every function src/kernel/sys_bpf.h
 * declares, none making a syscall, linked instead of src/kernel/sys_bpf.c
 * so bpf(2) is unreachable from fuzzed command lines.  Each returns
 * -fuzz_sys_errno (ENOSYS unless the fuzzer picks EPERM, ENOENT or
 * E2BIG for an input), and leaves the out-parameters as a failed call
 * would (counts zero).  No call ever yields an fd, so nothing downstream
 * of an object (pin, perf and ring buffer mmaps, map dumps) runs either.
 *
 * mount(2) is the other call a command line can reach (bpffs_mount, from
 * pin paths).  It needs an fd first, so it is unreachable today; the
 * fuzzer is linked with -Wl,--wrap=mount,--wrap=umount,--wrap=umount2
 * (tests/fuzz.mk) so that a root fuzzer never mounts or unmounts
 * anything even if that changes.
 *
 * `make fuzz-cli` checks that the sys_*() names defined here are exactly
 * those src/kernel/sys_bpf.h declares. */
#include "kernel/sys_bpf.h"

#include <errno.h>

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
