/* state: the harness's private objects and what a command may change.
 *
 * Setup creates, under the private bpffs dir T, a map of every type the
 * kernel allows (T/m/BASE) and a few programs (T/p/BASE, by progload),
 * plus empty dirs for new pins; under the plain dir S, the cwd of every
 * run, a non-bpffs dir with a regular file and a dir, and the batch
 * files.  A snapshot holds the contents of every own map (raw bpf(2):
 * get_next_key + lookup; queues and stacks are popped and pushed back),
 * its frozen flag, the files under T and S (path, type, size, checksum)
 * and the mounts under T and S.  Nothing outside T and S is touched. */
#include "chaos.h"
#include "kernel/sys_bpf.h"
#include "kernel/sys_proc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAXENT 4096
#define MAXFILES 4096

struct ment {
	uint8_t *k, *v;
	int err;		/* lookup result for this key */
};

struct mstate {
	int present;		/* a map of this run */
	int readable;
	int frozen;
	uint32_t id;
	int n;
	struct ment *e;
};

struct snap {
	struct mstate m[MAXOBJ];
	char **files;
	int nfiles;
	char **mounts;
	int nmounts;
};

static const struct spec {
	const char *base, *shortname;
	uint32_t type, key, value, entries, flags;
	const char *layout;
	int xpe, keep_frozen, inner, inner_ok;
} specs[] = {
	{ "hash", "hash", BPF_MAP_TYPE_HASH, 4, 8, 16, 0, 0, 0, 0, 0, 0 },
	{ "hash_np", "hashnp", BPF_MAP_TYPE_HASH, 4, 8, 16, 1, 0, 0, 0, 0, 0 },
	{ "hash_big", "hashbig", BPF_MAP_TYPE_HASH, 32, 40, 4, 0, 0, 0, 0, 0, 0 },
	{ "array", "array", BPF_MAP_TYPE_ARRAY, 4, 8, 4, 0, 0, 0, 0, 0, 0 },
	{ "arr8", "arr8", BPF_MAP_TYPE_ARRAY, 4, 8, 4, 0, 0, 0, 0, 0, 1 },
	{ "arr8b", "arr8b", BPF_MAP_TYPE_ARRAY, 4, 8, 4, 0, 0, 0, 0, 0, 1 },
	{ "arr_mmap", "arrmmap", BPF_MAP_TYPE_ARRAY, 4, 8, 4, 0x400, 0, 0, 0, 0, 0 },
	{ "arr_rdonly", "arrro", BPF_MAP_TYPE_ARRAY, 4, 4, 2, 0x8, 0, 0, 0, 0, 0 },
	{ "arr_wronly", "arrwo", BPF_MAP_TYPE_ARRAY, 4, 4, 2, 0x10, 0, 0, 0, 0, 0 },
	{ "frozen", "frozen", BPF_MAP_TYPE_ARRAY, 4, 8, 2, 0, 0, 0, 1, 0, 0 },
	{ "fz", "fz", BPF_MAP_TYPE_ARRAY, 4, 4, 2, 0, 0, 0, 0, 0, 0 },
	{ "percpu_hash", "pcpuhash", BPF_MAP_TYPE_PERCPU_HASH, 4, 4, 8, 0, 0, 0, 0, 0, 0 },
	{ "percpu_array", "pcpuarr", BPF_MAP_TYPE_PERCPU_ARRAY, 4, 20, 2, 0, 0, 0, 0, 0, 0 },
	{ "lru_hash", "lruhash", BPF_MAP_TYPE_LRU_HASH, 8, 8, 16, 0, 0, 0, 0, 0, 0 },
	{ "lru_percpu_hash", "lrupcpu", BPF_MAP_TYPE_LRU_PERCPU_HASH, 4, 8, 16, 0, 0, 0, 0, 0, 0 },
	{ "lpm_trie", "lpm", BPF_MAP_TYPE_LPM_TRIE, 8, 4, 16, 1, 0, 0, 0, 0, 0 },
	{ "devmap", "devmap", BPF_MAP_TYPE_DEVMAP, 4, 4, 4, 0, 0, 0, 0, 0, 0 },
	{ "devmap_hash", "devmaph", BPF_MAP_TYPE_DEVMAP_HASH, 4, 4, 4, 0, 0, 0, 0, 0, 0 },
	{ "cpumap", "cpumap", BPF_MAP_TYPE_CPUMAP, 4, 4, 2, 0, 0, 0, 0, 0, 0 },
	{ "sockmap", "sockmap", BPF_MAP_TYPE_SOCKMAP, 4, 4, 4, 0, 0, 0, 0, 0, 0 },
	{ "sockhash", "sockhash", BPF_MAP_TYPE_SOCKHASH, 4, 4, 4, 0, 0, 0, 0, 0, 0 },
	{ "xskmap", "xskmap", BPF_MAP_TYPE_XSKMAP, 4, 4, 4, 0, 0, 0, 0, 0, 0 },
	{ "cgroup_array", "cgarr", BPF_MAP_TYPE_CGROUP_ARRAY, 4, 4, 4, 0, 0, 0, 0, 0, 0 },
	{ "pea_XPE", "XPEpea", BPF_MAP_TYPE_PERF_EVENT_ARRAY, 4, 4, 2, 0, 0, 1, 0, 0, 0 },
	{ "prog_array", "progarr", BPF_MAP_TYPE_PROG_ARRAY, 4, 4, 4, 0, 0, 0, 0, 0, 0 },
	{ "stack_trace", "stacktr", BPF_MAP_TYPE_STACK_TRACE, 4, 32, 8, 0, 0, 0, 0, 0, 0 },
	{ "array_of_maps", "aom", BPF_MAP_TYPE_ARRAY_OF_MAPS, 4, 4, 2, 0, 0, 0, 0, 1, 0 },
	{ "hash_of_maps", "hom", BPF_MAP_TYPE_HASH_OF_MAPS, 4, 4, 2, 0, 0, 0, 0, 1, 0 },
	{ "queue", "queue", BPF_MAP_TYPE_QUEUE, 0, 4, 8, 0, 0, 0, 0, 0, 0 },
	{ "stack", "stack", BPF_MAP_TYPE_STACK, 0, 4, 8, 0, 0, 0, 0, 0, 0 },
	{ "bloom_filter", "bloom", BPF_MAP_TYPE_BLOOM_FILTER, 0, 4, 16, 0, 0, 0, 0, 0, 0 },
	{ "ringbuf_XPE", "XPErb", BPF_MAP_TYPE_RINGBUF, 0, 0, 4096, 0, 0, 1, 0, 0, 0 },
	{ "uringbuf_XPE", "XPEurb", BPF_MAP_TYPE_USER_RINGBUF, 0, 0, 4096, 0, 0, 1, 0, 0, 0 },
	{ "arena", "arena", BPF_MAP_TYPE_ARENA, 0, 0, 1, 0x400, 0, 0, 0, 0, 0 },
	{ "btf_bits", NULL, BPF_MAP_TYPE_ARRAY, 0, 0, 0, 0, "bits", 0, 0, 0, 0 },
	{ "btf_nested", NULL, BPF_MAP_TYPE_HASH, 0, 0, 0, 0, "nested", 0, 0, 0, 0 },
	{ "btf_percpu", NULL, BPF_MAP_TYPE_PERCPU_ARRAY, 0, 0, 0, 0, "percpu", 0, 0, 0, 0 },
	{ "btf_datasec", NULL, BPF_MAP_TYPE_ARRAY, 0, 0, 0, 0, "datasec", 0, 0, 0, 0 },
};
#define NSPECS (int)(sizeof(specs) / sizeof(specs[0]))

static char *initial_files[MAXFILES];
static struct world *cur_world;	/* for value sizes in comparisons */
static int ninitial;

/* ---- small helpers --------------------------------------------------- */

static int run_helper(const char *const *argv)
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		if (!verbose) {
			int fd = open("/dev/null", O_WRONLY);

			if (fd >= 0) {
				dup2(fd, 1);
				dup2(fd, 2);
			}
		}
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int is_percpu(uint32_t t)
{
	return t == BPF_MAP_TYPE_PERCPU_HASH || t == BPF_MAP_TYPE_PERCPU_ARRAY ||
	       t == BPF_MAP_TYPE_LRU_PERCPU_HASH;
}

static size_t value_bytes(const struct world *w, const struct obj *o)
{
	if (is_percpu(o->type))
		return (((size_t)o->value + 7) & ~(size_t)7) * (size_t)w->ncpus;
	return o->value;
}

static int is_keyless(uint32_t t)
{
	return t == BPF_MAP_TYPE_QUEUE || t == BPF_MAP_TYPE_STACK;
}

static int unreadable(uint32_t t)
{
	return t == BPF_MAP_TYPE_BLOOM_FILTER || t == BPF_MAP_TYPE_RINGBUF ||
	       t == BPF_MAP_TYPE_USER_RINGBUF || t == BPF_MAP_TYPE_ARENA;
}

/* Map values that hold ids on lookup and take fds on update. */
static int fd_kind(uint32_t t)
{
	if (t == BPF_MAP_TYPE_PROG_ARRAY)
		return SYS_OBJ_PROG;
	if (t == BPF_MAP_TYPE_ARRAY_OF_MAPS || t == BPF_MAP_TYPE_HASH_OF_MAPS)
		return SYS_OBJ_MAP;
	return -1;
}

int obj_is_own_id(const struct world *w, uint32_t id)
{
	int i;

	for (i = 0; i < w->nobj; i++)
		if (w->obj[i].id == id)
			return 1;
	return 0;
}

static int frozen_flag(int fd)
{
	struct fdinfo fi;
	char buf[32];

	if (sys_fdinfo(fd, &fi) || !fdinfo_get(&fi, "frozen", buf, sizeof(buf)))
		return 0;
	return atoi(buf);
}

static struct obj *find_obj(struct world *w, const char *base)
{
	int i;

	for (i = 0; i < w->nobj; i++)
		if (!strcmp(w->obj[i].base, base))
			return &w->obj[i];
	return NULL;
}

/* Write one entry; for fd-valued maps the value holds an id. */
static int put(struct world *w, struct obj *o, const void *key, const void *val, uint64_t flags)
{
	int kind = fd_kind(o->type), err;

	if (kind >= 0) {
		uint32_t id, fd;
		int f;

		memcpy(&id, val, 4);
		f = sys_fd_by_id(kind, id, 0);
		if (f < 0)
			return f;
		fd = (uint32_t)f;
		err = sys_map_update(o->fd, key, &fd, flags);
		close(f);
		return err;
	}
	return sys_map_update(o->fd, key, val, flags);
}

/* ---- setup ------------------------------------------------------------ */

static int create_map(struct world *w, struct obj *o)
{
	struct bpf_attr_map_create a;
	struct bpf_map_info info;
	int fd, err;

	unlink(o->path);
	if (o->layout) {
		const char *argv[] = { NULL, o->layout, o->path, NULL };
		char *bin = xasprintf("%s/mkbtfmap", w->helpers);

		argv[0] = bin;
		err = run_helper(argv);
		free(bin);
		if (err)
			return -1;
		fd = sys_obj_get(o->path, 0);
		if (fd < 0)
			return fd;
	} else {
		memset(&a, 0, sizeof(a));
		a.map_type = o->type;
		a.key_size = o->key;
		a.value_size = o->value;
		a.max_entries = o->entries;
		a.map_flags = o->flags;
		strncpy(a.map_name, o->name, sizeof(a.map_name) - 1);
		if (o->inner) {
			struct obj *in = find_obj(w, "arr8");

			if (!in)
				return -ENOENT;
			a.inner_map_fd = (uint32_t)in->fd;
		}
		fd = sys_map_create(&a);
		if (fd < 0)
			return fd;
		err = sys_obj_pin(fd, o->path);
		close(fd);
		if (err)
			return err;
		/* Through the pin, like the tools: the creation fd of an
		 * rdonly or wronly map cannot write or read it. */
		fd = sys_obj_get(o->path, 0);
		if (fd < 0)
			return fd;
	}
	if (sys_map_info(fd, &info)) {
		close(fd);
		return -1;
	}
	if (o->fd > 0)
		close(o->fd);
	o->fd = fd;
	o->id = info.id;
	o->key = info.key_size;
	o->value = info.value_size;
	o->entries = info.max_entries;
	o->flags = info.map_flags;
	o->btf_id = info.btf_id;
	if (o->layout)
		memcpy(o->name, info.name, sizeof(o->name));
	return 0;
}

static void fill(struct world *w, struct obj *o)
{
	uint8_t key[64], val[4096];
	uint32_t i, n = o->entries < 4 ? o->entries : 4;
	size_t vs = value_bytes(w, o);

	if (vs > sizeof(val) || o->key > sizeof(key))
		return;
	for (i = 0; i < n; i++) {
		memset(key, 0, sizeof(key));
		memcpy(key, &i, 4);
		memset(val, 0, sizeof(val));
		val[0] = (uint8_t)(i + 1);
		val[1] = (uint8_t)(0x40 + i);
		switch (o->type) {
		case BPF_MAP_TYPE_QUEUE:
		case BPF_MAP_TYPE_STACK:
		case BPF_MAP_TYPE_BLOOM_FILTER:
			if (i < 3)
				sys_map_update(o->fd, NULL, val, 0);
			break;
		case BPF_MAP_TYPE_LPM_TRIE:
			key[0] = (uint8_t)(8 + 8 * i);
			key[4] = 10;
			key[5] = (uint8_t)i;
			sys_map_update(o->fd, key, val, 0);
			break;
		case BPF_MAP_TYPE_DEVMAP:
		case BPF_MAP_TYPE_DEVMAP_HASH:
			memset(val, 0, 4);
			val[0] = 1;	/* lo */
			if (i < 2)
				sys_map_update(o->fd, key, val, 0);
			break;
		case BPF_MAP_TYPE_CPUMAP:
			memset(val, 0, 4);
			val[0] = 64;	/* queue size */
			if (i == 0)
				sys_map_update(o->fd, key, val, 0);
			break;
		case BPF_MAP_TYPE_PROG_ARRAY: {
			struct obj *p = find_obj(w, "sock");

			if (p && i == 0)
				put(w, o, key, &p->id, 0);
			break;
		}
		case BPF_MAP_TYPE_ARRAY_OF_MAPS:
		case BPF_MAP_TYPE_HASH_OF_MAPS: {
			struct obj *in = find_obj(w, i ? "arr8b" : "arr8");

			if (in && i < 2)
				put(w, o, key, &in->id, 0);
			break;
		}
		case BPF_MAP_TYPE_HASH:
		case BPF_MAP_TYPE_ARRAY:
		case BPF_MAP_TYPE_PERCPU_HASH:
		case BPF_MAP_TYPE_PERCPU_ARRAY:
		case BPF_MAP_TYPE_LRU_HASH:
		case BPF_MAP_TYPE_LRU_PERCPU_HASH:
			sys_map_update(o->fd, key, val, 0);
			break;
		default:
			break;
		}
	}
}

static struct obj *add_obj(struct world *w, int kind, const char *base)
{
	struct obj *o;

	if (w->nobj >= MAXOBJ)
		return NULL;
	o = &w->obj[w->nobj];
	memset(o, 0, sizeof(*o));
	o->kind = kind;
	o->fd = -1;
	snprintf(o->base, sizeof(o->base), "%s", base);
	snprintf(o->path, sizeof(o->path), "%s/%c/%s", w->bpffs, kind == OBJ_MAP ? 'm' : 'p', base);
	return o;
}

static int load_prog(struct world *w, const char *base, const char *type,
		     const char *name, const char *func, const char *map)
{
	struct obj *o = add_obj(w, OBJ_PROG, base);
	const char *argv[12];
	char *bin = xasprintf("%s/progload", w->helpers), *mpath = NULL;
	struct bpf_prog_info info;
	int n = 0, fd, i;

	if (!o)
		return -1;
	argv[n++] = bin;
	argv[n++] = type;
	argv[n++] = o->path;
	argv[n++] = "name";
	argv[n++] = name;
	if (func) {
		argv[n++] = "func";
		argv[n++] = func;
	}
	if (map) {
		struct obj *m = find_obj(w, map);

		if (!m)
			return -1;
		mpath = m->path;
		argv[n++] = "map";
		argv[n++] = mpath;
	}
	argv[n] = NULL;
	i = run_helper(argv);
	free(bin);
	if (i)
		return -1;
	fd = sys_obj_get(o->path, 0);
	if (fd < 0 || sys_prog_info(fd, &info))
		return -1;
	o->fd = fd;
	o->id = info.id;
	o->btf_id = info.btf_id;
	memcpy(o->name, info.name, sizeof(o->name) - 1);
	o->unique_name = !strncmp(o->name, w->tag, strlen(w->tag));
	if (func && strlen(func) >= 15)
		snprintf(o->full_name, sizeof(o->full_name), "%s", func);
	for (i = 0; i < 8; i++)
		sprintf(o->tag + 2 * i, "%02x", info.tag[i]);
	w->nobj++;
	return 0;
}

static void collect_foreign(struct world *w)
{
	uint32_t id = 0, next;
	int i, own;

	while (!sys_next_id(SYS_OBJ_MAP, id, &next) && w->nfmaps < MAXFOREIGN) {
		id = next;
		if (!obj_is_own_id(w, id))
			w->foreign_maps[w->nfmaps++] = id;
	}
	id = 0;
	while (!sys_next_id(SYS_OBJ_PROG, id, &next) && w->nfprogs < MAXFOREIGN) {
		id = next;
		if (!obj_is_own_id(w, id))
			w->foreign_progs[w->nfprogs++] = id;
	}
	id = 0;
	while (!sys_next_id(SYS_OBJ_BTF, id, &next) && w->nfbtf < MAXFOREIGN) {
		id = next;
		for (own = 0, i = 0; i < w->nbtf; i++)
			own |= w->own_btf[i] == id;
		if (!own)
			w->foreign_btf[w->nfbtf++] = id;
	}
}

static void add_btf(struct world *w, uint32_t id)
{
	int i;

	if (!id || w->nbtf >= 16)
		return;
	for (i = 0; i < w->nbtf; i++)
		if (w->own_btf[i] == id)
			return;
	w->own_btf[w->nbtf++] = id;
}

static void mkdirs(const char *root, const char *sub)
{
	char *p = xasprintf("%s/%s", root, sub);

	mkdir(p, 0755);
	free(p);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static void list_files(struct world *w, char **out, int *n);

int world_setup(struct world *w)
{
	char *p;
	int i, made = 0;

	w->ncpus = sys_possible_cpus();
	if (w->ncpus < 1)
		w->ncpus = 1;
	if (mkdir(w->bpffs, 0755) && errno != EEXIST)
		return -1;
	if (mkdir(w->scratch, 0755) && errno != EEXIST)
		return -1;
	mkdirs(w->bpffs, "m");
	mkdirs(w->bpffs, "p");
	mkdirs(w->bpffs, "new");
	mkdirs(w->bpffs, "d");
	mkdirs(w->scratch, "cwd");
	mkdirs(w->scratch, "fs");
	mkdirs(w->scratch, "fs/dir");
	mkdirs(w->scratch, "batch");
	p = xasprintf("%s/fs/file", w->scratch);
	write_file(p, "map show\n");
	free(p);
	p = xasprintf("%s/batch/empty", w->scratch);
	write_file(p, "");
	free(p);

	for (i = 0; i < NSPECS; i++) {
		const struct spec *s = &specs[i];
		struct obj *o = add_obj(w, OBJ_MAP, s->base);

		if (!o)
			break;
		o->type = s->type;
		o->key = s->key;
		o->value = s->value;
		o->entries = s->entries;
		o->flags = s->flags;
		o->layout = s->layout;
		o->xpe = s->xpe;
		o->keep_frozen = s->keep_frozen;
		o->inner = s->inner;
		o->inner_ok = s->inner_ok;
		if (s->shortname) {
			snprintf(o->name, sizeof(o->name), "%s_%s", w->tag, s->shortname);
			o->unique_name = 1;
		}
		if (create_map(w, o)) {
			if (verbose)
				fprintf(stderr, "chaos: no %s map on this kernel\n", s->base);
			continue;
		}
		w->nobj++;
		made++;
		add_btf(w, o->btf_id);
	}

	p = xasprintf("%s_a_rather_long_function_name", w->tag);
	{
		char *n1 = xasprintf("%s_sock", w->tag), *n2 = xasprintf("%s_xdp", w->tag),
		     *n3 = xasprintf("%s_tail", w->tag);

		load_prog(w, "sock", "socket", n1, NULL, NULL);
		load_prog(w, "xdp", "xdp", n2, NULL, NULL);
		load_prog(w, "long", "socket", p, p, NULL);
		load_prog(w, "tail", "tailcall", n3, NULL, "prog_array");
		free(n1);
		free(n2);
		free(n3);
	}
	free(p);
	for (i = 0; i < w->nobj; i++) {
		struct obj *o = &w->obj[i];

		if (o->kind == OBJ_PROG)
			add_btf(w, o->btf_id);
	}

	for (i = 0; i < w->nobj; i++) {
		struct obj *o = &w->obj[i];

		if (o->kind != OBJ_MAP)
			continue;
		fill(w, o);
		if (o->keep_frozen)
			sys_map_freeze(o->fd);
	}
	collect_foreign(w);
	list_files(w, initial_files, &ninitial);
	return made ? 0 : -1;
}

/* ---- snapshots ---------------------------------------------------------- */

static int cmp_ment_len;
static int cmp_ment(const void *a, const void *b)
{
	return memcmp(((const struct ment *)a)->k, ((const struct ment *)b)->k, (size_t)cmp_ment_len);
}

static void read_map(struct world *w, struct obj *o, struct mstate *m)
{
	size_t vs = value_bytes(w, o), ks = o->key;
	uint8_t *key = xmalloc(ks + 1), *next = xmalloc(ks + 1), *val = xmalloc(vs + 8);
	int first = 1, err;

	m->present = 1;
	m->id = o->id;
	m->frozen = frozen_flag(o->fd);
	m->readable = !unreadable(o->type) && !(o->key == 0 && !is_keyless(o->type));
	m->e = calloc(MAXENT, sizeof(*m->e));
	if (!m->e)
		abort();
	if (!m->readable)
		goto out;
	if (is_keyless(o->type)) {
		/* Pop everything and push it back in the same order. */
		if (m->frozen) {
			err = sys_map_lookup(o->fd, NULL, val);
			if (!err) {
				m->e[0].k = NULL;
				m->e[0].v = xmalloc(vs);
				memcpy(m->e[0].v, val, vs);
				m->n = 1;
			}
			goto out;
		}
		while (m->n < (int)o->entries + 1 && m->n < MAXENT &&
		       !sys_map_lookup_and_delete(o->fd, NULL, val)) {
			m->e[m->n].k = NULL;
			m->e[m->n].v = xmalloc(vs);
			memcpy(m->e[m->n].v, val, vs);
			m->n++;
		}
		if (o->type == BPF_MAP_TYPE_QUEUE) {
			for (err = 0; err < m->n; err++)
				sys_map_update(o->fd, NULL, m->e[err].v, 0);
		} else {
			for (err = m->n - 1; err >= 0; err--)
				sys_map_update(o->fd, NULL, m->e[err].v, 0);
		}
		goto out;
	}
	while (m->n < MAXENT) {
		if (sys_map_next_key(o->fd, first ? NULL : key, next))
			break;
		first = 0;
		memcpy(key, next, ks);
		memset(val, 0, vs);
		m->e[m->n].k = xmalloc(ks);
		memcpy(m->e[m->n].k, key, ks);
		m->e[m->n].err = sys_map_lookup(o->fd, key, val);
		m->e[m->n].v = xmalloc(vs);
		memcpy(m->e[m->n].v, val, vs);
		if (m->e[m->n].err)
			memset(m->e[m->n].v, 0, vs);
		m->n++;
	}
	cmp_ment_len = (int)ks;
	qsort(m->e, (size_t)m->n, sizeof(*m->e), cmp_ment);
out:
	free(key);
	free(next);
	free(val);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Pins read as text dumps of their map: never checksum those. */
static int on_bpffs(const char *path)
{
	struct statfs sf;

	return statfs(path, &sf) || (unsigned long)sf.f_type == 0xcafe4a11UL;
}

static uint32_t crc_file(const char *path, off_t size)
{
	uint8_t buf[4096];
	uint32_t h = 2166136261u;
	ssize_t n, i;
	int fd;

	if (size > 1 << 20)
		return 0;
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return 0;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		for (i = 0; i < n; i++)
			h = (h ^ buf[i]) * 16777619u;
	close(fd);
	return h;
}

/* Paths in listings: control bytes and backslashes in octal, so a line
 * is "path TAB type TAB size TAB checksum" whatever the name holds. */
static char *escape_path(const char *s)
{
	char *r = xmalloc(strlen(s) * 4 + 1), *p = r;

	for (; *s; s++) {
		if ((unsigned char)*s < 0x20 || *s == '\\' || *s == 0x7f)
			p += sprintf(p, "\\%03o", (unsigned char)*s);
		else
			*p++ = *s;
	}
	*p = 0;
	return r;
}

/* Undo escape_path() and escape_mnt(), in place. */
static void unescape(char *s)
{
	char *r = s;

	for (; *s; s++) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' && s[2] <= '7' &&
		    s[3] >= '0' && s[3] <= '7') {
			*r++ = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 + (s[3] - '0'));
			s += 3;
		} else {
			*r++ = *s;
		}
	}
	*r = 0;
}

static void walk(const char *root, const char *label, const char *rel, int depth,
		 char **out, int *n)
{
	char *dir = *rel ? xasprintf("%s/%s", root, rel) : xstrdup(root);
	struct dirent *d;
	DIR *dp;

	if (depth > 12 || !(dp = opendir(dir))) {
		free(dir);
		return;
	}
	while ((d = readdir(dp)) && *n < MAXFILES) {
		struct stat st;
		char *r, *full, *esc;
		const char *type;

		if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
			continue;
		r = *rel ? xasprintf("%s/%s", rel, d->d_name) : xstrdup(d->d_name);
		full = xasprintf("%s/%s", root, r);
		if (lstat(full, &st)) {
			free(r);
			free(full);
			continue;
		}
		type = S_ISDIR(st.st_mode) ? "dir" : S_ISREG(st.st_mode) ? "file" :
		       S_ISLNK(st.st_mode) ? "link" : "other";
		/* Only regular files have a meaningful size: a directory's
		 * changes with its entries on tmpfs. */
		esc = escape_path(r);
		out[(*n)++] = xasprintf("%s/%s\t%s\t%lld\t%08x", label, esc, type,
					S_ISREG(st.st_mode) ? (long long)st.st_size : 0LL,
					S_ISREG(st.st_mode) && !on_bpffs(full) ?
					crc_file(full, st.st_size) : 0);
		free(esc);
		if (S_ISDIR(st.st_mode))
			walk(root, label, r, depth + 1, out, n);
		free(r);
		free(full);
	}
	closedir(dp);
	free(dir);
}

static void list_files(struct world *w, char **out, int *n)
{
	*n = 0;
	walk(w->bpffs, "T", "", 0, out, n);
	walk(w->scratch, "S", "", 0, out, n);
	qsort(out, (size_t)*n, sizeof(*out), cmp_str);
}

/* mountinfo escapes blanks and backslashes in octal; so do we. */
static char *escape_mnt(const char *s)
{
	char *r = xmalloc(strlen(s) * 4 + 1), *p = r;

	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\\')
			p += sprintf(p, "\\%03o", (unsigned char)*s);
		else
			*p++ = *s;
	}
	*p = 0;
	return r;
}

static int under(const char *path, const char *root)
{
	size_t n = strlen(root);

	return !strncmp(path, root, n) && (path[n] == 0 || path[n] == '/');
}

static void list_mounts(struct world *w, char **out, int *n)
{
	char *line = NULL, *t = escape_mnt(w->bpffs), *s = escape_mnt(w->scratch);
	size_t cap = 0;
	FILE *f = fopen("/proc/self/mountinfo", "re");

	*n = 0;
	while (f && getline(&line, &cap, f) > 0 && *n < 256) {
		char mp[4096], *dash = strstr(line, " - "), fstype[64] = "?";

		if (sscanf(line, "%*s %*s %*s %*s %4095s", mp) != 1)
			continue;
		if (!under(mp, t) && !under(mp, s))
			continue;
		if (dash)
			sscanf(dash + 3, "%63s", fstype);
		out[(*n)++] = xasprintf("%s %s", mp, fstype);
	}
	if (f)
		fclose(f);
	free(line);
	free(t);
	free(s);
	qsort(out, (size_t)*n, sizeof(*out), cmp_str);
}

struct snap *snap_take(struct world *w)
{
	struct snap *s = calloc(1, sizeof(*s));
	int i;

	if (!s)
		abort();
	cur_world = w;
	for (i = 0; i < w->nobj; i++)
		if (w->obj[i].kind == OBJ_MAP)
			read_map(w, &w->obj[i], &s->m[i]);
	s->files = xmalloc(sizeof(char *) * MAXFILES);
	list_files(w, s->files, &s->nfiles);
	s->mounts = xmalloc(sizeof(char *) * 256);
	list_mounts(w, s->mounts, &s->nmounts);
	return s;
}

void snap_free(struct snap *s)
{
	int i, j;

	if (!s)
		return;
	for (i = 0; i < MAXOBJ; i++) {
		for (j = 0; j < s->m[i].n; j++) {
			free(s->m[i].e[j].k);
			free(s->m[i].e[j].v);
		}
		free(s->m[i].e);
	}
	for (i = 0; i < s->nfiles; i++)
		free(s->files[i]);
	for (i = 0; i < s->nmounts; i++)
		free(s->mounts[i]);
	free(s->files);
	free(s->mounts);
	free(s);
}


static int ment_equal(const struct obj *o, size_t vs, const struct ment *a, const struct ment *b)
{
	if (o->key && memcmp(a->k, b->k, o->key))
		return 0;
	return a->err == b->err && !memcmp(a->v, b->v, vs);
}

static int map_equal(const struct obj *o, const struct mstate *a, const struct mstate *b)
{
	size_t vs = value_bytes(cur_world, o);
	int i;

	if (a->present != b->present || a->frozen != b->frozen || a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (!ment_equal(o, vs, &a->e[i], &b->e[i]))
			return 0;
	return 1;
}

static void list_diff(char *buf, size_t size, const char *what, char **a, int na, char **b, int nb)
{
	int i = 0, j = 0;

	while ((i < na || j < nb) && strlen(buf) + 64 < size) {
		int c = i >= na ? 1 : j >= nb ? -1 : strcmp(a[i], b[j]);
		size_t len = strlen(buf);

		if (c == 0) {
			i++, j++;
			continue;
		}
		snprintf(buf + len, size - len, "%s%s %c%.*s", len ? "; " : "", what,
			 c < 0 ? '-' : '+', 200, c < 0 ? a[i] : b[j]);
		if (c < 0)
			i++;
		else
			j++;
	}
}

const char *snap_diff(const struct snap *a, const struct snap *b)
{
	static char buf[2048];
	struct world *w = cur_world;
	int i;

	buf[0] = 0;
	for (i = 0; i < w->nobj && strlen(buf) < 1500; i++) {
		struct obj *o = &w->obj[i];
		size_t len = strlen(buf);

		if (o->kind != OBJ_MAP || map_equal(o, &a->m[i], &b->m[i]))
			continue;
		if (a->m[i].frozen != b->m[i].frozen)
			snprintf(buf + len, sizeof(buf) - len, "%smap %s frozen %d->%d",
				 len ? "; " : "", o->base, a->m[i].frozen, b->m[i].frozen);
		else
			snprintf(buf + len, sizeof(buf) - len, "%smap %s contents (%d->%d entries)",
				 len ? "; " : "", o->base, a->m[i].n, b->m[i].n);
	}
	list_diff(buf, sizeof(buf), "file", a->files, a->nfiles, b->files, b->nfiles);
	list_diff(buf, sizeof(buf), "mount", a->mounts, a->nmounts, b->mounts, b->nmounts);
	return buf;
}

int snap_frozen_changed(const struct snap *a, const struct snap *b)
{
	int i;

	for (i = 0; i < MAXOBJ; i++)
		if (a->m[i].frozen != b->m[i].frozen)
			return 1;
	return 0;
}

/* ---- restoring ------------------------------------------------------------ */

static void unmount_all_but(struct world *w, char **keep, int nkeep)
{
	int round;

	for (round = 0; round < 64; round++) {
		char *cur[256], mp[4096], *victim = NULL;
		int n, i, j = 0;

		list_mounts(w, cur, &n);
		/* The deepest mount beyond what keep holds. */
		for (i = 0; i < n; i++) {
			int c = j < nkeep ? strcmp(cur[i], keep[j]) : -1;

			if (c == 0) {
				j++;
				continue;
			}
			if (c > 0 && j < nkeep) {
				j++;
				i--;
				continue;
			}
			if (!victim || strlen(cur[i]) > strlen(victim))
				victim = cur[i];
		}
		if (victim) {
			*strrchr(victim, ' ') = 0;
			snprintf(mp, sizeof(mp), "%s", victim);
			unescape(mp);
			if (umount2(mp, MNT_DETACH) && verbose)
				fprintf(stderr, "chaos: umount %s: %s\n", mp, strerror(errno));
		}
		for (i = 0; i < n; i++)
			free(cur[i]);
		if (!victim)
			return;
	}
}

static int in_list(char **list, int n, const char *entry)
{
	if (!n)
		return 0;	/* no array to search: list may be NULL */
	return bsearch(&entry, list, (size_t)n, sizeof(*list), cmp_str) != NULL;
}

/* Remove files not in keep, deepest first. */
static void remove_files_but(struct world *w, char **keep, int nkeep)
{
	char **cur = xmalloc(sizeof(char *) * MAXFILES);
	int n, i;

	list_files(w, cur, &n);
	for (i = n - 1; i >= 0; i--) {
		if (!in_list(keep, nkeep, cur[i])) {
			char *rel = cur[i] + 2, *tab = strchr(rel, '\t');
			char *full;

			*tab = 0;
			unescape(rel);
			full = xasprintf("%s/%s", cur[i][0] == 'T' ? w->bpffs : w->scratch, rel);
			if (!strncmp(tab + 1, "dir", 3))
				rmdir(full);
			else
				unlink(full);
			free(full);
		}
	}
	/* Directories sort before their contents: a second pass gets those
	 * emptied above. */
	for (i = 0; i < n; i++)
		free(cur[i]);
	list_files(w, cur, &n);
	for (i = n - 1; i >= 0; i--) {
		if (!in_list(keep, nkeep, cur[i])) {
			char *rel = cur[i] + 2, *tab = strchr(rel, '\t'), *full;

			*tab = 0;
			unescape(rel);
			full = xasprintf("%s/%s", cur[i][0] == 'T' ? w->bpffs : w->scratch, rel);
			rmdir(full);
			unlink(full);
			free(full);
		}
		free(cur[i]);
	}
	free(cur);
}

static int restore_map(struct world *w, struct obj *o, const struct mstate *want)
{
	struct mstate now;
	size_t vs = value_bytes(w, o);
	int i, j, bad = 0;

	memset(&now, 0, sizeof(now));
	read_map(w, o, &now);
	if (map_equal(o, want, &now))
		goto out;
	if (now.frozen != want->frozen || !now.readable) {
		bad = 1;
		goto out;
	}
	if (is_keyless(o->type)) {
		uint8_t *val = xmalloc(vs + 8);

		while (!sys_map_lookup_and_delete(o->fd, NULL, val))
			;
		free(val);
		if (o->type == BPF_MAP_TYPE_QUEUE)
			for (i = 0; i < want->n; i++)
				bad |= sys_map_update(o->fd, NULL, want->e[i].v, 0) != 0;
		else
			for (i = want->n - 1; i >= 0; i--)
				bad |= sys_map_update(o->fd, NULL, want->e[i].v, 0) != 0;
		goto out;
	}
	/* Entries to drop, then entries to write. */
	for (i = 0; i < now.n; i++) {
		int keep = 0;

		for (j = 0; j < want->n; j++)
			if (!memcmp(now.e[i].k, want->e[j].k, o->key))
				keep = !want->e[j].err;
		if (!keep && !now.e[i].err)
			sys_map_delete(o->fd, now.e[i].k);
	}
	for (j = 0; j < want->n; j++) {
		int same = 0;

		for (i = 0; i < now.n; i++)
			if (ment_equal(o, vs, &now.e[i], &want->e[j]))
				same = 1;
		if (!same && !want->e[j].err)
			bad |= put(w, o, want->e[j].k, want->e[j].v, 0) != 0;
	}
out:
	for (i = 0; i < now.n; i++) {
		free(now.e[i].k);
		free(now.e[i].v);
	}
	free(now.e);
	return bad ? -1 : 0;
}

int snap_restore(struct world *w, const struct snap *s)
{
	int i, bad = 0;

	unmount_all_but(w, s->mounts, s->nmounts);
	remove_files_but(w, s->files, s->nfiles);
	for (i = 0; i < w->nobj; i++)
		if (w->obj[i].kind == OBJ_MAP && s->m[i].present)
			bad |= restore_map(w, &w->obj[i], &s->m[i]);
	return bad ? -1 : 0;
}

/* A fresh, unfrozen copy of a frozen map, with its contents. */
static void recreate(struct world *w, struct obj *o, const struct mstate *m)
{
	int i;

	if (create_map(w, o)) {
		if (verbose)
			fprintf(stderr, "chaos: cannot recreate %s\n", o->base);
		return;
	}
	for (i = 0; i < m->n; i++) {
		if (m->e[i].err)
			continue;
		if (is_keyless(o->type)) {
			int j = o->type == BPF_MAP_TYPE_QUEUE ? i : m->n - 1 - i;

			sys_map_update(o->fd, NULL, m->e[j].v, 0);
		} else {
			put(w, o, m->e[i].k, m->e[i].v, 0);
		}
	}
}

void world_reset(struct world *w, const struct snap *cur)
{
	int i;

	cur_world = w;
	unmount_all_but(w, NULL, 0);
	remove_files_but(w, initial_files, ninitial);
	for (i = 0; i < w->nobj; i++) {
		struct obj *o = &w->obj[i];

		if (o->kind == OBJ_MAP && !o->keep_frozen && cur->m[i].present && cur->m[i].frozen)
			recreate(w, o, &cur->m[i]);
	}
}

void world_teardown(struct world *w)
{
	int i;

	cur_world = w;
	unmount_all_but(w, NULL, 0);
	remove_files_but(w, NULL, 0);
	for (i = 0; i < w->nobj; i++)
		if (w->obj[i].fd >= 0)
			close(w->obj[i].fd);
	rmdir(w->bpffs);
	rmdir(w->scratch);
}

