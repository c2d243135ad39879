/* mapfill: fill or churn a pinned map, for tests and tools/bench.
 *
 *   mapfill PATH COUNT        keys 0..COUNT-1 (little-endian index in
 *                             the key's first bytes), value bytes derived
 *                             from the index; BPF_MAP_UPDATE_BATCH when
 *                             the kernel has it, else one update each
 *   mapfill --many DIR N      create N small array maps, pinned DIR/mI
 *   mapfill --churn PATH SECONDS
 *                             delete and re-add keys 0..max_entries-1 in
 *                             a loop, to test dumps of a changing map
 *   mapfill --bucket PATH BUCKET COUNT
 *                             add COUNT 4-byte keys (from 0x10000000 up)
 *                             that all land in hash bucket BUCKET of a
 *                             map created with BPF_F_ZERO_SEED (flags
 *                             0x40): a bucket as big as we like
 * Uses bpfbox's own syscall layer; needs no libbpf. */
#include "kernel/sys_bpf.h"
#include "kernel/sys_proc.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define CHUNK 65536u

static int die(const char *what, int err)
{
	fprintf(stderr, "mapfill: %s: %s\n", what, strerror(-err));
	return 1;
}

static void make_entry(uint64_t i, uint8_t *key, uint32_t ks, uint8_t *val,
		       size_t vs)
{
	size_t b;

	memset(key, 0, ks);
	for (b = 0; b < ks && b < 8; b++)
		key[b] = (uint8_t)(i >> (8 * b));
	for (b = 0; b < vs; b++)
		val[b] = (uint8_t)(i * 31 + b);
}

static size_t value_bytes(const struct bpf_map_info *info)
{
	int cpus = sys_possible_cpus();
	bool percpu = info->type == BPF_MAP_TYPE_PERCPU_HASH ||
		      info->type == BPF_MAP_TYPE_PERCPU_ARRAY ||
		      info->type == BPF_MAP_TYPE_LRU_PERCPU_HASH;

	if (!percpu)
		return info->value_size;
	return (((size_t)info->value_size + 7) & ~(size_t)7) * (size_t)(cpus > 0 ? cpus : 1);
}

static int fill(int fd, const struct bpf_map_info *info, uint64_t count)
{
	size_t vs = value_bytes(info);
	uint8_t *keys = malloc((size_t)CHUNK * info->key_size);
	uint8_t *vals = malloc((size_t)CHUNK * vs);
	uint64_t done = 0;
	int batch = 1, err;

	if (!keys || !vals)
		return die("malloc", -ENOMEM);
	while (done < count) {
		uint32_t n = count - done < CHUNK ? (uint32_t)(count - done) : CHUNK, i;

		for (i = 0; i < n; i++)
			make_entry(done + i, keys + (size_t)i * info->key_size,
				   info->key_size, vals + (size_t)i * vs, vs);
		if (batch) {
			uint32_t c = n;

			err = sys_map_update_batch(fd, keys, vals, &c, 0);
			if (!err) {
				done += n;
				continue;
			}
			if (err != -EINVAL && err != -524 && err != -EOPNOTSUPP)
				return die("update batch", err);
			batch = 0;
		}
		for (i = 0; i < n; i++) {
			err = sys_map_update(fd, keys + (size_t)i * info->key_size,
					     vals + (size_t)i * vs, 0);
			if (err)
				return die("update", err);
		}
		done += n;
	}
	return 0;
}

static int churn(int fd, const struct bpf_map_info *info, int seconds)
{
	size_t vs = value_bytes(info);
	uint8_t *key = malloc(info->key_size), *val = malloc(vs);
	time_t end = time(NULL) + seconds;
	uint64_t i = 0;

	if (!key || !val)
		return die("malloc", -ENOMEM);
	while (time(NULL) < end) {
		make_entry(i % info->max_entries, key, info->key_size, val, vs);
		sys_map_delete(fd, key);
		sys_map_update(fd, key, val, 0);
		i++;
	}
	return 0;
}

/* The kernel's htab_map_hash() of a 4-byte key with seed 0: jhash2 of
 * one word (5.10's byte-wise jhash gives the same for 4 bytes), then
 * hash & (n_buckets - 1) with n_buckets max_entries rounded up to a
 * power of two.  Bob Jenkins' lookup3 final mix, as include/linux/jhash.h. */
static uint32_t rol32(uint32_t x, int n)
{
	return (x << n) | (x >> (32 - n));
}

static uint32_t htab_hash_u32(uint32_t key)
{
	uint32_t a, b, c;

	a = b = c = 0xdeadbeef + 4;
	a += key;
	c ^= b; c -= rol32(b, 14);
	a ^= c; a -= rol32(c, 11);
	b ^= a; b -= rol32(a, 25);
	c ^= b; c -= rol32(b, 16);
	a ^= c; a -= rol32(c, 4);
	b ^= a; b -= rol32(a, 14);
	c ^= b; c -= rol32(b, 24);
	return c;
}

static int bucket(int fd, const struct bpf_map_info *info, uint32_t want, uint32_t count)
{
	uint32_t buckets = 1, key = 0x10000000;
	size_t vs = value_bytes(info);
	uint8_t *val = malloc(vs);
	int err;

	if (!val)
		return die("malloc", -ENOMEM);
	if (info->key_size != 4 || !(info->map_flags & 0x40))
		return die("--bucket needs a 4-byte key and flags 0x40 (zero seed)", -EINVAL);
	while (buckets < info->max_entries)
		buckets <<= 1;
	for (; count; key++) {
		if ((htab_hash_u32(key) & (buckets - 1)) != want)
			continue;
		make_entry(key, (uint8_t *)&key, 0, val, vs);
		err = sys_map_update(fd, &key, val, 0);
		if (err)
			return die("update", err);
		count--;
	}
	free(val);
	return 0;
}

static int many(const char *dir, int n)
{
	char path[4096];
	int i, fd, err;

	for (i = 0; i < n; i++) {
		struct bpf_attr_map_create a;

		memset(&a, 0, sizeof(a));
		a.map_type = BPF_MAP_TYPE_ARRAY;
		a.key_size = 4;
		a.value_size = 8;
		a.max_entries = 1;
		snprintf(a.map_name, sizeof(a.map_name), "m%d", i);
		fd = sys_map_create(&a);
		if (fd < 0)
			return die("map create", fd);
		snprintf(path, sizeof(path), "%s/m%d", dir, i);
		err = sys_obj_pin(fd, path);
		close(fd);
		if (err)
			return die(path, err);
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct bpf_map_info info;
	int fd, err, churning = argc == 4 && !strcmp(argv[1], "--churn");
	int bucketing = argc == 5 && !strcmp(argv[1], "--bucket");

	if (argc == 4 && !strcmp(argv[1], "--many"))
		return many(argv[2], atoi(argv[3]));

	if (argc != 3 && !churning && !bucketing) {
		fprintf(stderr, "usage: mapfill PATH COUNT | --many DIR N | --churn PATH SECONDS"
			" | --bucket PATH BUCKET COUNT\n");
		return 2;
	}
	fd = sys_obj_get(argv[1 + (churning || bucketing)], 0);
	if (fd < 0)
		return die(argv[1 + (churning || bucketing)], fd);
	err = sys_map_info(fd, &info);
	if (err)
		return die("map info", err);
	if (churning)
		return churn(fd, &info, atoi(argv[3]));
	if (bucketing)
		return bucket(fd, &info, (uint32_t)strtoul(argv[3], NULL, 0),
			      (uint32_t)strtoul(argv[4], NULL, 0));
	return fill(fd, &info, strtoull(argv[2], NULL, 0));
}
