/* names: type and flag names as libbpf spells them (bpftool prints these). */
#include "lib/names.h"
#include "uapi/bpf.h"

#include <stdlib.h>
#include <string.h>

#define NAME(n, s) s,
static const char *const map_types[] = { BPF_MAP_TYPES(NAME) };
static const char *const prog_types[] = { BPF_PROG_TYPES(NAME) };
#undef NAME

#define ATTACH_NAME(n, s, in) s,
#define ATTACH_INPUT(n, s, in) in,
#define LINK_NAME(n, s) s,
static const char *const attach_types[] = { BPF_ATTACH_TYPES(ATTACH_NAME) };
static const char *const attach_inputs[] = { BPF_ATTACH_TYPES(ATTACH_INPUT) };
static const char *const link_types[] = { BPF_LINK_TYPES(LINK_NAME) };
#undef ATTACH_NAME
#undef ATTACH_INPUT
#undef LINK_NAME

#define FLAG(v, s) { v, s },
static const struct { uint32_t value; const char *name; } map_flags[] = {
	BPF_MAP_FLAGS(FLAG)
};
#undef FLAG

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define NAME_AT(tab, i) ((i) < COUNT(tab) ? (tab)[i] : NULL)

/* The index of an exact name (NULL entries never match), or -1. */
static int index_of(const char *const *tab, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (tab[i] && !strcmp(tab[i], name))
			return (int)i;
	return -1;
}

const char *map_type_name(uint32_t type)
{
	return NAME_AT(map_types, type);
}

const char *prog_type_name(uint32_t type)
{
	return NAME_AT(prog_types, type);
}

int map_type_by_name(const char *name)
{
	/* Exact names only, as bpftool: a prefix could be shadowed by a
	 * future type. */
	return index_of(map_types, COUNT(map_types), name);
}

int map_flags_parse(const char *s, uint32_t *flags, const char **bad)
{
	static char word[64];
	uint32_t v = 0;
	char *end;
	unsigned i;

	if (*s >= '0' && *s <= '9') {
		unsigned long n = strtoul(s, &end, 0);

		if (*end || n > 0xffffffffUL) {
			*bad = s;
			return -1;
		}
		*flags = (uint32_t)n;
		return 0;
	}
	while (*s) {
		size_t len = strcspn(s, ",|");

		if (len >= sizeof(word))
			len = sizeof(word) - 1;
		memcpy(word, s, len);
		word[len] = 0;
		for (i = 0; i < COUNT(map_flags); i++)
			if (!strcmp(map_flags[i].name, word))
				break;
		if (i == COUNT(map_flags)) {
			*bad = word;
			return -1;
		}
		v |= map_flags[i].value;
		s += strcspn(s, ",|");
		if (*s)
			s++;
	}
	*flags = v;
	return 0;
}

/* The Linux release that added each map type, for saying why a create
 * failed on an older kernel. */
static const char *const map_type_since_tab[] = {
	[BPF_MAP_TYPE_PROG_ARRAY] = "4.2", [BPF_MAP_TYPE_PERF_EVENT_ARRAY] = "4.3",
	[BPF_MAP_TYPE_PERCPU_HASH] = "4.6", [BPF_MAP_TYPE_PERCPU_ARRAY] = "4.6",
	[BPF_MAP_TYPE_STACK_TRACE] = "4.6", [BPF_MAP_TYPE_CGROUP_ARRAY] = "4.8",
	[BPF_MAP_TYPE_LRU_HASH] = "4.10", [BPF_MAP_TYPE_LRU_PERCPU_HASH] = "4.10",
	[BPF_MAP_TYPE_LPM_TRIE] = "4.11", [BPF_MAP_TYPE_ARRAY_OF_MAPS] = "4.12",
	[BPF_MAP_TYPE_HASH_OF_MAPS] = "4.12", [BPF_MAP_TYPE_DEVMAP] = "4.14",
	[BPF_MAP_TYPE_SOCKMAP] = "4.14", [BPF_MAP_TYPE_CPUMAP] = "4.15",
	[BPF_MAP_TYPE_XSKMAP] = "4.18", [BPF_MAP_TYPE_SOCKHASH] = "4.18",
	[BPF_MAP_TYPE_CGROUP_STORAGE] = "4.19", [BPF_MAP_TYPE_REUSEPORT_SOCKARRAY] = "4.19",
	[BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE] = "4.20", [BPF_MAP_TYPE_QUEUE] = "4.20",
	[BPF_MAP_TYPE_STACK] = "4.20", [BPF_MAP_TYPE_SK_STORAGE] = "5.2",
	[BPF_MAP_TYPE_DEVMAP_HASH] = "5.4", [BPF_MAP_TYPE_STRUCT_OPS] = "5.6",
	[BPF_MAP_TYPE_RINGBUF] = "5.8", [BPF_MAP_TYPE_INODE_STORAGE] = "5.10",
	[BPF_MAP_TYPE_TASK_STORAGE] = "5.11", [BPF_MAP_TYPE_BLOOM_FILTER] = "5.16",
	[BPF_MAP_TYPE_USER_RINGBUF] = "6.1", [BPF_MAP_TYPE_CGRP_STORAGE] = "6.2",
	[BPF_MAP_TYPE_ARENA] = "6.9",
};

const char *map_type_since(uint32_t type)
{
	return type < COUNT(map_type_since_tab) ? map_type_since_tab[type] : NULL;
}

int kernel_older_than(const char *running, const char *since)
{
	unsigned long a = strtoul(running, (char **)&running, 10), b = strtoul(since, (char **)&since, 10);
	unsigned long a2 = 0, b2 = 0;

	if (*running == '.')
		a2 = strtoul(running + 1, NULL, 10);
	if (*since == '.')
		b2 = strtoul(since + 1, NULL, 10);
	return a < b || (a == b && a2 < b2);
}

const char *attach_type_name(uint32_t type)
{
	return NAME_AT(attach_types, type);
}

const char *link_type_name(uint32_t type)
{
	return NAME_AT(link_types, type);
}

int attach_type_parse(const char *word)
{
	int t = index_of(attach_types, COUNT(attach_types), word);
	unsigned i;

	if (t >= 0)
		return t;
	/* bpftool's older words ("ingress", "bind4") also match by prefix. */
	for (i = 0; i < COUNT(attach_inputs); i++)
		if (attach_inputs[i] && !strncmp(word, attach_inputs[i], strlen(word)))
			return (int)i;
	return -1;
}
