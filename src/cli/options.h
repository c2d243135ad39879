/* options: bpftool's global options (see options.c for the table). */
#ifndef BPFBOX_OPTIONS_H
#define BPFBOX_OPTIONS_H

#include "cli/run.h"

enum { OPTIONS_RUN, OPTIONS_HELP };

/* Which help lists an option (options.c's table). */
enum {
	HELP_TOP = 1, HELP_PROG = 2, HELP_MAP = 4, HELP_LINK = 8,
	HELP_CGROUP = 16, HELP_BTF = 32, HELP_OTHER = 64,
	HELP_EVERYWHERE = 0xffff,
};

/* The "OPTIONS := ..." lines of an object's help (a HELP_* bit; net,
 * perf and feature pass HELP_OTHER) on stderr, in upstream's words and
 * layout, from the table the parser reads. */
void options_help(unsigned object);

/* Read the options of argv into r->opt (and start the JSON writer when
 * -j/-p is anywhere on the line), leaving the other words in order in
 * argv[1..*argc-1].  Returns OPTIONS_RUN, OPTIONS_HELP (-h seen) or -1
 * after reporting a bad option (a usage error: see run_usage()). */
int options_parse(struct run *r, int *argc, char **argv);

#endif
