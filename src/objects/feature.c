/* feature: "feature probe" and "feature list_builtins", as upstream
 * bpftool's feature.c prints them: plain text, -j/-p, or "macros" (C
 * #defines for a build).  The probes are kernel/probe.c, the kernel
 * config comes from kernel/kconfig.c.  list_builtins prints the name
 * tables of lib/names.c, the ones every other command parses and prints
 * with. */
#include "cli/options.h"
#include "cli/run.h"
#include "kernel/caps.h"
#include "kernel/kconfig.h"
#include "kernel/probe.h"
#include "lib/names.h"
#include "output/out.h"
#include "uapi/bpf.h"

#include <ctype.h>
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/vfs.h>

#define PROC_SUPER_MAGIC 0x9fa0

/* One run of "feature probe": where the answers go. */
struct feat {
	struct run *r;
	struct json *j;		/* NULL unless -j/-p */
	const char *prefix;	/* "macros [prefix P]": P or "", else NULL */
	bool full, unprivileged;
	struct probe probe;
	uint8_t helpers[BPF_PROG_TYPE_COUNT][PROBE_HELPER_BYTES];
};

static void section_start(struct feat *f, const char *title, const char *plain,
			  const char *macro)
{
	if (f->j) {
		json_name(f->j, title);
		json_start_object(f->j);
	} else {
		out_str(f->prefix ? macro : plain);
		out_char('\n');
	}
}

static void section_end(struct feat *f)
{
	if (f->j)
		json_end_object(f->j);
	else
		out_char('\n');
}

/* One yes/no answer: a JSON bool named name, "#define [P][NO_]HAVE_macro",
 * or "plain is [NOT ]available". */
static void print_bool(struct feat *f, const char *name, const char *plain,
		       const char *macro, bool res)
{
	if (f->j)
		json_bool_field(f->j, name, res);
	else if (f->prefix)
		out_fmt("#define %s%sHAVE_%s\n", f->prefix, res ? "" : "NO_", macro);
	else
		out_fmt("%s is %savailable\n", plain, res ? "" : "NOT ");
}

/* "have_<name>_<kind>", "eBPF <plain_kind> <name>", "<NAME>_<KIND>". */
static void print_type(struct feat *f, const char *kind, const char *plain_kind,
		       const char *name, bool res)
{
	char json[96], plain[96], macro[96], *c;

	snprintf(json, sizeof(json), "have_%s_%s", name, kind);
	snprintf(plain, sizeof(plain), "eBPF %s %s", plain_kind, name);
	snprintf(macro, sizeof(macro), "%s_%s", name, kind);
	for (c = macro; *c; c++)
		*c = (char)toupper((unsigned char)*c);
	print_bool(f, json, plain, macro, res);
}

/* bpftool's read_procfs(): one decimal number on one line, else -1. */
static long read_proc_number(const char *path)
{
	char buf[64], *end;
	FILE *fp = fopen(path, "re");
	long v;

	if (!fp)
		return -1;
	if (!fgets(buf, sizeof(buf), fp)) {
		fclose(fp);
		return -1;
	}
	fclose(fp);
	errno = 0;
	v = strtol(buf, &end, 10);
	return errno || !*buf || *end != '\n' ? -1 : v;
}

/* The sysctls bpftool reports, and its sentence for each value.  Values
 * past the list use "unknown"; -1 (unreadable) is the last sentence. */
static const struct sysctl_probe {
	const char *path, *json;
	const char *says[4];	/* for 0, 1, 2, and -1 */
	const char *unknown;
} sysctls[] = {
	{ "/proc/sys/kernel/unprivileged_bpf_disabled", "unprivileged_bpf_disabled",
	  { "bpf() syscall for unprivileged users is enabled",
	    "bpf() syscall restricted to privileged users (without recovery)",
	    "bpf() syscall restricted to privileged users (admin can change)",
	    "Unable to retrieve required privileges for bpf() syscall" },
	  "bpf() syscall restriction has unknown value %ld" },
	{ "/proc/sys/net/core/bpf_jit_enable", "bpf_jit_enable",
	  { "JIT compiler is disabled", "JIT compiler is enabled",
	    "JIT compiler is enabled with debugging traces in kernel logs",
	    "Unable to retrieve JIT-compiler status" },
	  "JIT-compiler status has unknown value %ld" },
	{ "/proc/sys/net/core/bpf_jit_harden", "bpf_jit_harden",
	  { "JIT compiler hardening is disabled",
	    "JIT compiler hardening is enabled for unprivileged users",
	    "JIT compiler hardening is enabled for all users",
	    "Unable to retrieve JIT hardening status" },
	  "JIT hardening status has unknown value %ld" },
	{ "/proc/sys/net/core/bpf_jit_kallsyms", "bpf_jit_kallsyms",
	  { "JIT compiler kallsyms exports are disabled",
	    "JIT compiler kallsyms exports are enabled for root", NULL,
	    "Unable to retrieve JIT kallsyms export status" },
	  "JIT kallsyms exports status has unknown value %ld" },
	{ "/proc/sys/net/core/bpf_jit_limit", "bpf_jit_limit",
	  { NULL, NULL, NULL,
	    "Unable to retrieve global memory limit for JIT compiler for unprivileged users" },
	  "Global memory limit for JIT compiler for unprivileged users is %ld bytes" },
};

static void probe_sysctls(struct feat *f)
{
	const struct sysctl_probe *s;
	long v;

	for (s = sysctls; s < sysctls + sizeof(sysctls) / sizeof(sysctls[0]); s++) {
		v = read_proc_number(s->path);
		if (f->j)
			json_int_field(f->j, s->json, v);
		else if (v == -1)
			out_fmt("%s\n", s->says[3]);
		else if (v >= 0 && v <= 2 && s->says[v])
			out_fmt("%s\n", s->says[v]);
		else {
			out_fmt(s->unknown, v);
			out_char('\n');
		}
	}
}

/* The build options bpftool reports; only CONFIG_HZ goes into macros. */
static const char *const kernel_options[] = {
	"CONFIG_BPF", "CONFIG_BPF_SYSCALL", "CONFIG_HAVE_EBPF_JIT", "CONFIG_BPF_JIT",
	"CONFIG_BPF_JIT_ALWAYS_ON", "CONFIG_DEBUG_INFO_BTF",
	"CONFIG_DEBUG_INFO_BTF_MODULES", "CONFIG_CGROUPS", "CONFIG_CGROUP_BPF",
	"CONFIG_CGROUP_NET_CLASSID", "CONFIG_SOCK_CGROUP_DATA", "CONFIG_BPF_EVENTS",
	"CONFIG_KPROBE_EVENTS", "CONFIG_UPROBE_EVENTS", "CONFIG_TRACING",
	"CONFIG_FTRACE_SYSCALLS", "CONFIG_FUNCTION_ERROR_INJECTION",
	"CONFIG_BPF_KPROBE_OVERRIDE", "CONFIG_NET", "CONFIG_XDP_SOCKETS",
	"CONFIG_LWTUNNEL_BPF", "CONFIG_NET_ACT_BPF", "CONFIG_NET_CLS_BPF",
	"CONFIG_NET_CLS_ACT", "CONFIG_NET_SCH_INGRESS", "CONFIG_XFRM",
	"CONFIG_IP_ROUTE_CLASSID", "CONFIG_IPV6_SEG6_BPF", "CONFIG_BPF_LIRC_MODE2",
	"CONFIG_BPF_STREAM_PARSER", "CONFIG_NETFILTER_XT_MATCH_BPF", "CONFIG_TEST_BPF",
	"CONFIG_HZ",
};
#define N_OPTIONS (sizeof(kernel_options) / sizeof(kernel_options[0]))

static void probe_kernel_config(struct feat *f)
{
	static const char *const steps[] = {
		[KCONFIG_OPEN] = "can't open file: ", [KCONFIG_READ] = "can't read from file: ",
	};
	const char *values[N_OPTIONS];
	enum kconfig_step failed;
	char *text;
	size_t i;
	int err;

	err = kconfig_load(&text, &failed);
	if (err == -ENOEXEC) {
		run_notice(f->r, "skipping kernel config, can't find correct file");
		return;
	}
	/* Too short: bpftool's gzgets() hit the end, errno still 0. */
	if (err) {
		run_notice(f->r, "skipping kernel config, %s%s", steps[failed],
			   errstr(err == -ENODATA ? 0 : err));
		return;
	}
	kconfig_lookup(text, kernel_options, N_OPTIONS, values);
	/* In macros, only CONFIG_HZ (the last): jiffies for bpf_jiffies64(). */
	for (i = f->prefix ? N_OPTIONS - 1 : 0; i < N_OPTIONS; i++) {
		const char *name = kernel_options[i], *v = values[i];

		if (f->j && v)
			json_string_field(f->j, name, v);
		else if (f->j)
			json_null_field(f->j, name);
		else if (f->prefix && v)
			out_fmt("#define %s%s %s\n", f->prefix, name, v);
		else if (f->prefix)
			out_fmt("/* %s%s is not set */\n", f->prefix, name);
		else if (v)
			out_fmt("%s is set to %s\n", name, v);
		else
			out_fmt("%s is not set\n", name);
	}
	free(text);
}

static void section_system_config(struct feat *f)
{
	struct statfs st;

	section_start(f, "system_config", "Scanning system configuration...",
		      "/*** Misc kernel config items ***/");
	if (!f->prefix) {
		if (!statfs("/proc", &st) && (unsigned long)st.f_type == PROC_SUPER_MAGIC)
			probe_sysctls(f);
		else
			run_notice(f->r, "/* procfs not mounted, skipping related probes */");
	}
	probe_kernel_config(f);
	section_end(f);
}

/* Offload devices take only these program and map types. */
static bool offloadable_prog(uint32_t type)
{
	return type == BPF_PROG_TYPE_SCHED_CLS || type == BPF_PROG_TYPE_XDP;
}

static void section_program_types(struct feat *f, bool *supported)
{
	uint32_t type;
	bool res;

	section_start(f, "program_types", "Scanning eBPF program types...",
		      "/*** eBPF program types ***/");
	for (type = 1; type < BPF_PROG_TYPE_COUNT; type++) {
		if (f->probe.ifindex && !offloadable_prog(type))
			continue;
		res = probe_prog_type(&f->probe, type);
		/* Unprivileged, EPERM is "not allowed", not an answer. */
		if (f->unprivileged && f->probe.err == EPERM)
			res = false;
		supported[type] = res;
		print_type(f, "prog_type", "program_type", prog_type_name(type), res);
	}
	section_end(f);
}

static void section_map_types(struct feat *f)
{
	uint32_t type;

	section_start(f, "map_types", "Scanning eBPF map types...", "/*** eBPF map types ***/");
	for (type = 1; type < BPF_MAP_TYPE_COUNT; type++) {
		if (f->probe.ifindex && type != BPF_MAP_TYPE_HASH && type != BPF_MAP_TYPE_ARRAY)
			continue;
		print_type(f, "map_type", "map_type", map_type_name(type), probe_map_type(&f->probe, type));
	}
	section_end(f);
}

/* These three leave a warning in the kernel log: only in "full". */
static bool noisy_helper(uint32_t id)
{
	return id == BPF_FUNC_trace_printk || id == BPF_FUNC_trace_vprintk ||
	       id == BPF_FUNC_probe_write_user;
}

static void helpers_for_type(struct feat *f, uint32_t type, bool supported)
{
	const char *tname = prog_type_name(type), *hname;
	bool res, any = false;
	uint32_t id;
	char name[96];

	if (f->j) {
		snprintf(name, sizeof(name), "%s_available_helpers", tname);
		json_name(f->j, name);
		json_start_array(f->j);
	} else if (!f->prefix) {
		out_fmt("eBPF helpers supported for program type %s:", tname);
	}
	for (id = 1; (hname = helper_short_name(id)); id++) {
		if (!f->full && noisy_helper(id))
			continue;
		res = f->helpers[type][id / 8] >> id % 8 & 1;
		any |= res;
		if (f->j && res)
			json_rawf(f->j, "\"bpf_%s\"", hname);
		else if (f->prefix)
			out_fmt("#define %sBPF__PROG_TYPE_%s__HELPER_bpf_%s %d\n",
				f->prefix, tname, hname, res);
		else if (!f->j && res)
			out_fmt("\n\t- bpf_%s", hname);
	}
	if (f->j) {
		json_end_array(f->j);
	} else if (!f->prefix) {
		out_char('\n');
		if (!any)
			out_str(supported ? "\tCould not determine which helpers are available\n" :
				"\tProgram type not supported\n");
	}
}

static void section_helpers(struct feat *f, const bool *supported)
{
	const char *p = f->prefix;
	uint32_t type;

	section_start(f, "helpers", "Scanning eBPF helper functions...",
		      "/*** eBPF helper functions ***/");
	if (p && !f->j)
		out_fmt("/*\n"
			" * Use %sHAVE_PROG_TYPE_HELPER(prog_type_name, helper_name)\n"
			" * to determine if <helper_name> is available for <prog_type_name>,\n"
			" * e.g.\n"
			" *\t#if %sHAVE_PROG_TYPE_HELPER(xdp, bpf_redirect)\n"
			" *\t\t// do stuff with this helper\n"
			" *\t#elif\n"
			" *\t\t// use a workaround\n"
			" *\t#endif\n"
			" */\n"
			"#define %sHAVE_PROG_TYPE_HELPER(prog_type, helper)\t\\\n"
			"\t%sBPF__PROG_TYPE_ ## prog_type ## __HELPER_ ## helper\n",
			p, p, p, p);
	for (type = 1; type < BPF_PROG_TYPE_COUNT; type++)
		if (!f->probe.ifindex || offloadable_prog(type))
			helpers_for_type(f, type, supported[type]);
	section_end(f);
}

static void section_misc(struct feat *f)
{
	static const struct {
		const char *json, *plain, *macro;
	} misc[] = {
		[PROBE_LARGE_INSN_LIMIT] = { "have_large_insn_limit", "Large program size limit",
					     "LARGE_INSN_LIMIT" },
		[PROBE_BOUNDED_LOOPS] = { "have_bounded_loops", "Bounded loop support",
					  "BOUNDED_LOOPS" },
		[PROBE_V2_ISA] = { "have_v2_isa_extension", "ISA extension v2", "V2_ISA_EXTENSION" },
		[PROBE_V3_ISA] = { "have_v3_isa_extension", "ISA extension v3", "V3_ISA_EXTENSION" },
		[PROBE_V4_ISA] = { "have_v4_isa_extension", "ISA extension v4", "V4_ISA_EXTENSION" },
	};
	unsigned i;

	section_start(f, "misc", "Scanning miscellaneous eBPF features...",
		      "/*** eBPF misc features ***/");
	for (i = 0; i < sizeof(misc) / sizeof(misc[0]); i++)
		print_bool(f, misc[i].json, misc[i].plain, misc[i].macro,
			   probe_misc(&f->probe, (enum probe_misc)i));
	section_end(f);
}

/* bpftool's handle_perms(): probing as root needs every BPF-related
 * capability; "unprivileged" drops them from the effective set (and
 * *saved says how to restore them afterwards). */
static int handle_perms(struct feat *f, struct caps *saved, bool *restore)
{
	static const struct { int cap; const char *name; } bpf_caps[] = {
		{ CAP_SYS_ADMIN, "CAP_SYS_ADMIN" }, { CAP_BPF, "CAP_BPF" },
		{ CAP_NET_ADMIN, "CAP_NET_ADMIN" }, { CAP_PERFMON, "CAP_PERFMON" },
	};
	/* Before 5.8 (no CAP_BPF), CAP_SYS_ADMIN alone is what counts. */
	unsigned n = cap_known(CAP_BPF) ? 4 : 1, i, have = 0;
	char missing[96] = "";
	struct caps c;
	uint64_t drop = 0;
	int err;

	*restore = false;
	err = caps_get(&c);
	if (err)
		return run_error(f->r, "failed to get capabilities for process: %s", errstr(err));
	for (i = 0; i < n; i++) {
		if (c.effective >> bpf_caps[i].cap & 1) {
			have++;
			drop |= 1ULL << bpf_caps[i].cap;
		} else {
			strcat(missing, bpf_caps[i].name);
			strcat(missing, ", ");
		}
	}
	if (f->unprivileged ? !have : have == n)
		return 0;
	if (!f->unprivileged)
		return run_error(f->r, "missing %srequired for full feature probing; "
				 "run as root or use 'unprivileged'",
				 n == 1 ? "CAP_SYS_ADMIN, " : missing);
	*saved = c;
	c.effective &= ~drop;
	err = caps_set(&c);
	if (err)
		return run_error(f->r, "failed to drop capabilities: %s", errstr(err));
	*restore = true;
	return 0;
}

static int do_probe(struct run *r, struct args *a)
{
	struct rlimit inf = { RLIM_INFINITY, RLIM_INFINITY };
	bool supported[BPF_PROG_TYPE_COUNT] = { false }, component = false, restore;
	const char *ifname = NULL, *word;
	uint8_t want[PROBE_HELPER_BYTES] = { 0 };
	uint32_t ifindex = 0, i;
	struct caps saved;
	struct feat *f;
	int ret = 0;

	f = calloc(1, sizeof(*f));
	if (!f)
		return run_fail(r, -ENOMEM, "feature probe");
	f->r = r;
	while ((word = arg_peek(a))) {
		if (is_prefix(word, "kernel") || is_prefix(word, "dev")) {
			bool dev = !is_prefix(word, "kernel");

			arg_next(a);
			if (component) {
				ret = run_error(r, "component to probe already specified");
				goto out;
			}
			component = true;
			if (!dev)
				continue;
			if (run_need_args(r, a, 1)) {
				ret = -1;
				goto out;
			}
			ifname = arg_next(a);
			ifindex = if_nametoindex(ifname);
			if (!ifindex) {
				ret = run_error(r, "unrecognized netdevice '%s': %s", ifname,
						errstr(-errno));
				goto out;
			}
		} else if (is_prefix(word, "full")) {
			arg_next(a);
			f->full = true;
		} else if (is_prefix(word, "macros") && !f->prefix) {
			arg_next(a);
			f->prefix = "";
		} else if (is_prefix(word, "prefix")) {
			arg_next(a);
			if (!f->prefix) {
				ret = run_error(r, "'prefix' argument can only be use after 'macros'");
				goto out;
			}
			if (*f->prefix) {
				ret = run_error(r, "'prefix' already defined");
				goto out;
			}
			if (run_need_args(r, a, 1)) {
				ret = -1;
				goto out;
			}
			f->prefix = arg_next(a);
		} else if (is_prefix(word, "unprivileged")) {
			arg_next(a);
			f->unprivileged = true;
		} else {
			ret = run_error(r, "expected no more arguments, 'kernel', 'dev', 'macros' "
					"or 'prefix', got: '%s'?", word);
			goto out;
		}
	}
	/* Kernels before 5.11 charge programs and maps to memlock. */
	setrlimit(RLIMIT_MEMLOCK, &inf);
	if (handle_perms(f, &saved, &restore)) {
		ret = -1;
		goto out;
	}
	probe_init(&f->probe, ifname, ifindex);
	if (r->opt.json) {
		f->j = &r->jw;
		f->prefix = NULL;
		json_start_object(f->j);
	}
	if (!ifindex)
		section_system_config(f);
	section_start(f, "syscall_config", "Scanning system call availability...",
		      "/*** System call availability ***/");
	component = probe_bpf_syscall();
	print_bool(f, "have_bpf_syscall", "bpf() syscall", "BPF_SYSCALL", component);
	section_end(f);
	if (component) {
		section_program_types(f, supported);
		section_map_types(f);
		for (i = 1; i < BPF_HELPER_COUNT; i++)
			if (f->full || !noisy_helper(i))
				want[i / 8] |= (uint8_t)(1 << i % 8);
		probe_helper_table(&f->probe, supported, want, f->unprivileged, f->helpers);
		section_helpers(f, supported);
		section_misc(f);
	}
	if (f->j)
		json_end_object(f->j);
	if (restore)
		caps_set(&saved);
out:
	free(f);
	return ret;
}

static int do_list_builtins(struct run *r, struct args *a)
{
	static const struct {
		const char *group;
		const char *(*name)(uint32_t id);
		const char *prefix;
	} groups[] = {
		{ "prog_types", prog_type_name, "" },
		{ "map_types", map_type_name, "" },
		{ "attach_types", attach_type_name, "" },
		{ "link_types", link_type_name, "" },
		{ "helpers", helper_short_name, "bpf_" },
	};
	const char *(*name)(uint32_t id) = NULL;
	const char *word = arg_peek(a), *s, *prefix = "";
	unsigned i;
	uint32_t id;

	if (!word)
		return run_usage(r);
	for (i = 0; i < sizeof(groups) / sizeof(groups[0]) && !name; i++)
		if (is_prefix(word, groups[i].group)) {
			name = groups[i].name;
			prefix = groups[i].prefix;
		}
	if (!name)
		return run_error(r, "expected 'prog_types', 'map_types', 'attach_types', "
				 "'link_types' or 'helpers', got: %s", word);
	if (r->opt.json)
		json_start_array(&r->jw);
	/* The names are identifiers: nothing to escape. */
	for (id = 0; (s = name(id)); id++) {
		if (r->opt.json)
			json_rawf(&r->jw, "\"%s%s\"", prefix, s);
		else
			out_fmt("%s%s\n", prefix, s);
	}
	if (r->opt.json)
		json_end_array(&r->jw);
	return 0;
}

static int do_help(struct run *r, struct args *a)
{
	if (r->opt.json)
		return run_done(r);
	fprintf(stderr,
		"Usage: %1$s %2$s probe [COMPONENT] [full] [unprivileged] [macros [prefix PREFIX]]\n"
		"       %1$s %2$s list_builtins GROUP\n"
		"       %1$s %2$s help\n"
		"\n"
		"       COMPONENT := { kernel | dev NAME }\n"
		"       GROUP := { prog_types | map_types | attach_types | link_types | helpers }\n"
		, r->bin_name, "feature");
	options_help(HELP_OTHER);
	return 0;
}

static const struct cmd cmds[] = {
	{ "probe", do_probe },
	{ "list_builtins", do_list_builtins },
	{ "help", do_help },
	{ 0 }
};

int do_feature(struct run *r, struct args *a)
{
	return cmd_select(r, cmds, a, do_help);
}
