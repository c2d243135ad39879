/* hash_order: the order in which bpftool lists several values stored
 * under one key of a libbpf hashmap (pins of one object, maps using one
 * BTF), so bpfbox prints them in the same order. */
#ifndef BPFBOX_HASH_ORDER_H
#define BPFBOX_HASH_ORDER_H

#include <stddef.h>
#include <stdint.h>

/* seq[0..n-1]: when each value was inserted (ascending: its index among
 * all `total` inserts into the hashmap).  Writes into buf (room for 2n)
 * and returns where the n indices into seq[] start, in bpftool's order. */
size_t *hash_order(const uint32_t *seq, size_t n, size_t total, size_t *buf);

#endif
