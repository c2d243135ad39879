/* arm64 JIT code disassembler (output/disasm.h): the A64 instructions the
 * kernel's arch/arm64/net/bpf_jit_comp.c emits (every A64_* of bpf_jit.h,
 * the encodings of arch/arm64/lib/insn.c) and the rest of their
 * encoding classes, printed as LLVM's AArch64 disassembler prints them
 * through the C API bpftool uses (LLVMDisasmInstruction with "+all"):
 * its preferred aliases (mov, cmp, lsl, cset, mul, stadd ...), decimal
 * immediates but hex bitmask immediates and brk/hlt codes, branch
 * targets as absolute hex addresses, adr and 64-bit literal loads as a
 * "#offset" (the C API symbolizes neither), adrp as the page delta with
 * the page address in a comment.  Encodings LLVM calls unpredictable
 * (a soft fail: writeback into a transfer register, a load pair into one
 * register, exclusives with stray register fields) are unknown to the C
 * API, so they are unknown here too. */
#include "output/disasm.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Formats: how the fields of an instruction word become text.  The
 * entry's names are a space-separated list the format indexes. */
enum {
	F_ADR,     /* adr/adrp: names[op] */
	F_ADDI,    /* add/sub immediate: names[op:S]; mov to/from sp, cmp, cmn */
	F_LOGI,    /* logical bitmask immediate: names[opc]; tst */
	F_MOVW,    /* move wide: names[opc]; mov for movz/movn */
	F_BFM,     /* bitfield move: sbfm/bfm/ubfm and their aliases */
	F_EXTR,    /* extr; ror when both sources are one register */
	F_B,       /* b/bl: names[op] */
	F_BCOND,   /* b.cond/bc.cond: names[bit 4] */
	F_CB,      /* cbz/cbnz: names[op] */
	F_TB,      /* tbz/tbnz: names[op] */
	F_BR,      /* br/blr/ret: names[opc] */
	F_HINT,    /* hint space: hint_names[CRm:op2] or "hint #n" */
	F_BARRIER, /* dmb/dsb/isb/sb/clrex: names[op2 - 2] */
	F_MRS,     /* mrs of the few system registers the JIT reads */
	F_EXC,     /* exception generation: names[opc:LL], 16-bit code */
	F_LDST,    /* load/store register: unsigned offset, register offset,
		    * unscaled, pre/post-index, unprivileged (names by size:opc) */
	F_LDP,     /* load/store pair: names[opc:L] */
	F_LDLIT,   /* load literal: names[opc] */
	F_LDEX,    /* exclusive, acquire/release, compare and swap */
	F_LSE,     /* atomic memory operations: names[o3:opc]; st<op> */
	F_LOGR,    /* logical shifted register: names[opc:N]; mov, mvn, tst */
	F_ADDR,    /* add/sub shifted register: names[op:S]; cmp, cmn, neg */
	F_ADDX,    /* add/sub extended register: names[op:S]; cmp, cmn */
	F_CSEL,    /* conditional select: names[op:o2]; cset, cinc ... */
	F_DP1,     /* one source: names[opcode] */
	F_DP2,     /* two sources: names[opcode - 2] */
	F_DP3,     /* three sources: madd/msub and the long forms; mul ... */
	F_UDF,     /* permanently undefined, 16-bit code */
};

struct a64_op {
	uint32_t mask, value;
	uint8_t fmt;
	const char *names;
};

/* First match wins; every word a format rejects is ".inst". */
static const struct a64_op a64_ops[] = {
	{ 0xffff0000, 0x00000000, F_UDF, "udf" },
	{ 0x1f000000, 0x10000000, F_ADR, "adr adrp" },
	{ 0x1f800000, 0x11000000, F_ADDI, "add adds sub subs" },
	{ 0x1f800000, 0x12000000, F_LOGI, "and orr eor ands" },
	{ 0x1f800000, 0x12800000, F_MOVW, "movn - movz movk" },
	{ 0x1f800000, 0x13000000, F_BFM, "sbf bf ubf" },
	{ 0x7fa00000, 0x13800000, F_EXTR, "extr" },
	{ 0x7c000000, 0x14000000, F_B, "b bl" },
	{ 0xff000000, 0x54000000, F_BCOND, "b. bc." },
	{ 0x7e000000, 0x34000000, F_CB, "cbz cbnz" },
	{ 0x7e000000, 0x36000000, F_TB, "tbz tbnz" },
	{ 0xff9ffc1f, 0xd61f0000, F_BR, "br blr ret" },
	{ 0xfffff01f, 0xd503201f, F_HINT, "" },
	{ 0xfffff01f, 0xd503301f, F_BARRIER, "clrex - dsb dmb isb sb" },
	{ 0xfff00000, 0xd5300000, F_MRS, "mrs" },
	{ 0xff00001c, 0xd4000000, F_EXC, "- svc hvc smc brk - - - hlt" },
	{ 0x3f200c00, 0x38200000, F_LSE, "ldadd ldclr ldeor ldset ldsmax ldsmin ldumax ldumin swp" },
	{ 0x3a000000, 0x38000000, F_LDST, "" },
	{ 0x3a000000, 0x28000000, F_LDP, "stnp ldnp stp ldp - - stp ldpsw stnp ldnp stp ldp" },
	{ 0x3b000000, 0x18000000, F_LDLIT, "ldr ldr ldrsw" },
	{ 0x3f000000, 0x08000000, F_LDEX, "" },
	{ 0x1f000000, 0x0a000000, F_LOGR, "and bic orr orn eor eon ands bics" },
	{ 0x1f200000, 0x0b000000, F_ADDR, "add adds sub subs" },
	{ 0x1f200000, 0x0b200000, F_ADDX, "add adds sub subs" },
	{ 0x1fe00000, 0x1a800000, F_CSEL, "csel csinc csinv csneg" },
	{ 0x7fff0000, 0x5ac00000, F_DP1, "rbit rev16 rev rev clz cls ctz cnt abs" },
	{ 0x7fe00000, 0x1ac00000, F_DP2, "udiv sdiv - - - - lsl lsr asr ror - - - - - - - - - - - - smax umax smin umin" },
	{ 0x1f000000, 0x1b000000, F_DP3, "" },
};

/* Hints 0-40 by CRm:op2; the rest print as "hint #n".  A second word
 * after a tab is the operand LLVM prints. */
static const char *const hint_names[] = {
	"nop", "yield", "wfe", "wfi", "sev", "sevl", "dgh", "xpaclri",
	"pacia1716", 0, "pacib1716", 0, "autia1716", 0, "autib1716", 0,
	"esb", "psb\tcsync", "tsb\tcsync", "gcsb\tdsync", "csdb", 0, "clrbhb", 0,
	"paciaz", "paciasp", "pacibz", "pacibsp", "autiaz", "autiasp", "autibz", "autibsp",
	"bti", 0, "bti\tc", 0, "bti\tj", 0, "bti\tjc", "pacm", "chkfeat\tx16",
};

static const char conds[16][3] = {
	"eq", "ne", "hs", "lo", "mi", "pl", "vs", "vc",
	"hi", "ls", "ge", "lt", "gt", "le", "al", "nv",
};

/* Barrier options by CRm; empty ones print as "#n". */
static const char barrier_opts[16][6] = {
	"", "oshld", "oshst", "osh", "", "nshld", "nshst", "nsh",
	"", "ishld", "ishst", "ish", "", "ld", "st", "sy",
};

static const char extends[8][5] = {
	"uxtb", "uxth", "uxtw", "uxtx", "sxtb", "sxth", "sxtw", "sxtx",
};

static const char shifts[4][4] = { "lsl", "lsr", "asr", "ror" };

/* System registers by op0:op1:CRn:CRm:op2 (o0 is op0 - 2). */
static const struct {
	uint16_t enc;
	char name[10];
} sysregs[] = {
	{ 0x4208, "SP_EL0" }, { 0x4684, "TPIDR_EL1" },
	{ 0x5e82, "TPIDR_EL0" }, { 0x6682, "TPIDR_EL2" },
};

struct a64_text {
	char *p;
	size_t left;
};

static void put(struct a64_text *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(t->p, t->left, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= t->left)
		n = t->left ? (int)t->left - 1 : 0;
	t->p += n;
	t->left -= n;
}

/* Register r (0-31) as LLVM names it: 64-bit or 32-bit, and 31 as the
 * stack pointer or the zero register depending on the operand. */
static void reg(struct a64_text *t, unsigned r, int is64, int sp)
{
	if (r == 31)
		put(t, sp ? (is64 ? "sp" : "wsp") : (is64 ? "xzr" : "wzr"));
	else
		put(t, "%c%u", is64 ? 'x' : 'w', r);
}

/* The n-th word of a space-separated list ("-" marks a hole). */
static int word(const char *list, unsigned n, char *out)
{
	size_t len = 0;

	while (n && *list) {
		if (*list++ == ' ')
			n--;
	}
	while (list[len] && list[len] != ' ' && len < 15) {
		out[len] = list[len];
		len++;
	}
	out[len] = 0;
	return len && strcmp(out, "-") ? 0 : -1;
}

static int64_t sext(uint64_t v, unsigned bits)
{
	return (int64_t)(v << (64 - bits)) >> (64 - bits);
}

#define BITS(w, hi, lo) (((w) >> (lo)) & ((1u << ((hi) - (lo) + 1)) - 1))

/* The value of a logical immediate (N:immr:imms), or -1 when the
 * encoding is reserved; LLVM's (and the ARM ARM's) DecodeBitMasks. */
static int bitmask(unsigned n, unsigned immr, unsigned imms, int is64, uint64_t *out)
{
	unsigned len = 6, size, s, r;
	uint64_t elem;

	if (!is64 && n)
		return -1;
	while (len && !(((n << 6) | (~imms & 0x3f)) >> len & 1))
		len--;
	size = 1u << len;
	s = imms & (size - 1);
	r = immr & (size - 1);
	if (!len || s == size - 1)
		return -1;
	elem = (s + 1 == 64) ? ~0ull : (1ull << (s + 1)) - 1;
	if (r)
		elem = (elem >> r | elem << (size - r)) & (size == 64 ? ~0ull : (1ull << size) - 1);
	for (; size < 64; size *= 2)
		elem |= elem << size;
	*out = is64 ? elem : (uint32_t)elem;
	return 0;
}

/* Whether one movz makes the value: LLVM prints the mov alias of movn
 * and of orr from the zero register only where movz could not. */
static int movz_able(uint64_t v, int is64)
{
	unsigned sh;

	for (sh = 0; sh <= (is64 ? 48u : 16u); sh += 16)
		if (!(v & ~(0xffffull << sh)))
			return 1;
	return 0;
}

static void target(struct a64_text *t, uint64_t pc, int64_t off)
{
	put(t, "0x%llx", (unsigned long long)(pc + (uint64_t)off));
}

/* ", lsl #3" after a shifted register; nothing for lsl #0. */
static void shift_suffix(struct a64_text *t, unsigned type, unsigned amount)
{
	if (type || amount)
		put(t, ", %s #%u", shifts[type], amount);
}

/* "[xN" then ", #imm" unless zero, as offset addressing prints. */
static void mem_offset(struct a64_text *t, unsigned rn, int64_t imm)
{
	put(t, "[");
	reg(t, rn, 1, 1);
	if (imm)
		put(t, ", #%lld", (long long)imm);
	put(t, "]");
}

/* Memory operand by indexing mode (the same 2 bits in single and pair
 * loads/stores): 1 post-index "[xN], #imm", 3 pre-index "[xN, #imm]!",
 * else offset. */
static void mem_indexed(struct a64_text *t, unsigned rn, int64_t imm, unsigned mode)
{
	if (mode != 1 && mode != 3) {
		mem_offset(t, rn, imm);
		return;
	}
	put(t, "[");
	reg(t, rn, 1, 1);
	put(t, mode == 1 ? "], #%lld" : ", #%lld]!", (long long)imm);
}

/* Load/store register (size:opc names, several addressing modes). */
static int decode_ldst(struct a64_text *t, uint32_t w)
{
	unsigned size = BITS(w, 31, 30), opc = BITS(w, 23, 22);
	unsigned rn = BITS(w, 9, 5), rt = BITS(w, 4, 0), type = BITS(w, 11, 10);
	int uoff = w >> 24 & 1, is64 = size == 3 || opc == 2;
	const char *mid = "r";
	int64_t imm = sext(BITS(w, 20, 12), 9);

	if (w >> 26 & 1 || (size == 3 && opc >= 2) || (size == 2 && opc == 3))
		return -1;
	if (!uoff && w >> 21 & 1) {
		if (type != 2 || !(BITS(w, 15, 13) & 2))
			return -1;
	} else if (!uoff) {
		mid = type == 0 ? "ur" : type == 2 ? "tr" : "r";
		/* LLVM: no writeback into the register a load fills. */
		if (opc & 1 && type && rn != 31 && rn == rt)
			return -1;
	}
	put(t, "\t%s%s%s%s\t", opc ? "ld" : "st", mid, opc >= 2 ? "s" : "",
	    size == 0 ? "b" : size == 1 ? "h" : opc >= 2 ? "w" : "");
	reg(t, rt, is64, 0);
	put(t, ", ");
	if (uoff) {
		mem_offset(t, rn, (int64_t)BITS(w, 21, 10) << size);
	} else if (w >> 21 & 1) {
		unsigned option = BITS(w, 15, 13), s = w >> 12 & 1;

		put(t, "[");
		reg(t, rn, 1, 1);
		put(t, ", ");
		reg(t, BITS(w, 20, 16), option & 1, 0);
		if (option != 3)
			put(t, ", %s", extends[option]);
		else if (s)
			put(t, ", lsl");
		if (s)
			put(t, " #%u", size);
		put(t, "]");
	} else {
		mem_indexed(t, rn, imm, type);
	}
	return 0;
}

static int decode_ldp(struct a64_text *t, uint32_t w)
{
	unsigned opc = BITS(w, 31, 30), type = BITS(w, 24, 23), load = w >> 22 & 1;
	unsigned rt = BITS(w, 4, 0), rt2 = BITS(w, 14, 10), rn = BITS(w, 9, 5);
	int64_t imm = sext(BITS(w, 21, 15), 7) * (opc == 2 ? 8 : 4);

	if (w >> 26 & 1 || opc == 3 || (opc == 1 && (!load || !type)))
		return -1;
	if ((load && rt == rt2) || (type & 1 && rn != 31 && (rn == rt || rn == rt2)))
		return -1;
	put(t, "\t%s%s%s\t", load ? "ld" : "st", type ? "p" : "np", opc == 1 ? "sw" : "");
	reg(t, rt, opc != 0, 0);
	put(t, ", ");
	reg(t, rt2, opc != 0, 0);
	put(t, ", ");
	mem_indexed(t, rn, imm, type);
	return 0;
}

/* Exclusives, load-acquire/store-release (and their LO forms), cas. */
static int decode_ldex(struct a64_text *t, uint32_t w)
{
	unsigned size = BITS(w, 31, 30), o2 = w >> 23 & 1, load = w >> 22 & 1, o1 = w >> 21 & 1;
	unsigned rs = BITS(w, 20, 16), o0 = w >> 15 & 1, rt = BITS(w, 4, 0);
	const char *sfx = size == 0 ? "b" : size == 1 ? "h" : "";

	/* Only a store exclusive may have a stray Rt2 for LLVM. */
	if ((BITS(w, 14, 10) != 31 && (load || o1 || o2)) || (o1 && !o2))
		return -1;
	if (o2 && o1) {
		put(t, "\tcas%s%s%s\t", load ? "a" : "", o0 ? "l" : "", sfx);
		reg(t, rs, size == 3, 0);
		put(t, ", ");
	} else if (load || o2) {
		if (rs != 31)
			return -1;
		if (o2)
			put(t, "\t%s%s%s\t", load ? "ld" : "st", load ? (o0 ? "ar" : "lar") : (o0 ? "lr" : "llr"), sfx);
		else
			put(t, "\tld%sxr%s\t", o0 ? "a" : "", sfx);
	} else {
		put(t, "\tst%sxr%s\t", o0 ? "l" : "", sfx);
		reg(t, rs, 0, 0);
		put(t, ", ");
	}
	reg(t, rt, size == 3, 0);
	put(t, ", [");
	reg(t, BITS(w, 9, 5), 1, 1);
	put(t, "]");
	return 0;
}

static int decode_bfm(struct a64_text *t, uint32_t w)
{
	unsigned sf = w >> 31, opc = BITS(w, 30, 29), immr = BITS(w, 21, 16), imms = BITS(w, 15, 10);
	unsigned rd = BITS(w, 4, 0), rn = BITS(w, 9, 5), top = sf ? 63 : 31;
	const char *name = 0;
	unsigned a = 0, b = 0, nimm = 1;

	if (opc == 3 || (w >> 22 & 1) != sf || immr > top || imms > top)
		return -1;
	if (opc != 1 && immr == 0 && (imms == 7 || imms == 15 || imms == 31)) {
		if (opc == 0 && (imms < 31 || sf))
			name = imms == 7 ? "sxtb" : imms == 15 ? "sxth" : "sxtw";
		else if (opc == 2 && !sf && imms < 31)
			name = imms == 7 ? "uxtb" : "uxth";
		if (name) {
			put(t, "\t%s\t", name);
			reg(t, rd, sf, 0);
			put(t, ", ");
			reg(t, rn, 0, 0);
			return 0;
		}
	}
	if (opc == 2 && imms != top && imms + 1 == immr)
		name = "lsl", a = top - imms, nimm = 0;
	else if (opc != 1 && imms == top)
		name = opc ? "lsr" : "asr", a = immr, nimm = 0;
	else if (imms < immr)
		name = opc == 0 ? "sbfiz" : opc == 1 ? "bfi" : "ubfiz", a = top + 1 - immr, b = imms + 1;
	else
		name = opc == 0 ? "sbfx" : opc == 1 ? "bfxil" : "ubfx", a = immr, b = imms - immr + 1;
	put(t, "\t%s\t", name);
	reg(t, rd, sf, 0);
	put(t, ", ");
	reg(t, rn, sf, 0);
	put(t, ", #%u", a);
	if (nimm)
		put(t, ", #%u", b);
	return 0;
}

static int decode_dp3(struct a64_text *t, uint32_t w)
{
	unsigned sf = w >> 31, op31 = BITS(w, 23, 21), o0 = w >> 15 & 1, ra = BITS(w, 14, 10);
	const char *u = op31 & 4 ? "u" : "s";
	int narrow = 0;

	if (BITS(w, 30, 29) || (op31 && !sf))
		return -1;
	if (op31 == 0) {
		put(t, "\t%s\t", ra == 31 ? (o0 ? "mneg" : "mul") : (o0 ? "msub" : "madd"));
	} else if ((op31 & 3) == 1) {
		put(t, "\t%s%s\t", u, ra == 31 ? (o0 ? "mnegl" : "mull") : (o0 ? "msubl" : "maddl"));
		narrow = 1;
	} else if ((op31 & 3) == 2 && !o0) {
		put(t, "\t%smulh\t", u);
	} else {
		return -1;
	}
	reg(t, BITS(w, 4, 0), sf, 0);
	put(t, ", ");
	reg(t, BITS(w, 9, 5), sf && !narrow, 0);
	put(t, ", ");
	reg(t, BITS(w, 20, 16), sf && !narrow, 0);
	if ((op31 & 3) != 2 && ra != 31) {
		put(t, ", ");
		reg(t, ra, sf, 0);
	}
	return 0;
}

/* "add rd, rn" of the immediate and extended forms (rd is sp unless
 * flags are set, rn is sp), or "cmp/cmn rn" when flags go to the zero
 * register: op:S picks the name. */
static void addsub_head(struct a64_text *t, const char *names, unsigned op_s,
			unsigned rd, unsigned rn, unsigned sf)
{
	char name[16];

	if (op_s & 1 && rd == 31) {
		put(t, op_s & 2 ? "\tcmp\t" : "\tcmn\t");
	} else {
		word(names, op_s, name);
		put(t, "\t%s\t", name);
		reg(t, rd, sf, !(op_s & 1));
		put(t, ", ");
	}
	reg(t, rn, sf, 1);
}

static int decode(struct a64_text *t, uint32_t w, uint64_t pc, const struct a64_op *op)
{
	unsigned sf = w >> 31, rd = BITS(w, 4, 0), rn = BITS(w, 9, 5), rm = BITS(w, 20, 16);
	unsigned opc = BITS(w, 30, 29), crm = BITS(w, 11, 8), op2 = BITS(w, 7, 5);
	char name[16];
	uint64_t imm;
	int64_t off;
	unsigned i, n;

	switch (op->fmt) {
	case F_UDF:
		put(t, "\tudf\t#%u", w & 0xffff);
		return 0;
	case F_ADR:
		off = sext(BITS(w, 23, 5) << 2 | BITS(w, 30, 29), 21);
		put(t, sf ? "\tadrp\t" : "\tadr\t");
		reg(t, rd, 1, 0);
		if (!sf)
			put(t, ", #%lld", (long long)off);
		else
			put(t, ", %lld // 0x%llx", (long long)off,
			    (unsigned long long)((pc & ~0xfffull) + ((uint64_t)off << 12)));
		return 0;
	case F_ADDI:
		i = BITS(w, 21, 10);
		n = w >> 22 & 1;
		if (!opc && !n && !i && (rd == 31 || rn == 31)) {
			put(t, "\tmov\t");
			reg(t, rd, sf, 1);
			put(t, ", ");
			reg(t, rn, sf, 1);
			return 0;
		}
		addsub_head(t, op->names, opc, rd, rn, sf);
		put(t, ", #%u", i);
		if (n)
			put(t, ", lsl #12");
		return 0;
	case F_LOGI:
		if (bitmask(w >> 22 & 1, BITS(w, 21, 16), BITS(w, 15, 10), sf, &imm))
			return -1;
		if (opc == 1 && rn == 31 && !movz_able(imm, sf) &&
		    !movz_able(~imm & (sf ? ~0ull : 0xffffffffull), sf)) {
			put(t, "\tmov\t");
			reg(t, rd, sf, 1);
			put(t, ", #%lld", (long long)(sf ? (int64_t)imm : (int64_t)(int32_t)imm));
			return 0;
		}
		if (opc == 3 && rd == 31) {
			put(t, "\ttst\t");
		} else {
			word(op->names, opc, name);
			put(t, "\t%s\t", name);
			reg(t, rd, sf, opc != 3);
			put(t, ", ");
		}
		reg(t, rn, sf, 0);
		put(t, ", #0x%llx", (unsigned long long)imm);
		return 0;
	case F_MOVW:
		n = BITS(w, 22, 21) * 16;
		i = BITS(w, 20, 5);
		if (opc == 1 || (!sf && n > 16))
			return -1;
		imm = (uint64_t)i << n;
		if (!opc)
			imm = ~imm & (sf ? ~0ull : 0xffffffffull);
		if (opc != 3 && !(i == 0 && n) && (opc || !movz_able(imm, sf))) {
			put(t, "\tmov\t");
			reg(t, rd, sf, 0);
			put(t, ", #%lld", (long long)(sf ? (int64_t)imm : (int64_t)(int32_t)imm));
			return 0;
		}
		word(op->names, opc, name);
		put(t, "\t%s\t", name);
		reg(t, rd, sf, 0);
		put(t, ", #%u", i);
		if (n)
			put(t, ", lsl #%u", n);
		return 0;
	case F_BFM:
		return decode_bfm(t, w);
	case F_EXTR:
		i = BITS(w, 15, 10);
		if ((w >> 22 & 1) != sf || (!sf && i > 31))
			return -1;
		put(t, rn == rm ? "\tror\t" : "\textr\t");
		reg(t, rd, sf, 0);
		put(t, ", ");
		reg(t, rn, sf, 0);
		if (rn != rm) {
			put(t, ", ");
			reg(t, rm, sf, 0);
		}
		put(t, ", #%u", i);
		return 0;
	case F_B:
		put(t, sf ? "\tbl\t" : "\tb\t");
		target(t, pc, sext(w & 0x3ffffff, 26) * 4);
		return 0;
	case F_BCOND:
		put(t, "\tb%s.%s\t", w & 0x10 ? "c" : "", conds[w & 15]);
		target(t, pc, sext(BITS(w, 23, 5), 19) * 4);
		return 0;
	case F_CB:
	case F_TB:
		word(op->names, w >> 24 & 1, name);
		put(t, "\t%s\t", name);
		if (op->fmt == F_CB) {
			reg(t, rd, sf, 0);
			off = sext(BITS(w, 23, 5), 19);
		} else {
			reg(t, rd, sf, 0);
			put(t, ", #%u", sf << 5 | BITS(w, 23, 19));
			off = sext(BITS(w, 18, 5), 14);
		}
		put(t, ", ");
		target(t, pc, off * 4);
		return 0;
	case F_BR:
		i = BITS(w, 22, 21);
		if (i == 3)
			return -1;
		word(op->names, i, name);
		put(t, "\t%s", name);
		if (i != 2 || rn != 30) {
			put(t, "\t");
			reg(t, rn, 1, 0);
		}
		return 0;
	case F_HINT:
		i = BITS(w, 11, 5);
		if (i < sizeof(hint_names) / sizeof(hint_names[0]) && hint_names[i])
			put(t, "\t%s", hint_names[i]);
		else
			put(t, "\thint\t#%u", i);
		return 0;
	case F_BARRIER:
		if (op2 < 2 || op2 == 3 || (op2 == 7 && crm))
			return -1;
		if (op2 == 4 && (crm == 0 || crm == 4 || crm == 12)) {
			put(t, crm == 12 ? "\tdfb" : crm ? "\tpssbb" : "\tssbb");
			return 0;
		}
		word(op->names, op2 - 2, name);
		put(t, "\t%s", name);
		if ((op2 == 2 || op2 == 6) && crm == 15)
			return 0;
		if (op2 == 7)
			return 0;
		if ((op2 == 4 || op2 == 5) && barrier_opts[crm][0])
			put(t, "\t%s", barrier_opts[crm]);
		else
			put(t, "\t#%u", crm);
		return 0;
	case F_MRS:
		for (i = 0; i < sizeof(sysregs) / sizeof(sysregs[0]); i++) {
			if (sysregs[i].enc == BITS(w, 19, 5)) {
				put(t, "\tmrs\t");
				reg(t, rd, 1, 0);
				put(t, ", %s", sysregs[i].name);
				return 0;
			}
		}
		return -1;
	case F_EXC:
		if (word(op->names, BITS(w, 23, 21) * 4 + (w & 3), name))
			return -1;
		i = BITS(w, 20, 5);
		put(t, i ? "\t%s\t#0x%x" : "\t%s\t#0", name, i);
		return 0;
	case F_LDST:
		return decode_ldst(t, w);
	case F_LDP:
		return decode_ldp(t, w);
	case F_LDLIT:
		if (w >> 26 & 1 || opc == 3 || word(op->names, BITS(w, 31, 30), name))
			return -1;
		put(t, "\t%s\t", name);
		off = sext(BITS(w, 23, 5), 19) * 4;
		reg(t, rd, BITS(w, 31, 30) != 0, 0);
		if (BITS(w, 31, 30) == 1)
			put(t, ", #%lld", (long long)off);
		else {
			put(t, ", ");
			target(t, pc, off);
		}
		return 0;
	case F_LDEX:
		return decode_ldex(t, w);
	case F_LSE: {
		unsigned size = BITS(w, 31, 30), a = w >> 23 & 1, r = w >> 22 & 1;
		const char *sfx = size == 0 ? "b" : size == 1 ? "h" : "";

		i = BITS(w, 15, 12);
		if (i == 12 && a && !r && rm == 31) {
			put(t, "\tldapr%s\t", sfx);
			reg(t, rd, size == 3, 0);
			put(t, ", [");
			reg(t, rn, 1, 1);
			put(t, "]");
			return 0;
		}
		if (w >> 26 & 1 || (i > 8))
			return -1;
		word(op->names, i, name);
		if (i < 8 && !a && rd == 31) {
			put(t, "\tst%s%s%s\t", name + 2, r ? "l" : "", sfx);
			reg(t, rm, size == 3, 0);
		} else {
			put(t, "\t%s%s%s%s\t", name, a ? "a" : "", r ? "l" : "", sfx);
			reg(t, rm, size == 3, 0);
			put(t, ", ");
			reg(t, rd, size == 3, 0);
		}
		put(t, ", [");
		reg(t, rn, 1, 1);
		put(t, "]");
		if (a && rd == 31)
			put(t, " // acquire semantics dropped since destination is zero");
		return 0;
	}
	case F_LOGR:
	case F_ADDR:
		i = BITS(w, 15, 10);
		n = BITS(w, 23, 22);
		if (!sf && i > 31)
			return -1;
		if (op->fmt == F_LOGR) {
			unsigned k = opc << 1 | (w >> 21 & 1);

			if (k == 2 && rn == 31 && !n && !i) {
				put(t, "\tmov\t");
				reg(t, rd, sf, 0);
				put(t, ", ");
				reg(t, rm, sf, 0);
				return 0;
			}
			if (k == 3 && rn == 31)
				put(t, "\tmvn\t"), rn = 32;
			else if (k == 6 && rd == 31)
				put(t, "\ttst\t"), rd = 32;
			else
				word(op->names, k, name), put(t, "\t%s\t", name);
		} else {
			if (n == 3)
				return -1;
			if (opc & 1 && rd == 31)
				put(t, opc & 2 ? "\tcmp\t" : "\tcmn\t"), rd = 32;
			else if (opc & 2 && rn == 31)
				put(t, opc & 1 ? "\tnegs\t" : "\tneg\t"), rn = 32;
			else
				word(op->names, opc, name), put(t, "\t%s\t", name);
		}
		if (rd < 32)
			reg(t, rd, sf, 0), put(t, ", ");
		if (rn < 32)
			reg(t, rn, sf, 0), put(t, ", ");
		reg(t, rm, sf, 0);
		shift_suffix(t, n, i);
		return 0;
	case F_ADDX:
		i = BITS(w, 12, 10);
		n = BITS(w, 15, 13);
		if (BITS(w, 23, 22) || i > 4)
			return -1;
		addsub_head(t, op->names, opc, rd, rn, sf);
		put(t, ", ");
		reg(t, rm, sf && (n & 3) == 3, 0);
		if (n == (sf ? 3u : 2u) && ((!(opc & 1) && rd == 31) || rn == 31)) {
			if (i)
				put(t, ", lsl #%u", i);
		} else {
			put(t, ", %s", extends[n]);
			if (i)
				put(t, " #%u", i);
		}
		return 0;
	case F_CSEL: {
		unsigned cond = BITS(w, 15, 12), k = (w >> 30 & 1) << 1 | (w >> 10 & 1);

		if (opc & 1 || w >> 11 & 1)
			return -1;
		if (k && k < 3 && rn == 31 && rm == 31 && cond < 14) {
			put(t, k == 1 ? "\tcset\t" : "\tcsetm\t");
			reg(t, rd, sf, 0);
			put(t, ", %s", conds[cond ^ 1]);
			return 0;
		}
		if (k && rn == rm && cond < 14) {
			put(t, "\t%s\t", k == 1 ? "cinc" : k == 2 ? "cinv" : "cneg");
			reg(t, rd, sf, 0);
			put(t, ", ");
			reg(t, rn, sf, 0);
			put(t, ", %s", conds[cond ^ 1]);
			return 0;
		}
		word(op->names, k, name);
		put(t, "\t%s\t", name);
		reg(t, rd, sf, 0);
		put(t, ", ");
		reg(t, rn, sf, 0);
		put(t, ", ");
		reg(t, rm, sf, 0);
		put(t, ", %s", conds[cond]);
		return 0;
	}
	case F_DP1:
	case F_DP2:
		i = BITS(w, 15, 10);
		if (op->fmt == F_DP2)
			i = i < 2 ? 99 : i - 2;
		if (word(op->names, i, name) || (op->fmt == F_DP1 && !sf && i == 3))
			return -1;
		put(t, "\t%s\t", op->fmt == F_DP1 && sf && i == 2 ? "rev32" : name);
		reg(t, rd, sf, 0);
		put(t, ", ");
		reg(t, rn, sf, 0);
		if (op->fmt == F_DP2) {
			put(t, ", ");
			reg(t, rm, sf, 0);
		}
		return 0;
	case F_DP3:
		return decode_dp3(t, w);
	}
	return -1;
}

size_t disasm_arm64(const uint8_t *code, size_t avail, uint64_t pc, char *text, size_t size)
{
	struct a64_text t = { text, size };
	uint32_t insn;
	size_t i;

	if (size)
		text[0] = 0;
	if (avail < 4) {
		put(&t, "\t.byte\t0x%02x", code[0]);
		return 1;
	}
	insn = (uint32_t)code[0] | (uint32_t)code[1] << 8 | (uint32_t)code[2] << 16 | (uint32_t)code[3] << 24;
	for (i = 0; i < sizeof(a64_ops) / sizeof(a64_ops[0]); i++) {
		if ((insn & a64_ops[i].mask) != a64_ops[i].value)
			continue;
		if (!decode(&t, insn, pc, &a64_ops[i]))
			return 4;
		break;
	}
	t.p = text;
	t.left = size;
	put(&t, "\t.inst\t0x%08x", insn);
	return 4;
}
