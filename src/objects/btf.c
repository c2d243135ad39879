/* btf_cmd: "btf show" and "btf list" [id BTF_ID], as bpftool's btf.c
 * do_show(r): each BTF object's id, name, size and the programs and maps
 * whose BTF it is, plain or -j/-p.  bpftool keeps those ids in a libbpf
 * hashmap keyed by BTF id and prints them in that hashmap's order, which
 * is replayed by hash_order.c.  "btf dump" is not in bpfbox. */
#include "cli/run.h"
#include "lib/hash_order.h"
#include "output/out.h"
#include "kernel/pids.h"
#include "objects/show.h"
#include "kernel/sys_bpf.h"
#include "lib/vec.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* One program or map using a BTF object; seq is its insertion index. */
struct btf_ref {
	uint32_t btf_id;
	uint32_t obj_id;
	uint32_t seq;
};

struct ref_table {
	struct btf_ref *v;
	size_t n, cap;
};

static int ref_add(struct ref_table *t, uint32_t btf_id, uint32_t obj_id)
{
	struct btf_ref *v;

	v = vec_room(t->v, &t->cap, t->n, sizeof(*v));
	if (!v)
		return -ENOMEM;
	t->v = v;
	t->v[t->n].btf_id = btf_id;
	t->v[t->n].obj_id = obj_id;
	t->v[t->n].seq = (uint32_t)t->n;
	t->n++;
	return 0;
}

static int ref_cmp(const void *a, const void *b)
{
	const struct btf_ref *x = a, *y = b;

	if (x->btf_id != y->btf_id)
		return x->btf_id < y->btf_id ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* bpftool's build_btf_type_table(): every program or map with a BTF. */
static int table_build(struct run *r, struct ref_table *t, enum sys_obj kind)
{
	const char *what = kind == SYS_OBJ_PROG ? "prog" : "map";
	uint32_t id = 0, btf_id;
	int fd, err;

	for (;;) {
		err = sys_next_id(kind, id, &id);
		if (err == -ENOENT)
			break;
		if (err)
			return run_error(r, "can't get next %s: %s%s", what, errstr(err),
				     err == -EINVAL ? " -- kernel too old?" : "");
		fd = sys_fd_by_id(kind, id, kind == SYS_OBJ_MAP ? BPF_F_RDONLY : 0);
		if (fd == -ENOENT)
			continue;
		if (fd < 0)
			return run_error(r, "can't get %s by id (%u): %s", what, id, errstr(fd));
		if (kind == SYS_OBJ_PROG) {
			struct bpf_prog_info info;

			err = sys_prog_info(fd, &info);
			btf_id = info.btf_id;
		} else {
			struct bpf_map_info info;

			err = sys_map_info(fd, &info);
			btf_id = info.btf_id;
		}
		close(fd);
		if (err)
			return run_error(r, "can't get %s info: %s", what, errstr(err));
		if (btf_id && ref_add(t, btf_id, id))
			return run_error(r, "out of memory");
	}
	/* Sorted by BTF id, insertion order kept: each BTF's refs are one
	 * run, found by bisection. */
	if (t->n)
		qsort(t->v, t->n, sizeof(*t->v), ref_cmp);
	return 0;
}

static const struct btf_ref *refs_of(const struct ref_table *t, uint32_t btf_id,
				     size_t *n)
{
	size_t lo = 0, hi = t->n, end;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->v[mid].btf_id < btf_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < t->n && t->v[end].btf_id == btf_id; end++)
		;
	*n = end - lo;
	return t->v + lo;
}

struct btf_show_ctx {
	struct ref_table progs, maps;
	struct obj_refs holders;	/* processes with the BTF open */
};

/* The ids of one BTF's users in bpftool's order (malloc'd, or NULL). */
static uint32_t *users(const struct ref_table *t, uint32_t btf_id, size_t *n)
{
	const struct btf_ref *refs = refs_of(t, btf_id, n);
	uint32_t *seq = NULL, *ids = NULL;
	size_t *buf = NULL, *idx, i;

	if (!*n)
		return NULL;
	seq = malloc(*n * sizeof(*seq));
	ids = malloc(*n * sizeof(*ids));
	buf = malloc(2 * *n * sizeof(*buf));
	if (seq && ids && buf) {
		for (i = 0; i < *n; i++)
			seq[i] = refs[i].seq;
		idx = hash_order(seq, *n, t->n, buf);
		for (i = 0; i < *n; i++)
			ids[i] = refs[idx[i]].obj_id;
	} else {
		free(ids);
		ids = NULL;
		*n = 0;
	}
	free(seq);
	free(buf);
	return ids;
}

static void show_ids_plain(const struct ref_table *t, uint32_t btf_id,
			   const char *label)
{
	uint32_t *ids;
	size_t n, i;

	ids = users(t, btf_id, &n);
	for (i = 0; i < n; i++) {
		if (i)
			out_char(',');
		else
			out_str(label);
		out_u64(ids[i]);
	}
	free(ids);
}

static void show_ids_json(struct run *r, const struct ref_table *t, uint32_t btf_id,
			  const char *name)
{
	uint32_t *ids;
	size_t n, i;

	ids = users(t, btf_id, &n);
	json_name(&r->jw, name);
	json_start_array(&r->jw);
	for (i = 0; i < n; i++)
		json_uint(&r->jw, ids[i]);
	json_end_array(&r->jw);
	free(ids);
}

/* bpftool's show_btf(struct run *r): the info, a second time with the name buffer
 * when the kernel says the object has a name. */
static int show_btf(struct run *r, int fd, void *ctx)
{
	const struct btf_show_ctx *c = ctx;
	struct bpf_btf_info info;
	uint32_t len = sizeof(info);
	char name[64] = "";
	bool has_name = false;
	int err;

	memset(&info, 0, sizeof(info));
	err = sys_obj_info(fd, &info, &len);
	if (!err && info.name_len) {
		memset(&info, 0, sizeof(info));
		info.name_len = sizeof(name);
		info.name = (uint64_t)(uintptr_t)name;
		len = sizeof(info);
		err = sys_obj_info(fd, &info, &len);
		name[sizeof(name) - 1] = 0;
		has_name = true;
	}
	if (err)
		return run_error(r, "can't get BTF object info: %s", errstr(err));

	if (r->opt.json) {
		json_start_object(&r->jw);
		json_uint_field(&r->jw, "id", info.id);
		json_uint_field(&r->jw, "size", info.btf_size);
		show_ids_json(r, &c->progs, info.id, "prog_ids");
		show_ids_json(r, &c->maps, info.id, "map_ids");
		refs_json(&c->holders, info.id, &r->jw);
		json_bool_field(&r->jw, "kernel", info.kernel_btf);
		if (*name)
			json_string_field(&r->jw, "name", name);
		json_end_object(&r->jw);
		return 0;
	}
	out_u64(info.id);
	out_str(": ");
	if (info.kernel_btf)	/* printf's "(null)" for no name, as bpftool */
		out_fmt("name [%s]  ", has_name ? name : "(null)");
	else if (*name)
		out_fmt("name %s  ", name);
	else
		out_str("name <anon>  ");
	out_fmt("size %uB", info.btf_size);
	show_ids_plain(&c->progs, info.id, "  prog_ids ");
	show_ids_plain(&c->maps, info.id, "  map_ids ");
	refs_plain(&c->holders, info.id, "\n\tpids ");
	out_char('\n');
	return 0;
}

static int do_show(struct run *r, struct args *a)
{
	struct btf_show_ctx c;
	uint32_t id = 0;
	int fd = -1, err;

	if (a->argc == 2) {
		const char *word;

		if (!arg_is(a, "id"))
			return run_error(r, "expected 'id', got: '%s'?", arg_peek(a));
		arg_next(a);
		word = arg_next(a);
		if (parse_u32(word, &id))
			return run_error(r, "can't parse %s as ID", word);
		fd = sys_fd_by_id(SYS_OBJ_BTF, id, 0);
		if (fd < 0)
			return run_error(r, "can't get BTF object by id (%u): %s", id, errstr(fd));
	}
	if (a->argc) {
		if (fd >= 0)
			close(fd);
		return run_error(r, "what is '%s'?", arg_peek(a));
	}

	memset(&c, 0, sizeof(c));
	err = table_build(r, &c.progs, SYS_OBJ_PROG);
	if (!err)
		err = table_build(r, &c.maps, SYS_OBJ_MAP);
	if (!err) {
		refs_collect(&c.holders, REFS_BTF);
		if (fd >= 0)
			err = show_btf(r, fd, &c);
		else
			err = show_all_objects(r, SYS_OBJ_BTF, 0, show_btf, &c);
	}
	if (fd >= 0)
		close(fd);
	refs_free(&c.holders);
	free(c.progs.v);
	free(c.maps.v);
	return err;
}

static int do_help(struct run *r, struct args *a)
{
	if (r->opt.json)
		return run_done(r);
	fprintf(stderr,
		"Usage: %1$s %2$s { show | list } [id BTF_ID]\n"
		"       %1$s %2$s help\n"
		"\n"
		"       " HELP_SPEC_OPTIONS " }\n",
		r->bin_name, "btf");
	return 0;
}

static const struct cmd cmds[] = {
	{ "show", do_show },
	{ "list", do_show },
	{ "help", do_help },
	{ "dump", NULL },
	{ 0 }
};

int do_btf(struct run *r, struct args *a)
{
	return cmd_select(r, cmds, a, do_help);
}
