/* run.h: what the command layer (src/cli, src/objects) shares: the
 * context one command line runs in, error reporting and the command
 * table type.  Lower layers (kernel, btf, output, lib) do not include
 * this file: they return -errno and never print.
 *
 * Flow: main() → bpfbox_main() reads the options into a struct run, then
 * cmd_select() walks the object and command tables (bpftool's cmd_select)
 * down to a handler, which parses its words, makes its syscalls and
 * prints through the run's writers.  Handlers return 0 or -1; nothing
 * below main() exits. */
#ifndef BPFBOX_RUN_H
#define BPFBOX_RUN_H

#include <stdbool.h>
#include <stdint.h>

#include "cli/argv.h"
#include "output/errstr.h"
#include "output/json.h"

struct btf;

/* The global options of bpftool's main.c, read by cli/options.c. */
struct options {
	bool json;		/* -j / -p */
	bool pretty;		/* -p */
	bool bpffs;		/* -f: show pinned paths */
	bool nomount;		/* -n: never mount bpffs */
	bool debug;		/* -d */
	bool version;		/* -V */
	const char *base_btf;	/* -B FILE, for btf dump */
};

struct run;
typedef int (*cmd_fn)(struct run *r, struct args *a);

struct run {
	struct options opt;
	struct json jw;		/* the -j/-p writer */
	const char *bin_name;	/* "bpfbox", or "bpftool" through a symlink */
	/* The help of the level being parsed and the words after its
	 * keyword, printed when a handler reports a usage error. */
	cmd_fn help;
	struct args help_args;
	const char *level;	/* that level's object ("map"), NULL at the top */
	const char *entered;	/* the table entry cmd_select() last ran */
	bool usage_error;	/* set by run_usage(), reported by the caller */
	bool reported;		/* this command printed an error or help */
	int batch_depth;	/* batch files being read, one inside the other */
	struct btf *vmlinux;	/* kernel BTF, read at most once per run */
};

/* Run one whole command line (argv[0] is the program name) and return
 * the exit status, 0 or 255.  Never exits; keeps no state between calls
 * (the fuzzer calls it over and over). */
int bpfbox_main(int argc, char **argv);

/* One error family: every failure a user sees goes through these.
 * run_error() prints "Error: ..." on stderr, or an {"error": "..."} in
 * the JSON document wherever it can still go, and returns -1: a
 * handler's "return run_error(...)" is its status.  run_fail() appends
 * ": strerror(err)" and, in plain mode, a hint line when the cause is
 * known (EPERM, E2BIG...). */
int run_error(struct run *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int run_fail(struct run *r, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* run_error() on stderr even in JSON mode, for a failure that leaves
 * the document as bpftool shapes it (a dump's array, which scripts
 * iterate): the array stays entries only. */
int run_error_aside(struct run *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* bpftool's p_info(): a notice on stderr, silent in JSON mode. */
void run_notice(struct run *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A usage error (bpftool's usage()): the words do not fit the grammar.
 * Recorded here and reported once by bpfbox_main() or batch: the help of
 * the current level in plain mode, an error object in JSON.  Returns -1. */
int run_usage(struct run *r);
/* bpftool's REQ_ARGS: 0 when n words are left, else "'WORD' needs at
 * least N arguments, M found" (WORD: the last word consumed) and -1. */
int run_need_args(struct run *r, struct args *a, int n);
/* Report a pending usage error; returns -1. */
int run_report_usage(struct run *r);
/* The "null" bpftool prints in JSON mode for commands with no output. */
int run_done(struct run *r);

/* A command: its prefix-matched name and handler (NULL: not in bpfbox). */
struct cmd {
	const char *name;
	cmd_fn fn;
};

/* bpftool's cmd_select(): no word runs the first entry, an unknown word
 * prints help and fails.  Records help as the level for run_usage(). */
int cmd_select(struct run *r, const struct cmd *cmds, struct args *a, cmd_fn help);

/* The objects (src/objects/), and batch (src/cli/batch.c), which runs
 * cmd_select() on the top-level table once per line. */
int do_map(struct run *r, struct args *a);
int do_prog(struct run *r, struct args *a);
int do_btf(struct run *r, struct args *a);
int do_net(struct run *r, struct args *a);
int do_link(struct run *r, struct args *a);
int do_cgroup(struct run *r, struct args *a);
int do_perf(struct run *r, struct args *a);
int do_feature(struct run *r, struct args *a);
int do_batch(struct run *r, struct args *a);
/* bpftool's make_args(): split a batch line in place.  Returns the word
 * count, -1 for an unterminated quote, -2 for more than max - 1 words. */
int batch_split_words(char *line, char **words, int max);
int run_top_level(struct run *r, struct args *a);
/* End one command (the whole line, or one line of a batch file) whose
 * handler returned ret: report a pending usage error, make sure a failure
 * said something, close the JSON containers deeper than depth.  Returns
 * 0 or -1. */
int run_finish_command(struct run *r, int ret, unsigned depth);

/* Kernel BTF (/sys/kernel/btf/vmlinux), read once per run; NULL with
 * *err set when it cannot be read. */
const struct btf *run_vmlinux_btf(struct run *r, int *err);

#define HELP_SPEC_MAP "MAP := { id MAP_ID | pinned FILE | name MAP_NAME }"
#define HELP_SPEC_PROGRAM \
	"PROG := { id PROG_ID | pinned FILE | tag PROG_TAG | name PROG_NAME }"

#endif
