/* chaos: shared declarations of the chaos harness (see chaos.c). */
#ifndef CHAOS_H
#define CHAOS_H

#include <stddef.h>
#include <stdint.h>

#define MAXW 600		/* words in one command line */
#define MAXOBJ 64		/* objects the harness owns */
#define MAXFOREIGN 64

/* One command line, heap strings. */
struct cmd {
	int n;
	char *w[MAXW + 1];
	int devfull;		/* stdout to /dev/full */
	char stdin_path[4096];	/* "" = /dev/null */
	int batch;		/* a batch file: partial effects are legitimate */
};

enum { OBJ_MAP, OBJ_PROG };

/* An object of this run, pinned under the private bpffs directory. */
struct obj {
	int kind;
	char base[32];		/* pin basename and spec name */
	char path[4096];
	char name[16];		/* kernel name */
	int unique_name;	/* name carries the run tag: usable as a handle */
	uint32_t id;
	int fd;
	/* maps */
	uint32_t type, key, value, entries, flags;
	const char *layout;	/* made by mkbtfmap */
	int xpe;		/* event_pipe would block on it */
	int keep_frozen;	/* the designated frozen map */
	int inner;		/* array_of_maps/hash_of_maps */
	int inner_ok;		/* may be a value of the map-in-maps */
	/* progs */
	char tag[17];
	char full_name[64];	/* BTF func name when longer than 15 */
	uint32_t btf_id;
};

struct world {
	const char *bpffs;	/* private dir on bpffs (T) */
	const char *scratch;	/* private plain dir (S) */
	const char *helpers;
	char tag[8];		/* in every name this run gives */
	struct obj obj[MAXOBJ];
	int nobj;
	uint32_t foreign_maps[MAXFOREIGN], foreign_progs[MAXFOREIGN],
		 foreign_btf[MAXFOREIGN];
	int nfmaps, nfprogs, nfbtf;
	uint32_t own_btf[16];
	int nbtf;
	int ncpus;
};

/* gen.c */
void gen_command(struct world *w, uint64_t seed, unsigned index, struct cmd *c);
const char *cmd_unsafe(const struct world *w, char **words, int n);
int cmd_dangerous(char **words, int n);
void cmd_free(struct cmd *c);
int json_mode(char **words, int n);

/* state.c */
struct snap;
int world_setup(struct world *w);
void world_teardown(struct world *w);
struct snap *snap_take(struct world *w);
void snap_free(struct snap *s);
/* "" when equal, else a short description of the first differences. */
const char *snap_diff(const struct snap *a, const struct snap *b);
int snap_frozen_changed(const struct snap *before, const struct snap *after);
/* Bring files, mounts and map contents back to s; 0 when it worked. */
int snap_restore(struct world *w, const struct snap *s);
/* Files and mounts back to the setup's, frozen maps replaced by fresh
 * copies (same pin, name and contents). */
void world_reset(struct world *w, const struct snap *current);
int obj_is_own_id(const struct world *w, uint32_t id);

/* json.c */
/* 0 when text is exactly one JSON value (RFC 8259, UTF-8), else -1 with
 * *why set; *has_error tells whether some object has an "error" member. */
int json_check(const char *text, size_t len, const char **why, int *has_error);

/* util */
void *xmalloc(size_t n);
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
extern int verbose;

#endif
