/* cpus: what work split over processes needs: how many CPUs we may run
 * on, and reaping a worker.  feature probe's helper chains and map
 * dump's read-ahead use them; both run alone where only one CPU is ours. */
#ifndef BPFBOX_CPUS_H
#define BPFBOX_CPUS_H

#include <stdbool.h>
#include <sys/types.h>

/* The CPUs in our affinity mask (1 when it cannot be read). */
unsigned cpus_usable(void);
/* Wait for a child through EINTR: true if it exited with status 0. */
bool child_reap(pid_t pid);

#endif
