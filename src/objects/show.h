/* show: what the "show"/"list" commands of maps, programs and BTF share:
 * bpftool's walk over all objects of a kind (or those a handle named),
 * the -f pin table and the pids table, and how pins print.  Command
 * layer: reports errors through report.c. */
#ifndef BPFBOX_SHOW_H
#define BPFBOX_SHOW_H

#include "cli/run.h"
#include <stdbool.h>
#include <stdint.h>

#include "kernel/bpffs.h"
#include "objects/handle.h"
#include "kernel/pids.h"
#include "kernel/sys_bpf.h"

struct show_ctx {
	struct idtab pins;	/* with -f: every pin of this kind */
	bool have_pins;
	struct idtab refs;	/* processes holding objects of this kind */
};

/* fd_kind: sys_proc.h FD_MAP/FD_PROG; returns 0 or -1 (reported). */
int show_ctx_init(struct run *r, struct show_ctx *c, int fd_kind, enum refs_kind refs);
void show_ctx_free(struct show_ctx *c);
/* "\n\tpinned PATH" per pin, in bpftool's order. */
void show_pins_plain(const struct show_ctx *c, uint32_t id);
/* "pinned": [...] whenever -f found any pin of this kind at all. */
void show_pins_json(struct run *r, const struct show_ctx *c, uint32_t id);

/* bpftool's show walk over every object of a kind (in a JSON array with
 * -j): objects that vanish between their id and the open are skipped;
 * stops at the first failure of show().  Returns 0 or -1. */
int show_all_objects(struct run *r, enum sys_obj kind, uint32_t open_flags,
		     int (*show)(struct run *r, int fd, void *ctx), void *ctx);
/* The same over the objects a handle named (an array only if several);
 * takes n from *_handle_all() and closes the list. */
int show_listed_objects(struct run *r, struct fd_list *l, int n, int (*show)(struct run *r, int fd, void *ctx),
			void *ctx);

/* One member of the object being written in JSON, or the printf-style
 * text of plain mode (nothing when fmt is NULL): net, link and cgroup
 * print most fields this way. */
void show_field_u(struct run *r, const char *name, const char *fmt, unsigned long long v);
void show_field_s(struct run *r, const char *name, const char *fmt, const char *s);

/* One object's "show": its kinds for pins, holders and ids, how a handle
 * names it, and how one object prints. */
struct show_kind {
	int fd_kind;			/* sys_proc.h FD_MAP / FD_PROG */
	enum refs_kind refs;
	enum sys_obj obj;
	uint32_t open_flags;
	int (*handle_all)(struct run *r, struct args *a, struct fd_list *l);
	int (*show)(struct run *r, int fd, void *ctx);	/* ctx: the struct show_ctx */
};

/* "show [HANDLE]" as bpftool's do_show(struct run *r): all objects, or those named. */
int show_command(struct run *r, struct args *a, const struct show_kind *k);

#endif
