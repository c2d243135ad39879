/* gen: command lines from bpftool's grammar, then mutated, then checked
 * for safety.
 *
 * Command INDEX of seed SEED comes from its own PRNG stream
 * (splitmix64 of SEED and INDEX), so it can be regenerated alone; the
 * words that name this run's objects (ids, names carrying the run tag,
 * paths under the private dirs) are filled in from the world, so they
 * differ between runs, the rest does not.
 *
 * Safety (cmd_unsafe): a command that might change something must only
 * name this run's objects and paths.  A command is "dangerous" when any
 * word could select a changing command by prefix (update, delete, pin,
 * event_pipe, create, push, enqueue, pop, dequeue, freeze, batch), the
 * empty word included.  In a dangerous command: the word after any
 * prefix of "id" is this run's map or prog id, or an id the kernel never
 * hands out (0, >= 2^31, as strtoul() and a u32 see it); after a prefix
 * of "name" comes a name with the run tag or one no object can have;
 * after a prefix of "tag" this run's prog tag or something that is no
 * tag; every absolute path is under T or S and no word has a ".."
 * component; sizes in a possible "create" stay small.  A possible
 * event_pipe names no perf_event_array or ring buffer (it would block):
 * their ids are refused and their pins and names carry "XPE".  Unsafe
 * commands are drawn again from the same stream. */
#include "chaos.h"
#include "uapi/bpf.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static uint64_t rs;

static uint64_t next64(void)
{
	uint64_t z = (rs += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static unsigned rnd(unsigned n)
{
	return n ? (unsigned)(next64() % n) : 0;
}

static int chance(unsigned pct)
{
	return rnd(100) < pct;
}

#define PICK(a) (a)[rnd(sizeof(a) / sizeof((a)[0]))]

struct gen {
	struct world *w;
	struct cmd *c;
	unsigned index;
};

/* ---- words ------------------------------------------------------------- */

static void add(struct cmd *c, const char *s)
{
	if (c->n < MAXW)
		c->w[c->n++] = xstrdup(s);
	c->w[c->n] = NULL;
}

static void addf(struct cmd *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void addf(struct cmd *c, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	add(c, buf);
}

/* A keyword, sometimes abbreviated (bpftool matches prefixes). */
static void kw(struct cmd *c, const char *word)
{
	size_t n = strlen(word);

	if (chance(15) && n > 1) {
		char buf[64];
		size_t k = 1 + rnd((unsigned)n);

		snprintf(buf, sizeof(buf), "%.*s", (int)k, word);
		add(c, buf);
	} else {
		add(c, word);
	}
}

static void num(struct cmd *c, unsigned long long v)
{
	switch (rnd(20)) {
	case 0:
	case 1:
		addf(c, "0x%llx", v);
		break;
	case 2:
		addf(c, "0%llo", v);
		break;
	case 3:
		addf(c, "00%llu", v);
		break;
	default:
		addf(c, "%llu", v);
	}
}

static void bytes(struct cmd *c, const uint8_t *b, size_t n)
{
	int mode = (int)rnd(10);
	size_t i;

	if (mode == 8)
		add(c, chance(90) ? "hex" : PICK(((const char *[]){ "h", "he", "HEX" })));
	for (i = 0; i < n; i++) {
		if (mode == 8)
			addf(c, chance(90) ? "%02x" : "%x", b[i]);
		else if (mode >= 6 && mode < 8)
			addf(c, "0x%02x", b[i]);
		else if (mode == 9)
			num(c, b[i]);
		else
			addf(c, "%u", b[i]);
	}
}

static char *rname(const char *prefix)
{
	return xasprintf("%s%u", prefix, rnd(100000));
}

/* ---- objects --------------------------------------------------------- */

static struct obj *pick_obj(struct gen *g, int kind, int (*ok)(const struct obj *))
{
	struct obj *cand[MAXOBJ];
	int n = 0, i;

	for (i = 0; i < g->w->nobj; i++) {
		struct obj *o = &g->w->obj[i];

		if (o->kind == kind && (!ok || ok(o)))
			cand[n++] = o;
	}
	return n ? cand[rnd((unsigned)n)] : NULL;
}

static int map_not_xpe(const struct obj *o) { return !o->xpe; }
static int map_keyless(const struct obj *o)
{
	return o->type == BPF_MAP_TYPE_QUEUE || o->type == BPF_MAP_TYPE_STACK ||
	       o->type == BPF_MAP_TYPE_BLOOM_FILTER;
}
static int map_keyed(const struct obj *o) { return o->key > 0; }
static int map_inner_ok(const struct obj *o) { return o->inner_ok; }
static int map_freezable(const struct obj *o) { return !strcmp(o->base, "fz") || o->keep_frozen; }

static const char *const bad_names[] = {
	"", "nosuchmapatall", "x", "name with blank", "\xff\xfe", "\xc3\xa9t\xc3\xa9",
	"a_name_far_too_long_for_the_kernel", "-", "*", "%s%n",
};

static void name_arg(struct gen *g, const struct obj *o)
{
	if (o && o->unique_name && chance(85)) {
		if (o->full_name[0] && chance(50))
			add(g->c, o->full_name);
		else
			add(g->c, o->name);
	} else if (chance(50)) {
		char *s = xasprintf("%s_%s", g->w->tag, PICK(((const char *[]){ "nosuch", "hash_", "HASH", "sock" })));

		add(g->c, s);
		free(s);
	} else {
		add(g->c, PICK(bad_names));
	}
}

static void path_arg(struct gen *g, int writable);

/* id handle value: own, foreign, or one nobody has. */
static void id_arg(struct gen *g, const struct obj *o, const uint32_t *foreign, int nforeign)
{
	int r = (int)rnd(100);

	if (o && r < 75)
		num(g->c, o->id);
	else if (nforeign && r < 88)
		num(g->c, foreign[rnd((unsigned)nforeign)]);
	else
		add(g->c, PICK(((const char *[]){ "0", "2147483648", "3000000000", "4294967295",
						  "4294967296", "99999999999999999999", "-1", "0x",
						  "1x", "", " 1", "+1", "\xd9\xa1" })));
}

static void map_handle(struct gen *g, const struct obj *o, int foreign_ok)
{
	int r = (int)rnd(100);

	if (!o || (foreign_ok && r < 12)) {
		switch (rnd(3)) {
		case 0:
			kw(g->c, "id");
			id_arg(g, NULL, g->w->foreign_maps, g->w->nfmaps);
			break;
		case 1:
			kw(g->c, "name");
			name_arg(g, NULL);
			break;
		default:
			kw(g->c, "pinned");
			path_arg(g, 0);
		}
		return;
	}
	if (r < 50 || (r >= 85 && !o->unique_name)) {
		kw(g->c, "id");
		id_arg(g, o, g->w->foreign_maps, foreign_ok ? g->w->nfmaps : 0);
	} else if (r < 85) {
		kw(g->c, "pinned");
		if (chance(95))
			add(g->c, o->path);
		else
			path_arg(g, 1);
	} else {
		kw(g->c, "name");
		name_arg(g, o);
	}
}

static void prog_handle(struct gen *g, const struct obj *o, int foreign_ok)
{
	int r = (int)rnd(100);

	if (!o || (foreign_ok && r < 12)) {
		switch (rnd(4)) {
		case 0:
			kw(g->c, "id");
			id_arg(g, NULL, g->w->foreign_progs, g->w->nfprogs);
			break;
		case 1:
			kw(g->c, "name");
			name_arg(g, NULL);
			break;
		case 2:
			kw(g->c, "tag");
			add(g->c, PICK(((const char *[]){ "0000000000000000", "00", "zzzzzzzzzzzzzzzz",
							  "0123456789abcdef0", "", "g123456789abcdef" })));
			break;
		default:
			kw(g->c, "pinned");
			path_arg(g, 0);
		}
		return;
	}
	if (r < 35) {
		kw(g->c, "id");
		id_arg(g, o, g->w->foreign_progs, foreign_ok ? g->w->nfprogs : 0);
	} else if (r < 60) {
		kw(g->c, "pinned");
		add(g->c, o->path);
	} else if (r < 80) {
		kw(g->c, "tag");
		if (chance(90)) {
			add(g->c, o->tag);
		} else {
			char t[17];
			size_t i;

			for (i = 0; i < 16; i++)
				t[i] = (char)toupper((unsigned char)o->tag[i]);
			t[16] = 0;
			add(g->c, t);
		}
	} else {
		kw(g->c, "name");
		name_arg(g, o);
	}
}

/* ---- paths ------------------------------------------------------------ */

static void path_arg(struct gen *g, int writable)
{
	struct world *w = g->w;
	const char *T = w->bpffs, *S = w->scratch;
	struct obj *o;
	char *p = NULL, *n = rname("x");
	int r = (int)rnd(writable ? 24 : 31);

	switch (r) {
	case 0: case 1: case 2: case 3: case 4: case 5:
		p = xasprintf("%s/new/%s", T, n);
		break;
	case 6:
		o = pick_obj(g, OBJ_MAP, NULL);
		p = xstrdup(o ? o->path : T);
		break;
	case 7:
		o = pick_obj(g, OBJ_PROG, NULL);
		p = xstrdup(o ? o->path : T);
		break;
	case 8:
		p = xasprintf("%s/%s", T, PICK(((const char *[]){ "m", "d", "new", "" })));
		break;
	case 9:
		p = xasprintf("%s/nodir/%s", T, n);
		break;
	case 10:
		p = xasprintf("%s/new/%s/", T, n);
		break;
	case 11:
		p = xasprintf("%s//new///%s", T, n);
		break;
	case 12:
		p = xasprintf("%s/fs/%s", S, n);
		break;
	case 13:
		p = xasprintf("%s/fs/file", S);
		break;
	case 14:
		p = xasprintf("%s/fs/file/%s", S, n);
		break;
	case 15:
		p = xasprintf("%s/fs/dir%s", S, chance(50) ? "" : "/y");
		break;
	case 16:
		p = xasprintf("%s/nodir/%s", S, n);
		break;
	case 17:
		p = chance(50) ? xstrdup(n) : xasprintf("sub/%s", n);
		break;
	case 18: {
		char long_name[300];

		memset(long_name, 'a', sizeof(long_name) - 1);
		long_name[sizeof(long_name) - 1] = 0;
		p = xasprintf("%s/new/%s", T, long_name);
		break;
	}
	case 19: {
		size_t len = strlen(T) + 5000, i;

		p = xmalloc(len + 16);
		i = (size_t)sprintf(p, "%s/new", T);
		while (i < len) {
			memcpy(p + i, "/a", 2);
			i += 2;
		}
		p[i] = 0;
		break;
	}
	case 20:
		p = xasprintf("%s/new/%s", T, PICK(((const char *[]){ "\xff\xfe", "\xe5\x90\x8d\xe5\x89\x8d",
							     "a b", "q'\"", "t\tab", "n\nl", "\xe2\x80\xae" "x",
							     "-j", "%n%s", "*" })));
		break;
	case 21:
		p = xstrdup("");
		break;
	case 22:
		p = xasprintf("%s/./new/%s", T, n);
		break;
	case 23:
		p = xasprintf("%s/fs", S);
		break;
	/* read-only commands only */
	case 24:
		p = xstrdup(PICK(((const char *[]){ "/", "/etc/passwd", "/dev/null", "/dev/full",
						   "/proc/self/exe", "/nonexistent/x" })));
		break;
	case 25:
		p = xasprintf("%s/../%s", T, n);
		break;
	case 26:
		p = xstrdup("../x");
		break;
	default:
		o = pick_obj(g, OBJ_MAP, NULL);
		p = xstrdup(o ? o->path : T);
	}
	add(g->c, p);
	free(p);
	free(n);
}

/* ---- keys and values ------------------------------------------------------- */

static int is_array_like(uint32_t t)
{
	switch (t) {
	case BPF_MAP_TYPE_ARRAY: case BPF_MAP_TYPE_PERCPU_ARRAY: case BPF_MAP_TYPE_PROG_ARRAY:
	case BPF_MAP_TYPE_PERF_EVENT_ARRAY: case BPF_MAP_TYPE_ARRAY_OF_MAPS:
	case BPF_MAP_TYPE_DEVMAP: case BPF_MAP_TYPE_CPUMAP: case BPF_MAP_TYPE_XSKMAP:
	case BPF_MAP_TYPE_CGROUP_ARRAY: case BPF_MAP_TYPE_SOCKMAP:
		return 1;
	}
	return 0;
}

static void key_data(struct gen *g, const struct obj *o)
{
	uint8_t k[64];
	size_t n = o->key ? o->key : 4;
	uint32_t i = is_array_like(o->type) ? rnd(o->entries + 1) : rnd(6);

	if (n > sizeof(k))
		n = sizeof(k);
	if (chance(8))
		n = rnd((unsigned)n + 2);	/* wrong size */
	memset(k, 0, sizeof(k));
	if (o->type == BPF_MAP_TYPE_LPM_TRIE) {
		k[0] = (uint8_t)rnd(40);
		k[4] = 10;
		k[5] = (uint8_t)rnd(4);
	} else {
		memcpy(k, &i, 4);
	}
	kw(g->c, "key");
	bytes(g->c, k, n);
}

static void value_data(struct gen *g, const struct obj *o)
{
	uint8_t v[256];
	size_t n = o->value, i;
	struct obj *x;

	kw(g->c, "value");
	if (o->type == BPF_MAP_TYPE_PROG_ARRAY && chance(85)) {
		x = pick_obj(g, OBJ_PROG, NULL);
		prog_handle(g, x, 0);
		return;
	}
	if ((o->type == BPF_MAP_TYPE_ARRAY_OF_MAPS || o->type == BPF_MAP_TYPE_HASH_OF_MAPS) && chance(85)) {
		x = pick_obj(g, OBJ_MAP, chance(80) ? map_inner_ok : NULL);
		map_handle(g, x, 0);
		return;
	}
	if (n > sizeof(v))
		n = sizeof(v);
	if (chance(8))
		n = rnd((unsigned)n + 2);
	for (i = 0; i < n; i++)
		v[i] = (uint8_t)(chance(50) ? rnd(256) : rnd(4));
	if (o->type == BPF_MAP_TYPE_DEVMAP || o->type == BPF_MAP_TYPE_DEVMAP_HASH) {
		memset(v, 0, n);
		if (n)
			v[0] = 1;
	}
	bytes(g->c, v, n);
}

static void update_flag(struct gen *g)
{
	int r = (int)rnd(10);

	if (r < 5)
		kw(g->c, PICK(((const char *[]){ "any", "exist", "noexist" })));
	else if (r == 5)
		add(g->c, PICK(((const char *[]){ "ANY", "none", "1", "exists" })));
}

/* ---- commands ------------------------------------------------------------- */

static const char *const type_names[] = {
	"hash", "array", "prog_array", "perf_event_array", "percpu_hash", "percpu_array",
	"stack_trace", "cgroup_array", "lru_hash", "lru_percpu_hash", "lpm_trie",
	"array_of_maps", "hash_of_maps", "devmap", "devmap_hash", "sockmap", "cpumap",
	"xskmap", "sockhash", "cgroup_storage", "reuseport_sockarray",
	"percpu_cgroup_storage", "queue", "stack", "sk_storage", "struct_ops", "ringbuf",
	"inode_storage", "task_storage", "bloom_filter", "user_ringbuf", "cgrp_storage",
	"arena", "insn_array", "rhash",
};

static void gen_create(struct gen *g)
{
	static const struct {
		const char *type;
		unsigned k, v, e;
		const char *flags;
	} cs[] = {
		{ "hash", 4, 8, 16, NULL }, { "array", 4, 8, 4, NULL }, { "percpu_hash", 4, 4, 8, NULL },
		{ "percpu_array", 4, 20, 2, NULL }, { "lru_hash", 8, 8, 16, NULL },
		{ "lpm_trie", 8, 4, 16, "1" }, { "devmap", 4, 4, 4, NULL }, { "cpumap", 4, 4, 2, NULL },
		{ "sockmap", 4, 4, 4, NULL }, { "queue", 0, 4, 8, NULL }, { "stack", 0, 4, 8, NULL },
		{ "bloom_filter", 0, 4, 16, NULL }, { "ringbuf", 0, 0, 4096, NULL },
		{ "prog_array", 4, 4, 4, NULL }, { "stack_trace", 4, 32, 8, NULL },
		{ "array_of_maps", 4, 4, 2, NULL }, { "hash_of_maps", 4, 4, 2, NULL },
		{ "hash", 4, 8, 16, "no_prealloc" }, { "array", 4, 8, 4, "0x400" },
		{ "array", 4, 8, 4, "mmapable" }, { "hash", 4, 4, 0, NULL }, { "array", 3, 4, 4, NULL },
		{ "perf_event_array", 4, 4, 2, NULL }, { "arena", 0, 0, 1, "0x400" },
		{ "task_storage", 4, 4, 0, "1" }, { "cgrp_storage", 4, 4, 0, "1" },
	};
	int i = (int)rnd(sizeof(cs) / sizeof(cs[0]));
	int order[8] = { 0, 1, 2, 3, 4, 5, 6, 7 }, j, nparts = 8;
	char *name;

	kw(g->c, "create");
	path_arg(g, 1);
	if (chance(30))	/* clauses in any order */
		for (j = nparts - 1; j > 0; j--) {
			int k = (int)rnd((unsigned)j + 1), t = order[j];

			order[j] = order[k];
			order[k] = t;
		}
	for (j = 0; j < nparts; j++) {
		switch (order[j]) {
		case 0:
			kw(g->c, "type");
			add(g->c, chance(92) ? cs[i].type : PICK(type_names));
			break;
		case 1:
			kw(g->c, "key");
			num(g->c, cs[i].k);
			break;
		case 2:
			kw(g->c, "value");
			num(g->c, cs[i].v);
			break;
		case 3:
			kw(g->c, "entries");
			num(g->c, cs[i].e);
			break;
		case 4:
			if (chance(95)) {
				kw(g->c, "name");
				name = xasprintf("%s_n%u", g->w->tag, rnd(1000));
				add(g->c, name);
				free(name);
			}
			break;
		case 5:
			if (cs[i].flags) {
				kw(g->c, "flags");
				add(g->c, cs[i].flags);
			} else if (chance(5)) {
				kw(g->c, "flags");
				add(g->c, PICK(((const char *[]){ "0", "1", "0x8", "rdonly", "bogus", "1|2", "no_prealloc,mmapable" })));
			}
			break;
		case 6:
			if (strstr(cs[i].type, "_of_maps") || chance(3)) {
				struct obj *in = pick_obj(g, OBJ_MAP, chance(85) ? map_inner_ok : NULL);

				kw(g->c, "inner_map");
				map_handle(g, in, 0);
			}
			break;
		case 7:
			if (chance(3)) {
				kw(g->c, PICK(((const char *[]){ "offload_dev", "dev" })));
				add(g->c, PICK(((const char *[]){ "lo", "nosuchdev0", "" })));
			}
			break;
		}
	}
}

static void gen_map(struct gen *g)
{
	struct cmd *c = g->c;
	struct obj *o;
	int r = (int)rnd(100);

	kw(c, "map");
	if (r < 10) {
		kw(c, chance(50) ? "show" : "list");
		if (chance(85))
			map_handle(g, pick_obj(g, OBJ_MAP, NULL), 1);
	} else if (r < 18) {
		kw(c, "dump");
		map_handle(g, pick_obj(g, OBJ_MAP, NULL), 0);
	} else if (r < 36) {
		o = pick_obj(g, OBJ_MAP, chance(85) ? map_keyed : NULL);
		if (!o)
			return;
		kw(c, "update");
		map_handle(g, o, 0);
		if (o->key || chance(20))
			key_data(g, o);
		value_data(g, o);
		update_flag(g);
	} else if (r < 48) {
		o = pick_obj(g, OBJ_MAP, chance(90) ? map_keyed : NULL);
		kw(c, "lookup");
		map_handle(g, o, 1);
		if (o)
			key_data(g, o);
	} else if (r < 54) {
		o = pick_obj(g, OBJ_MAP, NULL);
		kw(c, "getnext");
		map_handle(g, o, 1);
		if (o && chance(60))
			key_data(g, o);
	} else if (r < 61) {
		o = pick_obj(g, OBJ_MAP, chance(90) ? map_keyed : NULL);
		kw(c, "delete");
		map_handle(g, o, 0);
		if (o)
			key_data(g, o);
	} else if (r < 66) {
		kw(c, "pin");
		map_handle(g, pick_obj(g, OBJ_MAP, NULL), 0);
		path_arg(g, 1);
	} else if (r < 75) {
		gen_create(g);
	} else if (r < 78) {
		kw(c, "freeze");
		map_handle(g, pick_obj(g, OBJ_MAP, chance(70) ? map_freezable : NULL), 0);
	} else if (r < 82) {
		kw(c, "peek");
		map_handle(g, pick_obj(g, OBJ_MAP, chance(80) ? map_keyless : NULL), 1);
	} else if (r < 87) {
		o = pick_obj(g, OBJ_MAP, chance(85) ? map_keyless : NULL);
		if (!o)
			return;
		kw(c, chance(50) ? "push" : "enqueue");
		map_handle(g, o, 0);
		value_data(g, o);
	} else if (r < 91) {
		kw(c, chance(50) ? "pop" : "dequeue");
		map_handle(g, pick_obj(g, OBJ_MAP, chance(85) ? map_keyless : NULL), 0);
	} else if (r < 93) {
		/* Only where it fails at once: never a perf or ring buffer. */
		kw(c, "event_pipe");
		map_handle(g, pick_obj(g, OBJ_MAP, map_not_xpe), 0);
		if (chance(60)) {
			kw(c, "cpu");
			num(c, rnd(4));
			if (chance(70)) {
				kw(c, "index");
				num(c, rnd(4));
			}
		}
	} else if (r < 96) {
		kw(c, "help");
	} else {
		add(c, PICK(((const char *[]){ "bogus", "SHOW", "", "shows", "lookups", "p", "d", "-" })));
		if (chance(50))
			map_handle(g, pick_obj(g, OBJ_MAP, NULL), 0);
	}
}

static void gen_prog(struct gen *g)
{
	struct cmd *c = g->c;
	int r = (int)rnd(100);

	kw(c, "prog");
	if (r < 55) {
		kw(c, chance(50) ? "show" : "list");
		if (chance(85))
			prog_handle(g, pick_obj(g, OBJ_PROG, NULL), 1);
	} else if (r < 80) {
		kw(c, "pin");
		prog_handle(g, pick_obj(g, OBJ_PROG, NULL), 0);
		path_arg(g, 1);
	} else if (r < 88) {
		kw(c, "help");
	} else if (r < 94) {
		add(c, PICK(((const char *[]){ "dump", "load", "attach", "detach", "run", "profile" })));
		prog_handle(g, pick_obj(g, OBJ_PROG, NULL), 0);
	} else {
		add(c, PICK(((const char *[]){ "bogus", "", "Show", "pinned" })));
	}
}

static void gen_btf(struct gen *g)
{
	struct cmd *c = g->c;
	struct world *w = g->w;
	int r = (int)rnd(100);

	kw(c, "btf");
	if (r < 75) {
		kw(c, chance(50) ? "show" : "list");
		if (chance(75)) {
			kw(c, chance(95) ? "id" : PICK(((const char *[]){ "name", "pinned", "ID" })));
			if (w->nbtf && chance(60))
				num(c, w->own_btf[rnd((unsigned)w->nbtf)]);
			else if (w->nfbtf && chance(60))
				num(c, w->foreign_btf[rnd((unsigned)w->nfbtf)]);
			else
				add(c, PICK(((const char *[]){ "0", "4294967295", "4294967296", "-1", "x", "" })));
		}
	} else if (r < 85) {
		kw(c, "help");
	} else if (r < 92) {
		add(c, "dump");
		kw(c, "id");
		num(c, w->nbtf ? w->own_btf[0] : 1);
	} else {
		add(c, PICK(((const char *[]){ "bogus", "", "showw" })));
	}
}

static void gen_line(struct gen *g);
static void mutate(struct gen *g);

static void write_batch(struct gen *g, const char *path)
{
	struct cmd *outer = g->c;
	FILE *f = fopen(path, "w");
	int lines = 1 + (int)rnd(6), i, j;

	if (!f)
		return;
	for (i = 0; i < lines; i++) {
		struct cmd line;
		int tries;

		for (tries = 0; tries < 20; tries++) {
			memset(&line, 0, sizeof(line));
			g->c = &line;
			gen_line(g);
			if (chance(30))
				mutate(g);
			if (!cmd_unsafe(g->w, line.w, line.n))
				break;
			cmd_free(&line);
			line.n = 0;
		}
		g->c = outer;
		if (chance(10))
			fputs(PICK(((const char *[]){ "\n", "# a comment\n", "   \t\n", "\r\n" })), f);
		for (j = 0; j < line.n; j++) {
			const char *sep = j ? " " : "";
			const char *word = line.w[j];

			if (!*word || strpbrk(word, " \t#'\"") || chance(3))
				fprintf(f, "%s%c%s%c", sep, strchr(word, '\'') ? '"' : '\'', word,
					strchr(word, '\'') ? '"' : '\'');
			else if (chance(2))
				fprintf(f, "%s\\\n%s", sep, word);	/* continuation */
			else
				fprintf(f, "%s%s", sep, word);
		}
		if (chance(3))
			fputs(PICK(((const char *[]){ " 'unterminated", " # trailing", " \"", "\r" })), f);
		fputc('\n', f);
		cmd_free(&line);
	}
	fclose(f);
}

/* One command without global options. */
static void gen_line(struct gen *g)
{
	int r = (int)rnd(100);

	if (r < 58)
		gen_map(g);
	else if (r < 76)
		gen_prog(g);
	else if (r < 86)
		gen_btf(g);
	else if (r < 90)
		add(g->c, PICK(((const char *[]){ "help", "h", "version", "v", "ver" })));
	else if (r < 93)
		add(g->c, PICK(((const char *[]){ "link", "cgroup", "perf", "net", "feature", "gen",
						   "struct_ops", "iter", "token", "l", "c", "n", "f" })));
	else if (r < 96)
		add(g->c, PICK(((const char *[]){ "bogus", "", "MAP", "maps", "progs", "-", "\xff" })));
	/* else: no words */
}

static const char *const options[] = {
	"-j", "-j", "-j", "-p", "-p", "--json", "--pretty", "-f", "--bpffs", "-n", "--nomount",
	"-d", "--debug", "-m", "--mapcompat", "-jp", "-pj", "-jn", "-jf", "-jd", "-nf", "-fn",
	"--js", "--jso", "--pre", "--pr", "--bp", "--nom", "--deb", "--map", "--j", "--p",
	"-V", "--version", "--ver", "-h", "--help", "--he", "-L", "--use-loader", "-l", "--legacy",
	"-S", "--sign", "-x", "--bogus", "--json=1", "--pretty=0", "--=", "---", "-j-", "--JSON",
	"-J", "--b", "--d", "--n", "--m", "--v", "--h", "--u", "--l", "-jV", "-hj", "-dj", "-Vp",
	"-fnjpdm", "-jx", "-xj", "--json=", "--nomount=yes",
};

static void insert_word(struct cmd *c, int pos, char *word)
{
	int i;

	if (c->n >= MAXW) {
		free(word);
		return;
	}
	for (i = c->n; i > pos; i--)
		c->w[i] = c->w[i - 1];
	c->w[pos] = word;
	c->n++;
	c->w[c->n] = NULL;
}

static void remove_word(struct cmd *c, int pos)
{
	int i;

	free(c->w[pos]);
	for (i = pos; i < c->n - 1; i++)
		c->w[i] = c->w[i + 1];
	c->n--;
	c->w[c->n] = NULL;
}

static void add_options(struct gen *g)
{
	struct cmd *c = g->c;
	int n = 1 + (int)rnd(3), i;

	for (i = 0; i < n; i++) {
		int pos = chance(50) ? 0 : (int)rnd((unsigned)c->n + 1);
		int r = (int)rnd(100);

		if (r < 85) {
			insert_word(c, pos, xstrdup(PICK(options)));
		} else {
			/* Options that take a file. */
			const char *opt = PICK(((const char *[]){ "-B", "--base-btf", "-k", "-i", "-jB", "--base" }));
			const char *file = PICK(((const char *[]){ "/sys/kernel/btf/vmlinux", "/etc/passwd",
								  "/nonexistent", "map", "-j" }));

			if (chance(20)) {
				insert_word(c, pos, xasprintf("%s%s%s", opt, opt[1] == '-' ? "=" : "", file));
			} else {
				insert_word(c, pos, xstrdup(file));
				insert_word(c, pos, xstrdup(opt));
			}
		}
	}
	if (chance(6))
		insert_word(c, (int)rnd((unsigned)c->n + 1), xstrdup("--"));
}

/* ---- mutations ------------------------------------------------------------ */

static int numeric(const char *s)
{
	char *end;

	if (!*s)
		return 0;
	errno = 0;
	strtoull(s, &end, 0);
	return !*end;
}

static const char *const odd_numbers[] = {
	"4294967295", "4294967296", "4294967297", "18446744073709551615", "18446744073709551616",
	"99999999999999999999999", "-1", "-0", "+1", "0x", "0x100", "0xFFFFFFFF",
	"0xffffffffffffffffff", "010", "08", "09", "0b1", "1e3", "1.5", " 1", "1 ", "\xd9\xa1",
	"\xef\xbc\x90", "0X1f", "00000000000000000000000001", "256", "255", "-4294967295", "",
};

static const char *const bad_bytes[] = {
	"\xff", "\xc3\x28", "\xc3\xa9", "\xe5\x90\x8d\xe5\x89\x8d", "\xe2\x80\xae", "\x01", "\x7f",
	"\t", "\n", "\xf0\x9f\x99\x82", "\xed\xa0\x80", "\x1b[31m", "%s", "\\",
};

static const char *const keywords[] = {
	"key", "value", "id", "pinned", "name", "tag", "hex", "any", "exist", "noexist", "type",
	"entries", "flags", "inner_map", "offload_dev", "dev", "cpu", "index", "file", "map",
	"prog", "btf", "show", "list", "dump", "lookup", "getnext", "help", "peek", "batch",
	"update", "delete", "pin", "create", "freeze", "pop", "push",
};

static void mutate(struct gen *g)
{
	struct cmd *c = g->c;
	int pos = c->n ? (int)rnd((unsigned)c->n) : 0;
	char *w;

	switch (rnd(14)) {
	case 0:
		if (c->n)
			remove_word(c, pos);
		break;
	case 1:
		if (c->n)
			insert_word(c, pos, xstrdup(c->w[pos]));
		break;
	case 2:
		if (c->n > 1 && pos + 1 < c->n) {
			w = c->w[pos];
			c->w[pos] = c->w[pos + 1];
			c->w[pos + 1] = w;
		}
		break;
	case 3:
		while (c->n > pos)
			remove_word(c, c->n - 1);
		break;
	case 4: {
		int i, tries;

		for (tries = 0; tries < 8; tries++) {
			i = c->n ? (int)rnd((unsigned)c->n) : 0;
			if (c->n && numeric(c->w[i])) {
				free(c->w[i]);
				c->w[i] = xstrdup(PICK(odd_numbers));
				break;
			}
		}
		break;
	}
	case 5:
		if (c->n) {
			w = c->w[pos];
			c->w[pos] = chance(50) ? xasprintf("%s%s", w, PICK(bad_bytes))
					       : xasprintf("%s%s", PICK(bad_bytes), w);
			free(w);
		}
		break;
	case 6:
		if (c->n) {
			const char *q = PICK(((const char *[]){ "'", "\"", "`" }));

			w = c->w[pos];
			c->w[pos] = chance(60) ? xasprintf("%s%s%s", q, w, q) : xasprintf("%s%s", q, w);
			free(w);
		}
		break;
	case 7:
		insert_word(c, c->n ? (int)rnd((unsigned)c->n + 1) : 0, xstrdup(""));
		break;
	case 8:
		insert_word(c, c->n ? (int)rnd((unsigned)c->n + 1) : 0, xstrdup(PICK(keywords)));
		break;
	case 9: {
		int i, tries;

		for (tries = 0; tries < 8; tries++) {
			i = c->n ? (int)rnd((unsigned)c->n) : 0;
			if (c->n && strchr(c->w[i], '/')) {
				struct cmd tmp;

				memset(&tmp, 0, sizeof(tmp));
				{
					struct cmd *save = g->c;

					g->c = &tmp;
					path_arg(g, 1);
					g->c = save;
				}
				free(c->w[i]);
				c->w[i] = tmp.w[0];
				break;
			}
		}
		break;
	}
	case 10:
		if (c->n) {
			char *p;

			for (p = c->w[pos]; *p; p++)
				*p = (char)toupper((unsigned char)*p);
		}
		break;
	case 11:
		if (c->n) {
			size_t len = chance(50) ? 300 : 5000;

			free(c->w[pos]);
			c->w[pos] = xmalloc(len + 1);
			memset(c->w[pos], chance(50) ? 'a' : '1', len);
			c->w[pos][len] = 0;
		}
		break;
	case 12: {
		/* Another object of this run in place of an id. */
		int i;

		for (i = 0; i + 1 < c->n; i++)
			if (!strcmp(c->w[i], "id") && chance(50)) {
				struct obj *o = pick_obj(g, chance(50) ? OBJ_MAP : OBJ_PROG, NULL);

				if (o) {
					free(c->w[i + 1]);
					c->w[i + 1] = xasprintf("%u", o->id);
				}
				break;
			}
		break;
	}
	default:
		if (c->n)
			insert_word(c, (int)rnd((unsigned)c->n + 1),
				    xstrdup(PICK(((const char *[]){ "1", "0", "0x1", "x", "--", "-", "hex" }))));
	}
}

/* ---- safety ------------------------------------------------------------ */

static int prefix_of(const char *word, const char *kw)
{
	size_t n = strlen(word);

	return n <= strlen(kw) && !strncmp(word, kw, n);
}

static const char *const changing[] = {
	"update", "delete", "pin", "event_pipe", "create", "push", "enqueue", "pop",
	"dequeue", "freeze", "batch",
};

int cmd_dangerous(char **words, int n)
{
	int i;
	size_t k;

	for (i = 0; i < n; i++)
		for (k = 0; k < sizeof(changing) / sizeof(changing[0]); k++)
			if (prefix_of(words[i], changing[k]))
				return 1;
	return 0;
}

static int has_dotdot(const char *w)
{
	const char *p = w;

	while ((p = strstr(p, ".."))) {
		if ((p == w || p[-1] == '/') && (p[2] == 0 || p[2] == '/'))
			return 1;
		p += 2;
	}
	return 0;
}

static int kernel_name_char(char ch)
{
	return isalnum((unsigned char)ch) || ch == '_' || ch == '.';
}

const char *cmd_unsafe(const struct world *w, char **words, int n)
{
	int i, epipe = 0, create = 0;
	double product = 1;
	size_t lt = strlen(w->bpffs), ls = strlen(w->scratch);

	if (!cmd_dangerous(words, n))
		return NULL;
	for (i = 0; i < n; i++) {
		epipe |= prefix_of(words[i], "event_pipe");
		create |= prefix_of(words[i], "create");
	}
	for (i = 0; i < n; i++) {
		const char *s = words[i], *prev = i ? words[i - 1] : NULL;
		char *end;
		unsigned long v;

		if (has_dotdot(s))
			return "'..' in a changing command";
		if (s[0] == '/' && !((!strncmp(s, w->bpffs, lt) && (s[lt] == '/' || !s[lt])) ||
				     (!strncmp(s, w->scratch, ls) && (s[ls] == '/' || !s[ls]))))
			return "absolute path outside the private dirs";
		if (epipe && strstr(s, "XPE"))
			return "event_pipe on a perf or ring buffer";
		errno = 0;
		v = strtoul(s, &end, 0);
		/* An empty word is a prefix of every keyword, as in bpftool. */
		if (prev && prefix_of(prev, "id") && *s && !*end) {
			uint32_t id = (uint32_t)v;
			int k, own = 0;

			for (k = 0; k < w->nobj; k++)
				if (w->obj[k].id == id)
					own = epipe && w->obj[k].xpe ? -1 : 1;
			if (own < 0)
				return "event_pipe on a perf or ring buffer";
			if (!own && id != 0 && id < 0x80000000u)
				return "id of another's object";
		}
		if (prev && prefix_of(prev, "name")) {
			const char *p;
			int odd = 0;

			for (p = s; *p; p++)
				odd |= !kernel_name_char(*p);
			if (!odd && strncmp(s, w->tag, strlen(w->tag)))
				return "name of another's object";
		}
		if (prev && prefix_of(prev, "tag")) {
			unsigned char t[8];
			char own_hex[17];
			int k, own = 0;

			/* bpftool reads a tag with sscanf(): what it accepts. */
			if (sscanf(s, "%02hhx%02hhx%02hhx%02hhx%02hhx%02hhx%02hhx%02hhx",
				   &t[0], &t[1], &t[2], &t[3], &t[4], &t[5], &t[6], &t[7]) == 8) {
				for (k = 0; k < 8; k++)
					sprintf(own_hex + 2 * k, "%02x", t[k]);
				for (k = 0; k < w->nobj; k++)
					own |= w->obj[k].kind == OBJ_PROG && !strcmp(own_hex, w->obj[k].tag);
				if (!own)
					return "tag of another's program";
			}
		}
		if (create && *s && !*end && !(prev && prefix_of(prev, "id"))) {
			uint32_t x = (uint32_t)v;

			if (x > 65536)
				return "large number in a create";
			if (x > 1)
				product *= x;
		}
	}
	if (product > (double)(1 << 22))
		return "large map in a create";
	return NULL;
}

/* ---- JSON mode ------------------------------------------------------------ */

int json_mode(char **words, int n)
{
	int i, json = 0;

	for (i = 0; i < n; i++) {
		const char *w = words[i], *p;

		if (!strcmp(w, "--"))
			break;
		if (w[0] != '-' || !w[1])
			continue;
		if (w[1] == '-') {
			size_t len = strcspn(w + 2, "=");

			if (!len)
				continue;
			if (len <= 4 && !strncmp(w + 2, "json", len))
				json = 1;
			else if (len <= 6 && !strncmp(w + 2, "pretty", len))
				json = 1;
			else if (len >= 2 && len <= 8 && !strncmp(w + 2, "base-btf", len) && !w[2 + len])
				i++;
			continue;
		}
		for (p = w + 1; *p; p++) {
			if (*p == 'j' || *p == 'p')
				json = 1;
			if (strchr("Bik", *p)) {
				if (!p[1])
					i++;
				break;
			}
		}
	}
	return json;
}

/* ---- the command ------------------------------------------------------------ */

void cmd_free(struct cmd *c)
{
	int i;

	for (i = 0; i < c->n; i++)
		free(c->w[i]);
	c->n = 0;
	c->w[0] = NULL;
}

static void gen_top(struct gen *g)
{
	struct cmd *c = g->c;
	int r = (int)rnd(100);

	if (r < 5) {
		char *path = xasprintf("%s/batch/b%u", g->w->scratch, g->index);

		c->batch = 1;
		write_batch(g, path);
		kw(c, "batch");
		if (chance(90))
			kw(c, "file");
		switch (rnd(10)) {
		case 0:
			add(c, "-");
			snprintf(c->stdin_path, sizeof(c->stdin_path), "%s", path);
			break;
		case 1:
			path_arg(g, 1);
			break;
		case 2:
			addf(c, "%s/batch/empty", g->w->scratch);
			break;
		default:
			add(c, path);
		}
		free(path);
	} else {
		gen_line(g);
	}
}

void gen_command(struct world *w, uint64_t seed, unsigned index, struct cmd *c)
{
	struct gen g = { w, c, index };
	int tries, k;

	char *batch = xasprintf("%s/batch/b%u", w->scratch, index);

	rs = seed * 0x2545f4914f6cdd1dULL ^ ((uint64_t)index << 20) ^ 0x5eedULL;
	next64();
	for (tries = 0; tries < 50; tries++) {
		unlink(batch);	/* from an earlier, unsafe draw */
		memset(c, 0, sizeof(*c));
		gen_top(&g);
		if (chance(40))
			add_options(&g);
		if (chance(50))
			for (k = 1 + (int)rnd(3); k > 0; k--)
				mutate(&g);
		if (!cmd_unsafe(w, c->w, c->n))
			break;
		cmd_free(c);
	}
	if (tries == 50) {
		unlink(batch);
		memset(c, 0, sizeof(*c));
		add(c, "map");
		add(c, "show");
	}
	if (!c->batch)
		unlink(batch);
	free(batch);
	if (!cmd_dangerous(c->w, c->n) && chance(4))
		c->devfull = 1;
}
