/* bpffs: statfs magic check, bpftool's pin with its mount sequence
 * (common.c mount_bpffs_for_file, do_pin_fd; the path checked in full
 * before, the mounts undone after a failed pin), and the pin walk of
 * bpftool's build_pinned_obj_table() (every "bpf" mount in /proc/mounts,
 * files in readdir order, symlinks not followed). */
#include "kernel/bpffs.h"
#include "kernel/sys_bpf.h"
#include "kernel/sys_proc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#define BPF_FS_MAGIC 0xcafe4a11
#define WALK_DEPTH_MAX 64

bool bpffs_is(const char *path)
{
	struct statfs st;

	return !statfs(path, &st) && (unsigned long)st.f_type == BPF_FS_MAGIC;
}

int bpffs_pin_check(const char *path, bool *on_bpffs)
{
	char dir[PATH_MAX];
	size_t end = strlen(path), start;
	struct stat st;

	*on_bpffs = false;
	if (end >= sizeof(dir))
		return -ENAMETOOLONG;
	/* lstat: a dangling symlink is a name the pin cannot take either. */
	if (!lstat(path, &st))
		return -EEXIST;
	while (end > 1 && path[end - 1] == '/')
		end--;
	for (start = end; start && path[start - 1] != '/'; start--)
		;
	if (end - start > NAME_MAX)
		return -ENAMETOOLONG;
	memcpy(dir, path, strlen(path) + 1);
	dirname(dir);
	if (stat(dir, &st))
		return errno == ENAMETOOLONG ? -ENAMETOOLONG : -ENOENT;
	if (!S_ISDIR(st.st_mode))
		return -ENOTDIR;
	*on_bpffs = bpffs_is(dir);
	return 0;
}

/* Umount of a path takes its topmost mount: ours, newest first. */
static void unmount_n(const char *dir, unsigned n)
{
	while (n--)
		umount2(dir, MNT_DETACH);
}

/* bpftool's mount sequence for a filesystem of type on dir (bpffs, or
 * tracefs for tracelog); *mounts counts what it mounted there. */
static int mount_private(const char *dir, const char *type, const char *mount_step,
			 const char **step, unsigned *mounts)
{
	while (mount("", dir, "none", MS_PRIVATE | MS_REC, NULL)) {
		if (errno != EINVAL || *mounts) {
			*step = "mount --make-private";
			return -errno;
		}
		/* EINVAL: dir is not a mount point; make it one. */
		if (mount(dir, dir, "none", MS_BIND, NULL)) {
			*step = "mount --bind";
			return -errno;
		}
		++*mounts;
	}
	if (mount(type, dir, type, 0, "mode=0700")) {
		*step = mount_step;
		return -errno;
	}
	++*mounts;
	return 0;
}

int fs_mount(const char *dir, const char *type, const char *mount_step, const char **step)
{
	unsigned mounts = 0;
	int err = mount_private(dir, type, mount_step, step, &mounts);

	if (err)
		unmount_n(dir, mounts);
	return err;
}

int bpffs_pin(int fd, const char *path, bool mount_first, const char **step)
{
	char dir[PATH_MAX];
	unsigned mounts = 0;
	int err = 0;

	*step = NULL;
	if (mount_first) {
		snprintf(dir, sizeof(dir), "%s", path);
		dirname(dir);
		err = mount_private(dir, "bpf", "mount -t bpf", step, &mounts);
	}
	if (!err)
		err = sys_obj_pin(fd, path);
	/* A failed pin leaves no mount behind (bpftool's does). */
	if (err)
		unmount_n(dir, mounts);
	return err;
}

static int pins_add(struct idtab *t, uint32_t id, const char *path)
{
	char *dup = strdup(path);
	struct pin *p = dup ? idtab_add(t, id) : NULL;

	if (!p) {
		free(dup);
		return -ENOMEM;
	}
	p->path = dup;
	return 0;
}

static void check_file(int kind, const char *path, struct idtab *t, int *err)
{
	uint32_t head[2] = { 0, 0 };	/* type, id: same place in map and prog info */
	uint32_t len = sizeof(head);
	int fd = sys_obj_get(path, 0);

	if (fd < 0)
		return;
	if (sys_fd_kind(fd) == kind && !sys_obj_info(fd, head, &len))
		*err = pins_add(t, head[1], path);
	close(fd);
}

static int walk(int kind, char *path, size_t len, int depth, struct idtab *t)
{
	struct dirent *de;
	DIR *d;
	int err = 0;

	if (depth > WALK_DEPTH_MAX)
		return 0;
	d = opendir(path);
	if (!d)
		return 0;	/* unreadable directories are skipped, like nftw */
	while (!err && (de = readdir(d))) {
		size_t n = strlen(de->d_name);
		struct stat st;

		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (len + 1 + n >= PATH_MAX)
			continue;
		path[len] = '/';
		memcpy(path + len + 1, de->d_name, n + 1);
		if (lstat(path, &st))
			continue;
		if (S_ISDIR(st.st_mode))
			err = walk(kind, path, len + 1 + n, depth + 1, t);
		else if (S_ISREG(st.st_mode))
			check_file(kind, path, t, &err);
	}
	closedir(d);
	path[len] = 0;
	return err;
}

struct pin_walk {
	int kind;
	struct idtab *t;
};

static int walk_mount(const char *dir, void *ctx)
{
	static char path[PATH_MAX];
	struct pin_walk *w = ctx;

	strcpy(path, dir);	/* sys_mounts_of() gives less than PATH_MAX */
	return walk(w->kind, path, strlen(path), 0, w->t);
}

int pins_collect(int kind, struct idtab *t)
{
	struct pin_walk w = { kind, t };
	int err;

	idtab_init(t, sizeof(struct pin));
	err = sys_mounts_of("bpf", walk_mount, &w);
	idtab_sort(t);
	return err;
}

void pins_free(struct idtab *t)
{
	const struct pin *p = t->v;
	size_t i;

	for (i = 0; i < t->n; i++)
		free(p[i].path);
	idtab_free(t);
}
