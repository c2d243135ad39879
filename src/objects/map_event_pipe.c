/* event_pipe: "map event_pipe MAP [cpu N index M]", as upstream bpftool's
 * map_perf_ring.c with libbpf's perf_buffer: for a perf_event_array, one
 * BPF_OUTPUT software event per online CPU (or the one CPU given), 16
 * data pages each, its fd stored in the map at key = CPU (or M); every
 * record printed as print_bpf_output() does, until SIGINT/SIGTERM/SIGHUP.
 *
 * Beyond bpftool, a ringbuf map works too: its records are read in place
 * from the mmapped ring and printed in the perf layout, with the time the
 * record was read and no CPU/index (docs/compat.md). */
#include "cli/run.h"
#include "objects/stop_signals.h"
#include "objects/handle.h"
#include "output/map_fmt.h"
#include "output/out.h"
#include "kernel/sys_bpf.h"
#include "kernel/sys_perf.h"
#include "kernel/sys_proc.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define DATA_PAGES 16	/* bpftool's MMAP_PAGE_CNT */

/* A PERF_SAMPLE_TIME | PERF_SAMPLE_RAW record, and a lost-records one. */
struct sample {
	struct perf_event_header header;
	uint64_t time;
	uint32_t size;
	uint8_t data[];
};

struct lost {
	struct perf_event_header header;
	uint64_t id;
	uint64_t lost;
};

/* Which CPU and map index a ring's records come from, and the run whose
 * writers print them. */
struct ring_ctx {
	int cpu, index;
	struct run *r;
};

static void print_data_json(struct run *r, const uint8_t *data, size_t n)
{
	size_t i;

	/* bpftool prints event data as decimal bytes, not "0x" strings. */
	json_start_array(&r->jw);
	for (i = 0; i < n; i++)
		json_uint(&r->jw, data[i]);
	json_end_array(&r->jw);
}

static int print_perf(const struct perf_event_header *h, void *arg)
{
	const struct ring_ctx *c = arg;
	struct run *r = c->r;
	const struct sample *e = (const void *)h;
	const struct lost *l = (const void *)h;
	bool sample = h->type == PERF_RECORD_SAMPLE && h->size >= offsetof(struct sample, data);
	size_t room = sample ? h->size - offsetof(struct sample, data) : 0;
	size_t size = 0;

	if (sample)
		size = e->size < room ? e->size : room;	/* never past the record */
	if (r->opt.json) {
		json_start_object(&r->jw);
		json_uint_field(&r->jw, "type", h->type);
		json_uint_field(&r->jw, "cpu", (uint32_t)c->cpu);
		json_uint_field(&r->jw, "index", (uint32_t)c->index);
		if (sample) {
			json_uint_field(&r->jw, "timestamp", e->time);
			json_name(&r->jw, "data");
			print_data_json(r, e->data, size);
		} else if (h->type == PERF_RECORD_LOST && h->size >= sizeof(*l)) {
			json_name(&r->jw, "lost");
			json_start_object(&r->jw);
			json_uint_field(&r->jw, "id", l->id);
			json_uint_field(&r->jw, "count", l->lost);
			json_end_object(&r->jw);
		}
		json_end_object(&r->jw);
	} else if (sample) {
		out_fmt("== @%llu.%09llu CPU: %d index: %d =====\n",
			(unsigned long long)(e->time / 1000000000ULL),
			(unsigned long long)(e->time % 1000000000ULL), c->cpu, c->index);
		hex_plain(e->data, size);
		out_char('\n');
	} else if (h->type == PERF_RECORD_LOST && h->size >= sizeof(*l)) {
		out_fmt("lost %llu events\n", (unsigned long long)l->lost);
	} else {
		out_fmt("unknown event type=%u size=%u\n", h->type, h->size);
	}
	/* A pipe's reader sees each event as it comes. */
	return out_flush();
}

static int print_ringbuf(const void *data, uint32_t len, void *arg)
{
	struct run *r = arg;
	struct timespec now;
	uint64_t t;

	/* Ringbuf records carry no time: use when we read them, on the
	 * monotonic clock (perf's default clock is close to it). */
	clock_gettime(CLOCK_MONOTONIC, &now);
	t = (uint64_t)now.tv_sec * 1000000000ULL + (uint64_t)now.tv_nsec;
	if (r->opt.json) {
		json_start_object(&r->jw);
		json_uint_field(&r->jw, "type", PERF_RECORD_SAMPLE);
		json_uint_field(&r->jw, "timestamp", t);
		json_name(&r->jw, "data");
		print_data_json(r, data, len);
		json_end_object(&r->jw);
	} else {
		out_fmt("== @%llu.%09llu ringbuf =====\n",
			(unsigned long long)(t / 1000000000ULL),
			(unsigned long long)(t % 1000000000ULL));
		hex_plain(data, len);
		out_char('\n');
	}
	return out_flush();
}

/* Show what the rings hold, then wait for more, until a stop signal;
 * after the signal, read once more so nothing already produced is lost.
 * 0, or -1 after reporting an error. */
static int poll_loop(struct run *r, struct pollfd *fds, int n, const sigset_t *wait_mask,
		     int (*read_all)(void *), void *ctx)
{
	int err = 0;

	if (r->opt.json)
		json_start_array(&r->jw);
	for (;;) {
		if (read_all(ctx))
			break;	/* stdout is gone: nothing more to show */
		if (stop_signalled())
			break;
		if (ppoll(fds, (nfds_t)n, NULL, wait_mask) < 0 && errno != EINTR) {
			err = -errno;
			break;
		}
	}
	if (err)
		run_error(r, "perf buffer polling failed: %s (%d)", errstr(err), -err);
	else
		fprintf(stderr, "Stopping...\n");	/* bpftool's signal handler */
	if (r->opt.json)
		json_end_array(&r->jw);
	return err ? -1 : 0;
}

/* ---- perf_event_array ------------------------------------------------- */

struct perf_set {
	struct perf_ring *rings;
	struct ring_ctx *ctx;
	int n;
};

static int perf_read_all(void *arg)
{
	struct perf_set *s = arg;
	int i, err;

	for (i = 0; i < s->n; i++) {
		err = perf_ring_read(&s->rings[i], print_perf, &s->ctx[i]);
		if (err)
			return err;
	}
	return 0;
}

static int pipe_perf(struct run *r, int map_fd, const struct bpf_map_info *info, bool all_cpus,
		     int cpu, int index)
{
	struct perf_event_attr attr;
	struct perf_set s = { NULL, NULL, 0 };
	struct pollfd *fds = NULL;
	sigset_t wait_mask;
	bool *online = NULL;
	int ncpus = 1, i, err = 0, ret = -1;

	catch_stop_signals(&wait_mask);
	memset(&attr, 0, sizeof(attr));
	attr.size = sizeof(attr);
	attr.type = PERF_TYPE_SOFTWARE;
	attr.config = PERF_COUNT_SW_BPF_OUTPUT;
	attr.sample_type = PERF_SAMPLE_RAW | PERF_SAMPLE_TIME;
	attr.sample_period = 1;
	attr.wakeup_events = 1;

	/* libbpf: every possible CPU that is online, but no more than the
	 * map has slots; an explicit CPU is taken as given. */
	if (all_cpus) {
		ncpus = sys_possible_cpus();
		if (ncpus < 0)
			return run_fail(r, ncpus, "Can't get # of possible cpus");
		online = calloc((size_t)ncpus, sizeof(*online));
		if (!online)
			return run_error(r, "mem alloc failed");
		err = sys_cpus_online(online, ncpus);
		if (err)
			goto out_err;
		if (info->max_entries && info->max_entries < (uint32_t)ncpus)
			ncpus = (int)info->max_entries;
	}
	s.rings = calloc((size_t)ncpus, sizeof(*s.rings));
	s.ctx = calloc((size_t)ncpus, sizeof(*s.ctx));
	fds = calloc((size_t)ncpus, sizeof(*fds));
	if (!s.rings || !s.ctx || !fds) {
		err = -ENOMEM;
		goto out_err;
	}
	for (i = 0; i < ncpus; i++) {
		struct ring_ctx c = { all_cpus ? i : cpu, all_cpus ? i : index, r };
		uint32_t key = (uint32_t)c.index, fd32;

		if (all_cpus && !online[i])
			continue;
		err = perf_ring_open(&s.rings[s.n], &attr, c.cpu, DATA_PAGES);
		if (err)
			goto out_err;
		s.ctx[s.n] = c;
		fds[s.n].fd = s.rings[s.n].fd;
		fds[s.n].events = POLLIN;
		s.n++;
		fd32 = (uint32_t)s.rings[s.n - 1].fd;
		err = sys_map_update(map_fd, &key, &fd32, BPF_ANY);
		if (err)
			goto out_err;
	}
	ret = poll_loop(r, fds, s.n, &wait_mask, perf_read_all, &s);
	goto out;
out_err:
	ret = run_error(r, "failed to create perf buffer: %s (%d)", errstr(err), -err);
out:
	/* Leave the map as we found it, as libbpf's perf_buffer__free(). */
	for (i = 0; i < s.n; i++) {
		uint32_t key = (uint32_t)s.ctx[i].index;

		sys_map_delete(map_fd, &key);
		perf_ring_close(&s.rings[i]);
	}
	free(s.rings);
	free(s.ctx);
	free(fds);
	free(online);
	return ret;
}

/* ---- ringbuf ---------------------------------------------------------- */

struct ringbuf_set {
	struct bpf_ring ring;
	struct run *r;
};

static int ringbuf_read_all(void *arg)
{
	struct ringbuf_set *s = arg;

	return bpf_ring_read(&s->ring, print_ringbuf, s->r);
}

static int pipe_ringbuf(struct run *r, int map_fd, const struct bpf_map_info *info)
{
	struct pollfd fd = { map_fd, POLLIN, 0 };
	struct ringbuf_set s = { .r = r };
	sigset_t wait_mask;
	int err, ret;

	catch_stop_signals(&wait_mask);
	err = bpf_ring_open(&s.ring, map_fd, info->max_entries);
	if (err)
		return run_error(r, "failed to map ring buffer: %s (%d)", errstr(err), -err);
	/* Records already in the ring are shown first. */
	ret = poll_loop(r, &fd, 1, &wait_mask, ringbuf_read_all, &s);
	bpf_ring_close(&s.ring);
	return ret;
}

/* ---- the command ------------------------------------------------------ */

int do_event_pipe(struct run *r, struct args *a)
{
	struct bpf_map_info info;
	bool all_cpus = true, have_cpu = false, have_index = false;
	uint32_t cpu = 0, index = 0;
	int fd, ret = -1;

	if (a->argc < 2)
		return run_usage(r);
	fd = map_handle_info(r, a, 0, &info);
	if (fd < 0)
		return -1;
	if (info.type != BPF_MAP_TYPE_PERF_EVENT_ARRAY && info.type != BPF_MAP_TYPE_RINGBUF) {
		run_error(r, "map is not a perf event array");
		goto out;
	}
	while (a->argc) {
		const char *w;

		if (a->argc < 2) {
			run_error(r, "what is '%s'?", arg_peek(a));
			goto out;
		}
		if (arg_is(a, "cpu")) {
			arg_next(a);
			w = arg_next(a);
			if (parse_u32(w, &cpu)) {
				run_error(r, "can't parse %s as CPU ID", w);
				goto out;
			}
			have_cpu = true;
		} else if (arg_is(a, "index")) {
			arg_next(a);
			w = arg_next(a);
			if (parse_u32(w, &index)) {
				run_error(r, "can't parse %s as index", w);
				goto out;
			}
			have_index = true;
		} else {
			run_error(r, "what is '%s'?", arg_peek(a));
			goto out;
		}
		all_cpus = false;
	}
	if (!all_cpus && (!have_cpu || !have_index)) {
		run_error(r, "cpu and index must be specified together");
		goto out;
	}
	if (info.type == BPF_MAP_TYPE_RINGBUF) {
		if (!all_cpus)
			run_error(r, "cpu and index apply to perf event arrays, not ringbuf maps");
		else
			ret = pipe_ringbuf(r, fd, &info);
	} else {
		ret = pipe_perf(r, fd, &info, all_cpus, (int)cpu, (int)index);
	}
out:
	close(fd);
	return ret;
}
