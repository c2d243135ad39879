/* dispatch: bpftool's cmd_select() prefix matching, shared by every
 * object, and the usage-error path that replaces bpftool's usage(): the
 * error is recorded in the run and reported by the caller, so a bad line
 * in a batch file ends that line, not the process. */
#include "cli/run.h"
#include "output/out.h"

int cmd_select(struct run *r, const struct cmd *cmds, struct args *a, cmd_fn help)
{
	struct args rest;
	unsigned i;

	r->help = help;
	r->help_args = *a;
	r->level = r->entered;
	if (a->argc < 1 && cmds[0].fn)
		return cmds[0].fn(r, a);
	for (i = 0; cmds[i].name; i++) {
		if (!arg_is(a, cmds[i].name))
			continue;
		if (!cmds[i].fn)
			return run_error(r, "'%s' is not implemented in bpfbox", cmds[i].name);
		rest.argc = a->argc - 1;
		rest.argv = a->argv + 1;
		r->entered = cmds[i].name;
		return cmds[i].fn(r, &rest);
	}
	/* An unknown command prints the level's help (bpftool); in JSON
	 * mode that help is "null", so say what was wrong instead. */
	if (r->opt.json)
		return run_error(r, "unknown command '%s': see '%s%s%s help'",
				 arg_peek(a), r->bin_name, r->level ? " " : "",
				 r->level ? r->level : "");
	rest.argc = a->argc > 0 ? a->argc - 1 : 0;
	rest.argv = a->argv + (a->argc > 0);
	out_flush();	/* what the line printed comes before its help */
	help(r, &rest);
	r->reported = true;
	return -1;
}

int run_usage(struct run *r)
{
	r->usage_error = true;
	return -1;
}

int run_need_args(struct run *r, struct args *a, int n)
{
	if (a->argc >= n)
		return 0;
	return run_error(r, "'%s' needs at least %d arguments, %d found", a->argv[-1], n, a->argc);
}

int run_report_usage(struct run *r)
{
	struct args rest = r->help_args;

	r->usage_error = false;
	if (r->opt.json && r->reported)
		return -1;	/* the error said it; JSON has no help text */
	if (r->opt.json)
		return run_error(r, "incomplete or malformed command: see '%s%s%s help'",
				 r->bin_name, r->level ? " " : "", r->level ? r->level : "");
	if (rest.argc > 0) {
		rest.argc--;
		rest.argv++;
	}
	out_flush();
	r->help(r, &rest);
	r->reported = true;
	return -1;
}
