/* pids: holders of BPF objects, from /proc.  bpftool's pid_iter walks
 * every task's files in the kernel; the same facts are in /proc/PID/fd
 * (the link target names the object kind) and /proc/PID/fdinfo/FD
 * (map_id:/prog_id:, 4.16+).  Each process and fd is read once per
 * command; processes that vanish or deny access are skipped. */
#include "kernel/pids.h"
#include "output/out.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int add_ref(struct idtab *r, uint32_t id, int pid, const char *comm)
{
	const struct obj_ref *v = r->v;
	struct obj_ref *ref;
	size_t i;

	/* A process holding the same object twice is listed once. */
	for (i = r->n; i-- > 0 && v[i].pid == pid;)
		if (v[i].k.id == id)
			return 0;
	ref = idtab_add(r, id);
	if (!ref)
		return -ENOMEM;
	ref->pid = pid;
	snprintf(ref->comm, sizeof(ref->comm), "%s", comm);
	return 0;
}

uint32_t fdinfo_id(const char *text, const char *key)
{
	size_t klen = strlen(key);
	const char *p = text;

	while ((p = strstr(p, key))) {
		if ((p == text || p[-1] == '\n') && p[klen] == ':')
			return (uint32_t)strtoul(p + klen + 1, NULL, 10);
		p += klen;
	}
	return 0;
}

static void read_comm(int pid, char *comm, size_t size)
{
	char path[64];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/comm", pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	n = fd < 0 ? -1 : read(fd, comm, size - 1);
	if (fd >= 0)
		close(fd);
	if (n < 0)
		n = 0;
	comm[n] = 0;
	comm[strcspn(comm, "\n")] = 0;
}

static int scan_process(struct idtab *r, int pid, const char *link_name,
			const char *id_key)
{
	char path[64], link[64], info[1024], comm[16] = "";
	struct dirent *de;
	int dfd, ifd = -1, err = 0;
	DIR *d;

	/* Names relative to the fd and fdinfo directories: path lookups
	 * through /proc are the expensive part of this walk. */
	snprintf(path, sizeof(path), "/proc/%d/fd", pid);
	d = opendir(path);
	if (!d)
		return 0;
	dfd = dirfd(d);
	while (!err && (de = readdir(d))) {
		ssize_t n;
		int fd;
		uint32_t id;

		if (!isdigit((unsigned char)de->d_name[0]))
			continue;
		n = readlinkat(dfd, de->d_name, link, sizeof(link) - 1);
		/* EACCES is the ptrace check on the process: every fd fails. */
		if (n < 0 && errno == EACCES)
			break;
		if (n < 0)
			continue;
		link[n] = 0;
		/* Links are "bpf_link" or "bpf-link" depending on the kernel. */
		if (n > 5 && link[n - 5] == '_')
			link[n - 5] = '-';
		if (strcmp(link, link_name))
			continue;
		if (ifd < 0) {
			snprintf(path, sizeof(path), "/proc/%d/fdinfo", pid);
			ifd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
			if (ifd < 0)
				break;
		}
		fd = openat(ifd, de->d_name, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			continue;
		n = read(fd, info, sizeof(info) - 1);
		close(fd);
		if (n <= 0)
			continue;
		info[n] = 0;
		id = fdinfo_id(info, id_key);
		if (!id)
			continue;
		if (!*comm)
			read_comm(pid, comm, sizeof(comm));
		err = add_ref(r, id, pid, comm);
	}
	if (ifd >= 0)
		close(ifd);
	closedir(d);
	return err;
}

int refs_collect(struct idtab *r, enum refs_kind kind)
{
	static const char *const link_names[] = {
		[REFS_MAP] = "anon_inode:bpf-map",
		[REFS_PROG] = "anon_inode:bpf-prog",
		[REFS_BTF] = "anon_inode:btf",
		[REFS_LINK] = "anon_inode:bpf-link",	/* or bpf_link: see below */
	};
	static const char *const id_keys[] = {
		[REFS_MAP] = "map_id", [REFS_PROG] = "prog_id", [REFS_BTF] = "btf_id",
		[REFS_LINK] = "link_id",
	};
	const char *link_name = link_names[kind], *id_key = id_keys[kind];
	int self = getpid(), err = 0;
	struct dirent *de;
	DIR *proc;

	idtab_init(r, sizeof(struct obj_ref));
	proc = opendir("/proc");
	if (!proc)
		return -errno;
	while (!err && (de = readdir(proc))) {
		int pid;

		if (!isdigit((unsigned char)de->d_name[0]))
			continue;
		pid = atoi(de->d_name);
		if (pid == self)
			continue;
		err = scan_process(r, pid, link_name, id_key);
	}
	closedir(proc);
	/* bpftool lists holders in task order; /proc is read in pid order. */
	idtab_sort(r);
	return err;
}

void refs_plain(const struct idtab *r, uint32_t id, const char *prefix)
{
	const struct obj_ref *v;
	size_t n, i;

	v = idtab_of(r, id, &n);
	if (!n)
		return;
	out_str(prefix);
	for (i = 0; i < n; i++)
		out_fmt("%s%s(%d)", i ? ", " : "", v[i].comm, v[i].pid);
}

void refs_json(const struct idtab *r, uint32_t id, struct json *j)
{
	const struct obj_ref *v;
	size_t n, i;

	v = idtab_of(r, id, &n);
	if (!n)
		return;
	json_name(j, "pids");
	json_start_array(j);
	for (i = 0; i < n; i++) {
		json_start_object(j);
		json_int_field(j, "pid", v[i].pid);
		json_string_field(j, "comm", v[i].comm);
		json_end_object(j);
	}
	json_end_array(j);
}
