/* pin: the pin-path checks and bpffs mount of bpftool's common.c
 * (mount_bpffs_for_file, do_pin_fd), with its messages. */
#include "objects/pin.h"
#include "cli/run.h"
#include "kernel/bpffs.h"
#include "kernel/sys_bpf.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <unistd.h>

int check_pin_path(struct run *r, const char *path, bool *mount_needed)
{
	char dir[PATH_MAX];
	bool on_bpffs;
	int err = bpffs_pin_check(path, &on_bpffs);

	*mount_needed = false;
	if (err == -EEXIST)
		return run_error(r, "can't pin BPF object: path '%s' already exists", path);
	snprintf(dir, sizeof(dir), "%s", path);
	dirname(dir);
	if (err == -ENOENT)
		return run_error(r, "can't pin BPF object: dir '%s' doesn't exist", dir);
	if (err)	/* what the pin would end with, said before any mount */
		return run_fail(r, err, "can't pin the object (%s)", path);
	if (on_bpffs)
		return 0;
	if (r->opt.nomount)
		return run_error(r, "no BPF file system found, not mounting it due to --nomount option");
	*mount_needed = true;
	return 0;
}

int pin_fd(struct run *r, int fd, const char *path, bool mount_needed)
{
	char dir[PATH_MAX];
	const char *step;
	int err;

	err = bpffs_pin(fd, path, mount_needed, &step);
	if (err && step) {
		snprintf(dir, sizeof(dir), "%s", path);
		dirname(dir);
		return run_error(r, "can't mount BPF file system to pin the object '%s': %s %s failed: %s",
			     path, step, dir, errstr(err));
	}
	if (err)
		return run_fail(r, err, "can't pin the object (%s)", path);
	return 0;
}

int pin_command(struct run *r, struct args *a, int (*open)(struct run *r, struct args *a))
{
	const char *path;
	bool mount_needed;
	int fd, err;

	if (a->argc < 3)
		return run_error(r, "'pin' needs at least 3 arguments, %d found", a->argc);
	fd = open(r, a);
	if (fd < 0)
		return -1;
	path = arg_next(a);
	/* bpftool ignores words after FILE; they are a mistake. */
	err = a->argc ? run_error(r, "what is '%s'?", arg_peek(a)) : 0;
	if (!err)
		err = check_pin_path(r, path, &mount_needed);
	if (!err)
		err = pin_fd(r, fd, path, mount_needed);
	close(fd);
	return err ? -1 : run_done(r);
}
