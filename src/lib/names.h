/* names: the map, program, attach and link type, helper and map flag
 * tables, declared once (include/uapi/bpf.h) and used by parsing,
 * printing, help, the map code and "feature list_builtins" alike: what
 * bpfbox knows of a type is asked here. */
#ifndef BPFBOX_NAMES_H
#define BPFBOX_NAMES_H

#include <stdbool.h>
#include <stdint.h>

const char *map_type_name(uint32_t type);	/* NULL when unknown */
const char *prog_type_name(uint32_t type);
const char *attach_type_name(uint32_t type);
const char *link_type_name(uint32_t type);
/* "map_lookup_elem": helper names are printed with "bpf_" before them. */
const char *helper_short_name(uint32_t id);
int map_type_by_name(const char *name);		/* exact match, or -1 */
const char *attach_type_name(uint32_t type);	/* libbpf's names */
const char *link_type_name(uint32_t type);
/* bpftool's parse_attach_type(): libbpf's name exactly, else one of
 * bpftool's older words by prefix; -1 when neither. */
int attach_type_parse(const char *word);
/* "no_prealloc,mmapable" or a number (0x.., 0.., decimal).
 * Returns 0, or -1 with *bad set to the word that did not parse. */
int map_flags_parse(const char *s, uint32_t *flags, const char **bad);

/* "5.16" for the bloom filter: the release that added a map type (NULL
 * when unknown).  kernel_older_than("5.10.0-46-amd64", "5.16") is 1. */
const char *map_type_since(uint32_t type);
int kernel_older_than(const char *running, const char *since);

/* The MT_* columns of include/uapi/bpf.h.  Keys: false only for types
 * known to have none (queue, stack, ...), so that newer types dump. */
bool map_type_has_keys(uint32_t type);
bool map_type_per_cpu(uint32_t type);
bool map_type_batches(uint32_t type);
/* bpftool's `map help` TYPE list: "hash | array | ... }", lines broken
 * and indented as bpftool prints them after "       TYPE := { ". */
const char *map_type_help(void);

#endif
