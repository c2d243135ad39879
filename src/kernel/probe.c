/* probe: does this kernel load a program of a type, create a map of a
 * type, accept a helper in a program type?  Each probe is the one
 * libbpf's libbpf_probes.c makes (bpftool's feature probe calls it): the
 * smallest program or map a type accepts, with the expected attach type,
 * flags or BTF the type needs, so a refusal means the kernel lacks it.
 * With an ifindex, bpftool's own offload probes instead.  The helper
 * table asks libbpf's questions in chains of calls (see "Chains").  See
 * probe.h. */
#include "kernel/probe.h"
#include "kernel/sys_bpf.h"
#include "kernel/cpus.h"
#include "uapi/btf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#define INSN(c, d, s, o, i) { .code = (c), .dst_reg = (d), .src_reg = (s), .off = (o), .imm = (i) }
#define MOV64_IMM(d, i) INSN(0xb7, d, 0, 0, i)	/* ALU64 | MOV | K */
#define EXIT() INSN(0x95, 0, 0, 0, 0)		/* JMP | EXIT */
#define CALL(id) INSN(0x85, 0, 0, 0, id)	/* JMP | CALL */

#define ENOTSUPP 524	/* the kernel's internal "not supported" */

/* "5.10.209..." as LINUX_VERSION_CODE (the sublevel saturates at 255),
 * 0 when s does not start with three numbers. */
static uint32_t version_code(const char *s)
{
	unsigned long v[3];
	char *end;
	int i;

	for (i = 0; i < 3; i++) {
		if (*s < '0' || *s > '9')
			return 0;
		v[i] = strtoul(s, &end, 10);
		s = end + (i < 2 && *end == '.');
		if (i < 2 && *end != '.')
			return 0;
	}
	return (uint32_t)(v[0] << 16 | v[1] << 8 | (v[2] > 255 ? 255 : v[2]));
}

/* LINUX_VERSION_CODE for kprobe programs (kernels before 5.0 check it):
 * Ubuntu's and Debian's release strings do not carry the real sublevel,
 * so read it where those distributions put it, as libbpf does
 * ("Ubuntu 5.4.0-12.15-generic 5.4.8", "#1 SMP Debian 4.19.260-1"). */
static uint32_t kernel_version(void)
{
	char buf[256], *v;
	struct utsname u;
	ssize_t n = -1;
	int fd = open("/proc/version_signature", O_RDONLY | O_CLOEXEC);

	if (fd >= 0) {
		n = read(fd, buf, sizeof(buf) - 1);
		close(fd);
	}
	if (n > 0) {
		buf[n] = 0;
		v = strrchr(buf, ' ');
		if (v && version_code(v + 1))
			return version_code(v + 1);
	}
	if (uname(&u))
		return 0;
	v = strstr(u.version, "Debian ");
	if (v && version_code(v + 7))
		return version_code(v + 7);
	return version_code(u.release);
}

/* PCI vendor of the device behind ifname (/sys/class/net), or -1. */
static int vendor_id(const char *ifname)
{
	char path[96], buf[8];
	ssize_t len;
	int fd;

	snprintf(path, sizeof(path), "/sys/class/net/%s/device/vendor", ifname);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	len = read(fd, buf, sizeof(buf));
	close(fd);
	if (len < 0 || len >= (ssize_t)sizeof(buf))
		return -1;
	buf[len] = 0;
	return (int)strtol(buf, NULL, 0);
}

void probe_init(struct probe *p, const char *ifname, uint32_t ifindex)
{
	memset(p, 0, sizeof(*p));
	p->maps[0] = p->maps[1] = p->maps[2] = -1;
	p->ifindex = ifindex;
	if (ifindex)
		p->netronome = vendor_id(ifname) == 0x19ee;
	else
		p->kern_version = kernel_version();
}

/* Log levels: 1 (libbpf's) traces every instruction and register
 * state; the stats level (4, Linux 5.2+) alone still gets every error
 * message, which is all a probe reads, for less work in the kernel. */
#define LOG_LEVEL_STATS 4

static int load(struct probe *p, struct bpf_attr_prog_load *attr,
		const struct bpf_insn *insns, uint32_t n, bool with_log)
{
	int fd;

	attr->insns = (uint64_t)(uintptr_t)insns;
	attr->insn_cnt = n;
	attr->license = (uint64_t)(uintptr_t)"GPL";
	attr->prog_ifindex = p->ifindex;
	if (with_log) {
		p->log[0] = 0;
		attr->log_buf = (uint64_t)(uintptr_t)p->log;
		attr->log_size = sizeof(p->log);
		attr->log_level = LOG_LEVEL_STATS;
	}
	fd = sys_prog_load(attr);
	if (fd >= 0)
		close(fd);
	p->err = fd < 0 ? -fd : 0;
	return fd < 0 ? fd : 0;
}

/* libbpf's probe_prog_load(): 1 when the type loads (or fails exactly
 * the way a kernel that has the type fails), 0 otherwise. */
static bool load_typed(struct probe *p, uint32_t type, const struct bpf_insn *insns,
		       uint32_t n, bool with_log)
{
	struct bpf_attr_prog_load attr;
	const char *want_msg = NULL;
	int want_err = 0, err;

	memset(&attr, 0, sizeof(attr));
	attr.prog_type = type;
	switch (type) {
	case BPF_PROG_TYPE_CGROUP_SOCK_ADDR:
		attr.expected_attach_type = BPF_CGROUP_INET4_CONNECT;
		break;
	case BPF_PROG_TYPE_CGROUP_SOCKOPT:
		attr.expected_attach_type = BPF_CGROUP_GETSOCKOPT;
		break;
	case BPF_PROG_TYPE_SK_LOOKUP:
		attr.expected_attach_type = BPF_SK_LOOKUP;
		break;
	case BPF_PROG_TYPE_KPROBE:
		attr.kern_version = p->kern_version;
		break;
	case BPF_PROG_TYPE_LIRC_MODE2:
		attr.expected_attach_type = BPF_LIRC_MODE2;
		break;
	case BPF_PROG_TYPE_NETFILTER:
		attr.expected_attach_type = BPF_NETFILTER;
		break;
	case BPF_PROG_TYPE_SYSCALL:
		attr.prog_flags = BPF_F_SLEEPABLE;
		break;
	/* These need a BTF target: BTF id 1 of vmlinux is never a
	 * function, so a kernel with the type says exactly that. */
	case BPF_PROG_TYPE_TRACING:
	case BPF_PROG_TYPE_LSM:
		attr.expected_attach_type = type == BPF_PROG_TYPE_TRACING ?
			BPF_TRACE_FENTRY : BPF_MODIFY_RETURN;
		attr.attach_btf_id = 1;
		want_err = EINVAL;
		want_msg = "attach_btf_id 1 is not a function";
		with_log = true;
		break;
	case BPF_PROG_TYPE_EXT:
		attr.attach_btf_id = 1;
		want_err = EINVAL;
		want_msg = "Cannot replace kernel functions";
		with_log = true;
		break;
	case BPF_PROG_TYPE_STRUCT_OPS:
		want_err = ENOTSUPP;
		break;
	default:
		break;
	}
	err = load(p, &attr, insns, n, with_log);
	if (!want_err)
		return !err;
	return err == -want_err && (!want_msg || strstr(p->log, want_msg));
}

bool probe_bpf_syscall(void)
{
	struct bpf_attr_prog_load attr;

	memset(&attr, 0, sizeof(attr));
	return sys_prog_load(&attr) != -ENOSYS;
}

/* bpftool's offload probe: only "did the device take it". */
static bool load_offload(struct probe *p, uint32_t type, const struct bpf_insn *insns,
			 uint32_t n, bool with_log)
{
	struct bpf_attr_prog_load attr;
	int err;

	memset(&attr, 0, sizeof(attr));
	attr.prog_type = type;
	err = load(p, &attr, insns, n, with_log);
	return !err || (err != -EINVAL && err != -EOPNOTSUPP);
}

bool probe_prog_type(struct probe *p, uint32_t type)
{
	/* r0 = 2 for offload: the nfp driver rejects TC programs that
	 * return 0. */
	const struct bpf_insn insns[] = { MOV64_IMM(0, p->ifindex ? 2 : 0), EXIT() };

	if (p->ifindex)
		return load_offload(p, type, insns, 2, false);
	return load_typed(p, type, insns, 2, false);
}

/* libbpf's: struct bpf_spin_lock { int val; }; struct val { int cnt;
 * struct bpf_spin_lock l; }, types 1 to 3, for the local storages. */
static int storage_btf(void)
{
	static const char strs[] = "\0bpf_spin_lock\0val\0cnt\0l";
	static const uint32_t types[] = {
		0, 1u << 24, 4, 1u << 24 | 32,		/* [1] int, signed 32 bits */
		1, 4u << 24 | 1, 4, 15, 1, 0,		/* [2] bpf_spin_lock { val } */
		15, 4u << 24 | 2, 8, 19, 1, 0, 23, 2, 32, /* [3] val { cnt, l } */
	};
	unsigned char blob[sizeof(struct btf_header) + sizeof(types) + sizeof(strs)];
	struct btf_header h;

	memset(&h, 0, sizeof(h));
	h.magic = BTF_MAGIC;
	h.version = BTF_VERSION;
	h.hdr_len = sizeof(h);
	h.type_len = sizeof(types);
	h.str_off = sizeof(types);
	h.str_len = sizeof(strs);
	memcpy(blob, &h, sizeof(h));
	memcpy(blob + sizeof(h), types, sizeof(types));
	memcpy(blob + sizeof(h) + sizeof(types), strs, sizeof(strs));
	return sys_btf_load(blob, sizeof(blob), NULL, 0);
}

/* The smallest map of a type, as libbpf's probe creates it: its fd, or
 * -errno. */
static int create_map(const struct probe *p, uint32_t type)
{
	struct bpf_attr_map_create attr;
	int fd, inner = -1, btf = -1;

	memset(&attr, 0, sizeof(attr));
	attr.map_type = type;
	attr.key_size = 4;
	attr.value_size = 4;
	attr.max_entries = 1;
	attr.map_ifindex = p->ifindex;
	if (p->ifindex)
		goto create;
	switch (type) {
	case BPF_MAP_TYPE_STACK_TRACE:
		attr.value_size = 8;
		break;
	case BPF_MAP_TYPE_LPM_TRIE:
		attr.key_size = 8;
		attr.value_size = 8;
		attr.map_flags = 1;	/* no_prealloc */
		break;
	case BPF_MAP_TYPE_RHASH:
		attr.map_flags = 1;
		break;
	case BPF_MAP_TYPE_CGROUP_STORAGE:
	case BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE:
		attr.key_size = BPF_CGROUP_STORAGE_KEY_SIZE;
		attr.value_size = 8;
		attr.max_entries = 0;
		break;
	case BPF_MAP_TYPE_QUEUE:
	case BPF_MAP_TYPE_STACK:
	case BPF_MAP_TYPE_BLOOM_FILTER:
		attr.key_size = 0;
		break;
	case BPF_MAP_TYPE_SK_STORAGE:
	case BPF_MAP_TYPE_INODE_STORAGE:
	case BPF_MAP_TYPE_TASK_STORAGE:
	case BPF_MAP_TYPE_CGRP_STORAGE:
		btf = storage_btf();
		if (btf < 0)
			return btf;
		attr.btf_fd = (uint32_t)btf;
		attr.btf_key_type_id = 1;
		attr.btf_value_type_id = 3;
		attr.value_size = 8;
		attr.max_entries = 0;
		attr.map_flags = 1;
		break;
	case BPF_MAP_TYPE_RINGBUF:
	case BPF_MAP_TYPE_USER_RINGBUF:
		attr.key_size = 0;
		attr.value_size = 0;
		attr.max_entries = (uint32_t)sysconf(_SC_PAGESIZE);
		break;
	case BPF_MAP_TYPE_STRUCT_OPS:
		/* Value type 1 is no struct_ops type: a kernel with the map
		 * type says ENOTSUPP. */
		attr.btf_vmlinux_value_type_id = 1;
		break;
	case BPF_MAP_TYPE_ARENA:
		attr.key_size = 0;
		attr.value_size = 0;
		attr.map_flags = 0x400;	/* mmapable */
		break;
	case BPF_MAP_TYPE_INSN_ARRAY:
		attr.value_size = BPF_INSN_ARRAY_VALUE_SIZE;
		break;
	case BPF_MAP_TYPE_ARRAY_OF_MAPS:
	case BPF_MAP_TYPE_HASH_OF_MAPS: {
		struct bpf_attr_map_create in;

		memset(&in, 0, sizeof(in));
		in.map_type = BPF_MAP_TYPE_HASH;
		in.key_size = 4;
		in.value_size = 4;
		in.max_entries = 1;
		inner = sys_map_create(&in);
		if (inner < 0)
			return inner;
		attr.inner_map_fd = (uint32_t)inner;
		break;
	}
	default:
		break;
	}
create:
	fd = sys_map_create(&attr);
	if (inner >= 0)
		close(inner);
	if (btf >= 0)
		close(btf);
	return fd;
}

bool probe_map_type(struct probe *p, uint32_t type)
{
	int fd = create_map(p, type);

	if (fd >= 0)
		close(fd);
	if (type == BPF_MAP_TYPE_STRUCT_OPS && !p->ifindex)
		return fd == -ENOTSUPP;	/* see create_map() */
	return fd >= 0;
}

/* Does a line of the log start with one of words? (The verifier's
 * messages start their lines; this is the hot loop of a probe run.) */
static bool log_says(const char *log, const char *const *words)
{
	const char *const *w;
	const char *line;

	for (line = log; *line; line++) {
		for (w = words; *w; w++)
			if (!strncmp(line, *w, strlen(*w)))
				return true;
		line = strchr(line, '\n');
		if (!line)
			break;
	}
	return false;
}

/* The verifier's words for "this helper is not for this program type"
 * (or not in this kernel at all), and the nfp firmware's. */
static bool helper_refused(struct probe *p, uint32_t id)
{
	static const char *const beyond[] = { "invalid func ", NULL };
	static const char *const refused[] = {
		"unknown func ", "program of this type cannot use helper ", NULL
	};

	/* An id past the kernel's last helper: the same answer for every
	 * program type, so it is asked once (a 5.10 kernel lacks ~45). */
	if (log_says(p->log, beyond)) {
		p->beyond_last[id / 8] |= (uint8_t)(1 << id % 8);
		return true;
	}
	return log_says(p->log, refused) ||
	       (p->netronome && (strstr(p->log, "not supported by FW") ||
				 strstr(p->log, "unsupported function id")));
}

/* No program of these types loads without a target to attach to. */
static bool needs_target(uint32_t type)
{
	return type == BPF_PROG_TYPE_TRACING || type == BPF_PROG_TYPE_EXT ||
	       type == BPF_PROG_TYPE_LSM || type == BPF_PROG_TYPE_STRUCT_OPS;
}

bool probe_helper(struct probe *p, uint32_t prog_type, uint32_t id)
{
	/* libbpf's probe is "call; exit".  The verdict on the call is all
	 * that counts, so "r0 = r1" after it (r1 is dead after a call)
	 * makes the load fail right there, where it would have loaded:
	 * the same answer without compiling and freeing a program. */
	const struct bpf_insn insns[] = {
		CALL((int32_t)id), INSN(0xbf, 0, 1, 0, 0), EXIT()
	};

	p->err = 0;
	if (id >= BPF_HELPER_COUNT || p->beyond_last[id / 8] >> id % 8 & 1)
		return false;
	if (p->ifindex) {
		load_offload(p, prog_type, insns, 3, true);
		return !helper_refused(p, id);
	}
	if (needs_target(prog_type))
		return false;
	load_typed(p, prog_type, insns, 3, true);
	return !helper_refused(p, id);
}

/* Chains.  libbpf asks one helper per load, and the kernel's fixed
 * cost of a load (~16 us: allocating, checking and freeing a program)
 * is nearly all of a probe run.  A chain calls, in one program, the
 * helpers that passed the verifier's argument checks in this program
 * type on the kernel tools/helper-args ran on, each with the arguments
 * that passed, then one other helper.  The verifier stops at the first
 * call it refuses ("processed N insns" in its log says which) or at the
 * end, where r0 = r1 (dead after a call) fails before anything is
 * compiled.  Every call before the stop was accepted: libbpf's
 * "available"; the one it stopped at gets libbpf's verdict from the
 * log; the next load starts after it.  The program type's check of a
 * helper comes before any check of state, and no argument given here
 * can take a lock, so no call's verdict depends on the calls before
 * it: the hints decide how much one load answers, never an answer. */
enum { ARG_NONE, ARG_ZERO, ARG_CTX, ARG_STACK, ARG_EIGHT, ARG_MAP };
#define ARG_MAPS 3	/* ARG_MAP + i: map i of chain_maps() */
#define CHAIN_MAX 16

/* hint_id[h]: a helper whose call passed in some program type;
 * hint_args[h]: the arguments it passed with, 3 bits (ARG_*) per r1..r5;
 * hint_passes[type]: bit h set when it passed in that type. */
#include "kernel/helper_args.h"

struct chain {
	uint32_t len;			/* helpers */
	uint16_t call_at[CHAIN_MAX];	/* instruction of each call */
	struct bpf_insn insns[4 + CHAIN_MAX * 11 + 2];
};

/* The maps of ARG_MAP + i: a per-CPU hash (map_lookup_elem and co.), a
 * queue (push, pop, peek) and a ring buffer, of values no larger than
 * the stack the arguments point to. */
static void chain_maps(struct probe *p)
{
	static const uint8_t types[ARG_MAPS] = {
		BPF_MAP_TYPE_PERCPU_HASH, BPF_MAP_TYPE_QUEUE, BPF_MAP_TYPE_RINGBUF,
	};
	int i;

	for (i = 0; i < ARG_MAPS; i++)
		p->maps[i] = create_map(p, types[i]);
}

static void chain_maps_close(struct probe *p)
{
	int i;

	for (i = 0; i < ARG_MAPS; i++)
		if (p->maps[i] >= 0)
			close(p->maps[i]);
	p->maps[0] = p->maps[1] = p->maps[2] = -1;
}

/* Has this kernel what the arguments need? */
static bool chain_args_ok(const struct probe *p, uint16_t args)
{
	uint32_t j, kind;

	for (j = 0; j < 5; j++) {
		kind = args >> 3 * j & 7;
		if (kind >= ARG_MAP && p->maps[kind - ARG_MAP] < 0)
			return false;
	}
	return true;
}

/* A chain of n helpers ids, all but the last called with args[i]
 * (ARG_* per register); the last one's call is answered either way.
 * Instructions cost the kernel even where it does not get to them
 * (~0.3 us each), so the chain has only those its arguments need.
 * call_at counts instructions as the verifier does (a map's 16-byte
 * load is one). */
static uint32_t chain_build(struct chain *c, const struct probe *p, const uint32_t *ids,
			    const uint16_t *args, uint32_t n)
{
	static const struct bpf_insn arg[ARG_MAP] = {
		EXIT(), MOV64_IMM(0, 0), INSN(0xbf, 0, 6, 0, 0), INSN(0xbf, 0, 7, 0, 0),
		MOV64_IMM(0, 8),
	};
	static const struct bpf_insn head[4] = {
		INSN(0xbf, 6, 1, 0, 0),		/* r6 = r1 (ctx) */
		INSN(0x7a, 10, 0, -8, 0),	/* *(u64 *)(r10 - 8) = 0 */
		INSN(0xbf, 7, 10, 0, 0),	/* r7 = r10 */
		INSN(0x07, 7, 0, 0, -8),	/* r7 += -8 */
	};
	uint32_t i, j, kind, len = 0, steps, need = 0;

	for (i = 0; i + 1 < n; i++)
		for (j = 0; j < 5; j++)
			need |= 1u << (args[i] >> 3 * j & 7);
	if (need & (1u << ARG_CTX))
		c->insns[len++] = head[0];
	if (need & (1u << ARG_STACK)) {
		memcpy(c->insns + len, head + 1, 3 * sizeof(*head));
		len += 3;
	}
	steps = len;
	for (i = 0; i < n; i++) {
		for (j = 0; j < 5 && i + 1 < n; j++, steps++) {
			kind = args[i] >> 3 * j & 7;
			if (kind == ARG_NONE) {
				steps--;
				continue;
			}
			if (kind < ARG_MAP) {
				c->insns[len] = arg[kind];
				c->insns[len++].dst_reg = (uint8_t)(j + 1);
				continue;
			}
			/* rj = map (BPF_LD | BPF_DW | BPF_IMM, BPF_PSEUDO_MAP_FD) */
			c->insns[len++] = (struct bpf_insn)INSN(0x18, j + 1, 1, 0,
								p->maps[kind - ARG_MAP]);
			c->insns[len++] = (struct bpf_insn)INSN(0, 0, 0, 0, 0);
		}
		c->call_at[i] = (uint16_t)steps++;
		c->insns[len++] = (struct bpf_insn)CALL((int32_t)ids[i]);
	}
	c->len = n;
	c->insns[len++] = (struct bpf_insn)INSN(0xbf, 0, 1, 0, 0);	/* r0 = r1 */
	c->insns[len++] = (struct bpf_insn)EXIT();
	return len;
}

/* How many calls of the chain passed, from "processed N insns" of the
 * straight-line program; -1 when the log does not say, or the load
 * stopped elsewhere than at a call or the end. */
static int chain_passed(const struct chain *c, const char *log)
{
	const char *s = strstr(log, "processed ");
	unsigned long at;
	uint32_t i;

	if (!s || (s != log && s[-1] != '\n') || s[10] < '1' || s[10] > '9')
		return -1;
	at = strtoul(s + 10, NULL, 10) - 1;
	for (i = 0; i < c->len; i++)
		if (at <= c->call_at[i])
			return at == c->call_at[i] ? (int)i : -1;
	return at == c->call_at[c->len - 1] + 1u ? (int)c->len : -1;
}

static bool bit(const uint8_t *bits, uint32_t id)
{
	return bits[id / 8] >> id % 8 & 1;
}

static void set_bit(uint8_t *bits, uint32_t id)
{
	bits[id / 8] |= (uint8_t)(1 << id % 8);
}

static void type_helpers(struct probe *p, uint32_t type, const uint8_t *want,
			 bool unprivileged, uint8_t *bits)
{
	uint32_t ids[BPF_HELPER_COUNT], id, n = 0, hinted, i, k, len;
	uint16_t args[BPF_HELPER_COUNT];
	uint8_t listed[PROBE_HELPER_BYTES] = { 0 };
	struct chain c;
	int passed;

	memset(bits, 0, PROBE_HELPER_BYTES);
	/* The helpers expected to pass first: a chain answers them all,
	 * and the others are one load each anyway.  No chains for a
	 * device, nor unprivileged, where EPERM is "not allowed", not an
	 * answer. */
	for (i = 0; i < CHAIN_HINTS && !unprivileged && !p->ifindex; i++)
		if (bit(want, hint_id[i]) && bit(hint_passes[type], i) &&
		    chain_args_ok(p, hint_args[i])) {
			args[n] = hint_args[i];
			set_bit(listed, hint_id[i]);
			ids[n++] = hint_id[i];
		}
	hinted = n;
	for (id = 1; id < BPF_HELPER_COUNT; id++)
		if (bit(want, id) && !bit(listed, id))
			ids[n++] = id;
	for (i = 0; i < n; i += k) {
		k = 1;
		if (bit(p->beyond_last, ids[i]))
			continue;
		/* The helpers expected to pass, then one more. */
		for (len = 1; len < CHAIN_MAX && i + len < n && i + len - 1 < hinted &&
		     !bit(p->beyond_last, ids[i + len - 1]); len++)
			;
		passed = -1;
		if (len > 1) {
			load_typed(p, type, c.insns, chain_build(&c, p, ids + i, args + i, len),
				   true);
			passed = chain_passed(&c, p->log);
		}
		if (passed < 0) {	/* one helper, libbpf's probe */
			if (probe_helper(p, type, ids[i]) && !(unprivileged && p->err == EPERM))
				set_bit(bits, ids[i]);
			continue;
		}
		for (k = 0; k < (uint32_t)passed; k++)
			set_bit(bits, ids[i + k]);
		if (k < len) {	/* the call the verifier stopped at */
			if (!helper_refused(p, ids[i + k]))
				set_bit(bits, ids[i + k]);
			k++;
		}
	}
}

struct helper_record {
	uint8_t type;
	uint8_t bits[PROBE_HELPER_BYTES];
};

/* Share `share` of the types (every n-th), as records on fd or straight
 * into bits. */
static void probe_share(struct probe *p, const bool *types, const uint8_t *want,
			bool unprivileged, unsigned share, unsigned n, int fd,
			uint8_t (*bits)[PROBE_HELPER_BYTES], bool *done)
{
	struct helper_record rec;
	uint32_t type;
	unsigned k = 0;

	for (type = 1; type < BPF_PROG_TYPE_COUNT; type++) {
		if (!types[type] || k++ % n != share)
			continue;
		if (fd < 0) {
			type_helpers(p, type, want, unprivileged, bits[type]);
			done[type] = true;
			continue;
		}
		rec.type = (uint8_t)type;
		type_helpers(p, type, want, unprivileged, rec.bits);
		if (write(fd, &rec, sizeof(rec)) != (ssize_t)sizeof(rec))
			return;	/* the parent probes what is missing */
	}
}

void probe_helper_table(struct probe *p, const bool *types, const uint8_t *want,
			bool unprivileged, uint8_t (*bits)[PROBE_HELPER_BYTES])
{
	/* One process per CPU we may run on: the loads are the kernel's
	 * work, which the processes spread.  (Pinning each to a CPU was no
	 * faster, and slower when another task holds that CPU.) */
	bool done[BPF_PROG_TYPE_COUNT] = { false };
	int fd[PROBE_MAX_WORKERS], pipefd[2];
	pid_t pid[PROBE_MAX_WORKERS];
	struct helper_record rec;
	unsigned n = cpus_usable(), i, started;
	uint32_t type;

	memset(bits, 0, BPF_PROG_TYPE_COUNT * sizeof(*bits));
	if (!unprivileged && !p->ifindex)
		chain_maps(p);
	if (n > PROBE_MAX_WORKERS)
		n = PROBE_MAX_WORKERS;
	for (i = 1; i < n; i++) {
		if (pipe(pipefd))
			break;
		pid[i] = fork();
		if (pid[i] < 0) {
			close(pipefd[0]);
			close(pipefd[1]);
			break;
		}
		if (!pid[i]) {
			close(pipefd[0]);
			probe_share(p, types, want, unprivileged, i, n, pipefd[1], NULL, NULL);
			_exit(0);
		}
		close(pipefd[1]);
		fd[i] = pipefd[0];
	}
	/* The shares of workers that did not start are probed at the end. */
	started = i;
	probe_share(p, types, want, unprivileged, 0, n, -1, bits, done);
	for (i = 1; i < started; i++) {
		while (read(fd[i], &rec, sizeof(rec)) == (ssize_t)sizeof(rec))
			if (rec.type < BPF_PROG_TYPE_COUNT) {
				memcpy(bits[rec.type], rec.bits, PROBE_HELPER_BYTES);
				done[rec.type] = true;
			}
		close(fd[i]);
		child_reap(pid[i]);
	}
	for (type = 1; type < BPF_PROG_TYPE_COUNT; type++)
		if (types[type] && !done[type])
			type_helpers(p, type, want, unprivileged, bits[type]);
	chain_maps_close(p);
}

bool probe_misc(struct probe *p, enum probe_misc which)
{
	static const struct bpf_insn loop[] = {
		MOV64_IMM(0, 10),
		INSN(0x17, 0, 0, 0, 1),		/* r0 -= 1 */
		INSN(0x55, 0, 0, -2, 0),	/* if r0 != 0 goto -2 */
		EXIT(),
	};
	static const struct bpf_insn v2[] = {	/* JLT (4.14) */
		MOV64_IMM(0, 0), INSN(0xa5, 0, 0, 1, 0), MOV64_IMM(0, 1), EXIT(),
	};
	static const struct bpf_insn v3[] = {	/* JMP32 (5.1) */
		MOV64_IMM(0, 0), INSN(0xa6, 0, 0, 1, 0), MOV64_IMM(0, 1), EXIT(),
	};
	static const struct bpf_insn v4[] = {	/* JMP32 | JA with imm offset (6.6) */
		MOV64_IMM(0, 0), INSN(0x16, 0, 0, 1, 1), INSN(0x06, 0, 0, 0, 1),
		MOV64_IMM(0, 1), EXIT(),
	};
	struct bpf_attr_prog_load attr;
	struct bpf_insn *big = NULL;
	const struct bpf_insn *insns;
	uint32_t n, i;
	int err;

	switch (which) {
	case PROBE_LARGE_INSN_LIMIT:
		/* One instruction more than the pre-5.3 limit. */
		n = BPF_MAXINSNS + 1;
		big = malloc(n * sizeof(*big));
		if (!big)
			return false;
		for (i = 0; i < n - 1; i++)
			big[i] = (struct bpf_insn)MOV64_IMM(0, 1);
		big[n - 1] = (struct bpf_insn)EXIT();
		insns = big;
		break;
	case PROBE_BOUNDED_LOOPS:
		insns = loop, n = 4;
		break;
	case PROBE_V2_ISA:
		insns = v2, n = 4;
		break;
	case PROBE_V3_ISA:
		insns = v3, n = 4;
		break;
	default:
		insns = v4, n = 5;
		break;
	}
	memset(&attr, 0, sizeof(attr));
	attr.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
	err = load(p, &attr, insns, n, false);
	free(big);
	return !err;
}
