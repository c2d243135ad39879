/* caps: the process's capability sets through capget/capset (the
 * version 3 layout, 64 bits per set), without libcap.  -errno on failure. */
#ifndef BPFBOX_CAPS_H
#define BPFBOX_CAPS_H

#include <stdbool.h>
#include <stdint.h>

#define CAP_NET_ADMIN 12
#define CAP_SYS_ADMIN 21
#define CAP_PERFMON 38	/* 5.8 */
#define CAP_BPF 39	/* 5.8 */

struct caps {
	uint64_t effective, permitted, inheritable;
};

int caps_get(struct caps *c);
int caps_set(const struct caps *c);
/* Does the running kernel know capability cap? (its bounding set does) */
bool cap_known(int cap);

#endif
