/* cgroup: the "cgroup" object as upstream bpftool's cgroup.c: show and
 * tree (BPF_PROG_QUERY for every cgroup attach type, attached or
 * effective), attach and detach (BPF_PROG_ATTACH/DETACH with multi and
 * override).  The cgroup2 hierarchy is walked like nftw(FTW_MOUNT):
 * pre-order, readdir order, staying on one file system. */
#include "btf/btf.h"
#include "cli/options.h"
#include "cli/run.h"
#include "kernel/sys_proc.h"
#include "kernel/sys_bpf.h"
#include "lib/names.h"
#include "objects/handle.h"
#include "output/out.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#define CGROUP2_SUPER_MAGIC 0x63677270
#define QUERY_MAX 1024

/* The attach types bpftool queries, in its order (output follows it). */
static const uint8_t cgroup_types[] = {
	BPF_CGROUP_INET_INGRESS, BPF_CGROUP_INET_EGRESS, BPF_CGROUP_INET_SOCK_CREATE,
	BPF_CGROUP_INET_SOCK_RELEASE, BPF_CGROUP_INET4_BIND, BPF_CGROUP_INET6_BIND,
	BPF_CGROUP_INET4_POST_BIND, BPF_CGROUP_INET6_POST_BIND, BPF_CGROUP_INET4_CONNECT,
	BPF_CGROUP_INET6_CONNECT, BPF_CGROUP_UNIX_CONNECT, BPF_CGROUP_INET4_GETPEERNAME,
	BPF_CGROUP_INET6_GETPEERNAME, BPF_CGROUP_UNIX_GETPEERNAME, BPF_CGROUP_INET4_GETSOCKNAME,
	BPF_CGROUP_INET6_GETSOCKNAME, BPF_CGROUP_UNIX_GETSOCKNAME, BPF_CGROUP_UDP4_SENDMSG,
	BPF_CGROUP_UDP6_SENDMSG, BPF_CGROUP_UNIX_SENDMSG, BPF_CGROUP_UDP4_RECVMSG,
	BPF_CGROUP_UDP6_RECVMSG, BPF_CGROUP_UNIX_RECVMSG, BPF_CGROUP_SOCK_OPS,
	BPF_CGROUP_DEVICE, BPF_CGROUP_SYSCTL, BPF_CGROUP_GETSOCKOPT, BPF_CGROUP_SETSOCKOPT,
	BPF_LSM_CGROUP,
};
#define N_TYPES (sizeof(cgroup_types) / sizeof(cgroup_types[0]))

struct cg_show {
	struct run *r;
	bool effective;
	uint32_t vmlinux_id;	/* the vmlinux BTF object's id, once known */
	uint32_t ids[QUERY_MAX], flags[QUERY_MAX];
};

/* A directory on cgroup2, opened; -1 after reporting. */
static int cgroup_open(struct run *r, const char *path)
{
	struct statfs st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return run_error(r, "can't open cgroup %s", path);
	if (fstatfs(fd, &st) || st.f_type != CGROUP2_SUPER_MAGIC) {
		close(fd);
		return run_error(r, "can't open cgroup %s: not a cgroup v2 directory", path);
	}
	return fd;
}

/* BPF_PROG_QUERY for one type: the count, ids in s->ids, and each
 * program's flags in s->flags (the cgroup's when per-program flags are
 * unknown: kernels before 6.0, where bpftool's query fails).  -errno on
 * failure. */
static int query(struct cg_show *s, int fd, uint32_t type, bool ids)
{
	struct bpf_attr_prog_query q;
	uint32_t i;
	int err;

	memset(&q, 0, sizeof(q));
	memset(s->flags, 0, sizeof(s->flags));
	q.target_fd = (uint32_t)fd;
	q.attach_type = type;
	q.query_flags = s->effective ? BPF_F_QUERY_EFFECTIVE : 0;
	if (ids) {
		q.prog_ids = (uintptr_t)s->ids;
		q.count = QUERY_MAX;
		/* per-program flags cannot be asked for effective queries */
		if (!s->effective)
			q.prog_attach_flags = (uintptr_t)s->flags;
	}
	err = sys_prog_query(&q);
	/* Before 6.0 the kernel refuses the per-program flags array: EINVAL
	 * when the bytes fit its bpf_attr, E2BIG when they do not. */
	if ((err == -EINVAL || err == -E2BIG) && q.prog_attach_flags) {
		q.prog_attach_flags = 0;
		err = sys_prog_query(&q);
	}
	if (err)
		return err;
	for (i = 0; ids && i < q.count && i < QUERY_MAX; i++)
		if (!s->flags[i])
			s->flags[i] = q.attach_flags;
	return (int)(q.count < QUERY_MAX || !ids ? q.count : QUERY_MAX);
}

/* 1 when any type has a program, 0 when none, -errno when a query
 * failed other than for a type this kernel does not know (EINVAL). */
static int has_progs(struct cg_show *s, int fd)
{
	size_t i;
	int n;

	for (i = 0; i < N_TYPES; i++) {
		n = query(s, fd, cgroup_types[i], false);
		if (n < 0 && n != -EINVAL)
			return n;
		if (n > 0)
			return 1;
	}
	return 0;
}

/* The BTF name an lsm_cgroup program attaches to, when it is in vmlinux.
 * As in bpftool, a program attached to no BTF (object id 0) matches while
 * the vmlinux id is unknown (0) and gets type 0's name, "". */
static const char *attach_btf_name(struct cg_show *s, const struct bpf_prog_info *info)
{
	const struct btf_type *t;
	const struct btf *vmlinux = run_vmlinux_btf(s->r, &(int){ 0 });

	if (!vmlinux)
		return NULL;
	if (!s->vmlinux_id) {
		struct bpf_btf_info bi;
		char name[16] = "";
		uint32_t len = sizeof(bi);
		int fd = sys_fd_by_id(SYS_OBJ_BTF, info->attach_btf_obj_id, 0);

		memset(&bi, 0, sizeof(bi));
		bi.name = (uintptr_t)name;
		bi.name_len = sizeof(name);
		if (fd >= 0 && !sys_obj_info(fd, &bi, &len) && bi.kernel_btf &&
		    !strncmp(name, "vmlinux", sizeof(name)))
			s->vmlinux_id = bi.id;
		if (fd >= 0)
			close(fd);
	}
	if (s->vmlinux_id != info->attach_btf_obj_id)
		return NULL;
	t = info->attach_btf_id < btf_end_id(vmlinux) ?
	    btf_type_by_id(vmlinux, info->attach_btf_id) : NULL;
	return t ? btf_type_name(vmlinux, t) : NULL;
}

static void prog_line(struct cg_show *s, uint32_t id, uint32_t type, uint32_t flags, int level)
{
	struct run *r = s->r;
	struct bpf_prog_info info;
	const char *tname = attach_type_name(type), *btf_name, *fl;
	char name[128], buf[32];
	int fd = sys_fd_by_id(SYS_OBJ_PROG, id, 0);

	if (fd < 0)
		return;
	if (sys_prog_info(fd, &info)) {
		close(fd);
		return;
	}
	switch (flags) {
	case BPF_F_ALLOW_MULTI: fl = "multi"; break;
	case BPF_F_ALLOW_OVERRIDE: fl = "override"; break;
	case 0: fl = ""; break;
	default:
		snprintf(buf, sizeof(buf), "unknown(%x)", flags);
		fl = buf;
	}
	btf_name = attach_btf_name(s, &info);
	prog_full_name(&info, fd, name, sizeof(name));
	close(fd);
	if (r->opt.json) {
		json_start_object(&r->jw);
		json_uint_field(&r->jw, "id", info.id);
		if (tname)
			json_string_field(&r->jw, "attach_type", tname);
		else
			json_uint_field(&r->jw, "attach_type", type);
		if (!s->effective)
			json_string_field(&r->jw, "attach_flags", fl);
		json_string_field(&r->jw, "name", name);
		if (btf_name)
			json_string_field(&r->jw, "attach_btf_name", btf_name);
		json_uint_field(&r->jw, "attach_btf_obj_id", info.attach_btf_obj_id);
		json_uint_field(&r->jw, "attach_btf_id", info.attach_btf_id);
		json_end_object(&r->jw);
		return;
	}
	out_fmt("%s%-8u ", level ? "    " : "", info.id);
	if (tname)
		out_fmt("%-15s", tname);
	else
		out_fmt("type %-10u", type);
	if (s->effective)
		out_fmt(" %-15s", name);
	else
		out_fmt(" %-15s %-15s", fl, name);
	if (btf_name)
		out_fmt(" %-15s", btf_name);
	else if (info.attach_btf_id)
		out_fmt(" attach_btf_obj_id=%u attach_btf_id=%u", info.attach_btf_obj_id,
			info.attach_btf_id);
	out_char('\n');
}

/* Every program of every type; 0 when at least one query worked. */
static int progs_show(struct cg_show *s, int fd, int level)
{
	int ok = -1, n, i;
	size_t t;

	for (t = 0; t < N_TYPES; t++) {
		n = query(s, fd, cgroup_types[t], true);
		if (n < 0)
			continue;	/* a type this kernel does not have */
		ok = 0;
		for (i = 0; i < n; i++)
			prog_line(s, s->ids[i], cgroup_types[t], s->flags[i], level);
	}
	return ok;
}

static void header(struct cg_show *s)
{
	if (s->effective)
		out_fmt("%-8s %-15s %-15s\n", "ID", "AttachType", "Name");
	else
		out_fmt("%-8s %-15s %-15s %-15s\n", "ID", "AttachType", "AttachFlags", "Name");
}

/* [effective]: words after the cgroup; -1 after reporting. */
static int parse_effective(struct run *r, struct args *a, struct cg_show *s)
{
	while (a->argc) {
		if (!arg_is(a, "effective"))
			return run_error(r, "expected no more arguments, 'effective', got: '%s'?",
					 arg_peek(a));
		if (s->effective)
			return run_error(r, "duplicated argument: %s", arg_peek(a));
		s->effective = true;
		arg_next(a);
	}
	return 0;
}

static struct cg_show *cg_new(struct run *r)
{
	struct cg_show *s = calloc(1, sizeof(*s));

	if (!s)
		run_error(r, "mem alloc failed");
	else
		s->r = r;
	return s;
}

static int do_show(struct run *r, struct args *a)
{
	struct cg_show *s;
	const char *path;
	int fd, err = -1, has;

	if (a->argc < 1)
		return run_error(r, "'%s' needs at least 1 arguments, 0 found", a->argv[-1]);
	s = cg_new(r);
	if (!s)
		return -1;
	path = arg_next(a);
	if (parse_effective(r, a, s))
		goto out;
	fd = cgroup_open(r, path);
	if (fd < 0)
		goto out;
	has = has_progs(s, fd);
	if (has < 0) {
		run_error(r, "can't query bpf programs attached to %s: %s", path, errstr(has));
	} else if (!has) {
		/* bpftool prints nothing here; a JSON reader needs a value */
		err = r->opt.json ? (json_start_array(&r->jw), json_end_array(&r->jw), 0) : 0;
	} else {
		if (r->opt.json)
			json_start_array(&r->jw);
		else
			header(s);
		err = progs_show(s, fd, 0);
		if (r->opt.json)
			json_end_array(&r->jw);
		if (err)
			run_error(r, "can't query bpf programs attached to %s", path);
	}
	close(fd);
out:
	free(s);
	return err;
}

/* ---- tree -------------------------------------------------------------- */

static int tree_visit(struct cg_show *s, char *path, size_t len, dev_t dev, int level)
{
	struct run *r = s->r;
	struct dirent *de;
	struct stat st;
	int fd, has, err = 0;
	DIR *d;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return run_error(r, "can't open cgroup %s: %s", path, errstr(-errno));
	has = has_progs(s, fd);
	if (has < 0) {
		close(fd);
		return run_error(r, "can't query bpf programs attached to %s: %s", path, errstr(has));
	}
	if (has) {
		if (r->opt.json) {
			json_start_object(&r->jw);
			json_string_field(&r->jw, "cgroup", path);
			json_name(&r->jw, "programs");
			json_start_array(&r->jw);
		} else {
			out_fmt("%s\n", path);
		}
		progs_show(s, fd, level);
		if (r->opt.json) {
			json_end_array(&r->jw);
			json_end_object(&r->jw);
		}
	}
	d = fdopendir(fd);
	if (!d) {
		close(fd);
		return 0;
	}
	while (!err && (de = readdir(d))) {
		size_t n = strlen(de->d_name);

		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (len + 1 + n >= PATH_MAX)
			continue;
		snprintf(path + len, PATH_MAX - len, "%s%s", len && path[len - 1] == '/' ? "" : "/",
			 de->d_name);
		/* directories only, and none on another mount (FTW_MOUNT) */
		if (!fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) &&
		    S_ISDIR(st.st_mode) && st.st_dev == dev)
			err = tree_visit(s, path, strlen(path), dev, level + 1);
		path[len] = 0;
	}
	closedir(d);
	return err;
}

/* The first cgroup2 mount in /proc/mounts, as bpftool. */
static int cgroup2_root(char *root, size_t size)
{
	return sys_mount_first("cgroup2", root, size) > 0;
}

static int do_tree(struct run *r, struct args *a)
{
	static char root[PATH_MAX];	/* static: PATH_MAX is a lot of stack */
	struct cg_show *s = cg_new(r);
	struct stat st;
	size_t len;
	int err = -1;

	if (!s)
		return -1;
	if (!a->argc) {
		if (!cgroup2_root(root, sizeof(root))) {
			run_error(r, "cgroup v2 isn't mounted");
			goto out;
		}
	} else {
		snprintf(root, sizeof(root), "%s", arg_next(a));
		if (parse_effective(r, a, s))
			goto out;
	}
	/* nftw drops trailing slashes from the root */
	len = strlen(root);
	while (len > 1 && root[len - 1] == '/')
		root[--len] = 0;
	if (stat(root, &st)) {
		run_error(r, "can't iterate over %s: %s", root, errstr(-errno));
		goto out;
	}
	if (r->opt.json) {
		json_start_array(&r->jw);
	} else {
		out_str("CgroupPath\n");
		header(s);
	}
	err = S_ISDIR(st.st_mode) ? tree_visit(s, root, len, st.st_dev, 0) : 0;
	if (r->opt.json)
		json_end_array(&r->jw);
out:
	free(s);
	return err;
}

/* ---- attach / detach --------------------------------------------------- */

static int change(struct run *r, struct args *a, bool attach)
{
	struct bpf_attr_prog_attach at;
	const char *what = attach ? "attach" : "detach";
	int cg, prog = -1, type, err = -1;

	if (a->argc < 4)
		return run_error(r, "too few parameters for cgroup %s", what);
	cg = cgroup_open(r, arg_next(a));
	if (cg < 0)
		return -1;
	memset(&at, 0, sizeof(at));
	type = attach_type_parse(arg_next(a));
	if (type < 0) {
		run_error(r, "invalid attach type");
		goto out;
	}
	prog = prog_handle(r, a);
	if (prog < 0)
		goto out;
	for (; attach && a->argc; arg_next(a)) {
		if (arg_is(a, "multi")) {
			at.attach_flags |= BPF_F_ALLOW_MULTI;
		} else if (arg_is(a, "override")) {
			at.attach_flags |= BPF_F_ALLOW_OVERRIDE;
		} else {
			run_error(r, "unknown option: %s", arg_peek(a));
			goto out;
		}
	}
	if (a->argc) {
		run_error(r, "what is '%s'?", arg_peek(a));
		goto out;
	}
	at.target_fd = (uint32_t)cg;
	at.attach_bpf_fd = (uint32_t)prog;
	at.attach_type = (uint32_t)type;
	err = attach ? sys_prog_attach(&at) : sys_prog_detach(&at);
	err = err ? run_fail(r, err, "failed to %s program", what) : run_done(r);
out:
	if (prog >= 0)
		close(prog);
	close(cg);
	return err;
}

static int do_attach(struct run *r, struct args *a)
{
	return change(r, a, true);
}

static int do_detach(struct run *r, struct args *a)
{
	return change(r, a, false);
}

static int do_help(struct run *r, struct args *a)
{
	/* bpftool's ATTACH_TYPE list, two names a line, in its order */
	static const uint8_t help_types[] = {
		BPF_CGROUP_INET_INGRESS, BPF_CGROUP_INET_EGRESS, BPF_CGROUP_INET_SOCK_CREATE,
		BPF_CGROUP_SOCK_OPS, BPF_CGROUP_DEVICE, BPF_CGROUP_INET4_BIND, BPF_CGROUP_INET6_BIND,
		BPF_CGROUP_INET4_POST_BIND, BPF_CGROUP_INET6_POST_BIND, BPF_CGROUP_INET4_CONNECT,
		BPF_CGROUP_INET6_CONNECT, BPF_CGROUP_UNIX_CONNECT, BPF_CGROUP_INET4_GETPEERNAME,
		BPF_CGROUP_INET6_GETPEERNAME, BPF_CGROUP_UNIX_GETPEERNAME,
		BPF_CGROUP_INET4_GETSOCKNAME, BPF_CGROUP_INET6_GETSOCKNAME,
		BPF_CGROUP_UNIX_GETSOCKNAME, BPF_CGROUP_UDP4_SENDMSG, BPF_CGROUP_UDP6_SENDMSG,
		BPF_CGROUP_UNIX_SENDMSG, BPF_CGROUP_UDP4_RECVMSG, BPF_CGROUP_UDP6_RECVMSG,
		BPF_CGROUP_UNIX_RECVMSG, BPF_CGROUP_SYSCTL, BPF_CGROUP_GETSOCKOPT,
		BPF_CGROUP_SETSOCKOPT, BPF_CGROUP_INET_SOCK_RELEASE,
	};
	size_t i, n = sizeof(help_types);

	if (r->opt.json)
		return run_done(r);
	fprintf(stderr,
		"Usage: %1$s %2$s { show | list } CGROUP [**effective**]\n"
		"       %1$s %2$s tree [CGROUP_ROOT] [**effective**]\n"
		"       %1$s %2$s attach CGROUP ATTACH_TYPE PROG [ATTACH_FLAGS]\n"
		"       %1$s %2$s detach CGROUP ATTACH_TYPE PROG\n"
		"       %1$s %2$s help\n"
		"\n",
		r->bin_name, "cgroup");
	for (i = 0; i < n; i += 2)
		fprintf(stderr, "%s%s | %s %s\n", i ? "                        " : "       ATTACH_TYPE := { ",
			attach_type_name(help_types[i]), attach_type_name(help_types[i + 1]),
			i + 2 < n ? "|" : "}");
	fprintf(stderr,
		"       ATTACH_FLAGS := { multi | override }\n"
		"       " HELP_SPEC_PROGRAM "\n");
	options_help(HELP_CGROUP);
	return 0;
}

static const struct cmd cmds[] = {
	{ "show", do_show },
	{ "list", do_show },
	{ "tree", do_tree },
	{ "attach", do_attach },
	{ "detach", do_detach },
	{ "help", do_help },
	{ 0 }
};

int do_cgroup(struct run *r, struct args *a)
{
	return cmd_select(r, cmds, a, do_help);
}
