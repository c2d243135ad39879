/* prog run and prog tracelog, as upstream bpftool's do_run() (prog.c)
 * and do_tracelog() (tracelog.c, prog.c's do_tracelog_any()) run them:
 *
 *   prog run PROG data_in FILE [data_out FILE [data_size_out L]]
 *            [ctx_in FILE [ctx_out FILE [ctx_size_out M]]] [repeat N]
 *       BPF_PROG_TEST_RUN; "-" is stdin/stdout (a hex dump, or a number
 *       array in JSON); then "Return value: R, duration: Dns".
 *   prog tracelog
 *       stream tracefs' trace_pipe until SIGINT/SIGHUP/SIGTERM.
 *   prog tracelog { stdout | stderr } PROG
 *       the program's BPF stream (BPF_PROG_STREAM_READ_BY_FD, 6.17+).
 *
 * Every word and every input file is read before the one syscall;
 * output files are opened only after the run succeeded. */
#include "cli/run.h"
#include "kernel/sys_proc.h"
#include "kernel/bpffs.h"
#include "kernel/sys_bpf.h"
#include "objects/handle.h"
#include "objects/prog.h"
#include "objects/stop_signals.h"
#include "output/out.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statfs.h>
#include <unistd.h>

/* ---- run ---------------------------------------------------------- */

#define RUN_OUT_DEFAULT (32 * 1024)	/* bpftool's SZ_32K */

struct run_buf {
	const char *in_file, *out_file;
	uint32_t size_out;	/* 0: the default, when there is input */
	uint8_t *in, *out;
	uint32_t size_in;
};

/* bpftool's get_run_data(): the whole file, or stdin for "-". */
static int read_input(struct run *r, struct run_buf *b)
{
	size_t len = 0, cap = 256;
	int fd = strcmp(b->in_file, "-") ? open(b->in_file, O_RDONLY | O_CLOEXEC) : 0;
	ssize_t n;

	if (fd < 0)
		return run_error(r, "failed to open %s: %s", b->in_file, errstr(errno));
	b->in = malloc(cap);
	for (;;) {
		if (b->in && len == cap) {
			uint8_t *bigger = cap < UINT32_MAX / 2 ? realloc(b->in, cap * 2) : NULL;

			if (!bigger) {
				if (fd)
					close(fd);
				return run_error(r, "data_in/ctx_in is too long (max: %u)", UINT32_MAX);
			}
			b->in = bigger;
			cap *= 2;
		}
		if (!b->in) {
			if (fd)
				close(fd);
			return run_error(r, "failed to allocate memory for data_in/ctx_in: %s",
					 errstr(ENOMEM));
		}
		n = read(fd, b->in + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	if (n < 0) {
		n = errno;
		if (fd)
			close(fd);
		return run_error(r, "failed to read data_in/ctx_in from %s: %s", b->in_file,
				 errstr((int)n));
	}
	if (fd)
		close(fd);
	b->size_in = (uint32_t)len;
	if (!b->size_out)
		b->size_out = RUN_OUT_DEFAULT;
	b->out = calloc(b->size_out, 1);
	if (!b->out)
		return run_error(r, "failed to allocate memory for output data/ctx: %s",
				 errstr(ENOMEM));
	return 0;
}

/* bpftool's hex_print(): "OFFSET\tHEX (pairs)| ASCII" lines of 16 bytes. */
static void hex_dump(const uint8_t *data, uint32_t size)
{
	uint32_t i, j;

	for (i = 0; i < size; i += 16) {
		out_fmt("%07x\t", i);
		for (j = i; j < i + 16; j++) {
			if (j < size)
				out_fmt("%02x", data[j]);
			else
				out_str("  ");
			if (j % 2)
				out_char(' ');
		}
		out_str("| ");
		for (j = i; j < i + 16 && j < size; j++) {
			out_char(data[j] < ' ' || data[j] > '~' ? '.' : (char)data[j]);
			if (j == i + 7)
				out_char(' ');
		}
		out_char('\n');
	}
}

/* bpftool's print_run_output(): to stdout ("-") or a file; 0 or -1. */
static int write_output(struct run *r, const struct run_buf *b, uint32_t size, const char *key)
{
	ssize_t n = 0;
	int fd;

	if (!b->out_file)
		return 0;
	if (!strcmp(b->out_file, "-")) {
		if (r->opt.json) {
			uint32_t i;

			json_name(&r->jw, key);
			json_start_array(&r->jw);
			for (i = 0; i < size; i++)
				json_uint(&r->jw, b->out[i]);
			json_end_array(&r->jw);
		} else {
			hex_dump(b->out, size);
		}
		return 0;
	}
	fd = open(b->out_file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0)
		return run_error(r, "failed to open %s: %s", b->out_file, errstr(errno));
	if (size)
		n = write(fd, b->out, size);
	if (n < 0 || close(fd) || (uint32_t)n != size)
		return run_error(r, "failed to write output data/ctx: %s",
				 errstr(n < 0 ? errno : EIO));
	return 0;
}

static int parse_size(struct run *r, struct args *a, uint32_t *v, const char *what)
{
	arg_next(a);
	if (run_need_args(r, a, 1))
		return -1;
	if (parse_u32(arg_peek(a), v))
		return run_error(r, "can't parse %s as %s", arg_peek(a), what);
	arg_next(a);
	return 0;
}

static int parse_file(struct run *r, struct args *a, const char **file, const char *other_in)
{
	arg_next(a);
	if (run_need_args(r, a, 1))
		return -1;
	*file = arg_next(a);
	if (other_in && !strcmp(*file, "-") && !strcmp(other_in, "-"))
		return run_error(r, "cannot use standard input for both data_in and ctx_in");
	return 0;
}

/* bpftool's detect_common_prefix(): a word that abbreviates two of the
 * keywords is an error. */
static int ambiguous(struct run *r, const char *word, const char *const kw[3])
{
	char msg[256];
	int i, n = 0;

	snprintf(msg, sizeof(msg), "ambiguous prefix: '%s' could be '", word);
	for (i = 0; i < 3; i++) {
		if (!is_prefix(word, kw[i]))
			continue;
		if (n++)
			strncat(msg, "' or '", sizeof(msg) - strlen(msg) - 1);
		strncat(msg, kw[i], sizeof(msg) - strlen(msg) - 1);
	}
	return n >= 2 ? run_error(r, "%s'", msg) : 0;
}

static int parse_run(struct run *r, struct args *a, struct run_buf *data, struct run_buf *ctx,
		     uint32_t *repeat)
{
	static const char *const data_kw[3] = { "data_in", "data_out", "data_size_out" };
	static const char *const ctx_kw[3] = { "ctx_in", "ctx_out", "ctx_size_out" };
	int err = 0;

	while (!err && arg_peek(a)) {
		if (ambiguous(r, arg_peek(a), data_kw) || ambiguous(r, arg_peek(a), ctx_kw))
			return -1;
		if (arg_is(a, "data_in"))
			err = parse_file(r, a, &data->in_file, ctx->in_file);
		else if (arg_is(a, "data_out"))
			err = parse_file(r, a, &data->out_file, NULL);
		else if (arg_is(a, "data_size_out"))
			err = parse_size(r, a, &data->size_out, "output data size");
		else if (arg_is(a, "ctx_in"))
			err = parse_file(r, a, &ctx->in_file, data->in_file);
		else if (arg_is(a, "ctx_out"))
			err = parse_file(r, a, &ctx->out_file, NULL);
		else if (arg_is(a, "ctx_size_out"))
			err = parse_size(r, a, &ctx->size_out, "output context size");
		else if (arg_is(a, "repeat"))
			err = parse_size(r, a, repeat, "repeat number");
		else
			return run_error(r, "expected no more arguments, 'data_in', 'data_out', 'data_size_out', 'ctx_in', 'ctx_out', 'ctx_size_out' or 'repeat', got: '%s'?",
					 arg_peek(a));
	}
	return err;
}

int do_prog_run(struct run *r, struct args *a)
{
	struct run_buf data = { 0 }, ctx = { 0 };
	struct bpf_attr_test_run t;
	uint32_t repeat = 1;
	int fd, err = -1;

	if (run_need_args(r, a, 4))
		return -1;
	fd = prog_handle(r, a);
	if (fd < 0)
		return -1;
	if (parse_run(r, a, &data, &ctx, &repeat) ||
	    (data.in_file && read_input(r, &data)) || (ctx.in_file && read_input(r, &ctx)))
		goto out;

	memset(&t, 0, sizeof(t));
	t.prog_fd = (uint32_t)fd;
	t.repeat = repeat;
	t.data_in = (uintptr_t)data.in;
	t.data_size_in = data.size_in;
	t.data_out = (uintptr_t)data.out;
	t.data_size_out = data.out ? data.size_out : 0;
	t.ctx_in = (uintptr_t)ctx.in;
	t.ctx_size_in = ctx.size_in;
	t.ctx_out = (uintptr_t)ctx.out;
	t.ctx_size_out = ctx.out ? ctx.size_out : 0;
	err = sys_prog_test_run(&t);
	if (err) {
		err = run_fail(r, err, "failed to run program");
		goto out;
	}
	if (r->opt.json)
		json_start_object(&r->jw);
	/* A failed output does not hide the return value (bpftool). */
	if (t.data_size_out && data.out)
		err |= write_output(r, &data, t.data_size_out < data.size_out ? t.data_size_out
									       : data.size_out, "data_out");
	if (t.ctx_size_out && ctx.out)
		err |= write_output(r, &ctx, t.ctx_size_out < ctx.size_out ? t.ctx_size_out
									   : ctx.size_out, "ctx_out");
	if (r->opt.json) {
		json_uint_field(&r->jw, "retval", t.retval);
		json_uint_field(&r->jw, "duration", t.duration);
		json_end_object(&r->jw);
	} else {
		out_fmt("Return value: %u, duration%s: %uns\n", t.retval,
			repeat > 1 ? " (average)" : "", t.duration);
	}
out:
	free(data.in);
	free(data.out);
	free(ctx.in);
	free(ctx.out);
	close(fd);
	return err ? -1 : 0;
}

/* ---- tracelog ------------------------------------------------------- */

#define TRACEFS_MAGIC 0x74726163
#define TRACEFS_DEFAULT "/sys/kernel/tracing"

static bool is_tracefs(const char *dir)
{
	struct statfs st;

	return !statfs(dir, &st) && (unsigned long)st.f_type == TRACEFS_MAGIC;
}

/* bpftool's get_tracefs_pipe(): the usual places, then /proc/mounts,
 * then mount one (unless -n). */
static int trace_pipe_path(struct run *r, char *path, size_t size)
{
	static const char *const known[] = { TRACEFS_DEFAULT, "/sys/kernel/debug/tracing" };
	char dir[PATH_MAX];
	const char *step = "mount";
	unsigned i;
	int err;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (is_tracefs(known[i]))
			return snprintf(path, size, "%s/trace_pipe", known[i]) < (int)size ? 0 : -1;
	if (sys_mount_first("tracefs", dir, sizeof(dir)) > 0)
		return snprintf(path, size, "%s/trace_pipe", dir) < (int)size ? 0 : -1;
	if (r->opt.nomount)
		return run_error(r, "could not find tracefs, and -n forbids mounting it");
	run_notice(r, "could not find tracefs, attempting to mount it now");
	err = fs_mount(TRACEFS_DEFAULT, "tracefs", "mount -t tracefs", &step);
	if (err)
		return run_error(r, "can't mount tracefs: %s %s failed: %s", step, TRACEFS_DEFAULT,
				 errstr(err));
	snprintf(path, size, "%s/trace_pipe", TRACEFS_DEFAULT);
	return 0;
}

/* Complete lines of a stream: plain bytes as they are, or one JSON
 * string per line (bpftool's getline() loop). */
struct lines {
	char buf[8192];
	size_t len;
};

static void lines_emit(struct run *r, struct lines *l, bool all)
{
	size_t start = 0, i;

	for (i = 0; i < l->len; i++)
		if (l->buf[i] == '\n' || (all && i == l->len - 1)) {
			if (r->opt.json)
				json_string_n(&r->jw, l->buf + start, i + 1 - start);
			else
				out_write(l->buf + start, i + 1 - start);
			start = i + 1;
		}
	/* A line longer than the buffer goes out in pieces. */
	if (!start && l->len == sizeof(l->buf)) {
		lines_emit(r, l, true);
		return;
	}
	memmove(l->buf, l->buf + start, l->len - start);
	l->len -= start;
	out_flush();
}

static int trace_pipe(struct run *r)
{
	char path[PATH_MAX];
	struct lines *l = NULL;
	struct pollfd pfd;
	sigset_t wait_mask;
	ssize_t n;
	int err = 0;

	if (r->opt.json)
		json_start_array(&r->jw);
	if (trace_pipe_path(r, path, sizeof(path)))
		return -1;
	pfd.fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (pfd.fd < 0)
		return run_error(r, "could not open trace pipe: %s", errstr(errno));
	pfd.events = POLLIN;
	l = calloc(1, sizeof(*l));
	if (!l) {
		close(pfd.fd);
		return run_error(r, "%s", errstr(ENOMEM));
	}
	catch_stop_signals(&wait_mask);
	while (!stop_signalled()) {
		n = read(pfd.fd, l->buf + l->len, sizeof(l->buf) - l->len);
		if (n > 0) {
			l->len += (size_t)n;
			lines_emit(r, l, false);
			continue;
		}
		if (n < 0 && errno != EAGAIN && errno != EINTR) {
			err = run_error(r, "failed to read content from trace pipe: %s", errstr(errno));
			break;
		}
		if (ppoll(&pfd, 1, NULL, &wait_mask) < 0 && errno != EINTR) {
			err = run_error(r, "failed to read content from trace pipe: %s", errstr(errno));
			break;
		}
	}
	if (!err && l->len)
		lines_emit(r, l, true);
	if (r->opt.json && !err)
		json_end_array(&r->jw);
	free(l);
	close(pfd.fd);
	return err;
}

/* The program's stream 1 (stdout) or 2 (stderr), read to its end. */
static int prog_stream(struct run *r, int fd, int id)
{
	struct bpf_attr_stream_read s;
	struct lines *l = calloc(1, sizeof(*l));
	int n;

	if (!l)
		return run_error(r, "%s", errstr(ENOMEM));
	if (id == 1 && r->opt.json)
		json_start_array(&r->jw);
	do {
		memset(&s, 0, sizeof(s));
		s.stream_buf = (uintptr_t)(l->buf + l->len);
		s.stream_buf_len = (uint32_t)(sizeof(l->buf) - l->len);
		s.stream_id = (uint32_t)id;
		s.prog_fd = (uint32_t)fd;
		n = sys_bpf(BPF_PROG_STREAM_READ_BY_FD, &s, sizeof(s));
		if (n > 0 && id == 2) {
			out_flush();
			fwrite(l->buf, 1, (size_t)n, stderr);
		} else if (n > 0) {
			l->len += (size_t)n;
			lines_emit(r, l, false);
		}
	} while (n > 0);
	if (l->len)
		lines_emit(r, l, true);
	free(l);
	if (id == 1 && r->opt.json)
		json_end_array(&r->jw);
	fflush(stderr);
	if (n == -EINVAL)
		return run_error(r, "can't read the program's BPF stream: %s (BPF streams need Linux 6.17 or later)",
				 errstr(n));
	if (n < 0)
		return run_error(r, "can't read the program's BPF stream: %s", errstr(n));
	if (id == 2)
		return run_done(r);
	return 0;
}

int do_prog_tracelog(struct run *r, struct args *a)
{
	int fd, id, err;

	if (!arg_peek(a))
		return trace_pipe(r);
	if (!arg_is(a, "stdout") && !arg_is(a, "stderr"))
		return run_usage(r);
	id = arg_is(a, "stdout") ? 1 : 2;
	arg_next(a);
	if (run_need_args(r, a, 2))
		return -1;
	fd = prog_handle(r, a);
	if (fd < 0)
		return -1;
	err = arg_peek(a) ? run_usage(r) : prog_stream(r, fd, id);
	close(fd);
	return err;
}
