/* probe: what this kernel (or an offload device) accepts, asked as
 * libbpf's probes and bpftool's feature.c ask (the helper table asks
 * several helpers in one load, with the same answers: see probe.c).
 * Every probe answers true or false and leaves the errno of its last
 * load in p->err (0 when it loaded), for the unprivileged run, where
 * EPERM means "not allowed" rather than "not there".  Never prints. */
#ifndef BPFBOX_PROBE_H
#define BPFBOX_PROBE_H

#include <stdbool.h>
#include <stdint.h>

#include "uapi/bpf.h"

#define PROBE_HELPER_BYTES ((BPF_HELPER_COUNT + 7) / 8)

struct probe {
	uint32_t ifindex;	/* 0: the kernel, else the device probed */
	uint32_t kern_version;	/* for kprobe programs */
	bool netronome;		/* the device's firmware has its own words */
	int err;
	uint8_t beyond_last[PROBE_HELPER_BYTES];	/* ids this kernel lacks */
	int maps[3];		/* map arguments of helper probes, or -1 */
	char log[4096];		/* the verifier log of the last helper probe */
};

/* ifname/ifindex of the device for "dev NAME", or NULL/0. */
void probe_init(struct probe *p, const char *ifname, uint32_t ifindex);
bool probe_bpf_syscall(void);
bool probe_prog_type(struct probe *p, uint32_t type);
bool probe_map_type(struct probe *p, uint32_t type);
bool probe_helper(struct probe *p, uint32_t prog_type, uint32_t id);

/* Every wanted helper (bit id of want) for every program type with
 * types[type] set: bit id of bits[type] set when it is available.  With
 * unprivileged, a load refused with EPERM counts as "not available".
 * Runs one worker process per CPU (at most PROBE_MAX_WORKERS). */
#define PROBE_MAX_WORKERS 8
void probe_helper_table(struct probe *p, const bool *types, const uint8_t *want,
			bool unprivileged, uint8_t (*bits)[PROBE_HELPER_BYTES]);

enum probe_misc {
	PROBE_LARGE_INSN_LIMIT,	/* 5.3: a million instructions */
	PROBE_BOUNDED_LOOPS,	/* 5.3 */
	PROBE_V2_ISA,		/* 4.14: JLT, JLE, JSLT, JSLE */
	PROBE_V3_ISA,		/* 5.1: JMP32 */
	PROBE_V4_ISA,		/* 6.6: sign extension, JMP32 | JA, ... */
};
bool probe_misc(struct probe *p, enum probe_misc which);

#endif
