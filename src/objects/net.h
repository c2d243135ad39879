/* net: what link.c shares with net.c: a netfilter link's pf, hook,
 * priority and flags, printed the same way in "net show" and
 * "link show" (bpftool's netfilter_dump_plain/json). */
#ifndef BPFBOX_NET_H
#define BPFBOX_NET_H

#include "cli/run.h"
#include "uapi/bpf.h"

void netfilter_print(struct run *r, const struct bpf_link_info *info);

#endif
