/* pin: bpftool's do_pin_fd()/mount_bpffs_for_file() checks, shared by
 * "map pin", "map create" and "prog pin".  Command layer: reports errors
 * with bpftool's messages and returns -1. */
#ifndef BPFBOX_PIN_H
#define BPFBOX_PIN_H

#include "cli/run.h"
#include <stdbool.h>

#include "cli/argv.h"

/* Where a new pin goes must not exist, and its directory must be a bpffs
 * or a directory we may mount one on.  Checked before anything changes;
 * *mount_needed tells the caller to mount right before pinning. */
int check_pin_path(struct run *r, const char *path, bool *mount_needed);
/* Mount bpffs on the pin's directory when asked, then pin fd at path;
 * a failed pin leaves no mount behind. */
int pin_fd(struct run *r, int fd, const char *path, bool mount_needed);

/* "pin OBJECT FILE" (bpftool's do_pin_any()): open() parses the object's
 * handle and returns one fd. */
int pin_command(struct run *r, struct args *a, int (*open)(struct run *r, struct args *a));

#endif
