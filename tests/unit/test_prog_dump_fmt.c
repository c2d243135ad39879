/* prog_dump_fmt: function prototypes as bpftool's btf_dumper_type_only()
 * prints them, libbpf's line_info lookup, and the plain dump layout. */
#include "unit.h"
#include "../helpers/btf_builder.h"
#include "output/out.h"
#include "output/prog_dump_fmt.h"

#include <stdlib.h>

static struct btf *build(struct bb *b)
{
	struct btf *btf = NULL;
	size_t size;
	void *blob = bb_blob(b, &size);

	CHECK_INT(btf_new(blob, size, NULL, &btf), 0);
	free(blob);
	return btf;
}

TEST(func_sig_kinds)
{
	uint32_t i32, chr, cchr, ptr, fwd, td, proto, noname, f1, f2, f3, tag, f4;
	uint32_t uptr, iptr, vptr, tptr;
	char sig[1024], tiny[12];
	struct btf *btf;
	struct bb b;

	bb_init(&b);
	i32 = bb_int(&b, "int", 4, BTF_INT_SIGNED);
	chr = bb_int(&b, "char", 1, BTF_INT_SIGNED);
	cchr = bb_mod(&b, BTF_KIND_CONST, chr);
	ptr = bb_ptr(&b, cchr);
	fwd = bb_fwd(&b, "ops", 1);
	td = bb_typedef(&b, "u32", i32);
	uptr = bb_ptr(&b, fwd);
	iptr = bb_ptr(&b, i32);
	vptr = bb_ptr(&b, 0);
	tag = bb_type_tag(&b, "user", i32);
	tptr = bb_ptr(&b, tag);
	/* Parameters follow their prototype: every type they use is made first. */
	proto = bb_func_proto(&b, td);
	bb_param(&b, "name", ptr);
	bb_param(&b, "u", uptr);
	bb_param(&b, NULL, 0);		/* varargs */
	f1 = bb_func(&b, "f", proto, 0);
	noname = bb_func_proto(&b, 0);
	bb_param(&b, NULL, i32);
	bb_param(&b, NULL, iptr);
	f2 = bb_func(&b, "g", noname, 0);
	f3 = bb_func(&b, "h", bb_func_proto(&b, vptr), 0);
	proto = bb_func_proto(&b, i32);
	bb_param(&b, "p", tptr);
	f4 = bb_func(&b, "k", proto, 0);
	btf = build(&b);

	prog_func_sig(btf, f1, sig, sizeof(sig));
	CHECK_STR(sig, "u32 f(const char * name, union ops * u, ...)");
	prog_func_sig(btf, f2, sig, sizeof(sig));
	CHECK_STR(sig, "void g(int, int *)");
	prog_func_sig(btf, f3, sig, sizeof(sig));
	CHECK_STR(sig, "void * h()");
	/* A kind bpftool cannot print, or no room: no header at all. */
	prog_func_sig(btf, f4, sig, sizeof(sig));
	CHECK_STR(sig, "");
	prog_func_sig(btf, f1, tiny, sizeof(tiny));
	CHECK_STR(tiny, "");
	prog_func_sig(btf, 9999, sig, sizeof(sig));
	CHECK_STR(sig, "");
	prog_func_sig(NULL, f1, sig, sizeof(sig));
	CHECK_STR(sig, "");
	btf_free(btf);
	bb_free(&b);
}

/* libbpf's bpf_prog_linfo__lfind(): the last record at or before the
 * instruction, from nr_skip on; none before the first. */
TEST(linfo_find)
{
	const struct bpf_line_info recs[3] = { { 0, 0, 0, 0 }, { 4, 0, 0, 0 }, { 9, 0, 0, 0 } };
	struct prog_dump d;

	memset(&d, 0, sizeof(d));
	d.line_info = (const uint8_t *)recs;
	d.nr_line_info = 3;
	d.line_info_rec_size = sizeof(recs[0]);
	CHECK_INT(prog_linfo_find(&d, 0, 0), 0);
	CHECK_INT(prog_linfo_find(&d, 3, 0), 0);
	CHECK_INT(prog_linfo_find(&d, 5, 0), 1);
	CHECK_INT(prog_linfo_find(&d, 100, 0), 2);
	CHECK_INT(prog_linfo_find(&d, 3, 1), -1);
	CHECK_INT(prog_linfo_find(&d, 9, 2), 2);
	CHECK_INT(prog_linfo_find(&d, 9, 3), -1);
}

/* The plain layout: headers, "; source", "%4u: ", opcodes; a final
 * lone ld_imm64 reads its missing half as zero. */
TEST(dump_plain_layout)
{
	const struct bpf_insn insns[4] = {
		{ 0xb7, 0, 0, 0, 7 }, { 0x95, 0, 0, 0, 0 }, { 0xb7, 0, 0, 0, 1 }, { 0x18, 1, 0, 0, 5 },
	};
	struct bpf_func_info fi[2];
	struct bpf_line_info li[2];
	uint32_t proto, f, g, src, file;
	struct prog_dump d;
	struct btf *btf;
	struct bb b;

	bb_init(&b);
	proto = bb_func_proto(&b, bb_int(&b, "int", 4, BTF_INT_SIGNED));
	f = bb_func(&b, "main", proto, 0);
	g = bb_func(&b, "sub", proto, 0);
	src = bb_str(&b, "  \treturn 7;");
	file = bb_str(&b, "a.c");
	btf = build(&b);
	fi[0] = (struct bpf_func_info){ 0, f };
	fi[1] = (struct bpf_func_info){ 2, g };
	li[0] = (struct bpf_line_info){ 0, file, src, 3 << 10 | 2 };
	li[1] = (struct bpf_line_info){ 2, 0, src, 0 };
	memset(&d, 0, sizeof(d));
	d.insns = insns;
	d.n = 4;
	d.btf = btf;
	d.func_info = (const uint8_t *)fi;
	d.nr_func_info = 2;
	d.func_info_rec_size = sizeof(fi[0]);
	d.line_info = (const uint8_t *)li;
	d.nr_line_info = 2;
	d.line_info_rec_size = sizeof(li[0]);
	d.opcodes = true;
	d.linum = true;
	capture_begin();
	prog_dump_plain(&d);
	CHECK_STR(capture_end(),
		  "int main():\n"
		  "; return 7; [file:a.c line_num:3 line_col:2]\n"
		  "   0: (b7) r0 = 7\n"
		  "       b7 00 00 00 07 00 00 00\n"
		  "   1: (95) exit\n"
		  "       95 00 00 00 00 00 00 00\n"
		  "int sub():\n"
		  "; return 7; [file: line_num:0 line_col:0]\n"
		  "   2: (b7) r0 = 1\n"
		  "       b7 00 00 00 01 00 00 00\n"
		  "   3: (18) r1 = 0x5\n"
		  "       18 01 00 00 05 00 00 00\n");
	btf_free(btf);
	bb_free(&b);
}

/* The jited layout without a disassembler (raw bytes, eight a line):
 * two functions named by address (no kallsyms here), their line_info
 * placed by jited address with libbpf's nr_skip walk, which prints a
 * record twice when two records start within one instruction. */
TEST(dump_jited_layout)
{
	uint8_t image[21];
	const uint64_t ksyms[2] = { 0x1000, 0x2000 };
	const uint32_t lens[2] = { 17, 4 };
	uint64_t jl[4] = { 0x1000, 0x1002, 0x1003, 0x2000 };
	struct bpf_line_info li[4];
	struct bpf_func_info fi[2];
	uint32_t proto, f, one, two, three, i;
	struct prog_dump d;
	struct btf *btf;
	struct bb b;

	for (i = 0; i < sizeof(image); i++)
		image[i] = (uint8_t)(i + 1);
	bb_init(&b);
	proto = bb_func_proto(&b, bb_int(&b, "int", 4, BTF_INT_SIGNED));
	f = bb_func(&b, "main", proto, 0);
	one = bb_str(&b, "one;");
	two = bb_str(&b, "two;");
	three = bb_str(&b, "three;");
	btf = build(&b);
	fi[0] = (struct bpf_func_info){ 0, f };
	fi[1] = (struct bpf_func_info){ 3, f };
	li[0] = (struct bpf_line_info){ 0, 0, one, 0 };
	li[1] = (struct bpf_line_info){ 1, 0, two, 0 };
	li[2] = (struct bpf_line_info){ 2, 0, three, 0 };
	li[3] = (struct bpf_line_info){ 3, 0, one, 0 };
	memset(&d, 0, sizeof(d));
	d.btf = btf;
	d.func_info = (const uint8_t *)fi;
	d.nr_func_info = 2;
	d.func_info_rec_size = sizeof(fi[0]);
	d.line_info = (const uint8_t *)li;
	d.nr_line_info = 4;
	d.line_info_rec_size = sizeof(li[0]);
	d.jited_ksyms = ksyms;
	d.nr_jited_ksyms = 2;
	d.image = image;
	d.image_len = sizeof(image);
	d.func_lens = lens;
	d.nr_func_lens = 2;
	d.jited_line_info = (const uint8_t *)jl;
	d.nr_jited_line_info = 4;
	d.jited_line_info_rec_size = 8;
	d.opcodes = true;
	CHECK_INT(prog_jited_linfo_check(&d), 0);
	capture_begin();
	prog_dump_jited(&d, NULL);
	CHECK_STR(capture_end(),
		  "int main():\n"
		  "0x0000000000001000:\n"
		  "; one;\n"
		  "   0:\t.byte\t0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08\n"
		  "\t01 02 03 04 05 06 07 08 \n"
		  "; three;\n"
		  "   8:\t.byte\t0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10\n"
		  "\t09 0a 0b 0c 0d 0e 0f 10 \n"
		  "; three;\n"
		  "  10:\t.byte\t0x11\n"
		  "\t11 \n"
		  "\n"
		  "int main():\n"
		  "0x0000000000002000:\n"
		  "; one;\n"
		  "   0:\t.byte\t0x12, 0x13, 0x14, 0x15\n"
		  "\t12 13 14 15 \n"
		  "\n");
	/* records out of order within a function, or a function that does
	 * not start where its records do: no source lines (libbpf) */
	jl[2] = 0x1001;
	CHECK_INT(prog_jited_linfo_check(&d), -1);
	jl[2] = 0x1003;
	jl[3] = 0x2001;
	CHECK_INT(prog_jited_linfo_check(&d), -1);
	btf_free(btf);
	bb_free(&b);
}

/* JSON: bpftool's split of the text into operation and operands. */
TEST(dump_jited_json)
{
	static const uint8_t image[2] = { 0xaa, 0xbb };
	struct prog_dump d;
	struct json j;

	memset(&d, 0, sizeof(d));
	d.image = image;
	d.image_len = 2;
	capture_begin();
	json_init(&j, false);
	prog_dump_jited(&d, &j);
	json_finish(&j);
	CHECK_STR(capture_end(),
		  "[{\"pc\":\"0x0\",\"operation\":\".byte\",\"operands\":[\"0xaa\",\"0xbb\"]}]\n");
}
