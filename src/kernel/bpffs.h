/* bpffs: the BPF filesystem: is a path on one, mount one, and find every
 * pinned object under every mounted bpffs (for -f).  Returns -errno,
 * never prints. */
#ifndef BPFBOX_BPFFS_H
#define BPFBOX_BPFFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/idtab.h"

bool bpffs_is(const char *path);
/* Mount a private bpffs on dir as bpftool does (make the mount point
 * private, bind-mounting it onto itself first if it is not a mount).
 * On failure *step says which mount(8)-like step failed. */
int bpffs_mount(const char *dir, const char **step);

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
