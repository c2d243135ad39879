/* show: shared by map.c, prog.c and btf_cmd.c; see show.h.  The walk
 * follows bpftool's do_show(r): ids in order, objects opened one at a time. */
#include "objects/show.h"
#include "cli/run.h"
#include "output/out.h"
#include "kernel/sys_proc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int show_ctx_init(struct run *r, struct show_ctx *c, int fd_kind, enum refs_kind refs)
{
	memset(c, 0, sizeof(*c));
	if (r->opt.bpffs) {
		if (pins_collect(fd_kind, &c->pins))
			return run_error(r, "failed to create hashmap for pinned paths");
		c->have_pins = true;
	}
	/* Holders are extra information: a /proc we cannot read means no
	 * "pids" lines, not a failed command. */
	refs_collect(&c->refs, refs);
	return 0;
}

void show_ctx_free(struct show_ctx *c)
{
	idtab_free(&c->refs);
	if (c->have_pins)
		pins_free(&c->pins);
}

void show_pins_plain(const struct show_ctx *c, uint32_t id)
{
	struct pin *pins;
	size_t n = 0, i;

	if (!c->have_pins)
		return;
	pins = idtab_hash_ordered(&c->pins, id, &n);
	for (i = 0; i < n; i++)
		out_fmt("\n\tpinned %s", pins[i].path);
	free(pins);
}

void show_pins_json(struct run *r, const struct show_ctx *c, uint32_t id)
{
	struct pin *pins;
	size_t n = 0, i;

	if (!c->have_pins || !c->pins.n)
		return;
	pins = idtab_hash_ordered(&c->pins, id, &n);
	json_name(&r->jw, "pinned");
	json_start_array(&r->jw);
	for (i = 0; i < n; i++)
		json_string(&r->jw, pins[i].path);
	json_end_array(&r->jw);
	free(pins);
}

static const struct {
	const char *next, *by_id;
} walk_words[] = {
	[SYS_OBJ_PROG] = { "program", "prog" },
	[SYS_OBJ_MAP] = { "map", "map" },
	[SYS_OBJ_BTF] = { "BTF object", "BTF object" },
	[SYS_OBJ_LINK] = { "link", "link" },
};

int show_all_objects(struct run *r, enum sys_obj kind, uint32_t open_flags,
		     int (*show)(struct run *r, int fd, void *ctx), void *ctx)
{
	uint32_t id = 0;
	int err, fd;

	if (r->opt.json)
		json_start_array(&r->jw);
	for (;;) {
		err = sys_next_id(kind, id, &id);
		if (err) {
			if (err == -ENOENT)
				err = 0;
			else
				err = run_error(r, "can't get next %s: %s%s", walk_words[kind].next,
					    errstr(err), err == -EINVAL ? " -- kernel too old?" : "");
			break;
		}
		fd = sys_fd_by_id(kind, id, open_flags);
		if (fd == -ENOENT)
			continue;	/* gone since we saw its id */
		if (fd < 0) {
			err = run_fail(r, fd, "can't get %s by id (%u)", walk_words[kind].by_id, id);
			break;
		}
		err = show(r, fd, ctx);
		close(fd);
		if (err)
			break;
	}
	if (r->opt.json)
		json_end_array(&r->jw);
	return err ? -1 : 0;
}

int show_listed_objects(struct run *r, struct fd_list *l, int n, int (*show)(struct run *r, int fd, void *ctx),
			void *ctx)
{
	int i, err = n < 1 ? -1 : 0;

	if (r->opt.json && n > 1)
		json_start_array(&r->jw);
	for (i = 0; i < n && !err; i++)
		err = show(r, l->fds[i], ctx);
	if (r->opt.json && n > 1)
		json_end_array(&r->jw);
	if (n > 0)
		fd_list_close(l);
	return err ? -1 : 0;
}

int show_command(struct run *r, struct args *a, const struct show_kind *k)
{
	struct show_ctx c;
	int err;

	if (a->argc && a->argc != 2)
		return run_error(r, "what is '%s'?", arg_peek(a));
	if (show_ctx_init(r, &c, k->fd_kind, k->refs))
		return -1;
	if (a->argc == 2) {
		struct fd_list l;

		err = show_listed_objects(r, &l, k->handle_all(r, a, &l), k->show, &c);
	} else {
		err = show_all_objects(r, k->obj, k->open_flags, k->show, &c);
	}
	show_ctx_free(&c);
	return err;
}

void show_field_u(struct run *r, const char *name, const char *fmt, unsigned long long v)
{
	if (r->opt.json)
		json_uint_field(&r->jw, name, v);
	else if (fmt)
		out_fmt(fmt, v);
}

void show_field_s(struct run *r, const char *name, const char *fmt, const char *s)
{
	if (r->opt.json)
		json_string_field(&r->jw, name, s);
	else if (fmt)
		out_fmt(fmt, s);
}
