/* x86-64 JIT code disassembler (output/disasm.h): the instructions the
 * kernel's arch/x86/net/bpf_jit_comp.c emits (BPF programs, their
 * prologue, epilogue, tail calls, atomics, per-CPU accesses, padding),
 * printed as LLVM's AT&T printer prints them for bpftool: a size suffix
 * on almost every mnemonic ("movq", "callq", "retq"), decimal signed
 * immediates, "disp(base,index,scale)" memory, absolute hex targets.
 *
 * A small generic decoder (prefixes, REX, VEX, ModRM, SIB, immediates)
 * reads what the opcode tables below say each opcode is.  An opcode no
 * table knows, an unexpected prefix or a truncated instruction prints
 * its first byte as ".byte" and decoding goes on at the next byte. */
#include "output/disasm.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Mnemonic stems.  The printer adds the operand size suffix (b w l q)
 * unless the shape says otherwise; N_JCC, N_SET and N_CMOV take the
 * condition from the opcode's low four bits. */
enum {
	N_ADD, N_OR, N_ADC, N_SBB, N_AND, N_SUB, N_XOR, N_CMP,	/* group 1 order */
	N_ROL, N_ROR, N_RCL, N_RCR, N_SHL, N_SHR, N_SAL, N_SAR, /* group 2 order */
	N_TEST, N_NOT, N_NEG, N_MUL, N_IMUL, N_DIV, N_IDIV,	/* group 3 from /2 */
	N_INC, N_DEC, N_CALL, N_JMP, N_PUSH, N_POP, N_MOV, N_MOVABS, N_LEA,
	N_XCHG, N_XADD, N_CMPXCHG, N_BSWAP, N_MOVZB, N_MOVZW, N_MOVSB, N_MOVSW,
	N_MOVSL, N_RET, N_LEAVE, N_INT3, N_NOP, N_CWTL, N_CLTQ, N_CWTD, N_CLTD,
	N_CQTO, N_LFENCE, N_MFENCE, N_SFENCE, N_RDTSC, N_RDTSCP, N_ENDBR64,
	N_UD2, N_PAUSE, N_HLT, N_SHLX, N_SARX, N_SHRX, N_JCC, N_SET, N_CMOV,
	N_GRP1, N_GRP2, N_GRP3, N_GRP4, N_GRP5, N_MOV_GRP11, N_NONE
};

static const char names[][8] = {
	"add", "or", "adc", "sbb", "and", "sub", "xor", "cmp",
	"rol", "ror", "rcl", "rcr", "shl", "shr", "sal", "sar",
	"test", "not", "neg", "mul", "imul", "div", "idiv",
	"inc", "dec", "call", "jmp", "push", "pop", "mov", "movabs", "lea",
	"xchg", "xadd", "cmpxchg", "bswap", "movzb", "movzw", "movsb", "movsw",
	"movsl", "ret", "leave", "int3", "nop", "cwtl", "cltq", "cwtd", "cltd",
	"cqto", "lfence", "mfence", "sfence", "rdtsc", "rdtscp", "endbr64",
	"ud2", "pause", "hlt", "shlx", "sarx", "shrx", "j", "set", "cmov",
};

static const char conds[16][3] = {
	"o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g",
};

/* Operand shapes, in AT&T order (source first).  E is the ModRM r/m
 * operand, G its reg field, Z the register in the opcode's low 3 bits. */
enum shape {
	S_NONE,		/* no operands */
	S_G_E,		/* %G, E */
	S_E_G,		/* E, %G (also lea, movzx/movsx with a narrower E) */
	S_E,		/* E alone (groups 3 to 5, setcc, nop) */
	S_I_E,		/* $imm, E (groups 1, 2, 11) */
	S_1_E,		/* E shifted by one: LLVM prints E alone */
	S_CL_E,		/* %cl, E */
	S_I_AX,		/* $imm, %al/%ax/%eax/%rax */
	S_I_Z,		/* $imm, %Z */
	S_Z,		/* %Z */
	S_Z_AX,		/* %Z, %eax: xchg */
	S_I_E_G,	/* $imm, E, %G: imul */
	S_REL,		/* branch target */
	S_V_E_G,	/* %vvvv, E, %G: BMI2 shifts (VEX) */
};

/* Size and immediate flags of a row. */
enum {
	F_BYTE = 1,	/* 8-bit operands */
	F_DEF64 = 2,	/* 64-bit without REX.W (push, pop, call, ret) */
	F_NOSUF = 4,	/* no size suffix */
	F_IB = 8,	/* an 8-bit immediate or displacement */
	F_IZ = 16,	/* a 16/32-bit immediate or displacement */
	F_IV = 32,	/* mov $imm, %Z: 64-bit with REX.W (movabs) */
	F_SRC_B = 64,	/* movzx/movsx source sizes */
	F_SRC_W = 128,
	F_SRC_L = 256,
};

struct row {
	uint8_t op, count, name, shape;
	uint16_t flags;
};

/* The one-byte opcode map, beside the regular ALU block 00-3f (decoded
 * in code: op = byte >> 3, shape from byte & 7). */
static const struct row map1[] = {
	{ 0x50, 8, N_PUSH, S_Z, F_DEF64 },
	{ 0x58, 8, N_POP, S_Z, F_DEF64 },
	{ 0x63, 1, N_MOVSL, S_E_G, F_SRC_L },
	{ 0x69, 1, N_IMUL, S_I_E_G, F_IZ },
	{ 0x6b, 1, N_IMUL, S_I_E_G, F_IB },
	{ 0x70, 16, N_JCC, S_REL, F_IB | F_NOSUF },
	{ 0x80, 1, N_GRP1, S_I_E, F_BYTE | F_IB },
	{ 0x81, 1, N_GRP1, S_I_E, F_IZ },
	{ 0x83, 1, N_GRP1, S_I_E, F_IB },
	{ 0x84, 1, N_TEST, S_G_E, F_BYTE },
	{ 0x85, 1, N_TEST, S_G_E, 0 },
	{ 0x86, 1, N_XCHG, S_G_E, F_BYTE },
	{ 0x87, 1, N_XCHG, S_G_E, 0 },
	{ 0x88, 1, N_MOV, S_G_E, F_BYTE },
	{ 0x89, 1, N_MOV, S_G_E, 0 },
	{ 0x8a, 1, N_MOV, S_E_G, F_BYTE },
	{ 0x8b, 1, N_MOV, S_E_G, 0 },
	{ 0x8d, 1, N_LEA, S_E_G, 0 },
	{ 0x90, 8, N_XCHG, S_Z_AX, 0 },	/* 90 without REX.B: nop */
	{ 0xa8, 1, N_TEST, S_I_AX, F_BYTE | F_IB },
	{ 0xa9, 1, N_TEST, S_I_AX, F_IZ },
	{ 0xb0, 8, N_MOV, S_I_Z, F_BYTE | F_IB },
	{ 0xb8, 8, N_MOV, S_I_Z, F_IV },
	{ 0xc0, 1, N_GRP2, S_I_E, F_BYTE | F_IB },
	{ 0xc1, 1, N_GRP2, S_I_E, F_IB },
	{ 0xc3, 1, N_RET, S_NONE, F_DEF64 },
	{ 0xc6, 1, N_MOV_GRP11, S_I_E, F_BYTE | F_IB },
	{ 0xc7, 1, N_MOV_GRP11, S_I_E, F_IZ },
	{ 0xc9, 1, N_LEAVE, S_NONE, F_NOSUF },
	{ 0xcc, 1, N_INT3, S_NONE, F_NOSUF },
	{ 0xd0, 1, N_GRP2, S_1_E, F_BYTE },
	{ 0xd1, 1, N_GRP2, S_1_E, 0 },
	{ 0xd2, 1, N_GRP2, S_CL_E, F_BYTE },
	{ 0xd3, 1, N_GRP2, S_CL_E, 0 },
	{ 0xe8, 1, N_CALL, S_REL, F_IZ | F_DEF64 },
	{ 0xe9, 1, N_JMP, S_REL, F_IZ | F_NOSUF },
	{ 0xeb, 1, N_JMP, S_REL, F_IB | F_NOSUF },
	{ 0xf4, 1, N_HLT, S_NONE, F_NOSUF },
	{ 0xf6, 1, N_GRP3, S_E, F_BYTE },
	{ 0xf7, 1, N_GRP3, S_E, 0 },
	{ 0xfe, 1, N_GRP4, S_E, F_BYTE },
	{ 0xff, 1, N_GRP5, S_E, 0 },
};

/* The 0f map.  0f 01, 0f 1e and 0f ae are whole instructions told apart
 * by their ModRM byte: see special0f[]. */
static const struct row map0f[] = {
	{ 0x0b, 1, N_UD2, S_NONE, F_NOSUF },
	{ 0x1f, 1, N_NOP, S_E, 0 },
	{ 0x31, 1, N_RDTSC, S_NONE, F_NOSUF },
	{ 0x40, 16, N_CMOV, S_E_G, 0 },
	{ 0x80, 16, N_JCC, S_REL, F_IZ | F_NOSUF },
	{ 0x90, 16, N_SET, S_E, F_BYTE | F_NOSUF },
	{ 0xaf, 1, N_IMUL, S_E_G, 0 },
	{ 0xb0, 1, N_CMPXCHG, S_G_E, F_BYTE },
	{ 0xb1, 1, N_CMPXCHG, S_G_E, 0 },
	{ 0xb6, 1, N_MOVZB, S_E_G, F_SRC_B },
	{ 0xb7, 1, N_MOVZW, S_E_G, F_SRC_W },
	{ 0xbe, 1, N_MOVSB, S_E_G, F_SRC_B },
	{ 0xbf, 1, N_MOVSW, S_E_G, F_SRC_W },
	{ 0xc0, 1, N_XADD, S_G_E, F_BYTE },
	{ 0xc1, 1, N_XADD, S_G_E, 0 },
	{ 0xc8, 8, N_BSWAP, S_Z, 0 },
};

/* Operand-less 0f instructions spelled out by their ModRM byte (and the
 * f3 prefix endbr64 needs). */
static const struct {
	uint8_t op, modrm, name, f3;
} special0f[] = {
	{ 0x01, 0xf9, N_RDTSCP, 0 },
	{ 0x1e, 0xfa, N_ENDBR64, 1 },
	{ 0xae, 0xe8, N_LFENCE, 0 },
	{ 0xae, 0xf0, N_MFENCE, 0 },
	{ 0xae, 0xf8, N_SFENCE, 0 },
};

/* Groups: the ModRM reg field picks the mnemonic (N_NONE: undefined). */
static const uint8_t group3[8] = { N_TEST, N_NONE, N_NOT, N_NEG, N_MUL, N_IMUL, N_DIV, N_IDIV };
static const uint8_t group4[8] = { N_INC, N_DEC, N_NONE, N_NONE, N_NONE, N_NONE, N_NONE, N_NONE };
static const uint8_t group5[8] = { N_INC, N_DEC, N_CALL, N_NONE, N_JMP, N_NONE, N_PUSH, N_NONE };

/* BMI2 shifts, VEX map 0f38 opcode f7, by VEX.pp (66, f3, f2). */
static const uint8_t vex_shifts[4] = { N_NONE, N_SHLX, N_SARX, N_SHRX };

static const char reg_names[16][4] = {
	"ax", "cx", "dx", "bx", "sp", "bp", "si", "di",
	"r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
};

enum { SZ_B, SZ_W, SZ_L, SZ_Q, SZ_COUNT };

enum { RIZ = 16 };	/* the "no index" pseudo register */

struct dec {
	const uint8_t *code;
	size_t avail, len;
	int bad;		/* read past the end or an undefined form */
	unsigned rex, vvvv;
	int opsize16, seg;
	unsigned mod, reg, rm;	/* reg and rm with REX.R / REX.B */
	char *out;
	size_t size, pos;
};

static uint64_t take(struct dec *d, unsigned n)
{
	uint64_t v = 0;
	unsigned i;

	if (d->len + n > d->avail) {
		d->bad = 1;
		return 0;
	}
	for (i = 0; i < n; i++)
		v |= (uint64_t)d->code[d->len + i] << (8 * i);
	d->len += n;
	return v;
}

/* A little-endian n-byte value, sign-extended. */
static int64_t take_signed(struct dec *d, unsigned n)
{
	uint64_t v = take(d, n);
	unsigned shift = 64 - 8 * n;

	return (int64_t)(v << shift) >> shift;
}

/* An n-byte immediate of an operation of size sz, valued as LLVM prints
 * it: 8-bit and 64-bit operations signed, a 16- or 32-bit immediate of a
 * 16- or 32-bit operation unsigned ("addl $4294967295, %ecx"); sz
 * SZ_COUNT: a shift count, unsigned. */
static int64_t take_imm(struct dec *d, unsigned n, int sz)
{
	int64_t v = take_signed(d, n);

	if (sz == SZ_COUNT)
		return v & 0xff;
	if (n == 1 || sz == SZ_Q)
		return v;
	return (int64_t)((uint64_t)v & (n == 2 ? 0xffff : 0xffffffff));
}

static void put(struct dec *d, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (d->pos >= d->size)
		return;
	va_start(ap, fmt);
	n = vsnprintf(d->out + d->pos, d->size - d->pos, fmt, ap);
	va_end(ap);
	if (n > 0)
		d->pos += (size_t)n;
}

static void put_reg(struct dec *d, unsigned n, int sz)
{
	const char *base = reg_names[n];

	if (n >= 8)
		put(d, "%%%s%s", base, sz == SZ_B ? "b" : sz == SZ_W ? "w" : sz == SZ_L ? "d" : "");
	else if (sz == SZ_Q)
		put(d, "%%r%s", base);
	else if (sz == SZ_L)
		put(d, "%%e%s", base);
	else if (sz == SZ_W)
		put(d, "%%%s", base);
	else if (n < 4)
		put(d, "%%%cl", base[0]);
	else if (d->rex)
		put(d, "%%%sl", base);
	else
		put(d, "%%%ch", "acdb"[n - 4]);
}

static void modrm(struct dec *d)
{
	unsigned b = (unsigned)take(d, 1);

	d->mod = b >> 6;
	d->reg = ((b >> 3) & 7) | (d->rex & 4 ? 8 : 0);
	d->rm = (b & 7) | (d->rex & 1 ? 8 : 0);
}

/* The r/m operand; memory is [seg:]disp(base,index,scale) with the
 * displacement left out when zero (unless it is all there is). */
static void put_rm(struct dec *d, int sz)
{
	static const char segs[6] = "ecsdfg";
	int base = -1, index = -1, scale = 1, rip = 0;
	int64_t disp = 0;

	if (d->mod == 3) {
		put_reg(d, d->rm, sz);
		return;
	}
	if ((d->rm & 7) == 4) {
		unsigned sib = (unsigned)take(d, 1);

		index = ((sib >> 3) & 7) | (d->rex & 2 ? 8 : 0);
		scale = 1 << (sib >> 6);
		base = (sib & 7) | (d->rex & 1 ? 8 : 0);
		if ((sib & 7) == 5 && d->mod == 0) {
			base = -1;
			disp = take_signed(d, 4);
		}
		/* No index: LLVM shows %riz where a SIB byte was not needed
		 * (a base other than rsp/r12, or a scale). */
		if (index == 4)
			index = scale != 1 || (base >= 0 && (base & 7) != 4) ? RIZ : -1;
	} else if ((d->rm & 7) == 5 && d->mod == 0) {
		rip = 1;
		disp = take_signed(d, 4);
	} else {
		base = (int)d->rm;
	}
	if (d->mod == 1)
		disp = take_signed(d, 1);
	else if (d->mod == 2)
		disp = take_signed(d, 4);
	if (d->seg >= 0)
		put(d, "%%%cs:", segs[d->seg]);
	if (disp || (base < 0 && index < 0 && !rip))
		put(d, "%lld", (long long)disp);
	if (rip) {
		put(d, "(%%rip)");
		return;
	}
	if (base < 0 && index < 0)
		return;
	put(d, "(");
	if (base >= 0)
		put_reg(d, (unsigned)base, SZ_Q);
	if (index >= 0) {
		put(d, ",");
		if (index == RIZ)
			put(d, "%%riz");
		else
			put_reg(d, (unsigned)index, SZ_Q);
		if (scale != 1)
			put(d, ",%d", scale);
	}
	put(d, ")");
}

static const struct row *find(const struct row *t, size_t n, unsigned op)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (op >= t[i].op && op < (unsigned)t[i].op + t[i].count)
			return &t[i];
	return NULL;
}

static void put_name(struct dec *d, unsigned name, unsigned op, int sz, unsigned flags)
{
	static const char suffix[4] = { 'b', 'w', 'l', 'q' };

	put(d, "\t%s", names[name]);
	if (name >= N_JCC)
		put(d, "%s", conds[op & 15]);
	if (!(flags & F_NOSUF))
		put(d, "%c", suffix[sz]);
}

/* "$imm, E": E's bytes (ModRM, SIB, displacement) come before the
 * immediate's, its text after. */
static void put_imm_rm(struct dec *d, unsigned imm_bytes, int sz, int imm_sz)
{
	size_t mark = d->pos;
	char e[64];
	int64_t imm;

	put_rm(d, sz);
	snprintf(e, sizeof(e), "%s", mark < d->size ? d->out + mark : "");
	d->pos = mark;
	imm = take_imm(d, imm_bytes, imm_sz);
	put(d, "$%lld, %s", (long long)imm, e);
}

/* Shapes with a ModRM byte. */
#define MODRM_SHAPES ((1u << S_G_E) | (1u << S_E_G) | (1u << S_E) | (1u << S_I_E) | \
		      (1u << S_1_E) | (1u << S_CL_E) | (1u << S_I_E_G) | (1u << S_V_E_G))

/* One instruction whose opcode byte `op` has table row `row`. */
static void decode_row(struct dec *d, const struct row *row, unsigned op, uint64_t pc)
{
	unsigned flags = row->flags, name = row->name;
	int sz = flags & F_BYTE ? SZ_B : d->rex & 8 ? SZ_Q : d->opsize16 ? SZ_W
		: flags & F_DEF64 ? SZ_Q : SZ_L;
	unsigned imm_bytes = flags & F_IB ? 1 : sz == SZ_W ? 2 : 4;
	int indirect = 0, src_sz = sz;
	int64_t imm = 0;

	if (MODRM_SHAPES & (1u << row->shape))
		modrm(d);
	switch (name) {
	case N_GRP1:
		name = N_ADD + (d->reg & 7);
		break;
	case N_GRP2:
		name = N_ROL + (d->reg & 7);
		if (name == N_SAL)
			d->bad = 1;
		break;
	case N_GRP3:
		name = group3[d->reg & 7];
		if (name == N_TEST) {
			flags |= sz == SZ_B ? F_IB : F_IZ;
			imm_bytes = sz == SZ_B ? 1 : sz == SZ_W ? 2 : 4;
		}
		break;
	case N_GRP4:
		name = group4[d->reg & 7];
		break;
	case N_GRP5:
		name = group5[d->reg & 7];
		if (name == N_CALL || name == N_JMP || name == N_PUSH) {
			indirect = name != N_PUSH;
			if (indirect && d->opsize16)	/* not the JIT's: left out */
				d->bad = 1;
			if (!(d->rex & 8) && !d->opsize16)
				sz = SZ_Q;
		}
		break;
	case N_MOV_GRP11:
		name = (d->reg & 7) ? N_NONE : N_MOV;
		break;
	case N_LEA:
		if (d->mod == 3)
			d->bad = 1;
		break;
	case N_MOVSL:
		if (!(d->rex & 8))
			d->bad = 1;
		break;
	}
	if (name == N_NONE || (row->shape == S_REL && d->opsize16)) {
		d->bad = 1;
		return;
	}
	if (flags & (F_SRC_B | F_SRC_W | F_SRC_L))
		src_sz = flags & F_SRC_B ? SZ_B : flags & F_SRC_W ? SZ_W : SZ_L;
	if (row->shape == S_I_Z && (flags & F_IV) && sz == SZ_Q)
		name = N_MOVABS;
	put_name(d, name, op, sz, flags);
	/* Memory operands come before the immediate in the bytes but after
	 * it in the text: print E into place later. */
	switch (row->shape) {
	case S_NONE:
		break;
	case S_G_E:
		/* xchg between registers: LLVM names E first */
		if (name == N_XCHG && d->mod == 3) {
			put(d, "\t");
			put_rm(d, sz);
			put(d, ", ");
			put_reg(d, d->reg, sz);
			break;
		}
		put(d, "\t");
		put_reg(d, d->reg, sz);
		put(d, ", ");
		put_rm(d, sz);
		break;
	case S_E_G:
		put(d, "\t");
		put_rm(d, src_sz);
		put(d, ", ");
		put_reg(d, d->reg, sz);
		break;
	case S_E:
	case S_1_E:
		put(d, "\t%s", indirect ? "*" : "");
		if (flags & (F_IB | F_IZ))	/* test $imm, E */
			put_imm_rm(d, imm_bytes, sz, sz);
		else
			put_rm(d, sz);
		break;
	case S_I_E:
	case S_I_E_G:
		put(d, "\t");
		put_imm_rm(d, imm_bytes, sz, row->name == N_GRP2 ? SZ_COUNT : sz);
		if (row->shape == S_I_E_G) {
			put(d, ", ");
			put_reg(d, d->reg, sz);
		}
		break;
	case S_CL_E:
		put(d, "\t%%cl, ");
		put_rm(d, sz);
		break;
	case S_I_AX:
		imm = take_imm(d, imm_bytes, sz);
		put(d, "\t$%lld, ", (long long)imm);
		put_reg(d, 0, sz);
		break;
	case S_I_Z:
		imm = take_imm(d, sz == SZ_B ? 1 : sz == SZ_W ? 2 : sz == SZ_L ? 4 : 8, sz);
		put(d, "\t$%lld, ", (long long)imm);
		put_reg(d, (op & 7) | (d->rex & 1 ? 8 : 0), sz);
		break;
	case S_Z:
		put(d, "\t");
		put_reg(d, (op & 7) | (d->rex & 1 ? 8 : 0), sz);
		break;
	case S_Z_AX:
		put(d, "\t");
		put_reg(d, (op & 7) | (d->rex & 1 ? 8 : 0), sz);
		put(d, ", ");
		put_reg(d, 0, sz);
		break;
	case S_REL:
		imm = take_signed(d, flags & F_IB ? 1 : 4);
		put(d, "\t0x%llx", (unsigned long long)(pc + d->len + (uint64_t)imm));
		break;
	case S_V_E_G:
		put(d, "\t");
		put_reg(d, d->vvvv, sz);
		put(d, ", ");
		put_rm(d, sz);
		put(d, ", ");
		put_reg(d, d->reg, sz);
		break;
	}
}

/* VEX-encoded (c4, three bytes): only the BMI2 shifts the JIT uses. */
static void decode_vex(struct dec *d, uint64_t pc)
{
	static const struct row shiftx = { 0xf7, 1, N_SHLX, S_V_E_G, 0 };
	unsigned b1 = (unsigned)take(d, 1), b2 = (unsigned)take(d, 1), op = (unsigned)take(d, 1);
	struct row row = shiftx;

	if (d->bad || (b1 & 0x1f) != 2 || op != 0xf7 || (b2 & 4) || !vex_shifts[b2 & 3]) {
		d->bad = 1;
		return;
	}
	d->rex = 0x40 | (~b1 >> 5 & 7) | (b2 & 0x80 ? 8 : 0);
	d->vvvv = ~b2 >> 3 & 15;
	row.name = vex_shifts[b2 & 3];
	decode_row(d, &row, op, pc);
}

size_t disasm_x86_64(const uint8_t *code, size_t avail, uint64_t pc, char *text, size_t size)
{
	struct dec d = { .code = code, .avail = avail, .seg = -1, .out = text, .size = size };
	int lock = 0, f3 = 0, f2 = 0;
	unsigned op;
	size_t i;

	/* LLVM reads a lock prefix as an instruction of its own. */
	if (avail && code[0] == 0xf0) {
		snprintf(text, size, "\tlock");
		return 1;
	}
	/* Legacy prefixes, then at most one REX right before the opcode. */
	for (;;) {
		op = (unsigned)take(&d, 1);
		if (d.bad)
			break;
		if (op == 0x66)
			d.opsize16 = 1;
		else if (op == 0xf0)	/* after another prefix: part of the text */
			lock = 1;
		else if (op == 0xf3)
			f3 = 1;
		else if (op == 0xf2)
			f2 = 1;
		else if (op == 0x26 || op == 0x2e || op == 0x36 || op == 0x3e)
			d.seg = (op >> 3) & 3;
		else if (op == 0x64 || op == 0x65)
			d.seg = op - 0x64 + 4;
		else
			break;
		if (d.len >= 15)
			d.bad = 1;
	}
	if ((op & 0xf0) == 0x40 && !d.bad) {
		d.rex = op;
		op = (unsigned)take(&d, 1);
	}
	if (lock)
		put(&d, "\tlock\t");
	if (d.bad) {
		/* nothing decoded */
	} else if (op == 0xc4 && !d.rex && !f3 && !f2 && !d.opsize16) {
		decode_vex(&d, pc);
	} else if (op == 0x0f) {
		const struct row *row;

		op = (unsigned)take(&d, 1);
		for (i = 0; i < sizeof(special0f) / sizeof(special0f[0]); i++)
			if (special0f[i].op == op && d.len < avail && code[d.len] == special0f[i].modrm &&
			    special0f[i].f3 == f3) {
				d.len++;
				f3 = 0;
				put(&d, "\t%s", names[special0f[i].name]);
				break;
			}
		if (i == sizeof(special0f) / sizeof(special0f[0])) {
			row = find(map0f, sizeof(map0f) / sizeof(map0f[0]), op);
			if (row)
				decode_row(&d, row, op, pc);
			else
				d.bad = 1;
		}
	} else if (op < 0x40 && (op & 7) < 6) {
		/* add or adc sbb and sub xor cmp: Eb,Gb Ev,Gv Gb,Eb Gv,Ev AL,Ib eAX,Iz */
		static const uint8_t shapes[6] = { S_G_E, S_G_E, S_E_G, S_E_G, S_I_AX, S_I_AX };
		static const uint16_t kinds[6] = { F_BYTE, 0, F_BYTE, 0, F_BYTE | F_IB, F_IZ };
		struct row row = { op, 1, (uint8_t)(op >> 3), shapes[op & 7], kinds[op & 7] };

		decode_row(&d, &row, op, pc);
	} else if (op == 0x90 && !(d.rex & 1)) {
		put(&d, "\t%s", names[f3 ? N_PAUSE : N_NOP]);
		f3 = 0;
	} else if (op == 0x98 || op == 0x99) {
		int sz = d.rex & 8 ? 2 : d.opsize16 ? 0 : 1;
		static const uint8_t ext[2][3] = { { N_NONE, N_CWTL, N_CLTQ }, { N_CWTD, N_CLTD, N_CQTO } };

		if (ext[op - 0x98][sz] == N_NONE)
			d.bad = 1;
		else
			put(&d, "\t%s", names[ext[op - 0x98][sz]]);
	} else {
		const struct row *row = find(map1, sizeof(map1) / sizeof(map1[0]), op);

		if (row)
			decode_row(&d, row, op, pc);
		else
			d.bad = 1;
	}
	if (d.bad || f3 || f2 || d.pos >= size) {
		snprintf(text, size, "\t.byte\t0x%02x", code[0]);
		return 1;
	}
	return d.len;
}
