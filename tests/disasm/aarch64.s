// Corpus for bpfbox's arm64 JIT disassembler (src/output/disasm_arm64.c),
// compared with LLVM by tests/kernel/disasm_arm64.sh: what the kernel's
// arch/arm64/net/bpf_jit_comp.c emits, in its own sequences, then each
// table entry and operand form.  Assembles with clang 14 or newer:
// clang --target=aarch64-linux-gnu -march=armv8.5-a+lse+rcpc -c
	.text

.Lstart:
// prologue: PAC or BTI landing pad, frame record, callee-saved pairs
	paciasp
	bti	c
	stp	x29, x30, [sp, #-16]!
	mov	x29, sp
	stp	x19, x20, [sp, #-16]!
	stp	x21, x22, [sp, #-16]!
	stp	x25, x26, [sp, #-16]!
	stp	x27, x28, [sp, #-16]!
	mov	x25, sp
	mov	x26, #0
	bti	j
	sub	x27, x25, #0
	sub	sp, sp, #512
	mrs	x10, TPIDR_EL1
	mrs	x10, TPIDR_EL2
	mrs	x10, SP_EL0
	add	x7, x7, x10
// tail call
	mov	x10, #16
	ldr	w10, [x1, x10]
	mov	w2, w2
	cmp	w2, w10
	b.hs	1f
	mov	x10, #33
	cmp	x26, x10
	b.hs	1f
	add	x26, x26, #1
	mov	x10, #272
	add	x10, x1, x10
	lsl	x11, x2, #3
	ldr	x11, [x10, x11]
	cbz	x11, 1f
	ldr	x10, [x11, x10]
	add	x10, x10, #36
	add	sp, sp, #512
	br	x10
1:
// ALU32/ALU64, immediates the way emit_a64_mov_i{,64} builds them
	mov	w7, #0
	mov	w7, #-1
	movn	w7, #0x1234, lsl #16
	movk	w7, #0x5678
	mov	x7, #0x1234
	movk	x7, #0xbeef, lsl #16
	movk	x7, #0xdead, lsl #32
	movk	x7, #0xcafe, lsl #48
	movn	x7, #0xf00f
	mov	x7, #-0x100000001
	movz	x7, #0, lsl #16
	movn	w7, #0xffff
	mov	x0, x1
	mov	w0, w1
	add	x0, x0, x1
	sub	w0, w0, w1
	neg	x0, x1
	neg	w0, w1, lsl #3
	negs	x0, x1
	mul	x0, x0, x1
	mul	w0, w0, w1
	madd	x0, x1, x2, x3
	msub	x0, x1, x2, x3
	mneg	x0, x1, x2
	udiv	x10, x0, x1
	sdiv	w10, w0, w1
	msub	x0, x10, x1, x0
	umull	x0, w1, w2
	smull	x0, w1, w2
	umaddl	x0, w1, w2, x3
	smsubl	x0, w1, w2, x3
	umulh	x0, x1, x2
	smulh	x0, x1, x2
	and	x0, x0, x1
	orr	w0, w0, w1
	eor	x0, x0, x1
	bic	x0, x0, x1
	orn	x0, x0, x1, lsl #4
	eon	w0, w0, w1, ror #3
	ands	x0, x0, x1
	bics	w0, w0, w1, asr #2
	mvn	x0, x1
	mvn	w0, w1, lsr #1
	tst	x0, x1
	tst	w0, w1, lsl #2
	orr	x0, xzr, x1, lsl #2
	and	x0, x2, x1, lsr #0
	and	x0, x0, #0xff
	and	w0, w0, #0xffff
	orr	x0, x0, #0x5555555555555555
	eor	w0, w0, #0x80000000
	ands	x0, x0, #0xfffffffffffffff0
	tst	x0, #0x1
	tst	w0, #0x7fffffff
	orr	x0, xzr, #0xff
	orr	w0, wzr, #0x55555555
	orr	x0, xzr, #0x3fffffffffff0000
	orr	sp, x0, #0xf0
	and	sp, x0, #0x3f
	add	x0, x1, #4095
	add	w0, w1, #1, lsl #12
	adds	x0, x1, #8
	subs	w0, w1, #16, lsl #12
	sub	x0, x1, #0
	cmp	x0, #8
	cmp	w0, #4095, lsl #12
	cmn	x0, #1
	cmn	w0, #0
	mov	sp, x0
	mov	wsp, w0
	mov	w0, wsp
	add	x0, x1, x2, lsl #7
	add	w0, w1, w2, lsr #31
	adds	x0, x1, x2, asr #63
	sub	x0, x1, x2, lsl #0
	subs	x0, x1, x2
	cmp	x0, x1
	cmp	w0, w1, lsl #3
	cmn	x0, x1, asr #2
	cmp	xzr, x1
	add	x0, x1, w2, uxtw
	add	x0, x1, w2, sxtw #2
	add	x0, sp, x1
	add	x0, sp, x1, lsl #2
	add	sp, x1, x2, uxtx #2
	add	x0, x1, x2, uxtx
	add	x0, x1, w2, uxtb #1
	add	x0, x1, w2, uxth
	sub	x0, x1, w2, sxtb
	sub	x0, x1, w2, sxth #4
	sub	x0, x1, x2, sxtx #3
	add	w0, wsp, w2, uxtw
	add	w0, wsp, w2, uxtw #1
	adds	x0, sp, x1
	subs	w0, w1, w2, uxtb
	cmp	sp, x1
	cmp	sp, w1, uxtw
	cmn	x1, w1, sxtb #3
	lsl	x0, x0, #3
	lsl	w0, w0, #31
	lsr	x0, x0, #63
	lsr	w0, w0, #1
	asr	x0, x0, #32
	asr	w0, w0, #7
	lsl	x0, x1, x2
	lsl	w0, w1, w2
	lsr	x0, x1, x2
	asr	w0, w1, w2
	ror	x0, x1, x2
	ror	x0, x1, #3
	extr	x0, x1, x2, #3
	extr	w0, w1, w2, #31
	uxtb	w0, w1
	uxth	w0, w1
	sxtb	x0, w1
	sxth	x0, w1
	sxtw	x0, w1
	sxtb	w0, w1
	sxth	w0, w1
	ubfx	x0, x1, #0, #8
	ubfx	x0, x1, #0, #32
	ubfx	x0, x1, #2, #59
	ubfx	w0, w1, #4, #8
	sbfx	x0, x1, #3, #10
	ubfiz	x0, x1, #4, #3
	sbfiz	w0, w1, #7, #2
	bfi	x0, x1, #4, #3
	bfi	w0, wzr, #2, #1
	bfxil	x0, x1, #2, #59
	bfxil	w0, w1, #0, #32
	rev	x0, x1
	rev	w0, w1
	rev16	x0, x1
	rev16	w0, w1
	rev32	x0, x1
	rbit	x0, x1
	clz	w0, w1
	cls	x0, x1
	csel	x0, x1, x2, eq
	csel	w0, w1, w2, lt
	csinc	x0, x1, x2, hs
	csinv	w0, w1, w2, mi
	csneg	x0, x1, x2, vc
	cset	x0, eq
	cset	w0, lo
	csetm	x0, ge
	cinc	x0, x1, ne
	cinv	w0, w1, gt
	cneg	x0, x1, le
	csinc	x0, xzr, xzr, al
	csinc	x0, xzr, xzr, nv
// loads and stores: register offset, unsigned offset, unscaled,
// pre/post-index, unprivileged, literal, pairs
	ldrb	w0, [x1, x2]
	ldrh	w0, [x1, x2]
	ldr	w0, [x1, x2]
	ldr	x0, [x1, x2]
	strb	w0, [x1, x2]
	strh	w0, [x1, x2]
	str	w0, [x1, x2]
	str	x0, [x1, x2]
	ldrsb	x0, [x1, x2]
	ldrsb	w0, [x1, x2]
	ldrsh	x0, [x1, x2]
	ldrsh	w0, [x1, x2]
	ldrsw	x0, [x1, x2]
	ldr	x0, [x1, x2, lsl #3]
	ldr	w0, [x1, w2, uxtw]
	ldr	w0, [x1, w2, uxtw #2]
	ldrh	w0, [x1, w2, sxtw #1]
	ldr	x0, [sp, x2, sxtx]
	ldrb	w0, [x1, x2, lsl #0]
	ldrb	w0, [x1, w2, sxtw #0]
	ldrb	w0, [x1, #4095]
	ldrh	w0, [x1, #2]
	ldr	w0, [x1, #16380]
	ldr	x0, [x1]
	ldr	x0, [x25, #8]
	strb	w0, [x1]
	strh	wzr, [x1, #8]
	str	w0, [sp, #4]
	str	x0, [x1, #32760]
	ldrsb	x0, [x1, #1]
	ldrsb	w0, [x1]
	ldrsh	x0, [x1, #2]
	ldrsh	w0, [x1, #4]
	ldrsw	x0, [x1, #8]
	ldur	x0, [x1, #-8]
	ldur	w0, [x1, #1]
	ldurb	w0, [x1, #-256]
	ldurh	w0, [x1, #255]
	ldursb	x0, [x1, #-1]
	ldursh	w0, [x1, #-2]
	ldursw	x0, [x1, #-4]
	stur	x0, [x1, #-8]
	stur	w0, [sp]
	sturb	w0, [x1, #3]
	sturh	w0, [x1, #-3]
	ldr	x0, [x1], #8
	ldr	w0, [x1, #-4]!
	str	x0, [sp, #-16]!
	str	x0, [x1], #0
	strb	w0, [x1, #0]!
	ldrsw	x0, [x1], #-256
	ldrsh	w0, [x1, #255]!
	ldtr	x0, [x1, #8]
	sttrb	w0, [x1]
	ldtrsh	x0, [x1, #-2]
	ldr	w0, 2f
	ldr	x0, 2f
	ldrsw	x0, 2f
	ldr	x10, 1b
2:	ldp	x19, x20, [sp], #16
	ldp	x29, x30, [sp], #16
	ldp	w0, w1, [x2]
	ldp	x0, x1, [x2, #-512]
	stp	w0, w1, [x2, #252]
	stp	x0, x1, [x2], #-8
	ldp	x0, x1, [sp, #16]!
	ldpsw	x0, x1, [x2, #-4]
	ldpsw	x0, x1, [x2], #8
	ldnp	x0, x1, [x2, #8]
	stnp	w0, w1, [x2]
// atomics: LL/SC, LSE, acquire/release
	ldxr	x11, [x10]
	ldxr	w11, [x0]
	stxr	w12, x11, [x10]
	stxr	w12, w11, [x0]
	ldaxr	x11, [x10]
	stlxr	w12, x11, [x10]
	stlxr	w12, w11, [sp]
	ldxrb	w0, [x1]
	ldaxrh	w0, [x1]
	stxrb	w2, w0, [x1]
	stlxrh	w2, w0, [x1]
	dmb	ish
	ldar	x0, [x1]
	ldar	w0, [x1]
	ldarb	w0, [x1]
	ldarh	w0, [x1]
	stlr	x0, [x1]
	stlr	w0, [x1]
	stlrb	w0, [x1]
	stlrh	w0, [x1]
	ldapr	x0, [x1]
	ldaprb	w0, [x1]
	stadd	x1, [x0]
	stadd	w1, [x0]
	stclr	x11, [x0]
	stset	w1, [x10]
	steor	x1, [x10]
	staddl	w1, [x0]
	stsminb	w1, [x0]
	stumaxlh	w1, [x0]
	ldaddal	x1, x1, [x0]
	ldaddal	w1, w1, [x10]
	ldclral	x11, x1, [x0]
	ldsetal	w1, w1, [x0]
	ldeoral	x1, x1, [x0]
	swpal	x1, x1, [x0]
	swpal	w1, w1, [x10]
	casal	x7, x1, [x0]
	casal	w7, w1, [x10]
	cas	x0, x1, [x2]
	casa	w0, w1, [x2]
	casl	x0, x1, [x2]
	casab	w0, w1, [x2]
	caslh	w0, w1, [x2]
	ldadd	x0, x1, [x2]
	ldadda	w0, w1, [x2]
	ldaddl	x0, x1, [x2]
	ldsmaxab	w0, w1, [x2]
	ldsminlh	w0, w1, [x2]
	ldumax	x0, x1, [sp]
	ldumin	w0, w1, [x2]
	swp	x0, x1, [x2]
	swpab	w0, w1, [x2]
	ldaddal	x1, xzr, [x0]
	swpa	w1, wzr, [x0]
	ldr	x0, [x1]
	ldarb	w0, [x0]
// control flow: calls, conditional and compare branches, return
	blr	x10
	bl	.Lstart
	b	.Lstart
	b	3f
	b.eq	3f
	b.ne	.Lstart
	b.hs	3f
	b.lo	3f
	b.mi	3f
	b.pl	3f
	b.vs	3f
	b.vc	3f
	b.hi	3f
	b.ls	3f
	b.ge	3f
	b.lt	3f
	b.gt	3f
	b.le	3f
	b.al	3f
	b.nv	3f
	cbz	x0, 3f
	cbz	w0, .Lstart
	cbnz	x0, 3f
	cbnz	w12, 1b
	tbz	w0, #0, 3f
	tbz	x0, #63, .Lstart
	tbnz	w0, #31, 3f
	tbnz	x1, #32, 3f
	adr	x9, 3f
	adr	x9, .Lstart
	adrp	x9, #-4096
	adrp	x9, #0x12345000
3:	br	x0
	blr	xzr
	ret
	ret	x10
// epilogue and what surrounds it
	add	sp, sp, #512
	ldp	x27, x28, [sp], #16
	ldp	x25, x26, [sp], #16
	ldp	x21, x22, [sp], #16
	ldp	x19, x20, [sp], #16
	ldp	x29, x30, [sp], #16
	mov	x0, x7
	autiasp
	ret
	nop
	yield
	wfe
	wfi
	sev
	sevl
	hint	#6
	xpaclri
	pacia1716
	hint	#9
	pacib1716
	autia1716
	autib1716
	esb
	hint	#17
	hint	#18
	hint	#19
	csdb
	hint	#21
	hint	#22
	paciaz
	pacibz
	pacibsp
	autiaz
	autibz
	autibsp
	bti
	bti	jc
	hint	#33
	hint	#39
	hint	#40
	hint	#41
	hint	#127
	dmb	ishld
	dmb	ishst
	dmb	sy
	dmb	#0
	dmb	#4
	dmb	oshld
	dsb	nsh
	dsb	ish
	dsb	sy
	dsb	#12
	ssbb
	pssbb
	isb
	isb	#3
	sb
	clrex
	clrex	#5
	brk	#0x100
	brk	#0
	brk	#0x3e8
	hlt	#3
	svc	#0
	hvc	#1
	smc	#0xffff
	udf	#0
	udf	#65535
// words LLVM does not know: ".inst" and decoding goes on
	.inst	0xffffffff
	nop
	.inst	0xffffffff
