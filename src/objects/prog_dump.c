/* prog dump: "prog dump xlated PROG [{ file FILE | [opcodes] [linum]
 * [visual] }]" and "prog dump jited PROG [{ file FILE | [opcodes]
 * [linum] }]" as upstream bpftool's do_dump()/prog_dump() runs them: the
 * program's info fetched twice (sizes, then arrays), its BTF for
 * func_info headers and line_info, kernel symbols for calls and jited
 * functions, then output/prog_dump_fmt.c prints.  Jited code is decoded
 * by bpfbox's own disassembler for the running kernel's machine
 * (output/disasm.h), where bpftool uses LLVM. */
#include "cli/run.h"
#include "btf/btf.h"
#include "kernel/kallsyms.h"
#include "kernel/sys_bpf.h"
#include "objects/handle.h"
#include "objects/prog.h"
#include "output/out.h"
#include "output/prog_dump_fmt.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "output/disasm.h"

enum dump_mode { DUMP_JITED, DUMP_XLATED };

struct dump_opts {
	enum dump_mode mode;
	const char *file;
	bool opcodes, visual, linum;
};

/* bpftool's prep_prog_info(): ask again for the instructions and every
 * array a dump reads, in one buffer (*data, to free). */
static int fetch_info(struct run *r, int fd, enum dump_mode mode, struct bpf_prog_info *info,
		      void **data)
{
	struct bpf_prog_info want;
	uint32_t len = sizeof(want);
	size_t insns, need;
	uint8_t *p;
	int err = sys_prog_info(fd, info);

	if (err)
		return run_error(r, "can't get prog info: %s", errstr(err));
	memset(&want, 0, sizeof(want));
	insns = mode == DUMP_JITED ? info->jited_prog_len : info->xlated_prog_len;
	want.jited_prog_len = mode == DUMP_JITED ? info->jited_prog_len : 0;
	want.xlated_prog_len = mode == DUMP_XLATED ? info->xlated_prog_len : 0;
	want.nr_jited_ksyms = info->nr_jited_ksyms;
	want.nr_jited_func_lens = info->nr_jited_func_lens;
	want.nr_func_info = info->nr_func_info;
	want.func_info_rec_size = info->func_info_rec_size;
	want.nr_line_info = info->nr_line_info;
	want.line_info_rec_size = info->line_info_rec_size;
	want.nr_jited_line_info = info->nr_jited_line_info;
	want.jited_line_info_rec_size = info->jited_line_info_rec_size;
	need = (size_t)want.nr_jited_ksyms * 8 + (size_t)want.nr_jited_func_lens * 4 +
	       (size_t)want.nr_func_info * want.func_info_rec_size +
	       (size_t)want.nr_line_info * want.line_info_rec_size +
	       (size_t)want.nr_jited_line_info * want.jited_line_info_rec_size + insns;
	/* The 64-bit ksyms first, on calloc's alignment; the instructions,
	 * whose length need not be a multiple of 4 when jited, last. */
	p = *data = calloc(1, need + 8);
	if (!p)
		return run_error(r, "can't grow prog info_data");
	want.jited_ksyms = (uintptr_t)p;
	p += (size_t)want.nr_jited_ksyms * 8;
	want.func_info = (uintptr_t)p;
	p += (size_t)want.nr_func_info * want.func_info_rec_size;
	want.line_info = (uintptr_t)p;
	p += (size_t)want.nr_line_info * want.line_info_rec_size;
	want.jited_line_info = (uintptr_t)p;
	p += (size_t)want.nr_jited_line_info * want.jited_line_info_rec_size;
	want.jited_func_lens = (uintptr_t)p;
	p += (size_t)want.nr_jited_func_lens * 4;
	if (mode == DUMP_JITED)
		want.jited_prog_insns = (uintptr_t)p;
	else
		want.xlated_prog_insns = (uintptr_t)p;
	err = sys_obj_info(fd, &want, &len);
	if (err)
		return run_error(r, "can't get prog info: %s", errstr(err));
	/* The kernel may have returned less than asked (arrays shrink
	 * when the caller lacks privileges): trust the smaller count. */
	if (want.xlated_prog_len > info->xlated_prog_len ||
	    want.jited_prog_len > info->jited_prog_len ||
	    want.nr_func_info > info->nr_func_info || want.nr_line_info > info->nr_line_info ||
	    want.nr_jited_ksyms > info->nr_jited_ksyms)
		return run_error(r, "can't get prog info: program changed while reading it");
	*info = want;
	return 0;
}

/* ---- kernel symbols for calls ---------------------------------------- */

struct syms {
	struct ksym *tab;
	size_t n;
};

static const char *sym_name(void *ctx, uint64_t addr)
{
	const struct syms *s = ctx;

	return kallsyms_lookup(s->tab, s->n, addr);
}

static bool is_call(const struct bpf_insn *insn)
{
	unsigned class = BPF_CLASS(insn->code);

	return BPF_OP(insn->code) == BPF_CALL && (class == BPF_JMP || class == BPF_JMP32);
}

/* Where the JIT calls kfuncs through a 64-bit address (s390x, ppc64,
 * loongarch64: bpf_jit_supports_far_kfunc_call()), the xlated imm of a
 * kfunc call is its BTF id, which kallsyms cannot name: name it from
 * vmlinux BTF (off 0; a module's kfunc, off > 0, keeps its number).
 * Elsewhere imm is an address and kallsyms names it, as in bpftool. */
#if defined(__s390x__) || defined(__powerpc64__) || defined(__loongarch64)
static void kfunc_names(struct run *r, const struct prog_dump *d, struct syms *s)
{
	const struct btf *vmlinux = NULL;
	const struct btf_type *t;
	uint32_t i;
	size_t k;
	int err;

	for (i = 0; i < d->n; i++) {
		const struct bpf_insn *insn = d->insns + i;

		if (!is_call(insn) || insn->src_reg != BPF_PSEUDO_KFUNC_CALL || insn->off)
			continue;
		if (!vmlinux && !(vmlinux = run_vmlinux_btf(r, &err)))
			return;
		t = btf_type_by_id(vmlinux, (uint32_t)insn->imm);
		for (k = 0; t && btf_kind(t) == BTF_KIND_FUNC && k < s->n; k++)
			if (s->tab[k].addr == prog_dump_call_addr(d, insn) && !s->tab[k].name[0])
				snprintf(s->tab[k].name, sizeof(s->tab[k].name), "%s",
					 btf_type_name(vmlinux, t));
	}
}
#else
static void kfunc_names(struct run *r, const struct prog_dump *d, struct syms *s)
{
}
#endif

/* bpftool's kernel_syms_load(): __bpf_call_base, then the names of the
 * addresses the program's calls go to.  When kallsyms hides addresses
 * (kptr_restrict), nothing is named, as in bpftool. */
static void load_syms(struct run *r, struct prog_dump *d, struct syms *s)
{
	uint32_t i;

	s->tab = NULL;
	s->n = 0;
	d->sym_name = sym_name;
	d->sym_ctx = s;
	if (kallsyms_addr("__bpf_call_base", &d->call_base) == -ENOENT)
		d->call_base = 0;
	else if (!d->call_base)
		return;
	for (i = 0; i < d->n; i++)
		if (is_call(d->insns + i))
			s->n++;
	if (!s->n || !(s->tab = calloc(s->n, sizeof(*s->tab)))) {
		s->n = 0;
		return;
	}
	s->n = 0;
	for (i = 0; i < d->n; i++)
		if (is_call(d->insns + i))
			s->tab[s->n++].addr = prog_dump_call_addr(d, d->insns + i);
	if (kallsyms_name(s->tab, s->n, 0))
		s->n = 0;
	kfunc_names(r, d, s);
}

static int write_file(struct run *r, const char *path, const void *buf, size_t len)
{
	ssize_t n;
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

	if (fd < 0)
		return run_error(r, "can't open file %s: %s", path, errstr(errno));
	n = write(fd, buf, len);
	if (n < 0)
		n = -errno;
	if (close(fd) && n >= 0)
		n = -errno;
	if (n != (ssize_t)len)
		return run_error(r, "error writing output file: %s",
				 n < 0 ? errstr((int)n) : "short write");
	if (r->opt.json)
		json_null(&r->jw);
	return 0;
}

/* The jited functions' names: bpftool looks each address up in the
 * whole of kallsyms (hidden addresses name nothing). */
static void load_func_syms(struct prog_dump *d, struct syms *s)
{
	uint64_t base;

	s->tab = NULL;
	s->n = 0;
	d->sym_name = sym_name;
	d->sym_ctx = s;
	if (!d->nr_jited_ksyms || (kallsyms_addr("__bpf_call_base", &base) == 0 && !base))
		return;
	s->tab = calloc(d->nr_jited_ksyms, sizeof(*s->tab));
	if (!s->tab)
		return;
	for (s->n = 0; s->n < d->nr_jited_ksyms; s->n++)
		s->tab[s->n].addr = d->jited_ksyms[s->n];
	if (kallsyms_name(s->tab, s->n, 0))
		s->n = 0;
}

/* The disassembler for the machine the kernel runs on (a 32-bit
 * bpfbox on a 64-bit kernel reads 64-bit JIT code); NULL for others. */
static size_t (*machine_decoder(char *machine, size_t size))(const uint8_t *, size_t, uint64_t,
							     char *, size_t)
{
	struct utsname u;

	snprintf(machine, size, "%s", uname(&u) ? "unknown" : u.machine);
	if (!strcmp(machine, "x86_64"))
		return disasm_x86_64;
	if (!strcmp(machine, "aarch64") || !strcmp(machine, "arm64"))
		return disasm_arm64;
	return NULL;
}

static int dump_jited(struct run *r, const struct bpf_prog_info *info, struct prog_dump *d,
		      const struct dump_opts *o)
{
	struct syms syms = { NULL, 0 };
	char machine[65];

	d->image = (const uint8_t *)(uintptr_t)info->jited_prog_insns;
	d->image_len = info->jited_prog_len;
	if (o->file)
		return write_file(r, o->file, d->image, d->image_len);
	if (info->ifindex)
		return run_error(r, "cannot disassemble the code of a program offloaded to a device (ifindex %u)",
				 info->ifindex);
	d->func_lens = (const uint32_t *)(uintptr_t)info->jited_func_lens;
	d->nr_func_lens = info->nr_jited_func_lens;
	d->jited_line_info = (const uint8_t *)(uintptr_t)info->jited_line_info;
	d->nr_jited_line_info = info->nr_jited_line_info;
	d->jited_line_info_rec_size = info->jited_line_info_rec_size;
	d->decode = machine_decoder(machine, sizeof(machine));
	if (!d->decode)
		run_notice(r, "Warning: bpfbox has no disassembler for %s: the JIT image is printed as raw bytes",
			   machine);
	if (d->nr_line_info && prog_jited_linfo_check(d))
		run_notice(r, "error in processing bpf_line_info.  continue without it.");
	load_func_syms(d, &syms);
	prog_dump_jited(d, r->opt.json ? &r->jw : NULL);
	free(syms.tab);
	return 0;
}

/* ---- one program ------------------------------------------------------ */

static int dump_one(struct run *r, const struct bpf_prog_info *info, const struct dump_opts *o)
{
	struct prog_dump d;
	struct btf *btf = NULL;
	struct syms syms = { NULL, 0 };
	int err;

	if (o->mode == DUMP_JITED && (!info->jited_prog_len || !info->jited_prog_insns))
		return run_error(r, "error retrieving jit dump: no instructions returned or kernel.kptr_restrict set?");
	if (o->mode == DUMP_XLATED && (!info->xlated_prog_len || !info->xlated_prog_insns))
		return run_error(r, "error retrieving insn dump: kernel.kptr_restrict set?");
	if (info->btf_id && btf_load_by_id(info->btf_id, NULL, &btf))
		return run_error(r, "failed to get btf");

	memset(&d, 0, sizeof(d));
	d.insns = (const struct bpf_insn *)(uintptr_t)info->xlated_prog_insns;
	d.n = info->xlated_prog_len / sizeof(struct bpf_insn);
	d.btf = btf;
	d.func_info = (const uint8_t *)(uintptr_t)info->func_info;
	d.nr_func_info = info->func_info_rec_size >= sizeof(struct bpf_func_info) ?
				 info->nr_func_info : 0;
	d.func_info_rec_size = info->func_info_rec_size;
	if (info->nr_line_info && info->line_info_rec_size >= sizeof(struct bpf_line_info)) {
		d.line_info = (const uint8_t *)(uintptr_t)info->line_info;
		d.nr_line_info = info->nr_line_info;
		d.line_info_rec_size = info->line_info_rec_size;
	} else if (info->nr_line_info) {
		run_notice(r, "error in processing bpf_line_info.  continue without it.");
	}
	d.jited_ksyms = (const uint64_t *)(uintptr_t)info->jited_ksyms;
	d.nr_jited_ksyms = info->nr_jited_ksyms;
	d.opcodes = o->opcodes;
	d.linum = o->linum;

	err = 0;
	if (o->mode == DUMP_JITED) {
		err = dump_jited(r, info, &d, o);
	} else if (o->file) {
		err = write_file(r, o->file, d.insns, info->xlated_prog_len);
	} else {
		load_syms(r, &d, &syms);
		if (r->opt.json)
			prog_dump_json(&d, &r->jw);
		else if (o->visual)
			err = prog_dump_dot(&d) ? run_error(r, "OOM when building the CFG") : 0;
		else
			prog_dump_plain(&d);
	}
	free(syms.tab);
	if (btf)
		btf_free(btf);
	return err;
}

/* ---- the command ------------------------------------------------------ */

static int parse_opts(struct run *r, struct args *a, int nb_fds, struct dump_opts *o)
{
	while (arg_peek(a)) {
		if (arg_is(a, "file")) {
			arg_next(a);
			if (!arg_peek(a))
				return run_error(r, "expected file path");
			if (nb_fds > 1)
				return run_error(r, "several programs matched");
			o->file = arg_next(a);
		} else if (arg_is(a, "opcodes")) {
			arg_next(a);
			o->opcodes = true;
		} else if (arg_is(a, "visual")) {
			if (nb_fds > 1)
				return run_error(r, "several programs matched");
			arg_next(a);
			o->visual = true;
		} else if (arg_is(a, "linum")) {
			arg_next(a);
			o->linum = true;
		} else {
			return run_usage(r);
		}
	}
	if (o->file && (o->opcodes || o->visual || o->linum))
		return run_error(r, "'file' is not compatible with 'opcodes', 'visual', or 'linum'");
	if (r->opt.json && o->visual)
		return run_error(r, "'visual' is not compatible with JSON output");
	return 0;
}

int do_prog_dump(struct run *r, struct args *a)
{
	struct dump_opts o = { DUMP_XLATED, NULL, false, false, false };
	struct bpf_prog_info info;
	struct fd_list l = { NULL, 0 };
	void *data = NULL;
	bool several;
	int i, n, err = -1;

	if (!arg_peek(a))
		return run_usage(r);
	if (arg_is(a, "jited"))
		o.mode = DUMP_JITED;
	else if (!arg_is(a, "xlated"))
		return run_error(r, "expected 'xlated' or 'jited', got: %s", arg_peek(a));
	arg_next(a);
	if (a->argc < 2)
		return run_usage(r);
	n = prog_handle_all(r, a, &l);
	if (n < 1)
		goto out;
	if (parse_opts(r, a, n, &o))
		goto out;
	several = n > 1;
	if (r->opt.json && several)
		json_start_array(&r->jw);
	for (i = 0; i < n; i++) {
		free(data);
		data = NULL;
		err = fetch_info(r, l.fds[i], o.mode, &info, &data);
		if (err)
			break;
		if (several && r->opt.json) {
			json_start_object(&r->jw);
			prog_header_json(r, l.fds[i], &info);
			json_name(&r->jw, "insns");
		} else if (several) {
			prog_header_plain(l.fds[i], &info);
		}
		err = dump_one(r, &info, &o);
		if (several && r->opt.json)
			json_end_object(&r->jw);
		else if (several && i != n - 1)
			out_char('\n');
		if (err)
			break;
	}
	if (r->opt.json && several)
		json_end_array(&r->jw);
out:
	free(data);
	fd_list_close(&l);
	return err ? -1 : 0;
}
