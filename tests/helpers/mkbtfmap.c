/* mkbtfmap: create a map whose key and value carry BTF types, for the BTF
 * output tests (tests/kernel/btf.sh).
 *
 *   mkbtfmap LAYOUT PATH      load the layout's BTF (BPF_BTF_LOAD), create
 *                             its map (BPF_MAP_CREATE with btf_fd and the
 *                             key/value type ids) and pin it at PATH
 *   mkbtfmap -o LAYOUT FILE [FORM]
 *                             write the layout's raw BTF blob to FILE; FORM
 *                             "swapped": in the other byte order; "elf64le",
 *                             "elf32be": as the .BTF section of a minimal
 *                             ELF object (the BTF in the ELF's byte order);
 *                             "split": FILE is split BTF on the layout's,
 *                             written to FILE.base (a module on vmlinux);
 *                             "split2": another module on the same base,
 *                             sharing the first one's types (a FWD of
 *                             its struct, a copy of its typedef)
 *   mkbtfmap -s MAPS PROGS LAYOUT DIR
 *                             one BTF object shared by MAPS maps (pinned
 *                             DIR/m0...) and PROGS socket filters (DIR/p0...,
 *                             "return 0" with a BTF func_info), created
 *                             alternately, for "btf show" map_ids/prog_ids
 *   mkbtfmap -l               list the layouts
 * Layouts are in btf_layouts.h.  Key and value sizes come from the BTF
 * (bpfbox's parser); a layout without a key type gets a 4-byte key. */
#include "btf_layouts.h"
#include "btf/btf.h"
#include "kernel/sys_bpf.h"

#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int die(const char *what, int err)
{
	fprintf(stderr, "mkbtfmap: %s: %s\n", what, strerror(err < 0 ? -err : err));
	return 1;
}

/* A socket filter "r0 = 0; exit" whose func_info names BTF type func. */
static int load_prog(int btf_fd, uint32_t func)
{
	static const struct bpf_insn insns[] = {
		{ .code = 0xb7 },	/* BPF_ALU64 | BPF_MOV | BPF_K: r0 = 0 */
		{ .code = 0x95 },	/* BPF_JMP | BPF_EXIT */
	};
	uint32_t finfo[2] = { 0, func };	/* insn_off, type_id */
	struct bpf_attr_prog_load attr;

	memset(&attr, 0, sizeof(attr));
	attr.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
	attr.insn_cnt = 2;
	attr.insns = (uint64_t)(uintptr_t)insns;
	attr.license = (uint64_t)(uintptr_t)"GPL";
	strcpy(attr.prog_name, "btf_prog");
	attr.prog_btf_fd = (uint32_t)btf_fd;
	attr.func_info_rec_size = sizeof(finfo);
	attr.func_info = (uint64_t)(uintptr_t)finfo;
	attr.func_info_cnt = 1;
	return sys_prog_load(&attr);
}

/* Every BTF record is made of 32-bit words: swapping them all (and the
 * header's magic) gives the other byte order without knowing kinds. */
static void swap_word(uint8_t *p)
{
	uint8_t t = p[0];

	p[0] = p[3], p[3] = t, t = p[1], p[1] = p[2], p[2] = t;
}

static void swap_blob(uint8_t *p, size_t size)
{
	struct btf_header h;
	uint32_t i;
	uint8_t t;

	memcpy(&h, p, BTF_HDR_MIN_LEN);
	t = p[0], p[0] = p[1], p[1] = t;
	for (i = 4; i < BTF_HDR_MIN_LEN; i += 4)
		swap_word(p + i);
	for (i = 0; i + 4 <= h.type_len; i += 4)
		swap_word(p + h.hdr_len + h.type_off + i);
}

/* Store v in width bytes at p, most significant first when big. */
static void put_n(uint8_t *p, uint64_t v, unsigned width, bool big)
{
	unsigned i;

	for (i = 0; i < width; i++)
		p[big ? width - 1 - i : i] = (uint8_t)(v >> (8 * i));
}

/* ELF header, .BTF, .shstrtab, then the section headers (null, .BTF,
 * .shstrtab), as an ET_REL object of the given class and byte order. */
static int write_elf(FILE *f, const void *blob, size_t size, bool is64, bool big)
{
	static const char names[] = "\0.BTF\0.shstrtab";
	size_t ehsize = is64 ? 64 : 52, shentsize = is64 ? 64 : 40;
	size_t btf_off = ehsize, str_off = btf_off + size;
	size_t sh_off = (str_off + sizeof(names) + 7) & ~(size_t)7;
	size_t total = sh_off + 3 * shentsize, i;
	uint8_t *e = calloc(1, total);

	if (!e)
		return -1;
	memcpy(e, "\177ELF", 4);
	e[4] = is64 ? 2 : 1;
	e[5] = big ? 2 : 1;
	e[6] = 1;
	put_n(e + 16, 1, 2, big);			/* ET_REL */
	put_n(e + 18, 247, 2, big);			/* EM_BPF */
	put_n(e + 20, 1, 4, big);
	put_n(e + (is64 ? 40 : 32), sh_off, is64 ? 8 : 4, big);
	put_n(e + (is64 ? 52 : 40), ehsize, 2, big);
	put_n(e + (is64 ? 58 : 46), shentsize, 2, big);
	put_n(e + (is64 ? 60 : 48), 3, 2, big);
	put_n(e + (is64 ? 62 : 50), 2, 2, big);	/* e_shstrndx */
	memcpy(e + btf_off, blob, size);
	memcpy(e + str_off, names, sizeof(names));
	for (i = 1; i < 3; i++) {
		uint8_t *sh = e + sh_off + i * shentsize;

		put_n(sh, i == 1 ? 1 : 6, 4, big);	/* sh_name */
		put_n(sh + 4, i == 1 ? 1 : 3, 4, big);	/* PROGBITS, STRTAB */
		put_n(sh + (is64 ? 24 : 16), i == 1 ? btf_off : str_off, is64 ? 8 : 4, big);
		put_n(sh + (is64 ? 32 : 20), i == 1 ? size : sizeof(names), is64 ? 8 : 4, big);
	}
	i = fwrite(e, 1, total, f) == total ? 0 : (size_t)-1;
	free(e);
	return (int)i;
}

int main(int argc, char **argv)
{
	const struct map_layout *l;
	struct bpf_attr_map_create attr;
	struct btf *btf;
	char log[4096] = "";
	uint32_t key, value;
	int64_t ks, vs;
	struct bb b;
	size_t size;
	void *blob;
	int btf_fd, fd, err;
	bool to_file = (argc == 4 || argc == 5) && !strcmp(argv[1], "-o");
	const char *form = argc == 5 ? argv[4] : "";
	bool shared = argc == 6 && !strcmp(argv[1], "-s");
	unsigned nmaps = 0, nprogs = 0, i;
	uint32_t func = 0;

	if (argc == 2 && !strcmp(argv[1], "-l")) {
		for (l = map_layouts; l->name; l++)
			puts(l->name);
		return 0;
	}
	if (argc != 3 && !to_file && !shared) {
		fprintf(stderr, "usage: mkbtfmap LAYOUT PATH | -o LAYOUT FILE [FORM] | "
			"-s MAPS PROGS LAYOUT DIR | -l\n");
		return 2;
	}
	if (shared) {
		nmaps = (unsigned)atoi(argv[2]);
		nprogs = (unsigned)atoi(argv[3]);
		argv += 3;
	}
	argv += to_file;
	for (l = map_layouts; l->name && strcmp(l->name, argv[1]); l++)
		;
	if (!l->name)
		return die(argv[1], ENOENT);

	bb_init(&b);
	l->build(&b, &key, &value);
	if (shared) {
		/* Types first: bb_param() extends the last type added. */
		uint32_t ret = bb_int(&b, "int", 4, BTF_INT_SIGNED);
		uint32_t ctx = bb_ptr(&b, 0);
		uint32_t proto = bb_func_proto(&b, ret);

		bb_param(&b, "ctx", ctx);
		func = bb_func(&b, "btf_prog", proto, BTF_FUNC_GLOBAL);
	}
	blob = bb_blob(&b, &size);
	if (to_file && !strncmp(form, "split", 5)) {
		/* types on top of the base's: a struct embedding the value
		 * type, a typedef of it, a pointer to the base's first type */
		char base_path[4096];
		uint32_t next = b.next_id, slen = (uint32_t)b.slen, pv, p1;
		FILE *f;

		snprintf(base_path, sizeof(base_path), "%s.base", argv[2]);
		f = fopen(base_path, "wb");
		if (!f || fwrite(blob, 1, size, f) != size || fclose(f))
			return die(base_path, errno);
		free(blob);
		bb_free(&b);
		bb_init_split(&b, next, slen);
		pv = bb_ptr(&b, bb_typedef(&b, "base_value_t", value));
		if (!strcmp(form, "split2")) {
			p1 = bb_ptr(&b, bb_fwd(&b, "module_s", 0));
			bb_struct(&b, "other_s", 16, 0);
			bb_member(&b, "m", p1, 0, 0);
			bb_member(&b, "v", pv, 64, 0);
		} else {
			p1 = bb_ptr(&b, 1);
			bb_struct(&b, "module_s", 16, 0);
			bb_member(&b, "v", pv, 0, 0);
			bb_member(&b, "first", p1, 64, 0);
		}
		blob = bb_blob(&b, &size);
		form = "";
	}
	bb_free(&b);
	if (to_file) {
		FILE *f = fopen(argv[2], "wb");
		bool elf = !strncmp(form, "elf", 3), big = !strcmp(form, "elf32be");

		if (!strcmp(form, "swapped") || big)
			swap_blob(blob, size);
		else if (*form && strcmp(form, "elf64le"))
			return die(form, EINVAL);
		if (!f || (elf ? write_elf(f, blob, size, !big, big) :
			   fwrite(blob, 1, size, f) != size) || fclose(f))
			return die(argv[2], errno);
		return 0;
	}

	err = btf_new(blob, size, NULL, &btf);
	if (err)
		return die("parse", err);
	ks = key ? btf_resolve_size(btf, key) : 4;
	vs = btf_resolve_size(btf, value);
	btf_free(btf);
	if (ks <= 0 || vs <= 0)
		return die("type size", EINVAL);

	btf_fd = sys_btf_load(blob, (uint32_t)size, log, sizeof(log));
	if (btf_fd < 0) {
		fprintf(stderr, "%s", log);
		return die("BPF_BTF_LOAD", btf_fd);
	}
	memset(&attr, 0, sizeof(attr));
	attr.map_type = l->map_type;
	attr.key_size = (uint32_t)ks;
	attr.value_size = (uint32_t)vs;
	attr.max_entries = l->max_entries;
	snprintf(attr.map_name, sizeof(attr.map_name), "btf_%s", l->name);
	attr.btf_fd = (uint32_t)btf_fd;
	attr.btf_key_type_id = key;
	attr.btf_value_type_id = value;
	if (!shared) {
		fd = sys_map_create(&attr);
		if (fd < 0)
			return die("BPF_MAP_CREATE", fd);
		err = sys_obj_pin(fd, argv[2]);
		if (err)
			return die(argv[2], err);
		close(fd);
		close(btf_fd);
		return 0;
	}
	for (i = 0; i < nmaps || i < nprogs; i++) {
		char path[4096];

		if (i < nmaps) {
			fd = sys_map_create(&attr);
			if (fd < 0)
				return die("BPF_MAP_CREATE", fd);
			snprintf(path, sizeof(path), "%s/m%u", argv[2], i);
			err = sys_obj_pin(fd, path);
			if (err)
				return die(path, err);
			close(fd);
		}
		if (i < nprogs) {
			fd = load_prog(btf_fd, func);
			if (fd < 0)
				return die("BPF_PROG_LOAD", fd);
			snprintf(path, sizeof(path), "%s/p%u", argv[2], i);
			err = sys_obj_pin(fd, path);
			if (err)
				return die(path, err);
			close(fd);
		}
	}
	close(btf_fd);
	return 0;
}
