/* tools/helper-args: writes src/kernel/helper_args.h, the hints of the
 * helper probe chains (see src/kernel/probe.c), from the running kernel:
 * for each helper, the arguments (ARG_* per register) that pass the
 * verifier's checks of its call in the most program types, and for each
 * program type the helpers that pass with them.  Run as root:
 *   cc -D_GNU_SOURCE -Isrc -Iinclude -o /tmp/helper-args tools/helper-args.c \
 *      src/kernel/sys_bpf.c && /tmp/helper-args > src/kernel/helper_args.h
 * The hints only make the probes faster; any kernel answers the same. */
#include "kernel/probe.c"

/* Does id's call pass with args?  It is tried where a chain has it:
 * after a call (bpf_get_prandom_u32, which every type has), so that no
 * register but those args set is initialized, and before one more. */
static bool passes(struct probe *p, uint32_t type, uint32_t id, uint16_t args)
{
	uint32_t ids[3] = { 7, id, 1 };
	uint16_t three[3] = { 0, args, 0 };
	static struct chain c;

	load_typed(p, type, c.insns, chain_build(&c, p, ids, three, 3), true);
	return chain_passed(&c, p->log) >= 2;
}

/* Every set of arguments (ARG_* per register), fewest given first. */
static unsigned sets(uint16_t *out)
{
	unsigned n = 0, a, j, given;

	for (given = 0; given <= 5; given++)
		for (a = 0; a < 1u << 15; a++) {
			unsigned count = 0;

			for (j = 0; j < 5; j++)
				count += (a >> 3 * j & 7) != ARG_NONE;
			if (count == given)
				out[n++] = (uint16_t)a;
		}
	return n;
}

int main(void)
{
	static bool sup[BPF_PROG_TYPE_COUNT][BPF_HELPER_COUNT];
	static uint16_t all[1u << 15], cand[16], best[BPF_HELPER_COUNT];
	static uint8_t pass[BPF_PROG_TYPE_COUNT][PROBE_HELPER_BYTES];
	static bool passes_any[BPF_HELPER_COUNT];
	unsigned nall = sets(all), i, n, hint[BPF_HELPER_COUNT];
	struct probe p;
	uint32_t type, id;

	probe_init(&p, NULL, 0);
	chain_maps(&p);
	for (type = 1; type < BPF_PROG_TYPE_COUNT; type++)
		for (id = 1; id < BPF_HELPER_COUNT; id++)
			sup[type][id] = !needs_target(type) && probe_helper(&p, type, id);
	for (type = 1; type < BPF_PROG_TYPE_COUNT; type++)
		if (!sup[type][7])	/* no hints where passes() cannot ask */
			memset(sup[type], 0, sizeof(sup[type]));
	for (id = 1; id < BPF_HELPER_COUNT; id++) {
		unsigned nc = 0, bestn = 0, c, a, reps = 0;

		for (type = 1; type < BPF_PROG_TYPE_COUNT && nc == 0 && reps < 3; type++) {
			if (!sup[type][id])
				continue;
			reps++;
			for (a = 0; a < nall && nc < 16; a++)
				if (passes(&p, type, id, all[a]))
					cand[nc++] = all[a];
		}
		for (c = 0; c < nc; c++) {
			unsigned k = 0;

			for (type = 1; type < BPF_PROG_TYPE_COUNT; type++)
				k += sup[type][id] && passes(&p, type, id, cand[c]);
			if (k > bestn)
				bestn = k, best[id] = cand[c];
		}
		for (type = 1; type < BPF_PROG_TYPE_COUNT; type++)
			if (bestn && sup[type][id] && passes(&p, type, id, best[id])) {
				pass[type][id / 8] |= (uint8_t)(1 << id % 8);
				passes_any[id] = true;
			}
		fprintf(stderr, "%u: %u %#x\n", id, bestn, best[id]);
	}
	for (id = 1, n = 0; id < BPF_HELPER_COUNT; id++)
		if (passes_any[id])
			hint[n++] = id;
	if (n && hint[n - 1] > 255) {
		fprintf(stderr, "helper-args: helper %u does not fit hint_id\n", hint[n - 1]);
		return 1;
	}
	printf("/* Written by tools/helper-args on Linux 6.18. */\n");
	printf("#define CHAIN_HINTS %u\n", n);
	printf("static const uint8_t hint_id[CHAIN_HINTS] = {");
	for (i = 0; i < n; i++)
		printf("%s%u,", i % 16 ? " " : "\n\t", hint[i]);
	printf("\n};\n\nstatic const uint16_t hint_args[CHAIN_HINTS] = {");
	for (i = 0; i < n; i++)
		printf("%s%#x,", i % 10 ? " " : "\n\t", best[hint[i]]);
	printf("\n};\n\nstatic const uint8_t hint_passes[BPF_PROG_TYPE_COUNT][(CHAIN_HINTS + 7) / 8] = {");
	for (type = 0; type < BPF_PROG_TYPE_COUNT; type++) {
		uint8_t row[(BPF_HELPER_COUNT + 7) / 8] = { 0 };
		bool any = false;

		for (i = 0; i < n; i++)
			if (pass[type][hint[i] / 8] >> hint[i] % 8 & 1) {
				row[i / 8] |= (uint8_t)(1 << i % 8);
				any = true;
			}
		if (!any)
			continue;
		printf("\n\t[%u] = {", type);
		for (i = 0; i < (n + 7) / 8; i++)
			printf(" %#x,", row[i]);
		printf(" },");
	}
	printf("\n};\n");
	return 0;
}
