/* pids: which processes hold a map or program open (bpftool's "pids
 * comm(pid)"), found by reading /proc/PID/fd and fdinfo instead of
 * loading a BPF iterator program.  Collection returns -errno and never
 * prints; refs_plain/refs_json format one object's holders. */
#ifndef BPFBOX_PIDS_H
#define BPFBOX_PIDS_H

#include <stddef.h>
#include <stdint.h>

#include "lib/idtab.h"
#include "output/json.h"

enum refs_kind { REFS_MAP, REFS_PROG, REFS_BTF, REFS_LINK };

struct obj_ref {
	struct idtab_key k;	/* the object's id; discovery (task) order */
	int pid;
	char comm[16];
};

/* Fills r with struct obj_ref entries, sorted; free with idtab_free(). */
int refs_collect(struct idtab *r, enum refs_kind kind);
void refs_plain(const struct idtab *r, uint32_t id, const char *prefix);
void refs_json(const struct idtab *r, uint32_t id, struct json *j);

/* Parse "map_id:\t12" (or prog_id) out of an fdinfo text: the id or 0. */
uint32_t fdinfo_id(const char *text, const char *key);

#endif
