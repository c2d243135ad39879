/* holdfd: open pinned BPF objects and hold the fds until killed, so the
 * tests see a known process in "pids".
 *
 *   holdfd PATH...     prints "ready" once every PATH is open, then sleeps
 * The tests run it in the background, wait for "ready" and add its pid to
 * $HELPER_PIDS for run.sh's cleanup. */
#include "kernel/sys_bpf.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int i, fd;

	if (argc < 2) {
		fprintf(stderr, "usage: holdfd PATH...\n");
		return 2;
	}
	for (i = 1; i < argc; i++) {
		fd = sys_obj_get(argv[i], 0);
		if (fd < 0) {
			fprintf(stderr, "holdfd: %s: %s\n", argv[i], strerror(-fd));
			return 1;
		}
	}
	printf("ready\n");
	fflush(stdout);
	for (;;)
		pause();
}
