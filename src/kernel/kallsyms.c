/* kallsyms: /proc/kallsyms lines are "ADDR TYPE NAME [MODULE]". */
#include "kernel/kallsyms.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Calls fn(line's address, its name, its module or "", ctx) for each
 * line until fn returns non-zero; returns that value, 0 at the end, or
 * -errno. */
static int kallsyms_walk(int (*fn)(uint64_t addr, const char *name, const char *module,
				   void *ctx), void *ctx)
{
	char line[512], *p, *end, *module;
	uint64_t addr;
	FILE *f = fopen("/proc/kallsyms", "re");
	int ret = 0;

	if (!f)
		return -errno;
	while (!ret && fgets(line, sizeof(line), f)) {
		addr = strtoull(line, &p, 16);
		/* " T name" */
		if (p == line || p[0] != ' ' || !p[1] || p[2] != ' ')
			continue;
		p += 3;
		end = p + strcspn(p, " \t\n");
		/* "name\t[module]" */
		module = end + strspn(end, " \t");
		if (*module == '[') {
			module++;
			module[strcspn(module, "]\n")] = 0;
		} else {
			module = end;
		}
		*end = 0;
		ret = fn(addr, p, module, ctx);
	}
	fclose(f);
	return ret < 0 ? ret : 0;
}

struct find {
	const char *name;
	uint64_t addr;
	int found;
};

static int find_one(uint64_t addr, const char *name, const char *module, void *ctx)
{
	struct find *f = ctx;

	if (strcmp(name, f->name))
		return 0;
	f->addr = addr;
	f->found = 1;
	return 1;
}

int kallsyms_addr(const char *name, uint64_t *addr)
{
	struct find f = { name, 0, 0 };
	int err = kallsyms_walk(find_one, &f);

	if (err)
		return err;
	*addr = f.addr;
	return f.found ? 0 : -ENOENT;
}

static int by_addr(const void *a, const void *b)
{
	const struct ksym *x = a, *y = b;

	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

struct names {
	struct ksym *syms;
	size_t n;
	unsigned slack;
};

/* The unnamed entries at addr take this symbol. */
static void name_at(struct names *s, uint64_t addr, const char *name, const char *module)
{
	struct ksym key, *k;

	key.addr = addr;
	k = bsearch(&key, s->syms, s->n, sizeof(key), by_addr);
	if (!k)
		return;
	/* bsearch may land on any of equal addresses: go to the first. */
	while (k > s->syms && k[-1].addr == addr)
		k--;
	for (; k < s->syms + s->n && k->addr == addr; k++)
		if (!k->name[0]) {
			snprintf(k->name, sizeof(k->name), "%s", name);
			snprintf(k->module, sizeof(k->module), "%s", module);
		}
}

static int name_one(uint64_t addr, const char *name, const char *module, void *ctx)
{
	struct names *s = ctx;

	if (!addr)
		return 0;
	name_at(s, addr, name, module);
	if (s->slack)
		name_at(s, addr + s->slack, name, module);
	return 0;
}

int kallsyms_name(struct ksym *syms, size_t n, unsigned slack)
{
	struct names s = { syms, n, slack };
	size_t i;

	for (i = 0; i < n; i++)
		syms[i].name[0] = syms[i].module[0] = 0;
	if (!n)
		return 0;
	qsort(syms, n, sizeof(*syms), by_addr);
	return kallsyms_walk(name_one, &s);
}

const char *kallsyms_lookup(const struct ksym *syms, size_t n, uint64_t addr)
{
	struct ksym key;
	const struct ksym *k;

	key.addr = addr;
	k = n ? bsearch(&key, syms, n, sizeof(key), by_addr) : NULL;
	return k && k->name[0] ? k->name : NULL;
}
