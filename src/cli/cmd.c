/* cmd: command dispatch shared by every object: the global options and
 * -j writer, bpftool's cmd_select() prefix matching, and usage(), which
 * prints the help of the level being parsed and exits like bpftool's. */
#include "cli/bpfbox.h"
#include "output/out.h"

#include <stdlib.h>

struct options opt;
struct json jw;
const char *bin_name = "bpfbox";

static int (*last_help)(struct args *);
static struct args last_args;

void cmd_set_help(int (*help)(struct args *))
{
	last_help = help;
}

int cmd_select(const struct cmd *cmds, struct args *a, int (*help)(struct args *))
{
	struct args rest;
	unsigned i;

	last_help = help;
	last_args = *a;
	if (a->argc < 1 && cmds[0].fn)
		return cmds[0].fn(a);
	for (i = 0; cmds[i].name; i++) {
		if (!arg_is(a, cmds[i].name))
			continue;
		if (!cmds[i].fn)
			return error("'%s' is not implemented in bpfbox", cmds[i].name);
		rest.argc = a->argc - 1;
		rest.argv = a->argv + 1;
		return cmds[i].fn(&rest);
	}
	rest.argc = a->argc - 1;
	rest.argv = a->argv + 1;
	help(&rest);
	return -1;
}

void exit_with(int status)
{
	if (opt.json)
		json_finish(&jw);
	out_flush();
	exit(status);
}

void usage(void)
{
	struct args rest = { last_args.argc - 1, last_args.argv + 1 };

	last_help(&rest);
	exit_with(255);
}

