/* bpfbox.h: what the command layer (main.c, handle.c, map.c, prog.c,
 * btf_cmd.c) shares: global options, the JSON writer of -j/-p, error
 * reporting and the command table type.  Lower layers (sys_*, btf*, out,
 * json) do not include this file. */
#ifndef BPFBOX_H
#define BPFBOX_H

#include <stdbool.h>
#include <stdint.h>

#include "cli/argv.h"
#include "output/errstr.h"
#include "output/json.h"

struct options {
	bool json;	/* -j / -p */
	bool pretty;	/* -p */
	bool bpffs;	/* -f: show pinned paths */
	bool nomount;	/* -n: never mount bpffs */
	bool debug;	/* -d */
};

extern struct options opt;
extern struct json jw;		/* the -j/-p output writer */
extern const char *bin_name;	/* "bpfbox", or "bpftool" through a symlink */

/* One error family: every failure a user sees goes through these.
 * error() prints "Error: ..." on stderr, or {"error": "..."} on the -j
 * writer, and returns -1: a handler's "return error(...)" is its status.
 * fail() appends ": strerror(err)" and, in plain mode, a hint line when
 * the cause is known (EPERM, E2BIG...). */
int error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int fail(int err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* bpftool's p_info(): a notice on stderr, silent in JSON mode. */
void notice(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The "null" bpftool prints in JSON mode for commands with no output. */
int json_done(void);

/* A command: its prefix-matched name and handler (NULL: not in bpfbox).
 * Handlers return 0 or -1; main turns that into the exit status. */
struct cmd {
	const char *name;
	int (*fn)(struct args *a);
};

/* bpftool's cmd_select(): no word runs the first entry, an unknown word
 * prints help and fails. */
int cmd_select(const struct cmd *cmds, struct args *a, int (*help)(struct args *));
/* Print the help of the current level and exit 255, as bpftool's usage(). */
void usage(void) __attribute__((noreturn));
void cmd_set_help(int (*help)(struct args *));
/* Close the -j document (its final newline), flush stdout, exit. */
void exit_with(int status) __attribute__((noreturn));

int do_map(struct args *a);
int do_prog(struct args *a);
int do_btf(struct args *a);

#define HELP_SPEC_OPTIONS "OPTIONS := { {-j|--json} [{-p|--pretty}] | {-d|--debug}"
#define HELP_SPEC_MAP "MAP := { id MAP_ID | pinned FILE | name MAP_NAME }"
#define HELP_SPEC_PROGRAM \
	"PROG := { id PROG_ID | pinned FILE | tag PROG_TAG | name PROG_NAME }"

#endif
