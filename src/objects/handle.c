/* handle: bpftool's map_parse_fds()/prog_parse_fds() grammar and messages.
 * Unlike bpftool, an object that vanishes while "name" or "tag" walks the
 * ids is skipped instead of failing the whole command (docs/compat.md). */
#include "objects/handle.h"
#include "cli/run.h"
#include "kernel/sys_bpf.h"
#include "kernel/sys_proc.h"
#include "kernel/bpffs.h"
#include "btf/btf.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void fd_list_close(struct fd_list *l)
{
	while (l->n > 0)
		close(l->fds[--l->n]);
	free(l->fds);
	l->fds = NULL;
}

static int fd_list_add(struct run *r, struct fd_list *l, int fd)
{
	int *v = realloc(l->fds, (size_t)(l->n + 1) * sizeof(int));

	if (!v) {
		close(fd);
		return run_error(r, "mem alloc failed");
	}
	l->fds = v;
	l->fds[l->n++] = fd;
	return 0;
}

static const char *kind_name(int kind)
{
	switch (kind) {
	case FD_PROG: return "prog";
	case FD_MAP: return "map";
	case FD_LINK: return "link";
	default: return "unknown";
	}
}

int open_pinned(struct run *r, const char *path, int kind, uint32_t file_flags)
{
	int fd = sys_obj_get(path, file_flags), got;

	if (fd < 0) {
		char dir[PATH_MAX];

		snprintf(dir, sizeof(dir), "%s", path);
		if (fd == -EACCES && !bpffs_is(dirname(dir)))
			return run_error(r, "bpf obj get (%s): directory not in bpf file system (bpffs)",
				     path);
		if (fd == -ENOENT) {
			run_error(r, "bpf obj get (%s): %s", path, errstr(fd));
			if (!r->opt.json)
				fprintf(stderr, "Hint: nothing is pinned at %s%s\n", path,
					bpffs_is(dirname(dir)) ? "" : " (and its directory is not a bpffs mount)");
			return -1;
		}
		return run_fail(r, fd, "bpf obj get (%s)", path);
	}
	got = sys_fd_kind(fd);
	if (got < 0) {
		close(fd);
		return run_fail(r, got, "can't read link type");
	}
	if (got != kind) {
		close(fd);
		return run_error(r, "incorrect object type: %s", kind_name(got));
	}
	return fd;
}

/* "id N" and "pinned FILE" need two words; bpftool's callers check this
 * with REQ_ARGS, and a missing word is a usage error. */
static int need_two(struct run *r, struct args *a)
{
	return a->argc < 2 ? run_usage(r) : 0;
}

/* "id N": one object.  msg is bpftool's message for that kind. */
static int open_id(struct run *r, struct args *a, enum sys_obj kind, uint32_t open_flags,
		   const char *msg, struct fd_list *l)
{
	const char *w;
	uint32_t id;
	int fd;

	if (need_two(r, a))
		return -1;
	arg_next(a);
	w = arg_next(a);
	if (parse_u32(w, &id))
		return run_error(r, "can't parse %s as ID", w);
	fd = sys_fd_by_id(kind, id, open_flags);
	if (fd < 0)
		return run_fail(r, fd, msg, id);
	return fd_list_add(r, l, fd) ? -1 : 1;
}

/* Walk all ids of a kind and keep the objects match() accepts. */
static int walk_ids(struct run *r, enum sys_obj kind, uint32_t open_flags, struct fd_list *l,
		    int (*match)(int fd, const void *ctx), const void *ctx)
{
	uint32_t id = 0;
	int err, fd;

	for (;;) {
		err = sys_next_id(kind, id, &id);
		if (err == -ENOENT)
			return l->n;
		if (err) {
			fd_list_close(l);
			return run_fail(r, err, "can't get next %s id", kind == SYS_OBJ_MAP ? "map" : "prog");
		}
		fd = sys_fd_by_id(kind, id, kind == SYS_OBJ_MAP ? BPF_F_RDONLY : 0);
		if (fd == -ENOENT)
			continue;	/* gone since we saw its id */
		if (fd < 0) {
			fd_list_close(l);
			return run_fail(r, fd, "can't get %s by id (%u)",
				    kind == SYS_OBJ_MAP ? "map" : "prog", id);
		}
		err = match(fd, ctx);
		if (err <= 0) {
			close(fd);
			if (err < 0) {
				fd_list_close(l);
				return run_fail(r, err, "can't get info (%u)", id);
			}
			continue;
		}
		if (open_flags != BPF_F_RDONLY && kind == SYS_OBJ_MAP) {
			/* Matched read-only; reopen with the access asked for. */
			close(fd);
			fd = sys_fd_by_id(kind, id, open_flags);
			if (fd == -ENOENT)
				continue;
			if (fd < 0) {
				fd_list_close(l);
				return run_fail(r, fd, "can't get map by id (%u)", id);
			}
		}
		if (fd_list_add(r, l, fd)) {
			fd_list_close(l);
			return -1;
		}
	}
}

/* A name or tag that matches nothing is an error worth saying: bpftool
 * fails silently there (docs/compat.md). */
static int none_found(struct run *r, int n, const char *fmt, const char *word)
	__attribute__((format(printf, 3, 0)));
static int none_found(struct run *r, int n, const char *fmt, const char *word)
{
	return n ? n : run_error(r, fmt, word);
}

static int map_name_matches(int fd, const void *name)
{
	struct bpf_map_info info;
	int err = sys_map_info(fd, &info);

	if (err)
		return err;
	return !strncmp(name, info.name, BPF_OBJ_NAME_LEN);
}

int map_handle_all(struct run *r, struct args *a, uint32_t open_flags, struct fd_list *l)
{
	l->fds = NULL;
	l->n = 0;
	if (arg_is(a, "id"))
		return open_id(r, a, SYS_OBJ_MAP, open_flags, "get map by id (%u)", l);
	if (arg_is(a, "name")) {
		const char *name;

		if (need_two(r, a))
			return -1;
		arg_next(a);
		name = arg_next(a);
		if (strlen(name) > BPF_OBJ_NAME_LEN - 1)
			return run_error(r, "can't parse name");
		return none_found(r, walk_ids(r, SYS_OBJ_MAP, open_flags, l, map_name_matches, name),
				  "no map named %s", name);
	}
	if (arg_is(a, "pinned")) {
		const char *path;
		int fd;

		if (need_two(r, a))
			return -1;
		arg_next(a);
		path = arg_next(a);
		fd = open_pinned(r, path, FD_MAP, open_flags);
		if (fd < 0)
			return -1;
		return fd_list_add(r, l, fd) ? -1 : 1;
	}
	return run_error(r, "expected 'id', 'name' or 'pinned', got: '%s'?",
		     arg_peek(a) ? arg_peek(a) : "(null)");
}

static int only_one(struct run *r, struct fd_list *l, int n, const char *what)
{
	int fd;

	if (n != 1) {
		if (n > 1)
			run_error(r, "several %s match this handle", what);
		fd_list_close(l);
		return -1;
	}
	fd = l->fds[0];
	free(l->fds);
	return fd;
}

int map_handle(struct run *r, struct args *a, uint32_t open_flags)
{
	struct fd_list l;

	return only_one(r, &l, map_handle_all(r, a, open_flags, &l), "maps");
}

int map_handle_info(struct run *r, struct args *a, uint32_t open_flags, struct bpf_map_info *info)
{
	int fd = map_handle(r, a, open_flags), err;

	if (fd < 0)
		return -1;
	err = sys_map_info(fd, info);
	if (err) {
		close(fd);
		return run_fail(r, err, "can't get map info");
	}
	return fd;
}

struct prog_match {
	bool by_tag;
	uint8_t tag[BPF_TAG_SIZE];
	const char *name;
};

void prog_full_name(const struct bpf_prog_info *info, int fd, char *buf, size_t size)
{
	struct bpf_func_info fi = { 0, 0 };
	struct bpf_prog_info one;
	const struct btf_type *t;
	const char *name = NULL;
	uint32_t len = sizeof(one);
	struct btf *btf = NULL;

	snprintf(buf, size, "%.*s", BPF_OBJ_NAME_LEN, info->name);
	if (strlen(buf) < BPF_OBJ_NAME_LEN - 1 || !info->btf_id || !info->nr_func_info)
		return;
	memset(&one, 0, sizeof(one));
	one.nr_func_info = 1;
	one.func_info_rec_size = info->func_info_rec_size < sizeof(fi) ?
				 info->func_info_rec_size : sizeof(fi);
	one.func_info = (uint64_t)(uintptr_t)&fi;
	if (sys_obj_info(fd, &one, &len) || btf_load_by_id(one.btf_id, NULL, &btf))
		return;
	t = btf_type_by_id(btf, fi.type_id);
	if (t && btf_kind(t) == BTF_KIND_FUNC)
		name = btf_name_by_offset(btf, t->name_off);
	if (name)
		snprintf(buf, size, "%s", name);
	btf_free(btf);
}

static int prog_matches(int fd, const void *ctx)
{
	const struct prog_match *m = ctx;
	struct bpf_prog_info info;
	char name[128];
	int err = sys_prog_info(fd, &info);

	if (err)
		return err;
	if (m->by_tag)
		return !memcmp(info.tag, m->tag, BPF_TAG_SIZE);
	/* Upstream compares the full (BTF) name, not the kernel's 15. */
	prog_full_name(&info, fd, name, sizeof(name));
	return !strcmp(m->name, name);
}

static int parse_tag(const char *s, uint8_t *tag)
{
	int i;

	/* bpftool reads 8 "%02hhx" groups: exactly 16 hex digits. */
	for (i = 0; i < BPF_TAG_SIZE; i++) {
		char byte[3] = { s[2 * i], s[2 * i] ? s[2 * i + 1] : 0, 0 };

		if (parse_byte(byte, 16, &tag[i]) || strlen(byte) != 2)
			return -1;
	}
	return 0;
}

int prog_handle_all(struct run *r, struct args *a, struct fd_list *l)
{
	struct prog_match m = { 0 };
	const char *tag;

	l->fds = NULL;
	l->n = 0;
	if (arg_is(a, "id"))
		return open_id(r, a, SYS_OBJ_PROG, 0, "get by id (%u)", l);
	if (arg_is(a, "tag")) {
		if (need_two(r, a))
			return -1;
		arg_next(a);
		tag = arg_next(a);
		if (parse_tag(tag, m.tag))
			return run_error(r, "can't parse tag");
		m.by_tag = true;
		return none_found(r, walk_ids(r, SYS_OBJ_PROG, 0, l, prog_matches, &m),
				  "no program with tag %s", tag);
	}
	if (arg_is(a, "name")) {
		if (need_two(r, a))
			return -1;
		arg_next(a);
		m.name = arg_next(a);
		if (strlen(m.name) > 127)
			return run_error(r, "can't parse name");
		return none_found(r, walk_ids(r, SYS_OBJ_PROG, 0, l, prog_matches, &m),
				  "no program named %s", m.name);
	}
	if (arg_is(a, "pinned")) {
		int fd;

		if (need_two(r, a))
			return -1;
		arg_next(a);
		fd = open_pinned(r, arg_next(a), FD_PROG, 0);
		if (fd < 0)
			return -1;
		return fd_list_add(r, l, fd) ? -1 : 1;
	}
	return run_error(r, "expected 'id', 'tag', 'name' or 'pinned', got: '%s'?",
		     arg_peek(a) ? arg_peek(a) : "(null)");
}

int prog_handle(struct run *r, struct args *a)
{
	struct fd_list l;

	return only_one(r, &l, prog_handle_all(r, a, &l), "programs");
}
