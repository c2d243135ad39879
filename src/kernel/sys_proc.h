/* sys_proc: facts the kernel gives through /proc and /sys rather than
 * bpf(2): possible CPUs, an fd's fdinfo and its object kind.
 * Functions return -errno on failure and never print. */
#ifndef BPFBOX_SYS_PROC_H
#define BPFBOX_SYS_PROC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Number of possible CPUs (/sys/devices/system/cpu/possible), cached. */
int sys_possible_cpus(void);
/* Which of CPUs 0..n-1 are online (/sys/devices/system/cpu/online). */
int sys_cpus_online(bool *online, int n);
/* Read a CPU list such as "0-3,6" (the sysfs format): returns how many
 * CPUs it names and, when set is not NULL, marks those below n. */
int cpu_list_parse(const char *list, bool *set, int n);
static inline int cpu_list_count(const char *list)
{
	return cpu_list_parse(list, NULL, 0);
}

struct fdinfo {
	char text[4096];
};
int sys_fdinfo(int fd, struct fdinfo *fi);
/* The value of the line "key:\tvalue", copied into buf; NULL when absent. */
const char *fdinfo_get(const struct fdinfo *fi, const char *key,
		       char *buf, size_t size);

enum fd_kind { FD_OTHER, FD_PROG, FD_MAP, FD_LINK };
int sys_fd_kind(int fd);	/* enum fd_kind, or -errno */

/* All of fd, malloc'd (sysfs and /proc sizes are only hints); -errno,
 * -EFBIG past 1 GiB. */
int sys_read_fd(int fd, uint8_t **out, size_t *out_len);

/* An offloaded object's interface name, when it is in our network
 * namespace (bpftool's ifindex_to_name_ns(), which compares the
 * namespace's device and inode as 32-bit values); NULL otherwise.  name
 * has room for IF_NAMESIZE. */
const char *sys_ifname_ns(uint32_t ifindex, uint64_t ns_dev, uint64_t ns_ino, char *name);

/* Each mount point of filesystem type fstype in /proc/mounts, in order,
 * with the kernel's \ooo escapes undone, until fn returns non-zero.
 * Returns what fn returned, 0 after the last, or -errno. */
int sys_mounts_of(const char *fstype, int (*fn)(const char *dir, void *ctx), void *ctx);
/* The first of them into dir: 1, 0 when there is none (or it does not
 * fit), or -errno. */
int sys_mount_first(const char *fstype, char *dir, size_t size);

#endif
