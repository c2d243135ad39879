/* sys_proc: /proc/self/fdinfo, /proc/self/fd and the possible-CPU list. */
#include "kernel/sys_proc.h"

#include <errno.h>
#include <net/if.h>
#include <limits.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int read_file(const char *path, char *buf, size_t size)
{
	size_t len = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	while (len < size - 1) {
		ssize_t n = read(fd, buf + len, size - 1 - len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			n = -errno;
			close(fd);
			return (int)n;
		}
		if (!n)
			break;
		len += (size_t)n;
	}
	close(fd);
	buf[len] = 0;
	return (int)len;
}

int cpu_list_parse(const char *s, bool *set, int n)
{
	int count = 0;

	if (set)
		memset(set, 0, (size_t)n * sizeof(*set));
	while (*s && *s != '\n') {
		char *end;
		long a = strtol(s, &end, 10), b = a, i;

		if (end == s || a < 0)
			return -EINVAL;
		s = end;
		if (*s == '-') {
			b = strtol(s + 1, &end, 10);
			if (end == s + 1 || b < a)
				return -EINVAL;
			s = end;
		}
		count += (int)(b - a + 1);
		for (i = a; set && i <= b && i < n; i++)
			set[i] = true;
		if (*s == ',')
			s++;
		else if (*s && *s != '\n')
			return -EINVAL;
	}
	return count ? count : -EINVAL;
}

int sys_cpus_online(bool *online, int n)
{
	char buf[4096];
	int len = read_file("/sys/devices/system/cpu/online", buf, sizeof(buf));

	if (len < 0)
		return len;
	len = cpu_list_parse(buf, online, n);
	return len < 0 ? len : 0;
}

int sys_possible_cpus(void)
{
	static int cached;
	char buf[1024];
	int n;

	if (cached)
		return cached;
	n = read_file("/sys/devices/system/cpu/possible", buf, sizeof(buf));
	if (n < 0)
		return n;
	n = cpu_list_count(buf);
	if (n > 0)
		cached = n;
	return n;
}

int sys_fdinfo(int fd, struct fdinfo *fi)
{
	char path[64];
	ssize_t n;
	int f;

	/* One open and one read: fdinfo is a seq_file, which fills the
	 * buffer up to its end in one call.  No O_CLOEXEC: musl emulates it
	 * with an extra fcntl(), and `map show` does this per map. */
	fi->text[0] = 0;
	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
	f = open(path, O_RDONLY);
	if (f < 0)
		return -errno;
	do
		n = read(f, fi->text, sizeof(fi->text) - 1);
	while (n < 0 && errno == EINTR);
	close(f);
	if (n < 0)
		return -errno;
	fi->text[n] = 0;
	return 0;
}

const char *fdinfo_get(const struct fdinfo *fi, const char *key,
		       char *buf, size_t size)
{
	size_t klen = strlen(key);
	const char *line = fi->text;

	/* Lines are "name:\tvalue".  bpftool takes the first line that
	 * contains key; every key it asks for is a whole name, so matching
	 * the name is the same, and cheap enough to do per map. */
	while (*line) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);

		if (len > klen && line[klen] == ':' && !memcmp(line, key, klen)) {
			const char *v = line + klen + 1;
			size_t vlen;

			while (v < line + len && (*v == '\t' || *v == ' '))
				v++;
			if (v == line + len)
				return NULL;
			vlen = (size_t)(line + len - v);
			if (vlen >= size)
				vlen = size - 1;
			memcpy(buf, v, vlen);
			buf[vlen] = 0;
			return buf;
		}
		line += len + (nl ? 1 : 0);
	}
	return NULL;
}

int sys_fd_kind(int fd)
{
	char path[64], link[128];
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	n = readlink(path, link, sizeof(link) - 1);
	if (n < 0)
		return -errno;
	link[n] = 0;
	if (strstr(link, "bpf-map"))
		return FD_MAP;
	if (strstr(link, "bpf-prog"))
		return FD_PROG;
	/* "bpf_link" on most kernels, "bpf-link" on some */
	if (strstr(link, "bpf-link") || strstr(link, "bpf_link"))
		return FD_LINK;
	return FD_OTHER;
}

/* Read all of fd; sysfs files may report a size that is only a hint. */
int sys_read_fd(int fd, uint8_t **out, size_t *out_len)
{
	size_t cap = 1 << 16, len = 0;
	struct stat st;
	uint8_t *p, *np;
	ssize_t r;

	if (!fstat(fd, &st) && st.st_size > 0 && st.st_size < (1 << 30))
		cap = (size_t)st.st_size + 1;	/* +1: see EOF in one read */
	p = malloc(cap);
	if (!p)
		return -ENOMEM;
	for (;;) {
		if (len == cap) {
			np = cap < (1u << 30) ? realloc(p, cap * 2) : NULL;
			if (!np) {
				free(p);
				return cap < (1u << 30) ? -ENOMEM : -EFBIG;
			}
			p = np;
			cap *= 2;
		}
		r = read(fd, p + len, cap - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			free(p);
			return -errno;
		}
		if (!r)
			break;
		len += (size_t)r;
	}
	*out = p;
	*out_len = len;
	return 0;
}

/* /proc/mounts escapes blanks and backslashes as \ooo. */
static void unescape_octal(char *s)
{
	char *w = s;

	for (; *s; s++) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' &&
		    s[2] >= '0' && s[2] <= '7' && s[3] >= '0' && s[3] <= '7') {
			*w++ = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 + (s[3] - '0'));
			s += 3;
		} else {
			*w++ = *s;
		}
	}
	*w = 0;
}

int sys_mounts_of(const char *fstype, int (*fn)(const char *dir, void *ctx), void *ctx)
{
	char line[PATH_MAX + 256], *dir, *type;
	FILE *f = fopen("/proc/mounts", "re");
	int ret = 0;

	if (!f)
		return -errno;
	/* "DEVICE DIR TYPE OPTIONS 0 0": blanks inside fields are octal. */
	while (!ret && fgets(line, sizeof(line), f)) {
		dir = strchr(line, ' ');
		type = dir ? strchr(dir + 1, ' ') : NULL;
		if (!type)
			continue;
		*type++ = 0;
		dir++;
		type[strcspn(type, " \n")] = 0;
		if (strcmp(type, fstype))
			continue;
		unescape_octal(dir);
		if (strlen(dir) < PATH_MAX)
			ret = fn(dir, ctx);
	}
	fclose(f);
	return ret;
}

struct dir_buf {
	char *p;
	size_t size;
};

static int copy_first(const char *dir, void *ctx)
{
	struct dir_buf *b = ctx;

	return snprintf(b->p, b->size, "%s", dir) < (int)b->size;
}

int sys_mount_first(const char *fstype, char *dir, size_t size)
{
	struct dir_buf b = { dir, size };

	return sys_mounts_of(fstype, copy_first, &b);
}

const char *sys_ifname_ns(uint32_t ifindex, uint64_t ns_dev, uint64_t ns_ino, char *name)
{
	struct stat st;

	if (stat("/proc/self/ns/net", &st) || (uint32_t)st.st_dev != (uint32_t)ns_dev ||
	    (uint32_t)st.st_ino != (uint32_t)ns_ino)
		return NULL;
	return if_indextoname(ifindex, name);
}
