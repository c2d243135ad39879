/* bpf_disasm: the kernel's instruction spelling (kernel/bpf/disasm.c,
 * current ISA: sdiv/smod, movsx, bswap, ldsx, atomics with fetch,
 * load-acquire/store-release, addr_space_cast, may_goto, gotol, gotox).
 *
 * The first row of the table whose class set, code mask and condition
 * fit the instruction gives its template.  Templates hold "%" + a letter
 * for each field (see put_field()); the "(code) " prefix is added unless
 * the template starts with '!' (the kernel's "BUG_" lines have none).
 * Where the kernel prints a NULL table entry through printf (an opcode
 * it has no name for), glibc shows "(null)": so do we. */
#include "output/bpf_disasm.h"
#include "lib/names.h"

#include <stdbool.h>
#include <string.h>

#define C(class) (1u << (class))
#define ALUS (C(BPF_ALU) | C(BPF_ALU64))
#define JMPS (C(BPF_JMP) | C(BPF_JMP32))

enum cond {
	ANY,
	OFF_1,		/* addr_space_cast */
	OFF_M1,		/* internal mov of a per-CPU address */
	AT_ALU,		/* atomic add/and/or/xor */
	AT_FETCH,	/* the same with BPF_FETCH */
	AT_CMPXCHG,
	AT_XCHG,
	AT_LOAD_ACQ,
	AT_STORE_REL,
	SRC_1,		/* call: bpf-to-bpf (BPF_PSEUDO_CALL) */
	SRC_0,		/* jcond: may_goto */
};

static const struct row {
	uint8_t classes, mask, value, cond;
	const char *tmpl;
} rows[] = {
	{ C(BPF_ALU64), 0xf0, 0xd0, ANY, "r%d = bswap%i r%d" },
	{ C(BPF_ALU), 0xf0, 0xd0, ANY, "r%d = %e%i r%d" },
	{ ALUS, 0xf0, 0x80, ANY, "%c%d = -%c%d" },
	{ C(BPF_ALU64), 0xff, 0xbf, OFF_1, "r%d = addr_space_cast(r%s, %u, %v)" },
	{ C(BPF_ALU64), 0xff, 0xbf, OFF_M1, "r%d = &(void __percpu *)(r%s)" },
	{ ALUS, 0x08, 0x08, ANY, "%c%d %a %m%c%s" },
	{ ALUS, 0, 0, ANY, "%c%d %a %i" },
	{ C(BPF_STX), 0xe0, 0x60, ANY, "*(%z *)(r%d %o) = r%s" },
	{ C(BPF_STX), 0xe0, 0xc0, AT_ALU, "lock *(%z *)(r%d %o) %A r%s" },
	{ C(BPF_STX), 0xe0, 0xc0, AT_FETCH, "r%s = atomic%6_fetch_%F((%z *)(r%d %o), r%s)" },
	{ C(BPF_STX), 0xe0, 0xc0, AT_CMPXCHG, "r0 = atomic%6_cmpxchg((%z *)(r%d %o), r0, r%s)" },
	{ C(BPF_STX), 0xe0, 0xc0, AT_XCHG, "r%s = atomic%6_xchg((%z *)(r%d %o), r%s)" },
	{ C(BPF_STX), 0xe0, 0xc0, AT_LOAD_ACQ, "r%d = load_acquire((%z *)(r%s %o))" },
	{ C(BPF_STX), 0xe0, 0xc0, AT_STORE_REL, "store_release((%z *)(r%d %o), r%s)" },
	{ C(BPF_STX), 0, 0, ANY, "!BUG_%h" },
	{ C(BPF_ST), 0xe0, 0x60, ANY, "*(%z *)(r%d %o) = %i" },
	{ C(BPF_ST), 0xe0, 0xc0, ANY, "nospec" },
	{ C(BPF_ST), 0, 0, ANY, "!BUG_st_%h" },
	{ C(BPF_LDX), 0xe0, 0x60, ANY, "r%d = *(%z *)(r%s %o)" },
	{ C(BPF_LDX), 0xe0, 0x80, ANY, "r%d = *(%S *)(r%s %o)" },
	{ C(BPF_LDX), 0, 0, ANY, "!BUG_ldx_%h" },
	{ C(BPF_LD), 0xe0, 0x20, ANY, "r0 = *(%z *)skb[%i]" },
	{ C(BPF_LD), 0xe0, 0x40, ANY, "r0 = *(%z *)skb[r%s + %i]" },
	{ C(BPF_LD), 0xf8, 0x18, ANY, "r%d = %L" },
	{ C(BPF_LD), 0, 0, ANY, "!BUG_ld_%h" },
	{ JMPS, 0xf0, 0x80, SRC_1, "call pc%C" },
	{ JMPS, 0xf0, 0x80, ANY, "call %C#%i" },
	{ C(BPF_JMP), 0xff, 0x05, ANY, "goto pc%o" },
	{ C(BPF_JMP), 0xff, 0x0d, ANY, "gotox r%d" },
	{ C(BPF_JMP), 0xff, 0xe5, SRC_0, "may_goto pc%o" },
	{ C(BPF_JMP32), 0xff, 0x06, ANY, "gotol pc%I" },
	{ C(BPF_JMP), 0xff, 0x95, ANY, "exit" },
	{ JMPS, 0x08, 0x08, ANY, "if %c%d %j %c%s goto pc%o" },
	{ JMPS, 0, 0, ANY, "if %c%d %j 0x%x goto pc%o" },
};

/* Indexed by BPF_OP() >> 4. */
static const char *const alu_ops[16] = {
	"+=", "-=", "*=", "/=", "|=", "&=", "<<=", ">>=",
	"neg", "%=", "^=", "=", "s>>=", "endian",
};
static const char *const jmp_ops[16] = {
	"jmp", "==", ">", ">=", "&", "!=", "s>", "s>=",
	"call", "exit", "<", "<=", "s<", "s<=",
};
static const char *const atomic_ops[16] = {
	[0x0] = "add", [0x4] = "or", [0x5] = "and", [0xa] = "xor",
};
/* Indexed by BPF_SIZE() >> 3. */
static const char *const sizes[4] = { "u32", "u16", "u8", "u64" };
static const char *const sx_sizes[4] = { "s32", "s16", "s8" };

#define FETCH 0x01

static int matches(const struct row *row, const struct bpf_insn *insn)
{
	int imm = insn->imm;

	if (!(row->classes & C(BPF_CLASS(insn->code))) ||
	    (insn->code & row->mask) != row->value)
		return 0;
	switch (row->cond) {
	case OFF_1:
		return insn->off == 1;
	case OFF_M1:
		return insn->off == -1;
	case AT_ALU:
	case AT_FETCH:
		if (row->cond == AT_FETCH) {
			if (!(imm & FETCH))
				return 0;
			imm &= ~FETCH;
		}
		return imm == 0x00 || imm == 0x50 || imm == 0x40 || imm == 0xa0;
	case AT_CMPXCHG:
		return imm == (0xf0 | FETCH);
	case AT_XCHG:
		return imm == (0xe0 | FETCH);
	case AT_LOAD_ACQ:
		return imm == 0x100;
	case AT_STORE_REL:
		return imm == 0x110;
	case SRC_1:
		return insn->src_reg == BPF_PSEUDO_CALL;
	case SRC_0:
		return insn->src_reg == 0;
	}
	return 1;
}

struct line {
	char *buf;
	size_t size, len;
};

/* Plain copies and numbers without printf: a dump formats a million
 * instructions. */
static void put_n(struct line *l, const char *s, size_t n)
{
	size_t room = l->size - l->len - 1;

	if (n > room)
		n = room;
	memcpy(l->buf + l->len, s, n);
	l->len += n;
	l->buf[l->len] = 0;
}

static void put_name(struct line *l, const char *s)
{
	if (!s)
		s = "(null)";
	put_n(l, s, strlen(s));
}

/* u in base 16 with at least width digits. */
static void put_hex(struct line *l, uint64_t u, unsigned width)
{
	char tmp[24], *p = tmp + sizeof(tmp);

	do {
		*--p = "0123456789abcdef"[u & 15];
		u >>= 4;
	} while (u || tmp + sizeof(tmp) - p < (long)width);
	put_n(l, p, (size_t)(tmp + sizeof(tmp) - p));
}

/* v in decimal, "+" before it when plus and v >= 0. */
static void put_dec(struct line *l, int64_t v, bool plus)
{
	char tmp[24], *p = tmp + sizeof(tmp);
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;

	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--p = '-';
	else if (plus)
		*--p = '+';
	put_n(l, p, (size_t)(tmp + sizeof(tmp) - p));
}

/* The callee's name, as the kernel's __func_get_name(). */
static void put_call(struct line *l, const struct bpf_insn *insn, const struct disasm_names *n)
{
	const char *helper = insn->src_reg ? NULL : helper_short_name((uint32_t)insn->imm);
	const char *name = NULL;
	char tmp[128];

	if (helper) {
		put_n(l, "bpf_", 4);
		put_name(l, helper);
		return;
	}
	if (n && n->call)
		name = n->call(n->ctx, insn, tmp, sizeof(tmp));
	if (name)
		put_name(l, name);
	else if (insn->src_reg == BPF_PSEUDO_CALL)
		put_dec(l, insn->imm, true);
	else
		put_name(l, insn->src_reg == BPF_PSEUDO_KFUNC_CALL ? "kernel-function" : "unknown");
}

static void put_imm64(struct line *l, const struct bpf_insn *insn, const struct bpf_insn *next,
		      const struct disasm_names *n)
{
	uint64_t imm = (uint64_t)(uint32_t)(next ? next->imm : 0) << 32 | (uint32_t)insn->imm;
	const char *name = NULL;
	char tmp[128];

	if (n && n->imm)
		name = n->imm(n->ctx, insn, imm, tmp, sizeof(tmp));
	if (name)
		put_name(l, name);
	else {
		put_n(l, "0x", 2);
		put_hex(l, imm, 1);
	}
}

static void put_field(struct line *l, char f, const struct bpf_insn *insn,
		      const struct bpf_insn *next, const struct disasm_names *n)
{
	uint8_t code = insn->code, op = BPF_OP(code) >> 4;
	unsigned class = BPF_CLASS(code);

	switch (f) {
	case 'h': put_hex(l, code, 2); break;
	case 'c': put_name(l, class == BPF_ALU || class == BPF_JMP32 ? "w" : "r"); break;
	case 'd': put_dec(l, insn->dst_reg, false); break;
	case 's': put_dec(l, insn->src_reg, false); break;
	case 'o': put_dec(l, insn->off, true); break;
	case 'i': put_dec(l, insn->imm, false); break;
	case 'I': put_dec(l, insn->imm, true); break;
	case 'x': put_hex(l, (uint32_t)insn->imm, 1); break;
	case 'u': put_dec(l, (uint32_t)insn->imm >> 16, false); break;
	case 'v': put_dec(l, (uint16_t)insn->imm, false); break;
	case 'e': put_name(l, BPF_SRC(code) ? "be" : "le"); break;
	case '6': put_name(l, BPF_SIZE(code) == BPF_DW ? "64" : ""); break;
	case 'z': put_name(l, sizes[BPF_SIZE(code) >> 3]); break;
	case 'S': put_name(l, sx_sizes[BPF_SIZE(code) >> 3]); break;
	case 'j': put_name(l, jmp_ops[op]); break;
	case 'A': put_name(l, alu_ops[(insn->imm & 0xf0) >> 4]); break;
	case 'F': put_name(l, atomic_ops[(insn->imm & 0xf0) >> 4]); break;
	case 'a':	/* sdiv/smod: off 1 */
		put_name(l, insn->off == 1 && (op == 0x3 || op == 0x9) ?
				(op == 0x3 ? "s/=" : "s%=") : alu_ops[op]);
		break;
	case 'm':	/* movsx: off 8, 16 or 32 */
		if (op == 0xb && (insn->off == 8 || insn->off == 16 || insn->off == 32)) {
			put_n(l, "(s", 2);
			put_dec(l, insn->off, false);
			put_n(l, ")", 1);
		}
		break;
	case 'C': put_call(l, insn, n); break;
	case 'L': put_imm64(l, insn, next, n); break;
	}
}

size_t bpf_disasm(char *buf, size_t size, const struct bpf_insn *insn,
		  const struct bpf_insn *next, const struct disasm_names *names)
{
	struct line l = { buf, size, 0 };
	const struct row *row = rows;
	const char *t;

	if (!size)
		return 0;
	*buf = 0;
	while (!matches(row, insn))	/* the last ALU, LD.. and JMP rows match all */
		row++;
	t = row->tmpl;
	if (*t == '!') {
		t++;
	} else {
		put_n(&l, "(", 1);
		put_hex(&l, insn->code, 2);
		put_n(&l, ") ", 2);
	}
	while (*t) {
		size_t n = strcspn(t + 1, "%") + 1;

		if (*t == '%' && t[1]) {
			put_field(&l, t[1], insn, next, names);
			t += 2;
			continue;
		}
		put_n(&l, t, n);
		t += n;
	}
	put_n(&l, "\n", 1);
	return l.len;
}
