/* btf_fmt: a value of a BTF type as one JSON value, laid out as bpftool's
 * btf_dumper (btf_dumper.c) does for "map dump"/"map lookup": plain_text
 * is bpftool's is_plain_text (plain output: a pretty JSON writer with
 * unquoted hex for bitfields and 128-bit ints, "%p" pointers), otherwise
 * -j/-p output.  Deviations from bpftool are in docs/compat.md. */
#ifndef BPFBOX_BTF_FMT_H
#define BPFBOX_BTF_FMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "btf/btf.h"
#include "output/json.h"

/* Write the value of type_id at data (btf_resolve_size(type_id) bytes).
 * Returns 0 or -errno; on error the JSON written so far is still well
 * nested (containers closed), as bpftool closes them. */
int btf_fmt_value(struct json *j, const struct btf *btf, uint32_t type_id,
		  const void *data, bool plain_text);
/* The same with the bytes available at data given: nothing past
 * data + size is read, whatever the BTF says. */
int btf_fmt_value_n(struct json *j, const struct btf *btf, uint32_t type_id,
		    const void *data, size_t size, bool plain_text);

/* btf_fmt_value_n() for many values of one type (-j dumps): *plan is
 * the type compiled on first use, or marked as not compilable; the
 * caller frees it with btf_plan_free(). */
struct btf_plan;
int btf_fmt_value_planned(struct btf_plan **plan, struct json *j, const struct btf *btf,
			  uint32_t type_id, const void *data, size_t size, bool plain_text);
void btf_plan_free(struct btf_plan *plan);

#endif
