/* stop_signals: SIGINT/SIGHUP/SIGTERM end a streaming command cleanly
 * (map event_pipe, prog tracelog): output flushed, JSON closed, status 0,
 * as bpftool's handlers do, but by returning rather than exiting. */
#ifndef BPFBOX_STOP_SIGNALS_H
#define BPFBOX_STOP_SIGNALS_H

#include <signal.h>
#include <stdbool.h>

/* Catch the stop signals and block them outside the wait: *wait_mask is
 * the mask for ppoll(), which then returns EINTR when one arrives. */
void catch_stop_signals(sigset_t *wait_mask);
bool stop_signalled(void);

#endif
