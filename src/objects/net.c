/* net: the "net" object as upstream bpftool's net.c and
 * netlink_dumper.c: show (XDP from RTM_GETLINK, tcx and netkit from
 * BPF_PROG_QUERY, cls_bpf filters from RTM_GETTCLASS/GETQDISC/GETTFILTER,
 * the netns flow dissector, netfilter links) and attach/detach of XDP
 * (rtnetlink) and tcx (BPF_PROG_ATTACH).  Netlink goes through
 * kernel/sys_netlink.c. */
#include "cli/options.h"
#include "cli/run.h"
#include "kernel/sys_bpf.h"
#include "kernel/sys_netlink.h"
#include "lib/vec.h"
#include "objects/handle.h"
#include "objects/net.h"
#include "objects/show.h"
#include "output/out.h"

#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- bpftool's NET_* printing: JSON containers or plain text ---- */

static void net_array(struct run *r, const char *name, const char *fmt)
{
	if (r->opt.json) {
		json_name(&r->jw, name);
		json_start_array(&r->jw);
	} else {
		out_fmt(fmt, name);
	}
}

static void net_array_end(struct run *r, const char *plain)
{
	if (r->opt.json)
		json_end_array(&r->jw);
	else
		out_str(plain);
}

static void net_object(struct run *r)
{
	if (r->opt.json)
		json_start_object(&r->jw);
}

/* An entry ends with its object in JSON, with a newline in plain text. */
static void net_object_end(struct run *r, bool newline)
{
	if (r->opt.json)
		json_end_object(&r->jw);
	else if (newline)
		out_char('\n');
}

static void dev_head(struct run *r, const char *name, int ifindex)
{
	if (name && *name)
		show_field_s(r, "devname", "%s", name);
	show_field_u(r, "ifindex", "(%llu)", (unsigned)ifindex);
}

/* ---- show ------------------------------------------------------------ */

struct net_dev {
	int ifindex;
	char name[IF_NAMESIZE];
};

struct net_show {
	struct run *r;
	struct nl_sock nl;
	int filter;		/* ifindex from "dev NAME", or 0 */
	struct net_dev *devs;
	size_t n, cap;
	/* the tc pass */
	const struct net_dev *dev;
	const char *kind;
	struct tc_parent {
		uint32_t handle;
		char kind[32];
	} *parents;
	size_t np, pcap;
	bool qdiscs;
};

static void xdp_prog(struct run *r, const struct nlattr *a, const char *mode, bool own_object)
{
	uint32_t id;

	if (nla_u32(a, &id))
		return;
	if (own_object)
		net_object(r);
	show_field_s(r, "mode", " %s", mode);
	show_field_u(r, "id", " id %llu", id);
	if (own_object)
		net_object_end(r, false);
}

static int xdp_show(struct run *r, const struct nlattr *xdp, const char *name, int ifindex)
{
	static const char *const modes[] = {
		[XDP_ATTACHED_DRV] = "driver", [XDP_ATTACHED_SKB] = "generic",
		[XDP_ATTACHED_HW] = "offload",
	};
	const struct nlattr *tb[IFLA_XDP_MAX + 1];
	uint8_t mode;

	if (nla_parse_nested(tb, IFLA_XDP_MAX, xdp))
		return -EBADMSG;
	if (nla_u8(tb[IFLA_XDP_ATTACHED], &mode) || mode == XDP_ATTACHED_NONE)
		return 0;
	net_object(r);
	dev_head(r, name, ifindex);
	if (mode == XDP_ATTACHED_MULTI) {
		if (r->opt.json) {
			json_name(&r->jw, "multi_attachments");
			json_start_array(&r->jw);
		}
		xdp_prog(r, tb[IFLA_XDP_SKB_PROG_ID], "generic", true);
		xdp_prog(r, tb[IFLA_XDP_DRV_PROG_ID], "driver", true);
		xdp_prog(r, tb[IFLA_XDP_HW_PROG_ID], "offload", true);
		if (r->opt.json)
			json_end_array(&r->jw);
	} else if (mode < XDP_ATTACHED_MULTI) {
		xdp_prog(r, tb[IFLA_XDP_PROG_ID], modes[mode], false);
	}
	net_object_end(r, true);
	return 0;
}

static int on_link(const struct nlmsghdr *h, void *ctx)
{
	struct net_show *s = ctx;
	const struct ifinfomsg *ifi = nl_family(h, sizeof(*ifi));
	const struct nlattr *tb[IFLA_MAX_KNOWN + 1];
	const char *name;
	struct net_dev *v;

	if (!ifi || nla_parse_msg(tb, IFLA_MAX_KNOWN, h, sizeof(*ifi)))
		return -EBADMSG;
	if (s->filter && s->filter != ifi->ifi_index)
		return 0;
	v = vec_room(s->devs, &s->cap, s->n, sizeof(*v));
	if (!v)
		return -ENOMEM;
	s->devs = v;
	name = nla_str(tb[IFLA_IFNAME]);
	s->devs[s->n].ifindex = ifi->ifi_index;
	snprintf(s->devs[s->n].name, IF_NAMESIZE, "%s", name ? name : "");
	s->n++;
	return tb[IFLA_XDP] ? xdp_show(s->r, tb[IFLA_XDP], name, ifi->ifi_index) : 0;
}

/* tcx and netkit: programs and links from BPF_PROG_QUERY (6.6+; older
 * kernels answer EINVAL and the part is skipped, as bpftool does). */
static void flags_list(struct run *r, const char *name, uint32_t flags)
{
	unsigned bit;

	net_array(r, name, "%s ");
	for (bit = 0; bit < 32; bit++)
		if (flags & (1U << bit)) {
			if (r->opt.json)
				json_uint(&r->jw, 1U << bit);
			else
				out_fmt("%u ", 1U << bit);
		}
	net_array_end(r, "");
}

static void mprog_show(struct run *r, const struct net_dev *dev, uint32_t type, const char *where)
{
	uint32_t ids[64], pflags[64], links[64], lflags[64], i;
	struct bpf_attr_prog_query q;
	char name[128];

	memset(&q, 0, sizeof(q));
	memset(pflags, 0, sizeof(pflags));
	memset(links, 0, sizeof(links));
	memset(lflags, 0, sizeof(lflags));
	q.target_fd = (uint32_t)dev->ifindex;
	q.attach_type = type;
	q.prog_ids = (uintptr_t)ids;
	q.prog_attach_flags = (uintptr_t)pflags;
	q.link_ids = (uintptr_t)links;
	q.link_attach_flags = (uintptr_t)lflags;
	q.count = 64;
	if (sys_prog_query(&q))
		return;
	for (i = 0; i < q.count && i < 64; i++) {
		struct bpf_prog_info info;
		int fd = sys_fd_by_id(SYS_OBJ_PROG, ids[i], 0);

		net_object(r);
		dev_head(r, dev->name, dev->ifindex);
		show_field_s(r, "kind", " %s", where);
		if (fd >= 0 && !sys_prog_info(fd, &info) && info.name[0]) {
			prog_full_name(&info, fd, name, sizeof(name));
			show_field_s(r, "name", " %s", name);
		}
		if (fd >= 0)
			close(fd);
		show_field_u(r, "prog_id", " prog_id %llu ", ids[i]);
		if (pflags[i] || r->opt.json)
			flags_list(r, "prog_flags", pflags[i]);
		if (links[i] || r->opt.json) {
			show_field_u(r, "link_id", "link_id %llu ", links[i]);
			if (lflags[i] || r->opt.json)
				flags_list(r, "link_flags", lflags[i]);
		}
		net_object_end(r, true);
	}
}

/* Classes and qdiscs whose filters to list, with their kinds. */
static int on_parent(const struct nlmsghdr *h, void *ctx)
{
	struct net_show *s = ctx;
	const struct tcmsg *t = nl_family(h, sizeof(*t));
	const struct nlattr *tb[TCA_MAX_KNOWN + 1];
	const char *kind;
	struct tc_parent *v;

	if (!t || nla_parse_msg(tb, TCA_MAX_KNOWN, h, sizeof(*t)))
		return -EBADMSG;
	kind = nla_str(tb[TCA_KIND]);
	/* A qdisc dump lists every device's qdiscs: keep this one's. */
	if (s->qdiscs && ((kind && !strcmp(kind, "clsact")) || !t->tcm_handle ||
			  t->tcm_ifindex != s->dev->ifindex))
		return 0;
	v = vec_room(s->parents, &s->pcap, s->np, sizeof(*v));
	if (!v)
		return -ENOMEM;
	s->parents = v;
	s->parents[s->np].handle = t->tcm_handle;
	snprintf(s->parents[s->np].kind, sizeof(v->kind), "%s", kind ? kind : "unknown");
	s->np++;
	return 0;
}

static int act_show(struct run *r, const struct nlattr *acts)
{
	const struct nlattr *tb[TCA_ACT_MAX_PRIO + 1], *act[TCA_ACT_MAX_KNOWN + 1],
		*bpf[TCA_ACT_BPF_MAX + 1];
	const char *kind, *name;
	uint32_t id;
	int i, err = 0;

	if (nla_parse_nested(tb, TCA_ACT_MAX_PRIO, acts))
		return -EBADMSG;
	net_array(r, "act", " %s [");
	for (i = 0; i <= TCA_ACT_MAX_PRIO && !err; i++) {
		if (!tb[i])
			continue;
		if (nla_parse_nested(act, TCA_ACT_MAX_KNOWN, tb[i])) {
			err = -EBADMSG;
			break;
		}
		kind = nla_str(act[TCA_ACT_KIND]);
		if (!kind || strcmp(kind, "bpf"))
			continue;
		if (!act[TCA_ACT_OPTIONS] ||
		    nla_parse_nested(bpf, TCA_ACT_BPF_MAX, act[TCA_ACT_OPTIONS]) ||
		    !bpf[TCA_ACT_BPF_PARMS]) {
			err = -EBADMSG;
			break;
		}
		if (r->opt.json)
			json_start_object(&r->jw);
		else
			out_char('{');
		name = nla_str(bpf[TCA_ACT_BPF_NAME]);
		if (name)
			show_field_s(r, "name", "%s", name);
		if (!nla_u32(bpf[TCA_ACT_BPF_ID], &id))
			show_field_u(r, "id", " id %llu", id);
		if (r->opt.json)
			json_end_object(&r->jw);
		else
			out_char('}');
	}
	net_array_end(r, "] ");
	return err;
}

static int on_filter(const struct nlmsghdr *h, void *ctx)
{
	struct net_show *s = ctx;
	const struct tcmsg *t = nl_family(h, sizeof(*t));
	const struct nlattr *tb[TCA_MAX_KNOWN + 1], *opt[TCA_BPF_MAX + 1];
	const char *kind, *name;
	uint32_t id;
	int err = 0;

	if (!t || nla_parse_msg(tb, TCA_MAX_KNOWN, h, sizeof(*t)))
		return -EBADMSG;
	kind = nla_str(tb[TCA_KIND]);
	if (!tb[TCA_OPTIONS] || !kind || strcmp(kind, "bpf"))
		return 0;
	if (nla_parse_nested(opt, TCA_BPF_MAX, tb[TCA_OPTIONS]))
		return -EBADMSG;
	net_object(s->r);
	dev_head(s->r, s->dev->name, s->dev->ifindex);
	show_field_s(s->r, "kind", " %s", s->kind);
	name = nla_str(opt[TCA_BPF_NAME]);
	if (name)
		show_field_s(s->r, "name", " %s", name);
	if (!nla_u32(opt[TCA_BPF_ID], &id))
		show_field_u(s->r, "id", " id %llu", id);
	if (opt[TCA_BPF_ACT])
		err = act_show(s->r, opt[TCA_BPF_ACT]);
	net_object_end(s->r, true);
	return err;
}

static int tc_dump(struct net_show *s, uint16_t type, uint32_t parent, nl_msg_fn fn)
{
	struct tcmsg t;
	struct nl_msg m;

	memset(&t, 0, sizeof(t));
	t.tcm_ifindex = s->dev->ifindex;
	t.tcm_parent = parent;
	nl_msg_init(&m, type, NLM_F_DUMP, &t, sizeof(t));
	return nl_talk(&s->nl, &m, fn, s);
}

/* cls_bpf filters on each class and qdisc, then on the root and clsact
 * hooks.  A device that vanished answers with an error: skipped. */
static void tc_classic_show(struct net_show *s)
{
	static const struct { uint32_t parent; const char *kind; } hooks[] = {
		{ TC_H_ROOT, "root" },
		{ TC_H_MAKE(TC_H_CLSACT, TC_H_MIN_INGRESS), "clsact/ingress" },
		{ TC_H_MAKE(TC_H_CLSACT, TC_H_MIN_EGRESS), "clsact/egress" },
	};
	size_t i;

	s->np = 0;
	s->qdiscs = false;
	if (tc_dump(s, RTM_GETTCLASS, 0, on_parent))
		return;
	s->qdiscs = true;
	if (tc_dump(s, RTM_GETQDISC, 0, on_parent))
		return;
	for (i = 0; i < s->np; i++) {
		s->kind = s->parents[i].kind;
		if (tc_dump(s, RTM_GETTFILTER, s->parents[i].handle, on_filter))
			return;
	}
	for (i = 0; i < sizeof(hooks) / sizeof(hooks[0]); i++) {
		s->kind = hooks[i].kind;
		if (tc_dump(s, RTM_GETTFILTER, hooks[i].parent, on_filter))
			return;
	}
}

static void tc_show(struct net_show *s)
{
	static const struct { uint32_t type; const char *where; } mprogs[] = {
		{ BPF_TCX_INGRESS, "tcx/ingress" }, { BPF_TCX_EGRESS, "tcx/egress" },
		{ BPF_NETKIT_PRIMARY, "netkit/primary" }, { BPF_NETKIT_PEER, "netkit/peer" },
	};
	size_t i, j;

	for (i = 0; i < s->n; i++) {
		s->dev = &s->devs[i];
		for (j = 0; j < sizeof(mprogs) / sizeof(mprogs[0]); j++)
			mprog_show(s->r, s->dev, mprogs[j].type, mprogs[j].where);
		tc_classic_show(s);
	}
}

/* The flow dissector of our network namespace: its program id, or 0.
 * Kernels before 5.2 cannot say (EINVAL): none, as bpftool. */
static int flow_dissector_id(struct run *r, uint32_t *id)
{
	struct bpf_attr_prog_query q;
	uint32_t ids[1];
	int fd = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC), err;

	*id = 0;
	if (fd < 0)
		return run_error(r, "can't open /proc/self/ns/net: %s", errstr(-errno));
	memset(&q, 0, sizeof(q));
	q.target_fd = (uint32_t)fd;
	q.attach_type = BPF_FLOW_DISSECTOR;
	q.prog_ids = (uintptr_t)ids;
	q.count = 1;
	err = sys_prog_query(&q);
	close(fd);
	if (err == -EINVAL)
		return 0;
	if (err)
		return run_error(r, "can't query prog: %s", errstr(err));
	if (q.count == 1)
		*id = ids[0];
	return 0;
}

void netfilter_print(struct run *r, const struct bpf_link_info *info)
{
	static const char *const pfs[] = {
		[1] = "inet", [2] = "ip", [3] = "arp", [5] = "netdev", [7] = "bridge", [10] = "ip6",
	};
	static const char *const inet_hooks[] = {
		"prerouting", "input", "forward", "output", "postrouting",
	};
	static const char *const arp_hooks[] = { "input", "output" };
	uint32_t pf = info->netfilter.pf, hook = info->netfilter.hooknum;
	const char *pfname = pf < sizeof(pfs) / sizeof(pfs[0]) ? pfs[pf] : NULL, *hookname = NULL;

	if (r->opt.json) {
		json_uint_field(&r->jw, "pf", pf);
		json_uint_field(&r->jw, "hook", hook);
		json_int_field(&r->jw, "prio", info->netfilter.priority);
		json_uint_field(&r->jw, "flags", info->netfilter.flags);
		return;
	}
	/* bridge hooks share the inet numbers */
	if ((pf == 1 || pf == 2 || pf == 7 || pf == 10) && hook < 5)
		hookname = inet_hooks[hook];
	else if (pf == 3 && hook < 2)
		hookname = arp_hooks[hook];
	if (pfname)
		out_fmt("\n\t%s", pfname);
	else
		out_fmt("\n\tpf: %u", pf);
	if (hookname)
		out_fmt(" %s", hookname);
	else
		out_fmt(", hook %u,", hook);
	out_fmt(" prio %d", info->netfilter.priority);
	if (info->netfilter.flags)
		out_fmt(" flags 0x%x", info->netfilter.flags);
}

static int netfilter_order(const void *pa, const void *pb)
{
	const struct bpf_link_info *a = pa, *b = pb;

	if (a->netfilter.pf != b->netfilter.pf)
		return a->netfilter.pf < b->netfilter.pf ? -1 : 1;
	if (a->netfilter.hooknum != b->netfilter.hooknum)
		return a->netfilter.hooknum < b->netfilter.hooknum ? -1 : 1;
	if (a->netfilter.priority != b->netfilter.priority)
		return a->netfilter.priority < b->netfilter.priority ? -1 : 1;
	return a->netfilter.flags < b->netfilter.flags ? -1 : a->netfilter.flags > b->netfilter.flags;
}

/* Netfilter links (6.4+), ordered by pf, hook, priority, flags.  Links
 * that vanish during the walk are skipped; a kernel without links
 * (EINVAL) has none. */
static void netfilter_show(struct run *r)
{
	struct bpf_link_info *v = NULL, *grown;
	size_t n = 0, cap = 0, i;
	uint32_t id = 0;

	while (!sys_next_id(SYS_OBJ_LINK, id, &id)) {
		struct bpf_link_info info;
		int fd = sys_fd_by_id(SYS_OBJ_LINK, id, 0), err;

		if (fd < 0)
			continue;
		memset(&info, 0, sizeof(info));
		err = sys_link_info(fd, &info);
		close(fd);
		if (err || info.type != BPF_LINK_TYPE_NETFILTER)
			continue;
		grown = vec_room(v, &cap, n, sizeof(*v));
		if (!grown)
			break;
		v = grown;
		v[n++] = info;
	}
	if (n)
		qsort(v, n, sizeof(*v), netfilter_order);
	for (i = 0; i < n; i++) {
		net_object(r);
		netfilter_print(r, &v[i]);
		show_field_u(r, "id", " prog_id %llu", v[i].prog_id);
		net_object_end(r, false);
	}
	free(v);
}

/* "dev NAME": its ifindex, or -1 after reporting. */
static int parse_dev(struct run *r, struct args *a)
{
	const char *name;
	int ifindex;

	if (!arg_is(a, "dev"))
		return run_error(r, "expected 'dev', got: '%s'?", arg_peek(a));
	arg_next(a);
	name = arg_next(a);
	ifindex = name ? (int)if_nametoindex(name) : 0;
	if (!ifindex)
		return run_error(r, "invalid devname %s", name ? name : "");
	return ifindex;
}

static int do_show(struct run *r, struct args *a)
{
	struct net_show s;
	uint32_t fd_id;
	int err;

	memset(&s, 0, sizeof(s));
	s.r = r;
	if (a->argc == 2) {
		s.filter = parse_dev(r, a);
		if (s.filter < 0)
			return -1;
	} else if (a->argc) {
		return run_usage(r);
	}
	if (flow_dissector_id(r, &fd_id))
		return -1;
	err = nl_open(&s.nl, NETLINK_ROUTE);
	if (err)
		return run_fail(r, err, "failed to open netlink sock");

	if (r->opt.json)
		json_start_array(&r->jw);
	net_object(r);
	net_array(r, "xdp", "%s:\n");
	{
		struct ifinfomsg ifi;
		struct nl_msg m;

		memset(&ifi, 0, sizeof(ifi));
		ifi.ifi_family = AF_PACKET;
		nl_msg_init(&m, RTM_GETLINK, NLM_F_DUMP, &ifi, sizeof(ifi));
		err = nl_talk(&s.nl, &m, on_link, &s);
	}
	net_array_end(r, "\n");
	if (!err) {
		net_array(r, "tc", "%s:\n");
		tc_show(&s);
		net_array_end(r, "\n");
	}
	net_array(r, "flow_dissector", "%s:\n");
	if (fd_id) {
		/* bpftool puts a bare "id" member in the array (not JSON). */
		net_object(r);
		show_field_u(r, "id", "id %llu", fd_id);
		net_object_end(r, false);
	}
	net_array_end(r, "\n");
	net_array(r, "netfilter", "%s:\n");
	netfilter_show(r);
	net_array_end(r, "\n");
	net_object_end(r, false);
	if (r->opt.json)
		json_end_array(&r->jw);

	free(s.devs);
	free(s.parents);
	nl_close(&s.nl);
	if (err)
		return run_fail(r, err, "can't list interfaces%s%s", *s.nl.ext_ack ? ": " : "",
				s.nl.ext_ack);
	return 0;
}

/* ---- attach / detach ------------------------------------------------ */

/* bpftool's ATTACH_TYPE words, matched by prefix in this order. */
enum net_type { NET_XDP, NET_XDP_GENERIC, NET_XDP_DRIVER, NET_XDP_OFFLOAD,
		NET_TCX_INGRESS, NET_TCX_EGRESS, NET_TYPE_COUNT };
static const char *const net_types[] = {
	"xdp", "xdpgeneric", "xdpdrv", "xdpoffload", "tcx_ingress", "tcx_egress",
};
static const uint32_t xdp_modes[] = {
	0, XDP_FLAGS_SKB_MODE, XDP_FLAGS_DRV_MODE, XDP_FLAGS_HW_MODE,
};

static int parse_net_type(struct run *r, struct args *a)
{
	int t;

	for (t = 0; t < NET_TYPE_COUNT; t++)
		if (arg_is(a, net_types[t])) {
			arg_next(a);
			return t;
		}
	return run_error(r, "invalid net attach/detach type: %s", arg_peek(a));
}

/* RTM_SETLINK with IFLA_XDP: fd -1 detaches. */
static int xdp_set(struct nl_sock *nl, int ifindex, int fd, uint32_t flags)
{
	struct ifinfomsg ifi;
	struct nl_msg m;
	size_t nest;
	int32_t fd32 = fd;

	memset(&ifi, 0, sizeof(ifi));
	ifi.ifi_index = ifindex;
	nl_msg_init(&m, RTM_SETLINK, 0, &ifi, sizeof(ifi));
	nest = nl_nest_start(&m, IFLA_XDP);
	nl_put(&m, IFLA_XDP_FD, &fd32, sizeof(fd32));
	if (flags)
		nl_put_u32(&m, IFLA_XDP_FLAGS, flags);
	nl_nest_end(&m, nest);
	return nl_talk(nl, &m, NULL, NULL);
}

static int net_change(struct run *r, enum net_type type, int ifindex, int prog_fd,
		      bool overwrite, bool prepend, const char *what)
{
	struct bpf_attr_prog_attach at;
	struct nl_sock nl;
	int err;

	if (type <= NET_XDP_OFFLOAD) {
		err = nl_open(&nl, NETLINK_ROUTE);
		if (!err) {
			err = xdp_set(&nl, ifindex, prog_fd, xdp_modes[type] |
				      (overwrite ? 0 : XDP_FLAGS_UPDATE_IF_NOEXIST));
			if (err && *nl.ext_ack)
				run_notice(r, "Kernel error message: %s", nl.ext_ack);
			nl_close(&nl);
		}
	} else {
		memset(&at, 0, sizeof(at));
		at.target_fd = (uint32_t)ifindex;
		at.attach_type = type == NET_TCX_INGRESS ? BPF_TCX_INGRESS : BPF_TCX_EGRESS;
		if (prog_fd >= 0) {
			at.attach_bpf_fd = (uint32_t)prog_fd;
			at.attach_flags = prepend ? BPF_F_BEFORE : 0;
			err = sys_prog_attach(&at);
		} else {
			err = sys_prog_detach(&at);
		}
	}
	if (err)
		return run_error(r, "interface %s %s failed: %s", net_types[type], what, errstr(err));
	return run_done(r);
}

static int do_attach(struct run *r, struct args *a)
{
	bool overwrite = false, prepend = false;
	int type, prog_fd, ifindex, err;

	if (a->argc < 5)
		return run_error(r, "'%s' needs at least 5 arguments, %d found", a->argv[-1], a->argc);
	type = parse_net_type(r, a);
	if (type < 0)
		return -1;
	prog_fd = prog_handle(r, a);
	if (prog_fd < 0)
		return -1;
	err = a->argc ? parse_dev(r, a) : run_error(r, "expected 'dev', got: '(null)'?");
	if (err < 0)
		goto out;
	ifindex = err;
	err = 0;
	if (arg_is(a, "overwrite")) {
		if (type > NET_XDP_OFFLOAD)
			err = run_error(r, "'overwrite' is only supported for xdp types");
		overwrite = true;
	} else if (arg_is(a, "prepend")) {
		if (type <= NET_XDP_OFFLOAD)
			err = run_error(r, "'prepend' is only supported for tcx_ingress/tcx_egress");
		prepend = true;
	} else if (a->argc) {
		err = run_error(r, "expected 'overwrite' or 'prepend', got: '%s'?", arg_peek(a));
	}
	if (!err && a->argc > 1)
		err = run_error(r, "what is '%s'?", a->argv[1]);
	if (!err)
		err = net_change(r, type, ifindex, prog_fd, overwrite, prepend, "attach");
out:
	close(prog_fd);
	return err;
}

static int do_detach(struct run *r, struct args *a)
{
	int type, ifindex;

	if (a->argc < 3)
		return run_error(r, "'%s' needs at least 3 arguments, %d found", a->argv[-1], a->argc);
	type = parse_net_type(r, a);
	if (type < 0)
		return -1;
	ifindex = parse_dev(r, a);
	if (ifindex < 0)
		return -1;
	if (a->argc)
		return run_error(r, "what is '%s'?", arg_peek(a));
	return net_change(r, type, ifindex, -1, false, false, "detach");
}

static int do_help(struct run *r, struct args *a)
{
	if (r->opt.json)
		return run_done(r);
	fprintf(stderr,
		"Usage: %1$s %2$s { show | list } [dev <devname>]\n"
		"       %1$s %2$s attach ATTACH_TYPE PROG dev <devname> [ overwrite | prepend ]\n"
		"       %1$s %2$s detach ATTACH_TYPE dev <devname>\n"
		"       %1$s %2$s help\n"
		"\n"
		"       " HELP_SPEC_PROGRAM "\n"
		"       ATTACH_TYPE := { xdp | xdpgeneric | xdpdrv | xdpoffload | tcx_ingress\n"
		"                        | tcx_egress }\n"
		, r->bin_name, "net");
	options_help(HELP_OTHER);
	fprintf(stderr, "\n"
		"Note: Only xdp, tcx, tc, netkit, flow_dissector and netfilter attachments\n"
		"      are currently supported.\n"
		"      For progs attached to cgroups, use \"bpftool cgroup\"\n"
		"      to dump program attachments. For program types\n"
		"      sk_{filter,skb,msg,reuseport} and lwt/seg6, please\n"
		"      consult iproute2.\n");
	return 0;
}

static const struct cmd cmds[] = {
	{ "show", do_show },
	{ "list", do_show },
	{ "attach", do_attach },
	{ "detach", do_detach },
	{ "help", do_help },
	{ 0 }
};

int do_net(struct run *r, struct args *a)
{
	return cmd_select(r, cmds, a, do_help);
}
