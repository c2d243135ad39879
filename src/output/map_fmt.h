/* map_fmt: how one map entry looks, in bpftool's three layouts: plain hex
 * (print_entry_plain), JSON hex + "formatted" BTF, and plain BTF (pretty
 * JSON on a writer of its own).  Formatting only: no syscalls, no errors. */
#ifndef BPFBOX_MAP_FMT_H
#define BPFBOX_MAP_FMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "output/json.h"
#include "uapi/bpf.h"

struct btf_plan;

struct btf;

struct entry_fmt {
	const struct bpf_map_info *info;
	unsigned cpus;			/* possible CPUs, for per-CPU maps */
	const struct btf *btf;		/* NULL: hex only */
	struct json *jw;		/* -j writer, or the BTF plain writer */
	bool json;			/* -j: hex + "formatted" */
	struct btf_plan **plans;	/* key and value compiled, or NULL */
};

bool map_is_map_of_maps(uint32_t type);
/* Bytes of one entry's value: all CPUs' slots for per-CPU maps. */
size_t map_value_bytes(const struct bpf_map_info *info, unsigned cpus);

/* bpftool's fprint_hex(): 8 bytes, two spaces, 8 bytes, new line. */
void hex_plain(const uint8_t *data, size_t n);

void entry_print(const struct entry_fmt *f, const uint8_t *key, const uint8_t *value);
/* An entry whose lookup failed with err (-errno). */
void entry_print_error(const struct entry_fmt *f, const uint8_t *key, int err);

#endif
