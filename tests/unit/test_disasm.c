/* bpf_disasm: every opcode of the ISA, each line as the kernel's
 * kernel/bpf/disasm.c spells it (no callbacks: the kernel's defaults). */
#include "unit.h"
#include "output/bpf_disasm.h"

struct disasm_case {
	uint8_t code, dst, src;
	int16_t off;
	int32_t imm, next_imm;
	const char *want;
};

static const struct disasm_case cases[] = {
	{ 0x04, 2, 0, 0, -5, 0, "(04) w2 += -5\n" },
	{ 0x0c, 2, 7, 0, 0, 0, "(0c) w2 += w7\n" },
	{ 0x14, 2, 0, 0, -5, 0, "(14) w2 -= -5\n" },
	{ 0x1c, 2, 7, 0, 0, 0, "(1c) w2 -= w7\n" },
	{ 0x24, 2, 0, 0, -5, 0, "(24) w2 *= -5\n" },
	{ 0x2c, 2, 7, 0, 0, 0, "(2c) w2 *= w7\n" },
	{ 0x34, 2, 0, 0, -5, 0, "(34) w2 /= -5\n" },
	{ 0x3c, 2, 7, 0, 0, 0, "(3c) w2 /= w7\n" },
	{ 0x44, 2, 0, 0, -5, 0, "(44) w2 |= -5\n" },
	{ 0x4c, 2, 7, 0, 0, 0, "(4c) w2 |= w7\n" },
	{ 0x54, 2, 0, 0, -5, 0, "(54) w2 &= -5\n" },
	{ 0x5c, 2, 7, 0, 0, 0, "(5c) w2 &= w7\n" },
	{ 0x64, 2, 0, 0, -5, 0, "(64) w2 <<= -5\n" },
	{ 0x6c, 2, 7, 0, 0, 0, "(6c) w2 <<= w7\n" },
	{ 0x74, 2, 0, 0, -5, 0, "(74) w2 >>= -5\n" },
	{ 0x7c, 2, 7, 0, 0, 0, "(7c) w2 >>= w7\n" },
	{ 0x84, 3, 0, 0, 0, 0, "(84) w3 = -w3\n" },
	{ 0x8c, 3, 0, 0, 0, 0, "(8c) w3 = -w3\n" },
	{ 0x94, 2, 0, 0, -5, 0, "(94) w2 %= -5\n" },
	{ 0x9c, 2, 7, 0, 0, 0, "(9c) w2 %= w7\n" },
	{ 0xa4, 2, 0, 0, -5, 0, "(a4) w2 ^= -5\n" },
	{ 0xac, 2, 7, 0, 0, 0, "(ac) w2 ^= w7\n" },
	{ 0xb4, 2, 0, 0, -5, 0, "(b4) w2 = -5\n" },
	{ 0xbc, 2, 7, 0, 0, 0, "(bc) w2 = w7\n" },
	{ 0xc4, 2, 0, 0, -5, 0, "(c4) w2 s>>= -5\n" },
	{ 0xcc, 2, 7, 0, 0, 0, "(cc) w2 s>>= w7\n" },
	{ 0xd4, 1, 0, 0, 32, 0, "(d4) r1 = le32 r1\n" },
	{ 0xdc, 1, 0, 0, 32, 0, "(dc) r1 = be32 r1\n" },
	{ 0xe4, 2, 0, 0, -5, 0, "(e4) w2 (null) -5\n" },
	{ 0xec, 2, 7, 0, 0, 0, "(ec) w2 (null) w7\n" },
	{ 0xf4, 2, 0, 0, -5, 0, "(f4) w2 (null) -5\n" },
	{ 0xfc, 2, 7, 0, 0, 0, "(fc) w2 (null) w7\n" },
	{ 0x3c, 1, 2, 1, 0, 0, "(3c) w1 s/= w2\n" },
	{ 0x94, 1, 0, 1, 7, 0, "(94) w1 s%= 7\n" },
	{ 0xbc, 1, 2, 8, 0, 0, "(bc) w1 = (s8)w2\n" },
	{ 0xbc, 1, 2, 16, 0, 0, "(bc) w1 = (s16)w2\n" },
	{ 0x07, 2, 0, 0, -5, 0, "(07) r2 += -5\n" },
	{ 0x0f, 2, 7, 0, 0, 0, "(0f) r2 += r7\n" },
	{ 0x17, 2, 0, 0, -5, 0, "(17) r2 -= -5\n" },
	{ 0x1f, 2, 7, 0, 0, 0, "(1f) r2 -= r7\n" },
	{ 0x27, 2, 0, 0, -5, 0, "(27) r2 *= -5\n" },
	{ 0x2f, 2, 7, 0, 0, 0, "(2f) r2 *= r7\n" },
	{ 0x37, 2, 0, 0, -5, 0, "(37) r2 /= -5\n" },
	{ 0x3f, 2, 7, 0, 0, 0, "(3f) r2 /= r7\n" },
	{ 0x47, 2, 0, 0, -5, 0, "(47) r2 |= -5\n" },
	{ 0x4f, 2, 7, 0, 0, 0, "(4f) r2 |= r7\n" },
	{ 0x57, 2, 0, 0, -5, 0, "(57) r2 &= -5\n" },
	{ 0x5f, 2, 7, 0, 0, 0, "(5f) r2 &= r7\n" },
	{ 0x67, 2, 0, 0, -5, 0, "(67) r2 <<= -5\n" },
	{ 0x6f, 2, 7, 0, 0, 0, "(6f) r2 <<= r7\n" },
	{ 0x77, 2, 0, 0, -5, 0, "(77) r2 >>= -5\n" },
	{ 0x7f, 2, 7, 0, 0, 0, "(7f) r2 >>= r7\n" },
	{ 0x87, 3, 0, 0, 0, 0, "(87) r3 = -r3\n" },
	{ 0x8f, 3, 0, 0, 0, 0, "(8f) r3 = -r3\n" },
	{ 0x97, 2, 0, 0, -5, 0, "(97) r2 %= -5\n" },
	{ 0x9f, 2, 7, 0, 0, 0, "(9f) r2 %= r7\n" },
	{ 0xa7, 2, 0, 0, -5, 0, "(a7) r2 ^= -5\n" },
	{ 0xaf, 2, 7, 0, 0, 0, "(af) r2 ^= r7\n" },
	{ 0xb7, 2, 0, 0, -5, 0, "(b7) r2 = -5\n" },
	{ 0xbf, 2, 7, 0, 0, 0, "(bf) r2 = r7\n" },
	{ 0xc7, 2, 0, 0, -5, 0, "(c7) r2 s>>= -5\n" },
	{ 0xcf, 2, 7, 0, 0, 0, "(cf) r2 s>>= r7\n" },
	{ 0xd7, 1, 0, 0, 16, 0, "(d7) r1 = bswap16 r1\n" },
	{ 0xdf, 1, 0, 0, 16, 0, "(df) r1 = bswap16 r1\n" },
	{ 0xe7, 2, 0, 0, -5, 0, "(e7) r2 (null) -5\n" },
	{ 0xef, 2, 7, 0, 0, 0, "(ef) r2 (null) r7\n" },
	{ 0xf7, 2, 0, 0, -5, 0, "(f7) r2 (null) -5\n" },
	{ 0xff, 2, 7, 0, 0, 0, "(ff) r2 (null) r7\n" },
	{ 0x3f, 1, 2, 1, 0, 0, "(3f) r1 s/= r2\n" },
	{ 0x97, 1, 0, 1, 7, 0, "(97) r1 s%= 7\n" },
	{ 0xbf, 1, 2, 8, 0, 0, "(bf) r1 = (s8)r2\n" },
	{ 0xbf, 1, 2, 16, 0, 0, "(bf) r1 = (s16)r2\n" },
	{ 0xbf, 1, 2, 32, 0, 0, "(bf) r1 = (s32)r2\n" },
	{ 0xbf, 1, 2, 1, 65536, 0, "(bf) r1 = addr_space_cast(r2, 1, 0)\n" },
	{ 0xbf, 1, 2, -1, 0, 0, "(bf) r1 = &(void __percpu *)(r2)\n" },
	{ 0x61, 0, 1, -8, 0, 0, "(61) r0 = *(u32 *)(r1 -8)\n" },
	{ 0x63, 10, 3, -16, 0, 0, "(63) *(u32 *)(r10 -16) = r3\n" },
	{ 0x62, 10, 0, 4, 99, 0, "(62) *(u32 *)(r10 +4) = 99\n" },
	{ 0x81, 0, 1, 2, 0, 0, "(81) r0 = *(s32 *)(r1 +2)\n" },
	{ 0x20, 0, 0, 0, 12, 0, "(20) r0 = *(u32 *)skb[12]\n" },
	{ 0x40, 0, 4, 0, 3, 0, "(40) r0 = *(u32 *)skb[r4 + 3]\n" },
	{ 0x69, 0, 1, -8, 0, 0, "(69) r0 = *(u16 *)(r1 -8)\n" },
	{ 0x6b, 10, 3, -16, 0, 0, "(6b) *(u16 *)(r10 -16) = r3\n" },
	{ 0x6a, 10, 0, 4, 99, 0, "(6a) *(u16 *)(r10 +4) = 99\n" },
	{ 0x89, 0, 1, 2, 0, 0, "(89) r0 = *(s16 *)(r1 +2)\n" },
	{ 0x28, 0, 0, 0, 12, 0, "(28) r0 = *(u16 *)skb[12]\n" },
	{ 0x48, 0, 4, 0, 3, 0, "(48) r0 = *(u16 *)skb[r4 + 3]\n" },
	{ 0x71, 0, 1, -8, 0, 0, "(71) r0 = *(u8 *)(r1 -8)\n" },
	{ 0x73, 10, 3, -16, 0, 0, "(73) *(u8 *)(r10 -16) = r3\n" },
	{ 0x72, 10, 0, 4, 99, 0, "(72) *(u8 *)(r10 +4) = 99\n" },
	{ 0x91, 0, 1, 2, 0, 0, "(91) r0 = *(s8 *)(r1 +2)\n" },
	{ 0x30, 0, 0, 0, 12, 0, "(30) r0 = *(u8 *)skb[12]\n" },
	{ 0x50, 0, 4, 0, 3, 0, "(50) r0 = *(u8 *)skb[r4 + 3]\n" },
	{ 0x79, 0, 1, -8, 0, 0, "(79) r0 = *(u64 *)(r1 -8)\n" },
	{ 0x7b, 10, 3, -16, 0, 0, "(7b) *(u64 *)(r10 -16) = r3\n" },
	{ 0x7a, 10, 0, 4, 99, 0, "(7a) *(u64 *)(r10 +4) = 99\n" },
	{ 0xc3, 1, 2, 8, 0, 0, "(c3) lock *(u32 *)(r1 +8) += r2\n" },
	{ 0xc3, 1, 2, 8, 1, 0, "(c3) r2 = atomic_fetch_add((u32 *)(r1 +8), r2)\n" },
	{ 0xc3, 1, 2, 8, 64, 0, "(c3) lock *(u32 *)(r1 +8) |= r2\n" },
	{ 0xc3, 1, 2, 8, 65, 0, "(c3) r2 = atomic_fetch_or((u32 *)(r1 +8), r2)\n" },
	{ 0xc3, 1, 2, 8, 80, 0, "(c3) lock *(u32 *)(r1 +8) &= r2\n" },
	{ 0xc3, 1, 2, 8, 81, 0, "(c3) r2 = atomic_fetch_and((u32 *)(r1 +8), r2)\n" },
	{ 0xc3, 1, 2, 8, 160, 0, "(c3) lock *(u32 *)(r1 +8) ^= r2\n" },
	{ 0xc3, 1, 2, 8, 161, 0, "(c3) r2 = atomic_fetch_xor((u32 *)(r1 +8), r2)\n" },
	{ 0xc3, 1, 2, 0, 241, 0, "(c3) r0 = atomic_cmpxchg((u32 *)(r1 +0), r0, r2)\n" },
	{ 0xc3, 1, 2, -4, 225, 0, "(c3) r2 = atomic_xchg((u32 *)(r1 -4), r2)\n" },
	{ 0xc3, 1, 2, 0, 256, 0, "(c3) r1 = load_acquire((u32 *)(r2 +0))\n" },
	{ 0xc3, 1, 2, 0, 272, 0, "(c3) store_release((u32 *)(r1 +0), r2)\n" },
	{ 0xc3, 1, 2, 0, 48, 0, "BUG_c3\n" },
	{ 0xdb, 1, 2, 8, 0, 0, "(db) lock *(u64 *)(r1 +8) += r2\n" },
	{ 0xdb, 1, 2, 8, 1, 0, "(db) r2 = atomic64_fetch_add((u64 *)(r1 +8), r2)\n" },
	{ 0xdb, 1, 2, 8, 64, 0, "(db) lock *(u64 *)(r1 +8) |= r2\n" },
	{ 0xdb, 1, 2, 8, 65, 0, "(db) r2 = atomic64_fetch_or((u64 *)(r1 +8), r2)\n" },
	{ 0xdb, 1, 2, 8, 80, 0, "(db) lock *(u64 *)(r1 +8) &= r2\n" },
	{ 0xdb, 1, 2, 8, 81, 0, "(db) r2 = atomic64_fetch_and((u64 *)(r1 +8), r2)\n" },
	{ 0xdb, 1, 2, 8, 160, 0, "(db) lock *(u64 *)(r1 +8) ^= r2\n" },
	{ 0xdb, 1, 2, 8, 161, 0, "(db) r2 = atomic64_fetch_xor((u64 *)(r1 +8), r2)\n" },
	{ 0xdb, 1, 2, 0, 241, 0, "(db) r0 = atomic64_cmpxchg((u64 *)(r1 +0), r0, r2)\n" },
	{ 0xdb, 1, 2, -4, 225, 0, "(db) r2 = atomic64_xchg((u64 *)(r1 -4), r2)\n" },
	{ 0xdb, 1, 2, 0, 256, 0, "(db) r1 = load_acquire((u64 *)(r2 +0))\n" },
	{ 0xdb, 1, 2, 0, 272, 0, "(db) store_release((u64 *)(r1 +0), r2)\n" },
	{ 0xdb, 1, 2, 0, 48, 0, "BUG_db\n" },
	{ 0xdb, 1, 2, 0, 65, 0, "(db) r2 = atomic64_fetch_or((u64 *)(r1 +0), r2)\n" },
	{ 0xd3, 1, 2, 0, 272, 0, "(d3) store_release((u8 *)(r1 +0), r2)\n" },
	{ 0xa3, 1, 2, 0, 0, 0, "BUG_a3\n" },
	{ 0xc2, 0, 0, 0, 0, 0, "(c2) nospec\n" },
	{ 0x22, 0, 0, 0, 0, 0, "BUG_st_22\n" },
	{ 0x21, 0, 0, 0, 0, 0, "BUG_ldx_21\n" },
	{ 0xe1, 0, 0, 0, 0, 0, "BUG_ldx_e1\n" },
	{ 0x60, 0, 0, 0, 0, 0, "BUG_ld_60\n" },
	{ 0x00, 0, 0, 0, 0, 0, "BUG_ld_00\n" },
	{ 0x18, 1, 0, 0, 305419896, 305419896, "(18) r1 = 0x1234567812345678\n" },
	{ 0x18, 1, 0, 0, -1, 0, "(18) r1 = 0xffffffff\n" },
	{ 0x18, 2, 1, 0, 7, 0, "(18) r2 = 0x7\n" },
	{ 0x18, 2, 2, 0, 7, 3, "(18) r2 = 0x300000007\n" },
	{ 0x18, 3, 3, 0, 4096, 0, "(18) r3 = 0x1000\n" },
	{ 0x18, 3, 4, 0, 5, 0, "(18) r3 = 0x5\n" },
	{ 0x18, 3, 5, 0, 1, 0, "(18) r3 = 0x1\n" },
	{ 0x18, 3, 6, 0, 1, 0, "(18) r3 = 0x1\n" },
	{ 0x05, 0, 0, -3, 0, 0, "(05) goto pc-3\n" },
	{ 0x0d, 4, 0, 0, 0, 0, "(0d) gotox r4\n" },
	{ 0x15, 1, 0, -7, -2, 0, "(15) if r1 == 0xfffffffe goto pc-7\n" },
	{ 0x1d, 1, 2, 7, 0, 0, "(1d) if r1 == r2 goto pc+7\n" },
	{ 0x25, 1, 0, -7, -2, 0, "(25) if r1 > 0xfffffffe goto pc-7\n" },
	{ 0x2d, 1, 2, 7, 0, 0, "(2d) if r1 > r2 goto pc+7\n" },
	{ 0x35, 1, 0, -7, -2, 0, "(35) if r1 >= 0xfffffffe goto pc-7\n" },
	{ 0x3d, 1, 2, 7, 0, 0, "(3d) if r1 >= r2 goto pc+7\n" },
	{ 0x45, 1, 0, -7, -2, 0, "(45) if r1 & 0xfffffffe goto pc-7\n" },
	{ 0x4d, 1, 2, 7, 0, 0, "(4d) if r1 & r2 goto pc+7\n" },
	{ 0x55, 1, 0, -7, -2, 0, "(55) if r1 != 0xfffffffe goto pc-7\n" },
	{ 0x5d, 1, 2, 7, 0, 0, "(5d) if r1 != r2 goto pc+7\n" },
	{ 0x65, 1, 0, -7, -2, 0, "(65) if r1 s> 0xfffffffe goto pc-7\n" },
	{ 0x6d, 1, 2, 7, 0, 0, "(6d) if r1 s> r2 goto pc+7\n" },
	{ 0x75, 1, 0, -7, -2, 0, "(75) if r1 s>= 0xfffffffe goto pc-7\n" },
	{ 0x7d, 1, 2, 7, 0, 0, "(7d) if r1 s>= r2 goto pc+7\n" },
	{ 0x95, 0, 0, 0, 0, 0, "(95) exit\n" },
	{ 0x9d, 1, 2, 7, 0, 0, "(9d) if r1 exit r2 goto pc+7\n" },
	{ 0xa5, 1, 0, -7, -2, 0, "(a5) if r1 < 0xfffffffe goto pc-7\n" },
	{ 0xad, 1, 2, 7, 0, 0, "(ad) if r1 < r2 goto pc+7\n" },
	{ 0xb5, 1, 0, -7, -2, 0, "(b5) if r1 <= 0xfffffffe goto pc-7\n" },
	{ 0xbd, 1, 2, 7, 0, 0, "(bd) if r1 <= r2 goto pc+7\n" },
	{ 0xc5, 1, 0, -7, -2, 0, "(c5) if r1 s< 0xfffffffe goto pc-7\n" },
	{ 0xcd, 1, 2, 7, 0, 0, "(cd) if r1 s< r2 goto pc+7\n" },
	{ 0xd5, 1, 0, -7, -2, 0, "(d5) if r1 s<= 0xfffffffe goto pc-7\n" },
	{ 0xdd, 1, 2, 7, 0, 0, "(dd) if r1 s<= r2 goto pc+7\n" },
	{ 0xe5, 0, 0, 5, 0, 0, "(e5) may_goto pc+5\n" },
	{ 0xe5, 0, 1, 5, 0, 0, "(e5) if r0 (null) 0x0 goto pc+5\n" },
	{ 0xed, 1, 2, 7, 0, 0, "(ed) if r1 (null) r2 goto pc+7\n" },
	{ 0xf5, 1, 0, -7, -2, 0, "(f5) if r1 (null) 0xfffffffe goto pc-7\n" },
	{ 0xfd, 1, 2, 7, 0, 0, "(fd) if r1 (null) r2 goto pc+7\n" },
	{ 0x85, 0, 0, 0, 1, 0, "(85) call bpf_map_lookup_elem#1\n" },
	{ 0x85, 0, 1, 0, 5, 0, "(85) call pc+5\n" },
	{ 0x85, 0, 1, 0, -9, 0, "(85) call pc-9\n" },
	{ 0x06, 0, 0, 0, 100, 0, "(06) gotol pc+100\n" },
	{ 0x0e, 1, 2, 7, 0, 0, "(0e) if w1 jmp w2 goto pc+7\n" },
	{ 0x16, 1, 0, -7, -2, 0, "(16) if w1 == 0xfffffffe goto pc-7\n" },
	{ 0x1e, 1, 2, 7, 0, 0, "(1e) if w1 == w2 goto pc+7\n" },
	{ 0x26, 1, 0, -7, -2, 0, "(26) if w1 > 0xfffffffe goto pc-7\n" },
	{ 0x2e, 1, 2, 7, 0, 0, "(2e) if w1 > w2 goto pc+7\n" },
	{ 0x36, 1, 0, -7, -2, 0, "(36) if w1 >= 0xfffffffe goto pc-7\n" },
	{ 0x3e, 1, 2, 7, 0, 0, "(3e) if w1 >= w2 goto pc+7\n" },
	{ 0x46, 1, 0, -7, -2, 0, "(46) if w1 & 0xfffffffe goto pc-7\n" },
	{ 0x4e, 1, 2, 7, 0, 0, "(4e) if w1 & w2 goto pc+7\n" },
	{ 0x56, 1, 0, -7, -2, 0, "(56) if w1 != 0xfffffffe goto pc-7\n" },
	{ 0x5e, 1, 2, 7, 0, 0, "(5e) if w1 != w2 goto pc+7\n" },
	{ 0x66, 1, 0, -7, -2, 0, "(66) if w1 s> 0xfffffffe goto pc-7\n" },
	{ 0x6e, 1, 2, 7, 0, 0, "(6e) if w1 s> w2 goto pc+7\n" },
	{ 0x76, 1, 0, -7, -2, 0, "(76) if w1 s>= 0xfffffffe goto pc-7\n" },
	{ 0x7e, 1, 2, 7, 0, 0, "(7e) if w1 s>= w2 goto pc+7\n" },
	{ 0x96, 1, 0, -7, -2, 0, "(96) if w1 exit 0xfffffffe goto pc-7\n" },
	{ 0x9e, 1, 2, 7, 0, 0, "(9e) if w1 exit w2 goto pc+7\n" },
	{ 0xa6, 1, 0, -7, -2, 0, "(a6) if w1 < 0xfffffffe goto pc-7\n" },
	{ 0xae, 1, 2, 7, 0, 0, "(ae) if w1 < w2 goto pc+7\n" },
	{ 0xb6, 1, 0, -7, -2, 0, "(b6) if w1 <= 0xfffffffe goto pc-7\n" },
	{ 0xbe, 1, 2, 7, 0, 0, "(be) if w1 <= w2 goto pc+7\n" },
	{ 0xc6, 1, 0, -7, -2, 0, "(c6) if w1 s< 0xfffffffe goto pc-7\n" },
	{ 0xce, 1, 2, 7, 0, 0, "(ce) if w1 s< w2 goto pc+7\n" },
	{ 0xd6, 1, 0, -7, -2, 0, "(d6) if w1 s<= 0xfffffffe goto pc-7\n" },
	{ 0xde, 1, 2, 7, 0, 0, "(de) if w1 s<= w2 goto pc+7\n" },
	{ 0xe6, 1, 0, -7, -2, 0, "(e6) if w1 (null) 0xfffffffe goto pc-7\n" },
	{ 0xee, 1, 2, 7, 0, 0, "(ee) if w1 (null) w2 goto pc+7\n" },
	{ 0xf6, 1, 0, -7, -2, 0, "(f6) if w1 (null) 0xfffffffe goto pc-7\n" },
	{ 0xfe, 1, 2, 7, 0, 0, "(fe) if w1 (null) w2 goto pc+7\n" },
	{ 0x86, 0, 0, 0, 1, 0, "(86) call bpf_map_lookup_elem#1\n" },
	{ 0x86, 0, 1, 0, 5, 0, "(86) call pc+5\n" },
	{ 0x86, 0, 1, 0, -9, 0, "(86) call pc-9\n" },
	{ 0x85, 0, 0, 0, 12, 0, "(85) call bpf_tail_call#12\n" },
	{ 0x85, 0, 0, 0, 211, 0, "(85) call bpf_cgrp_storage_delete#211\n" },
	{ 0x85, 0, 0, 0, 212, 0, "(85) call unknown#212\n" },
	{ 0x85, 0, 0, 0, -1, 0, "(85) call unknown#-1\n" },
	{ 0x85, 0, 2, 0, 1234, 0, "(85) call kernel-function#1234\n" },
	{ 0x85, 0, 2, 1, 1, 0, "(85) call kernel-function#1\n" },
	{ 0x8d, 0, 0, 0, 0, 0, "(8d) call bpf_unspec#0\n" },
};

TEST(disasm_every_opcode)
{
	char line[128], what[160];
	size_t i, n;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct disasm_case *c = &cases[i];
		struct bpf_insn insn[2] = {
			{ c->code, c->dst, c->src, c->off, c->imm },
			{ 0, 0, 0, 0, c->next_imm },
		};

		n = bpf_disasm(line, sizeof(line), insn, insn + 1, NULL);
		snprintf(what, sizeof(what), "insn %zu (code 0x%02x)", i, c->code);
		unit_check_str(line, c->want, __FILE__, __LINE__, what);
		CHECK_INT(n, strlen(c->want));
	}
}

static const char *name_call(void *ctx, const struct bpf_insn *insn, char *buf, size_t size)
{
	snprintf(buf, size, "%s%+d", (const char *)ctx, insn->off);
	return insn->src_reg == 1 ? buf : NULL;
}

static const char *name_imm(void *ctx, const struct bpf_insn *insn, uint64_t imm,
			    char *buf, size_t size)
{
	snprintf(buf, size, "map[id:%d]", insn->imm);
	return insn->src_reg == 1 ? buf : NULL;
}

/* The callbacks name what they know; NULL falls back to the kernel's text. */
TEST(disasm_callbacks_and_truncation)
{
	const struct disasm_names names = { name_call, name_imm, "f" };
	const struct bpf_insn pcall = { 0x85, 0, 1, 3, 1 }, kcall = { 0x85, 0, 2, 0, 9 };
	const struct bpf_insn map[2] = { { 0x18, 1, 1, 0, 42 }, { 0, 0, 0, 0, 0 } };
	const struct bpf_insn ld[1] = { { 0x18, 1, 0, 0, 42 } };
	char line[17];

	bpf_disasm(line, sizeof(line), &pcall, NULL, &names);
	CHECK_STR(line, "(85) call pcf+3\n");
	bpf_disasm(line, sizeof(line), &kcall, NULL, &names);
	CHECK_STR(line, "(85) call kernel");
	CHECK_INT(bpf_disasm(line, 8, map, map + 1, &names), 7);
	CHECK_STR(line, "(18) r1");
	{
		char big[64];

		bpf_disasm(big, sizeof(big), map, map + 1, &names);
		CHECK_STR(big, "(18) r1 = map[id:42]\n");
		bpf_disasm(big, sizeof(big), ld, NULL, &names);
		CHECK_STR(big, "(18) r1 = 0x2a\n");
	}
}
