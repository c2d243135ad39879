/* pin: the pin-path checks and bpffs mount of bpftool's common.c
 * (mount_bpffs_for_file, do_pin_fd), with its messages. */
#include "objects/pin.h"
#include "cli/bpfbox.h"
#include "kernel/bpffs.h"
#include "kernel/sys_bpf.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <unistd.h>

int check_pin_path(const char *path, bool *mount_needed)
{
	char dir[PATH_MAX];
	bool on_bpffs;
	int err = bpffs_pin_check(path, &on_bpffs);

	*mount_needed = false;
	if (err == -EEXIST)
		return error("can't pin BPF object: path '%s' already exists", path);
	snprintf(dir, sizeof(dir), "%s", path);
	dirname(dir);
	if (err == -ENOENT)
		return error("can't pin BPF object: dir '%s' doesn't exist", dir);
	if (err)	/* what the pin would end with, said before any mount */
		return fail(err, "can't pin the object (%s)", path);
	if (on_bpffs)
		return 0;
	if (opt.nomount)
		return error("no BPF file system found, not mounting it due to --nomount option");
	*mount_needed = true;
	return 0;
}

int pin_fd(int fd, const char *path, bool mount_needed)
{
	char dir[PATH_MAX];
	const char *step;
	int err;

	err = bpffs_pin(fd, path, mount_needed, &step);
	if (err && step) {
		snprintf(dir, sizeof(dir), "%s", path);
		dirname(dir);
		return error("can't mount BPF file system to pin the object '%s': %s %s failed: %s",
			     path, step, dir, errstr(err));
	}
	if (err)
		return fail(err, "can't pin the object (%s)", path);
	return 0;
}

int pin_command(struct args *a, int (*open)(struct args *a))
{
	const char *path;
	bool mount_needed;
	int fd, err;

	if (a->argc < 3)
		return error("'pin' needs at least 3 arguments, %d found", a->argc);
	fd = open(a);
	if (fd < 0)
		return -1;
	path = arg_next(a);
	/* bpftool ignores words after FILE; they are a mistake. */
	err = a->argc ? error("what is '%s'?", arg_peek(a)) : 0;
	if (!err)
		err = check_pin_path(path, &mount_needed);
	if (!err)
		err = pin_fd(fd, path, mount_needed);
	close(fd);
	return err ? -1 : json_done();
}
