/* Disassemblers for the machine code of BPF JITs (prog dump jited).
 *
 * Each decodes one instruction and writes its text exactly as LLVM's
 * disassembler writes it for bpftool (upstream src/jit_disasm.c, LLVM
 * built in): LLVMDisasmInstruction()'s buffer, that is a tab, the
 * mnemonic, and a tab and the operands when there are any.  Like bpftool
 * (which passes func_ksym + pc), `pc` is the instruction's address, so
 * branch and call targets print as absolute addresses.  x86-64 is AT&T
 * syntax; arm64 is decoded with every ISA extension on (bpftool asks
 * LLVM for "+all").  Immediates print as LLVM prints them by default.
 *
 * Bytes no table entry knows print as "\t.byte\t0x%02x" (x86-64, one
 * byte) or "\t.inst\t0x%08x" (arm64, four bytes) and decoding goes on;
 * bpftool stops at the first such instruction (docs/compat.md).
 *
 * Return: the number of bytes consumed, at least 1 and at most `avail`.
 * `text` always ends up NUL-terminated (size >= DISASM_TEXT_MAX is enough
 * for every instruction). */
#ifndef BPFBOX_OUTPUT_DISASM_H
#define BPFBOX_OUTPUT_DISASM_H

#include <stddef.h>
#include <stdint.h>

#define DISASM_TEXT_MAX 160

size_t disasm_x86_64(const uint8_t *code, size_t avail, uint64_t pc, char *text, size_t size);
size_t disasm_arm64(const uint8_t *code, size_t avail, uint64_t pc, char *text, size_t size);

#endif
