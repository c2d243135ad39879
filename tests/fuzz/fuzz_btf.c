/* libFuzzer target for the BTF parser and formatters (src/btf/btf.c,
 * src/btf/elf.c, src/output/btf_fmt.c, btf_raw.c, btf_c.c): the input is
 * a BTF blob or an ELF object, parsed standalone and split on a fixed
 * base; every type of a parsed blob is resolved and formatted (plain and
 * JSON rules) over the input's own bytes as the value, and the blob is
 * dumped raw (plain, JSON) and as C, sorted and not, whole and from a
 * root type, with the output capped.  A blob parsed on the base is also
 * merged with a copy of itself (btf/dedup.c, as "btf dump file A file
 * B"), and the input's bytes go through both JIT disassemblers
 * (output/disasm_*.c).  Any crash, sanitizer report or
 * hang is a bug: untrusted BTF must give a clean error or output.  Built
 * and run by `make fuzz-btf` (tests/fuzz.mk). */
#include "../helpers/btf_layouts.h"
#include "output/btf_c.h"
#include "output/btf_fmt.h"
#include "output/btf_raw.h"
#include "output/disasm.h"
#include "output/out.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

static struct btf *base;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct bb b;
	uint32_t k, v;
	size_t size;
	void *blob;
	int fd = open("/dev/null", O_WRONLY);

	/* The formatter writes to stdout through out.c: discard it. */
	if (fd >= 0) {
		dup2(fd, 1);
		close(fd);
	}
	out_init();
	bb_init(&b);
	layout_chars(&b, &k, &v);
	blob = bb_blob(&b, &size);
	bb_free(&b);
	if (btf_new(blob, size, NULL, &base))
		abort();
	free(blob);
	return 0;
}

/* The compiled path of dumps prints the bytes the generic one does, as
 * plain BTF dumps, -p and -j write them, the first print compiling the
 * plan and the second reusing it.  Compared while the output stays in
 * out_buf. */
static void check_planned(const struct btf *btf, uint32_t id, const uint8_t *data,
			  size_t size, bool pretty, bool plain)
{
	static char generic[OUT_BUF_SIZE];
	struct btf_plan *plan = NULL;
	unsigned long before;
	struct json j;
	bool whole;
	size_t n;
	int err, i;

	out_flush();
	before = out_drains;
	json_init(&j, pretty);
	err = btf_fmt_value_n(&j, btf, id, data, size, plain);
	whole = out_drains == before;
	n = out_used;
	memcpy(generic, out_buf, n);
	for (i = 0; i < 2; i++) {
		out_flush();
		before = out_drains;
		json_init(&j, pretty);
		if (btf_fmt_value_planned(&plan, &j, btf, id, data, size, plain) != err)
			abort();
		if (whole && (out_drains != before || out_used != n || memcmp(out_buf, generic, n)))
			abort();
	}
	btf_plan_free(plan);
}

static void exercise(const struct btf *btf, const uint8_t *data, size_t size)
{
	uint32_t id, end = btf_end_id(btf);
	struct json j;

	/* Bound the work per input: the first types and the last ones. */
	for (id = 0; id < end; id++) {
		if (id == 64 && end > 128)
			id = end - 64;
		btf_resolve_size(btf, id);
		btf_resolve_type(btf, id, true);
		json_init(&j, true);
		btf_fmt_value_n(&j, btf, id, data, size, true);
		json_init(&j, false);
		btf_fmt_value_n(&j, btf, id, data, size, false);
		if (id >= 16 && id + 16 < end)
			continue;	/* a plan costs 2 MiB of buffers under ASan */
		check_planned(btf, id, data, size, true, true);	/* plain */
		check_planned(btf, id, data, size, true, false);	/* -p */
		check_planned(btf, id, data, size, false, false);	/* -j */
	}
	btf_find_by_name_kind(btf, "int", BTF_KIND_INT);
	out_flush();

	/* The dumpers, on at most a few thousand types (the C dumper's
	 * work grows with the type count), output capped at 1 MiB. */
	if (end > 4096)
		return;
	btf_raw_dump(btf, NULL, NULL, 0);
	json_init(&j, false);
	btf_raw_dump(btf, &j, NULL, 0);
	btf_c_dump(btf, NULL, 0, true, 1 << 20);
	btf_c_dump(btf, NULL, 0, false, 1 << 20);
	id = end - 1;
	btf_c_dump(btf, &id, 1, false, 1 << 20);
	out_flush();
}

/* Machine code is as untrusted as BTF: any bytes must decode to some
 * text, consuming at least one byte and never reading past the end. */
static void disassemble(const uint8_t *data, size_t size)
{
	char text[DISASM_TEXT_MAX];
	size_t pc, n;

	for (pc = 0; pc < size; pc += n) {
		n = disasm_x86_64(data + pc, size - pc, 0xffffffffc0000000ull + pc, text, sizeof(text));
		if (!n || n > size - pc)
			abort();
	}
	for (pc = 0; pc < size; pc += n) {
		n = disasm_arm64(data + pc, size - pc, 0xffff800080000000ull + pc, text, sizeof(text));
		if (!n || n > size - pc)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct btf *btf;

	if (!btf_new_any(data, size, NULL, &btf)) {
		exercise(btf, data, size);
		btf_free(btf);
	}
	if (!btf_new(data, size, base, &btf)) {
		struct btf *parts[2] = { btf, btf }, *merged;
		int failed;

		exercise(btf, data, size);
		if (btf_end_id(btf) <= 4096 && !btf_merge(base, parts, 2, &failed, &merged)) {
			exercise(merged, data, size);
			btf_free(merged);
		}
		btf_free(btf);
	}
	disassemble(data, size);
	return 0;
}
