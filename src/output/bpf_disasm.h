/* bpf_disasm: one eBPF instruction as text, spelled exactly as the
 * kernel's kernel/bpf/disasm.c (print_bpf_insn) spells it, which is what
 * bpftool and the verifier log print.  Table-driven: one row per
 * instruction shape (bpf_disasm.c).  Pure formatting, no I/O. */
#ifndef BPFBOX_BPF_DISASM_H
#define BPFBOX_BPF_DISASM_H

#include <stddef.h>
#include <stdint.h>

#include "uapi/bpf.h"

/* How a user of the disassembler names what the kernel's callbacks name
 * (struct bpf_insn_cbs's cb_call and cb_imm).  Either may be NULL, and
 * either may return NULL: then the kernel's default text is printed
 * ("%+d" for bpf-to-bpf calls, "kernel-function", "unknown", "0x%llx"). */
struct disasm_names {
	const char *(*call)(void *ctx, const struct bpf_insn *insn, char *buf, size_t size);
	const char *(*imm)(void *ctx, const struct bpf_insn *insn, uint64_t full_imm,
			   char *buf, size_t size);
	void *ctx;
};

/* Format insn into buf with the kernel's trailing newline; next is the
 * instruction after it (the upper half of ld_imm64), NULL when there is
 * none (read as zero).  Returns the length written (buf is always
 * terminated; a line longer than size - 1 is cut). */
size_t bpf_disasm(char *buf, size_t size, const struct bpf_insn *insn,
		  const struct bpf_insn *next, const struct disasm_names *names);

#endif
