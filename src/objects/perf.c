/* perf: the "perf" object as upstream bpftool's perf.c: every process's
 * fds asked with BPF_TASK_FD_QUERY, listing the perf events and raw
 * tracepoints that have a program attached (kprobe, uprobe, tracepoint
 * names, offsets, addresses). */
#include "cli/options.h"
#include "cli/run.h"
#include "kernel/sys_bpf.h"
#include "output/out.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define ENOTSUPP 524	/* the kernel's, not in libc */

static void perf_one(struct run *r, int pid, int fd, const struct bpf_attr_task_fd_query *q,
		     const char *buf)
{
	static const char *const types[] = {
		"raw_tracepoint", "tracepoint", "kprobe", "kretprobe", "uprobe", "uretprobe",
	};
	const char *type = q->fd_type < 6 ? types[q->fd_type] : NULL;
	unsigned long long off = q->probe_offset, addr = q->probe_addr;
	bool probe = q->fd_type == BPF_FD_TYPE_KPROBE || q->fd_type == BPF_FD_TYPE_KRETPROBE;
	bool file = q->fd_type == BPF_FD_TYPE_UPROBE || q->fd_type == BPF_FD_TYPE_URETPROBE;

	if (r->opt.json) {
		json_start_object(&r->jw);
		json_int_field(&r->jw, "pid", pid);
		json_int_field(&r->jw, "fd", fd);
		json_uint_field(&r->jw, "prog_id", q->prog_id);
		if (type)
			json_string_field(&r->jw, "fd_type", type);
		if (q->fd_type <= BPF_FD_TYPE_TRACEPOINT) {
			json_string_field(&r->jw, "tracepoint", buf);
		} else if (probe && *buf) {
			json_string_field(&r->jw, "func", buf);
			json_uint_field(&r->jw, "offset", off);
		} else if (probe) {
			json_uint_field(&r->jw, "addr", addr);
		} else if (file) {
			json_string_field(&r->jw, "filename", buf);
			json_uint_field(&r->jw, "offset", off);
		}
		json_end_object(&r->jw);
		return;
	}
	out_fmt("pid %d  fd %d: prog_id %u  ", pid, fd, q->prog_id);
	if (q->fd_type <= BPF_FD_TYPE_TRACEPOINT)
		out_fmt("%s  %s\n", type, buf);
	else if (probe && *buf)
		out_fmt("%s  func %s  offset %llu\n", type, buf, off);
	else if (probe)
		out_fmt("%s  addr %llu\n", type, addr);
	else if (file)
		out_fmt("%s  filename %s  offset %llu\n", type, buf, off);
}

static int query(int pid, int fd, struct bpf_attr_task_fd_query *q, char *buf, uint32_t size)
{
	memset(q, 0, sizeof(*q));
	q->pid = (uint32_t)pid;
	q->fd = (uint32_t)fd;
	q->buf = (uintptr_t)buf;
	q->buf_len = size;
	*buf = 0;
	return sys_task_fd_query(q);
}

static bool all_digits(const char *s, int *v)
{
	*v = 0;
	if (!*s)
		return false;
	for (; isdigit((unsigned char)*s); s++)
		*v = *v * 10 + (*s - '0');
	return !*s;
}

static int do_show(struct run *r, struct args *a)
{
	struct bpf_attr_task_fd_query q;
	static char buf[4096];
	struct dirent *pde, *fde;
	DIR *proc, *fds;
	int pid, fd, err;

	if (a->argc)
		return run_error(r, "what is '%s'?", arg_peek(a));
	/* A plain directory has no attachment: a kernel that can answer
	 * says ENOTSUPP. */
	fd = open("/", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return run_error(r, "perf_query_support: cannot open directory \"/\" (%s)",
				 errstr(-errno));
	err = query(getpid(), fd, &q, buf, sizeof(buf));
	close(fd);
	if (err != -ENOTSUPP) {
		run_error(r, "perf_query_support: %s", errstr(err));
		if (!r->opt.json)
			fprintf(stderr, "HINT: non root or kernel doesn't support TASK_FD_QUERY\n");
		return -1;
	}
	proc = opendir("/proc");
	if (!proc)
		return run_fail(r, -errno, "can't open /proc");
	if (r->opt.json)
		json_start_array(&r->jw);
	while ((pde = readdir(proc))) {
		char path[300];

		if (!all_digits(pde->d_name, &pid))
			continue;
		snprintf(path, sizeof(path), "/proc/%s/fd", pde->d_name);
		fds = opendir(path);
		if (!fds)
			continue;
		while ((fde = readdir(fds)))
			if (all_digits(fde->d_name, &fd) && !query(pid, fd, &q, buf, sizeof(buf)))
				perf_one(r, pid, fd, &q, buf);
		closedir(fds);
	}
	closedir(proc);
	if (r->opt.json)
		json_end_array(&r->jw);
	return 0;
}

static int do_help(struct run *r, struct args *a)
{
	if (r->opt.json)
		return run_done(r);
	fprintf(stderr,
		"Usage: %1$s %2$s { show | list }\n"
		"       %1$s %2$s help\n"
		"\n"
		, r->bin_name, "perf");
	options_help(HELP_OTHER);
	return 0;
}

static const struct cmd cmds[] = {
	{ "show", do_show },
	{ "list", do_show },
	{ "help", do_help },
	{ 0 }
};

int do_perf(struct run *r, struct args *a)
{
	return cmd_select(r, cmds, a, do_help);
}
