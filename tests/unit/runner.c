/* Runs every TEST() linked in; one failed check fails its test, SKIP()
 * skips it.  Ends with "unit: N passed, N failed, N skipped" and exits
 * non-zero on failure. */
#include "unit.h"
#include "output/out.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define MAX_TESTS 1024

static struct { const char *name; void (*fn)(void); } tests[MAX_TESTS];
static int ntests, current_failed, current_skipped;
static char skip_reason[256];
static int saved_stdout = -1;
static FILE *capture_file;
static char *capture_buf;

void unit_register(const char *name, void (*fn)(void))
{
	if (ntests < MAX_TESTS) {
		tests[ntests].name = name;
		tests[ntests++].fn = fn;
	}
}

void unit_check(int ok, const char *file, int line, const char *what)
{
	if (ok)
		return;
	current_failed = 1;
	fprintf(stderr, "  FAIL %s:%d: %s\n", file, line, what);
}

void unit_skip(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(skip_reason, sizeof(skip_reason), fmt, ap);
	va_end(ap);
	current_skipped = 1;
}

static void print_escaped(const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			fputs("\\n\n      ", stderr);
		else if (*s == '\t')
			fputs("\\t", stderr);
		else
			fputc(*s, stderr);
	}
}

void unit_check_str(const char *got, const char *want, const char *file,
		    int line, const char *what)
{
	if (got && want && !strcmp(got, want))
		return;
	current_failed = 1;
	fprintf(stderr, "  FAIL %s:%d: %s\n    got:  ", file, line, what);
	print_escaped(got ? got : "(null)");
	fputs("\n    want: ", stderr);
	print_escaped(want ? want : "(null)");
	fputc('\n', stderr);
}

void capture_begin(void)
{
	out_flush();
	fflush(stdout);
	capture_file = tmpfile();
	saved_stdout = dup(1);
	dup2(fileno(capture_file), 1);
}

const char *capture_end(void)
{
	long n;

	out_flush();
	dup2(saved_stdout, 1);
	close(saved_stdout);
	n = ftell(capture_file);
	if (n < 0)
		n = lseek(fileno(capture_file), 0, SEEK_CUR);
	free(capture_buf);
	capture_buf = calloc(1, (size_t)n + 1);
	pread(fileno(capture_file), capture_buf, (size_t)n, 0);
	fclose(capture_file);
	return capture_buf;
}

int main(int argc, char **argv)
{
	int i, passed = 0, failed = 0, skipped = 0;

	out_init();
	for (i = 0; i < ntests; i++) {
		if (argc > 1 && !strstr(tests[i].name, argv[1]))
			continue;
		current_failed = current_skipped = 0;
		tests[i].fn();
		if (current_failed) {
			fprintf(stderr, "FAIL %s\n", tests[i].name);
			failed++;
		} else if (current_skipped) {
			printf("SKIP: %s: %s\n", tests[i].name, skip_reason);
			fflush(stdout);
			skipped++;
		} else {
			passed++;
		}
	}
	printf("unit: %d passed, %d failed, %d skipped\n", passed, failed, skipped);
	return failed ? 1 : 0;
}
