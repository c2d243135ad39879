/* options: bpftool's global options (see options.c for the table). */
#ifndef BPFBOX_OPTIONS_H
#define BPFBOX_OPTIONS_H

#include "cli/run.h"

enum { OPTIONS_RUN, OPTIONS_HELP };

/* Read the options of argv into r->opt (and start the JSON writer when
 * -j/-p is anywhere on the line), leaving the other words in order in
 * argv[1..*argc-1].  Returns OPTIONS_RUN, OPTIONS_HELP (-h seen) or -1
 * after reporting a bad option (a usage error: see run_usage()). */
int options_parse(struct run *r, int *argc, char **argv);

#endif
