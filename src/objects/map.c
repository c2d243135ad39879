/* map: the "map" object's commands, grammar, messages and help, as
 * bpftool's map.c.  Everything is parsed and validated before the first
 * state-changing syscall; see docs/compat.md for where bpfbox differs. */
#include "cli/options.h"
#include "cli/run.h"
#include "kernel/bpffs.h"
#include "btf/btf.h"
#include "objects/handle.h"
#include "output/btf_fmt.h"
#include "output/map_fmt.h"
#include "kernel/map_iter.h"
#include "lib/names.h"
#include "output/out.h"
#include "kernel/pids.h"
#include "objects/show.h"
#include "objects/pin.h"
#include "kernel/sys_bpf.h"
#include "kernel/sys_proc.h"

#include <errno.h>
#include <limits.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

static int do_help(struct run *r, struct args *a);

static int possible_cpus(struct run *r, unsigned *n)
{
	int cpus = sys_possible_cpus();

	if (cpus < 0)
		return run_fail(r, cpus, "Can't get # of possible cpus");
	*n = (unsigned)cpus;
	return 0;
}

/* ---- show / list -------------------------------------------------- */

static void dev_plain(const struct bpf_map_info *info)
{
	char name[IF_NAMESIZE];

	if (!info->ifindex)
		return;
	out_str("  offloaded_to ");
	if (sys_ifname_ns(info->ifindex, info->netns_dev, info->netns_ino, name))
		out_str(name);
	else
		out_fmt("ifindex %u ns_dev %llu ns_ino %llu", info->ifindex,
			(unsigned long long)info->netns_dev,
			(unsigned long long)info->netns_ino);
}

static void dev_json(struct run *r, const struct bpf_map_info *info)
{
	char name[IF_NAMESIZE];

	if (!info->ifindex)
		return;
	json_name(&r->jw, "dev");
	json_start_object(&r->jw);
	json_uint_field(&r->jw, "ifindex", info->ifindex);
	json_uint_field(&r->jw, "ns_dev", info->netns_dev);
	json_uint_field(&r->jw, "ns_inode", info->netns_ino);
	if (sys_ifname_ns(info->ifindex, info->netns_dev, info->netns_ino, name))
		json_string_field(&r->jw, "ifname", name);
	json_end_object(&r->jw);
}

static void header_plain(const struct bpf_map_info *info)
{
	const char *type = map_type_name(info->type);

	out_u64(info->id);
	out_str(": ");
	if (type) {
		out_str(type);
	} else {
		out_str("type ");
		out_u64(info->type);
	}
	out_str("  ");
	if (*info->name) {
		out_str("name ");
		out_write(info->name, strnlen(info->name, BPF_OBJ_NAME_LEN));
		out_str("  ");
	}
	out_fmt("flags 0x%x", info->map_flags);
	dev_plain(info);
	out_char('\n');
}

static void header_json(struct json *j, const struct bpf_map_info *info)
{
	const char *type = map_type_name(info->type);
	char name[BPF_OBJ_NAME_LEN + 1];

	json_uint_field(j, "id", info->id);
	if (type)
		json_string_field(j, "type", type);
	else
		json_uint_field(j, "type", info->type);
	memcpy(name, info->name, BPF_OBJ_NAME_LEN);
	name[BPF_OBJ_NAME_LEN] = 0;
	if (*name)
		json_string_field(j, "name", name);
	json_uint_field(j, "flags", info->map_flags);
}

static void show_one(struct run *r, const struct show_ctx *c, int fd, const struct bpf_map_info *info)
{
	char memlock[64], frozen_s[32], owner_type[32], owner_jited[32];
	const char *memlock_v, *frozen_v, *otype_v = NULL, *ojited_v = NULL;
	struct fdinfo fi;
	int frozen;

	/* One fdinfo read per map: bpftool reads it once per field. */
	sys_fdinfo(fd, &fi);
	memlock_v = fdinfo_get(&fi, "memlock", memlock, sizeof(memlock));
	frozen_v = fdinfo_get(&fi, "frozen", frozen_s, sizeof(frozen_s));
	frozen = frozen_v ? atoi(frozen_v) : 0;
	if (info->type == BPF_MAP_TYPE_PROG_ARRAY) {
		otype_v = fdinfo_get(&fi, "owner_prog_type", owner_type, sizeof(owner_type));
		ojited_v = fdinfo_get(&fi, "owner_jited", owner_jited, sizeof(owner_jited));
	}

	if (r->opt.json) {
		json_start_object(&r->jw);
		header_json(&r->jw, info);
		dev_json(r, info);
		json_uint_field(&r->jw, "bytes_key", info->key_size);
		json_uint_field(&r->jw, "bytes_value", info->value_size);
		json_uint_field(&r->jw, "max_entries", info->max_entries);
		if (memlock_v)
			json_int_field(&r->jw, "bytes_memlock", atoll(memlock_v));
		if (otype_v) {
			const char *name = prog_type_name((uint32_t)atoi(otype_v));

			if (name)
				json_string_field(&r->jw, "owner_prog_type", name);
			else
				json_uint_field(&r->jw, "owner_prog_type", (uint32_t)atoi(otype_v));
		}
		if (ojited_v)
			json_bool_field(&r->jw, "owner_jited", atoi(ojited_v) != 0);
		json_int_field(&r->jw, "frozen", frozen);
		if (info->btf_id)
			json_int_field(&r->jw, "btf_id", info->btf_id);
		show_pins_json(r, c, info->id);
		refs_json(&c->refs, info->id, &r->jw);
		json_end_object(&r->jw);
		return;
	}

	header_plain(info);
	out_str("\tkey ");
	out_u64(info->key_size);
	out_str("B  value ");
	out_u64(info->value_size);
	out_str("B  max_entries ");
	out_u64(info->max_entries);
	if (memlock_v) {
		out_str("  memlock ");
		out_str(memlock_v);
		out_char('B');
	}
	if (otype_v || ojited_v)
		out_str("\n\t");
	if (otype_v) {
		const char *name = prog_type_name((uint32_t)atoi(otype_v));

		if (name)
			out_fmt("owner_prog_type %s  ", name);
		else
			out_fmt("owner_prog_type %u  ", (uint32_t)atoi(otype_v));
	}
	if (ojited_v)
		out_fmt("owner%s jited", atoi(ojited_v) ? "" : " not");
	show_pins_plain(c, info->id);
	if (info->btf_id || frozen)
		out_str("\n\t");
	if (info->btf_id)
		out_fmt("btf_id %u", info->btf_id);
	if (frozen)
		out_fmt("%sfrozen", info->btf_id ? "  " : "");
	refs_plain(&c->refs, info->id, "\n\tpids ");
	out_char('\n');
}

static int show_fd(struct run *r, int fd, void *ctx)
{
	struct bpf_map_info info;
	int err = sys_map_info(fd, &info);

	if (err)
		return run_fail(r, err, "can't get map info");
	show_one(r, ctx, fd, &info);
	out_line_done();
	return 0;
}

static int map_handle_ro(struct run *r, struct args *a, struct fd_list *l)
{
	return map_handle_all(r, a, BPF_F_RDONLY, l);
}

static int do_show(struct run *r, struct args *a)
{
	static const struct show_kind maps = {
		FD_MAP, REFS_MAP, SYS_OBJ_MAP, BPF_F_RDONLY, map_handle_ro, show_fd,
	};

	return show_command(r, a, &maps);
}

/* ---- BTF of a map ------------------------------------------------- */

/* The BTF that describes a map's key and value, or NULL for hex output,
 * chosen as upstream's get_map_kv_btf(): struct_ops values are kernel
 * types, other maps use their own BTF when they have a value type.  A
 * struct_ops map of a module names the module's BTF (btf_vmlinux_id);
 * upstream looks in vmlinux only and misses those types.  A map whose BTF
 * cannot be read is printed in hex, with a warning. */
static const struct btf *map_btf(struct run *r, const struct bpf_map_info *info)
{
	const struct btf *vmlinux;
	struct btf *btf = NULL;
	int err;

	if (info->btf_vmlinux_value_type_id && info->btf_vmlinux_id) {
		err = btf_load_by_id(info->btf_vmlinux_id, NULL, &btf);
		if (!err)
			return btf;
	}
	if (info->btf_vmlinux_value_type_id) {
		vmlinux = run_vmlinux_btf(r, &err);
		if (!vmlinux)
			run_notice(r, "Warning: map %u: can't read kernel BTF (%s), printing hex",
				   info->id, errstr(err));
		return vmlinux;
	}
	if (!info->btf_value_type_id)
		return NULL;
	err = btf_load_by_id(info->btf_id, NULL, &btf);
	if (err) {
		run_notice(r, "Warning: map %u: can't read BTF %u (%s), printing hex",
		       info->id, info->btf_id, errstr(err));
		return NULL;
	}
	return btf;
}

/* Free what map_btf() returned, unless it is the run's kernel BTF. */
static void map_btf_free(struct run *r, const struct btf *btf)
{
	if (btf && btf != r->vmlinux)
		btf_free((struct btf *)btf);
}

/* ---- dump --------------------------------------------------------- */

/* BPFBOX_NO_BATCH=1 (any non-empty value) takes the get_next_key path;
 * the tests compare both. */
static bool no_batch(void)
{
	const char *v = getenv("BPFBOX_NO_BATCH");

	return v && *v;
}

static int dump_one(struct run *r, int fd, const struct bpf_map_info *info, struct json *wtr,
		    bool header, unsigned cpus)
{
	struct btf_plan *plans[2] = { NULL, NULL };
	struct entry_fmt f = { info, cpus, NULL, wtr, r->opt.json, plans };
	const uint8_t *key, *value;
	struct map_iter it;
	unsigned found = 0;
	int err, lerr;

	if (!map_type_has_keys(info->type)) {
		const char *type = map_type_name(info->type);
		const char *use = info->type == BPF_MAP_TYPE_QUEUE || info->type == BPF_MAP_TYPE_STACK
				  ? " (use 'map peek' or 'map pop')" : "";

		if (!r->opt.json)
			return run_error(r, "map %u is a %s map: it has no keys to dump%s",
					 info->id, type, use);
		/* JSON: bpftool's shape, an empty elements array (scripts
		 * iterate it), and the reason on stderr. */
		if (header) {
			json_start_object(wtr);
			header_json(wtr, info);
			json_name(wtr, "elements");
		}
		json_start_array(wtr);
		json_end_array(wtr);
		if (header)
			json_end_object(wtr);
		return run_error_aside(r, "map %u is a %s map: it has no keys to dump%s",
				       info->id, type, use);
	}
	if (wtr)
		f.btf = map_btf(r, info);

	err = map_iter_init(&it, fd, info, map_value_bytes(info, cpus), !no_batch());
	if (err) {
		map_iter_free(&it);
		map_btf_free(r, f.btf);
		return run_fail(r, err, "can't read map %u", info->id);
	}

	if (wtr) {
		if (header) {
			json_start_object(wtr);
			header_json(wtr, info);
			json_name(wtr, "elements");
		}
		json_start_array(wtr);
	} else if (header) {
		header_plain(info);
	}
	if (info->type == BPF_MAP_TYPE_REUSEPORT_SOCKARRAY && info->value_size != 8)
		run_notice(r, "Warning: cannot read values from %s map with value_size != 8",
		     map_type_name(info->type));

	/* Plain BTF output whose BTF we could not read: print this map's
	 * entries as JSON hex, so the output stays one JSON document. */
	if (wtr && !f.btf)
		f.json = true;
	while ((err = map_iter_next(&it, &key, &value, &lerr)) > 0) {
		if (!value) {
			entry_print_error(&f, key, lerr);
			continue;
		}
		entry_print(&f, key, value);
		out_line_done();
		found++;
	}

	if (wtr) {
		json_end_array(wtr);
		if (header)
			json_end_object(wtr);
	} else {
		out_fmt("Found %u element%s\n", found, found != 1 ? "s" : "");
	}
	/* After the array is closed, on stderr even with -j: the elements
	 * array holds entries only, as bpftool's. */
	if (err == -EAGAIN && !r->opt.json)
		run_notice(r, "Warning: map %u changed during the dump %u times: entries may be missing or repeated",
		       info->id, map_iter_restarts(&it));
	else if (err == -EAGAIN)
		run_error_aside(r, "map %u changed during the dump %u times: entries may be missing or repeated",
				info->id, map_iter_restarts(&it));
	else if (err < 0 && !r->opt.json)
		run_fail(r, err, "can't read all of map %u", info->id);
	else if (err < 0)
		run_error_aside(r, "can't read all of map %u: %s", info->id, errstr(err));
	map_iter_free(&it);
	map_btf_free(r, f.btf);
	btf_plan_free(plans[0]);
	btf_plan_free(plans[1]);
	return err < 0 ? -1 : 0;
}

static int do_dump(struct run *r, struct args *a)
{
	struct bpf_map_info info;
	struct json btf_jw, *wtr = NULL;
	struct fd_list l;
	unsigned cpus = 0;
	int n, i, err = 0;

	if (a->argc != 2)
		return run_usage(r);
	n = map_handle_all(r, a, BPF_F_RDONLY, &l);
	if (n < 1)
		return -1;
	err = possible_cpus(r, &cpus);
	if (err)
		goto out;

	if (r->opt.json) {
		wtr = &r->jw;
	} else {
		/* Plain output is BTF only if every map has BTF (bpftool). */
		bool all_btf = true;

		for (i = 0; i < n; i++) {
			err = sys_map_info(l.fds[i], &info);
			if (err) {
				err = run_fail(r, err, "can't get map info");
				goto out;
			}
			if (!info.btf_id)
				all_btf = false;
		}
		if (all_btf) {
			json_init(&btf_jw, true);
			wtr = &btf_jw;
		}
	}

	if (wtr && n > 1)
		json_start_array(wtr);
	for (i = 0; i < n; i++) {
		err = sys_map_info(l.fds[i], &info);
		if (err) {
			err = run_fail(r, err, "can't get map info");
			break;
		}
		err = dump_one(r, l.fds[i], &info, wtr, n > 1, cpus);
		if (!wtr && i != n - 1)
			out_char('\n');
		if (err)
			break;
	}
	if (wtr && n > 1)
		json_end_array(wtr);
	if (wtr == &btf_jw)
		json_finish(wtr);
out:
	fd_list_close(&l);
	return err ? -1 : 0;
}

/* ---- key / value / flags words -------------------------------------- */

/* DATA := [hex] BYTES: exactly n bytes, decimal/0x/0 octal, or hex
 * digits after "hex". */
static int parse_data(struct run *r, struct args *a, const char *what, uint8_t *out, uint32_t n)
{
	uint32_t i = 0;
	int base = 0;

	if (arg_is(a, "hex")) {
		base = 16;
		arg_next(a);
	}
	while (i < n && a->argc > 0) {
		const char *w = arg_peek(a);

		if (parse_byte(w, base, &out[i]))
			return run_error(r, "error parsing byte: %s", w);
		arg_next(a);
		i++;
	}
	if (i != n)
		return run_error(r, "%s expected %u bytes got %u", what, n, i);
	return 0;
}

struct elem {
	uint8_t *key;		/* NULL: not wanted or not given */
	uint8_t *value;
	uint64_t flags;
	int value_fd;		/* map or program fd given as VALUE, or -1 */
	bool map_pinned;	/* the map was named as "pinned FILE" */
};

enum { WANT_KEY = 1, WANT_VALUE = 2, WANT_FLAGS = 4 };

/* The [key DATA] [value VALUE] [UPDATE_FLAGS] words in any order, each
 * at most once (bpftool's parse_elem, written as a loop). */
static int parse_elem(struct run *r, struct args *a, const struct bpf_map_info *info,
		      unsigned cpus, unsigned want, struct elem *e)
{
	unsigned need = want & (WANT_KEY | WANT_VALUE);
	bool flags_seen = false;

	e->value_fd = -1;
	for (;;) {
		if (!a->argc) {
			if (!(need & (WANT_KEY | WANT_VALUE)))
				return 0;
			return run_error(r, "did not find %s", need & WANT_KEY ? "key" : "value");
		}
		if (arg_is(a, "key")) {
			if (!(need & WANT_KEY))
				return run_error(r, info->key_size && (want & WANT_KEY) ?
					     "duplicate key" : "unnecessary key");
			arg_next(a);
			if (parse_data(r, a, "key", e->key, info->key_size))
				return -1;
			need &= ~WANT_KEY;
		} else if (arg_is(a, "value")) {
			if (!(need & WANT_VALUE))
				return run_error(r, info->value_size && (want & WANT_VALUE) ?
					     "duplicate value" : "unnecessary value");
			arg_next(a);
			if (map_is_map_of_maps(info->type) ||
			    info->type == BPF_MAP_TYPE_PROG_ARRAY) {
				bool maps = map_is_map_of_maps(info->type);
				struct args sub;
				uint32_t fd32;

				if (info->value_size != 4)
					return run_error(r, maps ? "value smaller than 4B for map in map?"
							  : "value smaller than 4B for map of progs?");
				if (a->argc < 2)
					return run_error(r, maps ? "not enough value arguments for map in map"
							  : "not enough value arguments for map of progs");
				/* The kernel empties a prog_array when its last
				 * user reference goes: warn unless the map was
				 * named by its pin (bpftool tests the program's
				 * handle here by mistake). */
				if (!maps && !e->map_pinned)
					run_notice(r, "Warning: updating program array via MAP_ID, make sure this map is kept open\n"
					     "         by some process or pinned otherwise update will be lost");
				sub.argc = 2;
				sub.argv = a->argv;
				e->value_fd = maps ? map_handle(r, &sub, 0) : prog_handle(r, &sub);
				if (e->value_fd < 0)
					return -1;
				a->argc -= 2;
				a->argv += 2;
				fd32 = (uint32_t)e->value_fd;
				memcpy(e->value, &fd32, 4);
			} else {
				unsigned i;

				if (parse_data(r, a, "value", e->value, info->value_size))
					return -1;
				/* Per-CPU maps take one value per CPU: give
				 * every CPU the same. */
				if (map_type_per_cpu(info->type))
					for (i = 1; i < cpus; i++)
						memcpy(e->value + i * (((size_t)info->value_size + 7) & ~(size_t)7),
						       e->value, info->value_size);
			}
			need &= ~WANT_VALUE;
		} else if (arg_is(a, "any") || arg_is(a, "noexist") || arg_is(a, "exist")) {
			if (!(want & WANT_FLAGS))
				return run_error(r, "expected key or value, got: %s", arg_peek(a));
			if (flags_seen)
				return run_error(r, "flags specified multiple times: %s", arg_peek(a));
			e->flags = arg_is(a, "any") ? BPF_ANY :
				   arg_is(a, "noexist") ? BPF_NOEXIST : BPF_EXIST;
			flags_seen = true;
			arg_next(a);
		} else {
			return run_error(r, "expected key or value, got: %s", arg_peek(a));
		}
	}
}

/* ---- the entry commands: update, lookup, pop, getnext, delete -------- */

/* What an entry command is: how it opens the map, which words it takes,
 * and what it does once everything is parsed.  run_elem(r) does the rest
 * the same way for all of them: open, size buffers from the map's info,
 * parse every word, then the one syscall. */
struct elem_cmd {
	uint32_t open_flags;
	unsigned (*want)(const struct bpf_map_info *info, const struct args *rest);
	int (*run)(struct run *r, int fd, const struct bpf_map_info *info, unsigned cpus,
		   struct elem *e, bool have_key);
};

static int run_elem(struct run *r, struct args *a, const struct elem_cmd *cmd)
{
	struct bpf_map_info info;
	struct elem e = { 0 };
	unsigned cpus = 0, want;
	size_t vbytes;
	int fd, err = -1;

	if (a->argc < 2)
		return run_usage(r);
	e.map_pinned = arg_is(a, "pinned");
	e.value_fd = -1;
	fd = map_handle_info(r, a, cmd->open_flags, &info);
	if (fd < 0)
		return -1;
	if (possible_cpus(r, &cpus))
		goto out;
	vbytes = map_value_bytes(&info, cpus);
	e.key = calloc(1, info.key_size ? info.key_size : 1);
	e.value = calloc(1, vbytes ? vbytes : 1);
	if (!e.key || !e.value) {
		run_error(r, "mem alloc failed");
		goto out;
	}
	want = cmd->want(&info, a);
	if (parse_elem(r, a, &info, cpus, want, &e))
		goto out;
	err = cmd->run(r, fd, &info, cpus, &e, want & WANT_KEY);
out:
	if (e.value_fd >= 0)
		close(e.value_fd);
	free(e.key);
	free(e.value);
	close(fd);
	return err;
}

/* Keyless maps (queue, stack) take no key; a value only when updating. */
static unsigned want_key(const struct bpf_map_info *info, const struct args *rest)
{
	return info->key_size ? WANT_KEY : 0;
}

static unsigned want_update(const struct bpf_map_info *info, const struct args *rest)
{
	return want_key(info, rest) | (info->value_size ? WANT_VALUE : 0) | WANT_FLAGS;
}

static unsigned want_nothing(const struct bpf_map_info *info, const struct args *rest)
{
	return 0;
}

/* getnext: the key is optional; without it, the first key. */
static unsigned want_key_if_given(const struct bpf_map_info *info, const struct args *rest)
{
	return rest->argc ? WANT_KEY : 0;
}

static unsigned want_key_always(const struct bpf_map_info *info, const struct args *rest)
{
	return WANT_KEY;
}

static const void *key_or_null(const struct bpf_map_info *info, const struct elem *e)
{
	return info->key_size ? e->key : NULL;
}

static int print_key_value(struct run *r, const struct bpf_map_info *info, unsigned cpus,
			   const uint8_t *key, const uint8_t *value)
{
	struct entry_fmt f = { info, cpus, NULL, &r->jw, r->opt.json, NULL };
	struct json btf_jw;

	f.btf = map_btf(r, info);
	if (!r->opt.json && f.btf) {
		json_init(&btf_jw, true);
		f.jw = &btf_jw;
	}
	entry_print(&f, key, value);
	if (f.jw == &btf_jw)
		json_finish(&btf_jw);
	map_btf_free(r, f.btf);
	return 0;
}

static int run_update(struct run *r, int fd, const struct bpf_map_info *info, unsigned cpus,
		      struct elem *e, bool have_key)
{
	int err = sys_map_update(fd, key_or_null(info, e), e->value, e->flags);

	return err ? run_fail(r, err, "update failed") : run_done(r);
}

static int run_lookup(struct run *r, int fd, const struct bpf_map_info *info, unsigned cpus,
		      struct elem *e, bool have_key)
{
	int err = sys_map_lookup(fd, key_or_null(info, e), e->value);

	if (err == -ENOENT) {
		/* bpftool's answer, kept for scripts: "null" or "Not found"
		 * on stdout, and a failed status. */
		if (r->opt.json) {
			json_null(&r->jw);
		} else {
			out_str("key:\n");
			hex_plain(e->key, info->key_size);
			out_str("\n\nNot found\n");
		}
		r->reported = true;
		return -1;
	}
	if (err)
		return run_fail(r, err, "lookup failed");
	return print_key_value(r, info, cpus, e->key, e->value);
}

static int run_pop(struct run *r, int fd, const struct bpf_map_info *info, unsigned cpus,
		   struct elem *e, bool have_key)
{
	int err;

	/* "pop MAP" names no key: on a map with keys bpftool hands the
	 * kernel an uninitialised one and may delete any entry. */
	if (info->key_size)
		return run_error(r, "map %u is a %s map: pop and dequeue are for maps without keys (queue, stack)",
				 info->id, map_type_name(info->type) ? map_type_name(info->type) : "keyed");
	err = sys_map_lookup_and_delete(fd, NULL, e->value);

	if (err == -ENOENT) {
		if (r->opt.json)
			json_null(&r->jw);
		else
			run_error(r, "empty map");
		r->reported = true;
		return -1;
	}
	if (err)
		return run_fail(r, err, "pop failed");
	return print_key_value(r, info, cpus, e->key, e->value);
}

static int run_getnext(struct run *r, int fd, const struct bpf_map_info *info, unsigned cpus,
		       struct elem *e, bool have_key)
{
	uint8_t *next = calloc(1, info->key_size ? info->key_size : 1);
	int err;

	if (!next)
		return run_error(r, "mem alloc failed");
	err = sys_map_next_key(fd, have_key ? e->key : NULL, next);
	if (err) {
		free(next);
		return run_fail(r, err, "can't get next key");
	}
	if (r->opt.json) {
		json_start_object(&r->jw);
		if (have_key) {
			json_name(&r->jw, "key");
			json_hex_array(&r->jw, e->key, info->key_size);
		} else {
			json_null_field(&r->jw, "key");
		}
		json_name(&r->jw, "next_key");
		json_hex_array(&r->jw, next, info->key_size);
		json_end_object(&r->jw);
	} else {
		if (have_key) {
			out_str("key:\n");
			hex_plain(e->key, info->key_size);
			out_char('\n');
		} else {
			out_str("key: None\n");
		}
		out_str("next key:\n");
		hex_plain(next, info->key_size);
		out_char('\n');
	}
	free(next);
	return 0;
}

static int run_delete(struct run *r, int fd, const struct bpf_map_info *info, unsigned cpus,
		      struct elem *e, bool have_key)
{
	int err = sys_map_delete(fd, e->key);

	return err ? run_fail(r, err, "delete failed") : run_done(r);
}

static const struct elem_cmd update_cmd = { 0, want_update, run_update };
static const struct elem_cmd lookup_cmd = { BPF_F_RDONLY, want_key, run_lookup };
/* bpftool ignores words after pop's MAP; bpfbox rejects them. */
static const struct elem_cmd pop_cmd = { 0, want_nothing, run_pop };
static const struct elem_cmd getnext_cmd = { BPF_F_RDONLY, want_key_if_given, run_getnext };
static const struct elem_cmd delete_cmd = { 0, want_key_always, run_delete };

static int do_update(struct run *r, struct args *a) { return run_elem(r, a, &update_cmd); }
static int do_lookup(struct run *r, struct args *a) { return run_elem(r, a, &lookup_cmd); }
static int do_pop(struct run *r, struct args *a) { return run_elem(r, a, &pop_cmd); }
static int do_getnext(struct run *r, struct args *a) { return run_elem(r, a, &getnext_cmd); }
static int do_delete(struct run *r, struct args *a) { return run_elem(r, a, &delete_cmd); }

/* ---- pin / create ---------------------------------------------------- */

static int map_handle_ro_one(struct run *r, struct args *a)
{
	return map_handle(r, a, BPF_F_RDONLY);
}

static int do_pin(struct run *r, struct args *a)
{
	return pin_command(r, a, map_handle_ro_one);
}

static int create_u32(struct run *r, struct args *a, uint32_t *v, const char *what)
{
	const char *w;

	arg_next(a);
	w = arg_next(a);
	if (*v)
		return run_error(r, "%s already specified", what);
	if (parse_u32(w, v))
		return run_error(r, "can't parse %s as %s", w, what);
	return 0;
}

static int do_create(struct run *r, struct args *a)
{
	struct bpf_attr_map_create attr;
	const char *path, *name = NULL;
	bool mount_needed, have_type = false;
	struct bpf_map_info inner;
	int fd, err = -1;

	memset(&attr, 0, sizeof(attr));
	attr.inner_map_fd = (uint32_t)-1;
	if (run_need_args(r, a, 7))
		return -1;
	path = arg_next(a);

	while (a->argc) {
		if (run_need_args(r, a, 2))
			goto out;
		if (arg_is(a, "type")) {
			int t;

			arg_next(a);
			if (have_type) {
				run_error(r, "map type already specified");
				goto out;
			}
			t = map_type_by_name(arg_peek(a));
			if (t < 0) {
				run_error(r, "unrecognized map type: %s", arg_peek(a));
				goto out;
			}
			attr.map_type = (uint32_t)t;
			have_type = t != 0;
			arg_next(a);
		} else if (arg_is(a, "name")) {
			arg_next(a);
			name = arg_next(a);
			if (strlen(name) > BPF_OBJ_NAME_LEN - 1)
				run_notice(r, "Warning: map name is longer than %u characters, it will be truncated.",
				     BPF_OBJ_NAME_LEN - 1);
		} else if (arg_is(a, "key")) {
			if (create_u32(r, a, &attr.key_size, "key size"))
				goto out;
		} else if (arg_is(a, "value")) {
			if (create_u32(r, a, &attr.value_size, "value size"))
				goto out;
		} else if (arg_is(a, "entries")) {
			if (create_u32(r, a, &attr.max_entries, "max entries"))
				goto out;
		} else if (arg_is(a, "flags")) {
			const char *w, *bad;

			arg_next(a);
			w = arg_next(a);
			if (attr.map_flags) {
				run_error(r, "flags already specified");
				goto out;
			}
			if (map_flags_parse(w, &attr.map_flags, &bad)) {
				run_error(r, "can't parse %s as flags", bad);
				goto out;
			}
		} else if (arg_is(a, "dev") || arg_is(a, "offload_dev")) {
			if (arg_is(a, "dev"))
				run_notice(r, "Warning: 'bpftool map create [...] dev <ifname>' syntax is deprecated.\n"
				     "Going further, please use 'offload_dev <ifname>' to request hardware offload for the map.");
			arg_next(a);
			if (attr.map_ifindex) {
				run_error(r, "offload device already specified");
				goto out;
			}
			attr.map_ifindex = if_nametoindex(arg_peek(a));
			if (!attr.map_ifindex) {
				run_error(r, "unrecognized netdevice '%s': %s", arg_peek(a), errstr(errno));
				goto out;
			}
			arg_next(a);
		} else if (arg_is(a, "inner_map")) {
			int ifd;

			arg_next(a);
			if (a->argc < 2) {
				run_usage(r);
				goto out;
			}
			if ((int)attr.inner_map_fd >= 0) {
				run_error(r, "inner map already specified");
				goto out;
			}
			ifd = map_handle_info(r, a, BPF_F_RDONLY, &inner);
			if (ifd < 0)
				goto out;
			attr.inner_map_fd = (uint32_t)ifd;
		} else {
			run_error(r, "unknown arg %s", arg_peek(a));
			goto out;
		}
	}

	if (!name) {
		run_error(r, "map name not specified");
		goto out;
	}
	if (!have_type) {
		run_error(r, "map type not specified");
		goto out;
	}
	if (check_pin_path(r, path, &mount_needed))
		goto out;

	strncpy(attr.map_name, name, BPF_OBJ_NAME_LEN - 1);
	if ((int)attr.inner_map_fd < 0)
		attr.inner_map_fd = 0;
	/* Kernels before 5.11 charge maps to RLIMIT_MEMLOCK; lift it as
	 * bpftool does.  Harmless where memcg accounting is used. */
	{
		struct rlimit inf = { RLIM_INFINITY, RLIM_INFINITY };

		setrlimit(RLIMIT_MEMLOCK, &inf);
	}
	fd = sys_map_create(&attr);
	if (fd < 0) {
		struct utsname u;
		const char *since = map_type_since(attr.map_type);

		run_fail(r, fd, "map create failed");
		/* Name the missing feature when the kernel predates the type. */
		if (since && !uname(&u) && kernel_older_than(u.release, since) && !r->opt.json)
			fprintf(stderr, "Hint: map type %s needs Linux %s; this kernel is %s\n",
				map_type_name(attr.map_type), since, u.release);
		goto out;
	}
	err = pin_fd(r, fd, path, mount_needed);
	close(fd);
	if (!err)
		run_done(r);
out:
	if ((int)attr.inner_map_fd > 0)
		close((int)attr.inner_map_fd);
	return err ? -1 : 0;
}

/* ---- freeze --------------------------------------------------------- */

static int do_freeze(struct run *r, struct args *a)
{
	int fd, err;

	if (run_need_args(r, a, 2))
		return -1;
	fd = map_handle(r, a, 0);
	if (fd < 0)
		return -1;
	if (a->argc) {
		close(fd);
		return run_error(r, "what is '%s'?", arg_peek(a));
	}
	err = sys_map_freeze(fd);
	close(fd);
	if (err)
		return run_fail(r, err, "failed to freeze map");
	return run_done(r);
}

/* ---- help and the command table ------------------------------------- */

static int do_help(struct run *r, struct args *a)
{
	if (r->opt.json)
		return run_done(r);
	fprintf(stderr,
		"Usage: %1$s %2$s { show | list }   [MAP]\n"
		"       %1$s %2$s create     FILE type TYPE key KEY_SIZE value VALUE_SIZE \\\n"
		"                                  entries MAX_ENTRIES name NAME [flags FLAGS] \\\n"
		"                                  [inner_map MAP] [offload_dev NAME]\n"
		"       %1$s %2$s dump       MAP\n"
		"       %1$s %2$s update     MAP [key DATA] [value VALUE] [UPDATE_FLAGS]\n"
		"       %1$s %2$s lookup     MAP [key DATA]\n"
		"       %1$s %2$s getnext    MAP [key DATA]\n"
		"       %1$s %2$s delete     MAP  key DATA\n"
		"       %1$s %2$s pin        MAP  FILE\n"
		"       %1$s %2$s event_pipe MAP [cpu N index M]\n"
		"       %1$s %2$s peek       MAP\n"
		"       %1$s %2$s push       MAP value VALUE\n"
		"       %1$s %2$s pop        MAP\n"
		"       %1$s %2$s enqueue    MAP value VALUE\n"
		"       %1$s %2$s dequeue    MAP\n"
		"       %1$s %2$s freeze     MAP\n"
		"       %1$s %2$s help\n"
		"\n"
		"       " HELP_SPEC_MAP "\n"
		"       DATA := { [hex] BYTES }\n"
		"       " HELP_SPEC_PROGRAM "\n"
		"       VALUE := { DATA | MAP | PROG }\n"
		"       UPDATE_FLAGS := { any | exist | noexist }\n"
		"       TYPE := { %3$s\n"
		"       FLAGS := { NUMBER | FLAG[,FLAG...] }   (bpfbox: no_prealloc, mmapable, rdonly_prog, ...)\n"
		, r->bin_name, "map", map_type_help());
	options_help(HELP_MAP);
	return 0;
}

int do_event_pipe(struct run *r, struct args *a);

static const struct cmd cmds[] = {
	{ "show", do_show },
	{ "list", do_show },
	{ "help", do_help },
	{ "dump", do_dump },
	{ "update", do_update },
	{ "lookup", do_lookup },
	{ "getnext", do_getnext },
	{ "delete", do_delete },
	{ "pin", do_pin },
	{ "event_pipe", do_event_pipe },
	{ "create", do_create },
	{ "peek", do_lookup },
	{ "push", do_update },
	{ "enqueue", do_update },
	{ "pop", do_pop },
	{ "dequeue", do_pop },
	{ "freeze", do_freeze },
	{ 0 }
};

int do_map(struct run *r, struct args *a)
{
	return cmd_select(r, cmds, a, do_help);
}
