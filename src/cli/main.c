/* main: global options, the object table, help, version and batch mode.
 * Follows bpftool's main.c behaviour: getopt_long-style options anywhere
 * before "--" (so "map show -j" works), objects and commands matched by
 * prefix in table order, "help" at every level. */
#include "cli/bpfbox.h"
#include "output/out.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int do_help(struct args *a)
{
	if (opt.json)
		return json_done();
	fprintf(stderr,
		"Usage: %s [OPTIONS] OBJECT { COMMAND | help }\n"
		"       %s batch file FILE\n"
		"       %s version\n"
		"\n"
		"       OBJECT := { prog | map | btf }\n"
		"       " HELP_SPEC_OPTIONS " |\n"
		"                    {-V|--version} }\n",
		bin_name, bin_name, bin_name);
	return 0;
}

static int do_version(struct args *a)
{
	if (opt.json) {
		json_start_object(&jw);
		json_string_field(&jw, "version", BPFBOX_VERSION);
		json_null_field(&jw, "libbpf_version");
		json_name(&jw, "features");
		json_start_object(&jw);
		json_bool_field(&jw, "libbfd", false);
		json_bool_field(&jw, "llvm", false);
		json_bool_field(&jw, "crypto", false);
		json_bool_field(&jw, "skeletons", false);
		json_bool_field(&jw, "bootstrap", false);
		json_end_object(&jw);
		json_end_object(&jw);
	} else {
		out_fmt("%s v%s\nusing libbpf none (bpfbox is standalone)\n"
			"features:\n", bin_name, BPFBOX_VERSION);
	}
	return 0;
}

static int do_batch(struct args *a);

static const struct cmd commands[] = {
	{ "help", do_help },
	{ "batch", do_batch },
	{ "prog", do_prog },
	{ "map", do_map },
	/* bpftool objects bpfbox leaves out; listed so prefixes resolve
	 * as in bpftool ("l" is link, not an unknown word). */
	{ "link", NULL },
	{ "cgroup", NULL },
	{ "perf", NULL },
	{ "net", NULL },
	{ "feature", NULL },
	{ "btf", do_btf },
	{ "gen", NULL },
	{ "struct_ops", NULL },
	{ "iter", NULL },
	{ "token", NULL },
	{ "version", do_version },
	{ 0 }
};

/* ---- batch file FILE ------------------------------------------------ */

#define BATCH_LINE_MAX 65536
#define BATCH_ARGS_MAX 4096

/* Split a line into words: blanks separate, a word starting with a quote
 * runs to the same quote (no escapes), as bpftool's make_args().
 * Returns the word count, or -1 for an unterminated quote / too many. */
static int split_words(char *line, char **words, int max)
{
	static const char blanks[] = " \t\r\n";
	char *p = line;
	int n = 0;

	for (;;) {
		p += strspn(p, blanks);
		if (!*p)
			break;
		if (n >= max - 1)
			return -2;
		if (*p == '\'' || *p == '"') {
			char quote = *p++;

			words[n++] = p;
			p = strchr(p, quote);
			if (!p)
				return -1;
		} else {
			words[n++] = p;
			p += strcspn(p, blanks);
			if (!*p)
				break;
		}
		*p++ = 0;
	}
	words[n] = NULL;
	return n;
}

static int do_batch(struct args *a)
{
	static char line[BATCH_LINE_MAX], cont[BATCH_LINE_MAX];
	static char *words[BATCH_ARGS_MAX];
	const char *path;
	unsigned commands_done = 0, lineno = 0;
	FILE *fp;
	int err = 0;

	if (a->argc < 2)
		return error("too few parameters for batch");
	if (a->argc > 2)
		return error("too many parameters for batch");
	if (!arg_is(a, "file"))
		return error("expected 'file', got: %s", arg_peek(a));
	arg_next(a);
	path = arg_next(a);
	fp = strcmp(path, "-") ? fopen(path, "r") : stdin;
	if (!fp)
		return error("Can't open file (%s): %s", path, errstr(errno));

	if (opt.json)
		json_start_array(&jw);
	while (fgets(line, sizeof(line), fp)) {
		struct args cmd;
		char *p;
		int n, i;

		lineno++;
		if ((p = strchr(line, '#')))
			*p = 0;
		if (strlen(line) == sizeof(line) - 1) {
			err = error("line %u of %s is too long", lineno, path);
			break;
		}
		/* A line ending in a backslash continues on the next one. */
		while ((p = strstr(line, "\\\n"))) {
			if (!fgets(cont, sizeof(cont), fp) || !*cont) {
				err = error("missing continuation line on command %u (line %u)",
					    commands_done, lineno);
				goto out;
			}
			lineno++;
			if ((p = strchr(cont, '#')))
				*p = 0;
			if (strlen(line) + strlen(cont) + 1 > sizeof(line)) {
				err = error("command %u is too long (line %u)",
					    commands_done, lineno);
				goto out;
			}
			line[strlen(line) - 2] = 0;
			strcat(line, cont);
		}
		n = split_words(line, words, BATCH_ARGS_MAX);
		if (n == 0)
			continue;
		if (n < 0) {
			err = error(n == -1 ? "unterminated quoted string in command %u (line %u)"
					    : "too many arguments to command %u (line %u)",
				    commands_done, lineno);
			goto out;
		}
		if (opt.json) {
			json_start_object(&jw);
			json_name(&jw, "command");
			json_start_array(&jw);
			for (i = 0; i < n; i++)
				json_string(&jw, words[i]);
			json_end_array(&jw);
			json_name(&jw, "output");
		}
		cmd.argc = n;
		cmd.argv = words;
		err = cmd_select(commands, &cmd, do_help);
		if (opt.json)
			json_end_object(&jw);
		if (err) {
			if (!opt.json)
				fprintf(stderr, "Error: batch file %s, line %u: command failed\n",
					path, lineno);
			goto out;
		}
		commands_done++;
	}
	if (!err && ferror(fp))
		err = error("reading batch file failed: %s", errstr(errno));
	else if (!err && !opt.json)
		out_fmt("processed %u commands\n", commands_done);
out:
	if (fp != stdin)
		fclose(fp);
	if (opt.json)
		json_end_array(&jw);
	return err;
}

/* ---- global options ------------------------------------------------- */

/* Table of options: short letter, long name.  Letters bpftool has for
 * program loading and signing are known, so they get a clear message. */
static const struct {
	char letter;
	const char *name;
	bool takes_arg;
	bool supported;
} options[] = {
	{ 'j', "json", false, true },
	{ 'h', "help", false, true },
	{ 'p', "pretty", false, true },
	{ 'V', "version", false, true },
	{ 'f', "bpffs", false, true },
	{ 'm', "mapcompat", false, true },
	{ 'n', "nomount", false, true },
	{ 'd', "debug", false, true },
	{ 'L', "use-loader", false, false },
	{ 'S', "sign", false, false },
	{ 'B', "base-btf", true, false },
	{ 'i', NULL, true, false },
	{ 'k', NULL, true, false },
	{ 'l', NULL, false, false },
};
#define NOPTIONS (int)(sizeof(options) / sizeof(options[0]))

static int find_long(const char *word)
{
	size_t len = strcspn(word, "=");
	int i, found = -1;

	for (i = 0; i < NOPTIONS; i++) {
		if (!options[i].name || strncmp(options[i].name, word, len))
			continue;
		if (strlen(options[i].name) == len)
			return i;	/* exact beats abbreviation */
		if (found >= 0)
			return -2;	/* ambiguous */
		found = i;
	}
	return found;
}

static int find_short(char c)
{
	int i;

	for (i = 0; i < NOPTIONS; i++)
		if (options[i].letter == c)
			return i;
	return -1;
}

enum { RUN, HELP, VERSION };

/* Apply option i; returns RUN, HELP (stop parsing, print help) or -1. */
static int apply_option(int i, const char *word)
{
	if (i < 0)
		return error("unrecognized option '%s'", word);
	if (!options[i].supported)
		return error("option '%s' is for loading programs, which bpfbox does not do",
			     word);
	switch (options[i].letter) {
	case 'h':
		return HELP;
	case 'V':
		return VERSION;
	case 'p':
		opt.pretty = true;
		/* fall through */
	case 'j':
		if (!opt.json)
			json_init(&jw, false);
		opt.json = true;
		jw.pretty = opt.pretty;
		break;
	case 'f':
		opt.bpffs = true;
		break;
	case 'n':
		opt.nomount = true;
		break;
	case 'd':
		opt.debug = true;
		break;
	case 'm':
		break;	/* accepted, as -m only relaxes program loading */
	}
	return RUN;
}

/* Collect options from anywhere before "--", leaving the other words in
 * order in argv (GNU getopt's permutation).  Returns RUN, HELP, VERSION
 * or -1 after reporting a bad option. */
static int parse_options(int *argc, char **argv)
{
	int i, kept = 1, mode = RUN, r;

	for (i = 1; i < *argc; i++) {
		char *w = argv[i];

		if (!strcmp(w, "--")) {
			for (i++; i < *argc; i++)
				argv[kept++] = argv[i];
			break;
		}
		if (w[0] != '-' || !w[1]) {
			argv[kept++] = w;
			continue;
		}
		if (w[1] == '-') {
			int o = find_long(w + 2);

			if (o >= 0 && options[o].takes_arg && !strchr(w, '='))
				i++;
			r = apply_option(o == -2 ? -1 : o, w);
		} else {
			const char *c;

			r = RUN;
			for (c = w + 1; *c && r == RUN; c++) {
				int o = find_short(*c);

				r = apply_option(o, w);
				if (r == RUN && o >= 0 && options[o].takes_arg) {
					if (!c[1])
						i++;
					break;
				}
			}
		}
		if (r < 0 || r == HELP)
			return r;
		if (r == VERSION)
			mode = VERSION;
	}
	*argc = kept;
	argv[kept] = NULL;
	return mode;
}

int main(int argc, char **argv)
{
	const char *base = strrchr(argv[0], '/');
	struct args a;
	int mode, ret;

	out_init();
	base = base ? base + 1 : argv[0];
	/* Through a "bpftool" link, help text names bpftool like scripts
	 * and users expect. */
	if (!strcmp(base, "bpftool"))
		bin_name = "bpftool";

	cmd_set_help(do_help);
	mode = parse_options(&argc, argv);
	a.argc = argc - 1;
	a.argv = argv + 1;
	if (mode < 0) {
		if (!opt.json)
			usage();
		ret = -1;
	} else if (mode == HELP) {
		ret = do_help(&a);
	} else if (mode == VERSION) {
		ret = do_version(&a);
	} else {
		ret = cmd_select(commands, &a, do_help);
	}
	exit_with(ret ? 255 : 0);
}
