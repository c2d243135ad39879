/* mkbtfmap: create a map whose key and value carry BTF types, for the BTF
 * output tests (tests/kernel/btf.sh).
 *
 *   mkbtfmap LAYOUT PATH      load the layout's BTF (BPF_BTF_LOAD), create
 *                             its map (BPF_MAP_CREATE with btf_fd and the
 *                             key/value type ids) and pin it at PATH
 *   mkbtfmap -o LAYOUT FILE   write the layout's raw BTF blob to FILE
 *   mkbtfmap -l               list the layouts
 * Layouts are in btf_layouts.h.  Key and value sizes come from the BTF
 * (bpfbox's parser); a layout without a key type gets a 4-byte key. */
#include "btf_layouts.h"
#include "../../src/btf.h"
#include "../../src/sys_bpf.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int die(const char *what, int err)
{
	fprintf(stderr, "mkbtfmap: %s: %s\n", what, strerror(err < 0 ? -err : err));
	return 1;
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

	if (argc == 2 && !strcmp(argv[1], "-l")) {
		for (l = map_layouts; l->name; l++)
			puts(l->name);
		return 0;
	}
	if (argc != 3 && !to_file) {
		fprintf(stderr, "usage: mkbtfmap LAYOUT PATH | -o LAYOUT FILE | -l\n");
		return 2;
	}
	argv += to_file;
	for (l = map_layouts; l->name && strcmp(l->name, argv[1]); l++)
		;
	if (!l->name)
		return die(argv[1], ENOENT);

	bb_init(&b);
	l->build(&b, &key, &value);
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
