/* sys_perf: perf event rings as the kernel's perf_event UAPI defines them
 * (data_head written by the kernel, read with acquire; data_tail written
 * by us with release; records 8-byte aligned, possibly wrapping), and BPF
 * ring buffers as kernel/bpf/ringbuf.c maps them (consumer_pos page RW at
 * offset 0; producer_pos page and the data area, mapped twice in a row so
 * a record never wraps, RO at one page).  Same protocol as libbpf's
 * perf_buffer and ring_buffer readers. */
#include "kernel/sys_perf.h"
#include "uapi/bpf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

/* perf_event_open(2) is older than bpf(2): every libc has its number. */
int sys_perf_event_open(const struct perf_event_attr *attr, int pid, int cpu,
			int group_fd, unsigned long flags)
{
	long ret = syscall(SYS_perf_event_open, attr, pid, cpu, group_fd, flags);

	return ret < 0 ? -errno : (int)ret;
}

/* ---- perf event rings ------------------------------------------------ */

int perf_ring_open(struct perf_ring *r, const struct perf_event_attr *attr,
		   int cpu, unsigned data_pages)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	int err;

	memset(r, 0, sizeof(*r));
	r->fd = sys_perf_event_open(attr, -1, cpu, -1, PERF_FLAG_FD_CLOEXEC);
	if (r->fd < 0)
		return r->fd;
	r->data_size = page * data_pages;
	r->map_size = page + r->data_size;
	r->base = mmap(NULL, r->map_size, PROT_READ | PROT_WRITE, MAP_SHARED, r->fd, 0);
	if (r->base == MAP_FAILED) {
		err = -errno;
		r->base = NULL;
		perf_ring_close(r);
		return err;
	}
	if (ioctl(r->fd, PERF_EVENT_IOC_ENABLE, 0) < 0) {
		err = -errno;
		perf_ring_close(r);
		return err;
	}
	return 0;
}

int perf_ring_read(struct perf_ring *r,
		   int (*fn)(const struct perf_event_header *h, void *ctx), void *ctx)
{
	struct perf_event_mmap_page *hdr = r->base;
	uint8_t *data = (uint8_t *)r->base + (r->map_size - r->data_size);
	uint64_t head = __atomic_load_n(&hdr->data_head, __ATOMIC_ACQUIRE);
	uint64_t tail = hdr->data_tail;
	int ret = 0;

	while (tail != head && !ret) {
		size_t off = (size_t)(tail & (r->data_size - 1));
		const struct perf_event_header *h = (const void *)(data + off);
		size_t size = h->size;

		/* Records are 8-byte aligned, so a header never wraps. */
		if (size < sizeof(*h) || size > head - tail) {
			tail = head;	/* not a record: drop the rest */
			break;
		}
		if (off + size > r->data_size) {
			size_t first = r->data_size - off;

			if (size > r->copy_size) {
				uint8_t *c = realloc(r->copy, size);

				if (!c)
					return -ENOMEM;
				r->copy = c;
				r->copy_size = size;
			}
			memcpy(r->copy, data + off, first);
			memcpy(r->copy + first, data, size - first);
			h = (const void *)r->copy;
		}
		ret = fn(h, ctx);
		tail += size;
		__atomic_store_n(&hdr->data_tail, tail, __ATOMIC_RELEASE);
	}
	if (tail == head)
		__atomic_store_n(&hdr->data_tail, tail, __ATOMIC_RELEASE);
	return ret;
}

void perf_ring_close(struct perf_ring *r)
{
	if (r->base)
		munmap(r->base, r->map_size);
	if (r->fd >= 0)
		close(r->fd);
	free(r->copy);
	memset(r, 0, sizeof(*r));
	r->fd = -1;
}

/* ---- BPF ring buffers ------------------------------------------------ */

int bpf_ring_open(struct bpf_ring *r, int map_fd, uint32_t max_entries)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	void *p;
	int err;

	memset(r, 0, sizeof(*r));
	/* max_entries is a power-of-two multiple of the page size. */
	if (!max_entries || (max_entries & (max_entries - 1)))
		return -EINVAL;
	p = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, map_fd, 0);
	if (p == MAP_FAILED)
		return -errno;
	r->consumer = p;
	r->producer_size = page + 2 * (size_t)max_entries;
	p = mmap(NULL, r->producer_size, PROT_READ, MAP_SHARED, map_fd, (off_t)page);
	if (p == MAP_FAILED) {
		err = -errno;
		munmap(r->consumer, page);
		memset(r, 0, sizeof(*r));
		return err;
	}
	r->producer = p;
	r->data = (const uint8_t *)p + page;
	r->mask = max_entries - 1;
	return 0;
}

int bpf_ring_read(struct bpf_ring *r,
		  int (*fn)(const void *data, uint32_t len, void *ctx), void *ctx)
{
	uint64_t cons = __atomic_load_n(r->consumer, __ATOMIC_ACQUIRE), prod;
	int ret = 0;

	prod = __atomic_load_n(r->producer, __ATOMIC_ACQUIRE);
	while (cons < prod && !ret) {
		const uint32_t *hdr = (const uint32_t *)(r->data + (cons & r->mask));
		uint32_t len = __atomic_load_n(hdr, __ATOMIC_ACQUIRE);

		if (len & BPF_RINGBUF_BUSY_BIT)
			break;		/* still being written: later */
		if (!(len & BPF_RINGBUF_DISCARD_BIT))
			ret = fn(hdr + 2, len & ~BPF_RINGBUF_DISCARD_BIT, ctx);
		len &= ~BPF_RINGBUF_DISCARD_BIT;
		cons += ((uint64_t)len + BPF_RINGBUF_HDR_SZ + 7) & ~(uint64_t)7;
		/* Give the space back record by record: the producer may
		 * be waiting for it. */
		__atomic_store_n(r->consumer, cons, __ATOMIC_RELEASE);
		if (cons >= prod)
			prod = __atomic_load_n(r->producer, __ATOMIC_ACQUIRE);
	}
	return ret;
}

void bpf_ring_close(struct bpf_ring *r)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);

	if (r->consumer)
		munmap(r->consumer, page);
	if (r->producer)
		munmap((void *)r->producer, r->producer_size);
	memset(r, 0, sizeof(*r));
}
