/* names: type and flag names as libbpf spells them (bpftool prints these). */
#include "names.h"
#include "../include/uapi/bpf.h"

#include <stdlib.h>
#include <string.h>

#define NAME(n, s) s,
static const char *const map_types[] = { BPF_MAP_TYPES(NAME) };
static const char *const prog_types[] = { BPF_PROG_TYPES(NAME) };
#undef NAME

#define FLAG(v, s) { v, s },
static const struct { uint32_t value; const char *name; } map_flags[] = {
	BPF_MAP_FLAGS(FLAG)
};
#undef FLAG

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const char *map_type_name(uint32_t type)
{
	return type < COUNT(map_types) ? map_types[type] : NULL;
}

const char *prog_type_name(uint32_t type)
{
	return type < COUNT(prog_types) ? prog_types[type] : NULL;
}

int map_type_by_name(const char *name)
{
	unsigned i;

	/* Exact names only, as bpftool: a prefix could be shadowed by a
	 * future type. */
	for (i = 0; i < COUNT(map_types); i++)
		if (!strcmp(map_types[i], name))
			return (int)i;
	return -1;
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
