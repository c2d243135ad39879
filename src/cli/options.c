/* options: bpftool's global options, read the way its getopt_long() call
 * reads them (upstream main.c: optstring "VhpjfLmndSi:k:B:l" and its
 * long options): anywhere before "--" with the other words kept in order
 * (GNU permutation), short letters clustered ("-jp", "-Bfile"), long
 * names abbreviated to any unique prefix ("--js"), "--name=value" only
 * for options that take a value, and a missing value is an error.
 *
 * One difference on purpose: whether output is JSON is decided from the
 * whole line before anything is reported, so "-x -j" gives a JSON error
 * and stdout is always one JSON value when -j or -p was given. */
#include "cli/options.h"
#include "btf/btf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The one table of options: the parser reads letter, name and has_arg;
 * every object's help prints the OPTIONS := lines from help and shown_in
 * (the objects whose upstream help lists the option), in table order.
 * -L, -S, -i, -k and -m only change program loading, which bpfbox does
 * not do: accepted and ignored, as bpftool ignores options a command does
 * not use.  -l is bpftool 7.1's legacy-libbpf flag, kept so 7.1 scripts
 * still run (upstream main rejects it; docs/compat.md). */
static const struct option_spec {
	char letter;
	const char *name;
	bool has_arg;
	unsigned short shown_in;	/* HELP_* bits, HELP_EVERYWHERE */
	const char *help;
} options[] = {
	{ 'j', "json", false, HELP_EVERYWHERE, "{-j|--json} [{-p|--pretty}]" },
	{ 'p', "pretty", false, 0, NULL },
	{ 'd', "debug", false, HELP_EVERYWHERE, "{-d|--debug}" },
	{ 'h', "help", false, 0, NULL },
	{ 'V', "version", false, HELP_TOP, "{-V|--version}" },
	{ 'f', "bpffs", false, HELP_PROG | HELP_MAP | HELP_LINK | HELP_CGROUP, "{-f|--bpffs}" },
	{ 'm', "mapcompat", false, HELP_PROG, "{-m|--mapcompat}" },
	{ 'n', "nomount", false, HELP_PROG | HELP_MAP | HELP_LINK, "{-n|--nomount}" },
	{ 'L', "use-loader", false, HELP_PROG, "{-L|--use-loader}" },
	/* upstream's prog help leaves the list open after this item (no
	 * closing brace, a trailing blank): kept byte for byte */
	{ 'S', "sign", false, HELP_PROG,
	  "[ {-S|--sign } {-k} <private_key.pem> {-i} <certificate.x509> ] " },
	{ 'B', "base-btf", true, HELP_BTF, "{-B|--base-btf}" },
	{ 'i', NULL, true, 0, NULL },
	{ 'k', NULL, true, 0, NULL },
	{ 'l', NULL, false, 0, NULL },
};
#define NOPTIONS (int)(sizeof(options) / sizeof(options[0]))

enum { BAD = -1 };

/* "--name[=value]": exact name, else the one option it abbreviates;
 * BAD when none or several (getopt's "ambiguous" is an error too). */
static int find_long(const char *word)
{
	size_t len = strcspn(word, "=");
	int i, found = BAD, n = 0;

	if (!len)
		return BAD;
	for (i = 0; i < NOPTIONS; i++) {
		if (!options[i].name || strncmp(options[i].name, word, len))
			continue;
		if (strlen(options[i].name) == len)
			return i;
		found = i;
		n++;
	}
	return n == 1 ? found : BAD;
}

static int find_short(char c)
{
	int i;

	for (i = 0; i < NOPTIONS; i++)
		if (options[i].letter == c)
			return i;
	return BAD;
}

/* -B FILE: bpftool parses the base BTF when it reads the option.  An ELF
 * object is accepted here and read by the command that uses it. */
static int check_base_btf(struct run *r, const char *path)
{
	char magic[4] = { 0 };
	struct btf *btf;
	struct stat st;
	int fd, err;

	/* A FIFO or tty would block here (btf_load_file refuses them too). */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return run_error(r, "failed to parse base BTF at '%s': %d", path, -errno);
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		close(fd);
		return run_error(r, "failed to parse base BTF at '%s': %d", path, -ESPIPE);
	}
	err = read(fd, magic, sizeof(magic)) == 4 && !memcmp(magic, "\177ELF", 4);
	close(fd);
	if (err)
		return 0;
	err = btf_load_file(path, NULL, &btf);
	if (err == -ENOEXEC)	/* neither BTF nor ELF: a bad blob, as before */
		err = -EINVAL;
	if (err)
		return run_error(r, "failed to parse base BTF at '%s': %d", path, err);
	btf_free(btf);
	return 0;
}

/* One option found in word; value is its argument, if it takes one.
 * Returns OPTIONS_RUN, OPTIONS_HELP or -1 (reported). */
static int apply(struct run *r, int i, const char *value)
{
	switch (options[i].letter) {
	case 'h':
		return OPTIONS_HELP;
	case 'V':
		r->opt.version = true;
		break;
	case 'f':
		r->opt.bpffs = true;
		break;
	case 'n':
		r->opt.nomount = true;
		break;
	case 'd':
		r->opt.debug = true;
		break;
	case 'B':
		if (check_base_btf(r, value))
			return -1;
		r->opt.base_btf = value;
		break;
	}
	return OPTIONS_RUN;
}

static void note_json(struct run *r, char letter)
{
	if (letter == 'p')
		r->opt.pretty = true;
	if (letter == 'j' || letter == 'p')
		r->opt.json = true;
}

/* GNU permutation: the words that are not options move to the front. */
static void keep(char **argv, int *kept, int i, bool do_apply)
{
	if (do_apply)
		argv[*kept] = argv[i];
	++*kept;
}

/* Walk the options of argv (not the other words).  With do_apply false,
 * only note -j/-p, skipping whatever is wrong; with it true, apply each
 * option in order and stop at the first error or -h.  Non-option words
 * are moved to the front of argv, in order, when do_apply is set. */
static int walk(struct run *r, int *argc, char **argv, bool do_apply)
{
	int i, kept = 1;

	for (i = 1; i < *argc; i++) {
		const char *w = argv[i], *value = NULL;
		int o, ret;

		if (!strcmp(w, "--")) {
			for (i++; i < *argc; i++)
				keep(argv, &kept, i, do_apply);
			break;
		}
		if (w[0] != '-' || !w[1]) {
			keep(argv, &kept, i, do_apply);
			continue;
		}
		if (w[1] == '-') {
			const char *eq = strchr(w + 2, '=');

			o = find_long(w + 2);
			/* "--json=1" is rejected, but it asks for JSON. */
			if (!do_apply && o != BAD)
				note_json(r, options[o].letter);
			if (o != BAD && options[o].has_arg) {
				if (eq)
					value = eq + 1;
				else if (i + 1 < *argc)
					value = argv[++i];
				else
					o = BAD;
			} else if (o != BAD && eq) {
				o = BAD;	/* "--json=1": takes no value */
			}
			if (!do_apply)
				continue;
			if (o == BAD)
				goto bad;
			ret = apply(r, o, value);
			if (ret != OPTIONS_RUN)
				return ret;
			continue;
		}
		for (const char *c = w + 1; *c; c++) {
			o = find_short(*c);
			if (o != BAD && options[o].has_arg) {
				if (c[1])
					value = c + 1;
				else if (i + 1 < *argc)
					value = argv[++i];
				else
					o = BAD;
			}
			if (!do_apply) {
				if (o != BAD)
					note_json(r, *c);
			} else {
				if (o == BAD)
					goto bad;
				ret = apply(r, o, value);
				if (ret != OPTIONS_RUN)
					return ret;
			}
			if (value)
				break;
		}
		continue;
bad:
		/* bpftool's words; it shows the top-level help after them. */
		run_error(r, "unrecognized option '%s'", w);
		return run_usage(r);
	}
	if (do_apply) {
		*argc = kept;
		argv[kept] = NULL;
	}
	return OPTIONS_RUN;
}

void options_help(unsigned object)
{
	const char *last = "";
	int i, n = 0;

	fputs("       OPTIONS := { ", stderr);
	for (i = 0; i < NOPTIONS; i++) {
		const struct option_spec *o = &options[i];

		if (!o->help || (o->shown_in != HELP_EVERYWHERE && !(o->shown_in & object)))
			continue;
		/* two items on the first line, three on the next ones */
		if (n)
			fputs(n == 2 || (n > 2 && (n - 2) % 3 == 0) ?
			      " |\n                    " : " | ", stderr);
		fputs(o->help, stderr);
		last = o->help;
		n++;
	}
	fputs(last[strlen(last) - 1] == ' ' ? "\n" : " }\n", stderr);
}

int options_parse(struct run *r, int *argc, char **argv)
{
	walk(r, argc, argv, false);
	if (r->opt.json)
		json_init(&r->jw, r->opt.pretty);
	return walk(r, argc, argv, true);
}
