/* Netlink messages and attributes (kernel/sys_netlink.c): building
 * requests, parsing attributes whose lengths lie, and the attach and
 * link type tables (lib/names.c). */
#include "unit.h"
#include <errno.h>
#include "kernel/sys_netlink.h"
#include "lib/names.h"
#include "uapi/bpf.h"

TEST(netlink_build_request)
{
	struct ifinfomsg ifi = { 0 };
	const struct nlattr *tb[IFLA_XDP + 1], *xdp[IFLA_XDP_MAX + 1];
	struct nl_msg m;
	size_t nest;
	uint32_t v;

	ifi.ifi_index = 7;
	nl_msg_init(&m, RTM_SETLINK, 0, &ifi, sizeof(ifi));
	CHECK_INT(m.h.nlmsg_len, 16 + 16);
	nest = nl_nest_start(&m, IFLA_XDP);
	nl_put_u32(&m, IFLA_XDP_FD, 3);
	nl_put_u32(&m, IFLA_XDP_FLAGS, 2);
	nl_nest_end(&m, nest);
	nl_put_str(&m, IFLA_IFNAME, "abc");
	CHECK_INT(m.err, 0);
	CHECK_INT(m.h.nlmsg_len, 32 + 4 + 8 + 8 + 8);
	CHECK_INT(((const struct ifinfomsg *)nl_family(&m.h, sizeof(ifi)))->ifi_index, 7);
	CHECK_INT(nla_parse_msg(tb, IFLA_XDP, &m.h, sizeof(ifi)), 0);
	CHECK(tb[IFLA_XDP] && (tb[IFLA_XDP]->nla_type & NLA_F_NESTED));
	CHECK_STR(nla_str(tb[IFLA_IFNAME]), "abc");
	CHECK_INT(nla_parse_nested(xdp, IFLA_XDP_MAX, tb[IFLA_XDP]), 0);
	CHECK(!nla_u32(xdp[IFLA_XDP_FLAGS], &v) && v == 2);
	CHECK(xdp[IFLA_XDP_PROG_ID] == NULL);
}

TEST(netlink_request_overflow)
{
	static char big[2000];
	struct nl_msg m;

	nl_msg_init(&m, RTM_GETLINK, NLM_F_DUMP, NULL, 0);
	nl_put(&m, 1, big, sizeof(big));
	CHECK_INT(m.err, -EMSGSIZE);
	nl_put_u32(&m, 2, 1);	/* stays failed */
	CHECK_INT(m.err, -EMSGSIZE);
}

TEST(netlink_bad_attribute_lengths)
{
	const struct nlattr *tb[4];
	uint8_t buf[16] = { 0 };
	struct nlattr *a = (struct nlattr *)buf;
	uint32_t v;
	uint8_t b;

	/* a length past the end of the data */
	a->nla_len = 20;
	a->nla_type = 1;
	CHECK_INT(nla_parse(tb, 3, buf, sizeof(buf)), -EINVAL);
	/* a length shorter than the header */
	a->nla_len = 2;
	CHECK_INT(nla_parse(tb, 3, buf, sizeof(buf)), -EINVAL);
	/* a u32 attribute with 2 bytes of payload, an unterminated string */
	a->nla_len = 6;
	memcpy(buf + 4, "ab", 2);
	CHECK_INT(nla_parse(tb, 3, buf, 8), 0);
	CHECK(tb[1] != NULL);
	CHECK_INT(nla_u32(tb[1], &v), -EINVAL);
	CHECK(!nla_u8(tb[1], &b) && b == 'a');
	CHECK(nla_str(tb[1]) == NULL);
	CHECK(nla_str(NULL) == NULL);
	/* types above max are skipped; trailing bytes shorter than a header
	 * end the list */
	a->nla_type = 9;
	CHECK_INT(nla_parse(tb, 3, buf, 10), 0);
	CHECK(tb[1] == NULL && tb[3] == NULL);
}

TEST(attach_and_link_type_names)
{
	CHECK_STR(attach_type_name(BPF_CGROUP_INET_INGRESS), "cgroup_inet_ingress");
	CHECK_STR(attach_type_name(BPF_TCX_EGRESS), "tcx_egress");
	CHECK_INT(BPF_NETKIT_PEER, 55);
	CHECK(attach_type_name(BPF_ATTACH_TYPE_COUNT) == NULL);
	CHECK_STR(link_type_name(BPF_LINK_TYPE_NETFILTER), "netfilter");
	CHECK_INT(BPF_LINK_TYPE_SOCKMAP, 14);
	CHECK(link_type_name(BPF_LINK_TYPE_COUNT) == NULL);
	CHECK_INT(attach_type_parse("cgroup_inet_egress"), BPF_CGROUP_INET_EGRESS);
	CHECK_INT(attach_type_parse("egr"), BPF_CGROUP_INET_EGRESS);	/* older word, prefix */
	CHECK_INT(attach_type_parse("bind4"), BPF_CGROUP_INET4_BIND);
	CHECK_INT(attach_type_parse("cgroup_inet_egr"), -1);		/* libbpf names: exact */
	CHECK_INT(attach_type_parse("bogus"), -1);
}
