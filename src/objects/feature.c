/* feature: "feature probe" and "feature list_builtins", as upstream
 * bpftool's feature.c prints them (plain, -j/-p, and "macros": C
 * #defines).  The probes themselves are kernel/probe.c; the kernel
 * config comes from kernel/kconfig.c.  list_builtins prints the name
 * tables of lib/names.c, the ones every other command parses and prints
 * with. */
#include "cli/run.h"
#include "lib/names.h"
#include "output/out.h"

#include <stdio.h>

static int do_list_builtins(struct run *r, struct args *a)
{
	static const struct {
		const char *group;
		const char *(*name)(uint32_t id);
	} groups[] = {
		{ "prog_types", prog_type_name },
		{ "map_types", map_type_name },
		{ "attach_types", attach_type_name },
		{ "link_types", link_type_name },
		{ "helpers", helper_name },
	};
	const char *(*name)(uint32_t id) = NULL;
	const char *word = arg_peek(a), *s;
	unsigned i;
	uint32_t id;

	if (!word)
		return run_usage(r);
	for (i = 0; i < sizeof(groups) / sizeof(groups[0]) && !name; i++)
		if (is_prefix(word, groups[i].group))
			name = groups[i].name;
	if (!name)
		return run_error(r, "expected 'prog_types', 'map_types', 'attach_types', "
				 "'link_types' or 'helpers', got: %s", word);
	if (r->opt.json)
		json_start_array(&r->jw);
	for (id = 0; (s = name(id)); id++) {
		if (r->opt.json) {
			json_string(&r->jw, s);
		} else {
			out_str(s);
			out_char('\n');
		}
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
		"       " HELP_SPEC_OPTIONS " }\n",
		r->bin_name, "feature");
	return 0;
}

static const struct cmd cmds[] = {
	{ "probe", NULL },
	{ "list_builtins", do_list_builtins },
	{ "help", do_help },
	{ 0 }
};

int do_feature(struct run *r, struct args *a)
{
	return cmd_select(r, cmds, a, do_help);
}
