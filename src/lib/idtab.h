/* idtab: objects and who refers to them (pins of a map, processes
 * holding a program, programs using a BTF object), one table shape for
 * all: entries appended in discovery order, sorted once by id, then
 * looked up as the run of entries of one id.  Each entry is a caller's
 * struct that starts with a struct idtab_key. */
#ifndef BPFBOX_IDTAB_H
#define BPFBOX_IDTAB_H

#include <stddef.h>
#include <stdint.h>

struct idtab_key {
	uint32_t id;
	uint32_t seq;		/* discovery order: index among all adds */
};

struct idtab {
	void *v;		/* n entries of `size` bytes */
	size_t n, cap, size;
};

void idtab_init(struct idtab *t, size_t entry_size);
/* A new zeroed entry for id, its key filled in; NULL when out of memory
 * (the table is unchanged then).  Pointers into the table stay valid
 * only until the next add. */
void *idtab_add(struct idtab *t, uint32_t id);
/* By id, discovery order kept within an id.  Call once, after the adds. */
void idtab_sort(struct idtab *t);
/* The entries of one id, a contiguous run in discovery order; NULL and
 * *n = 0 when there are none. */
const void *idtab_of(const struct idtab *t, uint32_t id, size_t *n);
/* The same run in the order a libbpf hashmap holding every entry of the
 * table lists them (hash_order.c): a malloc'd array of copies of the
 * entries, or NULL with *n = 0 when none or out of memory. */
void *idtab_hash_ordered(const struct idtab *t, uint32_t id, size_t *n);
void idtab_free(struct idtab *t);

#endif
