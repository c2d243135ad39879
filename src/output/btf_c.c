/* btf_c: BTF as C declarations, what upstream bpftool's dump_btf_c()
 * prints with libbpf's BTF-to-C dumper (libbpf src/btf_dump.c):
 *
 * - Each requested type is first ordered: a depth-first walk collects the
 *   named definitions it needs, where a type reached through a pointer
 *   needs only a forward declaration unless it is anonymous (defined
 *   inline) and a type embedded by value must be complete first.
 * - Then each collected type is emitted once: forward declarations when a
 *   definition is still in progress, anonymous structs, unions and enums
 *   inline, and C declarator syntax built from the chain of pointers,
 *   arrays, function prototypes and qualifiers.
 * - Names repeated between types (or enumerators and typedefs, which
 *   share C's ordinary identifier namespace) get a "___N" suffix in the
 *   order they are first printed.
 * - Struct layouts are reproduced: packed structs are detected from
 *   member offsets, gaps become unnamed bitfield padding.
 *
 * Upstream bpftool main sorts the types (by a rank per kind, a name, the
 * type's own name, a hash of its shape, its id) and appends kfunc
 * prototypes (FUNCs tagged "bpf_kfunc"); "unsorted" keeps id order.
 * The sort here is a radix sort over those names, for speed; its result
 * is the order of upstream's comparison.
 *
 * Written for hostile input: every reference is checked once up front,
 * recursion is depth-limited, and the output and the walk's steps are
 * capped. */
#include "output/btf_c.h"
#include "output/out.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Nesting deeper than this is not real C (vmlinux stays below 30). */
#define MAX_DEPTH	256

/* Per-type state, one byte. */
enum {
	ORDERING = 1,		/* ordering walk inside this type */
	ORDERED = 2,
	EMITTING = 4,		/* definition being printed */
	EMITTED = 8,
	FWD_EMITTED = 16,	/* forward declaration (or typedef) printed */
	NAME_DONE = 32,		/* name numbered */
	REFERENCED = 64,	/* some other type refers to it (see mark()) */
	NUMBERED = 128,		/* its name takes a ___N suffix (in dups) */
};

/* Open addressing tables (see table_find()): counts of names printed so
 * far, and the ___N of the types that take one. */
struct name_slot {
	uint32_t off;		/* the key; 0: empty slot */
	uint32_t count;
	uint32_t hash;		/* of the key, kept for probes and growth */
};

struct names {
	struct name_slot *slots;
	uint32_t cap, used;
};

struct cdump {
	const struct btf *btf;
	struct btf_view v;
	uint32_t nr;		/* types are 0 .. nr - 1 */
	uint32_t ptr_sz;
	uint8_t *state;
	struct names dups;	/* id + 1 -> N, for the NUMBERED types */
	uint8_t *aligns;	/* cached alignment + 1; 0 unknown */
	uint32_t *queue, nqueue, capqueue;
	uint32_t *stack, nstack, capstack;	/* declarator chains */
	struct names type_names, ident_names;
	unsigned depth;
	uint64_t written, max_out, steps;
	int err;
};

static const struct btf_type *type_of(const struct cdump *d, uint32_t id)
{
	if (id - d->v.start < d->v.nr)
		return (const void *)(d->v.types + d->v.offs[id - d->v.start]);
	return btf_type_by_id(d->btf, id);
}

static const char *str_of(const struct cdump *d, uint32_t off)
{
	const char *s;

	if (off - d->v.start_str < d->v.strs_len)
		return d->v.strs + (off - d->v.start_str);
	s = btf_name_by_offset(d->btf, off);

	return s ? s : "";
}

/* Output, counted against max_out. */
static void put(struct cdump *d, const char *s, size_t n)
{
	if (d->err)
		return;
	d->written += n;
	if (d->written > d->max_out) {
		d->err = -E2BIG;
		return;
	}
	out_write(s, n);
}

/* Inlined, so that the length of a literal is a constant. */
static inline __attribute__((always_inline)) void ps(struct cdump *d, const char *s)
{
	put(d, s, strlen(s));
}

static void pf(struct cdump *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void pf(struct cdump *d, const char *fmt, ...)
{
	char buf[320];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > 0)
		put(d, buf, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

/* A number, with text before and after it (the hot path of enums,
 * arrays and bitfields: no printf). */
static void pnum(struct cdump *d, const char *pre, uint64_t v, bool neg,
		 const char *post)
{
	char buf[24], *p = buf + sizeof(buf);

	if (neg)
		v = -v;
	do
		*--p = (char)('0' + v % 10);
	while (v /= 10);
	if (neg)
		*--p = '-';
	ps(d, pre);
	put(d, p, (size_t)(buf + sizeof(buf) - p));
	ps(d, post);
}

static void tabs(struct cdump *d, int lvl)
{
	static const char t[] = "\t\t\t\t\t\t\t\t\t\t\t\t\t";

	put(d, t, lvl < 13 ? (size_t)lvl : 13);
}

/* Enter one level of recursion; false (and an error) past MAX_DEPTH,
 * or past max_out steps in all: anonymous types nested into each other
 * can make the walk exponential before anything is printed. */
static bool enter(struct cdump *d)
{
	if (++d->depth > MAX_DEPTH && !d->err)
		d->err = -ELOOP;
	if (++d->steps > d->max_out && !d->err)
		d->err = -E2BIG;
	return !d->err;
}

static size_t str_hash(const char *s)
{
	size_t h = 0;

	while (*s)
		h = h * 31 + *s++;
	return h;
}

/* Both tables are open addressing on 32-bit keys, 0 meaning empty:
 * string offset + 1 (names, compared by content), type id + 1 (dups). */
static uint32_t slot_hash(const struct cdump *d, const struct names *m, uint32_t key)
{
	return m == &d->dups ? key * 2654435761u : (uint32_t)str_hash(str_of(d, key - 1));
}

/* Room for one more key (load at most 1/2); -ENOMEM. */
static int table_room(struct cdump *d, struct names *m)
{
	struct names bigger = { NULL, m->cap ? m->cap * 2 : 1024, m->used };
	uint32_t i, j, mask = bigger.cap - 1;

	if (m->used * 2 < m->cap)
		return 0;
	bigger.slots = calloc(bigger.cap, sizeof(*bigger.slots));
	if (!bigger.slots)
		return d->err = -ENOMEM;
	for (i = 0; i < m->cap; i++) {
		if (!m->slots[i].off)
			continue;
		for (j = m->slots[i].hash & mask; bigger.slots[j].off;
		     j = (j + 1) & mask)
			;
		bigger.slots[j] = m->slots[i];
	}
	free(m->slots);
	*m = bigger;
	return 0;
}

/* The count of key, a new slot at 0 if absent; NULL without memory. */
static uint32_t *table_find(struct cdump *d, struct names *m, uint32_t key)
{
	const char *s = m == &d->dups ? NULL : str_of(d, key - 1);
	uint32_t i, mask, h = slot_hash(d, m, key);

	if (table_room(d, m))
		return NULL;
	mask = m->cap - 1;
	for (i = h & mask; m->slots[i].off; i = (i + 1) & mask)
		if (m->slots[i].off == key || (s && m->slots[i].hash == h &&
					       !strcmp(str_of(d, m->slots[i].off - 1), s)))
			return &m->slots[i].count;
	m->slots[i].off = key;
	m->slots[i].hash = h;
	m->used++;
	return &m->slots[i].count;
}

/* One more occurrence of the name at off; returns the new count. */
static uint32_t names_bump(struct cdump *d, struct names *m, uint32_t off)
{
	uint32_t *count = table_find(d, m, off + 1);

	return count ? ++*count : 1;
}

/* The type's name, numbered on first use (an unnamed type, a forward
 * declaration or an enum without values never is), into buf when it
 * takes a "___N" suffix (cut at libbpf's 256 bytes). */
static const char *type_name(struct cdump *d, uint32_t id, struct names *m,
			     char buf[256])
{
	const struct btf_type *t = type_of(d, id);
	const char *name = str_of(d, t->name_off);
	uint32_t n, *slot;

	if (!t->name_off)
		return "";
	if (!(d->state[id] & NAME_DONE)) {
		d->state[id] |= NAME_DONE;
		if (btf_kind(t) != BTF_KIND_FWD &&
		    !(btf_kind(t) == BTF_KIND_ENUM && !btf_vlen(t)) &&
		    (n = names_bump(d, m, t->name_off)) > 1 &&
		    (slot = table_find(d, &d->dups, id + 1))) {
			*slot = n;
			d->state[id] |= NUMBERED;
		}
	}
	if (!(d->state[id] & NUMBERED) || !(slot = table_find(d, &d->dups, id + 1)))
		return name;
	snprintf(buf, 256, "%s___%u", name, *slot);
	return buf;
}

static void put_name(struct cdump *d, uint32_t id, struct names *m)
{
	char buf[256];

	ps(d, type_name(d, id, m, buf));
}

static bool is_composite(const struct btf_type *t)
{
	return btf_kind(t) == BTF_KIND_STRUCT || btf_kind(t) == BTF_KIND_UNION;
}

/* The BTF's pointer size: that of its "long", else the host's. */
static uint32_t ptr_size(const struct cdump *d)
{
	static const char *const longs[] = {
		"long", "long int", "int long", "unsigned long", "long unsigned",
		"unsigned long int", "unsigned int long", "long unsigned int",
		"long int unsigned", "int unsigned long", "int long unsigned",
	};
	uint32_t id, i;

	for (id = 1; id < d->nr; id++) {
		const struct btf_type *t = type_of(d, id);

		if (btf_kind(t) != BTF_KIND_INT || (t->size != 4 && t->size != 8))
			continue;
		for (i = 0; i < sizeof(longs) / sizeof(longs[0]); i++)
			if (!strcmp(str_of(d, t->name_off), longs[i]))
				return t->size;
	}
	return sizeof(void *);
}

static bool is_leaf(const struct btf_type *t)
{
	unsigned k = btf_kind(t);

	return k == BTF_KIND_FUNC || k == BTF_KIND_VAR || k == BTF_KIND_DATASEC ||
	       k == BTF_KIND_DECL_TAG;
}

/* from refers to ref.  For a FUNC, VAR, DATASEC or DECL_TAG, REFERENCED
 * means "reached by the ordering walk" (from a kind that orders what it
 * refers to): one that is not can be left out of the sort, dumping it
 * changes nothing. */
static int mark(struct cdump *d, const struct btf_type *from, uint32_t ref)
{
	if (ref >= d->nr)
		return -EINVAL;
	if (!is_leaf(from) || !is_leaf(type_of(d, ref)))
		d->state[ref] |= REFERENCED;
	return 0;
}

/* Check every reference and mark the types referred to (an anonymous
 * enum nobody refers to is printed at the top level).  A prototype's
 * return type does not count as a reference, as in libbpf. */
static int mark_referenced(struct cdump *d)
{
	uint32_t id, i;

	for (id = 1; id < d->nr; id++) {
		const struct btf_type *t = type_of(d, id);
		const uint32_t *elems = (const uint32_t *)(t + 1);
		unsigned stride = 0, at = 0, vlen = btf_vlen(t);

		switch (btf_kind(t)) {
		case BTF_KIND_INT:
		case BTF_KIND_ENUM:
		case BTF_KIND_ENUM64:
		case BTF_KIND_FWD:
		case BTF_KIND_FLOAT:
			continue;
		case BTF_KIND_ARRAY:
			if (mark(d, t, btf_array(t)->index_type) || mark(d, t, btf_array(t)->type))
				return -EINVAL;
			continue;
		/* elements of stride words, the type id at word at */
		case BTF_KIND_STRUCT:
		case BTF_KIND_UNION:
			stride = 3, at = 1;	/* btf_member */
			break;
		case BTF_KIND_FUNC_PROTO:
			if (t->type >= d->nr)
				return -EINVAL;
			stride = 2, at = 1;	/* btf_param */
			break;
		case BTF_KIND_DATASEC:
			stride = 3, at = 0;	/* btf_var_secinfo */
			break;
		case BTF_KIND_PTR:
		case BTF_KIND_TYPEDEF:
		case BTF_KIND_VOLATILE:
		case BTF_KIND_CONST:
		case BTF_KIND_RESTRICT:
		case BTF_KIND_FUNC:
		case BTF_KIND_VAR:
		case BTF_KIND_DECL_TAG:
		case BTF_KIND_TYPE_TAG:
			if (mark(d, t, t->type))
				return -EINVAL;
			continue;
		default:
			return -EINVAL;
		}
		for (i = 0; i < vlen; i++)
			if (mark(d, t, elems[i * stride + at]))
				return -EINVAL;
	}
	return 0;
}

static int queue_add(struct cdump *d, uint32_t id)
{
	if (d->nqueue == d->capqueue) {
		uint32_t cap = d->capqueue ? d->capqueue * 2 : 64;
		uint32_t *q = realloc(d->queue, cap * sizeof(*q));

		if (!q)
			return -ENOMEM;
		d->queue = q;
		d->capqueue = cap;
	}
	d->queue[d->nqueue++] = id;
	return 0;
}

/* The ordering walk: queue the named definitions id needs, dependencies
 * first.  Returns 1 when id must be complete where it is used (a strong
 * link), 0 when a forward declaration is enough, or -errno. */
static int order(struct cdump *d, uint32_t id, bool through_ptr);

static int order_children(struct cdump *d, uint32_t id, bool through_ptr)
{
	const struct btf_type *t = type_of(d, id);
	uint8_t *st = &d->state[id];
	unsigned i, vlen = btf_vlen(t);
	int err, strong;

	if (*st & ORDERED)
		return 1;
	if (*st & ORDERING)
		return is_composite(t) && through_ptr && t->name_off ? 0 : -ELOOP;

	switch (btf_kind(t)) {
	case BTF_KIND_INT:
	case BTF_KIND_FLOAT:
		*st |= ORDERED;
		return 0;
	case BTF_KIND_PTR:
		err = order(d, t->type, true);
		*st |= ORDERED;
		return err;
	case BTF_KIND_ARRAY:
		return order(d, btf_array(t)->type, false);
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		/* Named and behind a pointer: a forward declaration will do. */
		if (through_ptr && t->name_off)
			return 0;
		*st |= ORDERING;
		for (i = 0; i < vlen; i++) {
			err = order(d, btf_members(t)[i].type, false);
			if (err < 0)
				return err;
		}
		if (t->name_off && (err = queue_add(d, id)))
			return err;
		*st = (*st & ~ORDERING) | ORDERED;
		return 1;
	case BTF_KIND_ENUM:
	case BTF_KIND_ENUM64:
	case BTF_KIND_FWD:
		if ((t->name_off || !(*st & REFERENCED)) && (err = queue_add(d, id)))
			return err;
		*st |= ORDERED;
		return 1;
	case BTF_KIND_TYPEDEF:
		strong = order(d, t->type, through_ptr);
		if (strong < 0)
			return strong;
		if (through_ptr && !strong)
			return 0;
		if ((err = queue_add(d, id)))
			return err;
		*st |= ORDERED;
		return 1;
	case BTF_KIND_VOLATILE:
	case BTF_KIND_CONST:
	case BTF_KIND_RESTRICT:
	case BTF_KIND_TYPE_TAG:
		return order(d, t->type, through_ptr);
	case BTF_KIND_FUNC_PROTO:
		strong = order(d, t->type, through_ptr);
		for (i = 0; strong >= 0 && i < vlen; i++) {
			err = order(d, btf_params(t)[i].type, through_ptr);
			strong = err < 0 ? err : strong | err;
		}
		return strong;
	case BTF_KIND_FUNC:
	case BTF_KIND_VAR:
	case BTF_KIND_DATASEC:
	case BTF_KIND_DECL_TAG:
		*st |= ORDERED;
		return 0;
	}
	return -EINVAL;
}

static int order(struct cdump *d, uint32_t id, bool through_ptr)
{
	int ret = -ELOOP;

	if (enter(d))
		ret = order_children(d, id, through_ptr);
	d->depth--;
	return ret;
}

/* Alignment as libbpf's btf__align_of(), cached: 0 for a kind without
 * one.  A member off its natural alignment means a packed struct. */
static uint32_t align_of(struct cdump *d, uint32_t id)
{
	const struct btf_type *t = type_of(d, id);
	uint32_t a = 0, max = 1, i, m = 0;

	if (d->aligns[id])
		return d->aligns[id] - 1u;
	if (!enter(d)) {
		d->depth--;
		return 0;
	}
	switch (btf_kind(t)) {
	case BTF_KIND_INT:
	case BTF_KIND_ENUM:
	case BTF_KIND_ENUM64:
	case BTF_KIND_FLOAT:
		a = t->size < d->ptr_sz ? t->size : d->ptr_sz;
		break;
	case BTF_KIND_PTR:
		a = d->ptr_sz;
		break;
	case BTF_KIND_TYPEDEF:
	case BTF_KIND_VOLATILE:
	case BTF_KIND_CONST:
	case BTF_KIND_RESTRICT:
	case BTF_KIND_TYPE_TAG:
		a = align_of(d, t->type);
		break;
	case BTF_KIND_ARRAY:
		a = align_of(d, btf_array(t)->type);
		break;
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		for (i = 0; i < btf_vlen(t); i++) {
			m = align_of(d, btf_members(t)[i].type);
			if (!m)
				break;
			if (m > max)
				max = m;
			if (!btf_member_bitfield_size(t, i) &&
			    btf_members(t)[i].offset % (8 * m))
				break;
		}
		if (i < btf_vlen(t))
			a = m ? 1 : 0;
		else
			a = t->size % max ? 1 : max;
		break;
	}
	d->depth--;
	if (a < 255 && !d->err)
		d->aligns[id] = (uint8_t)(a + 1);
	return a;
}

static bool struct_is_packed(struct cdump *d, const struct btf_type *t)
{
	uint32_t i, a, max = 1;

	for (i = 0; i < btf_vlen(t); i++) {
		a = align_of(d, btf_members(t)[i].type);
		if (a && !btf_member_bitfield_size(t, i) &&
		    btf_members(t)[i].offset % (8 * a))
			return true;
		if (a > max)
			max = a;
	}
	return t->size % max != 0;
}

static void emit_decl(struct cdump *d, uint32_t id, const char *fname, int lvl);

/* Unnamed bitfields from bit cur to bit next, using the widest of long,
 * int, short, char that aligns, as libbpf pads. */
static void emit_padding(struct cdump *d, uint32_t cur, uint32_t next,
			 uint32_t next_align, bool in_bitfield, int lvl)
{
	static const char *const pad_names[] = { "long", "int", "short", "char" };
	uint32_t pad_bits[4] = { d->ptr_sz * 8, 32, 16, 8 };
	uint32_t new_off = 0, bits = 0, i, chunk;

	if (cur >= next)
		return;
	for (i = 0; i < 4; i++) {
		bits = pad_bits[i];
		new_off = (cur + bits - 1) / bits * bits;
		if (new_off <= next)
			break;
	}
	if (i == 4)
		i = 3;
	if (new_off > cur && new_off <= next) {
		uint32_t natural = next_align ?
			(cur + next_align * 8 - 1) / (next_align * 8) * (next_align * 8) : cur;

		if (in_bitfield || (new_off == next && natural != new_off) ||
		    (new_off != next && next - new_off <= new_off - cur)) {
			put(d, "\n", 1);
			tabs(d, lvl);
			ps(d, pad_names[i]);
			pnum(d, ": ", in_bitfield ? new_off - cur : 0, false, ";");
		}
		cur = new_off;
	}
	while (cur != next && !d->err) {
		chunk = next - cur < bits ? next - cur : bits;
		if (chunk < bits) {
			/* the smallest type that holds the rest */
			for (i = 4; i-- > 0;)
				if (pad_bits[i] >= chunk)
					break;
		}
		put(d, "\n", 1);
		tabs(d, lvl);
		ps(d, pad_names[i]);
		pnum(d, ": ", chunk, false, ";");
		cur += chunk;
	}
}

static void emit_struct_fwd(struct cdump *d, uint32_t id, const struct btf_type *t)
{
	ps(d, btf_kind(t) == BTF_KIND_STRUCT ? "struct" : "union");
	if (t->name_off)
		put(d, " ", 1);
	put_name(d, id, &d->type_names);
}

static void emit_struct_def(struct cdump *d, uint32_t id, const struct btf_type *t,
			    int lvl)
{
	bool is_struct = btf_kind(t) == BTF_KIND_STRUCT;
	bool packed = is_struct && struct_is_packed(d, t), prev_bitfield = false;
	uint32_t align = align_of(d, id), i, vlen = btf_vlen(t), off = 0;

	emit_struct_fwd(d, id, t);
	put(d, " {", 2);
	for (i = 0; i < vlen && !d->err; i++) {
		const struct btf_member *m = btf_members(t) + i;
		uint32_t m_sz = btf_member_bitfield_size(t, i);
		uint32_t m_off = btf_member_bit_offset(t, i);
		int64_t size;

		emit_padding(d, off, m_off, packed ? 1 : align_of(d, m->type),
			     prev_bitfield && m_sz, lvl + 1);
		put(d, "\n", 1);
		tabs(d, lvl + 1);
		emit_decl(d, m->type, str_of(d, m->name_off), lvl + 1);
		if (m_sz) {
			pnum(d, ": ", m_sz, false, "");
			off = m_off + m_sz;
			prev_bitfield = true;
		} else {
			size = btf_resolve_size_ptr(d->btf, m->type, d->ptr_sz);
			off = m_off + (uint32_t)(size > 0 ? size : 0) * 8;
			prev_bitfield = false;
		}
		put(d, ";", 1);
	}
	if (is_struct)
		emit_padding(d, off, t->size * 8, align, false, lvl + 1);
	if (vlen || t->size) {
		put(d, "\n", 1);
		tabs(d, lvl);
	}
	put(d, "}", 1);
	if (packed)
		ps(d, " __attribute__((packed))");
}

static void emit_enum_def(struct cdump *d, uint32_t id, const struct btf_type *t,
			  int lvl)
{
	bool is64 = btf_kind(t) == BTF_KIND_ENUM64, sign = btf_kflag(t);
	bool word_mode = true;
	uint32_t i, vlen = btf_vlen(t), dup, name;
	uint64_t v;

	ps(d, t->name_off ? "enum " : "enum");
	put_name(d, id, &d->type_names);
	if (!vlen)
		return;
	put(d, " {", 2);
	for (i = 0; i < vlen && !d->err; i++) {
		if (is64) {
			name = btf_enums64(t)[i].name_off;
			v = (uint64_t)btf_enums64(t)[i].val_hi32 << 32 | btf_enums64(t)[i].val_lo32;
			if (btf_enums64(t)[i].val_hi32)
				word_mode = false;
		} else {
			name = btf_enums(t)[i].name_off;
			v = sign ? (uint64_t)(int64_t)btf_enums(t)[i].val : (uint32_t)btf_enums(t)[i].val;
		}
		/* enumerators share the typedefs' namespace */
		dup = names_bump(d, &d->ident_names, name);
		put(d, "\n", 1);
		tabs(d, lvl + 1);
		ps(d, str_of(d, name));
		if (dup > 1)
			pnum(d, "___", dup, false, "");
		put(d, " = ", 3);
		pnum(d, "", v, sign && (int64_t)v < 0, !is64 ? "," : sign ? "LL," : "ULL,");
	}
	put(d, "\n", 1);
	tabs(d, lvl);
	put(d, "}", 1);
	if (t->size == 1)
		ps(d, " __attribute__((mode(byte)))");
	else if (t->size == 8 && d->ptr_sz == 8 && word_mode)
		ps(d, " __attribute__((mode(word)))");
}

static void emit_fwd_def(struct cdump *d, uint32_t id, const struct btf_type *t)
{
	ps(d, btf_kflag(t) ? "union " : "struct ");
	put_name(d, id, &d->type_names);
}

static bool is_va_list(const struct cdump *d, const struct btf_type *t)
{
	return t->name_off && !strcmp(str_of(d, t->name_off), "__builtin_va_list");
}

static void emit_typedef_def(struct cdump *d, uint32_t id, const struct btf_type *t,
			     int lvl)
{
	char buf[256];
	const char *name = type_name(d, id, &d->ident_names, buf);

	/* Old GCCs typedef __gnuc_va_list to void. */
	if (!t->type && !strcmp(name, "__gnuc_va_list")) {
		ps(d, "typedef __builtin_va_list __gnuc_va_list");
		return;
	}
	ps(d, "typedef ");
	emit_decl(d, t->type, name, lvl);
}

static int stack_push(struct cdump *d, uint32_t id)
{
	if (d->nstack == d->capstack) {
		uint32_t cap = d->capstack ? d->capstack * 2 : 64;
		uint32_t *s = realloc(d->stack, cap * sizeof(*s));

		if (!s)
			return d->err = -ENOMEM;
		d->stack = s;
		d->capstack = cap;
	}
	d->stack[d->nstack++] = id;
	return 0;
}

/* A chain being printed: stack[base .. base + cnt - 1], innermost last. */
struct chain {
	uint32_t base, cnt;
};

static uint32_t chain_top(const struct cdump *d, const struct chain *c)
{
	return d->stack[c->base + c->cnt - 1];
}

/* Qualifiers at the top of the chain, printed before a base type. */
static void emit_mods(struct cdump *d, struct chain *c)
{
	static const char *const words[] = {
		[BTF_KIND_VOLATILE] = "volatile ", [BTF_KIND_CONST] = "const ",
		[BTF_KIND_RESTRICT] = "restrict ",
	};

	while (c->cnt) {
		unsigned k = btf_kind(type_of(d, chain_top(d, c)));

		if (k != BTF_KIND_VOLATILE && k != BTF_KIND_CONST && k != BTF_KIND_RESTRICT)
			return;
		ps(d, words[k]);
		c->cnt--;
	}
}

/* GCC's qualifiers on arrays and noreturn function pointers mean
 * nothing in C: dropped. */
static void drop_mods(struct cdump *d, struct chain *c)
{
	while (c->cnt && btf_is_mod(type_of(d, chain_top(d, c))))
		c->cnt--;
}

static void emit_name(struct cdump *d, const char *name, bool last_was_ptr)
{
	if (name[0] && !last_was_ptr)
		put(d, " ", 1);
	ps(d, name);
}

static void emit_chain(struct cdump *d, struct chain *c, const char *fname, int lvl);

static void emit_chain_body(struct cdump *d, struct chain *c, const char *fname,
			    int lvl)
{
	bool last_was_ptr = true;
	uint32_t id, i, vlen;

	while (c->cnt && !d->err) {
		const struct btf_type *t;
		unsigned kind;

		id = d->stack[c->base + --c->cnt];
		if (!id) {
			emit_mods(d, c);
			ps(d, "void");
			last_was_ptr = false;
			continue;
		}
		t = type_of(d, id);
		kind = btf_kind(t);
		switch (kind) {
		case BTF_KIND_INT:
		case BTF_KIND_FLOAT:
			emit_mods(d, c);
			ps(d, str_of(d, t->name_off));
			break;
		case BTF_KIND_STRUCT:
		case BTF_KIND_UNION:
			emit_mods(d, c);
			if (!t->name_off)
				emit_struct_def(d, id, t, lvl);
			else
				emit_struct_fwd(d, id, t);
			break;
		case BTF_KIND_ENUM:
		case BTF_KIND_ENUM64:
			emit_mods(d, c);
			if (!t->name_off) {
				emit_enum_def(d, id, t, lvl);
			} else {
				ps(d, "enum ");
				put_name(d, id, &d->type_names);
			}
			break;
		case BTF_KIND_FWD:
			emit_mods(d, c);
			emit_fwd_def(d, id, t);
			break;
		case BTF_KIND_TYPEDEF:
			emit_mods(d, c);
			put_name(d, id, &d->ident_names);
			break;
		case BTF_KIND_PTR:
			ps(d, last_was_ptr ? "*" : " *");
			break;
		case BTF_KIND_VOLATILE:
			ps(d, " volatile");
			break;
		case BTF_KIND_CONST:
			ps(d, " const");
			break;
		case BTF_KIND_RESTRICT:
			ps(d, " restrict");
			break;
		case BTF_KIND_TYPE_TAG:
			emit_mods(d, c);
			pf(d, btf_kflag(t) ? " __attribute__((%s))" :
			   " __attribute__((btf_type_tag(\"%s\")))", str_of(d, t->name_off));
			break;
		case BTF_KIND_ARRAY: {
			bool multidim;

			drop_mods(d, c);
			if (!c->cnt) {
				emit_name(d, fname, last_was_ptr);
				pnum(d, "[", btf_array(t)->nelems, false, "]");
				return;
			}
			multidim = btf_kind(type_of(d, chain_top(d, c))) == BTF_KIND_ARRAY;
			if (fname[0] && !last_was_ptr)
				put(d, " ", 1);
			if (!multidim)
				put(d, "(", 1);
			emit_chain(d, c, fname, lvl);
			if (!multidim)
				put(d, ")", 1);
			pnum(d, "[", btf_array(t)->nelems, false, "]");
			return;
		}
		case BTF_KIND_FUNC_PROTO: {
			const struct btf_param *p = btf_params(t);

			drop_mods(d, c);
			if (c->cnt) {
				put(d, " (", 2);
				emit_chain(d, c, fname, lvl);
				put(d, ")", 1);
			} else {
				emit_name(d, fname, last_was_ptr);
			}
			put(d, "(", 1);
			vlen = btf_vlen(t);
			if (!vlen || (vlen == 1 && !p[0].type)) {
				ps(d, "void)");
				return;
			}
			for (i = 0; i < vlen && !d->err; i++) {
				if (i)
					put(d, ", ", 2);
				if (i == vlen - 1 && !p[i].type) {
					ps(d, "...");
					break;
				}
				emit_decl(d, p[i].type, str_of(d, p[i].name_off), lvl);
			}
			put(d, ")", 1);
			return;
		}
		default:
			return;
		}
		last_was_ptr = kind == BTF_KIND_PTR;
	}
	emit_name(d, fname, last_was_ptr);
}

static void emit_chain(struct cdump *d, struct chain *c, const char *fname, int lvl)
{
	if (enter(d))
		emit_chain_body(d, c, fname, lvl);
	d->depth--;
}

/* A declaration of fname with type id: the chain of pointers, arrays,
 * prototypes and qualifiers down to a base type, printed inside out. */
static void emit_decl(struct cdump *d, uint32_t id, const char *fname, int lvl)
{
	struct chain c = { d->nstack, 0 };

	for (;;) {
		const struct btf_type *t = type_of(d, id);

		if (stack_push(d, id) || d->nstack - c.base > 4 * MAX_DEPTH) {
			if (!d->err)
				d->err = -ELOOP;
			d->nstack = c.base;
			return;
		}
		if (!id)
			break;
		switch (btf_kind(t)) {
		case BTF_KIND_PTR:
		case BTF_KIND_VOLATILE:
		case BTF_KIND_CONST:
		case BTF_KIND_RESTRICT:
		case BTF_KIND_FUNC_PROTO:
		case BTF_KIND_TYPE_TAG:
			id = t->type;
			continue;
		case BTF_KIND_ARRAY:
			id = btf_array(t)->type;
			continue;
		}
		break;
	}
	c.cnt = d->nstack - c.base;
	emit_chain(d, &c, fname, lvl);
	d->nstack = c.base;
}

static void emit_type(struct cdump *d, uint32_t id, uint32_t cont_id);

static void emit_type_body(struct cdump *d, uint32_t id, uint32_t cont_id)
{
	const struct btf_type *t = type_of(d, id);
	uint8_t *st = &d->state[id];
	bool top_level = !cont_id;
	uint32_t i, vlen = btf_vlen(t);

	if (*st & EMITTED)
		return;
	if (*st & EMITTING) {
		/* Still being defined: a forward declaration stands in. */
		if (*st & FWD_EMITTED)
			return;
		if (is_composite(t)) {
			if (id == cont_id || !t->name_off)
				return;
			emit_struct_fwd(d, id, t);
			ps(d, ";\n\n");
			*st |= FWD_EMITTED;
		} else if (btf_kind(t) == BTF_KIND_TYPEDEF) {
			if (!is_va_list(d, t)) {
				emit_typedef_def(d, id, t, 0);
				ps(d, ";\n\n");
			}
			*st |= FWD_EMITTED;
		}
		return;
	}

	switch (btf_kind(t)) {
	case BTF_KIND_INT: {
		/* GCC's ARM SIMD types, aliased to standard ones */
		static const char *const aliases[][2] = {
			{ "__Poly8_t", "unsigned char" },
			{ "__Poly16_t", "unsigned short" },
			{ "__Poly64_t", "unsigned long long" },
			{ "__Poly128_t", "unsigned __int128" },
		};

		char buf[256];
		const char *name = type_name(d, id, &d->type_names, buf);

		for (i = 0; i < 4; i++)
			if (!strcmp(name, aliases[i][0])) {
				pf(d, "typedef %s %s;\n\n", aliases[i][1], name);
				break;
			}
		*st |= EMITTED;
		break;
	}
	case BTF_KIND_ENUM:
	case BTF_KIND_ENUM64:
		if (top_level) {
			emit_enum_def(d, id, t, 0);
			ps(d, ";\n\n");
		}
		*st |= EMITTED;
		break;
	case BTF_KIND_PTR:
	case BTF_KIND_VOLATILE:
	case BTF_KIND_CONST:
	case BTF_KIND_RESTRICT:
	case BTF_KIND_TYPE_TAG:
		emit_type(d, t->type, cont_id);
		break;
	case BTF_KIND_ARRAY:
		emit_type(d, btf_array(t)->type, cont_id);
		break;
	case BTF_KIND_FWD:
		emit_fwd_def(d, id, t);
		ps(d, ";\n\n");
		*st |= EMITTED;
		break;
	case BTF_KIND_TYPEDEF:
		*st |= EMITTING;
		emit_type(d, t->type, id);
		if (!(*st & FWD_EMITTED) && !is_va_list(d, t)) {
			emit_typedef_def(d, id, t, 0);
			ps(d, ";\n\n");
		}
		*st = (*st & ~EMITTING) | EMITTED;
		break;
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		*st |= EMITTING;
		if (top_level || !t->name_off) {
			/* its members are printed: their types come first */
			for (i = 0; i < vlen; i++)
				emit_type(d, btf_members(t)[i].type, t->name_off ? id : cont_id);
		} else if (!(*st & FWD_EMITTED) && id != cont_id) {
			emit_struct_fwd(d, id, t);
			ps(d, ";\n\n");
			*st |= FWD_EMITTED;
		}
		*st &= ~EMITTING;
		if (top_level) {
			emit_struct_def(d, id, t, 0);
			ps(d, ";\n\n");
			*st |= EMITTED;
		}
		break;
	case BTF_KIND_FUNC_PROTO:
		emit_type(d, t->type, cont_id);
		for (i = 0; i < vlen; i++)
			emit_type(d, btf_params(t)[i].type, cont_id);
		break;
	}
}

static void emit_type(struct cdump *d, uint32_t id, uint32_t cont_id)
{
	if (enter(d))
		emit_type_body(d, id, cont_id);
	d->depth--;
}

/* libbpf's btf_dump__dump_type(): order, then emit what was queued. */
static int dump_one(struct cdump *d, uint32_t id)
{
	uint32_t i;
	int err;

	d->nqueue = 0;
	err = order(d, id, false);
	if (err < 0)
		return err;
	for (i = 0; i < d->nqueue && !d->err; i++)
		emit_type(d, d->queue[i], 0);
	return d->err;
}

/* ---- upstream bpftool's sorted order ---- */

/* Sorted in place.  w[0..2]: the rank and the sort name's first 11
 * bytes, w[3] the own name's first 4 (or, inside a run of equal names,
 * the shape hash in w[0..1]): most comparisons end there. */
struct sort_key {
	uint32_t w[4];
	uint32_t id, name;	/* name: the sort name's offset */
};

/* Where a sort chain (arrays, modifiers, typedefs, pointers, decl tags)
 * goes next; UINT32_MAX for the kinds that end it. */
static uint32_t chain_next(const struct btf_type *t)
{
	switch (btf_kind(t)) {
	case BTF_KIND_ARRAY:
		return btf_array(t)->type;
	case BTF_KIND_TYPE_TAG:
	case BTF_KIND_CONST:
	case BTF_KIND_PTR:
	case BTF_KIND_VOLATILE:
	case BTF_KIND_RESTRICT:
	case BTF_KIND_TYPEDEF:
	case BTF_KIND_DECL_TAG:
		return t->type;
	}
	return UINT32_MAX;
}

/* Enums first (anonymous before named), then base types, named structs
 * and unions, named prototypes, everything else; a named chain of
 * modifiers, typedefs and arrays ranks as what it ends in. */
static int sort_rank(const struct cdump *d, uint32_t id)
{
	bool named = false;
	int depth;

	for (depth = 0; depth < MAX_DEPTH; depth++) {
		const struct btf_type *t = type_of(d, id);

		if (t->name_off)
			named = true;
		switch (btf_kind(t)) {
		case BTF_KIND_ENUM:
		case BTF_KIND_ENUM64:
			return named;
		case BTF_KIND_INT:
		case BTF_KIND_FLOAT:
			return 2;
		case BTF_KIND_STRUCT:
		case BTF_KIND_UNION:
			return named ? 3 : 10;
		case BTF_KIND_FUNC_PROTO:
			return named ? 4 : 10;
		}
		id = chain_next(t);
		if (!named || id == UINT32_MAX)
			return 10;
	}
	return 10;
}

/* The name a type sorts by (its offset): its own, the first
 * enumerator's for an anonymous enum, the end of the chain for modifiers
 * and arrays. */
static uint32_t sort_name(const struct cdump *d, uint32_t id)
{
	int depth;

	for (depth = 0; depth < MAX_DEPTH; depth++) {
		const struct btf_type *t = type_of(d, id);
		uint32_t next = chain_next(t);

		if ((btf_kind(t) == BTF_KIND_ENUM || btf_kind(t) == BTF_KIND_ENUM64) &&
		    !depth && !t->name_off && btf_vlen(t))
			return btf_kind(t) == BTF_KIND_ENUM ?
				btf_enums(t)->name_off : btf_enums64(t)->name_off;
		if (next == UINT32_MAX)
			return t->name_off;
		id = next;
	}
	return 0;
}

static size_t name_hash(const struct cdump *d, size_t h, uint32_t off)
{
	return off ? h * 31 + str_hash(str_of(d, off)) : h;
}

/* bpftool's tie-breaker: names along the type's shape (members one
 * level deep) hashed together. */
/* The hashes of structs with their members, recently computed: the
 * pointers, qualifiers and typedefs of one struct sort together and all
 * hash it again. */
struct hash_memo {
	uint32_t id[64];	/* id + 1, 0: empty */
	size_t h[64];
};

static size_t shape_hash(const struct cdump *d, struct hash_memo *memo,
			 uint32_t id, bool members, int depth)
{
	const struct btf_type *t = type_of(d, id);
	size_t h = name_hash(d, 0, t->name_off);
	uint32_t i, slot = id & 63;

	if (depth > MAX_DEPTH)
		return h;
	if (members && is_composite(t) && memo->id[slot] == id + 1)
		return memo->h[slot];
	switch (btf_kind(t)) {
	case BTF_KIND_ENUM:
		for (i = 0; i < btf_vlen(t); i++)
			h = name_hash(d, h, btf_enums(t)[i].name_off);
		break;
	case BTF_KIND_ENUM64:
		for (i = 0; i < btf_vlen(t); i++)
			h = name_hash(d, h, btf_enums64(t)[i].name_off);
		break;
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		if (!members)
			break;
		for (i = 0; i < btf_vlen(t); i++) {
			h = name_hash(d, h, btf_members(t)[i].name_off);
			h = h * 31 + shape_hash(d, memo, btf_members(t)[i].type, false, depth + 1);
		}
		memo->id[slot] = id + 1;
		memo->h[slot] = h;
		break;
	case BTF_KIND_ARRAY:
		h = h * 31 + btf_array(t)->nelems;
		/* fall through - to the element, as a chain */
	default:
		if (chain_next(t) != UINT32_MAX)
			h = h * 31 + shape_hash(d, memo, chain_next(t), members, depth + 1);
	}
	return h;
}

/* By the prefixes, then (with names) the full sort and own names.
 * Ties are mostly the same string: compared as offsets first. */
static int key_cmp_names(const struct cdump *d, const struct sort_key *x,
			 const struct sort_key *y, bool names)
{
	const char *a, *b;
	int i, r;

	for (i = 0; i < 3; i++)
		if (x->w[i] != y->w[i])
			return x->w[i] < y->w[i] ? -1 : 1;
	if (!names)
		return 0;
	if ((x->w[2] & 0xff) && x->name != y->name &&
	    (r = strcmp(str_of(d, x->name) + 11, str_of(d, y->name) + 11)))
		return r;
	if (x->w[3] != y->w[3])
		return x->w[3] < y->w[3] ? -1 : 1;
	if (!(x->w[3] & 0xff))
		return 0;
	a = str_of(d, type_of(d, x->id)->name_off);
	b = str_of(d, type_of(d, y->id)->name_off);
	return a == b ? 0 : strcmp(a + 4, b + 4);
}

/* ... then by id: a total order. */
static int key_cmp(const struct cdump *d, const struct sort_key *x,
		   const struct sort_key *y, bool names)
{
	int r = key_cmp_names(d, x, y, names);

	return r ? r : (x->id > y->id) - (x->id < y->id);
}

static void key_swap(struct sort_key *a, struct sort_key *b)
{
	struct sort_key t = *a;

	*a = *b;
	*b = t;
}

/* Quicksort in place (median of three, insertion sort below 16, the
 * smaller side first so the stack stays logarithmic): no second array,
 * for the 4 MB budget. */
static void key_sort(const struct cdump *d, struct sort_key *k, uint32_t n, bool names)
{
	while (n > 16) {
		uint32_t i = 0, j = n - 1, mid = n / 2;
		struct sort_key pivot;

		if (key_cmp(d, &k[mid], &k[0], names) < 0)
			key_swap(&k[mid], &k[0]);
		if (key_cmp(d, &k[j], &k[mid], names) < 0) {
			key_swap(&k[j], &k[mid]);
			if (key_cmp(d, &k[mid], &k[0], names) < 0)
				key_swap(&k[mid], &k[0]);
		}
		pivot = k[mid];
		for (;;) {
			while (key_cmp(d, &k[i], &pivot, names) < 0)
				i++;
			while (key_cmp(d, &pivot, &k[j], names) < 0)
				j--;
			if (i >= j)
				break;
			key_swap(&k[i++], &k[j--]);
		}
		/* k[0..j] <= pivot <= k[j+1..n-1] */
		if (j + 1 < n - j - 1) {
			key_sort(d, k, j + 1, names);
			k += j + 1;
			n -= j + 1;
		} else {
			key_sort(d, k + j + 1, n - j - 1, names);
			n = j + 1;
		}
	}
	for (uint32_t i = 1; i < n; i++)
		for (uint32_t j = i; j && key_cmp(d, &k[j], &k[j - 1], names) < 0; j--)
			key_swap(&k[j], &k[j - 1]);
}

/* Byte p of a key's string: the rank, the sort name, its NUL, the own
 * name (own_at: where the own name starts, 0 while in the sort name).
 * The prefix words hold the first bytes of each name. */
#define RAW_WORDS	UINT32_MAX	/* own_at for keys that are just w[0..2] */

static inline __attribute__((always_inline)) unsigned
key_byte(const struct cdump *d, const struct sort_key *k, uint32_t p, uint32_t own_at)
{
	if (own_at == RAW_WORDS)
		return k->w[p / 4] >> (24 - 8 * (p % 4)) & 0xff;
	if (!own_at)
		return p < 12 ? k->w[p / 4] >> (24 - 8 * (p % 4)) & 0xff :
			(unsigned char)str_of(d, k->name)[p - 1];
	p -= own_at;
	return p < 4 ? k->w[3] >> (24 - 8 * p) & 0xff :
		(unsigned char)str_of(d, type_of(d, k->id)->name_off)[p];
}

/* An in-place MSD radix sort (American flag sort) over the keys' strings:
 * long shared name prefixes ("trace_event_raw_...") cost one pass per
 * byte, not a string comparison per pair.  Keys whose strings are equal
 * end in any order (their runs are sorted by hash and id next); small
 * buckets (128 keys or fewer) go to the comparison sort. */
enum { PASS_EQUAL, PASS_SMALL, PASS_BUCKETS };

/* One pass: skip the bytes all keys share, then permute the keys into
 * buckets by the next (count[]); *p and *own_at say which byte that was.
 * PASS_EQUAL: the strings are all equal; PASS_SMALL: compare instead. */
static int radix_pass(const struct cdump *d, struct sort_key *k, uint32_t n,
		      uint32_t *p, uint32_t *own_at, unsigned depth, uint32_t count[256])
{
	uint32_t next[256], last[256], end, i, c, x;
	bool raw = *own_at == RAW_WORDS;

	while (n > 128 && depth < 64 && (!raw || *p < 8)) {
		memset(count, 0, 256 * sizeof(*count));
		for (i = 0; i < n; i++)
			count[key_byte(d, &k[i], *p, *own_at)]++;
		/* byte 0 is the rank: a 0 there ends no name */
		if (count[0] == n && *own_at && !raw)
			return PASS_EQUAL;	/* both names ended */
		if (count[key_byte(d, k, *p, *own_at)] == n) {
			/* one bucket: the next byte (the own name's first
			 * after the sort name's NUL) */
			if (!count[0] || *own_at || !*p)
				++*p;
			else
				*own_at = ++*p;
			continue;
		}
		for (c = 0, end = 0; c < 256; c++) {
			next[c] = end;
			end += count[c];
			last[c] = end;
		}
		for (c = 0; c < 256; c++) {
			/* bucket c ends at last[c]; next[c]: its first misplaced */
			while (next[c] < last[c]) {
				struct sort_key t = k[next[c]];

				while ((x = key_byte(d, &t, *p, *own_at)) != c) {
					struct sort_key u = k[next[x]];

					k[next[x]++] = t;
					t = u;
				}
				k[next[c]++] = t;
			}
		}
		return PASS_BUCKETS;
	}
	return PASS_SMALL;
}

/* Keys whose hashes are all equal are ordered by id alone (w[2]): ids
 * are unique, so a bitmap over their range orders them in one walk.
 * Only the ids are rewritten: after the tie-break nothing but a key's id
 * is read.  (vmlinux: 29k unnamed prototypes share one hash; sorting
 * them by comparison was a fifth of the whole sort.)  False without
 * memory. */
static bool ids_in_order(struct sort_key *k, uint32_t n)
{
	uint32_t i, w, lo = UINT32_MAX, hi = 0;
	uint64_t *bits;

	for (i = 0; i < n; i++) {
		lo = k[i].id < lo ? k[i].id : lo;
		hi = k[i].id > hi ? k[i].id : hi;
	}
	bits = calloc((hi - lo) / 64 + 1, sizeof(*bits));
	if (!bits)
		return false;
	for (i = 0; i < n; i++)
		bits[(k[i].id - lo) / 64] |= 1ull << ((k[i].id - lo) % 64);
	for (w = 0, i = 0; w <= (hi - lo) / 64; w++)
		for (; bits[w]; bits[w] &= bits[w] - 1)
			k[i++].id = lo + w * 64 + (uint32_t)__builtin_ctzll(bits[w]);
	free(bits);
	return true;
}

/* Where bucket c of a pass at byte p goes on: false when its strings
 * have all ended (the sort name's NUL after the own name began). */
static bool bucket_next(uint32_t c, uint32_t *p, uint32_t *own_at)
{
	if (c || !*p || *own_at == RAW_WORDS) {
		++*p;
		return true;
	}
	if (*own_at)
		return false;
	*own_at = ++*p;
	return true;
}

static void radix_sort(const struct cdump *d, struct sort_key *k, uint32_t n,
		       uint32_t p, uint32_t own_at, unsigned depth)
{
	uint32_t count[256], c, i;

	switch (radix_pass(d, k, n, &p, &own_at, depth, count)) {
	case PASS_BUCKETS:
		for (c = 0, i = 0; c < 256; i += count[c++]) {
			uint32_t np = p, nown = own_at;

			if (count[c] > 1 && bucket_next(c, &np, &nown))
				radix_sort(d, k + i, count[c], np, nown, depth + 1);
		}
		break;
	case PASS_SMALL:
		if (own_at == RAW_WORDS && p == 8 && n > 128 && ids_in_order(k, n))
			break;
		key_sort(d, k, n, own_at != RAW_WORDS);
		break;
	}
}

/* Big-endian bytes of s from byte from, into w[0..n-1], stopping at
 * the NUL: unsigned comparison of the words is strcmp's order. */
static void prefix_words(uint32_t *w, int n, const char *s, int from)
{
	const unsigned char *c = (const unsigned char *)s + (from > 0 ? from : 0);
	int pos;

	for (pos = from < 0 ? -from : 0; pos < 4 * n && *c; pos++)
		w[pos / 4] |= (uint32_t)*c++ << (24 - 8 * (pos % 4));
}

/* The keys of the types to dump, in id order: FUNCs, VARs, DATASECs and
 * DECL_TAGs the ordering walk never reaches print nothing and change
 * nothing, so they are left out (half of vmlinux).  keys: zeroed. */
static uint32_t make_keys(const struct cdump *d, struct sort_key *keys)
{
	uint32_t id, nr = 0;

	for (id = 0; id < d->nr; id++) {
		struct sort_key *k = &keys[nr];

		if (is_leaf(type_of(d, id)) && !(d->state[id] & REFERENCED))
			continue;
		nr++;
		k->id = id;
		k->name = sort_name(d, id);
		k->w[0] = (uint32_t)sort_rank(d, id) << 24;
		prefix_words(k->w, 3, str_of(d, k->name), -1);
		prefix_words(k->w + 3, 1, str_of(d, type_of(d, id)->name_off), 0);
	}
	return nr;
}

/* Runs of keys with equal names, sorted by name, ordered by the shape
 * hash (computed only there) and id. */
static void break_ties(const struct cdump *d, struct sort_key *keys, uint32_t nr)
{
	struct hash_memo memo;
	uint32_t i, j, x;
	uint64_t h;

	memset(&memo, 0, sizeof(memo));
	for (i = 0; i < nr; i = j) {
		for (j = i + 1; j < nr && !key_cmp_names(d, &keys[i], &keys[j], true); j++)
			;
		if (j - i < 2)
			continue;
		for (x = i; x < j; x++) {
			h = shape_hash(d, &memo, keys[x].id, true, 0);
			keys[x].w[0] = (uint32_t)(h >> 32);
			keys[x].w[1] = (uint32_t)h;
			keys[x].w[2] = keys[x].id;
		}
		radix_sort(d, keys + i, j - i, 0, RAW_WORDS, 0);
	}
}

/* The type ids to dump, *n of them, in bpftool's sorted order (void
 * included): by rank, sort name and own name, then within runs of equal
 * names by the shape hash. */
static uint32_t *sorted_types(const struct cdump *d, uint32_t *n)
{
	struct sort_key *keys = calloc(d->nr ? d->nr : 1, sizeof(*keys));
	uint32_t i, *ids, nr;

	if (!keys)
		return NULL;
	nr = make_keys(d, keys);
	radix_sort(d, keys, nr, 0, 0, 0);
	break_ties(d, keys, nr);
	ids = (uint32_t *)keys;
	for (i = 0; i < nr; i++)
		ids[i] = keys[i].id;	/* read before the write reaches it */
	*n = nr;
	ids = realloc(keys, (size_t)(nr ? nr : 1) * sizeof(*ids));
	return ids ? ids : (uint32_t *)keys;
}

/* ---- the kfunc block ---- */

struct kfunc {
	const char *name;
	uint32_t func, seq;
};

static int kfunc_cmp(const void *a, const void *b)
{
	const struct kfunc *x = a, *y = b;
	int r = strcmp(x->name, y->name);

	return r ? r : (x->seq > y->seq) - (x->seq < y->seq);
}

/* Prototypes of the FUNCs tagged "bpf_kfunc", by name; a "bpf_fastcall"
 * tag adds __bpf_fastcall.  k[0..nk) the kfuncs, f[0..nf) the fastcall
 * FUNC ids, one array from both ends. */
static int emit_kfuncs(struct cdump *d)
{
	struct kfunc *k = NULL;
	uint32_t nk = 0, nf = 0, cap = 0, id, i, j;

	ps(d, "\n/* BPF kfuncs */\n#ifndef BPF_NO_KFUNC_PROTOTYPES\n");
	for (id = 1; id < d->nr; id++) {
		const struct btf_type *t = type_of(d, id);
		const char *tag;
		bool fast;

		if (btf_kind(t) != BTF_KIND_DECL_TAG || btf_decl_tag(t)->component_idx != -1 ||
		    btf_kind(type_of(d, t->type)) != BTF_KIND_FUNC)
			continue;
		tag = str_of(d, t->name_off);
		fast = !strcmp(tag, "bpf_fastcall");
		if (!fast && strcmp(tag, "bpf_kfunc"))
			continue;
		if (nk + nf == cap) {
			uint32_t ncap = cap ? cap * 2 : 64;
			struct kfunc *nkf = realloc(k, ncap * sizeof(*k));

			if (!nkf) {
				free(k);
				return -ENOMEM;
			}
			memmove(nkf + ncap - nf, nkf + cap - nf, nf * sizeof(*k));
			k = nkf;
			cap = ncap;
		}
		if (fast) {
			k[cap - ++nf].func = t->type;
		} else {
			k[nk].name = str_of(d, type_of(d, t->type)->name_off);
			k[nk].func = t->type;
			k[nk].seq = nk;
			nk++;
		}
	}
	if (nk)
		qsort(k, nk, sizeof(*k), kfunc_cmp);
	for (i = 0; i < nk && !d->err; i++) {
		for (j = 0; j < nf && k[cap - 1 - j].func != k[i].func; j++)
			;
		ps(d, j < nf ? "extern __bpf_fastcall " : "extern ");
		emit_decl(d, type_of(d, k[i].func)->type, k[i].name, 0);
		ps(d, " __weak __ksym;\n");
	}
	ps(d, "#endif\n\n");
	free(k);
	return 0;
}

static const char header[] =
	"#ifndef __VMLINUX_H__\n"
	"#define __VMLINUX_H__\n"
	"\n"
	"#ifndef BPF_NO_PRESERVE_ACCESS_INDEX\n"
	"#pragma clang attribute push (__attribute__((preserve_access_index)), apply_to = record)\n"
	"#endif\n\n"
	"#ifndef __ksym\n"
	"#define __ksym __attribute__((section(\".ksyms\")))\n"
	"#endif\n\n"
	"#ifndef __weak\n"
	"#define __weak __attribute__((weak))\n"
	"#endif\n\n"
	"#ifndef __bpf_fastcall\n"
	"#if __has_attribute(bpf_fastcall)\n"
	"#define __bpf_fastcall __attribute__((bpf_fastcall))\n"
	"#else\n"
	"#define __bpf_fastcall\n"
	"#endif\n"
	"#endif\n\n";

static const char footer[] =
	"#ifndef BPF_NO_PRESERVE_ACCESS_INDEX\n"
	"#pragma clang attribute pop\n"
	"#endif\n"
	"\n"
	"#endif /* __VMLINUX_H__ */\n";

int btf_c_dump(const struct btf *btf, const uint32_t *ids, size_t n,
	       bool sorted, uint64_t max_out)
{
	struct cdump d;
	uint32_t *keys = NULL, nkeys = 0;
	uint32_t i;
	int err;

	memset(&d, 0, sizeof(d));
	d.btf = btf;
	btf_view(btf, &d.v);
	d.nr = btf_end_id(btf);
	d.max_out = max_out;
	d.state = calloc(d.nr, 1);
	d.aligns = calloc(d.nr, 1);
	err = d.state && d.aligns ? 0 : -ENOMEM;
	if (!err)
		err = mark_referenced(&d);
	if (!err && !n && sorted) {
		keys = sorted_types(&d, &nkeys);
		if (!keys)
			err = -ENOMEM;
	}
	if (err)
		goto out;
	d.ptr_sz = ptr_size(&d);
	d.state[0] = ORDERED | EMITTED;

	ps(&d, header);
	if (n) {
		for (i = 0; i < n && !err; i++)
			err = dump_one(&d, ids[i]);
	} else {
		/* upstream skips the first sorted type (a typo, not a
		 * choice): every type is dumped here */
		for (i = keys ? 0 : 1; i < (keys ? nkeys : d.nr) && !err; i++)
			err = dump_one(&d, keys ? keys[i] : i);
		if (!err)
			err = emit_kfuncs(&d);
	}
	if (!err)
		ps(&d, footer);
	if (!err)
		err = d.err;
out:
	out_line_done();
	free(keys);
	free(d.state);
	free(d.aligns);
	free(d.dups.slots);
	free(d.queue);
	free(d.stack);
	free(d.type_names.slots);
	free(d.ident_names.slots);
	return err;
}
