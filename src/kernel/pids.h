/* pids: which processes hold a map or program open (bpftool's "pids
 * comm(pid)"), found by reading /proc/PID/fd and fdinfo instead of
 * loading a BPF iterator program.  Collection returns -errno and never
 * prints; refs_plain/refs_json format one object's holders. */
#ifndef BPFBOX_PIDS_H
#define BPFBOX_PIDS_H

#include <stddef.h>
#include <stdint.h>

#include "output/json.h"

enum refs_kind { REFS_MAP, REFS_PROG, REFS_BTF, REFS_LINK };

struct obj_ref {
	uint32_t id;
	int pid;
	uint32_t seq;
	char comm[16];
};

struct obj_refs {
	struct obj_ref *v;
	size_t n, cap;
};

int refs_collect(struct obj_refs *r, enum refs_kind kind);
void refs_free(struct obj_refs *r);
void refs_plain(const struct obj_refs *r, uint32_t id, const char *prefix);
void refs_json(const struct obj_refs *r, uint32_t id, struct json *j);

/* Parse "map_id:\t12" (or prog_id) out of an fdinfo text: the id or 0. */
uint32_t fdinfo_id(const char *text, const char *key);

#endif
