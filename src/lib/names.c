/* names: type and flag names as libbpf spells them (bpftool prints these),
 * and what bpfbox knows of each map type: one row per type in
 * include/uapi/bpf.h. */
#include "lib/names.h"
#include "uapi/bpf.h"

#include <errno.h>
#include <stddef.h>
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
static const char *const link_types[] = { BPF_LINK_TYPES(NAME) };
#undef NAME

/* The long helper table (212 names) as one block of
 * characters and 16-bit offsets into it, a quarter of a pointer table:
 * the compiler lays both out from a struct with one char array per
 * name.  Helper names are stored without their "bpf_". */
#define TEXT_FIELD(n, s) char n[sizeof(s)];
#define TEXT_INIT(n, s) s,
#define TEXT_OFFSET(n, s) offsetof(struct TEXT_STRUCT, n),
#define HELPER_PAIR(n) PAIR(n, #n)

#define PAIR TEXT_FIELD
struct helper_text { BPF_HELPERS(HELPER_PAIR) };
#undef PAIR
#define PAIR TEXT_INIT
static const struct helper_text helper_text = { BPF_HELPERS(HELPER_PAIR) };
#undef PAIR
#define TEXT_STRUCT helper_text
#define PAIR TEXT_OFFSET
static const uint16_t helper_offset[] = { BPF_HELPERS(HELPER_PAIR) };
#undef PAIR
#undef TEXT_STRUCT

#define ATTACH_NAME(n, s, in) s,
#define ATTACH_INPUT(n, s, in) in,
static const char *const attach_types[] = { BPF_ATTACH_TYPES(ATTACH_NAME) };
static const char *const attach_inputs[] = { BPF_ATTACH_TYPES(ATTACH_INPUT) };
#undef ATTACH_NAME
#undef ATTACH_INPUT

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
	return NAME_AT(prog_types, type);
}

const char *helper_short_name(uint32_t id)
{
	return id < COUNT(helper_offset) ? (const char *)&helper_text + helper_offset[id] : NULL;
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
