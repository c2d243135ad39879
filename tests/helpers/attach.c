/* attach: set up attachments for the net, link, cgroup and perf tests,
 * through bpfbox's own netlink and bpf(2) layers (no iproute2, no libbpf).
 * Run it inside the test's own network namespace (unshare -n).
 *
 *   attach up DEV                      set DEV up (RTM_NEWLINK)
 *   attach veth NAME PEER              create a veth pair (RTM_NEWLINK), both up
 *   attach netkit NAME PEER            the same for a netkit pair (6.7+)
 *   attach tc DEV PROG {ingress|egress|MAJOR} NAME
 *       a direct-action cls_bpf filter running the pinned PROG, named NAME
 *       (RTM_NEWTFILTER), on a clsact hook (the clsact qdisc is added,
 *       or kept if there) or on the qdisc or class MAJOR:MINOR (hex)
 *   attach qdisc DEV KIND MAJOR        a root qdisc (prio 1), or ingress ffff
 *   attach link TYPE PROG TARGET LINKPIN
 *       BPF_LINK_CREATE of attach type TYPE (libbpf's name) on TARGET:
 *       an interface (xdp, tcx_*), a cgroup path (cgroup_*), a pinned
 *       map (sk_skb_*, sk_msg_verdict: a sockmap), "netns"
 *       (flow_dissector: ours), or "PF:HOOK:PRIO" (netfilter); pinned
 *   attach rawtp PROG TP               BPF_RAW_TRACEPOINT_OPEN, then print
 *       "ready" and hold the fd until killed (perf show)
 *   attach perf EVENT PROG [LINKPIN]
 *       perf_event_open of EVENT on CPU 0 (tp:ID for a tracepoint, the id
 *       read from tracefs; sw:N for software event N) with PROG attached
 *       (PERF_EVENT_IOC_SET_BPF, or a BPF_PERF_EVENT link pinned at
 *       LINKPIN); prints "ready" and holds the event until killed
 * Exit status 0 on success; errors name the step and the kernel's text. */
#include "kernel/sys_bpf.h"
#include "kernel/sys_perf.h"
#include "kernel/sys_netlink.h"
#include "lib/names.h"

#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define PERF_TYPE_TRACEPOINT 2
#define PERF_EVENT_IOC_SET_BPF 0x40042408	/* _IOW('$', 8, __u32) */

static struct nl_sock nl;

static int die(const char *what, int err)
{
	fprintf(stderr, "attach: %s: %s%s%s\n", what, strerror(-err),
		*nl.ext_ack ? ": " : "", nl.ext_ack);
	return 1;
}

static int talk(struct nl_msg *m, const char *what)
{
	int err = nl_talk(&nl, m, NULL, NULL);

	return err ? die(what, err) : 0;
}

static int dev_index(const char *name)
{
	int i = (int)if_nametoindex(name);

	if (!i)
		fprintf(stderr, "attach: no interface %s\n", name);
	return i;
}

static int set_up(const char *dev)
{
	struct ifinfomsg ifi;
	struct nl_msg m;

	memset(&ifi, 0, sizeof(ifi));
	ifi.ifi_index = dev_index(dev);
	ifi.ifi_flags = NL_IFF_UP;
	ifi.ifi_change = NL_IFF_UP;
	if (!ifi.ifi_index)
		return 1;
	nl_msg_init(&m, RTM_NEWLINK, 0, &ifi, sizeof(ifi));
	return talk(&m, "set up");
}

/* veth and netkit both take the peer as attribute 1 of their data:
 * an ifinfomsg followed by the peer's attributes. */
static int pair(const char *kind, const char *name, const char *peer)
{
	struct ifinfomsg ifi;
	struct nl_msg m;
	size_t info, data, p;

	memset(&ifi, 0, sizeof(ifi));
	nl_msg_init(&m, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, &ifi, sizeof(ifi));
	nl_put_str(&m, IFLA_IFNAME, name);
	info = nl_nest_start(&m, IFLA_LINKINFO);
	nl_put_str(&m, IFLA_INFO_KIND, kind);
	data = nl_nest_start(&m, IFLA_INFO_DATA);
	p = nl_nest_start(&m, VETH_INFO_PEER);
	nl_append(&m, &ifi, sizeof(ifi));
	nl_put_str(&m, IFLA_IFNAME, peer);
	nl_nest_end(&m, p);
	nl_nest_end(&m, data);
	nl_nest_end(&m, info);
	if (talk(&m, kind))
		return 1;
	return set_up(name) || set_up(peer);
}

static int tc(const char *dev, const char *prog, const char *dir, const char *name)
{
	struct tcmsg t;
	struct nl_msg m;
	size_t opts;
	int fd, err;

	memset(&t, 0, sizeof(t));
	t.tcm_ifindex = dev_index(dev);
	if (!t.tcm_ifindex)
		return 1;
	fd = sys_obj_get(prog, 0);
	if (fd < 0)
		return die(prog, fd);
	if (!strcmp(dir, "ingress") || !strcmp(dir, "egress")) {
		t.tcm_handle = TC_H_MAKE(TC_H_CLSACT, 0);
		t.tcm_parent = TC_H_CLSACT;
		nl_msg_init(&m, RTM_NEWQDISC, NLM_F_CREATE | NLM_F_EXCL, &t, sizeof(t));
		nl_put_str(&m, TCA_KIND, "clsact");
		err = nl_talk(&nl, &m, NULL, NULL);
		if (err && err != -EEXIST)
			return die("clsact qdisc", err);
		t.tcm_parent = TC_H_MAKE(TC_H_CLSACT, strcmp(dir, "egress") ? TC_H_MIN_INGRESS
									 : TC_H_MIN_EGRESS);
	} else {
		unsigned maj = 0, min = 0;

		if (sscanf(dir, "%x:%x", &maj, &min) < 1)
			return 2;
		t.tcm_parent = (maj << 16) | min;
	}
	t.tcm_handle = 1;
	t.tcm_info = (1U << 16) | 0x0300;	/* prio 1, ETH_P_ALL in network order */
	nl_msg_init(&m, RTM_NEWTFILTER, NLM_F_CREATE | NLM_F_EXCL, &t, sizeof(t));
	nl_put_str(&m, TCA_KIND, "bpf");
	opts = nl_nest_start(&m, TCA_OPTIONS);
	nl_put_u32(&m, TCA_BPF_FD, (uint32_t)fd);
	nl_put_str(&m, TCA_BPF_NAME, name);
	nl_put_u32(&m, TCA_BPF_FLAGS, TCA_BPF_FLAG_ACT_DIRECT);
	nl_nest_end(&m, opts);
	return talk(&m, "cls_bpf filter");
}

static int qdisc(const char *dev, const char *kind, const char *major)
{
	struct tcmsg t;
	struct nl_msg m;

	memset(&t, 0, sizeof(t));
	t.tcm_ifindex = dev_index(dev);
	if (!t.tcm_ifindex)
		return 1;
	t.tcm_handle = (uint32_t)strtoul(major, NULL, 16) << 16;
	/* the ingress qdisc hangs where clsact does */
	t.tcm_parent = strcmp(kind, "ingress") ? TC_H_ROOT : TC_H_CLSACT;
	nl_msg_init(&m, RTM_NEWQDISC, NLM_F_CREATE | NLM_F_EXCL, &t, sizeof(t));
	nl_put_str(&m, TCA_KIND, kind);
	return talk(&m, "qdisc");
}

static int link_create(const char *type, const char *prog, const char *target, const char *pin)
{
	struct bpf_attr_link_create a;
	int t = attach_type_parse(type), fd, tfd = -1;

	if (t < 0) {
		fprintf(stderr, "attach: unknown attach type %s\n", type);
		return 2;
	}
	memset(&a, 0, sizeof(a));
	a.attach_type = (uint32_t)t;
	fd = sys_obj_get(prog, 0);
	if (fd < 0)
		return die(prog, fd);
	a.prog_fd = (uint32_t)fd;
	if (t == BPF_NETFILTER) {
		if (sscanf(target, "%u:%u:%d", &a.netfilter.pf, &a.netfilter.hooknum,
			   &a.netfilter.priority) != 3)
			return 2;
	} else if (t == BPF_FLOW_DISSECTOR) {
		tfd = open("/proc/self/ns/net", O_RDONLY);
	} else if (!strncmp(type, "cgroup_", 7)) {
		tfd = open(target, O_RDONLY | O_DIRECTORY);
	} else if (!strncmp(type, "sk_", 3)) {
		tfd = sys_obj_get(target, 0);
		if (tfd < 0)
			return die(target, tfd);
	} else {
		a.target_fd = (uint32_t)dev_index(target);
		if (!a.target_fd)
			return 1;
	}
	if (tfd >= 0)
		a.target_fd = (uint32_t)tfd;
	fd = sys_link_create(&a);
	if (fd < 0)
		return die("link create", fd);
	fd = sys_obj_pin(fd, pin);
	return fd ? die(pin, fd) : 0;
}

static int hold(void)
{
	printf("ready\n");
	fflush(stdout);
	for (;;)
		pause();
	return 0;
}

static int rawtp(const char *prog, const char *tp)
{
	struct { uint64_t name; uint32_t prog_fd; } a;
	int fd = sys_obj_get(prog, 0);

	if (fd < 0)
		return die(prog, fd);
	a.name = (uintptr_t)tp;
	a.prog_fd = (uint32_t)fd;
	fd = sys_bpf(BPF_RAW_TRACEPOINT_OPEN, &a, sizeof(a));
	if (fd < 0)
		return die("raw tracepoint open", fd);
	return hold();
}

static int perf(const char *event, const char *prog, const char *pin)
{
	struct perf_event_attr pa;
	int fd, pfd, err;

	memset(&pa, 0, sizeof(pa));
	pa.size = sizeof(pa);
	pa.sample_period = 1000000;
	if (sscanf(event, "tp:%llu", (unsigned long long *)&pa.config) == 1)
		pa.type = PERF_TYPE_TRACEPOINT;
	else if (sscanf(event, "sw:%llu", (unsigned long long *)&pa.config) == 1)
		pa.type = PERF_TYPE_SOFTWARE;
	else
		return 2;
	fd = sys_obj_get(prog, 0);
	if (fd < 0)
		return die(prog, fd);
	pfd = sys_perf_event_open(&pa, -1, 0, -1, 0);
	if (pfd < 0)
		return die("perf_event_open", pfd);
	if (pin) {
		struct bpf_attr_link_create a;

		memset(&a, 0, sizeof(a));
		a.prog_fd = (uint32_t)fd;
		a.target_fd = (uint32_t)pfd;
		a.attach_type = BPF_PERF_EVENT;
		err = sys_link_create(&a);
		if (err < 0)
			return die("link create", err);
		err = sys_obj_pin(err, pin);
	} else {
		err = ioctl(pfd, PERF_EVENT_IOC_SET_BPF, fd) ? -errno : 0;
	}
	return err ? die("attach", err) : hold();
}

int main(int argc, char **argv)
{
	int err;

	if (argc == 4 && !strcmp(argv[1], "rawtp"))
		return rawtp(argv[2], argv[3]);
	if ((argc == 4 || argc == 5) && !strcmp(argv[1], "perf"))
		return perf(argv[2], argv[3], argc == 5 ? argv[4] : NULL);
	if (argc == 6 && !strcmp(argv[1], "link"))
		return link_create(argv[2], argv[3], argv[4], argv[5]);
	err = nl_open(&nl, NETLINK_ROUTE);
	if (err)
		return die("netlink socket", err);
	if (argc == 3 && !strcmp(argv[1], "up"))
		return set_up(argv[2]);
	if (argc == 4 && (!strcmp(argv[1], "veth") || !strcmp(argv[1], "netkit")))
		return pair(argv[1], argv[2], argv[3]);
	if (argc == 5 && !strcmp(argv[1], "qdisc"))
		return qdisc(argv[2], argv[3], argv[4]);
	if (argc == 6 && !strcmp(argv[1], "tc"))
		return tc(argv[2], argv[3], argv[4], argv[5]);
	fprintf(stderr, "usage: attach {up DEV | {veth|netkit} NAME PEER | tc DEV PROG DIR NAME | qdisc DEV KIND MAJOR |\n"
			"               link TYPE PROG TARGET LINKPIN | rawtp PROG TP}\n");
	return 2;
}
