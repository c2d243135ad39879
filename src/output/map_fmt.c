/* map_fmt: entry layouts of bpftool's map.c (print_entry_plain,
 * print_entry_json, print_entry_error, do_dump_btf), written through
 * out.c/json.c with one call per byte pair instead of printf. */
#include "output/map_fmt.h"
#include "output/btf_fmt.h"
#include "output/errstr.h"
#include "output/out.h"
#include "lib/names.h"

#include <errno.h>
#include <string.h>

bool map_is_map_of_maps(uint32_t type)
{
	return type == BPF_MAP_TYPE_ARRAY_OF_MAPS ||
	       type == BPF_MAP_TYPE_HASH_OF_MAPS;
}

static size_t percpu_step(const struct bpf_map_info *info)
{
	return ((size_t)info->value_size + 7) & ~(size_t)7;
}

size_t map_value_bytes(const struct bpf_map_info *info, unsigned cpus)
{
	if (map_type_per_cpu(info->type))
		return percpu_step(info) * cpus;
	return info->value_size;
}

void hex_plain(const uint8_t *d, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	char buf[4 * 128];
	size_t i = 0;

	while (i < n) {
		char *p = buf;
		size_t end = n - i > 128 ? i + 128 : n;

		for (; i < end; i++) {
			if (i) {
				if (!(i % 16)) {
					*p++ = '\n';
				} else if (!(i % 8)) {
					*p++ = ' ';
					*p++ = ' ';
				} else {
					*p++ = ' ';
				}
			}
			*p++ = hex[d[i] >> 4];
			*p++ = hex[d[i] & 15];
		}
		out_write(buf, (size_t)(p - buf));
	}
}

static uint32_t read_u32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/* do_dump_btf(): {"key": K, "value": V} or per-CPU "values". */
static void entry_btf(const struct entry_fmt *f, const uint8_t *key,
		      const uint8_t *value)
{
	const struct bpf_map_info *info = f->info;
	uint32_t value_id = info->btf_vmlinux_value_type_id ?
			    info->btf_vmlinux_value_type_id : info->btf_value_type_id;
	bool plain = !f->json;
	unsigned i;

	/* The buffers hold key_size and value_size bytes (per CPU): a BTF
	 * type claiming more must not make the formatter read past them. */
	json_start_object(f->jw);
	if (info->btf_key_type_id) {
		json_name(f->jw, "key");
		if (btf_fmt_value_planned(f->plans, f->jw, f->btf, info->btf_key_type_id,
					  key, info->key_size, plain))
			goto out;
	}
	if (!map_type_per_cpu(info->type)) {
		json_name(f->jw, "value");
		btf_fmt_value_planned(f->plans ? f->plans + 1 : NULL, f->jw, f->btf,
				      value_id, value, info->value_size, plain);
		goto out;
	}
	json_name(f->jw, "values");
	json_start_array(f->jw);
	for (i = 0; i < f->cpus; i++) {
		int err;

		json_start_object(f->jw);
		json_int_field(f->jw, "cpu", i);
		json_name(f->jw, "value");
		err = btf_fmt_value_n(f->jw, f->btf, value_id,
				      value + i * percpu_step(info), info->value_size,
				      plain);
		json_end_object(f->jw);
		if (err)
			break;
	}
	json_end_array(f->jw);
out:
	json_end_object(f->jw);
}

static void entry_json(const struct entry_fmt *f, const uint8_t *key,
		       const uint8_t *value)
{
	const struct bpf_map_info *info = f->info;
	struct json *j = f->jw;
	unsigned i;

	json_start_object(j);
	json_name(j, "key");
	json_hex_array(j, key, info->key_size);
	if (!map_type_per_cpu(info->type)) {
		json_name(j, "value");
		json_hex_array(j, value, info->value_size);
		if (map_is_map_of_maps(info->type) && info->value_size >= 4)
			json_uint_field(j, "inner_map_id", read_u32(value));
	} else {
		json_name(j, "values");
		json_start_array(j);
		for (i = 0; i < f->cpus; i++) {
			json_start_object(j);
			json_int_field(j, "cpu", i);
			json_name(j, "value");
			json_hex_array(j, value + i * percpu_step(info),
				       info->value_size);
			json_end_object(j);
		}
		json_end_array(j);
	}
	if (f->btf) {
		json_name(j, "formatted");
		entry_btf(f, key, value);
	}
	json_end_object(j);
}

static void entry_plain(const struct entry_fmt *f, const uint8_t *key,
			const uint8_t *value)
{
	const struct bpf_map_info *info = f->info;
	unsigned i;

	if (!map_type_per_cpu(info->type)) {
		bool break_names = info->key_size > 16 || info->value_size > 16;
		bool one_line = info->key_size + info->value_size <= 24 &&
				!break_names;
		char sep = break_names ? '\n' : ' ';

		if (info->key_size) {
			out_str("key:");
			out_char(sep);
			hex_plain(key, info->key_size);
			out_str(one_line ? "  " : "\n");
		}
		if (info->value_size) {
			if (map_is_map_of_maps(info->type) && info->value_size >= 4) {
				out_str("inner_map_id:");
				out_char(sep);
				out_u64(read_u32(value));
				out_char(' ');
			} else {
				out_str("value:");
				out_char(sep);
				hex_plain(value, info->value_size);
			}
		}
		out_char('\n');
		return;
	}
	if (info->key_size) {
		out_str("key:\n");
		hex_plain(key, info->key_size);
		out_char('\n');
	}
	if (!info->value_size)
		return;
	for (i = 0; i < f->cpus; i++) {
		out_str("value (CPU ");
		if (i < 10)
			out_char('0');	/* "%02u" */
		out_u64(i);
		out_str("):");
		out_char(info->value_size > 16 ? '\n' : ' ');
		hex_plain(value + i * percpu_step(info), info->value_size);
		out_char('\n');
	}
}

void entry_print(const struct entry_fmt *f, const uint8_t *key, const uint8_t *value)
{
	if (f->json)
		entry_json(f, key, value);
	else if (f->btf)
		entry_btf(f, key, value);
	else
		entry_plain(f, key, value);
}

void entry_print_error(const struct entry_fmt *f, const uint8_t *key, int err)
{
	const struct bpf_map_info *info = f->info;
	const char *msg;
	bool break_names, one_line;
	size_t len;

	/* For fd arrays (programs, maps) a missing value just means an
	 * empty slot: bpftool prints nothing for it. */
	if ((map_is_map_of_maps(info->type) || info->type == BPF_MAP_TYPE_PROG_ARRAY) &&
	    err == -ENOENT)
		return;
	if (f->json) {
		json_start_object(f->jw);
		json_name(f->jw, "key");
		json_hex_array(f->jw, key, info->key_size);
		json_name(f->jw, "value");
		json_start_object(f->jw);
		json_string_field(f->jw, "error", errstr(err));
		json_end_object(f->jw);
		json_end_object(f->jw);
		return;
	}
	if (err == -ENOENT)
		msg = "<no entry>";
	else if (err == -ENOSPC && info->type == BPF_MAP_TYPE_REUSEPORT_SOCKARRAY)
		msg = "<cannot read>";
	else
		msg = errstr(err);
	len = strlen(msg);
	break_names = info->key_size > 16 || len > 16;
	one_line = info->key_size + len <= 24 && !break_names;
	out_str("key:");
	out_char(break_names ? '\n' : ' ');
	hex_plain(key, info->key_size);
	out_str(one_line ? "  " : "\n");
	out_str("value:");
	out_char(break_names ? '\n' : ' ');
	out_str(msg);
	out_char('\n');
}
