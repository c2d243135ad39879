/* libFuzzer target for the command line: option parsing, command and
 * keyword matching, number and key parsing, help and error paths, and
 * batch-file splitting (quotes, comments, backslash continuation), all
 * through bpfbox_main() (src/cli/run.h), which runs one whole command
 * line in-process and returns its exit status without exiting.
 *
 * The kernel is out of reach: tests/fuzz/sys_bpf_stub.c replaces
 * src/kernel/sys_bpf.c (every bpf(2) call fails) and mount(2) is wrapped
 * (tests/fuzz.mk).  So no object is ever opened and nothing outside the
 * process changes.
 *
 * Input: the first byte chooses the mode, the rest (after one newline,
 * if one follows: seed files read "a\nmap\nshow\n") is the payload.
 *   bit 1 clear ('a')  argv mode: the payload split at NUL and newline
 *                      bytes into at most MAX_WORDS words (empty words
 *                      kept, a trailing separator ends the last word),
 *                      after argv[0] = "bpfbox".
 *   bit 1 set ('b')    batch mode: the payload is a batch file, run as
 *                      "bpfbox batch file /proc/self/fd/N" (N a memfd);
 *                      bit 0 set ('c') adds -j.
 *   bits 2-3           what every bpf(2) wrapper fails with: ENOSYS ('a',
 *                      'b', 'c'), EPERM, ENOENT (no objects: listings
 *                      succeed, empty) or E2BIG.
 * Seeds: tests/fuzz/cli-seeds/, one file per command line.
 *
 * Output: stdin and stdout are /dev/null from the start; stderr (where
 * bpfbox prints errors and help) is handed to libFuzzer's -close_fd_mask=2,
 * added to the arguments unless given: libFuzzer keeps a duplicate of
 * stderr for its own reports and the sanitizers', and points fd 2 at
 * /dev/null.  FUZZ_CLI_VERBOSE=1 keeps every stream as it is, to see what
 * a reproducer prints. */
#include "cli/run.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define MAX_WORDS 64

extern int fuzz_sys_errno;	/* sys_bpf_stub.c */

static int batch_fd = -1;
static char batch_path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *verbose = getenv("FUZZ_CLI_VERBOSE");
	int i, fd;

	batch_fd = memfd_create("fuzz_cli_batch", 0);
	if (batch_fd < 0)
		abort();
	snprintf(batch_path, sizeof(batch_path), "/proc/self/fd/%d", batch_fd);

	if (verbose && *verbose && strcmp(verbose, "0"))
		return 0;
	fd = open("/dev/null", O_RDWR);
	if (fd < 0)
		abort();
	dup2(fd, 0);	/* "batch file -" reads nothing */
	dup2(fd, 1);	/* the output writer's write(1) goes nowhere */
	if (fd > 1)
		close(fd);
	for (i = 1; i < *argc; i++)
		if (!strncmp((*argv)[i], "-close_fd_mask=", 15))
			return 0;
	{
		char **v = malloc(((size_t)*argc + 2) * sizeof(*v));

		if (!v)
			abort();
		v[0] = (*argv)[0];
		v[1] = "-close_fd_mask=2";
		for (i = 1; i <= *argc; i++)
			v[i + 1] = (*argv)[i];
		++*argc;
		*argv = v;	/* libFuzzer reads its flags after this returns */
	}
	return 0;
}

/* A copy of [p, p + n) in its own allocation, so ASan sees overreads. */
static char *word(const uint8_t *p, size_t n)
{
	char *w = malloc(n + 1);

	if (!w)
		abort();
	memcpy(w, p, n);
	w[n] = 0;
	return w;
}

/* bpfbox_main may rewrite its argv (options are collected from
 * anywhere and dropped), so it gets a copy of the array; the words are
 * freed from the original. */
static void run(char **words, int n)
{
	char *argv[MAX_WORDS + 2];
	int i;

	memcpy(argv, words, (size_t)n * sizeof(*argv));
	argv[n] = NULL;
	bpfbox_main(n, argv);
	for (i = 0; i < n; i++)
		free(words[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int errs[] = { ENOSYS, EPERM, ENOENT, E2BIG };
	char *argv[MAX_WORDS + 1];
	const uint8_t *p, *end;
	int argc = 0;

	if (size < 1)
		return 0;
	fuzz_sys_errno = errs[(data[0] >> 2) & 3];
	p = data + 1;
	end = data + size;
	if (p < end && *p == '\n')
		p++;

	if (data[0] & 2) {
		/* The whole payload, NUL bytes included, as the batch file. */
		if (ftruncate(batch_fd, 0) ||
		    pwrite(batch_fd, p, (size_t)(end - p), 0) != end - p)
			abort();
		argv[argc++] = word((const uint8_t *)"bpfbox", 6);
		if (data[0] & 1)
			argv[argc++] = word((const uint8_t *)"-j", 2);
		argv[argc++] = word((const uint8_t *)"batch", 5);
		argv[argc++] = word((const uint8_t *)"file", 4);
		argv[argc++] = word((const uint8_t *)batch_path, strlen(batch_path));
		run(argv, argc);
		return 0;
	}

	argv[argc++] = word((const uint8_t *)"bpfbox", 6);
	while (p < end && argc < MAX_WORDS + 1) {
		const uint8_t *q = p;

		while (q < end && *q && *q != '\n')
			q++;
		argv[argc++] = word(p, (size_t)(q - p));
		p = q < end ? q + 1 : q;
	}
	run(argv, argc);
	return 0;
}
