/* btf_cmd: "btf show" and "btf list" [id BTF_ID], as bpftool's btf.c
 * do_show(r): each BTF object's id, name, size and the programs and maps
 * whose BTF it is, plain or -j/-p.  bpftool keeps those ids in a libbpf
 * hashmap keyed by BTF id and prints them in that hashmap's order, which
 * is replayed by hash_order.c.  "btf dump" is not in bpfbox. */
#include "cli/run.h"
#include "lib/idtab.h"
#include "output/out.h"
#include "kernel/pids.h"
#include "objects/show.h"
#include "kernel/sys_bpf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* One program or map using a BTF object (key: the BTF id). */
struct btf_ref {
	struct idtab_key k;
	uint32_t obj_id;
};

/* bpftool's build_btf_type_table(): every program or map with a BTF. */
static int table_build(struct run *r, struct idtab *t, enum sys_obj kind)
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
		if (btf_id) {
			struct btf_ref *ref = idtab_add(t, btf_id);

			if (!ref)
				return run_error(r, "out of memory");
			ref->obj_id = id;
		}
	}
	idtab_sort(t);
	return 0;
}

struct btf_show_ctx {
	struct idtab progs, maps;
	struct idtab holders;	/* processes with the BTF open */
};

static void show_ids_plain(const struct idtab *t, uint32_t btf_id,
			   const char *label)
{
	struct btf_ref *ids;
	size_t n, i;

	ids = idtab_hash_ordered(t, btf_id, &n);
	for (i = 0; i < n; i++) {
		if (i)
			out_char(',');
		else
			out_str(label);
		out_u64(ids[i].obj_id);
	}
	free(ids);
}

static void show_ids_json(struct run *r, const struct idtab *t, uint32_t btf_id,
			  const char *name)
{
	struct btf_ref *ids;
	size_t n, i;

	ids = idtab_hash_ordered(t, btf_id, &n);
	json_name(&r->jw, name);
	json_start_array(&r->jw);
	for (i = 0; i < n; i++)
		json_uint(&r->jw, ids[i].obj_id);
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
	idtab_init(&c.progs, sizeof(struct btf_ref));
	idtab_init(&c.maps, sizeof(struct btf_ref));
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
	idtab_free(&c.holders);
	idtab_free(&c.progs);
	idtab_free(&c.maps);
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
