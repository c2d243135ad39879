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

	load_typed(p, type, c.insns, chain_build(&c, ids, three, 3), true);
	return chain_passed(&c, p->log) >= 2;
}

/* Every set of arguments (ARG_* per register), fewest given first. */
static unsigned sets(uint16_t *out)
{
	unsigned n = 0, a, j, given;

	for (given = 0; given <= 5; given++)
		for (a = 0; a < 3125; a++) {
			unsigned v = a, args = 0, count = 0;

			for (j = 0; j < 5; j++, v /= 5) {
				args |= (v % 5) << 3 * j;
				count += v % 5 != ARG_NONE;
			}
			if (count == given)
				out[n++] = (uint16_t)args;
		}
	return n;
}

int main(void)
{
	static bool sup[BPF_PROG_TYPE_COUNT][BPF_HELPER_COUNT];
	static uint16_t all[3125], cand[16], best[BPF_HELPER_COUNT];
	static uint8_t pass[BPF_PROG_TYPE_COUNT][PROBE_HELPER_BYTES];
	unsigned nall = sets(all), i;
	struct probe p;
	uint32_t type, id;

	probe_init(&p, NULL, 0);
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
			if (bestn && sup[type][id] && passes(&p, type, id, best[id]))
				pass[type][id / 8] |= (uint8_t)(1 << id % 8);
		fprintf(stderr, "%u: %u %#x\n", id, bestn, best[id]);
	}
	printf("/* Written by tools/helper-args on Linux 6.18. */\n");
	printf("static const uint16_t helper_args[BPF_HELPER_COUNT] = {");
	for (id = 0; id < BPF_HELPER_COUNT; id++)
		printf("%s%#x,", id % 10 ? " " : "\n\t", best[id]);
	printf("\n};\n\nstatic const uint8_t helper_passes[BPF_PROG_TYPE_COUNT][PROBE_HELPER_BYTES] = {");
	for (type = 0; type < BPF_PROG_TYPE_COUNT; type++) {
		for (i = 0; i < PROBE_HELPER_BYTES; i++)
			if (pass[type][i])
				break;
		if (i == PROBE_HELPER_BYTES)
			continue;
		printf("\n\t[%u] = {", type);
		for (i = 0; i < PROBE_HELPER_BYTES; i++)
			printf("%s%#x,", i % 14 ? " " : "\n\t\t", pass[type][i]);
		printf("\n\t},");
	}
	printf("\n};\n");
	return 0;
}
