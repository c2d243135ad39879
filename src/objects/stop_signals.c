/* stop_signals: the one process-wide flag a stop signal sets. */
#include "objects/stop_signals.h"

#include <string.h>

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	stop = 1;
}

bool stop_signalled(void)
{
	return stop;
}

/* Block the stop signals outside ppoll(), so one that comes during setup
 * or while printing ends the next wait instead of being missed. */
void catch_stop_signals(sigset_t *wait_mask)
{
	static const int sigs[] = { SIGINT, SIGHUP, SIGTERM };
	struct sigaction sa;
	sigset_t block;
	unsigned i;

	stop = 0;	/* one stream per command, but a batch may hold two */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;	/* no SA_RESTART: ppoll returns EINTR */
	sigemptyset(&block);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		sigaddset(&block, sigs[i]);
		sigaction(sigs[i], &sa, NULL);
	}
	sigprocmask(SIG_BLOCK, &block, wait_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigdelset(wait_mask, sigs[i]);
}
