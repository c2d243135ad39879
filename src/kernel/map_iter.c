/* map_iter: batched map reads with a get_next_key fallback.
 *
 * Kernel facts this relies on:
 *  - LOOKUP_BATCH (5.6) on hash maps walks buckets in the same order as
 *    get_next_key, and on arrays indices in order, so output is the same.
 *  - It fails with ENOSPC when one hash bucket holds more entries than
 *    the batch has room for: grow the batch and retry.
 *  - It returns ENOENT together with the last entries at the end.
 *  - EINVAL / ENOTSUPP(524) / EOPNOTSUPP mean no batch support for this
 *    kernel or map: fall back before anything was read.
 *  - get_next_key on a hash map whose current key was deleted restarts
 *    from the first key: the walk detects that and gives up after a few
 *    restarts instead of looping forever on a busy map. */
#include "kernel/map_iter.h"
#include "kernel/sys_bpf.h"
#include "lib/names.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define ENOTSUPP_KERNEL 524
#define BATCH_BYTES (1u << 18)	/* keys + values per batch: 256 KiB */
#define BATCH_MIN 64
#define BATCH_MAX (1u << 14)
#define RESTARTS_MAX 3

static int batch_alloc(struct map_iter *it, uint32_t cap)
{
	uint8_t *k = realloc(it->keys, (size_t)cap * it->key_size);
	uint8_t *v;

	if (!k)
		return -ENOMEM;
	it->keys = k;
	v = realloc(it->values, (size_t)cap * it->value_bytes);
	if (!v)
		return -ENOMEM;
	it->values = v;
	it->cap = cap;
	return 0;
}

int map_iter_init(struct map_iter *it, int fd, const struct bpf_map_info *info,
		  size_t value_bytes, bool may_batch)
{
	size_t entry = info->key_size + value_bytes, token;
	uint32_t cap;

	memset(it, 0, sizeof(*it));
	it->fd = fd;
	it->key_size = info->key_size;
	it->value_bytes = value_bytes;
	/* A map cannot change size, so 4x its entries bounds any honest walk. */
	it->max_steps = (uint64_t)info->max_entries * 4 + 1024;
	it->use_batch = may_batch && map_type_batches(info->type) && info->key_size;

	it->key = malloc(info->key_size ? info->key_size : 1);
	it->first_key = malloc(info->key_size ? info->key_size : 1);
	it->next_key = malloc(info->key_size ? info->key_size : 1);
	it->value = malloc(value_bytes ? value_bytes : 1);
	if (!it->key || !it->first_key || !it->next_key || !it->value)
		return -ENOMEM;
	if (!it->use_batch)
		return 0;

	cap = (uint32_t)(BATCH_BYTES / (entry ? entry : 1));
	if (cap < BATCH_MIN)
		cap = BATCH_MIN;
	if (cap > BATCH_MAX)
		cap = BATCH_MAX;
	if (info->max_entries && cap > info->max_entries)
		cap = info->max_entries;
	/* The batch token is a u32 bucket for hashes, a key for arrays. */
	token = info->key_size > 8 ? info->key_size : 8;
	it->in_batch = calloc(1, token);
	it->out_batch = calloc(1, token);
	if (!it->in_batch || !it->out_batch)
		return -ENOMEM;
	return batch_alloc(it, cap);
}

static int batch_fill(struct map_iter *it)
{
	for (;;) {
		uint32_t count = it->cap;
		int err = sys_map_lookup_batch(it->fd,
					       it->started ? it->in_batch : NULL,
					       it->out_batch, it->keys,
					       it->values, &count);

		if (err == -ENOSPC && it->cap < BATCH_MAX * 4) {
			err = batch_alloc(it, it->cap * 2);
			if (err)
				return err;
			continue;
		}
		if (err && err != -ENOENT)
			return err;
		it->count = count;
		it->pos = 0;
		if (err == -ENOENT)
			it->done = true;	/* these are the last entries */
		else
			memcpy(it->in_batch, it->out_batch,
			       it->key_size > 8 ? it->key_size : 8);
		it->started = true;
		return 0;
	}
}

static int next_batched(struct map_iter *it, const uint8_t **key,
			const uint8_t **value)
{
	while (it->pos == it->count) {
		int err;

		if (it->done)
			return 0;
		err = batch_fill(it);
		if (err)
			return err;
	}
	*key = it->keys + (size_t)it->pos * it->key_size;
	*value = it->values + (size_t)it->pos * it->value_bytes;
	it->pos++;
	return 1;
}

static int next_by_key(struct map_iter *it, const uint8_t **key,
		       const uint8_t **value, int *lookup_err)
{
	uint8_t *next = it->next_key;
	int err;

	if (it->done)
		return 0;
	if (++it->steps > it->max_steps) {
		it->done = true;
		return -EAGAIN;
	}
	err = sys_map_next_key(it->fd, it->have_key ? it->key : NULL, next);
	if (err == -ENOENT) {
		it->done = true;
		return 0;
	}
	if (err)
		return err;
	if (it->have_first && !memcmp(next, it->first_key, it->key_size)) {
		/* Back at the first key: ours was deleted under us. */
		if (++it->restarts > RESTARTS_MAX) {
			it->done = true;
			return -EAGAIN;
		}
	}
	memcpy(it->key, next, it->key_size);
	it->have_key = true;
	if (!it->have_first) {
		memcpy(it->first_key, next, it->key_size);
		it->have_first = true;
	}
	*key = it->key;
	err = sys_map_lookup(it->fd, it->key, it->value);
	*lookup_err = err;
	*value = err ? NULL : it->value;
	return 1;
}

int map_iter_next(struct map_iter *it, const uint8_t **key,
		  const uint8_t **value, int *lookup_err)
{
	*lookup_err = 0;
	if (it->use_batch) {
		int ret = next_batched(it, key, value);
		bool unsupported = ret == -EINVAL || ret == -ENOTSUPP_KERNEL ||
				   ret == -EOPNOTSUPP;

		if (!unsupported || it->started)
			return ret;
		it->use_batch = false;	/* kernel before 5.6: fall back */
	}
	return next_by_key(it, key, value, lookup_err);
}

void map_iter_free(struct map_iter *it)
{
	free(it->keys);
	free(it->values);
	free(it->in_batch);
	free(it->out_batch);
	free(it->key);
	free(it->value);
	free(it->first_key);
	free(it->next_key);
	memset(it, 0, sizeof(*it));
}
