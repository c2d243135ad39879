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
 *    restarts instead of looping forever on a busy map.
 *  - The batch cursor is all the state a walk has, so another process
 *    holding the same fd can go on from it.
 *
 * Read-ahead: a big dump spends half its time in the kernel's batch
 * lookups and half formatting.  When the first batch did not reach the
 * end and we may run on two CPUs, a forked reader goes on with the walk
 * into READAHEAD_SLOTS shared slots while this process formats.  Slot
 * numbers travel as one-byte messages on a SOCK_SEQPACKET pair (send
 * with MSG_NOSIGNAL: a dead peer is an error, not a SIGPIPE): we send
 * free slots, the reader sends back filled ones, each with the cursor to
 * go on from.  The reader stops at the end or at an error; on ENOSPC (a
 * bucket larger than a slot) or if it dies, this process goes on alone
 * from the last cursor it received, so the output never depends on it. */
#include "kernel/map_iter.h"
#include "kernel/sys_bpf.h"
#include "kernel/cpus.h"
#include "lib/names.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#define ENOTSUPP_KERNEL 524
#define BATCH_BYTES (1u << 18)	/* keys + values per batch: 256 KiB */
#define BATCH_MIN 64
#define BATCH_MAX (1u << 14)
#define RESTARTS_MAX 3
#define READAHEAD_SLOTS 3

/* A slot: this head, the cursor after its batch, keys, then values. */
struct slot_head {
	int32_t err;		/* 0, -ENOENT with the last entries, or why it stopped */
	uint32_t count;
};

#define ROUND8(n) (((n) + 7) & ~(size_t)7)

static size_t token_bytes(const struct map_iter *it)
{
	return it->key_size > 8 ? it->key_size : 8;
}

static size_t slot_keys_off(const struct map_iter *it)
{
	return sizeof(struct slot_head) + ROUND8(token_bytes(it));
}

static size_t slot_values_off(const struct map_iter *it)
{
	return slot_keys_off(it) + ROUND8((size_t)it->cap * it->key_size);
}

static uint8_t *slot_at(const struct map_iter *it, int i)
{
	return it->slots + (size_t)i * it->slot_bytes;
}

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
	token = token_bytes(it);
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
			memcpy(it->in_batch, it->out_batch, token_bytes(it));
		it->started = true;
		return 0;
	}
}

/* In the reader: fill the slots we are sent until the end or an error. */
static void reader_run(struct map_iter *it)
{
	uint8_t i;

	while (recv(it->sock, &i, 1, 0) == 1 && i < READAHEAD_SLOTS) {
		uint8_t *s = slot_at(it, i);
		struct slot_head *h = (struct slot_head *)s;
		uint32_t count = it->cap;
		int err = sys_map_lookup_batch(it->fd, it->in_batch, it->out_batch,
					       s + slot_keys_off(it),
					       s + slot_values_off(it), &count);

		if (!err)
			memcpy(it->in_batch, it->out_batch, token_bytes(it));
		h->err = err;
		h->count = err && err != -ENOENT ? 0 : count;
		memcpy(s + sizeof(*h), it->in_batch, token_bytes(it));
		if (send(it->sock, &i, 1, MSG_NOSIGNAL) != 1 || err)
			return;
	}
}

static void readahead_stop(struct map_iter *it)
{
	if (!it->slots)
		return;
	close(it->sock);
	/* Done or not, it has nothing left to give (and never writes). */
	kill(it->reader, SIGKILL);
	child_reap(it->reader);
	munmap(it->slots, READAHEAD_SLOTS * it->slot_bytes);
	it->slots = NULL;
}

/* Start a reader going on from it->in_batch; without one, we go on alone. */
static void readahead_start(struct map_iter *it)
{
	size_t bytes = slot_values_off(it) + (size_t)it->cap * it->value_bytes;
	uint8_t *slots;
	int sv[2];
	pid_t pid;
	uint8_t i;

	if (cpus_usable() < 2)
		return;
	bytes = (bytes + 63) & ~(size_t)63;
	slots = mmap(NULL, READAHEAD_SLOTS * bytes, PROT_READ | PROT_WRITE,
		     MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (slots == MAP_FAILED)
		return;
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv)) {
		munmap(slots, READAHEAD_SLOTS * bytes);
		return;
	}
	it->slots = slots;
	it->slot_bytes = bytes;
	pid = fork();
	if (!pid) {
		close(sv[0]);
		it->sock = sv[1];
		reader_run(it);
		_exit(0);
	}
	close(sv[1]);
	if (pid < 0) {
		close(sv[0]);
		munmap(slots, READAHEAD_SLOTS * bytes);
		it->slots = NULL;
		return;
	}
	it->reader = pid;
	it->sock = sv[0];
	it->slot = -1;
	for (i = 0; i < READAHEAD_SLOTS; i++)
		send(it->sock, &i, 1, MSG_NOSIGNAL);
}

/* The next filled slot; on ENOSPC or a lost reader, the next batch here. */
static int readahead_next(struct map_iter *it)
{
	struct slot_head *h;
	ssize_t n;
	uint8_t i;
	int err;

	if (it->slot >= 0) {
		i = (uint8_t)it->slot;
		it->slot = -1;
		send(it->sock, &i, 1, MSG_NOSIGNAL);	/* fails once it is done */
	}
	do
		n = recv(it->sock, &i, 1, 0);
	while (n < 0 && errno == EINTR);
	if (n != 1 || i >= READAHEAD_SLOTS) {
		readahead_stop(it);
		return batch_fill(it);
	}
	h = (struct slot_head *)slot_at(it, i);
	memcpy(it->in_batch, h + 1, token_bytes(it));
	err = h->err;
	if (err && err != -ENOENT) {
		readahead_stop(it);
		return err == -ENOSPC ? batch_fill(it) : err;
	}
	it->slot = i;
	it->count = h->count;
	it->pos = 0;
	it->done = err == -ENOENT;
	return 0;
}

static int next_batched(struct map_iter *it, const uint8_t **key,
			const uint8_t **value)
{
	const uint8_t *keys, *values;

	while (it->pos == it->count) {
		int err;

		if (it->done)
			return 0;
		err = it->slots ? readahead_next(it) : batch_fill(it);
		if (err)
			return err;
		if (!it->done && !it->readahead_tried) {
			it->readahead_tried = true;
			readahead_start(it);
		}
	}
	if (it->slots && it->slot >= 0) {
		keys = slot_at(it, it->slot) + slot_keys_off(it);
		values = slot_at(it, it->slot) + slot_values_off(it);
	} else {
		keys = it->keys;	/* batch_fill may have moved them */
		values = it->values;
	}
	*key = keys + (size_t)it->pos * it->key_size;
	*value = values + (size_t)it->pos * it->value_bytes;
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
	readahead_stop(it);
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
