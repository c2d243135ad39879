/* The subset of the kernel's perf_event UAPI (include/uapi/linux/
 * perf_event.h) that "map event_pipe" uses, written out by hand so that
 * the tree needs no kernel headers.  Numbers and layouts are ABI. */
#ifndef BPFBOX_UAPI_PERF_EVENT_H
#define BPFBOX_UAPI_PERF_EVENT_H

#include <stdint.h>

#define PERF_TYPE_SOFTWARE 1
#define PERF_COUNT_SW_BPF_OUTPUT 10

/* sample_type bits */
#define PERF_SAMPLE_TIME (1U << 2)
#define PERF_SAMPLE_RAW (1U << 10)

#define PERF_FLAG_FD_CLOEXEC (1UL << 3)

/* _IO('$', 0) */
#define PERF_EVENT_IOC_ENABLE 0x2400

/* The first version of the attr (PERF_ATTR_SIZE_VER0, 64 bytes): every
 * kernel takes it.  The one-bit flags (disabled, inherit, ...) share a
 * u64 the kernel reads as a bitfield; event_pipe sets none of them. */
struct perf_event_attr {
	uint32_t type;
	uint32_t size;
	uint64_t config;
	uint64_t sample_period;		/* or sample_freq */
	uint64_t sample_type;
	uint64_t read_format;
	uint64_t flags;
	uint32_t wakeup_events;		/* or wakeup_watermark */
	uint32_t bp_type;
	uint64_t config1;
};

/* The first page of a perf ring.  Its first KiB holds the self-monitoring
 * fields, which bpfbox does not read; data_head/data_tail sit at 1024. */
struct perf_event_mmap_page {
	uint8_t self_monitoring[1024];
	uint64_t data_head;		/* written by the kernel */
	uint64_t data_tail;		/* written by the reader */
	uint64_t data_offset;		/* 4.1+ */
	uint64_t data_size;
};

struct perf_event_header {
	uint32_t type;
	uint16_t misc;
	uint16_t size;
};

/* Record types */
#define PERF_RECORD_LOST 2
#define PERF_RECORD_SAMPLE 9

#endif
