/* kconfig: read the kernel's build configuration, as bpftool's
 * read_kernel_config() does (see kconfig.h).  A gzip file goes through
 * lib/inflate.c; anything else is taken as plain text, like gzopen(). */
#include "kernel/kconfig.h"
#include "kernel/sys_proc.h"
#include "lib/inflate.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#define KCONFIG_MAX (64u << 20)	/* configs are < 1 MiB; bounds a gzip bomb */

int kconfig_load(char **text, enum kconfig_step *failed)
{
	static const char header[] = "# Automatically generated file; DO NOT EDIT.\n";
	char path[128];
	struct utsname u;
	uint8_t *data = NULL, *plain;
	size_t len = 0;
	const char *line2;
	int fd = -1, err;

	*text = NULL;
	*failed = KCONFIG_OPEN;
	if (!uname(&u)) {
		snprintf(path, sizeof(path), "/boot/config-%s", u.release);
		fd = open(path, O_RDONLY | O_CLOEXEC);
	}
	if (fd < 0)
		fd = open("/proc/config.gz", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	*failed = KCONFIG_READ;
	err = sys_read_fd(fd, &data, &len);
	close(fd);
	if (err)
		return err;
	if (len >= 2 && data[0] == 0x1f && data[1] == 0x8b) {
		err = gunzip(data, len, KCONFIG_MAX, &plain, &len);
		free(data);
		if (err)
			return err;
		data = plain;
	}
	/* As text: one more byte for the NUL. */
	plain = realloc(data, len + 1);
	if (!plain) {
		free(data);
		return -ENOMEM;
	}
	data = plain;
	data[len] = 0;
	/* The second line is kconfig's banner, as bpftool checks. */
	line2 = strchr((char *)data, '\n');
	if (!line2 || !strchr(line2 + 1, '\n')) {
		free(data);
		return -ENODATA;
	}
	if (strncmp(line2 + 1, header, sizeof(header) - 1)) {
		*failed = KCONFIG_FORMAT;
		free(data);
		return -ENOEXEC;
	}
	*text = (char *)data;
	return 0;
}

void kconfig_lookup(char *text, const char *const *names, size_t n, const char **values)
{
	char *line, *next, *eq;
	size_t i;

	for (i = 0; i < n; i++)
		values[i] = NULL;
	for (line = text; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		/* "CONFIG_X=value"; comments and empty values set nothing. */
		eq = strchr(line, '=');
		if (strncmp(line, "CONFIG_", 7) || !eq || !eq[1])
			continue;
		*eq = 0;
		for (i = 0; i < n; i++)
			if (!values[i] && !strcmp(line, names[i]))
				values[i] = eq + 1;
	}
}
