/* Robustness of the BTF parser and formatter on hostile input: thousands
 * of deterministically mutated and truncated blobs (the test layouts, and
 * the kernel's vmlinux BTF when readable) must each be rejected cleanly
 * or parse, then resolve and format every type they have without reading
 * out of bounds or running away.  Deterministic (fixed seed), a few
 * seconds; the libFuzzer target tests/fuzz/fuzz_btf.c goes further. */
#include "unit.h"
#include "../helpers/btf_layouts.h"
#include "output/btf_fmt.h"
#include "output/out.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint32_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 16);
}

static int saved_fd = -1;

/* The formatter writes through out.c: send it to /dev/null. */
static void quiet_begin(void)
{
	int fd = open("/dev/null", O_WRONLY);

	out_flush();
	saved_fd = dup(1);
	dup2(fd, 1);
	close(fd);
}

static void quiet_end(void)
{
	out_flush();
	dup2(saved_fd, 1);
	close(saved_fd);
}

/* Resolve and format types of btf (all of them up to max, else a random
 * sample of max) over val; returns how many values formatted cleanly. */
static unsigned exercise(const struct btf *btf, const uint8_t *val, size_t n,
			 unsigned max)
{
	uint32_t end = btf_end_id(btf), i, id;
	unsigned ok = 0;
	struct json j;

	for (i = 0; i < end && i < max; i++) {
		id = end <= max ? i : rnd() % (end + 2);
		btf_resolve_size(btf, id);
		btf_resolve_type(btf, id, true);
		json_init(&j, (id & 1) != 0);
		ok += !btf_fmt_value_n(&j, btf, id, val, n, (id & 2) != 0);
	}
	return ok;
}

static void mutate(uint8_t *p, size_t *size)
{
	static const uint32_t interesting[] = {
		0, 1, 2, 3, 4, 7, 8, 12, 16, 24, 0x7f, 0x80, 0xff, 0xffff,
		0x10000, 0xffffff, 0x1000000, 0x7fffffff, 0x80000000, 0xffffffff,
	};
	unsigned n = 1 + rnd() % 4;
	uint32_t v;

	while (n-- && *size) {
		size_t at = rnd() % *size;

		switch (rnd() % 5) {
		case 0:
			p[at] ^= (uint8_t)(1u << (rnd() % 8));
			break;
		case 1:
			p[at] = (uint8_t)rnd();
			break;
		case 2:
		case 3:	/* a whole aligned word: offsets, sizes, ids, info */
			at &= ~(size_t)3;
			if (at + 4 > *size)
				break;
			v = rnd() % 2 ? interesting[rnd() % 20] : rnd();
			if (rnd() % 4 == 0)	/* a kind and vlen */
				v = (rnd() % 24) << 24 | (rnd() % 8) | (rnd() % 2) << 31;
			memcpy(p + at, &v, 4);
			break;
		default:
			*size = at;	/* truncate */
			break;
		}
	}
}

TEST(btf_robust_mutated_layouts)
{
	const struct map_layout *l;
	struct { void *blob; size_t size; } seeds[32];
	unsigned nseeds = 0, iter, parsed = 0, rejected = 0, formatted = 0;
	struct btf *base = NULL, *btf;
	uint8_t buf[8192], val[256];
	uint32_t k, v;
	struct bb b;
	size_t i, size;

	for (l = map_layouts; l->name && nseeds < 32; l++) {
		bb_init(&b);
		l->build(&b, &k, &v);
		seeds[nseeds].blob = bb_blob(&b, &seeds[nseeds].size);
		bb_free(&b);
		nseeds++;
	}
	CHECK_INT(btf_new(seeds[0].blob, seeds[0].size, NULL, &base), 0);
	quiet_begin();
	for (iter = 0; iter < 20000; iter++) {
		unsigned s = rnd() % nseeds;

		size = seeds[s].size;
		if (size > sizeof(buf))
			continue;
		memcpy(buf, seeds[s].blob, size);
		mutate(buf, &size);
		for (i = 0; i < sizeof(val); i++)
			val[i] = (uint8_t)rnd();
		/* Standalone, and split on a base every fourth time. */
		if (!btf_new(buf, size, iter % 4 ? NULL : base, &btf)) {
			parsed++;
			formatted += exercise(btf, val, rnd() % sizeof(val), 64);
			btf_free(btf);
		} else {
			rejected++;
		}
	}
	quiet_end();
	/* Both outcomes must occur, or the mutations test nothing. */
	CHECK(parsed > 1000 && rejected > 1000 && formatted > 1000);
	for (i = 0; i < nseeds; i++)
		free(seeds[i].blob);
	btf_free(base);
}

static void *read_file(const char *path, size_t *size)
{
	size_t cap = 8 << 20, len = 0;
	uint8_t *p;
	ssize_t r;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return NULL;
	p = malloc(cap);
	while (p && len < cap && (r = read(fd, p + len, cap - len)) > 0)
		len += (size_t)r;
	close(fd);
	*size = len;
	return p;
}

TEST(btf_robust_vmlinux)
{
	size_t size, msize;
	uint8_t *blob = read_file("/sys/kernel/btf/vmlinux", &size), *copy;
	static uint8_t val[16384];
	struct btf *btf;
	unsigned iter, ok;
	uint32_t type_len;
	size_t i;

	if (!blob || size < 64) {
		free(blob);
		SKIP("no readable /sys/kernel/btf/vmlinux");
	}
	for (i = 0; i < sizeof(val); i++)
		val[i] = (uint8_t)rnd();
	memcpy(&type_len, blob + 12, 4);
	copy = malloc(size);
	quiet_begin();
	/* Intact: every type resolved and formatted (zeroed and random data). */
	CHECK_INT(btf_new(blob, size, NULL, &btf), 0);
	if (btf) {
		ok = exercise(btf, val, sizeof(val), 1u << 31);
		CHECK(ok > btf_end_id(btf) / 4);	/* FUNCs have no value */
		btf_free(btf);
	}
	/* Mutations inside the header and type section, and truncations. */
	for (iter = 0; iter < 150; iter++) {
		unsigned n = 1 + rnd() % 8;

		memcpy(copy, blob, size);
		msize = size;
		while (n--) {
			size_t at = (rnd() % (24 + type_len)) & ~(size_t)3;
			uint32_t v = rnd() % 3 ? rnd() % 0x30000 : rnd();

			memcpy(copy + at, &v, 4);
		}
		if (iter % 5 == 0)
			msize = rnd() % size;
		if (!btf_new(copy, msize, NULL, &btf)) {
			exercise(btf, val, rnd() % sizeof(val), 300);
			btf_free(btf);
		}
	}
	quiet_end();
	free(copy);
	free(blob);
}
