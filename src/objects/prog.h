/* prog: what the "prog" object's files share (prog.c: show, pin, help
 * and the command table; prog_dump.c: dump xlated; prog_run.c: run and
 * tracelog). */
#ifndef BPFBOX_PROG_H
#define BPFBOX_PROG_H

#include "cli/run.h"
#include "uapi/bpf.h"

/* bpftool's print_prog_header_plain()/_json(): the first line of "prog
 * show", also printed before each program of a multi-program dump. */
void prog_header_plain(int fd, const struct bpf_prog_info *info);
void prog_header_json(struct run *r, int fd, const struct bpf_prog_info *info);

int do_prog_dump(struct run *r, struct args *a);
int do_prog_run(struct run *r, struct args *a);
int do_prog_tracelog(struct run *r, struct args *a);

#endif
