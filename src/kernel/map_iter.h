/* map_iter: read every entry of a map, in kernel order, in big batches
 * (BPF_MAP_LOOKUP_BATCH, 5.6) where the map type allows, else with
 * get_next_key + lookup.  Both paths yield the same entries in the same
 * order.  A walk longer than one batch reads ahead in a child process
 * (see map_iter.c).  Returns -errno, never prints. */
#ifndef BPFBOX_MAP_ITER_H
#define BPFBOX_MAP_ITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "uapi/bpf.h"

struct map_iter {
	int fd;
	uint32_t key_size;
	size_t value_bytes;	/* one entry's value, all CPUs for per-CPU maps */
	bool use_batch;
	bool done;
	/* batch state */
	uint8_t *keys, *values, *in_batch, *out_batch;
	uint32_t cap, count, pos;
	bool started;
	/* read-ahead: a child process fills shared slots; slots is NULL
	 * when there is none, and then reader and sock mean nothing */
	pid_t reader;
	int sock;		/* SOCK_SEQPACKET to the reader */
	uint8_t *slots;
	size_t slot_bytes;
	int slot;		/* slot whose entries we hand out, -1 when none */
	bool readahead_tried;
	/* get_next_key state */
	uint8_t *key, *next_key, *value, *first_key;
	bool have_key, have_first;
	unsigned restarts;
	uint64_t steps, max_steps;
};

/* value_bytes: value_size, or round_up(value_size, 8) * cpus for per-CPU.
 * may_batch false forces the get_next_key path. */
int map_iter_init(struct map_iter *it, int fd, const struct bpf_map_info *info,
		  size_t value_bytes, bool may_batch);
/* Next entry: returns 1 and sets key and value (valid until the next call),
 * 0 at the end, or -errno when reading stops.  A failed per-entry lookup
 * (fallback path) returns 1 with *value NULL and *lookup_err set. */
int map_iter_next(struct map_iter *it, const uint8_t **key,
		  const uint8_t **value, int *lookup_err);
/* How often the map changed under us so that the walk restarted. */
static inline unsigned map_iter_restarts(const struct map_iter *it)
{
	return it->restarts;
}
void map_iter_free(struct map_iter *it);

#endif
