/* sys_netlink: a small netlink client of bpfbox's own (no libmnl, no
 * libbpf): one socket, requests with sequence numbers, NLM_F_DUMP
 * multipart replies, acks and errors with the kernel's extended ack
 * text, and attribute parsing that checks every length.
 * Functions return 0 or -errno and never print. */
#ifndef BPFBOX_SYS_NETLINK_H
#define BPFBOX_SYS_NETLINK_H

#include <stddef.h>
#include <stdint.h>

#include "uapi/netlink.h"

struct nl_sock {
	int fd;
	uint32_t pid;		/* our port id, checked on every reply */
	uint32_t seq;		/* of the last request */
	char ext_ack[256];	/* the kernel's text for the last error, or "" */
	char *buf;		/* receive buffer */
};

int nl_open(struct nl_sock *s, int protocol);
void nl_close(struct nl_sock *s);

/* A request being built: header, family header, attributes. */
struct nl_msg {
	union {
		struct nlmsghdr h;
		char buf[1024];
	};
	int err;		/* -EMSGSIZE once something did not fit */
};

/* Start a request of this type with a family header (ifinfomsg, tcmsg)
 * copied after the netlink header. */
void nl_msg_init(struct nl_msg *m, uint16_t type, uint16_t flags, const void *fam, size_t fam_len);
/* Raw bytes, such as the ifinfomsg that starts a veth peer's attribute. */
void nl_append(struct nl_msg *m, const void *data, size_t len);
void nl_put(struct nl_msg *m, uint16_t type, const void *data, size_t len);
void nl_put_u32(struct nl_msg *m, uint16_t type, uint32_t v);
void nl_put_str(struct nl_msg *m, uint16_t type, const char *s);
/* Nested attributes: start returns a mark that end closes. */
size_t nl_nest_start(struct nl_msg *m, uint16_t type);
void nl_nest_end(struct nl_msg *m, size_t mark);

/* Send m and read the replies until the dump's NLMSG_DONE or the ack:
 * each data message goes to fn (when not NULL).  Returns fn's first
 * non-zero result (the rest of the reply is still read), or the
 * kernel's -errno, with its extended ack text in s->ext_ack. */
typedef int (*nl_msg_fn)(const struct nlmsghdr *h, void *ctx);
int nl_talk(struct nl_sock *s, struct nl_msg *m, nl_msg_fn fn, void *ctx);

/* The family header of a message, or NULL when the message is shorter. */
const void *nl_family(const struct nlmsghdr *h, size_t fam_len);

/* Index attributes by type: tb[0..max] get the last attribute of each
 * type (NULL when absent); types above max are ignored.  Returns -EINVAL
 * when an attribute's length runs outside data. */
int nla_parse(const struct nlattr **tb, int max, const void *data, size_t len);
/* The attributes after a message's family header. */
int nla_parse_msg(const struct nlattr **tb, int max, const struct nlmsghdr *h, size_t fam_len);
int nla_parse_nested(const struct nlattr **tb, int max, const struct nlattr *a);
static inline const void *nla_data(const struct nlattr *a)
{
	return (const char *)a + NLA_HDRLEN;
}
static inline size_t nla_len(const struct nlattr *a)
{
	return a->nla_len - NLA_HDRLEN;
}
/* Length-checked getters: 0, or -EINVAL when the payload is too short
 * (a string: not NUL-terminated inside its payload). */
int nla_u8(const struct nlattr *a, uint8_t *v);
int nla_u32(const struct nlattr *a, uint32_t *v);
const char *nla_str(const struct nlattr *a);	/* NULL when a is absent or bad */

#endif
