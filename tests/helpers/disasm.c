/* disasm ARCH [VMA] < CODE: run bpfbox's JIT disassembler for ARCH
 * (x86_64 or aarch64) over raw machine code, the first byte at address
 * VMA (default 0), and print "ADDR:TEXT" per instruction, ADDR in hex
 * without leading zeros and TEXT as the disassembler wrote it.  The
 * form tests/disasm-check compares with llvm-objdump. */
#include "output/disasm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	size_t (*decode)(const uint8_t *, size_t, uint64_t, char *, size_t);
	static uint8_t code[1 << 24];
	char text[DISASM_TEXT_MAX];
	uint64_t vma = argc > 2 ? strtoull(argv[2], NULL, 0) : 0;
	size_t n, pc;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: disasm {x86_64|aarch64} [VMA] < CODE\n");
		return 2;
	}
	if (!strcmp(argv[1], "x86_64"))
		decode = disasm_x86_64;
	else if (!strcmp(argv[1], "aarch64"))
		decode = disasm_arm64;
	else {
		fprintf(stderr, "disasm: unknown arch %s\n", argv[1]);
		return 2;
	}
	n = fread(code, 1, sizeof(code), stdin);
	for (pc = 0; pc < n;) {
		size_t len = decode(code + pc, n - pc, vma + pc, text, sizeof(text));

		printf("%llx:%s\n", (unsigned long long)(vma + pc), text);
		pc += len;
	}
	return 0;
}
