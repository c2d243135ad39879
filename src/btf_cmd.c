/* btf_cmd: "btf show" and "btf list" [id BTF_ID], as bpftool's btf.c
 * do_show(): each BTF object's id, name, size and the programs and maps
 * whose BTF it is, plain or -j/-p.  bpftool keeps those ids in a libbpf
 * hashmap keyed by BTF id and prints them in that hashmap's order, which
 * is replayed here (see ids_bpftool_order).  "btf dump" is not in
 * bpfbox; the "pids" of bpftool's output need a BTF kind in pids.c. */
#include "bpfbox.h"
#include "out.h"
#include "sys_bpf.h"

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
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		struct btf_ref *v = realloc(t->v, cap * sizeof(*v));

		if (!v)
			return -ENOMEM;
		t->v = v;
		t->cap = cap;
	}
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
static int table_build(struct ref_table *t, enum sys_obj kind)
{
	const char *what = kind == SYS_OBJ_PROG ? "prog" : "map";
	uint32_t id = 0, btf_id;
	int fd, err;

	for (;;) {
		err = sys_next_id(kind, id, &id);
		if (err == -ENOENT)
			break;
		if (err)
			return error("can't get next %s: %s%s", what, errstr(err),
				     err == -EINVAL ? " -- kernel too old?" : "");
		fd = sys_fd_by_id(kind, id, kind == SYS_OBJ_MAP ? BPF_F_RDONLY : 0);
		if (fd == -ENOENT)
			continue;
		if (fd < 0)
			return error("can't get %s by id (%u): %s", what, id, errstr(fd));
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
			return error("can't get %s info: %s", what, errstr(err));
		if (btf_id && ref_add(t, btf_id, id))
			return error("out of memory");
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

/* The object ids of refs (n of them, in insertion order) as bpftool
 * iterates them in its libbpf hashmap of `total` entries: an insert goes
 * to the head of its bucket, and each time the map grows (to 4 slots,
 * then doubling once (size + 1) * 4 / 3 would pass the capacity) every
 * chain is re-inserted, which reverses it.  A deque with a "reversed"
 * flag replays that in O(n).  out has room for 2 * n. */
static uint32_t *ids_bpftool_order(const struct btf_ref *refs, size_t n,
				   size_t total, uint32_t *out, size_t *count)
{
	size_t head = n, tail = n, cap = 0, next = 0, grow;
	bool reversed = false;

	for (;;) {
		grow = cap ? (3 * (cap + 1) + 3) / 4 - 1 : 0;
		if (grow >= total)
			grow = total;
		for (; next < n && refs[next].seq < grow; next++) {
			if (reversed)
				out[tail++] = refs[next].obj_id;
			else
				out[--head] = refs[next].obj_id;
		}
		if (grow == total)
			break;
		reversed = !reversed;
		cap = cap ? cap * 2 : 4;
	}
	*count = tail - head;
	if (reversed) {	/* read back to front */
		size_t i;

		for (i = 0; i < *count / 2; i++) {
			uint32_t tmp = out[head + i];

			out[head + i] = out[tail - 1 - i];
			out[tail - 1 - i] = tmp;
		}
	}
	return out + head;
}

struct show_ctx {
	struct ref_table progs, maps;
};

/* The ids of one BTF's users in bpftool's order (malloc'd, or NULL). */
static uint32_t *users(const struct ref_table *t, uint32_t btf_id, size_t *n,
		       uint32_t **to_free)
{
	const struct btf_ref *refs = refs_of(t, btf_id, n);

	*to_free = NULL;
	if (!*n || !(*to_free = malloc(2 * *n * sizeof(uint32_t)))) {
		*n = 0;
		return NULL;
	}
	return ids_bpftool_order(refs, *n, t->n, *to_free, n);
}

static void show_ids_plain(const struct ref_table *t, uint32_t btf_id,
			   const char *label)
{
	uint32_t *buf, *ids;
	size_t n, i;

	ids = users(t, btf_id, &n, &buf);
	for (i = 0; i < n; i++) {
		if (i)
			out_char(',');
		else
			out_str(label);
		out_u64(ids[i]);
	}
	free(buf);
}

static void show_ids_json(const struct ref_table *t, uint32_t btf_id,
			  const char *name)
{
	uint32_t *buf, *ids;
	size_t n, i;

	ids = users(t, btf_id, &n, &buf);
	json_name(&jw, name);
	json_start_array(&jw);
	for (i = 0; i < n; i++)
		json_uint(&jw, ids[i]);
	json_end_array(&jw);
	free(buf);
}

/* bpftool's show_btf(): the info, a second time with the name buffer
 * when the kernel says the object has a name. */
static int show_btf(const struct show_ctx *c, int fd)
{
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
		return error("can't get BTF object info: %s", errstr(err));

	if (opt.json) {
		json_start_object(&jw);
		json_uint_field(&jw, "id", info.id);
		json_uint_field(&jw, "size", info.btf_size);
		show_ids_json(&c->progs, info.id, "prog_ids");
		show_ids_json(&c->maps, info.id, "map_ids");
		json_bool_field(&jw, "kernel", info.kernel_btf);
		if (*name)
			json_string_field(&jw, "name", name);
		json_end_object(&jw);
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
	out_char('\n');
	return 0;
}

static int do_show(struct args *a)
{
	struct show_ctx c;
	uint32_t id = 0;
	int fd = -1, err;

	if (a->argc == 2) {
		const char *word;

		if (!arg_is(a, "id"))
			return error("expected 'id', got: '%s'?", arg_peek(a));
		arg_next(a);
		word = arg_next(a);
		if (parse_u32(word, &id))
			return error("can't parse %s as ID", word);
		fd = sys_fd_by_id(SYS_OBJ_BTF, id, 0);
		if (fd < 0)
			return error("can't get BTF object by id (%u): %s", id, errstr(fd));
	}
	if (a->argc) {
		if (fd >= 0)
			close(fd);
		return error("what is '%s'?", arg_peek(a));
	}

	memset(&c, 0, sizeof(c));
	err = table_build(&c.progs, SYS_OBJ_PROG);
	if (!err)
		err = table_build(&c.maps, SYS_OBJ_MAP);
	if (err) {
		if (fd >= 0)
			close(fd);
		goto out;
	}
	if (fd >= 0) {
		err = show_btf(&c, fd);
		close(fd);
		goto out;
	}

	if (opt.json)
		json_start_array(&jw);
	for (;;) {
		err = sys_next_id(SYS_OBJ_BTF, id, &id);
		if (err) {
			if (err == -ENOENT)
				err = 0;
			else
				err = error("can't get next BTF object: %s%s", errstr(err),
					    err == -EINVAL ? " -- kernel too old?" : "");
			break;
		}
		fd = sys_fd_by_id(SYS_OBJ_BTF, id, 0);
		if (fd == -ENOENT)
			continue;
		if (fd < 0) {
			err = error("can't get BTF object by id (%u): %s", id, errstr(fd));
			break;
		}
		err = show_btf(&c, fd);
		close(fd);
		if (err)
			break;
	}
	if (opt.json)
		json_end_array(&jw);
out:
	free(c.progs.v);
	free(c.maps.v);
	return err;
}

static int do_help(struct args *a)
{
	if (opt.json)
		return json_done();
	fprintf(stderr,
		"Usage: %1$s %2$s { show | list } [id BTF_ID]\n"
		"       %1$s %2$s help\n"
		"\n"
		"       " HELP_SPEC_OPTIONS " }\n",
		bin_name, "btf");
	return 0;
}

static const struct cmd cmds[] = {
	{ "show", do_show },
	{ "list", do_show },
	{ "help", do_help },
	{ "dump", NULL },
	{ 0 }
};

int do_btf(struct args *a)
{
	return cmd_select(cmds, a, do_help);
}
