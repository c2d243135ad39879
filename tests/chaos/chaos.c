/* chaos: random and mutated bpftool command lines against bpfbox, each
 * run against a private set of maps of every type, with checks that do
 * not need to know the right answer.
 *
 *   chaos -b BPFBOX -S SEED {-w WORK_DIR | -t BPFFS_DIR -s SCRATCH_DIR}
 *         [-c BPFTOOL] [-H HELPERS] [-n COUNT] [-o INDEX | -u INDEX]
 *         [-T SECONDS] [-v] [-P]
 *
 * BPFFS_DIR (on a bpffs) and SCRATCH_DIR (not) are created and emptied
 * again; with -w, chaos mounts a bpffs of its own under WORK_DIR and
 * uses that.  HELPERS (default: chaos's own directory) holds mkbtfmap
 * and progload.  Prints one line per failing command and ends with
 * "chaos: N passed, N failed".
 *
 * Per command (gen.c: bpftool's grammar, options anywhere, abbreviations,
 * every handle kind, then mutations: dropped, doubled, swapped and
 * truncated words, odd numbers, bad bytes and UTF-8, quotes, empty
 * words, odd paths inside and outside bpffs):
 *   - no crash (signal) and no hang (-T, default 10 s; the process group
 *     is killed);
 *   - when -j/-p (or --js, --pre, -jn...) is among the options, stdout
 *     is exactly one JSON value (json.c, strict RFC 8259);
 *   - a non-zero exit prints a message: stderr, or in JSON mode an
 *     {"error": ...} object on stdout;
 *   - a non-zero exit changes nothing (state.c: contents and frozen flag
 *     of every map of this run, files and pins under the private dirs,
 *     mounts under them); batch files excepted, where the lines before
 *     the failing one legitimately ran;
 *   - some read-only commands run with stdout on /dev/full: exit 0 is
 *     only right if the command prints nothing (checked by running it
 *     again on a pipe), a failure must say so on stderr;
 *   - with -c BPFTOOL: a command bpfbox accepts must be one bpftool
 *     accepts on the same state, unless listed in exceptions[] below (a
 *     known, intended difference, documented in docs/compat.md).
 *
 * Ordering with bpftool: bpfbox runs first.  bpftool's verdict is only
 * needed when bpfbox accepted.  If bpfbox changed nothing, bpftool runs
 * on the same state.  If it changed something, the snapshot taken before
 * is restored (map contents rewritten, new pins and files removed, new
 * mounts unmounted) and bpftool runs on that.  A freeze cannot be
 * undone: when the restore is incomplete, a bpftool failure is counted
 * as undecided, not as a failure.  A read-only command that bpftool
 * rejects is run once more with bpfbox, so that objects of other
 * processes appearing or vanishing in between do not count.  After each
 * command, files and mounts go back to the setup's and frozen maps
 * (but the one meant to be frozen) are replaced by fresh copies; map
 * contents carry over.  Other people's objects: see gen.c, which never
 * lets a command that may change something name them.
 *
 * Reproducing a failing command: the failure line gives the seed, the
 * index, the check and the exact argv (ids, names and paths are those of
 * that run, whose directories are gone).  -o INDEX sets up a fresh world
 * and runs command INDEX alone, verbose: its words are regenerated from
 * seed and index, with the new run's ids, names and paths; -u INDEX
 * replays commands 0..INDEX first, for failures that depend on what
 * earlier commands did.  -P prints the command lines (and batch files)
 * without running them.  From the top of the tree, as root:
 *
 *   make bpfbox test-helpers
 *   build/helpers/chaos -b ./bpfbox -c /usr/sbin/bpftool -w /tmp/chaos -S 2 -o 1234
 *
 * `make test` runs it for CHAOS_SEEDS (default "1 2 3") with CHAOS_N
 * commands each (default 4000): tests/kernel/chaos.sh.
 */
#include "chaos.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int verbose;

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p) {
		fprintf(stderr, "chaos: out of memory\n");
		exit(2);
	}
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* ---- running a command --------------------------------------------- */

struct run {
	int code;		/* exit status, -1 when killed by a signal */
	int sig;
	int timedout;
	char *out, *err;
	size_t nout, nerr;
};

static int out_fd, err_fd;
static long timeout_ms = 10000;
static const char *cwd_dir;

static int make_memfd(void)
{
#ifdef SYS_memfd_create
	int fd = (int)syscall(SYS_memfd_create, "chaos", 1u /* MFD_CLOEXEC */);

	if (fd >= 0)
		return fd;
#endif
	{
		char path[] = "/tmp/chaos.XXXXXX";
		int f = mkstemp(path);

		if (f >= 0) {
			unlink(path);
			fcntl(f, F_SETFD, FD_CLOEXEC);
		}
		return f;
	}
}

static char *slurp(int fd, size_t *n)
{
	off_t size = lseek(fd, 0, SEEK_END);
	char *buf;
	ssize_t r;
	size_t got = 0;

	if (size < 0)
		size = 0;
	if (size > 64 << 20)
		size = 64 << 20;
	buf = xmalloc((size_t)size + 1);
	lseek(fd, 0, SEEK_SET);
	while (got < (size_t)size && (r = read(fd, buf + got, (size_t)size - got)) > 0)
		got += (size_t)r;
	buf[got] = 0;
	*n = got;
	return buf;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static void run_cmd(const char *bin, const struct cmd *c, int devfull, struct run *r)
{
	char *argv[MAXW + 2];
	sigset_t chld;
	long deadline;
	int i, status = 0;
	pid_t pid;

	memset(r, 0, sizeof(*r));
	argv[0] = (char *)bin;
	for (i = 0; i < c->n; i++)
		argv[i + 1] = c->w[i];
	argv[c->n + 1] = NULL;
	if (ftruncate(out_fd, 0) || ftruncate(err_fd, 0))
		perror("chaos: ftruncate");
	lseek(out_fd, 0, SEEK_SET);
	lseek(err_fd, 0, SEEK_SET);
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);

	pid = fork();
	if (pid < 0) {
		perror("chaos: fork");
		exit(2);
	}
	if (pid == 0) {
		int in = open(c->stdin_path[0] ? c->stdin_path : "/dev/null", O_RDONLY);
		int out = devfull ? open("/dev/full", O_WRONLY) : out_fd;

		setpgid(0, 0);
		sigprocmask(SIG_UNBLOCK, &chld, NULL);
		if (in < 0 || out < 0 || chdir(cwd_dir))
			_exit(126);
		dup2(in, 0);
		dup2(out, 1);
		dup2(err_fd, 2);
		for (i = 3; i < 256; i++)
			close(i);
		execv(bin, argv);
		_exit(127);
	}
	setpgid(pid, pid);
	deadline = now_ms() + timeout_ms;
	for (;;) {
		pid_t w = waitpid(pid, &status, WNOHANG);
		long left = deadline - now_ms();
		struct timespec ts;

		if (w == pid)
			break;
		if (left <= 0) {
			kill(-pid, SIGKILL);
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			r->timedout = 1;
			break;
		}
		if (left > 50)
			left = 50;
		ts.tv_sec = 0;
		ts.tv_nsec = left * 1000000L;
		sigtimedwait(&chld, NULL, &ts);
	}
	kill(-pid, SIGKILL);	/* anything it left behind */
	if (WIFEXITED(status)) {
		r->code = WEXITSTATUS(status);
	} else {
		r->code = -1;
		r->sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
	}
	r->out = slurp(out_fd, &r->nout);
	r->err = slurp(err_fd, &r->nerr);
}

static void run_free(struct run *r)
{
	free(r->out);
	free(r->err);
	r->out = r->err = NULL;
}

/* ---- reporting ------------------------------------------------------ */

static int isalnum_ascii(unsigned char ch)
{
	return (ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z');
}

/* A word as sh reads it back: bare, '...' or "$(printf '...')" for bytes
 * outside printable ASCII. */
static void put_plain(FILE *f, const char *w, size_t len)
{
	const unsigned char *p, *end = (const unsigned char *)w + len;
	int plain = len != 0, printable = 1;

	for (p = (const unsigned char *)w; p < end; p++) {
		if (*p < 0x20 || *p >= 0x7f)
			printable = 0;
		if (!(isalnum_ascii(*p) || strchr("_./:=@%+,-", *p)))
			plain = 0;
	}
	if (plain) {
		fwrite(w, 1, len, f);
	} else if (printable) {
		fputc('\'', f);
		for (p = (const unsigned char *)w; p < end; p++)
			if (*p == '\'')
				fputs("'\\''", f);
			else
				fputc(*p, f);
		fputc('\'', f);
	} else {
		fputs("\"$(printf '", f);
		for (p = (const unsigned char *)w; p < end; p++) {
			if (*p == '%')
				fputs("%%", f);
			else if (*p == '\\' || *p == '\'' || *p < 0x20 || *p >= 0x7f)
				fprintf(f, "\\%03o", *p);
			else
				fputc(*p, f);
		}
		fputs("')\"", f);
	}
}

/* Long words are mostly one short unit repeated: print that part as a
 * loop, so the line stays short and still gives the exact bytes. */
static void put_word(FILE *f, const char *w)
{
	size_t len = strlen(w), unit, start, k, best_n = 0, best_u = 0, best_s = 0;

	if (len > 200)
		for (unit = 1; unit <= 4; unit++)
			for (start = 0; start + unit <= len && start < 512; start++) {
				for (k = 1; start + (k + 1) * unit <= len &&
					    !memcmp(w + start, w + start + k * unit, unit); k++)
					;
				if (k * unit > best_n * best_u && k >= 32) {
					best_n = k;
					best_u = unit;
					best_s = start;
				}
			}
	if (!best_n) {
		put_plain(f, w, len);
		return;
	}
	if (best_s)
		put_plain(f, w, best_s);
	fprintf(f, "\"$(i=0; while [ $i -lt %zu ]; do printf %%s ", best_n);
	put_plain(f, w + best_s, best_u);
	fputs("; i=$((i+1)); done)\"", f);
	if (best_s + best_n * best_u < len)
		put_plain(f, w + best_s + best_n * best_u, len - best_s - best_n * best_u);
}

static void put_cmd(FILE *f, const char *bin, const struct cmd *c)
{
	int i;

	fputs(bin, f);
	for (i = 0; i < c->n; i++) {
		fputc(' ', f);
		put_word(f, c->w[i]);
	}
	if (c->devfull)
		fputs(" >/dev/full", f);
	if (c->stdin_path[0]) {
		fputs(" <", f);
		put_word(f, c->stdin_path);
	}
}

/* A short, one-line, escaped excerpt. */
static const char *excerpt(const char *s, size_t n)
{
	static char buf[2][200];
	static int k;
	char *b = buf[k ^= 1];
	size_t i, o = 0;

	for (i = 0; i < n && o < sizeof(buf[0]) - 8; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch == '\n')
			o += (size_t)sprintf(b + o, "\\n");
		else if (ch < 0x20 || ch >= 0x7f)
			o += (size_t)sprintf(b + o, "\\x%02x", ch);
		else
			b[o++] = (char)ch;
	}
	if (i < n)
		o += (size_t)sprintf(b + o, "...");
	b[o] = 0;
	return b;
}

#define MAXCLASS 64
static struct { char name[96]; int count; char example[600]; } classes[MAXCLASS];
static int nclasses;

static unsigned long long seed;
static const char *bpfbox_bin, *bpftool_bin;
static int failed, passed, shown, show_max = 40;

static void note_class(const char *name, const struct cmd *c)
{
	int i;

	for (i = 0; i < nclasses; i++)
		if (!strcmp(classes[i].name, name))
			break;
	if (i == nclasses) {
		FILE *f;

		if (nclasses == MAXCLASS)
			return;
		nclasses++;
		snprintf(classes[i].name, sizeof(classes[i].name), "%s", name);
		f = fmemopen(classes[i].example, sizeof(classes[i].example) - 1, "w");
		if (f) {
			put_cmd(f, "bpfbox", c);
			fclose(f);
		}
	}
	classes[i].count++;
}

static void fail_cmd(unsigned index, const struct cmd *c, const char *class,
		     const struct run *r, const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void fail_cmd(unsigned index, const struct cmd *c, const char *class,
		     const struct run *r, const char *fmt, ...)
{
	va_list ap;

	note_class(class, c);
	failed++;
	if (shown++ >= show_max) {
		if (shown == show_max + 1)
			printf("chaos: seed %llu: more failures not shown (CHAOS_SHOW)\n", seed);
		return;
	}
	printf("FAIL: chaos seed=%llu index=%u: %s: ", seed, index, class);
	put_cmd(stdout, bpfbox_bin, c);
	printf("\n  ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	if (r)
		printf(" [exit %d%s; stdout \"%s\"; stderr \"%s\"]", r->code,
		       r->timedout ? ", timed out" : "", excerpt(r->out, r->nout),
		       excerpt(r->err, r->nerr));
	printf("\n");
	fflush(stdout);
}

static int nonblank(const char *s, size_t n);
static void show_batch(unsigned index, const struct world *w);

/* Failure classes, finer than the checks, for the summary. */
static const char *json_class(const struct run *r, const char *why)
{
	static char buf[96];

	if (!r->nout && strstr(r->err, "Usage:") && r->code == 0)
		return "JSON mode: plain help (-h before -j/-p)";
	if (!r->nout && strstr(r->err, "option"))
		return "JSON mode: option error as plain text (bad option before -j/-p)";
	if (!strncmp(r->out, "bpfbox v", 8))
		return "JSON mode: plain version (-V before -j/-p)";
	snprintf(buf, sizeof(buf), "JSON mode: stdout is not one JSON value (%s)", why);
	return buf;
}

/* bpftool's message, with numbers and quoted words blanked. */
static const char *tool_class(const struct run *r)
{
	static char buf[120];
	const char *m = strstr(r->out, "\"error\":");
	size_t o;

	if (m) {
		m += 8;
		m += strspn(m, " \"");
	} else {
		m = nonblank(r->err, r->nerr) ? r->err : r->out;
	}
	if (!strncmp(m, "Error: ", 7))
		m += 7;
	o = (size_t)snprintf(buf, sizeof(buf), "accepted what bpftool rejects: ");
	for (; *m && *m != '\n' && *m != '"' && o < sizeof(buf) - 4; m++) {
		if (*m >= '0' && *m <= '9') {
			if (buf[o - 1] != 'N')
				buf[o++] = 'N';
		} else if (*m == '\'') {
			const char *q = strchr(m + 1, '\'');

			if (q)
				m = q;
			buf[o++] = '\'';
			buf[o++] = '*';
			buf[o++] = '\'';
		} else {
			buf[o++] = *m;
		}
	}
	buf[o] = 0;
	return buf;
}

/* ---- known, intended differences from bpftool 7.1 ---------------------- */

static int has_word(const struct cmd *c, const char *w)
{
	int i;

	for (i = 0; i < c->n; i++)
		if (!strcmp(c->w[i], w))
			return 1;
	return 0;
}

static int err_has(const struct run *r, const char *s)
{
	return strstr(r->err, s) || strstr(r->out, s);
}

struct exception {
	const char *id, *reason;
	int (*match)(const struct cmd *c, const struct run *tool);
	int count;
};

/* bpftool: "can't parse no_prealloc as flags". */
static int named_flags(const struct cmd *c, const struct run *tool)
{
	return err_has(tool, "as flags");
}

/* bpftool 7.1: "unrecognized map type: arena". */
static int newer_map_type(const struct cmd *c, const struct run *tool)
{
	static const char *const types[] = { "cgrp_storage", "arena", "insn_array", "rhash" };
	char buf[64];
	size_t i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		snprintf(buf, sizeof(buf), "map type: %s", types[i]);
		if (has_word(c, types[i]) && err_has(tool, buf))
			return 1;
	}
	return 0;
}

/* Options upstream main accepts for program signing (-S/--sign, -i FILE,
 * -k FILE); bpftool 7.1 says "unrecognized option". */
static int upstream_option(const struct cmd *c, const struct run *tool)
{
	int i;

	if (!err_has(tool, "unrecognized option"))
		return 0;
	for (i = 0; i < c->n && strcmp(c->w[i], "--"); i++) {
		const char *w = c->w[i], *p;

		if (w[0] != '-' || !w[1])
			continue;
		if (w[1] == '-') {
			size_t len = strcspn(w + 2, "=");

			if (len && !strncmp(w + 2, "sign", len) && len <= 4)
				return 1;
			continue;
		}
		for (p = w + 1; *p && !strchr("B", *p); p++)
			if (strchr("Sik", *p))
				return 1;
	}
	return 0;
}

/* "map peek" of a bloom_filter: bpftool hands the kernel a value buffer
 * fresh from malloc, so whether "the value" is in the filter is chance.
 * Its keyless not-found answer ("key:" then an empty key) only follows a
 * lookup that bpfbox, testing a zeroed value, may legitimately find. */
static int bloom_peek(const struct cmd *c, const struct run *tool)
{
	return strstr(tool->out, "key:\n\n\nNot found\n") != NULL;
}

static struct exception exceptions[] = {
	{ "upstream-options", "-S/--sign, -i FILE, -k FILE: accepted by upstream main, "
	  "unknown to bpftool 7.1", upstream_option, 0 },
	{ "named-flags", "map create flags by name (no_prealloc,mmapable or 1|2): a bpfbox "
	  "extension, bpftool takes a number only", named_flags, 0 },
	{ "newer-map-types", "map create type cgrp_storage/arena/insn_array/rhash: upstream "
	  "names that bpftool 7.1 does not know", newer_map_type, 0 },
	{ "bloom-peek", "map peek of a bloom_filter: bpftool tests an uninitialized value, "
	  "bpfbox a zeroed one", bloom_peek, 0 },
	{ NULL, NULL, NULL, 0 },
};

static struct exception *excepted(const struct cmd *c, const struct run *tool)
{
	struct exception *e;

	for (e = exceptions; e->id; e++)
		if (e->match(c, tool))
			return e;
	return NULL;
}

/* ---- the loop --------------------------------------------------------- */

static int nonblank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t')
			return 1;
	return 0;
}

static struct {
	int compared, agreed, excepted, undecided, races, devfull;
} stats;

/* bpftool's answer to a lookup or peek of a missing key, and to pop on an
 * empty map in JSON mode, kept byte for byte for scripts: "Not found" on
 * stdout, or "null", with a failed status.  That is the message. */
static int not_found_answer(const struct cmd *c, const struct run *r)
{
	static const char plain[] = "\n\nNot found\n";

	if (c->batch)
		return 0;
	if (r->nout >= sizeof(plain) - 1 &&
	    !memcmp(r->out + r->nout - (sizeof(plain) - 1), plain, sizeof(plain) - 1))
		return 1;
	return r->nout == 5 && !memcmp(r->out, "null\n", 5);
}

static void show_run(const char *who, const struct run *r)
{
	printf("  %s: exit %d%s%s\n", who, r->code, r->timedout ? " (timed out)" : "",
	       r->sig ? " (signal)" : "");
	printf("  stdout: %s\n", excerpt(r->out, r->nout));
	printf("  stderr: %s\n", excerpt(r->err, r->nerr));
}

static struct snap *one(struct world *w, unsigned index, struct snap *before, int loud)
{
	struct cmd c;
	struct run r, r2;
	struct snap *after, *end;
	const char *diff;
	int json, bad = 0, tool_ran = 0;

	gen_command(w, seed, index, &c);
	if (c.batch) {	/* the batch file is new */
		snap_free(before);
		before = snap_take(w);
	}
	json = json_mode(c.w, c.n);
	if (loud) {
		printf("chaos: seed %llu index %u: ", seed, index);
		put_cmd(stdout, bpfbox_bin, &c);
		printf("\n");
		if (c.batch)
			show_batch(index, w);
	}
	run_cmd(bpfbox_bin, &c, c.devfull, &r);
	after = snap_take(w);
	diff = snap_diff(before, after);
	if (loud) {
		show_run("bpfbox", &r);
		if (*diff)
			printf("  changed: %s\n", diff);
	}

	if (r.timedout) {
		fail_cmd(index, &c, "hang", &r, "no exit within %ld ms", timeout_ms);
		bad = 1;
	} else if (r.sig) {
		fail_cmd(index, &c, "crash", &r, "killed by signal %d", r.sig);
		bad = 1;
	}
	if (!bad && json && !c.devfull) {
		const char *why;
		int has_error;

		if (json_check(r.out, r.nout, &why, &has_error)) {
			fail_cmd(index, &c, json_class(&r, why), &r, "stdout is not one JSON value: %s", why);
			bad = 1;
		}
	}
	if (!bad && r.code != 0) {
		const char *why;
		int has_error = 0;

		if (json && !c.devfull)
			json_check(r.out, r.nout, &why, &has_error);
		if (!nonblank(r.err, r.nerr) && !has_error && !not_found_answer(&c, &r)) {
			fail_cmd(index, &c, c.devfull ? "silent failure with stdout on /dev/full" :
					    json && r.nout ? "JSON mode: non-zero exit, no error object" :
					    r.nout ? "non-zero exit, message on stdout only" :
					    "silent failure: non-zero exit, no output at all",
				 &r, "non-zero exit without a message");
			bad = 1;
		}
	}
	if (!bad && r.code != 0 && !c.batch && *diff) {
		fail_cmd(index, &c, "rejected command changed state", &r, "changed: %s", diff);
		bad = 1;
	}
	if (!bad && c.devfull && r.code == 0 && !*diff) {
		struct run again;

		stats.devfull++;
		run_cmd(bpfbox_bin, &c, 0, &again);
		if (again.code == 0 && again.nout > 0) {
			fail_cmd(index, &c, "exit 0 with output lost to /dev/full", &again,
				 "%zu bytes of stdout not written, exit 0", again.nout);
			bad = 1;
		}
		run_free(&again);
	}

	if (!bad && r.code == 0 && bpftool_bin && !c.devfull) {
		int restored = 1;

		if (*diff) {
			struct snap *check;

			restored = snap_restore(w, before) == 0;
			check = snap_take(w);
			if (*snap_diff(before, check)) {
				restored = 0;
				if (getenv("CHAOS_DEBUG"))
					printf("not restored %u: %s\n", index, snap_diff(before, check));
			}
			snap_free(check);
		}
		run_cmd(bpftool_bin, &c, 0, &r2);
		tool_ran = 1;
		stats.compared++;
		if (loud)
			show_run("bpftool", &r2);
		if (r2.code == 0) {
			stats.agreed++;
		} else if (r2.timedout || r2.sig) {
			stats.undecided++;
			if (getenv("CHAOS_DEBUG")) {
				printf("undecided (bpftool timed out or crashed) %u: ", index);
				put_cmd(stdout, "bpfbox", &c);
				printf("\n");
			}
		} else {
			struct exception *e = excepted(&c, &r2);

			if (e) {
				e->count++;
				stats.excepted++;
			} else if (!restored && err_has(&r2, "freeze")) {
				stats.undecided++;
				if (getenv("CHAOS_DEBUG")) {
					printf("undecided (freeze not undone: %s) %u: ", diff, index);
					put_cmd(stdout, "bpfbox", &c);
					printf("\n  bpftool: %s\n", excerpt(r2.err, r2.nerr));
				}
			} else {
				struct run again;
				int race = 0;

				if (!*diff) {
					run_cmd(bpfbox_bin, &c, 0, &again);
					race = again.code != 0;
					run_free(&again);
				}
				if (race) {
					stats.races++;
				} else {
					fail_cmd(index, &c, tool_class(&r2), &r2,
						 "bpfbox exit 0; bpftool");
					bad = 1;
				}
			}
		}
		run_free(&r2);
	}
	if (!bad)
		passed++;	/* fail_cmd() counted the others */

	if (!tool_ran && !*diff) {
		snap_free(before);
		end = after;
	} else {
		struct snap *now = snap_take(w);

		world_reset(w, now);
		snap_free(now);
		snap_free(after);
		snap_free(before);
		end = snap_take(w);
	}
	run_free(&r);
	cmd_free(&c);
	return end;
}

/* The batch file of command index, as the lines of a shell here-doc. */
static void show_batch(unsigned index, const struct world *w)
{
	char *path = xasprintf("%s/batch/b%u", w->scratch, index), line[70000];
	FILE *f = fopen(path, "r");

	while (f && fgets(line, sizeof(line), f))
		printf("  | %s", excerpt(line, strlen(line)));
	if (f) {
		fclose(f);
		printf("\n");
	}
	free(path);
}

static void usage(void)
{
	fprintf(stderr, "usage: chaos -b BPFBOX -S SEED {-w WORK_DIR | -t BPFFS_DIR -s SCRATCH_DIR}\n"
			"             [-c BPFTOOL] [-H HELPERS] [-n COUNT] [-o INDEX | -u INDEX]\n"
			"             [-T SECONDS] [-v] [-P]\n");
	exit(2);
}

static char *own_mount;

static void unmount_own(void)
{
	if (own_mount) {
		umount2(own_mount, MNT_DETACH);
		rmdir(own_mount);
		*strrchr(own_mount, '/') = 0;
		rmdir(own_mount);	/* WORK_DIR, when empty */
	}
}

static void mkdir_p(const char *path)
{
	char *p = xstrdup(path), *q;

	for (q = p + 1; *q; q++)
		if (*q == '/') {
			*q = 0;
			mkdir(p, 0755);
			*q = '/';
		}
	mkdir(p, 0755);
	free(p);
}

static const char *absolute(const char *path)
{
	char *r = realpath(path, NULL);

	if (!r) {
		fprintf(stderr, "chaos: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	return r;
}

int main(int argc, char **argv)
{
	struct world w;
	struct snap *s;
	unsigned count = 4000, first = 0, i, loud_index = ~0u;
	int opt, print_only = 0, have_seed = 0;
	long t0;
	char *cwd;
	sigset_t chld;
	const char *show = getenv("CHAOS_SHOW");
	const char *work = NULL;

	memset(&w, 0, sizeof(w));
	while ((opt = getopt(argc, argv, "b:c:t:s:w:H:S:n:o:u:T:vP")) != -1) {
		switch (opt) {
		case 'b': bpfbox_bin = optarg; break;
		case 'c': bpftool_bin = *optarg ? optarg : NULL; break;
		case 't': w.bpffs = optarg; break;
		case 's': w.scratch = optarg; break;
		case 'H': w.helpers = optarg; break;
		case 'w': work = optarg; break;
		case 'S': seed = strtoull(optarg, NULL, 0); have_seed = 1; break;
		case 'n': count = (unsigned)strtoul(optarg, NULL, 0); break;
		case 'o': first = loud_index = (unsigned)strtoul(optarg, NULL, 0); count = 1; break;
		case 'u': loud_index = (unsigned)strtoul(optarg, NULL, 0); first = 0; count = loud_index + 1; break;
		case 'T': timeout_ms = (long)(strtod(optarg, NULL) * 1000); break;
		case 'v': verbose = 1; break;
		case 'P': print_only = 1; break;
		default: usage();
		}
	}
	if (!bpfbox_bin || !have_seed || (!work && (!w.bpffs || !w.scratch)))
		usage();
	if (show)
		show_max = !strcmp(show, "all") ? 1 << 30 : atoi(show);
	/* Children run in a directory of their own: absolute paths. */
	bpfbox_bin = absolute(bpfbox_bin);
	if (bpftool_bin)
		bpftool_bin = absolute(bpftool_bin);
	if (!w.helpers) {
		char *self = realpath("/proc/self/exe", NULL);

		if (!self)
			usage();
		*strrchr(self, '/') = 0;
		w.helpers = self;
	}
	if (work) {
		mkdir_p(work);
		work = absolute(work);
		own_mount = xasprintf("%s/bpffs", work);
		mkdir(own_mount, 0755);
		if (mount("bpf", own_mount, "bpf", 0, NULL)) {
			fprintf(stderr, "chaos: mount bpffs on %s: %s\n", own_mount, strerror(errno));
			return 2;
		}
		w.bpffs = xasprintf("%s/t", own_mount);
		w.scratch = xasprintf("%s/s", work);
	} else {
		char *t = xstrdup(w.bpffs), *sc = xstrdup(w.scratch);

		*strrchr(t, '/') = 0;
		*strrchr(sc, '/') = 0;
		mkdir_p(t);
		mkdir_p(sc);
		w.bpffs = xasprintf("%s/%s", absolute(t), strrchr(w.bpffs, '/') + 1);
		w.scratch = xasprintf("%s/%s", absolute(sc), strrchr(w.scratch, '/') + 1);
	}
	setenv("LC_ALL", "C", 1);
	/* The run tag: in every name this run gives, unique to the run. */
	{
		static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
		unsigned long long x = (unsigned long long)getpid() * 2654435761ULL ^
				       (unsigned long long)time(NULL) * 40503ULL ^ seed;
		int k;

		w.tag[0] = 'c';
		for (k = 1; k < 5; k++, x /= 36)
			w.tag[k] = digits[x % 36];
		w.tag[5] = 0;
	}
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	out_fd = make_memfd();
	err_fd = make_memfd();
	if (out_fd < 0 || err_fd < 0) {
		perror("chaos: memfd");
		return 2;
	}
	t0 = now_ms();
	if (world_setup(&w)) {
		fprintf(stderr, "chaos: setup failed\n");
		world_teardown(&w);
		unmount_own();
		return 2;
	}
	cwd = xasprintf("%s/cwd", w.scratch);
	cwd_dir = cwd;
	if (verbose || print_only || loud_index != ~0u) {
		int k;

		printf("chaos: seed %llu, tag %s, %d objects:", seed, w.tag, w.nobj);
		for (k = 0; k < w.nobj; k++)
			printf(" %s=%u", w.obj[k].base, w.obj[k].id);
		printf("\n");
	}
	if (print_only) {
		for (i = first; i < first + count; i++) {
			struct cmd c;

			gen_command(&w, seed, i, &c);
			printf("%u: ", i);
			put_cmd(stdout, "bpfbox", &c);
			printf("\n");
			if (c.batch)
				show_batch(i, &w);
			cmd_free(&c);
		}
		world_teardown(&w);
		unmount_own();
		return 0;
	}
	s = snap_take(&w);
	for (i = first; i < first + count; i++)
		s = one(&w, i, s, verbose || i == loud_index);
	snap_free(s);
	world_teardown(&w);
	unmount_own();

	for (i = 0; i < (unsigned)nclasses; i++)
		printf("chaos: seed %llu: %d x %s, e.g. %s\n", seed, classes[i].count,
		       classes[i].name, classes[i].example);
	for (i = 0; exceptions[i].id; i++)
		if (exceptions[i].count)
			printf("chaos: seed %llu: bpftool rejects, known difference %s: %d\n",
			       seed, exceptions[i].id, exceptions[i].count);
	printf("chaos: seed %llu: %u commands in %.1f s; bpftool compared %d, agreed %d, "
	       "excepted %d, undecided %d, races %d; /dev/full reruns %d\n",
	       seed, count, (now_ms() - t0) / 1000.0, stats.compared, stats.agreed,
	       stats.excepted, stats.undecided, stats.races, stats.devfull);
	printf("chaos: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
