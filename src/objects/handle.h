/* handle: MAP := id ID | pinned FILE | name NAME and
 * PROG := id ID | pinned FILE | tag TAG | name NAME, turned into fds.
 * Part of the command layer: it consumes user words and reports errors
 * with bpftool's messages.  All return -1 after reporting. */
#ifndef BPFBOX_HANDLE_H
#define BPFBOX_HANDLE_H

#include "cli/run.h"
#include <stddef.h>
#include <stdint.h>

#include "cli/argv.h"
#include "kernel/sys_bpf.h"
#include "uapi/bpf.h"

struct fd_list {
	int *fds;
	int n;
};

/* Every map the handle names (name may match several); returns n >= 0. */
int map_handle_all(struct run *r, struct args *a, uint32_t open_flags, struct fd_list *l);
/* Exactly one map; returns its fd. */
int map_handle(struct run *r, struct args *a, uint32_t open_flags);
int map_handle_info(struct run *r, struct args *a, uint32_t open_flags, struct bpf_map_info *info);
int prog_handle_all(struct run *r, struct args *a, struct fd_list *l);
int prog_handle(struct run *r, struct args *a);
void fd_list_close(struct fd_list *l);

/* A program's name: bpf_prog_info.name, completed from its BTF func info
 * when the kernel's 15 characters may have cut it (as upstream's
 * get_prog_full_name()). */
void prog_full_name(const struct bpf_prog_info *info, int fd, char *buf, size_t size);

/* Open a pinned object of the expected kind (sys_proc.h FD_MAP/FD_PROG). */
int open_pinned(struct run *r, const char *path, int kind, uint32_t file_flags);

#endif
