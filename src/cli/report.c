/* report: the one place that prints errors and notices (bpftool's p_err
 * and p_info), so every message has the same shape in plain and JSON mode.
 *
 * In JSON mode stdout must stay exactly one JSON value whatever fails and
 * wherever: the error goes where the document can take it (the whole
 * document, an array element, the value after a name, or an "error"
 * field in an open object), and to stderr only when the document is
 * already complete. */
#include "cli/run.h"
#include "output/out.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void print_error(struct run *r, const char *msg, bool aside)
{
	struct json *j = &r->jw;

	r->reported = true;
	if (r->opt.json && !aside) {
		/* bpftool writes the message unescaped; it is escaped here so
		 * the document stays valid JSON (docs/compat.md). */
		switch (json_slot(j)) {
		case JSON_SLOT_TOP:
		case JSON_SLOT_VALUE:
			json_start_object(j);
			json_string_field(j, "error", msg);
			json_end_object(j);
			return;
		case JSON_SLOT_FIELD:
			json_string_field(j, "error", msg);
			return;
		case JSON_SLOT_FULL:
			break;
		}
	}
	out_flush();	/* keep stdout and stderr in order */
	fprintf(stderr, "Error: %s\n", msg);
}

static int verror(struct run *r, bool aside, const char *fmt, va_list ap)
{
	char msg[1024];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	print_error(r, msg, aside);
	return -1;
}

int run_error(struct run *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(r, false, fmt, ap);
	va_end(ap);
	return -1;
}

int run_error_aside(struct run *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(r, true, fmt, ap);
	va_end(ap);
	return -1;
}

static const char *hint(int err)
{
	switch (err < 0 ? -err : err) {
	case EPERM:
		if (!geteuid())
			return NULL;	/* root: EPERM means the object refused */
		return "bpf(2) needs root or CAP_BPF (CAP_SYS_ADMIN before 5.8); "
		       "kernels before 5.11 also need a high RLIMIT_MEMLOCK";
	case E2BIG:
		return "the kernel rejected an attribute it does not know: "
		       "it is older than this feature";
	case ENOSYS:
		return "this kernel has no bpf(2) (CONFIG_BPF_SYSCALL is off)";
	case 524:	/* the kernel's ENOTSUPP, not in the UAPI errno list */
		return "the kernel does not support this for this type of program or map";
	default:
		return NULL;
	}
}

int run_fail(struct run *r, int err, const char *fmt, ...)
{
	const char *h = hint(err);
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	run_error(r, "%s: %s", msg, errstr(err));
	if (h && !r->opt.json)
		fprintf(stderr, "Hint: %s\n", h);
	return -1;
}

void run_notice(struct run *r, const char *fmt, ...)
{
	va_list ap;

	if (r->opt.json)
		return;
	out_flush();
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int run_done(struct run *r)
{
	if (r->opt.json)
		json_null(&r->jw);
	return 0;
}
