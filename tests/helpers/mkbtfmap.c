/* mkbtfmap: create a map whose key and value carry BTF types, for the BTF
 * output tests (tests/kernel/btf.sh).
 *
 *   mkbtfmap LAYOUT PATH      load the layout's BTF (BPF_BTF_LOAD), create
 *                             its map (BPF_MAP_CREATE with btf_fd and the
 *                             key/value type ids) and pin it at PATH
 *   mkbtfmap -o LAYOUT FILE   write the layout's raw BTF blob to FILE
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
	bool to_file = argc == 4 && !strcmp(argv[1], "-o");
	bool shared = argc == 6 && !strcmp(argv[1], "-s");
	unsigned nmaps = 0, nprogs = 0, i;
	uint32_t func = 0;

	if (argc == 2 && !strcmp(argv[1], "-l")) {
		for (l = map_layouts; l->name; l++)
			puts(l->name);
		return 0;
	}
	if (argc != 3 && !to_file && !shared) {
		fprintf(stderr, "usage: mkbtfmap LAYOUT PATH | -o LAYOUT FILE | "
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
	bb_free(&b);
	if (to_file) {
		FILE *f = fopen(argv[2], "wb");

		if (!f || fwrite(blob, 1, size, f) != size || fclose(f))
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
