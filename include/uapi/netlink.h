/* The subset of the kernel's netlink and rtnetlink UAPI (linux/netlink.h,
 * rtnetlink.h, if_link.h, pkt_sched.h, pkt_cls.h, tc_act/tc_bpf.h) that
 * bpfbox uses, written by hand: message and attribute headers, the link,
 * qdisc, class and filter messages, and the XDP and cls_bpf attributes.
 * Numbers are ABI and never change. */
#ifndef BPFBOX_UAPI_NETLINK_H
#define BPFBOX_UAPI_NETLINK_H

#include <stdint.h>

#define NETLINK_ROUTE 0
#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif
#define NETLINK_CAP_ACK 10
#define NETLINK_EXT_ACK 11

struct nlmsghdr {
	uint32_t nlmsg_len;
	uint16_t nlmsg_type;
	uint16_t nlmsg_flags;
	uint32_t nlmsg_seq;
	uint32_t nlmsg_pid;
};

#define NLM_F_REQUEST 0x1
#define NLM_F_MULTI 0x2
#define NLM_F_ACK 0x4
#define NLM_F_DUMP 0x300
#define NLM_F_REPLACE 0x100	/* new requests */
#define NLM_F_EXCL 0x200
#define NLM_F_CREATE 0x400
#define NLM_F_CAPPED 0x100	/* acks */
#define NLM_F_ACK_TLVS 0x200

#define NLMSG_ERROR 0x2
#define NLMSG_DONE 0x3
#define NLMSG_MIN_TYPE 0x10

#define NL_ALIGN(len) (((len) + 3U) & ~3U)
#define NL_HDRLEN NL_ALIGN(sizeof(struct nlmsghdr))

struct nlmsgerr {
	int error;
	struct nlmsghdr msg;
};

#define NLMSGERR_ATTR_MSG 1

struct nlattr {
	uint16_t nla_len;
	uint16_t nla_type;
};

#define NLA_F_NESTED (1 << 15)
#define NLA_TYPE_MASK 0x3fff
#define NLA_HDRLEN NL_ALIGN(sizeof(struct nlattr))

/* rtnetlink message types */
#define RTM_NEWLINK 16
#define RTM_DELLINK 17
#define RTM_GETLINK 18
#define RTM_SETLINK 19
#define RTM_NEWQDISC 36
#define RTM_GETQDISC 38
#define RTM_GETTCLASS 42
#define RTM_NEWTFILTER 44
#define RTM_GETTFILTER 46

struct ifinfomsg {
	uint8_t ifi_family;
	uint8_t pad;
	uint16_t ifi_type;
	int32_t ifi_index;
	uint32_t ifi_flags;
	uint32_t ifi_change;
};

#define NL_IFF_UP 0x1	/* net/if.h's IFF_UP, which glibc defines as an enum */

enum {
	IFLA_IFNAME = 3,
	IFLA_LINKINFO = 18,
	IFLA_XDP = 43,
	IFLA_MAX_KNOWN = 43,
};

enum { IFLA_INFO_KIND = 1, IFLA_INFO_DATA = 2 };
enum { VETH_INFO_PEER = 1 };

enum {
	IFLA_XDP_FD = 1,
	IFLA_XDP_ATTACHED = 2,
	IFLA_XDP_FLAGS = 3,
	IFLA_XDP_PROG_ID = 4,
	IFLA_XDP_DRV_PROG_ID = 5,
	IFLA_XDP_SKB_PROG_ID = 6,
	IFLA_XDP_HW_PROG_ID = 7,
	IFLA_XDP_EXPECTED_FD = 8,
	IFLA_XDP_MAX = 8,
};

enum {
	XDP_ATTACHED_NONE, XDP_ATTACHED_DRV, XDP_ATTACHED_SKB,
	XDP_ATTACHED_HW, XDP_ATTACHED_MULTI,
};

#define XDP_FLAGS_UPDATE_IF_NOEXIST (1U << 0)
#define XDP_FLAGS_SKB_MODE (1U << 1)
#define XDP_FLAGS_DRV_MODE (1U << 2)
#define XDP_FLAGS_HW_MODE (1U << 3)

struct tcmsg {
	uint8_t tcm_family;
	uint8_t pad1;
	uint16_t pad2;
	int32_t tcm_ifindex;
	uint32_t tcm_handle;
	uint32_t tcm_parent;
	uint32_t tcm_info;
};

#define TC_H_ROOT 0xFFFFFFFFU
#define TC_H_CLSACT 0xFFFFFFF1U	/* == TC_H_INGRESS */
#define TC_H_MIN_INGRESS 0xFFF2U
#define TC_H_MIN_EGRESS 0xFFF3U
#define TC_H_MAKE(maj, min) (((maj) & 0xFFFF0000U) | ((min) & 0x0000FFFFU))

enum { TCA_KIND = 1, TCA_OPTIONS = 2, TCA_MAX_KNOWN = 2 };

enum {
	TCA_BPF_ACT = 1,
	TCA_BPF_CLASSID = 3,
	TCA_BPF_FD = 6,
	TCA_BPF_NAME = 7,
	TCA_BPF_FLAGS = 8,
	TCA_BPF_ID = 11,
	TCA_BPF_MAX = 11,
};

#define TCA_BPF_FLAG_ACT_DIRECT (1U << 0)

#define TCA_ACT_MAX_PRIO 32
enum { TCA_ACT_KIND = 1, TCA_ACT_OPTIONS = 2, TCA_ACT_MAX_KNOWN = 2 };
enum { TCA_ACT_BPF_PARMS = 2, TCA_ACT_BPF_NAME = 6, TCA_ACT_BPF_ID = 9, TCA_ACT_BPF_MAX = 9 };

#endif
