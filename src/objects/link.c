/* link: the "link" object as upstream bpftool's link.c: show/list with
 * each link type's details from BPF_OBJ_GET_INFO_BY_FD's struct
 * bpf_link_info (names, addresses and paths fetched by a second call
 * with buffers), -f pins and pids; pin; detach (BPF_LINK_DETACH). */
#include "cli/options.h"
#include "cli/run.h"
#include "kernel/kallsyms.h"
#include "kernel/kconfig.h"
#include "kernel/pids.h"
#include "kernel/sys_bpf.h"
#include "kernel/sys_proc.h"
#include "lib/names.h"
#include "objects/handle.h"
#include "objects/link.h"
#include "objects/net.h"
#include "objects/pin.h"
#include "objects/show.h"
#include "output/out.h"

#include <errno.h>
#include <limits.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- LINK := id ID | pinned FILE ------------------------------------ */

static int link_open(struct run *r, struct args *a)
{
	const char *w;
	uint32_t id;
	int fd;

	if (arg_is(a, "id") && a->argc >= 2) {
		arg_next(a);
		w = arg_next(a);
		if (parse_u32(w, &id))
			return run_error(r, "can't parse %s as ID", w);
		fd = sys_fd_by_id(SYS_OBJ_LINK, id, 0);
		if (fd < 0)
			return run_error(r, "failed to get link with ID %u: %s", id, errstr(fd));
		return fd;
	}
	if (arg_is(a, "pinned") && a->argc >= 2) {
		arg_next(a);
		return open_pinned(r, arg_next(a), FD_LINK, 0);
	}
	return run_error(r, "expected 'id' or 'pinned', got: '%s'?", arg_peek(a));
}

static int link_open_all(struct run *r, struct args *a, struct fd_list *l)
{
	int fd = link_open(r, a);

	l->n = 0;
	l->fds = fd < 0 ? NULL : malloc(sizeof(int));
	if (fd < 0)
		return -1;
	if (!l->fds) {
		close(fd);
		return run_error(r, "mem alloc failed");
	}
	l->fds[l->n++] = fd;
	return 1;
}

/* ---- fields ---------------------------------------------------------- */

/* A name from a table, or its number. */
static void field_name(struct run *r, const char *name, const char *plain_prefix,
		       const char *s, unsigned v)
{
	if (r->opt.json) {
		if (s)
			json_string_field(&r->jw, name, s);
		else
			json_uint_field(&r->jw, name, v);
	} else if (s) {
		out_fmt("%s%s  ", plain_prefix, s);
	} else {
		out_fmt("%s%u  ", plain_prefix, v);
	}
}

static void attach_type(struct run *r, uint32_t type)
{
	field_name(r, "attach_type", "attach_type ", attach_type_name(type), type);
}

static void ifindex_show(struct run *r, uint32_t ifindex)
{
	char name[IF_NAMESIZE], dev[IF_NAMESIZE * 2] = "(unknown)";
	bool known = ifindex && if_indextoname(ifindex, name);

	if (!ifindex)
		snprintf(dev, sizeof(dev), "(detached)");
	if (r->opt.json) {
		json_string_field(&r->jw, "devname", known ? name : dev);
		json_uint_field(&r->jw, "ifindex", ifindex);
		return;
	}
	if (known)
		snprintf(dev, sizeof(dev), "%s(%u)", name, ifindex);
	out_fmt("ifindex %s  ", dev);
}

static const char *str_at(uint64_t p)
{
	return p ? (const char *)(uintptr_t)p : "";
}

/* ---- iter ------------------------------------------------------------ */

static void iter_show(struct run *r, const struct bpf_link_info *info)
{
	static const char *const orders[] = {
#define ORDER(s) s,
		BPF_CGROUP_ITER_ORDERS(ORDER)
#undef ORDER
	};
	const char *target = str_at(info->iter.target_name);
	uint32_t order = info->iter.cgroup.order;

	show_field_s(r, "target_name", "target_name %s  ", target);
	if (!strcmp(target, "bpf_map_elem") || !strcmp(target, "bpf_sk_storage_map")) {
		show_field_u(r, "map_id", "map_id %llu  ", info->iter.map_id);
	} else if (!strcmp(target, "task") || !strcmp(target, "task_file") ||
		   !strcmp(target, "task_vma")) {
		if (info->iter.task.tid)
			show_field_u(r, "tid", "tid %llu ", info->iter.task.tid);
		else if (info->iter.task.pid)
			show_field_u(r, "pid", "pid %llu ", info->iter.task.pid);
	} else if (!strcmp(target, "cgroup")) {
		show_field_u(r, "cgroup_id", "cgroup_id %llu  ", info->iter.cgroup.cgroup_id);
		show_field_s(r, "order", "order %s  ",
			order < sizeof(orders) / sizeof(orders[0]) ? orders[order] : "unknown");
	}
}

/* ---- kprobe_multi: addresses named from /proc/kallsyms -------------- */

/* x86 kernels with IBT probe 4 bytes after a function's entry (after its
 * endbr); bpftool reads the kernel config to know. */
static bool x86_ibt(void)
{
#if defined(__x86_64__)
	static const char *const names[] = { "CONFIG_X86_KERNEL_IBT" };
	const char *value;
	enum kconfig_step failed;
	char *text;
	bool on;

	if (kconfig_load(&text, &failed))
		return false;
	kconfig_lookup(text, names, 1, &value);
	on = value && !strcmp(value, "y");
	free(text);
	return on;
#else
	return false;
#endif
}

/* Each address with its cookie, in address order, named as bpftool names
 * them; an address kallsyms does not list is left out. */
static void kprobe_multi_show(struct run *r, const struct bpf_link_info *info)
{
	const uint64_t *addrs = (const uint64_t *)(uintptr_t)info->kprobe_multi.addrs;
	const uint64_t *cookies = (const uint64_t *)(uintptr_t)info->kprobe_multi.cookies;
	uint32_t n = info->kprobe_multi.count, i;
	struct ksym *v;

	if (r->opt.json) {
		json_bool_field(&r->jw, "retprobe", info->kprobe_multi.flags & BPF_F_KPROBE_MULTI_RETURN);
		json_uint_field(&r->jw, "func_cnt", n);
		json_uint_field(&r->jw, "missed", info->kprobe_multi.missed);
		json_name(&r->jw, "funcs");
		json_start_array(&r->jw);
	} else {
		if (!n)
			return;
		out_str(info->kprobe_multi.flags & BPF_F_KPROBE_MULTI_RETURN ?
			"\n\tkretprobe.multi  " : "\n\tkprobe.multi  ");
		out_fmt("func_cnt %u  ", n);
		if (info->kprobe_multi.missed)
			out_fmt("missed %llu  ", (unsigned long long)info->kprobe_multi.missed);
	}
	v = n && addrs && cookies ? calloc(n, sizeof(*v)) : NULL;
	for (i = 0; v && i < n; i++) {
		v[i].addr = addrs[i];
		v[i].tag = cookies[i];
	}
	/* On an IBT kernel a probe sits 4 bytes past the symbol. */
	if (v && kallsyms_name(v, n, x86_ibt() ? 4 : 0))
		n = 0;
	if (v && n && !r->opt.json)
		out_fmt("\n\t%-16s %-16s %s", "addr", "cookie", "func [module]");
	for (i = 0; v && i < n; i++) {
		if (!v[i].name[0])
			continue;
		if (r->opt.json) {
			json_start_object(&r->jw);
			json_uint_field(&r->jw, "addr", v[i].addr);
			json_string_field(&r->jw, "func", v[i].name);
			if (v[i].module[0])
				json_string_field(&r->jw, "module", v[i].module);
			else
				json_null_field(&r->jw, "module");
			json_uint_field(&r->jw, "cookie", v[i].tag);
			json_end_object(&r->jw);
		} else {
			out_fmt("\n\t%016llx %-16llx %s", (unsigned long long)v[i].addr,
				(unsigned long long)v[i].tag, v[i].name);
			if (v[i].module[0])
				out_fmt(" [%s]  ", v[i].module);
			else
				out_str("  ");
		}
	}
	free(v);
	if (r->opt.json)
		json_end_array(&r->jw);
}

static void uprobe_multi_show(struct run *r, const struct bpf_link_info *info)
{
	const uint64_t *off = (const uint64_t *)(uintptr_t)info->uprobe_multi.offsets;
	const uint64_t *ref = (const uint64_t *)(uintptr_t)info->uprobe_multi.ref_ctr_offsets;
	const uint64_t *ck = (const uint64_t *)(uintptr_t)info->uprobe_multi.cookies;
	bool ret = info->uprobe_multi.flags & BPF_F_UPROBE_MULTI_RETURN;
	uint32_t n = info->uprobe_multi.count, i;

	if (!off || !ref || !ck)
		n = 0;
	if (r->opt.json) {
		json_bool_field(&r->jw, "retprobe", ret);
		json_string_field(&r->jw, "path", str_at(info->uprobe_multi.path));
		json_uint_field(&r->jw, "func_cnt", info->uprobe_multi.count);
		json_int_field(&r->jw, "pid", (int)info->uprobe_multi.pid);
		json_name(&r->jw, "funcs");
		json_start_array(&r->jw);
		for (i = 0; i < n; i++) {
			json_start_object(&r->jw);
			json_uint_field(&r->jw, "offset", off[i]);
			json_uint_field(&r->jw, "ref_ctr_offset", ref[i]);
			json_uint_field(&r->jw, "cookie", ck[i]);
			json_end_object(&r->jw);
		}
		json_end_array(&r->jw);
		return;
	}
	if (!info->uprobe_multi.count)
		return;
	out_str(ret ? "\n\turetprobe.multi  " : "\n\tuprobe.multi  ");
	out_fmt("path %s  func_cnt %u  ", str_at(info->uprobe_multi.path), info->uprobe_multi.count);
	if (info->uprobe_multi.pid)
		out_fmt("pid %u  ", info->uprobe_multi.pid);
	out_fmt("\n\t%-16s   %-16s   %-16s", "offset", "ref_ctr_offset", "cookies");
	for (i = 0; i < n; i++)
		out_fmt("\n\t0x%-16llx 0x%-16llx 0x%-16llx", (unsigned long long)off[i],
			(unsigned long long)ref[i], (unsigned long long)ck[i]);
}

/* ---- perf_event ------------------------------------------------------ */

static const char *const perf_types[] = {
	"hardware", "software", "tracepoint", "hw-cache", "raw", "breakpoint",
};
static const char *const perf_hw[] = {
	"cpu-cycles", "instructions", "cache-references", "cache-misses",
	"branch-instructions", "branch-misses", "bus-cycles",
	"stalled-cycles-frontend", "stalled-cycles-backend", "ref-cycles",
};
static const char *const perf_sw[] = {
	"cpu-clock", "task-clock", "page-faults", "context-switches",
	"cpu-migrations", "minor-faults", "major-faults", "alignment-faults",
	"emulation-faults", "dummy", "bpf-output", "cgroup-switches",
};
static const char *const perf_cache[] = {
	"L1-dcache", "L1-icache", "LLC", "dTLB", "iTLB", "branch", "node",
};
static const char *const perf_cache_op[] = { "load", "store", "prefetch" };
static const char *const perf_cache_result[] = { "refs", "misses" };

#define TABLE_NAME(t, i) ((i) < sizeof(t) / sizeof((t)[0]) ? (t)[i] : NULL)

static void cache_part(char *buf, size_t size, const char *name, unsigned long long v, const char *sep)
{
	size_t len = strlen(buf);

	if (name)
		snprintf(buf + len, size - len, "%s%s", name, sep);
	else
		snprintf(buf + len, size - len, "%llu%s", v, sep);
}

/* The event's config in perf's words, or NULL for a bare number. */
static const char *event_config(uint32_t type, uint64_t config, char *buf, size_t size)
{
	*buf = 0;
	switch (type) {
	case 0:
		return TABLE_NAME(perf_hw, config);
	case 1:
		return TABLE_NAME(perf_sw, config);
	case 3:
		cache_part(buf, size, TABLE_NAME(perf_cache, config & 0xff), config & 0xff, "-");
		cache_part(buf, size, TABLE_NAME(perf_cache_op, (config >> 8) & 0xff),
			   (config >> 8) & 0xff, "-");
		cache_part(buf, size, TABLE_NAME(perf_cache_result, config >> 16), config >> 16, "");
		return buf;
	default:
		return NULL;
	}
}

static void perf_event_show(struct run *r, const struct bpf_link_info *info)
{
	uint32_t type = info->perf_event.type;
	bool ret = type == BPF_PERF_EVENT_KRETPROBE || type == BPF_PERF_EVENT_URETPROBE;
	bool json = r->opt.json;
	char buf[128];
	const char *s;

	switch (type) {
	case BPF_PERF_EVENT_EVENT: {
		uint32_t et = info->perf_event.event.type;
		uint64_t config = info->perf_event.event.config;

		if (!json)
			out_str("\n\tevent ");
		s = TABLE_NAME(perf_types, et);
		if (json && s)
			json_string_field(&r->jw, "event_type", s);
		else if (json)
			json_uint_field(&r->jw, "event_type", et);
		else if (s)
			out_fmt("%s:", s);
		else
			out_fmt("%u :", et);
		s = event_config(et, config, buf, sizeof(buf));
		if (json && s)
			json_string_field(&r->jw, "event_config", s);
		else if (json)
			json_uint_field(&r->jw, "event_config", config);
		else if (s)
			out_fmt("%s  ", s);
		else
			out_fmt("%llu  ", (unsigned long long)config);
		if (json || info->perf_event.event.cookie)
			show_field_u(r, "cookie", "cookie %llu  ", info->perf_event.event.cookie);
		break;
	}
	case BPF_PERF_EVENT_TRACEPOINT:
		s = str_at(info->perf_event.tracepoint.tp_name);
		if (!json && !*s)
			break;
		show_field_s(r, "tracepoint", "\n\ttracepoint %s  ", s);
		if (json || info->perf_event.tracepoint.cookie)
			show_field_u(r, "cookie", "cookie %llu  ", info->perf_event.tracepoint.cookie);
		break;
	case BPF_PERF_EVENT_KPROBE:
	case BPF_PERF_EVENT_KRETPROBE:
		s = str_at(info->perf_event.kprobe.func_name);
		if (json) {
			json_bool_field(&r->jw, "retprobe", ret);
			json_uint_field(&r->jw, "addr", info->perf_event.kprobe.addr);
			json_string_field(&r->jw, "func", s);
			json_uint_field(&r->jw, "offset", info->perf_event.kprobe.offset);
			json_uint_field(&r->jw, "missed", info->perf_event.kprobe.missed);
			json_uint_field(&r->jw, "cookie", info->perf_event.kprobe.cookie);
			break;
		}
		if (!*s && !info->perf_event.kprobe.addr)
			break;
		out_str(ret ? "\n\tkretprobe " : "\n\tkprobe ");
		if (info->perf_event.kprobe.addr)
			out_fmt("%llx ", (unsigned long long)info->perf_event.kprobe.addr);
		out_str(s);
		if (info->perf_event.kprobe.offset)
			out_fmt("+%#x", info->perf_event.kprobe.offset);
		if (info->perf_event.kprobe.missed)
			out_fmt("  missed %llu", (unsigned long long)info->perf_event.kprobe.missed);
		if (info->perf_event.kprobe.cookie)
			out_fmt("  cookie %llu", (unsigned long long)info->perf_event.kprobe.cookie);
		out_str("  ");
		break;
	case BPF_PERF_EVENT_UPROBE:
	case BPF_PERF_EVENT_URETPROBE:
		s = str_at(info->perf_event.uprobe.file_name);
		if (json) {
			json_bool_field(&r->jw, "retprobe", ret);
			json_string_field(&r->jw, "file", s);
			json_uint_field(&r->jw, "offset", info->perf_event.uprobe.offset);
			json_uint_field(&r->jw, "cookie", info->perf_event.uprobe.cookie);
			json_uint_field(&r->jw, "ref_ctr_offset", info->perf_event.uprobe.ref_ctr_offset);
			break;
		}
		if (!*s)
			break;
		out_fmt("%s%s+%#x  ", ret ? "\n\turetprobe " : "\n\tuprobe ", s,
			info->perf_event.uprobe.offset);
		if (info->perf_event.uprobe.cookie)
			out_fmt("cookie %llu  ", (unsigned long long)info->perf_event.uprobe.cookie);
		if (info->perf_event.uprobe.ref_ctr_offset)
			out_fmt("ref_ctr_offset 0x%llx  ",
				(unsigned long long)info->perf_event.uprobe.ref_ctr_offset);
		break;
	}
}

/* ---- one link ---------------------------------------------------------- */

static void plain_nl(struct run *r)
{
	if (!r->opt.json)
		out_str("\n\t");
}

int link_details(struct run *r, const struct bpf_link_info *info)
{
	struct bpf_prog_info prog;
	int fd, err;

	switch (info->type) {
	case BPF_LINK_TYPE_RAW_TRACEPOINT:
		if (r->opt.json) {
			json_string_field(&r->jw, "tp_name", str_at(info->raw_tracepoint.tp_name));
			json_uint_field(&r->jw, "cookie", info->raw_tracepoint.cookie);
			break;
		}
		out_fmt("\n\ttp '%s'  ", str_at(info->raw_tracepoint.tp_name));
		if (info->raw_tracepoint.cookie)
			out_fmt("cookie %llu  ", (unsigned long long)info->raw_tracepoint.cookie);
		break;
	case BPF_LINK_TYPE_TRACING:
		fd = sys_fd_by_id(SYS_OBJ_PROG, info->prog_id, 0);
		err = fd < 0 ? fd : sys_prog_info(fd, &prog);
		if (fd >= 0)
			close(fd);
		if (err)
			return run_fail(r, err, "can't get prog info");
		plain_nl(r);
		field_name(r, "prog_type", "prog_type ", prog_type_name(prog.type), prog.type);
		attach_type(r, info->tracing.attach_type);
		if (r->opt.json) {
			json_uint_field(&r->jw, "target_obj_id", info->tracing.target_obj_id);
			json_uint_field(&r->jw, "target_btf_id", info->tracing.target_btf_id);
			json_uint_field(&r->jw, "cookie", info->tracing.cookie);
			break;
		}
		if (info->tracing.target_obj_id || info->tracing.target_btf_id)
			out_fmt("\n\ttarget_obj_id %u  target_btf_id %u  ",
				info->tracing.target_obj_id, info->tracing.target_btf_id);
		if (info->tracing.cookie)
			out_fmt("\n\tcookie %llu  ", (unsigned long long)info->tracing.cookie);
		break;
	case BPF_LINK_TYPE_CGROUP:
		show_field_u(r, "cgroup_id", "\n\tcgroup_id %llu  ", info->cgroup.cgroup_id);
		attach_type(r, info->cgroup.attach_type);
		break;
	case BPF_LINK_TYPE_ITER:
		iter_show(r, info);
		break;
	case BPF_LINK_TYPE_NETNS:
		show_field_u(r, "netns_ino", "\n\tnetns_ino %llu  ", info->netns.netns_ino);
		attach_type(r, info->netns.attach_type);
		break;
	case BPF_LINK_TYPE_NETFILTER:
		netfilter_print(r, info);
		break;
	case BPF_LINK_TYPE_TCX:
	case BPF_LINK_TYPE_NETKIT:
		plain_nl(r);
		ifindex_show(r, info->dev.ifindex);
		attach_type(r, info->dev.attach_type);
		break;
	case BPF_LINK_TYPE_SOCKMAP:
		show_field_u(r, "map_id", "\n\tmap_id %llu  ", info->map.map_id);
		attach_type(r, info->map.attach_type);
		break;
	case BPF_LINK_TYPE_XDP:
		plain_nl(r);
		ifindex_show(r, info->dev.ifindex);
		break;
	case BPF_LINK_TYPE_STRUCT_OPS:
		show_field_u(r, "map_id", NULL, info->map.map_id);	/* plain: in the header */
		break;
	case BPF_LINK_TYPE_KPROBE_MULTI:
		kprobe_multi_show(r, info);
		break;
	case BPF_LINK_TYPE_UPROBE_MULTI:
		uprobe_multi_show(r, info);
		break;
	case BPF_LINK_TYPE_PERF_EVENT:
		perf_event_show(r, info);
		break;
	}
	return 0;
}

/* Buffers for the names, addresses and paths a second info call fills. */
struct link_bufs {
	char name[PATH_MAX], path[PATH_MAX];
	uint64_t *a, *b, *c;
};

static uint64_t *array(uint64_t **slot, uint32_t n)
{
	*slot = calloc(n, sizeof(uint64_t));
	return *slot;
}

/* Point the info at buffers for what this type reports by reference;
 * returns 1 when a second call is needed, 0 when not, -ENOMEM. */
static int want_buffers(struct bpf_link_info *info, struct link_bufs *lb)
{
	uint64_t name = (uintptr_t)lb->name;
	uint32_t n;

	switch (info->type) {
	case BPF_LINK_TYPE_RAW_TRACEPOINT:
		info->raw_tracepoint.tp_name = name;
		info->raw_tracepoint.tp_name_len = sizeof(lb->name);
		return 1;
	case BPF_LINK_TYPE_ITER:
		info->iter.target_name = name;
		info->iter.target_name_len = sizeof(lb->name);
		return 1;
	case BPF_LINK_TYPE_KPROBE_MULTI:
		n = info->kprobe_multi.count;
		if (!n)
			return 0;
		if (!array(&lb->a, n) || !array(&lb->b, n))
			return -ENOMEM;
		info->kprobe_multi.addrs = (uintptr_t)lb->a;
		info->kprobe_multi.cookies = (uintptr_t)lb->b;
		return 1;
	case BPF_LINK_TYPE_UPROBE_MULTI:
		n = info->uprobe_multi.count;
		if (!n)
			return 0;
		if (!array(&lb->a, n) || !array(&lb->b, n) || !array(&lb->c, n))
			return -ENOMEM;
		info->uprobe_multi.offsets = (uintptr_t)lb->a;
		info->uprobe_multi.ref_ctr_offsets = (uintptr_t)lb->b;
		info->uprobe_multi.cookies = (uintptr_t)lb->c;
		info->uprobe_multi.path = (uintptr_t)lb->path;
		info->uprobe_multi.path_size = sizeof(lb->path);
		return 1;
	case BPF_LINK_TYPE_PERF_EVENT:
		switch (info->perf_event.type) {
		case BPF_PERF_EVENT_TRACEPOINT:
			info->perf_event.tracepoint.tp_name = name;
			info->perf_event.tracepoint.name_len = sizeof(lb->name);
			return 1;
		case BPF_PERF_EVENT_KPROBE:
		case BPF_PERF_EVENT_KRETPROBE:
			info->perf_event.kprobe.func_name = name;
			info->perf_event.kprobe.name_len = sizeof(lb->name);
			return 1;
		case BPF_PERF_EVENT_UPROBE:
		case BPF_PERF_EVENT_URETPROBE:
			info->perf_event.uprobe.file_name = name;
			info->perf_event.uprobe.name_len = sizeof(lb->name);
			return 1;
		}
		return 0;
	}
	return 0;
}

static int show_one(struct run *r, struct show_ctx *c, int fd)
{
	struct bpf_link_info info;
	struct link_bufs *lb = calloc(1, sizeof(*lb));
	int err;

	if (!lb)
		return run_error(r, "mem alloc failed");
	memset(&info, 0, sizeof(info));
	err = sys_link_info(fd, &info);
	if (!err) {
		err = want_buffers(&info, lb);
		if (err > 0)
			err = sys_link_info(fd, &info);
	}
	if (err) {
		err = run_fail(r, err, "can't get link info");
		goto out;
	}
	if (r->opt.json) {
		json_start_object(&r->jw);
		json_uint_field(&r->jw, "id", info.id);
	} else {
		out_fmt("%u: ", info.id);
	}
	if (r->opt.json || link_type_name(info.type))
		field_name(r, "type", "", link_type_name(info.type), info.type);
	else
		out_fmt("type %u  ", info.type);
	if (r->opt.json)
		json_uint_field(&r->jw, "prog_id", info.prog_id);
	else if (info.type == BPF_LINK_TYPE_STRUCT_OPS)
		out_fmt("map %u  ", info.map.map_id);
	else
		out_fmt("prog %u  ", info.prog_id);
	err = link_details(r, &info);
	if (!err) {
		if (r->opt.json) {
			show_pins_json(r, c, info.id);
			refs_json(&c->refs, info.id, &r->jw);
			json_end_object(&r->jw);
		} else {
			show_pins_plain(c, info.id);
			refs_plain(&c->refs, info.id, "\n\tpids ");
			out_char('\n');
		}
		out_line_done();
	}
out:
	free(lb->a);
	free(lb->b);
	free(lb->c);
	free(lb);
	return err;
}

static int show_fd(struct run *r, int fd, void *ctx)
{
	return show_one(r, ctx, fd);
}

static int do_show(struct run *r, struct args *a)
{
	static const struct show_kind links = {
		FD_LINK, REFS_LINK, SYS_OBJ_LINK, 0, link_open_all, show_fd,
	};

	return show_command(r, a, &links);
}

static int do_pin(struct run *r, struct args *a)
{
	return pin_command(r, a, link_open);
}

static int do_detach(struct run *r, struct args *a)
{
	int fd, err;

	if (a->argc != 2)
		return run_error(r, "link specifier is invalid or missing");
	fd = link_open(r, a);
	if (fd < 0)
		return -1;
	err = sys_link_detach(fd);
	close(fd);
	if (err)
		return run_error(r, "failed link detach: %s", errstr(err));
	return run_done(r);
}

static int do_help(struct run *r, struct args *a)
{
	if (r->opt.json)
		return run_done(r);
	fprintf(stderr,
		"Usage: %1$s %2$s { show | list }   [LINK]\n"
		"       %1$s %2$s pin        LINK  FILE\n"
		"       %1$s %2$s detach     LINK\n"
		"       %1$s %2$s help\n"
		"\n"
		"       LINK := { id LINK_ID | pinned FILE }\n"
		, r->bin_name, "link");
	options_help(HELP_LINK);
	return 0;
}

static const struct cmd cmds[] = {
	{ "show", do_show },
	{ "list", do_show },
	{ "help", do_help },
	{ "pin", do_pin },
	{ "detach", do_detach },
	{ 0 }
};

int do_link(struct run *r, struct args *a)
{
	return cmd_select(r, cmds, a, do_help);
}
