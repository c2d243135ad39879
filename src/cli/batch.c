/* batch: "batch file FILE" as bpftool's do_batch(): one command per line,
 * '#' comments, a backslash-newline continues a line, words split on
 * blanks with '...' or "..." quoting (no escapes, as make_args()).  Stops
 * at the first failing line.  With -j the whole run is one JSON array of
 * {"command": [...], "output": ...}, complete and valid whatever a line
 * does: run_finish_command() closes what a failed line left open. */
#include "cli/run.h"
#include "output/out.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BATCH_LINE_MAX 65536
#define BATCH_ARGS_MAX 4096
/* A batch file may run "batch file" itself; a file that names itself
 * would otherwise recurse until the process runs out of descriptors. */
#define BATCH_NEST_MAX 8

/* Split a line into words: blanks separate, a word starting with a quote
 * runs to the same quote (no escapes), as bpftool's make_args().
 * Returns the word count, or -1 for an unterminated quote / -2 too many. */
int batch_split_words(char *line, char **words, int max)
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

struct batch {
	char line[BATCH_LINE_MAX];
	char cont[BATCH_LINE_MAX];
	char *words[BATCH_ARGS_MAX];
};

/* One physical line into buf, '\n' kept.  Returns 1, 0 at the end of
 * the file, -1 after reporting.  A NUL byte is an error: fgets() would
 * hide the rest of the line, and /dev/zero would never end. */
static int get_line(struct run *r, FILE *fp, char *buf, size_t size,
		    const char *path, unsigned lineno)
{
	size_t n = 0;
	int c;

	while ((c = getc(fp)) != EOF) {
		if (!c)
			return run_error(r, "line %u of %s holds a NUL byte", lineno, path);
		if (n + 1 >= size)
			return run_error(r, "line %u of %s is too long", lineno, path);
		buf[n++] = (char)c;
		if (c == '\n')
			break;
	}
	buf[n] = 0;
	if (c == EOF && ferror(fp))
		return run_error(r, "reading batch file failed: %s", errstr(errno));
	return n > 0;
}

/* Read one command into b->line, joining continuation lines and cutting
 * comments.  Returns 1 with a command, 0 at the end of the file, -1
 * after reporting. */
static int read_command(struct run *r, struct batch *b, FILE *fp, const char *path,
			unsigned done, unsigned *lineno)
{
	char *p;
	int got;

	got = get_line(r, fp, b->line, sizeof(b->line), path, ++*lineno);
	if (got <= 0)
		return got;
	if ((p = strchr(b->line, '#')))
		*p = 0;
	while (strstr(b->line, "\\\n")) {
		got = get_line(r, fp, b->cont, sizeof(b->cont), path, ++*lineno);
		if (got < 0)
			return -1;
		if (!got)
			return run_error(r, "missing continuation line on command %u (line %u)",
					 done, *lineno);
		if ((p = strchr(b->cont, '#')))
			*p = 0;
		if (strlen(b->line) + strlen(b->cont) + 1 > sizeof(b->line))
			return run_error(r, "command %u is too long (line %u)", done, *lineno);
		b->line[strlen(b->line) - 2] = 0;
		strcat(b->line, b->cont);
	}
	return 1;
}

static int run_lines(struct run *r, struct batch *b, FILE *fp, const char *path)
{
	unsigned done = 0, lineno = 0, depth = r->jw.depth;
	int err, n, i;

	while ((err = read_command(r, b, fp, path, done, &lineno)) > 0) {
		struct args cmd;

		n = batch_split_words(b->line, b->words, BATCH_ARGS_MAX);
		if (n == 0)
			continue;
		if (n < 0)
			return run_error(r, n == -1 ? "unterminated quoted string in command %u (line %u)"
						    : "too many arguments to command %u (line %u)",
					 done, lineno);
		if (r->opt.json) {
			json_start_object(&r->jw);
			json_name(&r->jw, "command");
			json_start_array(&r->jw);
			for (i = 0; i < n; i++)
				json_string(&r->jw, b->words[i]);
			json_end_array(&r->jw);
			json_name(&r->jw, "output");
		}
		cmd.argc = n;
		cmd.argv = b->words;
		err = run_finish_command(r, run_top_level(r, &cmd), depth + 1);
		/* Which line failed, in plain and JSON mode alike (as the
		 * line object's "error" field). */
		if (err)
			run_error(r, "batch file %s, line %u: command failed", path, lineno);
		if (r->opt.json)
			json_end_object(&r->jw);
		if (err)
			return -1;
		done++;
	}
	if (err < 0)
		return -1;
	if (!r->opt.json)
		out_fmt("processed %u commands\n", done);
	return 0;
}

int do_batch(struct run *r, struct args *a)
{
	const char *path;
	struct batch *b;
	FILE *fp;
	int err;

	if (a->argc < 2)
		return run_error(r, "too few parameters for batch");
	if (a->argc > 2)
		return run_error(r, "too many parameters for batch");
	if (!arg_is(a, "file"))
		return run_error(r, "expected 'file', got: %s", arg_peek(a));
	if (r->batch_depth >= BATCH_NEST_MAX)
		return run_error(r, "batch files nest more than %d deep", BATCH_NEST_MAX);
	arg_next(a);
	path = arg_next(a);
	b = malloc(sizeof(*b));
	if (!b)
		return run_error(r, "mem alloc failed");
	fp = strcmp(path, "-") ? fopen(path, "r") : stdin;
	if (!fp) {
		free(b);
		return run_error(r, "Can't open file (%s): %s", path, errstr(errno));
	}
	r->batch_depth++;
	if (r->opt.json)
		json_start_array(&r->jw);
	err = run_lines(r, b, fp, path);
	if (r->opt.json)
		json_end_array(&r->jw);
	r->batch_depth--;
	if (fp != stdin)
		fclose(fp);
	free(b);
	return err;
}
