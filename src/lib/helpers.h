/* helpers: BPF helper function names by id (src/lib/helpers.c is
 * generated from the UAPI's ___BPF_FUNC_MAPPER by tools/gen_helpers.sh). */
#ifndef BPFBOX_HELPERS_H
#define BPFBOX_HELPERS_H

#include <stdint.h>

/* The name without its "bpf_" prefix ("map_lookup_elem"), or NULL for
 * an id the table does not know. */
const char *bpf_helper_name(int64_t id);

#endif
