/* bpffs: the BPF filesystem: is a path on one, pin there (mounting one
 * first if need be), and find every pinned object under every mounted
 * bpffs (for -f).  Returns -errno, never prints. */
#ifndef BPFBOX_BPFFS_H
#define BPFBOX_BPFFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/idtab.h"

bool bpffs_is(const char *path);
/* Whether a pin can go at path, decided before anything is mounted for
 * it: 0 (*on_bpffs: its directory is on a bpffs already), -EEXIST (the
 * name exists), -ENOENT (its directory does not), -ENOTDIR (the
 * directory is not one), -ENAMETOOLONG (the path or its last name is
 * over PATH_MAX/NAME_MAX). */
int bpffs_pin_check(const char *path, bool *on_bpffs);
/* Pin fd at path.  With mount_first, a private bpffs is mounted on the
 * path's directory first, as bpftool does (the directory made a private
 * mount, bind-mounted onto itself if it is not one); if the mount or the
 * pin fails, what was mounted is unmounted again.  On failure *step says
 * which mount(8)-like step failed, or is NULL when the pin did. */
int bpffs_pin(int fd, const char *path, bool mount_first, const char **step);
/* Mount a private filesystem of type (tracefs for tracelog) on dir as
 * bpftool mounts bpffs; mount_step names the last step ("mount -t
 * tracefs").  What it mounted is unmounted again if a step fails. */
int fs_mount(const char *dir, const char *type, const char *mount_step, const char **step);

struct pin {
	struct idtab_key k;	/* the object's id, the pin's discovery order */
	char *path;
};

/* Collect the pins of objects of fd kind `kind` (sys_proc.h FD_MAP or
 * FD_PROG) under every bpffs mount into t (struct pin entries, sorted;
 * idtab_hash_ordered() gives one object's pins in bpftool's order). */
int pins_collect(int kind, struct idtab *t);
void pins_free(struct idtab *t);

#endif
