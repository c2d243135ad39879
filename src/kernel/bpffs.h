/* bpffs: the BPF filesystem: is a path on one, mount one, and find every
 * pinned object under every mounted bpffs (for -f).  Returns -errno,
 * never prints. */
#ifndef BPFBOX_BPFFS_H
#define BPFBOX_BPFFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

bool bpffs_is(const char *path);
/* Mount a private bpffs on dir as bpftool does (make the mount point
 * private, bind-mounting it onto itself first if it is not a mount).
 * On failure *step says which mount(8)-like step failed. */
int bpffs_mount(const char *dir, const char **step);
/* The same for a filesystem of another type (tracefs for tracelog);
 * mount_step names the last step ("mount -t tracefs"). */
int fs_mount(const char *dir, const char *type, const char *mount_step, const char **step);

struct pin {
	uint32_t id;
	uint32_t seq;		/* discovery order */
	char *path;
};

struct pin_table {
	struct pin *v;
	size_t n, cap;
};

/* Collect the pins of objects of fd kind `kind` (sys_proc.h FD_MAP or
 * FD_PROG) under every bpffs mount, sorted by id. */
int pins_collect(int kind, struct pin_table *t);
/* The pins of one id: *first and the count, in bpftool's print order. */
size_t pins_of(const struct pin_table *t, uint32_t id, const struct pin **first);
/* The pins of one id in the order bpftool prints them (it replays how
 * libbpf's hashmap reorders them); NULL when none.  Free the array. */
const struct pin **pins_ordered(const struct pin_table *t, uint32_t id, size_t *n);
void pins_free(struct pin_table *t);

#endif
