/* link: one link's type-specific details (the part of "link show" after
 * the id, type and program), as upstream bpftool's show_link_close_*():
 * plain text or JSON members of the object being written.  Exported for
 * the unit tests of the link types this host cannot create. */
#ifndef BPFBOX_LINK_H
#define BPFBOX_LINK_H

#include "cli/run.h"
#include "uapi/bpf.h"

/* 0, or -1 after reporting (a tracing link whose program is gone). */
int link_details(struct run *r, const struct bpf_link_info *info);

#endif
