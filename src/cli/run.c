/* run: one command line from start to exit status, as bpftool's main():
 * options (cli/options.c), then the object table matched by prefix in
 * table order, "help" and "version".  Every path ends in
 * run_finish_command(), which reports what is pending, closes the JSON
 * document, and turns a failed write into a failure. */
#include "cli/options.h"
#include "cli/run.h"
#include "btf/btf.h"
#include "output/out.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static int do_help(struct run *r, struct args *a)
{
	if (r->opt.json)
		return run_done(r);
	fprintf(stderr,
		"Usage: %s [OPTIONS] OBJECT { COMMAND | help }\n"
		"       %s batch file FILE\n"
		"       %s version\n"
		"\n"
		"       OBJECT := { prog | map | link | cgroup | perf | net | feature | btf }\n"
		, r->bin_name, r->bin_name, r->bin_name);
	options_help(HELP_TOP);
	r->reported = true;
	return 0;
}

/* The exact source, from the Makefile: the git commit ("-dirty" with
 * local changes) or what `make dist` recorded; "" when unknown. */
#ifndef BPFBOX_COMMIT
#define BPFBOX_COMMIT ""
#endif

static int do_version(struct run *r, struct args *a)
{
	struct json *j = &r->jw;

	if (r->opt.json) {
		json_start_object(j);
		json_string_field(j, "version", BPFBOX_VERSION);
		json_null_field(j, "libbpf_version");
		json_name(j, "features");
		json_start_object(j);
		json_bool_field(j, "libbfd", false);
		json_bool_field(j, "llvm", false);
		json_bool_field(j, "crypto", false);
		json_bool_field(j, "skeletons", false);
		json_bool_field(j, "bootstrap", false);
		json_end_object(j);
		if (*BPFBOX_COMMIT)
			json_string_field(j, "commit", BPFBOX_COMMIT);
		json_end_object(j);
	} else {
		out_fmt("%s v%s\nusing libbpf none (bpfbox is standalone)\n"
			"features:\n", r->bin_name, BPFBOX_VERSION);
		if (*BPFBOX_COMMIT)
			out_fmt("commit: %s\n", BPFBOX_COMMIT);
	}
	return 0;
}

static const struct cmd commands[] = {
	{ "help", do_help },
	{ "batch", do_batch },
	{ "prog", do_prog },
	{ "map", do_map },
	/* in bpftool's order, so prefixes resolve as there ("l" is link);
	 * NULL: an object bpfbox leaves out */
	{ "link", do_link },
	{ "cgroup", do_cgroup },
	{ "perf", do_perf },
	{ "net", do_net },
	{ "feature", do_feature },
	{ "btf", do_btf },
	{ "gen", NULL },
	{ "struct_ops", NULL },
	{ "iter", NULL },
	{ "token", NULL },
	{ "version", do_version },
	{ 0 }
};

int run_top_level(struct run *r, struct args *a)
{
	r->entered = NULL;
	return cmd_select(r, commands, a, do_help);
}

const struct btf *run_vmlinux_btf(struct run *r, int *err)
{
	*err = 0;
	if (!r->vmlinux)
		*err = btf_load_vmlinux(&r->vmlinux);
	return *err ? NULL : r->vmlinux;
}

int run_finish_command(struct run *r, int ret, unsigned depth)
{
	if (r->usage_error)
		ret = run_report_usage(r);
	/* A failure nobody explained still gets a message: a script must
	 * never see a bare non-zero status. */
	if (ret && !r->reported)
		run_error(r, "command failed");
	if (r->opt.json)
		json_close(&r->jw, depth);
	r->reported = false;
	return ret ? -1 : 0;
}

int bpfbox_main(int argc, char **argv)
{
	const char *base = argc > 0 ? strrchr(argv[0], '/') : NULL;
	struct run r;
	struct args a;
	int ret, err;

	memset(&r, 0, sizeof(r));
	out_init();
	base = base ? base + 1 : argc > 0 ? argv[0] : "";
	/* Through a "bpftool" link, help text names bpftool like scripts
	 * and users expect. */
	r.bin_name = strcmp(base, "bpftool") ? "bpfbox" : "bpftool";
	r.help = do_help;
	ret = argc > 0 ? options_parse(&r, &argc, argv) : OPTIONS_RUN;
	a.argc = argc > 0 ? argc - 1 : 0;
	a.argv = argv + (argc > 0);
	if (ret == OPTIONS_HELP)
		ret = do_help(&r, &a);
	else if (!ret && r.opt.version)
		ret = do_version(&r, &a);
	else if (!ret)
		ret = run_top_level(&r, &a);
	ret = run_finish_command(&r, ret, 0);
	if (r.opt.json && json_slot(&r.jw) == JSON_SLOT_FULL)
		json_finish(&r.jw);
	if (r.vmlinux)
		btf_free(r.vmlinux);

	err = out_flush();
	/* A reader that went away (EPIPE) ends the output quietly, as with
	 * other tools; any other failed write is an error. */
	if (err && err != -EPIPE)
		fprintf(stderr, "Error: write error: %s\n", errstr(err));
	return ret || err ? 255 : 0;
}
