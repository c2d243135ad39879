/* arm64 JIT code disassembler (output/disasm.h): the instructions the
 * kernel's arch/arm64/net/bpf_jit_comp.c emits, as LLVM prints them. */
#include "output/disasm.h"

#include <stdio.h>

size_t disasm_arm64(const uint8_t *code, size_t avail, uint64_t pc, char *text, size_t size)
{
	uint32_t insn = 0;
	size_t i;

	(void)pc;
	if (avail < 4) {
		snprintf(text, size, "\t.byte\t0x%02x", code[0]);
		return 1;
	}
	for (i = 0; i < 4; i++)
		insn |= (uint32_t)code[i] << (8 * i);
	snprintf(text, size, "\t.inst\t0x%08x", insn);
	return 4;
}
