/* btf_c: "btf dump ... format c", BTF as a compilable C header (the
 * vmlinux.h of upstream bpftool main, types in libbpf's btf_dump order
 * or bpftool's sorted order). */
#ifndef BPFBOX_BTF_C_H
#define BPFBOX_BTF_C_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "btf/btf.h"

/* The header for the types ids[0..n-1] and what they need, or with n 0
 * for every type (base included) and the kfunc block; sorted: upstream
 * bpftool's order, else libbpf's id order.  Returns 0, -ELOOP for a type
 * cycle C cannot express, -EINVAL for a kind with no C form, -E2BIG when
 * hostile BTF would expand to more than max_out bytes, -ENOMEM.  Output
 * may have been written when it fails. */
int btf_c_dump(const struct btf *btf, const uint32_t *ids, size_t n,
	       bool sorted, uint64_t max_out);

#endif
