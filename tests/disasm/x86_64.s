# Corpus for bpfbox's x86-64 JIT disassembler (src/output/disasm_x86.c):
# at least one instance of every opcode table row, group member, shape,
# operand size and addressing form, plus the sequences the kernel's x86
# BPF JIT emits verbatim.  Assembled at test time by clang (AT&T
# syntax); `.byte` lines fix encodings an assembler would not choose.
# tests/unit or tests/kernel never need it: `make disasm-check` does.
	.text
# registers of every size, both REX bits (mov reg, reg is 89 /r)
	movq %rax, %r15
	movl %eax, %ebx
	movw %ax, %bp
	movb %al, %dil
	movq %rcx, %r14
	movl %ecx, %esp
	movw %cx, %si
	movb %cl, %r8b
	movq %rdx, %r13
	movl %edx, %ebp
	movw %dx, %di
	movb %dl, %r9b
	movq %rbx, %r12
	movl %ebx, %esi
	movw %bx, %r8w
	movb %bl, %r10b
	movq %rsp, %r11
	movl %esp, %edi
	movw %sp, %r9w
	movb %spl, %r11b
	movq %rbp, %r10
	movl %ebp, %r8d
	movw %bp, %r10w
	movb %bpl, %r12b
	movq %rsi, %r9
	movl %esi, %r9d
	movw %si, %r11w
	movb %sil, %r13b
	movq %rdi, %r8
	movl %edi, %r10d
	movw %di, %r12w
	movb %dil, %r14b
	movq %r8, %rdi
	movl %r8d, %r11d
	movw %r8w, %r13w
	movb %r8b, %r15b
	movq %r9, %rsi
	movl %r9d, %r12d
	movw %r9w, %r14w
	movb %r9b, %al
	movq %r10, %rbp
	movl %r10d, %r13d
	movw %r10w, %r15w
	movb %r10b, %cl
	movq %r11, %rsp
	movl %r11d, %r14d
	movw %r11w, %ax
	movb %r11b, %dl
	movq %r12, %rbx
	movl %r12d, %r15d
	movw %r12w, %cx
	movb %r12b, %bl
	movq %r13, %rdx
	movl %r13d, %eax
	movw %r13w, %dx
	movb %r13b, %spl
	movq %r14, %rcx
	movl %r14d, %ecx
	movw %r14w, %bx
	movb %r14b, %bpl
	movq %r15, %rax
	movl %r15d, %edx
	movw %r15w, %sp
	movb %r15b, %sil
# legacy high byte registers (no REX)
	movb %ah, %bh
	movb %ch, %dh
	movb %al, %ah
# memory forms: disp0/8/32, rbp/r13 base (disp8 0), rsp/r12 base (SIB), index, scale, no base
	movq (%rax), %rdi
	movq 8(%rax), %rdi
	movq -8(%rax), %rdi
	movq 127(%rax), %rdi
	movq -128(%rax), %rdi
	movq 128(%rax), %rdi
	movq -129(%rax), %rdi
	movq -512(%rax), %rdi
	movq 2147483647(%rax), %rdi
	movq -2147483648(%rax), %rdi
	movq (%rbx), %rdi
	movq 8(%rbx), %rdi
	movq -8(%rbx), %rdi
	movq 127(%rbx), %rdi
	movq -128(%rbx), %rdi
	movq 128(%rbx), %rdi
	movq -129(%rbx), %rdi
	movq -512(%rbx), %rdi
	movq 2147483647(%rbx), %rdi
	movq -2147483648(%rbx), %rdi
	movq (%rbp), %rdi
	movq 8(%rbp), %rdi
	movq -8(%rbp), %rdi
	movq 127(%rbp), %rdi
	movq -128(%rbp), %rdi
	movq 128(%rbp), %rdi
	movq -129(%rbp), %rdi
	movq -512(%rbp), %rdi
	movq 2147483647(%rbp), %rdi
	movq -2147483648(%rbp), %rdi
	movq (%rsp), %rdi
	movq 8(%rsp), %rdi
	movq -8(%rsp), %rdi
	movq 127(%rsp), %rdi
	movq -128(%rsp), %rdi
	movq 128(%rsp), %rdi
	movq -129(%rsp), %rdi
	movq -512(%rsp), %rdi
	movq 2147483647(%rsp), %rdi
	movq -2147483648(%rsp), %rdi
	movq (%r12), %rdi
	movq 8(%r12), %rdi
	movq -8(%r12), %rdi
	movq 127(%r12), %rdi
	movq -128(%r12), %rdi
	movq 128(%r12), %rdi
	movq -129(%r12), %rdi
	movq -512(%r12), %rdi
	movq 2147483647(%r12), %rdi
	movq -2147483648(%r12), %rdi
	movq (%r13), %rdi
	movq 8(%r13), %rdi
	movq -8(%r13), %rdi
	movq 127(%r13), %rdi
	movq -128(%r13), %rdi
	movq 128(%r13), %rdi
	movq -129(%r13), %rdi
	movq -512(%r13), %rdi
	movq 2147483647(%r13), %rdi
	movq -2147483648(%r13), %rdi
	movq (%rdi), %rdi
	movq 8(%rdi), %rdi
	movq -8(%rdi), %rdi
	movq 127(%rdi), %rdi
	movq -128(%rdi), %rdi
	movq 128(%rdi), %rdi
	movq -129(%rdi), %rdi
	movq -512(%rdi), %rdi
	movq 2147483647(%rdi), %rdi
	movq -2147483648(%rdi), %rdi
	movq (%r15), %rdi
	movq 8(%r15), %rdi
	movq -8(%r15), %rdi
	movq 127(%r15), %rdi
	movq -128(%r15), %rdi
	movq 128(%r15), %rdi
	movq -129(%r15), %rdi
	movq -512(%r15), %rdi
	movq 2147483647(%r15), %rdi
	movq -2147483648(%r15), %rdi
	.byte 0x48,0x8b,0x45,0x00  # mov 0(%rbp) as disp8 0
	.byte 0x48,0x8b,0x80,0x00,0x00,0x00,0x00  # disp32 0
	.byte 0x48,0x8b,0x44,0x20,0x00  # SIB no index disp8 0
	movq 16(%rsi,%rdx,1), %rcx
	movq (%rdi,%r12,1), %rax
	movl -4(%r13,%r9,1), %r11d
	movq 16(%rsi,%rdx,2), %rcx
	movq (%rdi,%r12,2), %rax
	movl -4(%r13,%r9,2), %r11d
	movq 16(%rsi,%rdx,4), %rcx
	movq (%rdi,%r12,4), %rax
	movl -4(%r13,%r9,4), %r11d
	movq 16(%rsi,%rdx,8), %rcx
	movq (%rdi,%r12,8), %rax
	movl -4(%r13,%r9,8), %r11d
	movq 0x10(,%rdx,8), %rax
	movq 0x1000, %rax
	movl %gs:0x1234, %eax
	addq %gs:0x1234, %rdi
	movq %gs:(%rax), %rax
	movq %gs:8(%rdi,%rsi,2), %r9
	movq %fs:40, %rcx
	movq 64(%rip), %rax
	.byte 0x65,0x4c,0x03,0x0c,0x25,0x00,0x10,0x00,0x00 # add %gs:0x1000, %r9
	.byte 0x65,0x48,0xc1,0x3c,0x25,0x40,0x00,0x00,0x00,0x05 # sarq $5, %gs:64 (call depth)
	.byte 0x65,0x8b,0x04,0x25,0x00,0x00,0x00,0x00 # gs:0
# ALU reg,reg / reg,mem / mem,reg in every width
	addq %rsi, %rdi
	addl %r8d, %eax
	addw %cx, %dx
	addb %sil, %r9b
	addq 8(%rbp), %r13
	addl %edx, -16(%rdi)
	addb -1(%rax), %cl
	.byte 0x48,0x03,0xc7 # add reg,reg other direction
	.byte 0x04,0x80 # add al, imm8
	.byte 0x05,0x01,0x00,0x00,0x80 # add eax, imm32
	.byte 0x48,0x05,0xff,0xff,0xff,0xff # add rax, imm32
	.byte 0x66,0x05,0x34,0x12 # add ax, imm16
	addq $1, %r11
	addl $1, %ebx
	addq $-1, %r11
	addl $-1, %ebx
	addq $127, %r11
	addl $127, %ebx
	addq $-128, %r11
	addl $-128, %ebx
	.byte 0x48,0x81,0xc1; .long 128 # addq $128, %rcx
	.byte 0x81,0xc1; .long 128 # addl $128, %ecx
	.byte 0x48,0x81,0xc1; .long -129 # addq $-129, %rcx
	.byte 0x81,0xc1; .long -129 # addl $-129, %ecx
	.byte 0x48,0x81,0xc1; .long 65535 # addq $65535, %rcx
	.byte 0x81,0xc1; .long 65535 # addl $65535, %ecx
	.byte 0x48,0x81,0xc1; .long 2147483647 # addq $2147483647, %rcx
	.byte 0x81,0xc1; .long 2147483647 # addl $2147483647, %ecx
	.byte 0x48,0x81,0xc1; .long -2147483648 # addq $-2147483648, %rcx
	.byte 0x81,0xc1; .long -2147483648 # addl $-2147483648, %ecx
	.byte 0x41,0x81,0xc1,0xff,0xff,0xff,0xff # addl $0xffffffff, %r9d
	.byte 0x48,0x83,0x04,0x00,0x05 # addq $5, (%rax)
	addb $-1, %dil
	addb $200, 3(%rsi)
	addw $1000, (%rcx)
	addl $100000, -8(%rbp)
	addq $-100000, 16(%rsp)
	orq %rsi, %rdi
	orl %r8d, %eax
	orw %cx, %dx
	orb %sil, %r9b
	orq 8(%rbp), %r13
	orl %edx, -16(%rdi)
	orb -1(%rax), %cl
	.byte 0x48,0x0b,0xc7 # or reg,reg other direction
	.byte 0x0c,0x80 # or al, imm8
	.byte 0x0d,0x01,0x00,0x00,0x80 # or eax, imm32
	.byte 0x48,0x0d,0xff,0xff,0xff,0xff # or rax, imm32
	.byte 0x66,0x0d,0x34,0x12 # or ax, imm16
	orq $1, %r11
	orl $1, %ebx
	orq $-1, %r11
	orl $-1, %ebx
	orq $127, %r11
	orl $127, %ebx
	orq $-128, %r11
	orl $-128, %ebx
	.byte 0x48,0x81,0xc9; .long 128 # orq $128, %rcx
	.byte 0x81,0xc9; .long 128 # orl $128, %ecx
	.byte 0x48,0x81,0xc9; .long -129 # orq $-129, %rcx
	.byte 0x81,0xc9; .long -129 # orl $-129, %ecx
	.byte 0x48,0x81,0xc9; .long 65535 # orq $65535, %rcx
	.byte 0x81,0xc9; .long 65535 # orl $65535, %ecx
	.byte 0x48,0x81,0xc9; .long 2147483647 # orq $2147483647, %rcx
	.byte 0x81,0xc9; .long 2147483647 # orl $2147483647, %ecx
	.byte 0x48,0x81,0xc9; .long -2147483648 # orq $-2147483648, %rcx
	.byte 0x81,0xc9; .long -2147483648 # orl $-2147483648, %ecx
	.byte 0x41,0x81,0xc9,0xff,0xff,0xff,0xff # orl $0xffffffff, %r9d
	.byte 0x48,0x83,0x0c,0x00,0x05 # orq $5, (%rax)
	orb $-1, %dil
	orb $200, 3(%rsi)
	orw $1000, (%rcx)
	orl $100000, -8(%rbp)
	orq $-100000, 16(%rsp)
	adcq %rsi, %rdi
	adcl %r8d, %eax
	adcw %cx, %dx
	adcb %sil, %r9b
	adcq 8(%rbp), %r13
	adcl %edx, -16(%rdi)
	adcb -1(%rax), %cl
	.byte 0x48,0x13,0xc7 # adc reg,reg other direction
	.byte 0x14,0x80 # adc al, imm8
	.byte 0x15,0x01,0x00,0x00,0x80 # adc eax, imm32
	.byte 0x48,0x15,0xff,0xff,0xff,0xff # adc rax, imm32
	.byte 0x66,0x15,0x34,0x12 # adc ax, imm16
	adcq $1, %r11
	adcl $1, %ebx
	adcq $-1, %r11
	adcl $-1, %ebx
	adcq $127, %r11
	adcl $127, %ebx
	adcq $-128, %r11
	adcl $-128, %ebx
	.byte 0x48,0x81,0xd1; .long 128 # adcq $128, %rcx
	.byte 0x81,0xd1; .long 128 # adcl $128, %ecx
	.byte 0x48,0x81,0xd1; .long -129 # adcq $-129, %rcx
	.byte 0x81,0xd1; .long -129 # adcl $-129, %ecx
	.byte 0x48,0x81,0xd1; .long 65535 # adcq $65535, %rcx
	.byte 0x81,0xd1; .long 65535 # adcl $65535, %ecx
	.byte 0x48,0x81,0xd1; .long 2147483647 # adcq $2147483647, %rcx
	.byte 0x81,0xd1; .long 2147483647 # adcl $2147483647, %ecx
	.byte 0x48,0x81,0xd1; .long -2147483648 # adcq $-2147483648, %rcx
	.byte 0x81,0xd1; .long -2147483648 # adcl $-2147483648, %ecx
	.byte 0x41,0x81,0xd1,0xff,0xff,0xff,0xff # adcl $0xffffffff, %r9d
	.byte 0x48,0x83,0x14,0x00,0x05 # adcq $5, (%rax)
	adcb $-1, %dil
	adcb $200, 3(%rsi)
	adcw $1000, (%rcx)
	adcl $100000, -8(%rbp)
	adcq $-100000, 16(%rsp)
	sbbq %rsi, %rdi
	sbbl %r8d, %eax
	sbbw %cx, %dx
	sbbb %sil, %r9b
	sbbq 8(%rbp), %r13
	sbbl %edx, -16(%rdi)
	sbbb -1(%rax), %cl
	.byte 0x48,0x1b,0xc7 # sbb reg,reg other direction
	.byte 0x1c,0x80 # sbb al, imm8
	.byte 0x1d,0x01,0x00,0x00,0x80 # sbb eax, imm32
	.byte 0x48,0x1d,0xff,0xff,0xff,0xff # sbb rax, imm32
	.byte 0x66,0x1d,0x34,0x12 # sbb ax, imm16
	sbbq $1, %r11
	sbbl $1, %ebx
	sbbq $-1, %r11
	sbbl $-1, %ebx
	sbbq $127, %r11
	sbbl $127, %ebx
	sbbq $-128, %r11
	sbbl $-128, %ebx
	.byte 0x48,0x81,0xd9; .long 128 # sbbq $128, %rcx
	.byte 0x81,0xd9; .long 128 # sbbl $128, %ecx
	.byte 0x48,0x81,0xd9; .long -129 # sbbq $-129, %rcx
	.byte 0x81,0xd9; .long -129 # sbbl $-129, %ecx
	.byte 0x48,0x81,0xd9; .long 65535 # sbbq $65535, %rcx
	.byte 0x81,0xd9; .long 65535 # sbbl $65535, %ecx
	.byte 0x48,0x81,0xd9; .long 2147483647 # sbbq $2147483647, %rcx
	.byte 0x81,0xd9; .long 2147483647 # sbbl $2147483647, %ecx
	.byte 0x48,0x81,0xd9; .long -2147483648 # sbbq $-2147483648, %rcx
	.byte 0x81,0xd9; .long -2147483648 # sbbl $-2147483648, %ecx
	.byte 0x41,0x81,0xd9,0xff,0xff,0xff,0xff # sbbl $0xffffffff, %r9d
	.byte 0x48,0x83,0x1c,0x00,0x05 # sbbq $5, (%rax)
	sbbb $-1, %dil
	sbbb $200, 3(%rsi)
	sbbw $1000, (%rcx)
	sbbl $100000, -8(%rbp)
	sbbq $-100000, 16(%rsp)
	andq %rsi, %rdi
	andl %r8d, %eax
	andw %cx, %dx
	andb %sil, %r9b
	andq 8(%rbp), %r13
	andl %edx, -16(%rdi)
	andb -1(%rax), %cl
	.byte 0x48,0x23,0xc7 # and reg,reg other direction
	.byte 0x24,0x80 # and al, imm8
	.byte 0x25,0x01,0x00,0x00,0x80 # and eax, imm32
	.byte 0x48,0x25,0xff,0xff,0xff,0xff # and rax, imm32
	.byte 0x66,0x25,0x34,0x12 # and ax, imm16
	andq $1, %r11
	andl $1, %ebx
	andq $-1, %r11
	andl $-1, %ebx
	andq $127, %r11
	andl $127, %ebx
	andq $-128, %r11
	andl $-128, %ebx
	.byte 0x48,0x81,0xe1; .long 128 # andq $128, %rcx
	.byte 0x81,0xe1; .long 128 # andl $128, %ecx
	.byte 0x48,0x81,0xe1; .long -129 # andq $-129, %rcx
	.byte 0x81,0xe1; .long -129 # andl $-129, %ecx
	.byte 0x48,0x81,0xe1; .long 65535 # andq $65535, %rcx
	.byte 0x81,0xe1; .long 65535 # andl $65535, %ecx
	.byte 0x48,0x81,0xe1; .long 2147483647 # andq $2147483647, %rcx
	.byte 0x81,0xe1; .long 2147483647 # andl $2147483647, %ecx
	.byte 0x48,0x81,0xe1; .long -2147483648 # andq $-2147483648, %rcx
	.byte 0x81,0xe1; .long -2147483648 # andl $-2147483648, %ecx
	.byte 0x41,0x81,0xe1,0xff,0xff,0xff,0xff # andl $0xffffffff, %r9d
	.byte 0x48,0x83,0x24,0x00,0x05 # andq $5, (%rax)
	andb $-1, %dil
	andb $200, 3(%rsi)
	andw $1000, (%rcx)
	andl $100000, -8(%rbp)
	andq $-100000, 16(%rsp)
	subq %rsi, %rdi
	subl %r8d, %eax
	subw %cx, %dx
	subb %sil, %r9b
	subq 8(%rbp), %r13
	subl %edx, -16(%rdi)
	subb -1(%rax), %cl
	.byte 0x48,0x2b,0xc7 # sub reg,reg other direction
	.byte 0x2c,0x80 # sub al, imm8
	.byte 0x2d,0x01,0x00,0x00,0x80 # sub eax, imm32
	.byte 0x48,0x2d,0xff,0xff,0xff,0xff # sub rax, imm32
	.byte 0x66,0x2d,0x34,0x12 # sub ax, imm16
	subq $1, %r11
	subl $1, %ebx
	subq $-1, %r11
	subl $-1, %ebx
	subq $127, %r11
	subl $127, %ebx
	subq $-128, %r11
	subl $-128, %ebx
	.byte 0x48,0x81,0xe9; .long 128 # subq $128, %rcx
	.byte 0x81,0xe9; .long 128 # subl $128, %ecx
	.byte 0x48,0x81,0xe9; .long -129 # subq $-129, %rcx
	.byte 0x81,0xe9; .long -129 # subl $-129, %ecx
	.byte 0x48,0x81,0xe9; .long 65535 # subq $65535, %rcx
	.byte 0x81,0xe9; .long 65535 # subl $65535, %ecx
	.byte 0x48,0x81,0xe9; .long 2147483647 # subq $2147483647, %rcx
	.byte 0x81,0xe9; .long 2147483647 # subl $2147483647, %ecx
	.byte 0x48,0x81,0xe9; .long -2147483648 # subq $-2147483648, %rcx
	.byte 0x81,0xe9; .long -2147483648 # subl $-2147483648, %ecx
	.byte 0x41,0x81,0xe9,0xff,0xff,0xff,0xff # subl $0xffffffff, %r9d
	.byte 0x48,0x83,0x2c,0x00,0x05 # subq $5, (%rax)
	subb $-1, %dil
	subb $200, 3(%rsi)
	subw $1000, (%rcx)
	subl $100000, -8(%rbp)
	subq $-100000, 16(%rsp)
	xorq %rsi, %rdi
	xorl %r8d, %eax
	xorw %cx, %dx
	xorb %sil, %r9b
	xorq 8(%rbp), %r13
	xorl %edx, -16(%rdi)
	xorb -1(%rax), %cl
	.byte 0x48,0x33,0xc7 # xor reg,reg other direction
	.byte 0x34,0x80 # xor al, imm8
	.byte 0x35,0x01,0x00,0x00,0x80 # xor eax, imm32
	.byte 0x48,0x35,0xff,0xff,0xff,0xff # xor rax, imm32
	.byte 0x66,0x35,0x34,0x12 # xor ax, imm16
	xorq $1, %r11
	xorl $1, %ebx
	xorq $-1, %r11
	xorl $-1, %ebx
	xorq $127, %r11
	xorl $127, %ebx
	xorq $-128, %r11
	xorl $-128, %ebx
	.byte 0x48,0x81,0xf1; .long 128 # xorq $128, %rcx
	.byte 0x81,0xf1; .long 128 # xorl $128, %ecx
	.byte 0x48,0x81,0xf1; .long -129 # xorq $-129, %rcx
	.byte 0x81,0xf1; .long -129 # xorl $-129, %ecx
	.byte 0x48,0x81,0xf1; .long 65535 # xorq $65535, %rcx
	.byte 0x81,0xf1; .long 65535 # xorl $65535, %ecx
	.byte 0x48,0x81,0xf1; .long 2147483647 # xorq $2147483647, %rcx
	.byte 0x81,0xf1; .long 2147483647 # xorl $2147483647, %ecx
	.byte 0x48,0x81,0xf1; .long -2147483648 # xorq $-2147483648, %rcx
	.byte 0x81,0xf1; .long -2147483648 # xorl $-2147483648, %ecx
	.byte 0x41,0x81,0xf1,0xff,0xff,0xff,0xff # xorl $0xffffffff, %r9d
	.byte 0x48,0x83,0x34,0x00,0x05 # xorq $5, (%rax)
	xorb $-1, %dil
	xorb $200, 3(%rsi)
	xorw $1000, (%rcx)
	xorl $100000, -8(%rbp)
	xorq $-100000, 16(%rsp)
	cmpq %rsi, %rdi
	cmpl %r8d, %eax
	cmpw %cx, %dx
	cmpb %sil, %r9b
	cmpq 8(%rbp), %r13
	cmpl %edx, -16(%rdi)
	cmpb -1(%rax), %cl
	.byte 0x48,0x3b,0xc7 # cmp reg,reg other direction
	.byte 0x3c,0x80 # cmp al, imm8
	.byte 0x3d,0x01,0x00,0x00,0x80 # cmp eax, imm32
	.byte 0x48,0x3d,0xff,0xff,0xff,0xff # cmp rax, imm32
	.byte 0x66,0x3d,0x34,0x12 # cmp ax, imm16
	cmpq $1, %r11
	cmpl $1, %ebx
	cmpq $-1, %r11
	cmpl $-1, %ebx
	cmpq $127, %r11
	cmpl $127, %ebx
	cmpq $-128, %r11
	cmpl $-128, %ebx
	.byte 0x48,0x81,0xf9; .long 128 # cmpq $128, %rcx
	.byte 0x81,0xf9; .long 128 # cmpl $128, %ecx
	.byte 0x48,0x81,0xf9; .long -129 # cmpq $-129, %rcx
	.byte 0x81,0xf9; .long -129 # cmpl $-129, %ecx
	.byte 0x48,0x81,0xf9; .long 65535 # cmpq $65535, %rcx
	.byte 0x81,0xf9; .long 65535 # cmpl $65535, %ecx
	.byte 0x48,0x81,0xf9; .long 2147483647 # cmpq $2147483647, %rcx
	.byte 0x81,0xf9; .long 2147483647 # cmpl $2147483647, %ecx
	.byte 0x48,0x81,0xf9; .long -2147483648 # cmpq $-2147483648, %rcx
	.byte 0x81,0xf9; .long -2147483648 # cmpl $-2147483648, %ecx
	.byte 0x41,0x81,0xf9,0xff,0xff,0xff,0xff # cmpl $0xffffffff, %r9d
	.byte 0x48,0x83,0x3c,0x00,0x05 # cmpq $5, (%rax)
	cmpb $-1, %dil
	cmpb $200, 3(%rsi)
	cmpw $1000, (%rcx)
	cmpl $100000, -8(%rbp)
	cmpq $-100000, 16(%rsp)
# test
	testq %rcx, %rcx
	testl %eax, %r9d
	testb %al, %dil
	testw %dx, %ax
	testq %rax, 8(%rdi)
	.byte 0xa9,0xff,0xff,0xff,0xff # test eax imm32
	.byte 0x48,0xa9,0x00,0x00,0x00,0x80
	.byte 0xa8,0x80 # test al imm8
	.byte 0x66,0xa9,0x01,0x80
	.byte 0xf7,0xc7,0x00,0x10,0x00,0x00 # testl $4096, %edi
	.byte 0x48,0xf7,0xc6,0xff,0xff,0xff,0xff
	.byte 0x49,0xf7,0x45,0x08,0x01,0x00,0x00,0x00 # testq $1, 8(%r13)
	.byte 0xf6,0xc3,0x81 # testb
	.byte 0x66,0xf7,0xc1,0xff,0x7f
# mov immediates: b8+r, c7, movabs, byte and word forms
	.byte 0x90,0xb8,0xff,0xff,0xff,0xff # mov $-1 32
	.byte 0x90,0xb8,0x01,0x00,0x00,0x00
	movabsq $0x123456789abcdef0, %rax
	movabsq $-2, %rax
	.byte 0x48,0xc7,0xc0,0xff,0xff,0xff,0xff # movq $-1
	.byte 0x48,0xc7,0xc0,0x00,0x00,0x00,0x80
	.byte 0x90,0xbb,0xff,0xff,0xff,0xff # mov $-1 32
	.byte 0x90,0xbb,0x01,0x00,0x00,0x00
	movabsq $0x123456789abcdef0, %rbx
	movabsq $-2, %rbx
	.byte 0x48,0xc7,0xc3,0xff,0xff,0xff,0xff # movq $-1
	.byte 0x48,0xc7,0xc3,0x00,0x00,0x00,0x80
	.byte 0x41,0xb8,0xff,0xff,0xff,0xff # mov $-1 32
	.byte 0x41,0xb8,0x01,0x00,0x00,0x00
	movabsq $0x123456789abcdef0, %r8
	movabsq $-2, %r8
	.byte 0x49,0xc7,0xc0,0xff,0xff,0xff,0xff # movq $-1
	.byte 0x49,0xc7,0xc0,0x00,0x00,0x00,0x80
	.byte 0x41,0xbf,0xff,0xff,0xff,0xff # mov $-1 32
	.byte 0x41,0xbf,0x01,0x00,0x00,0x00
	movabsq $0x123456789abcdef0, %r15
	movabsq $-2, %r15
	.byte 0x49,0xc7,0xc7,0xff,0xff,0xff,0xff # movq $-1
	.byte 0x49,0xc7,0xc7,0x00,0x00,0x00,0x80
	.byte 0xb0,0x80 # movb $-128, %al
	.byte 0x40,0xb6,0xff # movb $-1, %sil
	.byte 0xb4,0x7f # mov ah
	.byte 0x66,0xb8,0xff,0xff # movw $-1, %ax
	.byte 0x66,0x41,0xbb,0x34,0x12
	movq $-1, 8(%rdi)
	movl $2147483647, -4(%rbp)
	movw $-32768, (%rsi)
	movb $255, -1(%r10)
	.byte 0xc7,0xc0,0x00,0x00,0x00,0x80 # c7 /0 reg 32
# loads and stores of every width, zero/sign extension
	movzbq -3(%rdi), %rax
	movzwq 6(%rdi), %r8
	movl 100(%rdi), %esi
	movq -200(%rdi), %rbx
	movb %sil, 1(%rdi)
	movw %r9w, 2(%rdi)
	movl %r14d, 4(%rdi)
	movq %r15, 800(%rdi)
	movsbq -3(%rdi), %rax
	movswq 6(%rdi), %r8
	movslq 100(%rdi), %rsi
	movzbq -3(%r13), %rax
	movzwq 6(%r13), %r8
	movl 100(%r13), %esi
	movq -200(%r13), %rbx
	movb %sil, 1(%r13)
	movw %r9w, 2(%r13)
	movl %r14d, 4(%r13)
	movq %r15, 800(%r13)
	movsbq -3(%r13), %rax
	movswq 6(%r13), %r8
	movslq 100(%r13), %rsi
	movzbq -3(%rbp), %rax
	movzwq 6(%rbp), %r8
	movl 100(%rbp), %esi
	movq -200(%rbp), %rbx
	movb %sil, 1(%rbp)
	movw %r9w, 2(%rbp)
	movl %r14d, 4(%rbp)
	movq %r15, 800(%rbp)
	movsbq -3(%rbp), %rax
	movswq 6(%rbp), %r8
	movslq 100(%rbp), %rsi
	movzbq -3(%r12), %rax
	movzwq 6(%r12), %r8
	movl 100(%r12), %esi
	movq -200(%r12), %rbx
	movb %sil, 1(%r12)
	movw %r9w, 2(%r12)
	movl %r14d, 4(%r12)
	movq %r15, 800(%r12)
	movsbq -3(%r12), %rax
	movswq 6(%r12), %r8
	movslq 100(%r12), %rsi
	movzbq -3(%rsp), %rax
	movzwq 6(%rsp), %r8
	movl 100(%rsp), %esi
	movq -200(%rsp), %rbx
	movb %sil, 1(%rsp)
	movw %r9w, 2(%rsp)
	movl %r14d, 4(%rsp)
	movq %r15, 800(%rsp)
	movsbq -3(%rsp), %rax
	movswq 6(%rsp), %r8
	movslq 100(%rsp), %rsi
	movzbl %al, %eax
	movzwl %ax, %eax
	movzbl %dil, %r9d
	movzwl %r11w, %esi
	movzbw %al, %ax
	movzbq %sil, %rsi
	movzwq %di, %rdi
	movsbl %al, %eax
	movswl %bx, %ecx
	movsbq %r8b, %rax
	movswq %r9w, %r10
	movslq %eax, %rax
	movslq %r12d, %r13
	movsbw %cl, %dx
	movzbl %ah, %eax
	movzbl (%rdi), %eax
# lea
	leaq -8(%rbp), %rdi
	leaq 16(%rsp), %rax
	leaq (%rdi,%rsi,4), %r8
	leal 1(%rax), %ecx
	leaq 0x12345(%r12), %r12
# unary and mul/div (group 3), inc/dec
	notq %rax
	notl %r11d
	notw %dx
	notb %sil
	notq 8(%rdi)
	notl -4(%rbp)
	negq %rax
	negl %r11d
	negw %dx
	negb %sil
	negq 8(%rdi)
	negl -4(%rbp)
	mulq %rax
	mull %r11d
	mulw %dx
	mulb %sil
	mulq 8(%rdi)
	mull -4(%rbp)
	imulq %rax
	imull %r11d
	imulw %dx
	imulb %sil
	imulq 8(%rdi)
	imull -4(%rbp)
	divq %rax
	divl %r11d
	divw %dx
	divb %sil
	divq 8(%rdi)
	divl -4(%rbp)
	idivq %rax
	idivl %r11d
	idivw %dx
	idivb %sil
	idivq 8(%rdi)
	idivl -4(%rbp)
	incq %rax
	incl %r11d
	incw %dx
	incb %sil
	incq 8(%rdi)
	incl -4(%rbp)
	decq %rax
	decl %r11d
	decw %dx
	decb %sil
	decq 8(%rdi)
	decl -4(%rbp)
	imulq %rsi, %rdi
	imull %r8d, %eax
	imulw %cx, %dx
	imulq -8(%rbp), %rbx
	imulq $1000, %rsi, %rdi
	imull $-5, %eax, %eax
	imulq $7, %r9, %r10
	imull $100000, (%rdi), %ecx
	.byte 0x48,0x69,0xc0,0xff,0xff,0xff,0xff # imul -1 imm32
	.byte 0x66,0x6b,0xc0,0x05
	cltd
	cqto
	cwtd
	cltq
	cwtl
# shifts: imm, by 1, by cl, every width; rotates
	rolq $3, %rax
	roll $31, %r9d
	rolw $8, %ax
	rolb $1, %dil
	rolq %cl, %rdi
	roll %cl, %r14d
	rolw %cl, %si
	rolb %cl, %bl
	rolq $5, 8(%rdi)
	roll %cl, -4(%rbp)
	.byte 0x48,0xd1,0xc2 # rolq by 1
	.byte 0xd1,0xc7
	.byte 0x66,0xd1,0xc0
	.byte 0xd0,0xc1
	.byte 0x49,0xd1,0xc5
	.byte 0xd1,0x46,0x08 # by 1, memory
	rorq $3, %rax
	rorl $31, %r9d
	rorw $8, %ax
	rorb $1, %dil
	rorq %cl, %rdi
	rorl %cl, %r14d
	rorw %cl, %si
	rorb %cl, %bl
	rorq $5, 8(%rdi)
	rorl %cl, -4(%rbp)
	.byte 0x48,0xd1,0xca # rorq by 1
	.byte 0xd1,0xcf
	.byte 0x66,0xd1,0xc8
	.byte 0xd0,0xc9
	.byte 0x49,0xd1,0xcd
	.byte 0xd1,0x4e,0x08 # by 1, memory
	rclq $3, %rax
	rcll $31, %r9d
	rclw $8, %ax
	rclb $1, %dil
	rclq %cl, %rdi
	rcll %cl, %r14d
	rclw %cl, %si
	rclb %cl, %bl
	rclq $5, 8(%rdi)
	rcll %cl, -4(%rbp)
	.byte 0x48,0xd1,0xd2 # rclq by 1
	.byte 0xd1,0xd7
	.byte 0x66,0xd1,0xd0
	.byte 0xd0,0xd1
	.byte 0x49,0xd1,0xd5
	.byte 0xd1,0x56,0x08 # by 1, memory
	rcrq $3, %rax
	rcrl $31, %r9d
	rcrw $8, %ax
	rcrb $1, %dil
	rcrq %cl, %rdi
	rcrl %cl, %r14d
	rcrw %cl, %si
	rcrb %cl, %bl
	rcrq $5, 8(%rdi)
	rcrl %cl, -4(%rbp)
	.byte 0x48,0xd1,0xda # rcrq by 1
	.byte 0xd1,0xdf
	.byte 0x66,0xd1,0xd8
	.byte 0xd0,0xd9
	.byte 0x49,0xd1,0xdd
	.byte 0xd1,0x5e,0x08 # by 1, memory
	shlq $3, %rax
	shll $31, %r9d
	shlw $8, %ax
	shlb $1, %dil
	shlq %cl, %rdi
	shll %cl, %r14d
	shlw %cl, %si
	shlb %cl, %bl
	shlq $5, 8(%rdi)
	shll %cl, -4(%rbp)
	.byte 0x48,0xd1,0xe2 # shlq by 1
	.byte 0xd1,0xe7
	.byte 0x66,0xd1,0xe0
	.byte 0xd0,0xe1
	.byte 0x49,0xd1,0xe5
	.byte 0xd1,0x66,0x08 # by 1, memory
	shrq $3, %rax
	shrl $31, %r9d
	shrw $8, %ax
	shrb $1, %dil
	shrq %cl, %rdi
	shrl %cl, %r14d
	shrw %cl, %si
	shrb %cl, %bl
	shrq $5, 8(%rdi)
	shrl %cl, -4(%rbp)
	.byte 0x48,0xd1,0xea # shrq by 1
	.byte 0xd1,0xef
	.byte 0x66,0xd1,0xe8
	.byte 0xd0,0xe9
	.byte 0x49,0xd1,0xed
	.byte 0xd1,0x6e,0x08 # by 1, memory
	sarq $3, %rax
	sarl $31, %r9d
	sarw $8, %ax
	sarb $1, %dil
	sarq %cl, %rdi
	sarl %cl, %r14d
	sarw %cl, %si
	sarb %cl, %bl
	sarq $5, 8(%rdi)
	sarl %cl, -4(%rbp)
	.byte 0x48,0xd1,0xfa # sarq by 1
	.byte 0xd1,0xff
	.byte 0x66,0xd1,0xf8
	.byte 0xd0,0xf9
	.byte 0x49,0xd1,0xfd
	.byte 0xd1,0x7e,0x08 # by 1, memory
	rolw $8, %ax
	rolw $8, %r11w
	rorw $8, %si
# BMI2 shifts
	shlxq %rcx, %rdi, %rax
	shlxl %ecx, %esi, %r9d
	shlxq %r11, %r14, %r15
	shlxq %rdx, 8(%rdi), %rbx
	shlxl %r8d, %eax, %eax
	shrxq %rcx, %rdi, %rax
	shrxl %ecx, %esi, %r9d
	shrxq %r11, %r14, %r15
	shrxq %rdx, 8(%rdi), %rbx
	shrxl %r8d, %eax, %eax
	sarxq %rcx, %rdi, %rax
	sarxl %ecx, %esi, %r9d
	sarxq %r11, %r14, %r15
	sarxq %rdx, 8(%rdi), %rbx
	sarxl %r8d, %eax, %eax
# byte swaps, exchanges, atomics
	bswapq %rax
	bswapl %eax
	bswapq %rcx
	bswapl %ecx
	bswapq %rdx
	bswapl %edx
	bswapq %rbx
	bswapl %ebx
	bswapq %rsp
	bswapl %esp
	bswapq %rbp
	bswapl %ebp
	bswapq %rsi
	bswapl %esi
	bswapq %rdi
	bswapl %edi
	bswapq %r8
	bswapl %r8d
	bswapq %r9
	bswapl %r9d
	bswapq %r10
	bswapl %r10d
	bswapq %r11
	bswapl %r11d
	bswapq %r12
	bswapl %r12d
	bswapq %r13
	bswapl %r13d
	bswapq %r14
	bswapl %r14d
	bswapq %r15
	bswapl %r15d
	xchgq %rax, %rcx
	xchgq %r8, %rax
	xchgl %eax, %r15d
	xchgq %rsi, %rdi
	xchgl %edx, -4(%rbp)
	xchgq %rax, 8(%rdi)
	xchgb %al, (%rsi)
	xchgw %ax, (%rsi)
	.byte 0x87,0xc8 # xchg reg,reg 87
	.byte 0x48,0x87,0xf7
	lock xaddq %rax, 8(%rdi)
	lock xaddl %r9d, -16(%rbp)
	lock xaddb %al, (%rdi)
	xaddq %rax, %rbx
	lock cmpxchgq %rbx, (%rdi)
	lock cmpxchgl %r10d, 4(%r13)
	lock cmpxchgb %cl, (%rsi)
	lock cmpxchgw %cx, (%rsi)
	lock addq %rsi, 8(%rdi)
	lock addl %r11d, -4(%rbp)
	lock andq %rsi, 8(%rdi)
	lock andl %r11d, -4(%rbp)
	lock orq %rsi, 8(%rdi)
	lock orl %r11d, -4(%rbp)
	lock xorq %rsi, 8(%rdi)
	lock xorl %r11d, -4(%rbp)
	lock addq $1, (%rax)
	lock incl (%rax)
	lock subl $5, 8(%rdi)
	lock xchgq %rax, (%rdi)
# push/pop, calls, jumps, returns
	pushq %rax
	popq %rax
	pushq %rcx
	popq %rcx
	pushq %rdx
	popq %rdx
	pushq %rbx
	popq %rbx
	pushq %rsp
	popq %rsp
	pushq %rbp
	popq %rbp
	pushq %rsi
	popq %rsi
	pushq %rdi
	popq %rdi
	pushq %r8
	popq %r8
	pushq %r9
	popq %r9
	pushq %r10
	popq %r10
	pushq %r11
	popq %r11
	pushq %r12
	popq %r12
	pushq %r13
	popq %r13
	pushq %r14
	popq %r14
	pushq %r15
	popq %r15
	pushq 8(%rdi)
	pushw %ax
	popw %ax
	callq *%rax
	callq *%r11
	callq *8(%rdi)
	jmpq *%rcx
	jmpq *%r8
	jmpq *(%rax,%rcx,8)
	jmp .+0x100
	jmp .+2
	.byte 0xeb,0xfe # jmp self
	.byte 0xeb,0x80
	.byte 0xe9,0x00,0x00,0x00,0x00
	.byte 0xe9,0xfb,0xff,0xff,0xff
	.byte 0xe8,0x00,0x00,0x00,0x80 # call far back
	.byte 0xe8,0xff,0xff,0xff,0x7f
	jo .+16
	jo .-100
	jo .+1000
	cmovoq %rsi, %rdi
	cmovol 8(%rbp), %r9d
	cmovow %ax, %dx
	seto %al
	seto %r9b
	seto %sil
	seto (%rdi)
	jno .+16
	jno .-100
	jno .+1000
	cmovnoq %rsi, %rdi
	cmovnol 8(%rbp), %r9d
	cmovnow %ax, %dx
	setno %al
	setno %r9b
	setno %sil
	setno (%rdi)
	jb .+16
	jb .-100
	jb .+1000
	cmovbq %rsi, %rdi
	cmovbl 8(%rbp), %r9d
	cmovbw %ax, %dx
	setb %al
	setb %r9b
	setb %sil
	setb (%rdi)
	jae .+16
	jae .-100
	jae .+1000
	cmovaeq %rsi, %rdi
	cmovael 8(%rbp), %r9d
	cmovaew %ax, %dx
	setae %al
	setae %r9b
	setae %sil
	setae (%rdi)
	je .+16
	je .-100
	je .+1000
	cmoveq %rsi, %rdi
	cmovel 8(%rbp), %r9d
	cmovew %ax, %dx
	sete %al
	sete %r9b
	sete %sil
	sete (%rdi)
	jne .+16
	jne .-100
	jne .+1000
	cmovneq %rsi, %rdi
	cmovnel 8(%rbp), %r9d
	cmovnew %ax, %dx
	setne %al
	setne %r9b
	setne %sil
	setne (%rdi)
	jbe .+16
	jbe .-100
	jbe .+1000
	cmovbeq %rsi, %rdi
	cmovbel 8(%rbp), %r9d
	cmovbew %ax, %dx
	setbe %al
	setbe %r9b
	setbe %sil
	setbe (%rdi)
	ja .+16
	ja .-100
	ja .+1000
	cmovaq %rsi, %rdi
	cmoval 8(%rbp), %r9d
	cmovaw %ax, %dx
	seta %al
	seta %r9b
	seta %sil
	seta (%rdi)
	js .+16
	js .-100
	js .+1000
	cmovsq %rsi, %rdi
	cmovsl 8(%rbp), %r9d
	cmovsw %ax, %dx
	sets %al
	sets %r9b
	sets %sil
	sets (%rdi)
	jns .+16
	jns .-100
	jns .+1000
	cmovnsq %rsi, %rdi
	cmovnsl 8(%rbp), %r9d
	cmovnsw %ax, %dx
	setns %al
	setns %r9b
	setns %sil
	setns (%rdi)
	jp .+16
	jp .-100
	jp .+1000
	cmovpq %rsi, %rdi
	cmovpl 8(%rbp), %r9d
	cmovpw %ax, %dx
	setp %al
	setp %r9b
	setp %sil
	setp (%rdi)
	jnp .+16
	jnp .-100
	jnp .+1000
	cmovnpq %rsi, %rdi
	cmovnpl 8(%rbp), %r9d
	cmovnpw %ax, %dx
	setnp %al
	setnp %r9b
	setnp %sil
	setnp (%rdi)
	jl .+16
	jl .-100
	jl .+1000
	cmovlq %rsi, %rdi
	cmovll 8(%rbp), %r9d
	cmovlw %ax, %dx
	setl %al
	setl %r9b
	setl %sil
	setl (%rdi)
	jge .+16
	jge .-100
	jge .+1000
	cmovgeq %rsi, %rdi
	cmovgel 8(%rbp), %r9d
	cmovgew %ax, %dx
	setge %al
	setge %r9b
	setge %sil
	setge (%rdi)
	jle .+16
	jle .-100
	jle .+1000
	cmovleq %rsi, %rdi
	cmovlel 8(%rbp), %r9d
	cmovlew %ax, %dx
	setle %al
	setle %r9b
	setle %sil
	setle (%rdi)
	jg .+16
	jg .-100
	jg .+1000
	cmovgq %rsi, %rdi
	cmovgl 8(%rbp), %r9d
	cmovgw %ax, %dx
	setg %al
	setg %r9b
	setg %sil
	setg (%rdi)
	retq
	leave
	int3
	hlt
	ud2
# fences, counters, padding: the kernel's nops and endbr64
	lfence
	mfence
	sfence
	rdtsc
	rdtscp
	endbr64
	pause
	.byte 0x90
	.byte 0x66,0x90
	.byte 0x0f,0x1f,0x00
	.byte 0x0f,0x1f,0x40,0x00
	.byte 0x0f,0x1f,0x44,0x00,0x00
	.byte 0x66,0x0f,0x1f,0x44,0x00,0x00
	.byte 0x0f,0x1f,0x80,0x00,0x00,0x00,0x00
	.byte 0x0f,0x1f,0x84,0x00,0x00,0x00,0x00,0x00
	.byte 0x66,0x0f,0x1f,0x84,0x00,0x00,0x00,0x00,0x00
	.byte 0x66,0x2e,0x0f,0x1f,0x84,0x00,0x00,0x00,0x00,0x00
	.byte 0x48,0x0f,0x1f,0x00
	.byte 0x0f,0x1f,0xc0 # nopl %eax
# bytes LLVM does not decode either: one .byte each
	.byte 0x06
	.byte 0xd6
# the kernel's tail call sequence
	.byte 0x89,0xd2,0x39,0x56,0x10,0x76,0x30,0x8b,0x85,0xfc,0xff,0xff,0xff,0x83,0xf8,0x21,0x73,0x25,0x83,0xc0,0x01,0x89,0x85,0xfc,0xff,0xff,0xff
	.byte 0x48,0x8b,0x8c,0xd6,0x10,0x01,0x00,0x00,0x48,0x85,0xc9,0x74,0x0b,0x58,0x48,0x8b,0x49,0x30,0x48,0x83,0xc1,0x0b,0xff,0xe1,0xcc
	.byte 0x48,0x81,0xec,0x10,0x00,0x00,0x00,0x48,0x81,0xc4,0x10,0x00,0x00,0x00,0x48,0x89,0xe5
	.byte 0x83,0x38,0x21,0x48,0x83,0x00,0x01
	int3
