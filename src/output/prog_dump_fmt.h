/* prog_dump_fmt: "prog dump xlated" output as upstream bpftool prints it
 * (xlated_dumper.c, cfg.c, btf_dumper.c's type_only and linfo printers):
 * plain, JSON, and the DOT graph of "visual".
 *
 * The pieces a per-function dump shares (the function's prototype from
 * func_info, the source line from line_info) are exported for the jited
 * printer to reuse.  Pure formatting: the caller fetches the program's
 * info and resolves kernel symbols; nothing here does I/O but out.c. */
#ifndef BPFBOX_PROG_DUMP_FMT_H
#define BPFBOX_PROG_DUMP_FMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "btf/btf.h"
#include "output/json.h"
#include "uapi/bpf.h"

struct prog_dump {
	const struct bpf_insn *insns;
	uint32_t n;				/* instructions */
	const struct btf *btf;			/* the program's BTF, or NULL */
	/* Records as the kernel returned them: rec_size may exceed the
	 * fields bpfbox reads (line_info needs 16 bytes: checked by the
	 * caller); nr 0 when absent. */
	const uint8_t *func_info;
	uint32_t nr_func_info, func_info_rec_size;
	const uint8_t *line_info;
	uint32_t nr_line_info, line_info_rec_size;
	/* Naming calls as bpftool: __bpf_call_base + imm, or the jited
	 * address of a bpf-to-bpf callee, looked up with sym_name (NULL
	 * when no symbol sits at that address). */
	uint64_t call_base;
	const uint64_t *jited_ksyms;
	uint32_t nr_jited_ksyms;
	const char *(*sym_name)(void *ctx, uint64_t addr);
	void *sym_ctx;
	bool opcodes, linum;
	/* jited: the image and its functions' lengths (their addresses are
	 * jited_ksyms), the address of each line_info record in the image,
	 * and the machine's disassembler (output/disasm.h; NULL: raw
	 * bytes, eight a line). */
	const uint8_t *image;
	uint32_t image_len;
	const uint32_t *func_lens;
	uint32_t nr_func_lens;
	const uint8_t *jited_line_info;
	uint32_t nr_jited_line_info, jited_line_info_rec_size;
	size_t (*decode)(const uint8_t *code, size_t avail, uint64_t pc, char *text, size_t size);
};

/* The kernel address bpftool looks up for a call instruction. */
uint64_t prog_dump_call_addr(const struct prog_dump *d, const struct bpf_insn *insn);

void prog_dump_plain(const struct prog_dump *d);
void prog_dump_json(const struct prog_dump *d, struct json *j);
/* "visual": the control-flow graph in DOT; -ENOMEM, else 0. */
int prog_dump_dot(const struct prog_dump *d);

/* "prog dump jited": plain, or JSON into j when j is not NULL. */
void prog_dump_jited(const struct prog_dump *d, struct json *j);
/* -1 when line_info cannot be placed in the jited functions (bpftool
 * says "error in processing bpf_line_info" and prints no source). */
int prog_jited_linfo_check(const struct prog_dump *d);

/* bpftool's btf_dumper_type_only(): "int f(struct xdp_md * ctx)"; ""
 * when the type cannot be printed or does not fit in size. */
void prog_func_sig(const struct btf *btf, uint32_t type_id, char *buf, size_t size);
/* libbpf's bpf_prog_linfo__lfind(): the index of the last line_info
 * record from nr_skip on that starts at or before insn_off, or -1. */
long prog_linfo_find(const struct prog_dump *d, uint32_t insn_off, uint32_t nr_skip);
struct bpf_line_info prog_linfo_at(const struct prog_dump *d, uint32_t i);
/* "; source line" or, with linum, "; source line [file:F line_num:N
 * line_col:C]" (bpftool's btf_dump_linfo_plain), and its JSON fields. */
void prog_linfo_plain(const struct btf *btf, const struct bpf_line_info *l,
		      const char *prefix, bool linum);
void prog_linfo_json(struct json *j, const struct btf *btf, const struct bpf_line_info *l,
		     bool linum);

#endif
