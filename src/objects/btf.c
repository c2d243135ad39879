/* btf_cmd: "btf show" and "btf list" [id BTF_ID], as bpftool's btf.c
 * do_show(r): each BTF object's id, name, size and the programs and maps
 * whose BTF it is, plain or -j/-p.  bpftool keeps those ids in a libbpf
 * hashmap keyed by BTF id and prints them in that hashmap's order, which
 * is replayed by hash_order.c.  "btf dump" as upstream's do_dump(): the
 * BTF of a kernel object or file, raw (output/btf_raw.c) or as C
 * (output/btf_c.c). */
#include "btf/btf.h"
#include "cli/options.h"
#include "cli/run.h"
#include "lib/idtab.h"
#include "objects/handle.h"
#include "output/btf_c.h"
#include "output/btf_raw.h"
#include "output/out.h"
#include "kernel/pids.h"
#include "objects/show.h"
#include "kernel/sys_bpf.h"

#include <errno.h>
#include <stddef.h>
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

#define MAX_ROOT_IDS	16
#define MAX_BTF_FILES	64
#define SYSFS_BTF	"/sys/kernel/btf/"
#define SYSFS_VMLINUX	SYSFS_BTF "vmlinux"

/* What "btf dump" read from its words. */
struct dump_req {
	uint32_t btf_id;	/* for id, map, prog */
	const char *files[MAX_BTF_FILES];
	int nr_files;
	uint32_t roots[MAX_ROOT_IDS];
	int nr_roots;
	bool c, sorted;
	struct btf *btf, *base;	/* base: -B, or vmlinux for a sysfs file */
};

/* Is this kernel BTF object a module's (split on vmlinux)?  Reported
 * with bpftool's messages; -1 then. */
static int btf_id_is_module(struct run *r, uint32_t id)
{
	struct bpf_btf_info info;
	uint32_t len = sizeof(info);
	char name[64] = "";
	int fd, err;

	fd = sys_fd_by_id(SYS_OBJ_BTF, id, 0);
	if (fd < 0)
		return run_error(r, "can't get BTF object by id (%u): %s", id, errstr(fd));
	memset(&info, 0, sizeof(info));
	info.name = (uint64_t)(uintptr_t)name;
	info.name_len = sizeof(name);
	err = sys_obj_info(fd, &info, &len);
	if (err == -E2BIG) {	/* before 5.11: no name, no module BTF */
		memset(&info, 0, sizeof(info));
		len = offsetof(struct bpf_btf_info, name);
		err = sys_obj_info(fd, &info, &len);
	}
	close(fd);
	if (err)
		return run_error(r, "can't get BTF (ID %u) object info: %s", id, errstr(err));
	name[sizeof(name) - 1] = 0;
	return info.kernel_btf && strcmp(name, "vmlinux");
}

/* bpftool's REQ_ARGS() then usage(): the count, and the help. */
static int need_args(struct run *r, struct args *a, int n)
{
	if (a->argc >= n)
		return 0;
	run_error(r, "'%s' needs at least %d arguments, %d found", a->argv[-1], n, a->argc);
	return run_usage(r);
}

static int load_file_error(struct run *r, const char *path, int err)
{
	if (err == -ENOEXEC)
		return run_error(r, "failed to load BTF from %s: not a BTF blob or an ELF object",
				 path);
	if (err == -ENODATA)
		return run_error(r, "failed to load BTF from %s: no .BTF section", path);
	return run_error(r, "failed to load BTF from %s: %s", path, errstr(err));
}

/* BTF_SRC := map MAP [{key | value | kv | all}]: the roots are the key
 * type, the value type, both (kv, or no word), or none (all). */
static int source_map(struct run *r, struct args *a, struct dump_req *q)
{
	struct bpf_map_info info;
	bool key, value, all;
	int fd;

	if (need_args(r, a, 2))
		return -1;
	fd = map_handle_info(r, a, BPF_F_RDONLY, &info);
	if (fd < 0)
		return -1;
	close(fd);
	q->btf_id = info.btf_id;
	key = arg_is(a, "key");
	value = !key && arg_is(a, "value");
	all = !key && !value && arg_is(a, "all");
	if (!value && !all)
		q->roots[q->nr_roots++] = info.btf_key_type_id;
	if (!key && !all)
		q->roots[q->nr_roots++] = info.btf_value_type_id;
	if (key || value || all || arg_is(a, "kv"))
		arg_next(a);
	return 0;
}

/* Upstream's merge_btf_files(): each file split on base, all appended
 * to one split BTF, which is then deduplicated. */
static int merge_files(struct run *r, struct dump_req *q, const struct btf *base)
{
	struct btf *parts[MAX_BTF_FILES];
	int i, n, failed, err = 0;

	for (n = 0; n < q->nr_files && !err; n++) {
		err = btf_load_file(q->files[n], base, &parts[n]);
		if (err)
			load_file_error(r, q->files[n], err);
	}
	if (!err) {
		err = btf_merge(base, parts, n, &failed, &q->btf);
		if (err && failed >= 0)
			run_error(r, "failed to merge BTF from %s: %s", q->files[failed], errstr(err));
		else if (err)
			run_error(r, "failed to dedup combined BTF: %s", errstr(err));
	}
	for (i = 0; i < n; i++)
		btf_free(parts[i]);
	return err ? -1 : 0;
}

/* BTF_SRC := file FILE [file FILE]...: /sys/kernel/btf/vmlinux is the
 * base, not a file; a file from /sys/kernel/btf/ brings vmlinux as base. */
static int source_files(struct run *r, struct args *a, struct dump_req *q)
{
	const char *path = arg_next(a);
	const struct btf *base = q->base;
	int i, err;

	for (;;) {
		if (!strcmp(path, SYSFS_VMLINUX))
			run_notice(r, "skipping %s (will be loaded as base)", path);
		else if (q->nr_files == MAX_BTF_FILES)
			return run_error(r, "too many BTF files (max %d)", MAX_BTF_FILES);
		else
			q->files[q->nr_files++] = path;
		if (!arg_is(a, "file"))
			break;
		arg_next(a);
		if (a->argc < 1)
			return run_error(r, "'file' needs at least 1 arguments, 0 found");
		path = arg_next(a);
	}
	for (i = 0; i < q->nr_files && !base; i++) {
		if (strncmp(q->files[i], SYSFS_BTF, strlen(SYSFS_BTF)))
			continue;
		err = btf_load_file(SYSFS_VMLINUX, NULL, &q->base);
		if (err)
			return run_error(r, "failed to parse vmlinux BTF at '%s': %d",
					 SYSFS_VMLINUX, err);
		base = q->base;
	}
	if (!q->nr_files)
		q->files[q->nr_files++] = SYSFS_VMLINUX;
	if (q->nr_files == 1) {
		err = btf_load_file(q->files[0], base, &q->btf);
		return err ? load_file_error(r, q->files[0], err) : 0;
	}
	if (!base)
		return run_error(r, "base BTF is required when merging multiple BTF files; use -B/--base-btf or use sysfs paths");
	return merge_files(r, q, base);
}

static int source(struct run *r, struct args *a, struct dump_req *q)
{
	const char *src, *word;

	if (need_args(r, a, 2))
		return -1;
	src = arg_next(a);
	if (is_prefix(src, "map"))
		return source_map(r, a, q);
	if (is_prefix(src, "prog")) {
		struct bpf_prog_info info;
		int fd, err;

		if (need_args(r, a, 2))
			return -1;
		fd = prog_handle(r, a);
		if (fd < 0)
			return -1;
		err = sys_prog_info(fd, &info);
		close(fd);
		if (err)
			return run_error(r, "can't get prog info: %s", errstr(err));
		q->btf_id = info.btf_id;
		return 0;
	}
	if (is_prefix(src, "id")) {
		word = arg_next(a);
		if (parse_u32(word, &q->btf_id))
			return run_error(r, "can't parse %s as ID", word);
		return 0;
	}
	if (is_prefix(src, "file"))
		return source_files(r, a, q);
	return run_error(r, "unrecognized BTF source specifier: '%s'", src);
}

/* [format FORMAT] [root_id ID]... [unsorted], in any order. */
static int dump_options(struct run *r, struct args *a, struct dump_req *q)
{
	bool filtered = q->nr_roots;
	const char *word;
	uint32_t id;
	int i;

	while (a->argc) {
		if (arg_is(a, "format")) {
			arg_next(a);
			word = arg_next(a);
			if (!word)
				return run_error(r, "expecting value for 'format' option\n");
			if (strcmp(word, "c") && strcmp(word, "raw"))
				return run_error(r, "unrecognized format specifier: '%s', possible values: raw, c",
						 word);
			q->c = !strcmp(word, "c");
		} else if (arg_is(a, "root_id")) {
			if (filtered)
				return run_error(r, "cannot use root_id with other type filtering");
			if (q->nr_roots == MAX_ROOT_IDS)
				return run_error(r, "only %d root_id are supported", MAX_ROOT_IDS);
			arg_next(a);
			word = arg_next(a);
			if (!word)
				return run_error(r, "expecting value for 'root_id' option");
			if (parse_u32(word, &id))
				return run_error(r, "can't parse %s as root ID", word);
			for (i = 0; i < q->nr_roots; i++)
				if (q->roots[i] == id)
					return run_error(r, "duplicate root_id %u supplied", id);
			q->roots[q->nr_roots++] = id;
		} else if (arg_is(a, "unsorted")) {
			arg_next(a);
			q->sorted = false;
		} else {
			return run_error(r, "unrecognized option: '%s'", arg_peek(a));
		}
	}
	return 0;
}

static int dump_load(struct run *r, struct dump_req *q)
{
	int module, err;

	if (q->btf)
		return 0;
	if (!q->base) {
		module = btf_id_is_module(r, q->btf_id);
		if (module < 0)
			return -1;
		if (module)
			run_notice(r, "Warning: valid base BTF was not specified with -B option, falling back to standard base BTF (%s)",
				   SYSFS_VMLINUX);
	}
	err = btf_load_by_id(q->btf_id, q->base, &q->btf);
	if (err)
		return run_error(r, "get btf by id (%u): %s", q->btf_id, errstr(err));
	return 0;
}

static int do_dump(struct run *r, struct args *a)
{
	struct dump_req q;
	int i, err;

	memset(&q, 0, sizeof(q));
	q.sorted = true;
	if (r->opt.base_btf) {
		err = btf_load_file(r->opt.base_btf, NULL, &q.base);
		if (err)
			return run_error(r, "failed to parse base BTF at '%s': %d",
					 r->opt.base_btf, err);
	}
	err = source(r, a, &q);
	if (!err)
		err = dump_options(r, a, &q);
	if (!err)
		err = dump_load(r, &q);
	for (i = 0; !err && i < q.nr_roots; i++)
		if (q.roots[i] >= btf_end_id(q.btf))
			err = run_error(r, "invalid root ID: %u", q.roots[i]);
	if (!err && q.c && r->opt.json)
		err = run_error(r, "JSON output for C-syntax dump is not supported");
	if (!err && q.c) {
		uint64_t total = 65536;
		const struct btf *b;
		uint32_t size;

		/* Hostile BTF can nest anonymous types into an exponential
		 * header; real BTF (with its base, which is dumped too)
		 * prints less than its own size. */
		for (b = q.btf; b; b = btf_base(b)) {
			btf_raw(b, &size);
			total += size;
		}
		err = btf_c_dump(q.btf, q.roots, q.nr_roots, q.sorted, total * 64);
		if (err == -ELOOP)
			err = run_error(r, "can't dump BTF as C: a type cycle or nesting C cannot express");
		else if (err == -E2BIG)
			err = run_error(r, "can't dump BTF as C: anonymous types nested into an oversized header");
		else if (err)
			err = run_error(r, "can't dump BTF as C: %s", errstr(err));
	} else if (!err) {
		btf_raw_dump(q.btf, r->opt.json ? &r->jw : NULL, q.roots, q.nr_roots);
	}
	btf_free(q.btf);
	btf_free(q.base);
	return err;
}

static int do_help(struct run *r, struct args *a)
{
	if (r->opt.json)
		return run_done(r);
	fprintf(stderr,
		"Usage: %1$s %2$s { show | list } [id BTF_ID]\n"
		"       %1$s %2$s dump BTF_SRC [format FORMAT] [root_id ROOT_ID]\n"
		"       %1$s %2$s help\n"
		"\n"
		"       BTF_SRC := { id BTF_ID | prog PROG | map MAP [{key | value | kv | all}] |\n"
		"                    file FILE [file FILE]... }\n"
		"       FORMAT  := { raw | c [unsorted] }\n"
		"       " HELP_SPEC_MAP "\n"
		"       " HELP_SPEC_PROGRAM "\n"
		, r->bin_name, "btf");
	options_help(HELP_BTF);
	return 0;
}

static const struct cmd cmds[] = {
	{ "show", do_show },
	{ "list", do_show },
	{ "help", do_help },
	{ "dump", do_dump },
	{ 0 }
};

int do_btf(struct run *r, struct args *a)
{
	return cmd_select(r, cmds, a, do_help);
}
