/* kconfig: the configuration the running kernel was built with, where
 * bpftool looks for it: /boot/config-$(uname -r) (plain or gzip), else
 * /proc/config.gz (CONFIG_IKCONFIG_PROC).  Never prints. */
#ifndef BPFBOX_KCONFIG_H
#define BPFBOX_KCONFIG_H

#include <stddef.h>

/* Which step failed, for bpftool's three messages. */
enum kconfig_step { KCONFIG_OPEN, KCONFIG_READ, KCONFIG_FORMAT };

/* Returns 0 with *text (malloc'd, NUL-terminated), or -errno with
 * *failed set; -ENODATA for a file of fewer than two lines, -ENOEXEC
 * for one that is no kernel config. */
int kconfig_load(char **text, enum kconfig_step *failed);

/* Set values[i] to the value of names[i] ("CONFIG_HZ" -> "250"), NULL
 * when it is not set; the first assignment wins.  Cuts text into lines. */
void kconfig_lookup(char *text, const char *const *names, size_t n, const char **values);

#endif
