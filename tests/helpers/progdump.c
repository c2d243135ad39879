/* progdump: load programs that exercise the instruction classes "prog
 * dump xlated" prints, with BTF func_info and line_info, and pin them.
 *
 *   progdump KIND PATH
 *     full     socket filter: ALU/ALU64 K and X, le/be, every store and
 *              load size, lock add, JMP/JMP32 conditions, goto, a
 *              global-data value (map value + offset), ld_imm64, a helper,
 *              a bpf-to-bpf call, a tail call through a prog array; two
 *              functions with func_info, line_info on every few insns
 *     ldabs    socket filter: ld_abs/ld_ind of each size (no subprograms:
 *              the verifier does not mix them with calls)
 *     atomics  fetch add/and/or/xor, xchg, cmpxchg, both sizes (5.12+)
 *     v4       sdiv/smod, movsx, bswap, ldsx, gotol (6.6+)
 *     newer    may_goto (6.9+), load-acquire/store-release (6.15+)
 *     kfunc    sched_cls calling bpf_rcu_read_lock/unlock by BTF id
 *     subs     two bpf-to-bpf callees called in reverse address order
 *     regs     for the JIT's encodings: every register as operand (x86
 *              REX bits), shifts, divisions and modulos by register,
 *              8- and 32-bit immediates, stores and loads through
 *              callee-saved bases with 0, 8- and 32-bit offsets, a jump
 *              over more than 127 bytes, a loop, inlined helpers
 *     cgdev    cgroup_device: return 1 (a type the kernel cannot test-run)
 *     stream   socket filter: bpf_stream_vprintk(stdout, "pd out %d\n", 42)
 *     printk   socket filter: bpf_trace_printk("pd hi %d\n", 42)
 *
 * Exit status 0 when loaded and pinned, 3 when the kernel rejects the
 * program (its verifier's last line on stderr: the test skips), 1 on
 * other failures. */
#include "kernel/sys_bpf.h"
#include "btf/btf.h"
#include "btf_builder.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define I(code, dst, src, off, imm) { code, dst, src, off, imm }
#define EXIT I(0x95, 0, 0, 0, 0)
#define FILL I(0xb7, 2, 0, 0, 0)	/* r2 = 0: the same state on both paths */

/* Instruction lists end with a { 0xff } marker; "patch" marks are
 * resolved in load(): map fds, kfunc ids, the callee offset. */
enum { P_NONE, P_PROG_ARRAY, P_DATA, P_KFUNC_LOCK, P_KFUNC_UNLOCK, P_FMT, P_KFUNC_STREAM };

static struct bpf_insn full[] = {
	I(0xbf, 6, 1, 0, 0), I(0xb7, 0, 0, 0, 1), I(0xb7, 7, 0, 0, 3), I(0xb7, 2, 0, 0, 0),
	/* ALU64 K and X */
	I(0x07, 0, 0, 0, 5), I(0x17, 0, 0, 0, 1), I(0x27, 0, 0, 0, 3), I(0x37, 0, 0, 0, 2),
	I(0x47, 0, 0, 0, 8), I(0x57, 0, 0, 0, 255), I(0x67, 0, 0, 0, 2), I(0x77, 0, 0, 0, 1),
	I(0x97, 0, 0, 0, 7), I(0xa7, 0, 0, 0, 3), I(0xc7, 0, 0, 0, 1), I(0x87, 0, 0, 0, 0),
	I(0x0f, 0, 7, 0, 0), I(0x1f, 0, 7, 0, 0), I(0x2f, 0, 7, 0, 0), I(0x3f, 0, 7, 0, 0),
	I(0x4f, 0, 7, 0, 0), I(0x5f, 0, 7, 0, 0), I(0x6f, 0, 7, 0, 0), I(0x7f, 0, 7, 0, 0),
	I(0x9f, 0, 7, 0, 0), I(0xaf, 0, 7, 0, 0), I(0xcf, 0, 7, 0, 0), I(0xbf, 8, 0, 0, 0),
	/* ALU32 K and X, neg, endianness */
	I(0x04, 0, 0, 0, 5), I(0x14, 0, 0, 0, 1), I(0x24, 0, 0, 0, 3), I(0x34, 0, 0, 0, 2),
	I(0x44, 0, 0, 0, 8), I(0x54, 0, 0, 0, 255), I(0x64, 0, 0, 0, 2), I(0x74, 0, 0, 0, 1),
	I(0x94, 0, 0, 0, 7), I(0xa4, 0, 0, 0, 3), I(0xc4, 0, 0, 0, 1), I(0x84, 0, 0, 0, 0),
	I(0x0c, 0, 7, 0, 0), I(0x1c, 0, 7, 0, 0), I(0x2c, 0, 7, 0, 0), I(0x3c, 0, 7, 0, 0),
	I(0x4c, 0, 7, 0, 0), I(0x5c, 0, 7, 0, 0), I(0x6c, 0, 7, 0, 0), I(0x7c, 0, 7, 0, 0),
	I(0x9c, 0, 7, 0, 0), I(0xac, 0, 7, 0, 0), I(0xcc, 0, 7, 0, 0), I(0xbc, 8, 0, 0, 0),
	I(0xd4, 0, 0, 0, 16), I(0xdc, 0, 0, 0, 32),
	/* stores and loads of every size, lock add */
	I(0x7b, 10, 0, -16, 0), I(0x7a, 10, 0, -24, 5), I(0x62, 10, 0, -32, 7),
	I(0x63, 10, 0, -28, 0), I(0x6a, 10, 0, -34, 1), I(0x6b, 10, 0, -36, 0),
	I(0x72, 10, 0, -37, 2), I(0x73, 10, 0, -38, 0),
	I(0x79, 1, 10, -16, 0), I(0x61, 1, 10, -32, 0), I(0x69, 1, 10, -34, 0),
	I(0x71, 1, 10, -37, 0), I(0x79, 1, 10, -16, 0),
	I(0xdb, 10, 1, -16, 0), I(0xc3, 10, 1, -32, 0),
	/* conditions, JMP and JMP32, K and X */
	I(0x15, 1, 0, 1, 1), FILL, I(0x25, 1, 0, 1, 1), FILL, I(0x35, 1, 0, 1, 1), FILL,
	I(0x45, 1, 0, 1, 1), FILL, I(0x55, 1, 0, 1, 1), FILL, I(0x65, 1, 0, 1, 1), FILL,
	I(0x75, 1, 0, 1, 1), FILL, I(0xa5, 1, 0, 1, 1), FILL, I(0xb5, 1, 0, 1, 1), FILL,
	I(0xc5, 1, 0, 1, -1), FILL, I(0xd5, 1, 0, 1, -1), FILL,
	I(0x1d, 1, 7, 1, 0), FILL, I(0x2d, 1, 7, 1, 0), FILL, I(0x3d, 1, 7, 1, 0), FILL,
	I(0x4d, 1, 7, 1, 0), FILL, I(0x5d, 1, 7, 1, 0), FILL, I(0x6d, 1, 7, 1, 0), FILL,
	I(0x7d, 1, 7, 1, 0), FILL, I(0xad, 1, 7, 1, 0), FILL, I(0xbd, 1, 7, 1, 0), FILL,
	I(0xcd, 1, 7, 1, 0), FILL, I(0xdd, 1, 7, 1, 0), FILL,
	I(0x16, 1, 0, 1, 1), FILL, I(0x26, 1, 0, 1, 1), FILL, I(0x36, 1, 0, 1, 1), FILL,
	I(0x46, 1, 0, 1, 1), FILL, I(0x56, 1, 0, 1, 1), FILL, I(0x66, 1, 0, 1, 1), FILL,
	I(0x76, 1, 0, 1, 1), FILL, I(0xa6, 1, 0, 1, 1), FILL, I(0xb6, 1, 0, 1, 1), FILL,
	I(0xc6, 1, 0, 1, -1), FILL, I(0xd6, 1, 0, 1, -1), FILL,
	I(0x1e, 1, 7, 1, 0), FILL, I(0x5e, 1, 7, 1, 0), FILL, I(0xde, 1, 7, 1, 0), FILL,
	I(0x15, 1, 0, 1, 1), I(0x05, 0, 0, 1, 0), FILL,
	/* global data, a 64-bit constant, a helper, the subprogram */
	I(0x18, 1, 2, 0, P_DATA), I(0, 0, 0, 0, 4), I(0x61, 0, 1, 0, 0),
	I(0x18, 3, 0, 0, 0x34567890), I(0, 0, 0, 0, 0x12),
	I(0x85, 0, 0, 0, 5),
	I(0xb7, 1, 0, 0, 5), I(0x85, 0, 1, 0, 7),	/* call sub: 7 insns ahead */
	/* tail call */
	I(0xbf, 1, 6, 0, 0), I(0x18, 2, 1, 0, P_PROG_ARRAY), I(0, 0, 0, 0, 0),
	I(0xb7, 3, 0, 0, 0), I(0x85, 0, 0, 0, 12),
	I(0xb7, 0, 0, 0, 0), EXIT,
	/* sub: the callee */
	I(0xbf, 0, 1, 0, 0), I(0x04, 0, 0, 0, 1), EXIT,
	I(0xff, 0, 0, 0, 0),
};

static struct bpf_insn ldabs[] = {
	I(0xbf, 6, 1, 0, 0), I(0xb7, 7, 0, 0, 2),
	I(0x30, 0, 0, 0, 0), I(0x28, 0, 0, 0, 2), I(0x20, 0, 0, 0, 4),
	I(0x50, 0, 7, 0, 0), I(0x48, 0, 7, 0, 2), I(0x40, 0, 7, 0, 4),
	I(0xb7, 0, 0, 0, 0), EXIT, I(0xff, 0, 0, 0, 0),
};

static struct bpf_insn atomics[] = {
	I(0xb7, 1, 0, 0, 1), I(0x7b, 10, 1, -8, 0), I(0x63, 10, 1, -16, 0), I(0xb7, 0, 0, 0, 0),
	I(0xdb, 10, 1, -8, 0x01), I(0xdb, 10, 1, -8, 0x51), I(0xdb, 10, 1, -8, 0x41),
	I(0xdb, 10, 1, -8, 0xa1), I(0xdb, 10, 1, -8, 0xe1), I(0xdb, 10, 1, -8, 0xf1),
	I(0xdb, 10, 1, -8, 0x50), I(0xdb, 10, 1, -8, 0x40), I(0xdb, 10, 1, -8, 0xa0),
	I(0xc3, 10, 1, -16, 0x01), I(0xc3, 10, 1, -16, 0xe1), I(0xc3, 10, 1, -16, 0xf1),
	I(0xb7, 0, 0, 0, 0), EXIT, I(0xff, 0, 0, 0, 0),
};

static struct bpf_insn v4[] = {
	I(0xb7, 2, 0, 0, -3), I(0xb7, 1, 0, 0, 100), I(0x7b, 10, 2, -8, 0),
	I(0xbf, 3, 2, 8, 0), I(0xbf, 3, 2, 16, 0), I(0xbf, 3, 2, 32, 0), I(0xbc, 3, 2, 8, 0),
	I(0x3f, 1, 2, 1, 0), I(0x9f, 1, 2, 1, 0), I(0x37, 1, 0, 1, 3), I(0x97, 1, 0, 1, 3),
	I(0x3c, 1, 2, 1, 0), I(0x94, 1, 0, 1, 3),
	I(0xd7, 1, 0, 0, 16), I(0xd7, 1, 0, 0, 32), I(0xd7, 1, 0, 0, 64),
	I(0x91, 3, 10, -8, 0), I(0x89, 3, 10, -8, 0), I(0x81, 3, 10, -8, 0),
	I(0x15, 1, 0, 1, 1), I(0x06, 0, 0, 0, 1), FILL,
	I(0xb7, 0, 0, 0, 0), EXIT, I(0xff, 0, 0, 0, 0),
};

static struct bpf_insn newer[] = {
	I(0xb7, 1, 0, 0, 1), I(0x7b, 10, 1, -8, 0),
	I(0xe5, 0, 0, 1, 0), FILL,
	I(0xdb, 2, 10, -8, 0x100), I(0xdb, 10, 1, -8, 0x110),
	I(0xb7, 0, 0, 0, 0), EXIT, I(0xff, 0, 0, 0, 0),
};

/* Two callees called in the reverse of their address order (visual
 * numbers functions by first call), with a goto and conditions. */
static struct bpf_insn subs[] = {
	I(0xb7, 1, 0, 0, 1), I(0x85, 0, 1, 0, 7), I(0xb7, 1, 0, 0, 1), I(0x85, 0, 1, 0, 3),
	I(0x25, 0, 0, 1, 5), I(0xb7, 0, 0, 0, 0), EXIT,
	I(0xbf, 0, 1, 0, 0), EXIT,
	I(0xb7, 0, 0, 0, 2), I(0x15, 1, 0, 1, 0), I(0x05, 0, 0, 1, 0), I(0xb7, 0, 0, 0, 3), EXIT,
	I(0xff, 0, 0, 0, 0),
};

#define ALU_X(op, d, s) I(0x0f | (op), d, s, 0, 0), I(0x0c | (op), s, d, 0, 0)
#define ADD1 I(0x07, 0, 0, 0, 1)

static struct bpf_insn regs[] = {
	I(0xb7, 0, 0, 0, 1), I(0xb7, 1, 0, 0, 2), I(0xb7, 2, 0, 0, 3), I(0xb7, 3, 0, 0, 4),
	I(0xb7, 4, 0, 0, 5), I(0xb7, 5, 0, 0, 6), I(0xb7, 6, 0, 0, 7), I(0xb7, 7, 0, 0, 8),
	I(0xb7, 8, 0, 0, 9), I(0xb7, 9, 0, 0, 10),
	/* add sub mul or and xor mov, 64 and 32 bits, over register pairs */
	ALU_X(0x00, 1, 5), ALU_X(0x10, 5, 7), ALU_X(0x20, 7, 9), ALU_X(0x40, 9, 0),
	ALU_X(0x50, 2, 8), ALU_X(0xa0, 8, 3), ALU_X(0x20, 3, 6), ALU_X(0x00, 6, 4),
	ALU_X(0x10, 0, 2), ALU_X(0xa0, 4, 1), ALU_X(0x20, 0, 3), ALU_X(0xb0, 9, 7),
	/* shifts by register: counts set just before */
	I(0xb7, 4, 0, 0, 3), I(0x6f, 7, 4, 0, 0), I(0x7c, 9, 4, 0, 0), I(0xcf, 0, 4, 0, 0),
	I(0xb7, 2, 0, 0, 5), I(0x7f, 5, 2, 0, 0), I(0xcc, 3, 2, 0, 0), I(0x6c, 8, 2, 0, 0),
	I(0xb7, 9, 0, 0, 7), I(0x6f, 4, 9, 0, 0), I(0xcf, 1, 9, 0, 0), I(0x7c, 0, 9, 0, 0),
	/* divisions and modulos by register, rax and rdx on both sides */
	I(0xb7, 0, 0, 0, 3), I(0x3f, 3, 0, 0, 0), I(0x9c, 3, 0, 0, 0),
	I(0xb7, 3, 0, 0, 5), I(0x3f, 5, 3, 0, 0), I(0x9f, 9, 3, 0, 0),
	I(0x3c, 0, 9, 0, 0), I(0x9f, 0, 7, 0, 0), I(0x3c, 7, 8, 0, 0), I(0x9c, 6, 1, 0, 0),
	/* immediates: 8 and 32 bits, negative, zero */
	I(0x07, 7, 0, 0, 100000), I(0x17, 9, 0, 0, -5), I(0x57, 5, 0, 0, 0xff),
	I(0x47, 3, 0, 0, 0x10000), I(0xa7, 0, 0, 0, -1), I(0x27, 8, 0, 0, 1000),
	I(0x27, 2, 0, 0, 3), I(0x37, 6, 0, 0, 7), I(0x97, 7, 0, 0, 1000000),
	I(0x67, 9, 0, 0, 63), I(0x77, 5, 0, 0, 1), I(0xc7, 0, 0, 0, 7),
	I(0x54, 1, 0, 0, 0x7fff), I(0x04, 8, 0, 0, -100), I(0x24, 9, 0, 0, 100000),
	I(0x34, 3, 0, 0, 3), I(0x94, 0, 0, 0, 10), I(0x64, 6, 0, 0, 31), I(0xc4, 2, 0, 0, 1),
	I(0xb4, 4, 0, 0, -1), I(0xb7, 5, 0, 0, -1), I(0xb7, 6, 0, 0, 0), I(0xb4, 7, 0, 0, 0),
	I(0x87, 7, 0, 0, 0), I(0x84, 9, 0, 0, 0),
	/* byte order, several registers */
	I(0xdc, 5, 0, 0, 16), I(0xdc, 7, 0, 0, 32), I(0xdc, 9, 0, 0, 64),
	I(0xd4, 9, 0, 0, 16), I(0xd4, 2, 0, 0, 32), I(0xd4, 0, 0, 0, 64),
	/* 64-bit constants */
	I(0x18, 8, 0, 0, (int32_t)0x9abcdef0), I(0, 0, 0, 0, 0x12345678),
	I(0x18, 3, 0, 0, -1), I(0, 0, 0, 0, 0),
	/* stores and loads: rbp, rbx and r13 bases, offsets 0, 8 and 32 bits */
	I(0xbf, 6, 10, 0, 0), I(0xbf, 7, 10, 0, 0), I(0x07, 7, 0, 0, -8),
	I(0x7b, 7, 9, 0, 0), I(0x63, 6, 5, -16, 0), I(0x6b, 10, 1, -300, 0),
	I(0x73, 10, 2, -301, 0), I(0x73, 10, 8, -302, 0),
	I(0x7a, 10, 0, -320, -1), I(0x62, 7, 0, -8, 0x12345678), I(0x6a, 10, 0, -322, 0x1234),
	I(0x72, 10, 0, -323, 0x80), I(0x7b, 6, 8, -24, 0),
	I(0x71, 0, 10, -301, 0), I(0x69, 5, 10, -300, 0), I(0x61, 9, 6, -16, 0),
	I(0x79, 8, 7, 0, 0), I(0x79, 3, 10, -320, 0), I(0x71, 4, 6, -323, 0),
	/* a jump over more than 127 bytes of code, then a loop */
	I(0x2d, 1, 2, 20, 0),
	ADD1, ADD1, ADD1, ADD1, ADD1, ADD1, ADD1, ADD1, ADD1, ADD1,
	ADD1, ADD1, ADD1, ADD1, ADD1, ADD1, ADD1, ADD1, ADD1, ADD1,
	I(0xb7, 1, 0, 0, 0), I(0x07, 1, 0, 0, 1), I(0xa5, 1, 0, -2, 4),
	/* helpers the verifier inlines (per-CPU data) or calls */
	I(0x85, 0, 0, 0, 8), I(0xbf, 6, 0, 0, 0), I(0x85, 0, 0, 0, 5), I(0x0f, 0, 6, 0, 0),
	EXIT, I(0xff, 0, 0, 0, 0),
};

/* bpf_trace_printk("pd hi %d\n", 8, 42) */
static struct bpf_insn printk[] = {
	I(0x18, 1, 0, 0, 0x68206470), I(0, 0, 0, 0, 0x64252069), I(0x7b, 10, 1, -16, 0),
	I(0xb7, 1, 0, 0, 0x0a), I(0x7b, 10, 1, -8, 0),
	I(0xbf, 1, 10, 0, 0), I(0x07, 1, 0, 0, -16), I(0xb7, 2, 0, 0, 10), I(0xb7, 3, 0, 0, 42),
	I(0x85, 0, 0, 0, 6), I(0xb7, 0, 0, 0, 0), EXIT, I(0xff, 0, 0, 0, 0),
};

/* bpf_stream_vprintk(1, "pd out %d\n", {42}): the program's stdout
 * stream (6.17+); the format lives in a frozen read-only map. */
static struct bpf_insn stream[] = {
	I(0xb7, 1, 0, 0, 42), I(0x7b, 10, 1, -8, 0), I(0xb7, 1, 0, 0, 1),
	I(0x18, 2, 2, 0, P_FMT), I(0, 0, 0, 0, 0),
	I(0xbf, 3, 10, 0, 0), I(0x07, 3, 0, 0, -8), I(0xb7, 4, 0, 0, 8), I(0xb7, 5, 0, 0, 0),
	I(0x85, 0, 2, 0, P_KFUNC_STREAM), EXIT, I(0xff, 0, 0, 0, 0),	/* returns its result */
};

/* cgroup_device (no test run in the kernel): return 1 */
static struct bpf_insn cgdev[] = { I(0xb7, 0, 0, 0, 1), EXIT, I(0xff, 0, 0, 0, 0) };

static struct bpf_insn kfunc[] = {
	I(0x85, 0, 2, 0, P_KFUNC_LOCK), I(0x85, 0, 2, 0, P_KFUNC_UNLOCK),
	I(0xb7, 0, 0, 0, 0), EXIT, I(0xff, 0, 0, 0, 0),
};

static int die(const char *what, int err)
{
	fprintf(stderr, "progdump: %s: %s\n", what, strerror(-err));
	return 1;
}

/* The verifier's reason: the last log line before its "processed"
 * statistics line. */
static int rejected(const char *log, int err)
{
	const char *end = strstr(log, "\nprocessed "), *start;

	if (!end)
		end = log + strlen(log);
	while (end > log && end[-1] == '\n')
		end--;
	start = end;
	while (start > log && start[-1] != '\n')
		start--;
	fprintf(stderr, "%.*s%s%s\n", (int)(end - start), start, end > start ? ": " : "",
		strerror(-err));
	return 3;
}

static int map_create(uint32_t type, uint32_t value_size, const char *name)
{
	struct bpf_attr_map_create m;

	memset(&m, 0, sizeof(m));
	m.map_type = type;
	m.key_size = 4;
	m.value_size = value_size;
	m.max_entries = 1;
	strncpy(m.map_name, name, sizeof(m.map_name) - 1);
	return sys_map_create(&m);
}

static int kfunc_id(const char *name)
{
	struct btf *vmlinux;
	int64_t id;

	if (btf_load_vmlinux(&vmlinux))
		return -1;
	id = btf_find_by_name_kind(vmlinux, name, BTF_KIND_FUNC);
	btf_free(vmlinux);
	return id < 0 ? -1 : (int)id;
}

/* BTF for "full": two static functions with prototypes, and the source
 * lines line_info points at. */
static int full_btf(uint32_t *main_id, uint32_t *sub_id, uint32_t lines[4], uint32_t *file)
{
	static char log[65536];
	uint32_t i32, skb, ptr, proto;
	struct bb b;
	size_t size;
	void *blob;
	int fd;

	bb_init(&b);
	i32 = bb_int(&b, "int", 4, BTF_INT_SIGNED);
	skb = bb_struct(&b, "__sk_buff", 0, 0);
	ptr = bb_ptr(&b, skb);
	proto = bb_func_proto(&b, i32);
	bb_param(&b, "skb", ptr);
	*main_id = bb_func(&b, "full_main", proto, 0);
	proto = bb_func_proto(&b, i32);
	bb_param(&b, "x", i32);
	*sub_id = bb_func(&b, "full_sub", proto, 0);
	*file = bb_str(&b, "/src/bpfbox/tests/some/rather/long/directory/progdump_full.bpf.c");
	lines[0] = bb_str(&b, "\tint r = 1, n = 3; /* start <here> | & \"q\" */");
	lines[1] = bb_str(&b, "  r = r * n {braces};");
	lines[2] = bb_str(&b, "return bpf_tail_call(skb, &progs, 0);");
	lines[3] = bb_str(&b, "static int full_sub(int x) { return x + 1; }");
	blob = bb_blob(&b, &size);
	fd = sys_btf_load(blob, (uint32_t)size, log, sizeof(log));
	if (fd < 0)
		fprintf(stderr, "%s", log);
	return fd;
}

int main(int argc, char **argv)
{
	static char log[1 << 20];
	struct bpf_attr_prog_load a;
	struct bpf_insn *insns;
	struct bpf_func_info finfo[2];
	struct bpf_line_info linfo[6];
	uint32_t n, i, lines[4], file, type = BPF_PROG_TYPE_SOCKET_FILTER;
	const char *kind;
	int fd, pa = -1, data = -1, err;

	if (argc != 3) {
		fprintf(stderr, "usage: progdump {full|ldabs|atomics|v4|newer|kfunc|subs|regs|cgdev|stream|printk} PATH\n");
		return 2;
	}
	kind = argv[1];
	insns = !strcmp(kind, "full") ? full : !strcmp(kind, "ldabs") ? ldabs :
		!strcmp(kind, "atomics") ? atomics : !strcmp(kind, "v4") ? v4 :
		!strcmp(kind, "newer") ? newer : !strcmp(kind, "kfunc") ? kfunc :
		!strcmp(kind, "printk") ? printk : !strcmp(kind, "subs") ? subs :
		!strcmp(kind, "regs") ? regs :
		!strcmp(kind, "cgdev") ? cgdev : !strcmp(kind, "stream") ? stream : NULL;
	if (!insns)
		return 2;
	for (n = 0; insns[n].code != 0xff; n++)
		;
	memset(&a, 0, sizeof(a));
	for (i = 0; i < n; i++) {
		struct bpf_insn *in = insns + i;

		if (in->code == 0x18 && in->src_reg == 1 && in->imm == P_PROG_ARRAY) {
			pa = map_create(BPF_MAP_TYPE_PROG_ARRAY, 4, "pd_progs");
			if (pa < 0)
				return die("prog array", pa);
			in->imm = pa;
		} else if (in->code == 0x18 && in->src_reg == 2 && in->imm == P_DATA) {
			uint32_t key = 0;
			uint64_t value[2] = { 0x1111111122222222ULL, 0x3333333344444444ULL };

			data = map_create(BPF_MAP_TYPE_ARRAY, 16, "pd.data");
			if (data < 0)
				return die("data map", data);
			sys_map_update(data, &key, value, 0);
			in->imm = data;
		} else if (in->code == 0x18 && in->src_reg == 2 && in->imm == P_FMT) {
			static const char fmt[16] = "pd out %d\n";
			struct bpf_attr_map_create m;
			uint32_t key = 0;

			memset(&m, 0, sizeof(m));
			m.map_type = BPF_MAP_TYPE_ARRAY;
			m.key_size = 4;
			m.value_size = sizeof(fmt);
			m.max_entries = 1;
			m.map_flags = 0x80;	/* BPF_F_RDONLY_PROG */
			strcpy(m.map_name, "pd.rodata");
			data = sys_map_create(&m);
			if (data < 0)
				return die("fmt map", data);
			err = sys_map_update(data, &key, fmt, 0);
			if (!err)
				err = sys_map_freeze(data);
			if (err)
				return die("fmt map", err);
			in->imm = data;
		} else if (in->code == 0x85 && in->src_reg == 2) {
			const char *name = in->imm == P_KFUNC_LOCK ? "bpf_rcu_read_lock" :
					   in->imm == P_KFUNC_UNLOCK ? "bpf_rcu_read_unlock" :
					   "bpf_stream_vprintk_impl";
			int id = kfunc_id(name);

			if (id < 0) {
				fprintf(stderr, "no kernel BTF for %s\n", name);
				return 3;
			}
			if (in->imm != P_KFUNC_STREAM)
				type = BPF_PROG_TYPE_SCHED_CLS;
			in->imm = id;
		}
	}
	if (insns == cgdev)
		type = BPF_PROG_TYPE_CGROUP_DEVICE;
	a.prog_type = type;
	a.insn_cnt = n;
	a.insns = (uint64_t)(uintptr_t)insns;
	a.license = (uint64_t)(uintptr_t)"GPL";
	a.log_buf = (uint64_t)(uintptr_t)log;
	a.log_size = sizeof(log);
	a.log_level = 1;
	snprintf(a.prog_name, sizeof(a.prog_name), "pd_%s", kind);
	if (insns == full) {
		uint32_t sub = n - 3, main_id, sub_id;
		int btf_fd = full_btf(&main_id, &sub_id, lines, &file);

		if (btf_fd < 0)
			return die("btf load", btf_fd);
		finfo[0] = (struct bpf_func_info){ 0, main_id };
		finfo[1] = (struct bpf_func_info){ sub, sub_id };
		linfo[0] = (struct bpf_line_info){ 0, file, lines[0], 10 << 10 | 2 };
		linfo[1] = (struct bpf_line_info){ 4, file, lines[1], 11 << 10 | 5 };
		linfo[2] = (struct bpf_line_info){ 61, 0, lines[1], 12 << 10 };
		linfo[3] = (struct bpf_line_info){ 70, file, lines[0], 13 << 10 | 1 };
		linfo[4] = (struct bpf_line_info){ sub - 7, file, lines[2], 20 << 10 | 9 };
		linfo[5] = (struct bpf_line_info){ sub, file, lines[3], 30 << 10 | 1 };
		a.prog_btf_fd = (uint32_t)btf_fd;
		a.func_info_rec_size = sizeof(finfo[0]);
		a.func_info = (uint64_t)(uintptr_t)finfo;
		a.func_info_cnt = 2;
		a.line_info_rec_size = sizeof(linfo[0]);
		a.line_info = (uint64_t)(uintptr_t)linfo;
		a.line_info_cnt = 6;
	}
	fd = sys_prog_load(&a);
	if (fd < 0 && getenv("PROGDUMP_LOG"))
		fputs(log, stderr);
	if (fd < 0)
		return rejected(log, fd);
	err = sys_obj_pin(fd, argv[2]);
	if (err)
		return die(argv[2], err);
	return 0;
}
