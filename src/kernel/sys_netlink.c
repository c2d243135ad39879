/* sys_netlink: see sys_netlink.h.  Follows the kernel's netlink rules
 * (Documentation/userspace-api/netlink/intro.rst): 4-byte alignment,
 * NLMSG_ERROR with error 0 as the ack, NLMSG_DONE ending a dump, and
 * extended ack attributes after the echoed request (capped or not). */
#include "kernel/sys_netlink.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* Dumps put as many messages as fit in one datagram; the kernel sizes
 * them from the reader's buffer up to 32 KiB. */
#define NL_RECV_SIZE 65536

struct sockaddr_netlink {
	uint16_t family;
	uint16_t pad;
	uint32_t pid;
	uint32_t groups;
};

int nl_open(struct nl_sock *s, int protocol)
{
	struct sockaddr_netlink sa;
	socklen_t len = sizeof(sa);
	int one = 1, err;

	memset(s, 0, sizeof(*s));
	s->fd = -1;
	s->buf = malloc(NL_RECV_SIZE);
	if (!s->buf)
		return -ENOMEM;
	s->fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol);
	if (s->fd < 0) {
		err = -errno;
		nl_close(s);
		return err;
	}
	/* Both are optional: kernels before 4.12 give no extended acks. */
	setsockopt(s->fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	setsockopt(s->fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
	memset(&sa, 0, sizeof(sa));
	sa.family = AF_NETLINK;
	if (bind(s->fd, (struct sockaddr *)&sa, sizeof(sa)) ||
	    getsockname(s->fd, (struct sockaddr *)&sa, &len)) {
		err = -errno;
		nl_close(s);
		return err;
	}
	s->pid = sa.pid;
	s->seq = (uint32_t)time(NULL);
	return 0;
}

void nl_close(struct nl_sock *s)
{
	if (s->fd >= 0)
		close(s->fd);
	free(s->buf);
	s->buf = NULL;
	s->fd = -1;
}

void nl_msg_init(struct nl_msg *m, uint16_t type, uint16_t flags, const void *fam, size_t fam_len)
{
	memset(m, 0, sizeof(*m));
	m->h.nlmsg_type = type;
	m->h.nlmsg_flags = NLM_F_REQUEST | flags;
	m->h.nlmsg_len = NL_HDRLEN;
	nl_append(m, fam, fam_len);
}

void nl_append(struct nl_msg *m, const void *data, size_t len)
{
	if (m->err || m->h.nlmsg_len + NL_ALIGN(len) > sizeof(m->buf)) {
		m->err = -EMSGSIZE;
		return;
	}
	if (len)
		memcpy(m->buf + m->h.nlmsg_len, data, len);
	m->h.nlmsg_len += NL_ALIGN(len);
}

void nl_put(struct nl_msg *m, uint16_t type, const void *data, size_t len)
{
	struct nlattr *a = (struct nlattr *)(m->buf + m->h.nlmsg_len);

	if (m->err || m->h.nlmsg_len + NLA_HDRLEN + NL_ALIGN(len) > sizeof(m->buf)) {
		m->err = -EMSGSIZE;
		return;
	}
	a->nla_type = type;
	a->nla_len = (uint16_t)(NLA_HDRLEN + len);
	if (len)
		memcpy((char *)a + NLA_HDRLEN, data, len);
	m->h.nlmsg_len += NL_ALIGN(a->nla_len);
}

void nl_put_u32(struct nl_msg *m, uint16_t type, uint32_t v)
{
	nl_put(m, type, &v, sizeof(v));
}

void nl_put_str(struct nl_msg *m, uint16_t type, const char *s)
{
	nl_put(m, type, s, strlen(s) + 1);
}

size_t nl_nest_start(struct nl_msg *m, uint16_t type)
{
	size_t mark = m->h.nlmsg_len;

	nl_put(m, type | NLA_F_NESTED, NULL, 0);
	return mark;
}

void nl_nest_end(struct nl_msg *m, size_t mark)
{
	if (!m->err)
		((struct nlattr *)(m->buf + mark))->nla_len = (uint16_t)(m->h.nlmsg_len - mark);
}

const void *nl_family(const struct nlmsghdr *h, size_t fam_len)
{
	return h->nlmsg_len >= NL_HDRLEN + fam_len ? (const char *)h + NL_HDRLEN : NULL;
}

int nla_parse(const struct nlattr **tb, int max, const void *data, size_t len)
{
	const char *p = data;

	memset(tb, 0, (size_t)(max + 1) * sizeof(*tb));
	while (len >= NLA_HDRLEN) {
		const struct nlattr *a = (const struct nlattr *)p;
		size_t step;
		int type = a->nla_type & NLA_TYPE_MASK;

		if (a->nla_len < NLA_HDRLEN || a->nla_len > len)
			return -EINVAL;
		if (type <= max)
			tb[type] = a;
		step = NL_ALIGN(a->nla_len);
		if (step >= len)
			break;
		p += step;
		len -= step;
	}
	return 0;
}

int nla_parse_msg(const struct nlattr **tb, int max, const struct nlmsghdr *h, size_t fam_len)
{
	size_t off = NL_HDRLEN + NL_ALIGN(fam_len);

	if (h->nlmsg_len < off)
		return -EINVAL;
	return nla_parse(tb, max, (const char *)h + off, h->nlmsg_len - off);
}

int nla_parse_nested(const struct nlattr **tb, int max, const struct nlattr *a)
{
	return nla_parse(tb, max, nla_data(a), nla_len(a));
}

int nla_u8(const struct nlattr *a, uint8_t *v)
{
	if (!a || nla_len(a) < sizeof(*v))
		return -EINVAL;
	*v = *(const uint8_t *)nla_data(a);
	return 0;
}

int nla_u32(const struct nlattr *a, uint32_t *v)
{
	if (!a || nla_len(a) < sizeof(*v))
		return -EINVAL;
	memcpy(v, nla_data(a), sizeof(*v));
	return 0;
}

const char *nla_str(const struct nlattr *a)
{
	if (!a || !nla_len(a) || memchr(nla_data(a), 0, nla_len(a)) == NULL)
		return NULL;
	return nla_data(a);
}

/* The text of an NLMSG_ERROR's NLMSGERR_ATTR_MSG into s->ext_ack. */
static void read_ext_ack(struct nl_sock *s, const struct nlmsghdr *h)
{
	const struct nlmsgerr *e = nl_family(h, sizeof(*e));
	const struct nlattr *tb[NLMSGERR_ATTR_MSG + 1];
	size_t off;
	const char *msg;

	if (!e || !(h->nlmsg_flags & NLM_F_ACK_TLVS))
		return;
	/* Uncapped errors echo the whole request before the attributes. */
	off = NL_HDRLEN + sizeof(*e);
	if (!(h->nlmsg_flags & NLM_F_CAPPED))
		off = NL_HDRLEN + sizeof(e->error) + NL_ALIGN(e->msg.nlmsg_len);
	if (off > h->nlmsg_len ||
	    nla_parse(tb, NLMSGERR_ATTR_MSG, (const char *)h + off, h->nlmsg_len - off))
		return;
	msg = nla_str(tb[NLMSGERR_ATTR_MSG]);
	if (msg)
		snprintf(s->ext_ack, sizeof(s->ext_ack), "%s", msg);
}

int nl_talk(struct nl_sock *s, struct nl_msg *m, nl_msg_fn fn, void *ctx)
{
	int result = 0;
	bool dump = (m->h.nlmsg_flags & NLM_F_DUMP) == NLM_F_DUMP;

	if (m->err)
		return m->err;
	s->ext_ack[0] = 0;
	/* Not a dump: ask for the ack, so every request ends the same way. */
	if (!dump)
		m->h.nlmsg_flags |= NLM_F_ACK;
	m->h.nlmsg_seq = ++s->seq;
	m->h.nlmsg_pid = 0;
	if (send(s->fd, m->buf, m->h.nlmsg_len, 0) < 0)
		return -errno;
	for (;;) {
		ssize_t n = recv(s->fd, s->buf, NL_RECV_SIZE, MSG_TRUNC);
		size_t left;
		const char *p = s->buf;

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (n > NL_RECV_SIZE)
			return -EMSGSIZE;
		if (n == 0)
			return -ENODATA;
		for (left = (size_t)n; left >= NL_HDRLEN;) {
			const struct nlmsghdr *h = (const struct nlmsghdr *)p;
			size_t step;

			if (h->nlmsg_len < NL_HDRLEN || h->nlmsg_len > left)
				return -EBADMSG;
			step = NL_ALIGN(h->nlmsg_len);
			/* Replies to an earlier request we stopped reading. */
			if (h->nlmsg_seq != s->seq || (h->nlmsg_pid && h->nlmsg_pid != s->pid))
				goto next;
			if (h->nlmsg_type == NLMSG_ERROR) {
				const struct nlmsgerr *e = nl_family(h, sizeof(int));

				if (!e)
					return -EBADMSG;
				if (e->error && !result) {
					read_ext_ack(s, h);
					result = e->error;
				}
				if (e->error || !dump)
					return result;
			} else if (h->nlmsg_type == NLMSG_DONE) {
				const int *e = nl_family(h, sizeof(int));

				if (e && *e < 0 && !result) {
					read_ext_ack(s, h);
					result = *e;
				}
				return result;
			} else if (fn && !result && h->nlmsg_type >= NLMSG_MIN_TYPE) {
				result = fn(h, ctx);
			}
next:
			if (step >= left)
				break;
			p += step;
			left -= step;
		}
	}
}
