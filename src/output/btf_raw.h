/* btf_raw: "btf dump ... format raw", one record per type as bpftool's
 * dump_btf_raw() prints it, plain or through a JSON writer. */
#ifndef BPFBOX_BTF_RAW_H
#define BPFBOX_BTF_RAW_H

#include <stddef.h>
#include <stdint.h>

#include "btf/btf.h"
#include "output/json.h"

/* The types ids[0..n-1], or with n 0 every type of btf itself (not its
 * base).  j NULL: plain text.  The ids must be below btf_end_id(). */
void btf_raw_dump(const struct btf *btf, struct json *j, const uint32_t *ids,
		  size_t n);
/* bpftool's name of a kind, "UNKNOWN" past the known ones. */
const char *btf_kind_str(unsigned kind);

#endif
