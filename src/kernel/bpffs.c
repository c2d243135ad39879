/* bpffs: statfs magic check, bpftool's mount sequence, and the pin walk
 * of bpftool's build_pinned_obj_table() (every "bpf" mount in
 * /proc/mounts, files in readdir order, symlinks not followed). */
#include "kernel/bpffs.h"
#include "lib/hash_order.h"
#include "kernel/sys_bpf.h"
#include "kernel/sys_proc.h"
#include "lib/vec.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
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

int fs_mount(const char *dir, const char *type, const char *mount_step, const char **step)
{
	bool bind_done = false;

	while (mount("", dir, "none", MS_PRIVATE | MS_REC, NULL)) {
		if (errno != EINVAL || bind_done) {
			*step = "mount --make-private";
			return -errno;
		}
		/* EINVAL: dir is not a mount point; make it one. */
		if (mount(dir, dir, "none", MS_BIND, NULL)) {
			*step = "mount --bind";
			return -errno;
		}
		bind_done = true;
	}
	if (mount(type, dir, type, 0, "mode=0700")) {
		*step = mount_step;
		return -errno;
	}
	return 0;
}

int bpffs_mount(const char *dir, const char **step)
{
	return fs_mount(dir, "bpf", "mount -t bpf", step);
}

static int pins_add(struct pin_table *t, uint32_t id, const char *path)
{
	struct pin *v;

	v = vec_room(t->v, &t->cap, t->n, sizeof(*v));
	if (!v)
		return -ENOMEM;
	t->v = v;
	t->v[t->n].path = strdup(path);
	if (!t->v[t->n].path)
		return -ENOMEM;
	t->v[t->n].id = id;
	t->v[t->n].seq = (uint32_t)t->n;
	t->n++;
	return 0;
}

static void check_file(int kind, const char *path, struct pin_table *t, int *err)
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

static int walk(int kind, char *path, size_t len, int depth, struct pin_table *t)
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

/* /proc/mounts escapes blanks and backslashes as \ooo. */
static void unescape_octal(char *s)
{
	char *w = s;

	for (; *s; s++) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' &&
		    s[2] >= '0' && s[2] <= '7' && s[3] >= '0' && s[3] <= '7') {
			*w++ = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 + (s[3] - '0'));
			s += 3;
		} else {
			*w++ = *s;
		}
	}
	*w = 0;
}

static int by_id(const void *a, const void *b)
{
	const struct pin *x = a, *y = b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	/* bpftool's hashmap lists the latest pin of an id first. */
	return x->seq > y->seq ? -1 : x->seq < y->seq;
}

int pins_collect(int kind, struct pin_table *t)
{
	char line[PATH_MAX + 256], mnt[PATH_MAX + 256], type[64];
	static char path[PATH_MAX];
	FILE *f = fopen("/proc/mounts", "re");
	int err = 0;

	memset(t, 0, sizeof(*t));
	if (!f)
		return -errno;
	while (!err && fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%*s %4351s %63s", mnt, type) != 2)
			continue;
		if (strncmp(type, "bpf", 3))
			continue;
		unescape_octal(mnt);
		if (strlen(mnt) >= sizeof(path))
			continue;
		strcpy(path, mnt);
		err = walk(kind, path, strlen(path), 0, t);
	}
	fclose(f);
	if (t->n)
		qsort(t->v, t->n, sizeof(*t->v), by_id);
	return err;
}

size_t pins_of(const struct pin_table *t, uint32_t id, const struct pin **first)
{
	size_t lo = 0, hi = t->n, n = 0;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (t->v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = t->v + lo;
	while (lo + n < t->n && t->v[lo + n].id == id)
		n++;
	return n;
}

void pins_free(struct pin_table *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->v[i].path);
	free(t->v);
	memset(t, 0, sizeof(*t));
}

const struct pin **pins_ordered(const struct pin_table *t, uint32_t id, size_t *n)
{
	const struct pin *pins, **order = NULL;
	size_t *buf = NULL, *idx, i;
	uint32_t *seq = NULL;

	/* pins_of() gives them newest first; hash_order() wants oldest first. */
	*n = pins_of(t, id, &pins);
	if (!*n)
		return NULL;
	seq = malloc(*n * sizeof(*seq));
	buf = malloc(2 * *n * sizeof(*buf));
	order = calloc(*n, sizeof(*order));
	if (!seq || !buf || !order) {
		free(order);
		order = NULL;
		*n = 0;
		goto out;
	}
	for (i = 0; i < *n; i++)
		seq[i] = pins[*n - 1 - i].seq;
	idx = hash_order(seq, *n, t->n, buf);
	for (i = 0; i < *n; i++)
		order[i] = &pins[*n - 1 - idx[i]];
out:
	free(seq);
	free(buf);
	return order;
}
