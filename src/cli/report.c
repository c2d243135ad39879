/* report: the one place that prints errors and notices (bpftool's p_err
 * and p_info), so every message has the same shape in plain and JSON mode. */
#include "cli/bpfbox.h"
#include "output/out.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void verror(const char *fmt, va_list ap)
{
	char msg[1024];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (opt.json) {
		/* bpftool writes the message unescaped; we escape it so the
		 * object stays valid JSON (docs/compat.md). */
		json_start_object(&jw);
		json_string_field(&jw, "error", msg);
		json_end_object(&jw);
	} else {
		out_flush();	/* keep stdout and stderr in order */
		fprintf(stderr, "Error: %s\n", msg);
	}
}

int error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(fmt, ap);
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
	default:
		return NULL;
	}
}

int fail(int err, const char *fmt, ...)
{
	char msg[1024];
	const char *h = hint(err);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	error("%s: %s", msg, errstr(err));
	if (h && !opt.json)
		fprintf(stderr, "Hint: %s\n", h);
	return -1;
}

void notice(const char *fmt, ...)
{
	va_list ap;

	if (opt.json)
		return;
	out_flush();
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int json_done(void)
{
	if (opt.json)
		json_null(&jw);
	return 0;
}
