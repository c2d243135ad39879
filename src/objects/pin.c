/* pin: the pin-path checks and bpffs mount of bpftool's common.c
 * (mount_bpffs_for_file, do_pin_fd), with its messages. */
#include "objects/pin.h"
#include "cli/bpfbox.h"
#include "kernel/bpffs.h"
#include "kernel/sys_bpf.h"

#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <unistd.h>

int check_pin_path(const char *path, bool *mount_needed)
{
	char dir[PATH_MAX];

	*mount_needed = false;
	if (!access(path, F_OK))
		return error("can't pin BPF object: path '%s' already exists", path);
	snprintf(dir, sizeof(dir), "%s", path);
	dirname(dir);
	if (bpffs_is(dir))
		return 0;
	if (access(dir, F_OK))
		return error("can't pin BPF object: dir '%s' doesn't exist", dir);
	if (opt.nomount)
		return error("no BPF file system found, not mounting it due to --nomount option");
	*mount_needed = true;
	return 0;
}

int pin_fd(int fd, const char *path, bool mount_needed)
{
	char dir[PATH_MAX];
	int err;

	if (mount_needed) {
		const char *step = "mount";

		snprintf(dir, sizeof(dir), "%s", path);
		dirname(dir);
		err = bpffs_mount(dir, &step);
		if (err)
			return error("can't mount BPF file system to pin the object '%s': %s %s failed: %s",
				     path, step, dir, errstr(err));
	}
	err = sys_obj_pin(fd, path);
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
