/* feature: the name tables list_builtins prints (ids are positions in
 * the kernel enums, so a shifted entry would misname every later one),
 * and the gzip reader behind /proc/config.gz. */
#include "unit.h"
#include "lib/names.h"
#include "uapi/bpf.h"

TEST(builtin_tables)
{
	CHECK_STR(helper_name(0), "bpf_unspec");
	CHECK_STR(helper_name(1), "bpf_map_lookup_elem");
	CHECK_STR(helper_name(6), "bpf_trace_printk");
	CHECK_STR(helper_name(36), "bpf_probe_write_user");
	CHECK_STR(helper_name(130), "bpf_ringbuf_output");
	CHECK_STR(helper_name(177), "bpf_trace_vprintk");
	CHECK_STR(helper_name(211), "bpf_cgrp_storage_delete");
	CHECK(helper_name(212) == NULL);
	CHECK_STR(attach_type_name(0), "cgroup_inet_ingress");
	CHECK_STR(attach_type_name(4), "sk_skb_stream_parser");
	CHECK_STR(attach_type_name(45), "netfilter");
	CHECK(attach_type_name(BPF_ATTACH_TYPE_COUNT) == NULL);
	CHECK_STR(link_type_name(0), "unspec");
	CHECK_STR(link_type_name(11), "tcx");
	CHECK(link_type_name(BPF_LINK_TYPE_COUNT) == NULL);
	CHECK_STR(prog_type_name(32), "netfilter");
	CHECK_STR(map_type_name(35), "rhash");
}
