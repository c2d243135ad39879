/* prog_dump_fmt: bpftool's xlated dump (xlated_dumper.c), its DOT graph
 * (cfg.c) and the BTF pieces they print (btf_dumper.c).  Instructions are
 * spelled by bpf_disasm.c; calls and ld_imm64 operands are named as
 * bpftool's print_call()/print_imm() callbacks name them. */
#include "output/prog_dump_fmt.h"
#include "output/bpf_disasm.h"
#include "output/disasm.h"
#include "output/out.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- naming calls and immediates (bpftool's callbacks) -------------- */

uint64_t prog_dump_call_addr(const struct prog_dump *d, const struct bpf_insn *insn)
{
	/* unsigned long, as bpftool: 32-bit on 32-bit hosts. */
	unsigned long addr = (unsigned long)d->call_base + (unsigned long)(long)insn->imm;

	if (insn->src_reg == BPF_PSEUDO_CALL && d->jited_ksyms &&
	    (uint32_t)insn->imm < d->nr_jited_ksyms)
		addr = (unsigned long)d->jited_ksyms[insn->imm];
	return addr;
}

static const char *name_call(void *ctx, const struct bpf_insn *insn, char *buf, size_t size)
{
	const struct prog_dump *d = ctx;
	unsigned long addr = (unsigned long)prog_dump_call_addr(d, insn);
	const char *sym = d->sym_name ? d->sym_name(d->sym_ctx, addr) : NULL;

	if (insn->src_reg != BPF_PSEUDO_CALL)
		sym ? snprintf(buf, size, "%s", sym) : snprintf(buf, size, "0x%lx", addr);
	else if (!d->nr_jited_ksyms)	/* interpreted: no addresses */
		snprintf(buf, size, "%+d", insn->off);
	else if (sym)
		snprintf(buf, size, "%+d#%s", insn->off, sym);
	else
		snprintf(buf, size, "%+d#0x%lx", insn->off, addr);
	return buf;
}

static const char *name_imm(void *ctx, const struct bpf_insn *insn, uint64_t full,
			    char *buf, size_t size)
{
	int next = insn[1].imm;	/* the kernel's xlated ld_imm64 is whole */

	switch (insn->src_reg) {
	case BPF_PSEUDO_MAP_FD:
		snprintf(buf, size, "map[id:%d]", insn->imm);
		break;
	case BPF_PSEUDO_MAP_VALUE:
		snprintf(buf, size, "map[id:%d][0]+%d", insn->imm, next);
		break;
	case BPF_PSEUDO_MAP_IDX_VALUE:
		snprintf(buf, size, "map[idx:%d]+%d", insn->imm, next);
		break;
	case BPF_PSEUDO_FUNC:
		snprintf(buf, size, "subprog[%+d]", insn->imm);
		break;
	default:
		snprintf(buf, size, "0x%llx", (unsigned long long)full);
	}
	return buf;
}

/* One instruction's text, with its newline; a lone ld_imm64 at the very
 * end (never from the kernel) reads its missing half as zero. */
static size_t insn_text(const struct prog_dump *d, uint32_t i, char *buf, size_t size)
{
	static const struct bpf_insn zero[2];
	const struct disasm_names names = { name_call, name_imm, (void *)d };
	const struct bpf_insn *insn = d->insns + i;

	if (insn->code == (BPF_LD | BPF_IMM | BPF_DW) && i + 1 >= d->n) {
		struct bpf_insn whole[2] = { *insn, zero[1] };

		return bpf_disasm(buf, size, whole, whole + 1, &names);
	}
	return bpf_disasm(buf, size, insn, i + 1 < d->n ? insn + 1 : NULL, &names);
}

static bool is_ld_imm64(const struct bpf_insn *insn)
{
	return insn->code == (BPF_LD | BPF_IMM | BPF_DW);
}

/* ---- BTF: function prototypes --------------------------------------- */

struct sig {
	char *buf;
	size_t size, pos;
	bool failed;
};

static void sig_put(struct sig *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sig_put(struct sig *s, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (s->failed)
		return;
	va_start(ap, fmt);
	n = vsnprintf(s->buf + s->pos, s->size - s->pos, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= s->size - s->pos)
		s->failed = true;
	else
		s->pos += (size_t)n;
}

static const char *str(const struct btf *btf, uint32_t off)
{
	const char *s = btf_name_by_offset(btf, off);

	return s ? s : "(null)";	/* what glibc's printf shows */
}

static void sig_type(struct sig *s, const struct btf *btf, uint32_t id, int depth);

static void sig_func(struct sig *s, const struct btf *btf, const struct btf_type *proto,
		     const struct btf_type *func, int depth)
{
	const struct btf_param *p;
	unsigned i;

	if (!proto) {
		s->failed = true;
		return;
	}
	sig_type(s, btf, proto->type, depth);
	if (func)
		sig_put(s, "%s(", str(btf, func->name_off));
	else
		sig_put(s, "(");
	p = btf_params(proto);
	for (i = 0; i < btf_vlen(proto) && !s->failed; i++, p++) {
		if (i)
			sig_put(s, ", ");
		if (!p->type) {
			sig_put(s, "...");
			continue;
		}
		sig_type(s, btf, p->type, depth);
		if (p->name_off)
			sig_put(s, "%s", str(btf, p->name_off));
		else if (s->pos && s->buf[s->pos - 1] == ' ')
			s->buf[--s->pos] = 0;
	}
	sig_put(s, ")");
}

static void sig_type(struct sig *s, const struct btf *btf, uint32_t id, int depth)
{
	static const char *const prefix[] = {
		[BTF_KIND_INT] = "", [BTF_KIND_TYPEDEF] = "", [BTF_KIND_FLOAT] = "",
		[BTF_KIND_STRUCT] = "struct ", [BTF_KIND_UNION] = "union ",
		[BTF_KIND_ENUM] = "enum ", [BTF_KIND_ENUM64] = "enum ",
	};
	static const char *const modifier[] = {
		[BTF_KIND_VOLATILE] = "volatile ", [BTF_KIND_CONST] = "const ",
		[BTF_KIND_RESTRICT] = "restrict ",
	};
	const struct btf_type *t;
	unsigned kind;

	if (s->failed)
		return;
	if (!id) {
		sig_put(s, "void ");
		return;
	}
	t = btf_type_by_id(btf, id);
	if (!t || ++depth > BTF_MAX_RESOLVE_DEPTH) {
		s->failed = true;
		return;
	}
	kind = btf_kind(t);
	if (kind < sizeof(prefix) / sizeof(prefix[0]) && prefix[kind]) {
		sig_put(s, "%s%s ", prefix[kind], str(btf, t->name_off));
	} else if (kind < sizeof(modifier) / sizeof(modifier[0]) && modifier[kind]) {
		sig_put(s, "%s", modifier[kind]);
		sig_type(s, btf, t->type, depth);
	} else if (kind == BTF_KIND_ARRAY) {
		sig_type(s, btf, btf_array(t)->type, depth);
		sig_put(s, "[%u]", btf_array(t)->nelems);
	} else if (kind == BTF_KIND_PTR) {
		sig_type(s, btf, t->type, depth);
		sig_put(s, "* ");
	} else if (kind == BTF_KIND_FWD) {
		sig_put(s, "%s %s ", btf_kflag(t) ? "union" : "struct", str(btf, t->name_off));
	} else if (kind == BTF_KIND_FUNC_PROTO) {
		sig_func(s, btf, t, NULL, depth);
	} else if (kind == BTF_KIND_FUNC) {
		sig_func(s, btf, btf_type_by_id(btf, t->type), t, depth);
	} else if (kind == BTF_KIND_VAR) {
		if (btf_var(t)->linkage == BTF_VAR_STATIC)
			sig_put(s, "static ");
		sig_type(s, btf, t->type, depth);
		sig_put(s, " %s", str(btf, t->name_off));
	} else if (kind == BTF_KIND_DATASEC) {
		sig_put(s, "section (\"%s\") ", str(btf, t->name_off));
	} else {
		s->failed = true;
	}
}

void prog_func_sig(const struct btf *btf, uint32_t type_id, char *buf, size_t size)
{
	struct sig s = { buf, size, 0, false };

	if (!size)
		return;
	*buf = 0;
	if (!btf)
		return;
	sig_type(&s, btf, type_id, 0);
	if (s.failed)
		*buf = 0;
}

/* The prototype of the function starting at insn_off, when the next
 * func_info record *rec names one; advances *rec past a match. */
static bool func_header(const struct prog_dump *d, uint32_t insn_off, uint32_t *rec,
			char *sig, size_t size)
{
	struct bpf_func_info fi;

	*sig = 0;
	if (!d->btf || *rec >= d->nr_func_info)
		return false;
	memcpy(&fi, d->func_info + (size_t)*rec * d->func_info_rec_size, sizeof(fi));
	if (fi.insn_off != insn_off)
		return false;
	++*rec;
	prog_func_sig(d->btf, fi.type_id, sig, size);
	return *sig != 0;
}

/* ---- line info ----------------------------------------------------- */

struct bpf_line_info prog_linfo_at(const struct prog_dump *d, uint32_t i)
{
	struct bpf_line_info l;

	memcpy(&l, d->line_info + (size_t)i * d->line_info_rec_size, sizeof(l));
	return l;
}

/* libbpf walks the records one by one; the kernel keeps them sorted by
 * insn_off (check_btf_line()), so a binary search finds the same one
 * without making "visual", which looks up every instruction from record
 * 0, quadratic. */
long prog_linfo_find(const struct prog_dump *d, uint32_t insn_off, uint32_t nr_skip)
{
	uint32_t lo, hi, mid;

	if (nr_skip >= d->nr_line_info || insn_off < prog_linfo_at(d, nr_skip).insn_off)
		return -1;
	lo = nr_skip + 1;	/* the first record past insn_off is in [lo, hi] */
	hi = d->nr_line_info;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (insn_off < prog_linfo_at(d, mid).insn_off)
			hi = mid;
		else
			lo = mid + 1;
	}
	return (long)lo - 1;
}

static const char *ltrim(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return s;
}

void prog_linfo_plain(const struct btf *btf, const struct bpf_line_info *l,
		      const char *prefix, bool linum)
{
	const char *line = btf_name_by_offset(btf, l->line_off), *file;

	if (!line)
		return;
	out_fmt("%s%s", prefix, ltrim(line));
	if (linum) {
		file = btf_name_by_offset(btf, l->file_name_off);
		out_fmt(" [file:%s line_num:%u line_col:%u]", file ? file : "",
			BPF_LINE_INFO_LINE_NUM(l->line_col), BPF_LINE_INFO_LINE_COL(l->line_col));
	}
	out_char('\n');
}

void prog_linfo_json(struct json *j, const struct btf *btf, const struct bpf_line_info *l,
		     bool linum)
{
	const char *line = btf_name_by_offset(btf, l->line_off), *file;

	if (line)
		json_string_field(j, "src", ltrim(line));
	if (!linum)
		return;
	file = btf_name_by_offset(btf, l->file_name_off);
	if (file)
		json_string_field(j, "file", file);
	if (BPF_LINE_INFO_LINE_NUM(l->line_col))
		json_int_field(j, "line_num", BPF_LINE_INFO_LINE_NUM(l->line_col));
	if (BPF_LINE_INFO_LINE_COL(l->line_col))
		json_int_field(j, "line_col", BPF_LINE_INFO_LINE_COL(l->line_col));
}

/* DOT label text: record-label metacharacters and spaces escaped. */
static void dot_puts(const char *s)
{
	for (; *s; s++) {
		if (strchr("\\\"{}<>| ", *s))
			out_char('\\');
		out_char(*s);
	}
}

/* A path cut to its last 32 characters at a '/' (bpftool's shorten_path). */
static const char *short_path(const char *path)
{
	size_t len = strlen(path);
	const char *p;

	if (len <= 32)
		return path;
	p = strchr(path + len - 32, '/');
	if (p)
		return p < path + 3 ? path : p;
	p = strrchr(path, '/');
	return p ? p : path;
}

/* bpftool's btf_dump_linfo_dotlabel(). */
static void prog_linfo_dot(const struct btf *btf, const struct bpf_line_info *l, bool linum)
{
	const char *line = btf_name_by_offset(btf, l->line_off), *file, *shortened;

	if (!line || !*line)
		return;
	if (linum) {
		file = btf_name_by_offset(btf, l->file_name_off);
		shortened = file ? short_path(file) : "";
		/* bpftool compares "" with a NULL file: "..." then too. */
		out_str(!file || shortened > file ? "; [..." : "; [");
		dot_puts(shortened);
		out_fmt(" line:%u col:%u]\\l\\\n", BPF_LINE_INFO_LINE_NUM(l->line_col),
			BPF_LINE_INFO_LINE_COL(l->line_col));
	}
	out_str("; ");
	dot_puts(ltrim(line));
	out_str("\\l\\\n");
}

/* ---- plain and JSON ------------------------------------------------ */

static void hex_bytes(const struct bpf_insn *insn, const char *sep)
{
	const uint8_t *b = (const uint8_t *)insn;
	int i;

	for (i = 0; i < 8; i++) {
		if (i)
			out_str(sep);
		out_hex_byte(b[i]);
	}
}

void prog_dump_plain(const struct prog_dump *d)
{
	uint32_t i, rec = 0, nr_skip = 0;
	char sig[1024], line[256];
	bool second_half = false;
	long l;

	for (i = 0; i < d->n; i++) {
		if (second_half) {
			second_half = false;
			continue;
		}
		if (func_header(d, i, &rec, sig, sizeof(sig)))
			out_fmt("%s:\n", sig);
		if (d->btf && (l = prog_linfo_find(d, i, nr_skip)) >= 0) {
			struct bpf_line_info li = prog_linfo_at(d, (uint32_t)l);

			prog_linfo_plain(d->btf, &li, "; ", d->linum);
			nr_skip++;
		}
		second_half = is_ld_imm64(d->insns + i);
		out_fmt("%4u: ", i);
		out_write(line, insn_text(d, i, line, sizeof(line)));
		if (d->opcodes) {
			out_str("       ");
			hex_bytes(d->insns + i, " ");
			if (second_half && i + 1 < d->n) {
				out_char(' ');
				hex_bytes(d->insns + i + 1, " ");
			}
			out_char('\n');
		}
		out_line_done();
	}
}

void prog_dump_json(const struct prog_dump *d, struct json *j)
{
	uint32_t i, rec = 0, nr_skip = 0;
	char sig[1024], line[256];
	bool second_half = false;
	size_t len;
	long l;

	json_start_array(j);
	for (i = 0; i < d->n; i++) {
		const struct bpf_insn *insn = d->insns + i;

		if (second_half) {
			second_half = false;
			continue;
		}
		second_half = is_ld_imm64(insn);
		json_start_object(j);
		if (func_header(d, i, &rec, sig, sizeof(sig)))
			json_string_field(j, "proto", sig);
		if (d->btf && (l = prog_linfo_find(d, i, nr_skip)) >= 0) {
			struct bpf_line_info li = prog_linfo_at(d, (uint32_t)l);

			prog_linfo_json(j, d->btf, &li, d->linum);
			nr_skip++;
		}
		len = insn_text(d, i, line, sizeof(line));
		if (len && line[len - 1] == '\n')
			len--;
		json_name(j, "disasm");
		json_string_n(j, line, len);
		if (d->opcodes) {
			json_name(j, "opcodes");
			json_start_object(j);
			json_name(j, "code");
			json_rawf(j, "\"0x%02x\"", insn->code);
			json_name(j, "src_reg");
			json_rawf(j, "\"0x%x\"", insn->src_reg);
			json_name(j, "dst_reg");
			json_rawf(j, "\"0x%x\"", insn->dst_reg);
			json_name(j, "off");
			json_hex_array(j, (const uint8_t *)insn + 2, 2);
			json_name(j, "imm");
			json_hex_array(j, (const uint8_t *)insn + 4,
				       second_half && i + 1 < d->n ? 12 : 4);
			json_end_object(j);
		}
		json_end_object(j);
	}
	json_end_array(j);
}

/* ---- visual: the DOT control-flow graph (bpftool's cfg.c) ------------ */

/* Functions start at 0 and at each bpf-to-bpf callee; bpftool numbers
 * them in the order their first call appears and draws them in address
 * order.  Blocks start at a function's start, at jump targets and after
 * conditional jumps; ENTRY is block 0, EXIT block 1, the others 2.. in
 * address order. */
struct cfg_func {
	uint32_t start, end;	/* first and last instruction */
	int idx;
};

static bool is_jump(const struct bpf_insn *insn)
{
	unsigned class = BPF_CLASS(insn->code), op = BPF_OP(insn->code);

	return (class == BPF_JMP || class == BPF_JMP32) && op != BPF_CALL && op != BPF_EXIT;
}

static long target(const struct bpf_insn *insns, uint32_t i)
{
	return (long)i + insns[i].off + 1;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Sort and deduplicate; returns the new count.  O(n log n): a program
 * may have a million instructions. */
static uint32_t sort_unique(uint32_t *v, uint32_t n)
{
	uint32_t i, k = 0;

	qsort(v, n, sizeof(*v), cmp_u32);
	for (i = 0; i < n; i++)
		if (!k || v[k - 1] != v[i])
			v[k++] = v[i];
	return k;
}

/* The position of v in the sorted set, or -1. */
static long find_u32(const uint32_t *set, uint32_t n, long v)
{
	const uint32_t *p;
	uint32_t key = (uint32_t)v;

	if (v < 0 || v > UINT32_MAX)
		return -1;
	p = bsearch(&key, set, n, sizeof(*set), cmp_u32);
	return p ? p - set : -1;
}

/* bpftool's dump_xlated_for_graph(): the instructions from..to of a block
 * of the function starting at base; offsets, func_info and line_info
 * lookups are relative to that function, as bpftool does them. */
static void dot_insns(const struct prog_dump *d, uint32_t base, uint32_t from, uint32_t to)
{
	struct bpf_line_info li;
	uint32_t i, off, rec = 0;
	char sig[1024], line[256];
	bool second_half = false;
	long l, last_l = -1;
	size_t len, k;

	for (i = from; i <= to; i++) {
		if (second_half) {
			second_half = false;
			continue;
		}
		second_half = is_ld_imm64(d->insns + i);
		off = i - base;
		if (func_header(d, off, &rec, sig, sizeof(sig)))
			out_fmt("; %s:\\l\\\n", sig);
		if (d->btf && (l = prog_linfo_find(d, off, 0)) >= 0 && l != last_l) {
			li = prog_linfo_at(d, (uint32_t)l);
			prog_linfo_dot(d->btf, &li, d->linum);
			last_l = l;
		}
		out_fmt("%u: ", off);
		/* bpftool formats into 64 bytes, then escapes. */
		len = insn_text(d, i, line, 64);
		for (k = 0; k < len; k++) {
			if (line[k] == '\n')
				out_str("\\l\\");
			else if (strchr("<>|&", line[k]))
				out_char('\\');
			out_char(line[k]);
		}
		if (d->opcodes) {
			out_str("\\ \\ \\ \\ ");
			hex_bytes(d->insns + i, " ");
			if (second_half && i + 1 <= to) {
				out_char(' ');
				hex_bytes(d->insns + i + 1, " ");
			}
			out_str("\\l\\\n");
		}
		if (i != to)
			out_str("| ");
	}
}

static void dot_edge(int fn, uint32_t from, uint32_t to)
{
	out_fmt("\tfn_%d_bb_%u:s -> fn_%d_bb_%u:n [style=\"solid,bold\", color=black, weight=10, constraint=true];\n",
		fn, from, fn, to);
}

static void dot_func(const struct prog_dump *d, const struct cfg_func *f, uint32_t *heads)
{
	uint32_t i, k, nb = 0, tail, next;
	int fn = f->idx;
	long t;

	heads[nb++] = f->start;
	for (i = f->start; i <= f->end; i++) {
		long t = target(d->insns, i);

		if (!is_jump(d->insns + i))
			continue;
		if (t >= f->start && t <= f->end)
			heads[nb++] = (uint32_t)t;
		if (BPF_OP(d->insns[i].code) != BPF_JA && i + 1 <= f->end)
			heads[nb++] = i + 1;
	}
	nb = sort_unique(heads, nb);
	out_fmt("subgraph \"cluster_%d\" {\n\tstyle=\"dashed\";\n\tcolor=\"black\";\n\tlabel=\"func_%d ()\";\n",
		fn, fn);
	out_fmt("\tfn_%d_bb_0 [shape=Mdiamond,style=filled,label=\"ENTRY\"];\n\n", fn);
	for (k = 0; k < nb; k++) {
		out_fmt("\tfn_%d_bb_%u [shape=record,style=filled,label=\"{\\\n", fn, k + 2);
		dot_insns(d, f->start, heads[k], k + 1 < nb ? heads[k + 1] - 1 : f->end);
		out_str("}\"];\n\n");
	}
	out_fmt("\tfn_%d_bb_1 [shape=Mdiamond,style=filled,label=\"EXIT\"];\n\n", fn);
	dot_edge(fn, 0, 2);
	for (k = 0; k < nb; k++) {
		const struct bpf_insn *insn;

		tail = k + 1 < nb ? heads[k + 1] - 1 : f->end;
		insn = d->insns + tail;
		next = k + 1 < nb ? k + 3 : 1;	/* the next block, or EXIT */
		if (!is_jump(insn)) {
			dot_edge(fn, k + 2, next);
			continue;
		}
		if (BPF_OP(insn->code) != BPF_JA)
			dot_edge(fn, k + 2, next);
		t = find_u32(heads, nb, target(d->insns, tail));
		if (t >= 0)	/* bpftool would follow a NULL block */
			dot_edge(fn, k + 2, (uint32_t)t + 2);
	}
	out_fmt("\tfn_%d_bb_0:s -> fn_%d_bb_1:n [style=\"invis\", constraint=true];\n}\n", fn, fn);
}

int prog_dump_dot(const struct prog_dump *d)
{
	uint32_t *starts, *order, *heads, nf = 0, no = 0, i, k;
	int *rank, next = 0;
	struct cfg_func f;

	if (!d->n)
		return 0;
	order = calloc((size_t)d->n + 1, sizeof(*order));
	starts = calloc((size_t)d->n + 1, sizeof(*starts));
	rank = calloc((size_t)d->n + 1, sizeof(*rank));
	heads = calloc(2 * (size_t)d->n + 1, sizeof(*heads));
	if (!order || !starts || !rank || !heads) {
		free(order);
		free(starts);
		free(rank);
		free(heads);
		return -ENOMEM;
	}
	/* Function starts in the order their first call appears. */
	order[no++] = 0;
	for (i = 0; i < d->n; i++) {
		long t = target(d->insns, i);

		if (d->insns[i].code == (BPF_JMP | BPF_CALL) &&
		    d->insns[i].src_reg == BPF_PSEUDO_CALL && t >= 0 && t < d->n)
			order[no++] = (uint32_t)t;
	}
	memcpy(starts, order, no * sizeof(*order));
	nf = sort_unique(starts, no);
	for (k = 0; k < nf; k++)
		rank[k] = -1;
	for (i = 0; i < no; i++) {
		k = (uint32_t)find_u32(starts, nf, order[i]);
		if (rank[k] < 0)
			rank[k] = next++;
	}
	out_str("digraph \"DOT graph for eBPF program\" {\n");
	for (k = 0; k < nf; k++) {
		f.start = starts[k];
		f.end = k + 1 < nf ? starts[k + 1] - 1 : d->n - 1;
		f.idx = rank[k];
		dot_func(d, &f, heads);
	}
	out_str("}\n");
	free(order);
	free(starts);
	free(rank);
	free(heads);
	return 0;
}

/* ---- jited (bpftool's prog_dump() jited branch, jit_disasm.c) -------- */

static uint64_t jited_linfo_addr(const struct prog_dump *d, uint32_t i)
{
	uint64_t a;

	memcpy(&a, d->jited_line_info + (size_t)i * d->jited_line_info_rec_size, sizeof(a));
	return a;
}

/* What libbpf's bpf_prog_linfo__new() needs to place line_info in
 * jited code; without it the jited dump has no source lines. */
static bool jited_linfo_usable(const struct prog_dump *d)
{
	return d->btf && d->nr_line_info && d->jited_line_info && d->nr_jited_ksyms &&
	       d->nr_jited_line_info == d->nr_line_info && d->jited_line_info_rec_size >= 8 &&
	       d->nr_func_lens == d->nr_jited_ksyms && d->jited_ksyms && d->func_lens;
}

/* libbpf's dissect_jited_func(): the records of function `func` are
 * [*start, *start + *count).  -1 when the records and the functions
 * disagree (each function's records must begin at its address and
 * increase within it). */
static int jited_linfo_func(const struct prog_dump *d, uint32_t func, uint32_t *start,
			    uint32_t *count)
{
	uint32_t i, prev = 0, f = 1, nf = d->nr_jited_ksyms;
	uint64_t last, cur = jited_linfo_addr(d, 0);

	if (d->jited_ksyms[0] != cur)
		return -1;
	for (i = 1; i < d->nr_line_info && f < nf; i++) {
		last = cur;
		cur = jited_linfo_addr(d, i);
		if (d->jited_ksyms[f] == cur) {
			if (last - d->jited_ksyms[f - 1] + 1 > d->func_lens[f - 1])
				return -1;
			if (f - 1 == func) {
				*start = prev;
				*count = i - prev;
			}
			prev = i;
			f++;
		} else if (cur <= last) {
			return -1;
		}
	}
	if (f != nf)
		return -1;
	if (func == nf - 1) {
		*start = prev;
		*count = d->nr_line_info - prev;
	}
	return 0;
}

int prog_jited_linfo_check(const struct prog_dump *d)
{
	uint32_t start, count;

	return jited_linfo_usable(d) ? jited_linfo_func(d, 0, &start, &count) : 0;
}

/* libbpf's bpf_prog_linfo__lfind_addr_func(): from record nr_skip of
 * the function on, the last one starting at or before addr. */
static long jited_linfo_find(const struct prog_dump *d, uint32_t start, uint32_t count,
			     uint64_t addr, uint32_t nr_skip)
{
	uint32_t i = start + nr_skip;

	if (nr_skip >= count || addr < jited_linfo_addr(d, i))
		return -1;
	while (i < start + count && addr >= jited_linfo_addr(d, i))
		i++;
	return (long)i - 1;
}

/* Where no disassembler knows the machine: the bytes, eight a line. */
static size_t raw_bytes(const uint8_t *code, size_t avail, uint64_t pc, char *text, size_t size)
{
	size_t i, n = avail < 8 ? avail : 8, pos;

	pos = (size_t)snprintf(text, size, "\t.byte\t");
	for (i = 0; i < n && pos < size; i++)
		pos += (size_t)snprintf(text + pos, size - pos, "%s0x%02x", i ? ", " : "", code[i]);
	return n;
}

/* bpftool's printf_json(): LLVM's text cut at blanks, then operands at
 * blanks, commas and parentheses; [null] when there are none. */
static void jited_text_json(struct json *j, char *text)
{
	char *save, *s = strtok_r(text, " \t", &save);
	bool any = false;

	json_string_field(j, "operation", s ? s : "");
	json_name(j, "operands");
	json_start_array(j);
	while (s && (s = strtok_r(NULL, " \t,()", &save))) {
		json_string(j, s);
		any = true;
	}
	if (!any)
		json_null(j);
	json_end_array(j);
}

/* bpftool's disasm_print_insn(): one function's code at addr; its line
 * records, when usable, are [start, start + count). */
static void jited_insns(const struct prog_dump *d, struct json *j, const uint8_t *code,
			uint32_t len, uint64_t addr, uint32_t start, uint32_t count)
{
	size_t (*decode)(const uint8_t *, size_t, uint64_t, char *, size_t) =
		d->decode ? d->decode : raw_bytes;
	char text[DISASM_TEXT_MAX];
	uint32_t pc = 0, nr_skip = 0, i;
	size_t n;
	long l;

	if (j)
		json_start_array(j);
	while (pc < len) {
		struct bpf_line_info li;

		l = jited_linfo_find(d, start, count, addr + pc, nr_skip);
		if (l >= 0) {
			li = prog_linfo_at(d, (uint32_t)l);
			nr_skip++;
		}
		n = decode(code + pc, len - pc, addr + pc, text, sizeof(text));
		if (j) {
			json_start_object(j);
			if (l >= 0)
				prog_linfo_json(j, d->btf, &li, d->linum);
			json_name(j, "pc");
			json_rawf(j, "\"0x%x\"", pc);
			jited_text_json(j, text);
			if (d->opcodes) {
				json_name(j, "opcodes");
				json_start_array(j);
				for (i = 0; i < n; i++)
					json_rawf(j, "\"0x%02x\"", code[pc + i]);
				json_end_array(j);
			}
			json_end_object(j);
		} else {
			if (l >= 0)
				prog_linfo_plain(d->btf, &li, "; ", d->linum);
			out_fmt("%4x:%s", pc, text);
			if (d->opcodes) {
				out_str("\n\t");
				for (i = 0; i < n; i++) {
					out_hex_byte(code[pc + i]);
					out_char(' ');
				}
			}
			out_char('\n');
			out_line_done();
		}
		pc += (uint32_t)n;
	}
	if (j)
		json_end_array(j);
}

void prog_dump_jited(const struct prog_dump *d, struct json *j)
{
	bool linfo = jited_linfo_usable(d) && !prog_jited_linfo_check(d);
	uint32_t f, off = 0, start = 0, count = 0;
	char sig[1024] = "", hex[24];
	const char *name;

	if (!d->nr_func_lens || !d->func_lens) {
		jited_insns(d, j, d->image, d->image_len, 0, 0, 0);
		return;
	}
	if (j)
		json_start_array(j);
	for (f = 0; f < d->nr_func_lens; f++) {
		/* lengths past the image (a kernel bug) are cut to it */
		uint32_t len = d->func_lens[f] < d->image_len - off ? d->func_lens[f]
								     : d->image_len - off;
		uint64_t addr = d->nr_jited_ksyms && f < d->nr_jited_ksyms ? d->jited_ksyms[f] : 0;

		name = "unknown";
		if (d->nr_jited_ksyms) {
			name = d->sym_name ? d->sym_name(d->sym_ctx, addr) : NULL;
			if (!name) {
				snprintf(hex, sizeof(hex), "0x%016llx", (unsigned long long)addr);
				name = hex;
			}
		}
		if (d->btf && f < d->nr_func_info) {
			struct bpf_func_info fi;

			memcpy(&fi, d->func_info + (size_t)f * d->func_info_rec_size, sizeof(fi));
			prog_func_sig(d->btf, fi.type_id, sig, sizeof(sig));
		}
		if (j) {
			json_start_object(j);
			if (sig[0])
				json_string_field(j, "proto", sig);
			json_string_field(j, "name", name);
			json_name(j, "insns");
		} else {
			if (sig[0])
				out_fmt("%s:\n", sig);
			out_fmt("%s:\n", name);
		}
		count = 0;
		if (linfo && d->nr_jited_ksyms)
			jited_linfo_func(d, f, &start, &count);
		jited_insns(d, j, d->image + off, len, addr, start, count);
		off += len;
		if (j)
			json_end_object(j);
		else
			out_char('\n');
	}
	if (j)
		json_end_array(j);
}
