/* sys_perf: the two kinds of shared-memory rings "map event_pipe" reads:
 * perf event rings (perf_event_open(2) + mmap, include/uapi/perf_event.h)
 * and BPF ring buffers (a ringbuf map mmapped as the kernel's
 * kernel/bpf/ringbuf.c lays it out), plus the online-CPU list.
 * Functions return -errno and never print; readers hand each record to a
 * callback and publish the consumer position after each one. */
#ifndef BPFBOX_SYS_PERF_H
#define BPFBOX_SYS_PERF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "uapi/perf_event.h"

int sys_perf_event_open(const struct perf_event_attr *attr, int pid, int cpu,
			int group_fd, unsigned long flags);
/* online[i] for CPUs 0..n-1, from /sys/devices/system/cpu/online. */

struct perf_ring {
	int fd;				/* the perf event, -1 when closed */
	void *base;			/* header page, then data_size bytes */
	size_t map_size, data_size;
	uint8_t *copy;			/* a record that wraps, made whole */
	size_t copy_size;
};

/* Open the event on cpu (all processes), map 1 + data_pages pages
 * (a power of two) and enable it. */
int perf_ring_open(struct perf_ring *r, const struct perf_event_attr *attr,
		   int cpu, unsigned data_pages);
/* Hand every record now in the ring to fn, oldest first.  A nonzero
 * return from fn stops the walk and is returned. */
int perf_ring_read(struct perf_ring *r,
		   int (*fn)(const struct perf_event_header *h, void *ctx), void *ctx);
void perf_ring_close(struct perf_ring *r);

struct bpf_ring {
	uint64_t *consumer;		/* RW page: consumer_pos */
	const uint64_t *producer;	/* RO: producer_pos page, then data twice */
	const uint8_t *data;
	size_t producer_size;
	uint64_t mask;			/* data size - 1 */
};

/* Map the ring of a BPF_MAP_TYPE_RINGBUF map of max_entries data bytes. */
int bpf_ring_open(struct bpf_ring *r, int map_fd, uint32_t max_entries);
/* Hand every committed record to fn (discarded ones are skipped), oldest
 * first, stopping at one still being written.  A nonzero return from fn
 * stops the walk and is returned. */
int bpf_ring_read(struct bpf_ring *r,
		  int (*fn)(const void *data, uint32_t len, void *ctx), void *ctx);
void bpf_ring_close(struct bpf_ring *r);

#endif
