/* names: type and flag names as libbpf spells them (bpftool prints these),
 * and what bpfbox knows of each map type: one row per type in
 * include/uapi/bpf.h. */
#include "lib/names.h"
#include "uapi/bpf.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define MAP_TYPE(n, s, since, help, flags) { s, since, help, flags },
static const struct {
	const char *name, *since;
	uint8_t help, flags;
} map_types[] = { BPF_MAP_TYPES(MAP_TYPE) };
#undef MAP_TYPE

#define NAME(n, s) s,
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
	return type < COUNT(map_types) ? map_types[type].name : NULL;
}

const char *map_type_since(uint32_t type)
{
	return type < COUNT(map_types) ? map_types[type].since : NULL;
}

/* Types newer than the table have keys and one value, as most do: their
 * dumps are tried, one key at a time. */
bool map_type_has_keys(uint32_t type)
{
	return type >= COUNT(map_types) || (map_types[type].flags & MT_KEYS);
}

bool map_type_per_cpu(uint32_t type)
{
	return type < COUNT(map_types) && (map_types[type].flags & MT_PERCPU);
}

bool map_type_batches(uint32_t type)
{
	return type < COUNT(map_types) && (map_types[type].flags & MT_BATCH);
}

const char *map_type_help(void)
{
	/* Room for every name and a line break after each. */
	static char buf[COUNT(map_types) * 48];
	char *p = buf;
	unsigned pos, i, prev = 0;

	for (pos = 1;; pos++) {
		for (i = 0; i < COUNT(map_types) && map_types[i].help != pos; i++)
			;
		if (i == COUNT(map_types))
			break;
		if (pos > 1)	/* continuation lines line up after "TYPE := { " */
			p = stpcpy(p, map_types[prev].flags & MT_EOL ?
				   " |\n                 " : " | ");
		p = stpcpy(p, map_types[i].name);
		prev = i;
	}
	strcpy(p, " }");
	return buf;
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
		if (!strcmp(map_types[i].name, name))
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
		unsigned long long n;

		/* As parse_u32(): strtoul's long is 32 bits on 32-bit hosts,
		 * where it clamps 2^32 and above to 0xffffffff. */
		errno = 0;
		n = strtoull(s, &end, 0);
		if (*end || errno || n > 0xffffffffULL) {
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
