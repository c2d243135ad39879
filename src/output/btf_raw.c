/* btf_raw: bpftool's raw BTF listing (src/btf.c dump_btf_type() in
 * upstream bpftool): "[id] KIND 'name'" and the kind's fields, one
 * member, value or parameter per tab-indented line; with -j/-p the same
 * fields as an object per type in {"types": [...]}.  Names read "(anon)"
 * for offset 0 and "(invalid)" for an offset outside the strings. */
#include "output/btf_raw.h"
#include "output/out.h"

/* bpftool's kind names, indexed by kind. */
static const char kind_names[][11] = {
	"UNKNOWN", "INT", "PTR", "ARRAY", "STRUCT", "UNION", "ENUM", "FWD",
	"TYPEDEF", "VOLATILE", "CONST", "RESTRICT", "FUNC", "FUNC_PROTO",
	"VAR", "DATASEC", "FLOAT", "DECL_TAG", "TYPE_TAG", "ENUM64",
};

const char *btf_kind_str(unsigned kind)
{
	return kind_names[kind < NR_BTF_KINDS ? kind : 0];
}

static const char *name_of(const struct btf *btf, uint32_t off)
{
	const char *s;

	if (!off)
		return "(anon)";
	s = btf_name_by_offset(btf, off);
	return s ? s : "(invalid)";
}

static const char *linkage_str(uint32_t linkage)
{
	static const char names[][7] = { "static", "global", "extern" };

	return linkage < 3 ? names[linkage] : "(unknown)";
}

static const char *int_encoding(unsigned enc)
{
	switch (enc) {
	case 0:
		return "(none)";
	case BTF_INT_SIGNED:
		return "SIGNED";
	case BTF_INT_CHAR:
		return "CHAR";
	case BTF_INT_BOOL:
		return "BOOL";
	}
	return "UNKN";
}

/* One "name=value" field, a string (str) or else the number v:
 * " name=v" in plain text (sep is the text before the name there),
 * "name": v in JSON. */
static void field(struct json *j, const char *sep, const char *name,
		  const char *str, uint64_t v)
{
	if (j) {
		json_name(j, name);
		if (str)
			json_string(j, str);
		else
			json_uint(j, v);
		return;
	}
	out_str(sep);
	out_str(name);
	out_char('=');
	if (str)
		out_str(str);
	else
		out_u64(v);
}

static void field_u(struct json *j, const char *sep, const char *name, uint64_t v)
{
	field(j, sep, name, NULL, v);
}

static void field_s(struct json *j, const char *sep, const char *name, const char *v)
{
	field(j, sep, name, v, 0);
}

/* The element list: "name": [ in JSON. */
static void list_start(struct json *j, const char *name)
{
	if (j) {
		json_name(j, name);
		json_start_array(j);
	}
}

/* " size=N vlen=N" (or another first field), then the list. */
static void list_head(struct json *j, const char *first, uint64_t v, unsigned vlen,
		      const char *list)
{
	field_u(j, " ", first, v);
	field_u(j, " ", "vlen", vlen);
	list_start(j, list);
}

static void list_end(struct json *j)
{
	if (j)
		json_end_array(j);
}

/* One element: an object in JSON, a "\n\t" line in plain text, with its
 * name quoted first when it has one. */
static void elem_start(struct json *j, const char *name)
{
	if (j) {
		json_start_object(j);
		if (name)
			json_string_field(j, "name", name);
		return;
	}
	out_str("\n\t");
	if (name) {
		out_char('\'');
		out_str(name);
		out_str("' ");
	}
}

static void elem_end(struct json *j)
{
	if (j)
		json_end_object(j);
}

static void dump_members(const struct btf *btf, const struct btf_type *t,
			 struct json *j)
{
	const struct btf_member *m = btf_members(t);
	unsigned i, vlen = btf_vlen(t);

	list_head(j, "size", t->size, vlen, "members");
	for (i = 0; i < vlen; i++) {
		uint32_t bits = btf_member_bitfield_size(t, i);

		elem_start(j, name_of(btf, m[i].name_off));
		field_u(j, "", "type_id", m[i].type);
		field_u(j, " ", "bits_offset", btf_member_bit_offset(t, i));
		if (bits)
			field_u(j, " ", "bitfield_size", bits);
		elem_end(j);
	}
	list_end(j);
}

static void dump_enum(const struct btf *btf, const struct btf_type *t,
		      struct json *j)
{
	unsigned i, vlen = btf_vlen(t);
	bool is64 = btf_kind(t) == BTF_KIND_ENUM64, sign = btf_kflag(t);

	field_s(j, " ", "encoding", sign ? "SIGNED" : "UNSIGNED");
	list_head(j, "size", t->size, vlen, "values");
	for (i = 0; i < vlen; i++) {
		uint64_t v;
		uint32_t name;

		if (is64) {
			const struct btf_enum64 *e = btf_enums64(t) + i;

			name = e->name_off;
			v = (uint64_t)e->val_hi32 << 32 | e->val_lo32;
		} else {
			const struct btf_enum *e = btf_enums(t) + i;

			name = e->name_off;
			v = sign ? (uint64_t)(int64_t)e->val : (uint32_t)e->val;
		}
		elem_start(j, name_of(btf, name));
		if (j && sign) {
			json_int_field(j, "val", (int64_t)v);
		} else if (j) {
			json_uint_field(j, "val", v);
		} else {
			out_str("val=");
			if (sign)
				out_i64((int64_t)v);
			else
				out_u64(v);
			if (is64)
				out_str(sign ? "LL" : "ULL");
		}
		elem_end(j);
	}
	list_end(j);
}

static void dump_type(const struct btf *btf, uint32_t id, struct json *j)
{
	const struct btf_type *t = btf_type_by_id(btf, id);
	unsigned kind = btf_kind(t), i, vlen = btf_vlen(t);

	if (j) {
		json_start_object(j);
		json_uint_field(j, "id", id);
		json_string_field(j, "kind", btf_kind_str(kind));
		json_string_field(j, "name", name_of(btf, t->name_off));
	} else {
		out_char('[');
		out_u64(id);
		out_str("] ");
		out_str(btf_kind_str(kind));
		out_str(" '");
		out_str(name_of(btf, t->name_off));
		out_char('\'');
	}

	switch (kind) {
	case BTF_KIND_INT: {
		uint32_t v = btf_int_data(t);

		field_u(j, " ", "size", t->size);
		field_u(j, " ", "bits_offset", BTF_INT_OFFSET(v));
		field_u(j, " ", "nr_bits", BTF_INT_BITS(v));
		field_s(j, " ", "encoding", int_encoding(BTF_INT_ENCODING(v)));
		break;
	}
	case BTF_KIND_PTR:
	case BTF_KIND_CONST:
	case BTF_KIND_VOLATILE:
	case BTF_KIND_RESTRICT:
	case BTF_KIND_TYPEDEF:
	case BTF_KIND_TYPE_TAG:
		field_u(j, " ", "type_id", t->type);
		break;
	case BTF_KIND_ARRAY:
		field_u(j, " ", "type_id", btf_array(t)->type);
		field_u(j, " ", "index_type_id", btf_array(t)->index_type);
		field_u(j, " ", "nr_elems", btf_array(t)->nelems);
		break;
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		dump_members(btf, t, j);
		break;
	case BTF_KIND_ENUM:
	case BTF_KIND_ENUM64:
		dump_enum(btf, t, j);
		break;
	case BTF_KIND_FWD:
		field_s(j, " ", "fwd_kind", btf_kflag(t) ? "union" : "struct");
		break;
	case BTF_KIND_FUNC:
		field_u(j, " ", "type_id", t->type);
		field_s(j, " ", "linkage", linkage_str(vlen));
		break;
	case BTF_KIND_FUNC_PROTO:
		list_head(j, "ret_type_id", t->type, vlen, "params");
		for (i = 0; i < vlen; i++) {
			elem_start(j, name_of(btf, btf_params(t)[i].name_off));
			field_u(j, "", "type_id", btf_params(t)[i].type);
			elem_end(j);
		}
		list_end(j);
		break;
	case BTF_KIND_VAR:
		field_u(j, " ", "type_id", t->type);
		/* bpftool's comma */
		field_s(j, ", ", "linkage", linkage_str(btf_var(t)->linkage));
		break;
	case BTF_KIND_DATASEC:
		list_head(j, "size", t->size, vlen, "vars");
		for (i = 0; i < vlen; i++) {
			const struct btf_var_secinfo *v = btf_secinfos(t) + i;
			const struct btf_type *vt;

			elem_start(j, NULL);
			field_u(j, "", "type_id", v->type);
			field_u(j, " ", "offset", v->offset);
			field_u(j, " ", "size", v->size);
			vt = j ? NULL : btf_type_by_id(btf, v->type);
			if (vt) {
				out_str(" (");
				out_str(btf_kind_str(btf_kind(vt)));
				out_str(" '");
				out_str(name_of(btf, vt->name_off));
				out_str("')");
			}
			elem_end(j);
		}
		list_end(j);
		break;
	case BTF_KIND_FLOAT:
		field_u(j, " ", "size", t->size);
		break;
	case BTF_KIND_DECL_TAG:
		field_u(j, " ", "type_id", t->type);
		if (j) {
			json_int_field(j, "component_idx", btf_decl_tag(t)->component_idx);
		} else {
			out_str(" component_idx=");
			out_i64(btf_decl_tag(t)->component_idx);
		}
		break;
	}
	if (j)
		json_end_object(j);
	else
		out_char('\n');
}

void btf_raw_dump(const struct btf *btf, struct json *j, const uint32_t *ids,
		  size_t n)
{
	uint32_t id, end = btf_end_id(btf);
	size_t i;

	if (j) {
		json_start_object(j);
		json_name(j, "types");
		json_start_array(j);
	}
	if (n) {
		for (i = 0; i < n; i++)
			dump_type(btf, ids[i], j);
	} else {
		for (id = btf_start_id(btf); id < end; id++)
			dump_type(btf, id, j);
	}
	if (j) {
		json_end_array(j);
		json_end_object(j);
	}
	out_line_done();
}
