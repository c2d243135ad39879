/* link show's details for link types this test host cannot create
 * (kprobes, uprobes, iterators, hardware events): the expected bytes
 * follow upstream bpftool's link.c format strings. */
#include "unit.h"
#include "cli/run.h"
#include "kernel/kallsyms.h"
#include "objects/link.h"
#include "output/out.h"

static struct run plain_run, json_run;

static const char *show(struct run *r, const struct bpf_link_info *info)
{
	r->opt.json = r == &json_run;
	json_init(&r->jw, false);
	capture_begin();
	if (r->opt.json)
		json_start_object(&r->jw);
	link_details(r, info);
	if (r->opt.json) {
		json_end_object(&r->jw);
		json_finish(&r->jw);
	}
	return capture_end();
}

TEST(link_perf_event_kprobe)
{
	struct bpf_link_info i;

	memset(&i, 0, sizeof(i));
	i.type = BPF_LINK_TYPE_PERF_EVENT;
	i.perf_event.type = BPF_PERF_EVENT_KRETPROBE;
	i.perf_event.kprobe.func_name = (uintptr_t)"do_sys_open";
	i.perf_event.kprobe.addr = 0xffffffff81234560ULL;
	i.perf_event.kprobe.offset = 0x10;
	i.perf_event.kprobe.missed = 2;
	CHECK_STR(show(&plain_run, &i),
		  "\n\tkretprobe ffffffff81234560 do_sys_open+0x10  missed 2  ");
	CHECK_STR(show(&json_run, &i),
		  "{\"retprobe\":true,\"addr\":18446744071581156704,\"func\":\"do_sys_open\","
		  "\"offset\":16,\"missed\":2,\"cookie\":0}\n");
}

TEST(link_perf_event_uprobe)
{
	struct bpf_link_info i;

	memset(&i, 0, sizeof(i));
	i.type = BPF_LINK_TYPE_PERF_EVENT;
	i.perf_event.type = BPF_PERF_EVENT_UPROBE;
	i.perf_event.uprobe.file_name = (uintptr_t)"/bin/sh";
	i.perf_event.uprobe.offset = 0x1234;
	i.perf_event.uprobe.cookie = 5;
	CHECK_STR(show(&plain_run, &i), "\n\tuprobe /bin/sh+0x1234  cookie 5  ");
	CHECK_STR(show(&json_run, &i),
		  "{\"retprobe\":false,\"file\":\"/bin/sh\",\"offset\":4660,\"cookie\":5,"
		  "\"ref_ctr_offset\":0}\n");
}

TEST(link_perf_event_hw_cache)
{
	struct bpf_link_info i;

	memset(&i, 0, sizeof(i));
	i.type = BPF_LINK_TYPE_PERF_EVENT;
	i.perf_event.type = BPF_PERF_EVENT_EVENT;
	i.perf_event.event.type = 3;			/* hw-cache */
	i.perf_event.event.config = 0 | (1 << 8) | (1 << 16);	/* L1-dcache store misses */
	CHECK_STR(show(&plain_run, &i), "\n\tevent hw-cache:L1-dcache-store-misses  ");
	i.perf_event.event.config = 9 | (7 << 8) | (3 << 16);
	CHECK_STR(show(&json_run, &i),
		  "{\"event_type\":\"hw-cache\",\"event_config\":\"9-7-3\",\"cookie\":0}\n");
	i.perf_event.event.type = 9;
	i.perf_event.event.config = 4;
	CHECK_STR(show(&plain_run, &i), "\n\tevent 9 :4  ");
}

TEST(link_uprobe_multi)
{
	uint64_t off[2] = { 0x10, 0x20 }, ref[2] = { 0, 0x8 }, ck[2] = { 1, 2 };
	struct bpf_link_info i;

	memset(&i, 0, sizeof(i));
	i.type = BPF_LINK_TYPE_UPROBE_MULTI;
	i.uprobe_multi.path = (uintptr_t)"/usr/bin/x";
	i.uprobe_multi.offsets = (uintptr_t)off;
	i.uprobe_multi.ref_ctr_offsets = (uintptr_t)ref;
	i.uprobe_multi.cookies = (uintptr_t)ck;
	i.uprobe_multi.count = 2;
	i.uprobe_multi.flags = BPF_F_UPROBE_MULTI_RETURN;
	i.uprobe_multi.pid = 42;
	CHECK_STR(show(&plain_run, &i),
		  "\n\turetprobe.multi  path /usr/bin/x  func_cnt 2  pid 42  "
		  "\n\toffset             ref_ctr_offset     cookies         "
		  "\n\t0x10               0x0                0x1               "
		  "\n\t0x20               0x8                0x2               ");
	CHECK_STR(show(&json_run, &i),
		  "{\"retprobe\":true,\"path\":\"/usr/bin/x\",\"func_cnt\":2,\"pid\":42,\"funcs\":["
		  "{\"offset\":16,\"ref_ctr_offset\":0,\"cookie\":1},"
		  "{\"offset\":32,\"ref_ctr_offset\":8,\"cookie\":2}]}\n");
}

TEST(link_iter_and_struct_ops)
{
	struct bpf_link_info i;

	memset(&i, 0, sizeof(i));
	i.type = BPF_LINK_TYPE_ITER;
	i.iter.target_name = (uintptr_t)"bpf_map_elem";
	i.iter.map_id = 9;
	CHECK_STR(show(&plain_run, &i), "target_name bpf_map_elem  map_id 9  ");
	i.iter.target_name = (uintptr_t)"cgroup";
	i.iter.cgroup.cgroup_id = 77;
	i.iter.cgroup.order = 2;
	CHECK_STR(show(&json_run, &i),
		  "{\"target_name\":\"cgroup\",\"cgroup_id\":77,\"order\":\"descendants_pre\"}\n");
	i.iter.target_name = (uintptr_t)"task";
	i.iter.task.tid = 0;	/* shares bytes with the cgroup id */
	i.iter.task.pid = 5;
	CHECK_STR(show(&plain_run, &i), "target_name task  pid 5 ");
	memset(&i, 0, sizeof(i));
	i.type = BPF_LINK_TYPE_STRUCT_OPS;
	i.map.map_id = 3;
	CHECK_STR(show(&plain_run, &i), "");
	CHECK_STR(show(&json_run, &i), "{\"map_id\":3}\n");
}

TEST(link_kprobe_multi_empty_and_netfilter)
{
	struct bpf_link_info i;

	memset(&i, 0, sizeof(i));
	i.type = BPF_LINK_TYPE_KPROBE_MULTI;
	CHECK_STR(show(&plain_run, &i), "");
	CHECK_STR(show(&json_run, &i),
		  "{\"retprobe\":false,\"func_cnt\":0,\"missed\":0,\"funcs\":[]}\n");
	memset(&i, 0, sizeof(i));
	i.type = BPF_LINK_TYPE_NETFILTER;
	i.netfilter.pf = 3;
	i.netfilter.hooknum = 7;
	i.netfilter.priority = -1;
	i.netfilter.flags = 1;
	CHECK_STR(show(&plain_run, &i), "\n\tarp, hook 7, prio -1 flags 0x1");
	i.netfilter.pf = 99;
	i.netfilter.hooknum = 0;
	CHECK_STR(show(&plain_run, &i), "\n\tpf: 99, hook 0, prio -1 flags 0x1");
}

/* Addresses named from this machine's /proc/kallsyms, sorted, with their
 * cookies; the address of no symbol is left out.  (On an IBT kernel a
 * probe sits 4 bytes in: the test takes addresses kallsyms lists as
 * they are, which match either way.) */
TEST(link_kprobe_multi_named)
{
	struct bpf_link_info i;
	uint64_t a, b, addrs[3], cookies[3] = { 7, 8, 9 };
	char want[512];

	if (kallsyms_addr("bpf_map_put", &a) || kallsyms_addr("bpf_prog_put", &b) || !a || !b)
		SKIP("no addresses of bpf_map_put/bpf_prog_put in /proc/kallsyms (not root?)");
	addrs[0] = b > a ? b : a;
	addrs[1] = 1;	/* no symbol */
	addrs[2] = b > a ? a : b;
	memset(&i, 0, sizeof(i));
	i.type = BPF_LINK_TYPE_KPROBE_MULTI;
	i.kprobe_multi.count = 3;
	i.kprobe_multi.addrs = (uintptr_t)addrs;
	i.kprobe_multi.cookies = (uintptr_t)cookies;
	snprintf(want, sizeof(want),
		 "\n\tkprobe.multi  func_cnt 3  \n\taddr             cookie           func [module]"
		 "\n\t%016llx %-16d %s  \n\t%016llx %-16d %s  ",
		 (unsigned long long)addrs[2], 9, b > a ? "bpf_map_put" : "bpf_prog_put",
		 (unsigned long long)addrs[0], 7, b > a ? "bpf_prog_put" : "bpf_map_put");
	CHECK_STR(show(&plain_run, &i), want);
	snprintf(want, sizeof(want),
		 "{\"retprobe\":false,\"func_cnt\":3,\"missed\":0,\"funcs\":["
		 "{\"addr\":%llu,\"func\":\"%s\",\"module\":null,\"cookie\":9},"
		 "{\"addr\":%llu,\"func\":\"%s\",\"module\":null,\"cookie\":7}]}\n",
		 (unsigned long long)addrs[2], b > a ? "bpf_map_put" : "bpf_prog_put",
		 (unsigned long long)addrs[0], b > a ? "bpf_prog_put" : "bpf_map_put");
	CHECK_STR(show(&json_run, &i), want);
}

/* The IBT slack: an address 4 bytes past a symbol is named by it only
 * when asked for. */
TEST(kallsyms_name_slack)
{
	struct ksym s[2];
	uint64_t a;

	if (kallsyms_addr("bpf_map_put", &a) || !a)
		SKIP("no address of bpf_map_put in /proc/kallsyms (not root?)");
	memset(s, 0, sizeof(s));
	s[0].addr = a + 4;
	s[1].addr = a;
	CHECK(kallsyms_name(s, 2, 0) == 0);
	CHECK_STR(s[0].name, "bpf_map_put");	/* sorted: a first */
	CHECK(s[1].name[0] == 0 || strcmp(s[1].name, "bpf_map_put"));
	CHECK(kallsyms_name(s, 2, 4) == 0);
	CHECK_STR(s[1].name, "bpf_map_put");
}
