/* The subset of the kernel's BPF UAPI (include/uapi/linux/bpf.h) that
 * bpfbox uses, written out by hand so that the tree needs no kernel
 * headers.  Numbers are ABI and never change; a comment gives the kernel
 * release that added a field where bpfbox relies on it being optional.
 *
 * Instead of one big union bpf_attr, each command has its own struct: the
 * size passed to bpf(2) is then exactly the bytes a command uses, so older
 * kernels never see (and reject with E2BIG) fields they do not know. */
#ifndef BPFBOX_UAPI_BPF_H
#define BPFBOX_UAPI_BPF_H

#include <stdint.h>

#define BPF_OBJ_NAME_LEN 16
#define BPF_TAG_SIZE 8

enum bpf_cmd {
	BPF_MAP_CREATE = 0,
	BPF_MAP_LOOKUP_ELEM = 1,
	BPF_MAP_UPDATE_ELEM = 2,
	BPF_MAP_DELETE_ELEM = 3,
	BPF_MAP_GET_NEXT_KEY = 4,
	BPF_PROG_LOAD = 5,
	BPF_OBJ_PIN = 6,
	BPF_OBJ_GET = 7,
	BPF_PROG_TEST_RUN = 10,
	BPF_PROG_GET_NEXT_ID = 11,
	BPF_MAP_GET_NEXT_ID = 12,
	BPF_PROG_GET_FD_BY_ID = 13,
	BPF_MAP_GET_FD_BY_ID = 14,
	BPF_OBJ_GET_INFO_BY_FD = 15,
	BPF_BTF_LOAD = 18,
	BPF_BTF_GET_FD_BY_ID = 19,
	BPF_MAP_LOOKUP_AND_DELETE_ELEM = 21,
	BPF_MAP_FREEZE = 22,		/* 5.2 */
	BPF_BTF_GET_NEXT_ID = 23,	/* 5.4 */
	BPF_MAP_LOOKUP_BATCH = 24,	/* 5.6 */
	BPF_MAP_UPDATE_BATCH = 26,	/* 5.6 */
	BPF_ENABLE_STATS = 32,		/* 5.8 */
};

/* Map types, in kernel order; names are libbpf's (bpftool prints them).
 * Columns: the release that added the type (for saying why a create
 * failed on an older kernel; NULL: not known here), its place in the TYPE
 * list of bpftool's `map help` (0: not listed), and MT_* facts:
 *  MT_KEYS    entries have keys (queue, stack, bloom filter, ring buffers
 *             and arena have key_size 0: nothing to dump by key)
 *  MT_PERCPU  a lookup returns one value per possible CPU, each in an
 *             8-byte aligned slot (bpftool's map_is_per_cpu)
 *  MT_BATCH   BPF_MAP_LOOKUP_BATCH works (5.6: the kernel's hash, LRU
 *             and array maps and their per-CPU variants have
 *             map_lookup_batch; for other types it fails)
 *  MT_EOL     `map help` ends a line of the TYPE list after this name */
enum { MT_KEYS = 1, MT_PERCPU = 2, MT_BATCH = 4, MT_EOL = 8 };

#define BPF_MAP_TYPES(X) \
	X(UNSPEC,                "unspec",                NULL,   0,  0) \
	X(HASH,                  "hash",                  "3.19", 1,  MT_KEYS | MT_BATCH) \
	X(ARRAY,                 "array",                 "3.19", 2,  MT_KEYS | MT_BATCH) \
	X(PROG_ARRAY,            "prog_array",            "4.2",  3,  MT_KEYS) \
	X(PERF_EVENT_ARRAY,      "perf_event_array",      "4.3",  4,  MT_KEYS) \
	X(PERCPU_HASH,           "percpu_hash",           "4.6",  5,  MT_KEYS | MT_PERCPU | MT_BATCH | MT_EOL) \
	X(PERCPU_ARRAY,          "percpu_array",          "4.6",  6,  MT_KEYS | MT_PERCPU | MT_BATCH) \
	X(STACK_TRACE,           "stack_trace",           "4.6",  7,  MT_KEYS) \
	X(CGROUP_ARRAY,          "cgroup_array",          "4.8",  8,  MT_KEYS) \
	X(LRU_HASH,              "lru_hash",              "4.10", 9,  MT_KEYS | MT_BATCH | MT_EOL) \
	X(LRU_PERCPU_HASH,       "lru_percpu_hash",       "4.10", 10, MT_KEYS | MT_PERCPU | MT_BATCH) \
	X(LPM_TRIE,              "lpm_trie",              "4.11", 11, MT_KEYS) \
	X(ARRAY_OF_MAPS,         "array_of_maps",         "4.12", 12, MT_KEYS) \
	X(HASH_OF_MAPS,          "hash_of_maps",          "4.12", 13, MT_KEYS | MT_EOL) \
	X(DEVMAP,                "devmap",                "4.14", 14, MT_KEYS) \
	X(SOCKMAP,               "sockmap",               "4.14", 16, MT_KEYS) \
	X(CPUMAP,                "cpumap",                "4.15", 17, MT_KEYS) \
	X(XSKMAP,                "xskmap",                "4.18", 18, MT_KEYS) \
	X(SOCKHASH,              "sockhash",              "4.18", 19, MT_KEYS | MT_EOL) \
	X(CGROUP_STORAGE,        "cgroup_storage",        "4.19", 20, MT_KEYS) \
	X(REUSEPORT_SOCKARRAY,   "reuseport_sockarray",   "4.19", 21, MT_KEYS) \
	X(PERCPU_CGROUP_STORAGE, "percpu_cgroup_storage", "4.20", 22, MT_KEYS | MT_PERCPU | MT_EOL) \
	X(QUEUE,                 "queue",                 "4.20", 23, 0) \
	X(STACK,                 "stack",                 "4.20", 24, 0) \
	X(SK_STORAGE,            "sk_storage",            "5.2",  25, MT_KEYS) \
	X(DEVMAP_HASH,           "devmap_hash",           "5.4",  15, MT_KEYS) \
	X(STRUCT_OPS,            "struct_ops",            "5.6",  26, MT_KEYS) \
	X(RINGBUF,               "ringbuf",               "5.8",  27, 0) \
	X(INODE_STORAGE,         "inode_storage",         "5.10", 28, MT_KEYS | MT_EOL) \
	X(TASK_STORAGE,          "task_storage",          "5.11", 29, MT_KEYS) \
	X(BLOOM_FILTER,          "bloom_filter",          "5.16", 30, 0) \
	X(USER_RINGBUF,          "user_ringbuf",          "6.1",  31, 0) \
	X(CGRP_STORAGE,          "cgrp_storage",          "6.2",  32, MT_KEYS) \
	X(ARENA,                 "arena",                 "6.9",  33, MT_EOL) \
	X(INSN_ARRAY,            "insn_array",            NULL,   34, MT_KEYS) \
	X(RHASH,                 "rhash",                 NULL,   35, MT_KEYS)

#define BPF_MAP_TYPE_ENUM(n, s, since, help, flags) BPF_MAP_TYPE_##n,
enum bpf_map_type { BPF_MAP_TYPES(BPF_MAP_TYPE_ENUM) BPF_MAP_TYPE_COUNT };
#undef BPF_MAP_TYPE_ENUM

#define BPF_PROG_TYPES(X) \
	X(UNSPEC, "unspec") \
	X(SOCKET_FILTER, "socket_filter") \
	X(KPROBE, "kprobe") \
	X(SCHED_CLS, "sched_cls") \
	X(SCHED_ACT, "sched_act") \
	X(TRACEPOINT, "tracepoint") \
	X(XDP, "xdp") \
	X(PERF_EVENT, "perf_event") \
	X(CGROUP_SKB, "cgroup_skb") \
	X(CGROUP_SOCK, "cgroup_sock") \
	X(LWT_IN, "lwt_in") \
	X(LWT_OUT, "lwt_out") \
	X(LWT_XMIT, "lwt_xmit") \
	X(SOCK_OPS, "sock_ops") \
	X(SK_SKB, "sk_skb") \
	X(CGROUP_DEVICE, "cgroup_device") \
	X(SK_MSG, "sk_msg") \
	X(RAW_TRACEPOINT, "raw_tracepoint") \
	X(CGROUP_SOCK_ADDR, "cgroup_sock_addr") \
	X(LWT_SEG6LOCAL, "lwt_seg6local") \
	X(LIRC_MODE2, "lirc_mode2") \
	X(SK_REUSEPORT, "sk_reuseport") \
	X(FLOW_DISSECTOR, "flow_dissector") \
	X(CGROUP_SYSCTL, "cgroup_sysctl") \
	X(RAW_TRACEPOINT_WRITABLE, "raw_tracepoint_writable") \
	X(CGROUP_SOCKOPT, "cgroup_sockopt") \
	X(TRACING, "tracing") \
	X(STRUCT_OPS, "struct_ops") \
	X(EXT, "ext") \
	X(LSM, "lsm") \
	X(SK_LOOKUP, "sk_lookup") \
	X(SYSCALL, "syscall") \
	X(NETFILTER, "netfilter")

#define BPF_PROG_TYPE_ENUM(n, s) BPF_PROG_TYPE_##n,
enum bpf_prog_type { BPF_PROG_TYPES(BPF_PROG_TYPE_ENUM) BPF_PROG_TYPE_COUNT };
#undef BPF_PROG_TYPE_ENUM

/* Map creation flags (map_flags); names are bpfbox's, for `create flags`. */
#define BPF_MAP_FLAGS(X) \
	X(0x1, "no_prealloc") \
	X(0x2, "no_common_lru") \
	X(0x4, "numa_node") \
	X(0x8, "rdonly") \
	X(0x10, "wronly") \
	X(0x20, "stack_build_id") \
	X(0x40, "zero_seed") \
	X(0x80, "rdonly_prog") \
	X(0x100, "wronly_prog") \
	X(0x200, "clone") \
	X(0x400, "mmapable") \
	X(0x800, "preserve_elems") \
	X(0x1000, "inner_map") \
	X(0x2000, "link") \
	X(0x4000, "path_fd") \
	X(0x8000, "vtype_btf_obj_fd") \
	X(0x10000, "token_fd") \
	X(0x20000, "segv_on_fault") \
	X(0x40000, "no_user_conv")

#define BPF_F_RDONLY 0x8
#define BPF_F_WRONLY 0x10

/* Update flags. */
#define BPF_ANY 0
#define BPF_NOEXIST 1
#define BPF_EXIST 2

struct bpf_attr_map_create {
	uint32_t map_type;
	uint32_t key_size;
	uint32_t value_size;
	uint32_t max_entries;
	uint32_t map_flags;
	uint32_t inner_map_fd;
	uint32_t numa_node;
	char map_name[BPF_OBJ_NAME_LEN];	/* 4.15 */
	uint32_t map_ifindex;			/* 4.16 */
	uint32_t btf_fd;			/* 4.18 */
	uint32_t btf_key_type_id;
	uint32_t btf_value_type_id;
	uint32_t btf_vmlinux_value_type_id;	/* 5.6 */
	uint64_t map_extra;			/* 5.16 */
};

/* LOOKUP/UPDATE/DELETE/GET_NEXT_KEY/LOOKUP_AND_DELETE/FREEZE. */
struct bpf_attr_map_elem {
	uint32_t map_fd;
	uint32_t pad;
	uint64_t key;
	uint64_t value;		/* or next_key */
	uint64_t flags;
};

struct bpf_attr_map_batch {
	uint64_t in_batch;
	uint64_t out_batch;
	uint64_t keys;
	uint64_t values;
	uint32_t count;
	uint32_t map_fd;
	uint64_t elem_flags;
	uint64_t flags;
};

struct bpf_attr_prog_load {
	uint32_t prog_type;
	uint32_t insn_cnt;
	uint64_t insns;
	uint64_t license;
	uint32_t log_level;
	uint32_t log_size;
	uint64_t log_buf;
	uint32_t kern_version;
	uint32_t prog_flags;
	char prog_name[BPF_OBJ_NAME_LEN];
	uint32_t prog_ifindex;
	uint32_t expected_attach_type;
	uint32_t prog_btf_fd;
	uint32_t func_info_rec_size;
	uint64_t func_info;
	uint32_t func_info_cnt;
	uint32_t line_info_rec_size;
	uint64_t line_info;
	uint32_t line_info_cnt;
	uint32_t attach_btf_id;
};

struct bpf_attr_obj {
	uint64_t pathname;
	uint32_t bpf_fd;
	uint32_t file_flags;
};

/* GET_NEXT_ID and GET_FD_BY_ID for maps, programs, BTF. */
struct bpf_attr_get_id {
	uint32_t id;		/* start_id or the id to open */
	uint32_t next_id;
	uint32_t open_flags;
};

struct bpf_attr_info {
	uint32_t bpf_fd;
	uint32_t info_len;
	uint64_t info;
};

struct bpf_attr_btf_load {
	uint64_t btf;
	uint64_t btf_log_buf;
	uint32_t btf_size;
	uint32_t btf_log_size;
	uint32_t btf_log_level;
};

struct bpf_attr_test_run {
	uint32_t prog_fd;
	uint32_t retval;
	uint32_t data_size_in;
	uint32_t data_size_out;
	uint64_t data_in;
	uint64_t data_out;
	uint32_t repeat;
	uint32_t duration;
	uint32_t ctx_size_in;
	uint32_t ctx_size_out;
	uint64_t ctx_in;
	uint64_t ctx_out;
	uint32_t flags;
	uint32_t cpu;
};

struct bpf_map_info {
	uint32_t type;
	uint32_t id;
	uint32_t key_size;
	uint32_t value_size;
	uint32_t max_entries;
	uint32_t map_flags;
	char name[BPF_OBJ_NAME_LEN];
	uint32_t ifindex;
	uint32_t btf_vmlinux_value_type_id;
	uint64_t netns_dev;
	uint64_t netns_ino;
	uint32_t btf_id;
	uint32_t btf_key_type_id;
	uint32_t btf_value_type_id;
	uint32_t btf_vmlinux_id;
	uint64_t map_extra;
} __attribute__((aligned(8)));

struct bpf_prog_info {
	uint32_t type;
	uint32_t id;
	uint8_t tag[BPF_TAG_SIZE];
	uint32_t jited_prog_len;
	uint32_t xlated_prog_len;
	uint64_t jited_prog_insns;
	uint64_t xlated_prog_insns;
	uint64_t load_time;	/* ns since boot */
	uint32_t created_by_uid;
	uint32_t nr_map_ids;
	uint64_t map_ids;
	char name[BPF_OBJ_NAME_LEN];
	uint32_t ifindex;
	uint32_t gpl_compatible:1;
	uint32_t :31;
	uint64_t netns_dev;
	uint64_t netns_ino;
	uint32_t nr_jited_ksyms;
	uint32_t nr_jited_func_lens;
	uint64_t jited_ksyms;
	uint64_t jited_func_lens;
	uint32_t btf_id;
	uint32_t func_info_rec_size;
	uint64_t func_info;
	uint32_t nr_func_info;
	uint32_t nr_line_info;
	uint64_t line_info;
	uint64_t jited_line_info;
	uint32_t nr_jited_line_info;
	uint32_t line_info_rec_size;
	uint32_t jited_line_info_rec_size;
	uint32_t nr_prog_tags;
	uint64_t prog_tags;
	uint64_t run_time_ns;
	uint64_t run_cnt;
	uint64_t recursion_misses;
	uint32_t verified_insns;
	uint32_t attach_btf_obj_id;
	uint32_t attach_btf_id;
	uint32_t :32;
} __attribute__((aligned(8)));

struct bpf_btf_info {
	uint64_t btf;
	uint32_t btf_size;
	uint32_t id;
	uint64_t name;		/* 5.11 */
	uint32_t name_len;
	uint32_t kernel_btf;
} __attribute__((aligned(8)));

/* One eBPF instruction, for the test helpers that load programs. */
struct bpf_insn {
	uint8_t code;
	uint8_t dst_reg:4;
	uint8_t src_reg:4;
	int16_t off;
	int32_t imm;
};

/* One func_info record of a program (BPF_OBJ_GET_INFO_BY_FD). */
struct bpf_func_info {
	uint32_t insn_off;
	uint32_t type_id;
};

/* For the test helpers that load programs: BPF_LD_IMM64 with this
 * src_reg takes a map fd; helper ids and flags they call with. */
#define BPF_PSEUDO_MAP_FD 1
#define BPF_FUNC_tail_call 12
#define BPF_FUNC_perf_event_output 25
#define BPF_FUNC_ringbuf_output 130
#define BPF_F_CURRENT_CPU 0xffffffffULL

/* BPF ringbuf (5.8): each record starts with an 8-byte header whose
 * first u32 is the length, with these bits while it is being written
 * or after the producer dropped it. */
#define BPF_RINGBUF_BUSY_BIT (1U << 31)
#define BPF_RINGBUF_DISCARD_BIT (1U << 30)
#define BPF_RINGBUF_HDR_SZ 8

/* ---- prog dump/run/tracelog (instruction encoding, info records) ---- */

/* Instruction encoding (the eBPF instruction set): code = class | ... */
#define BPF_CLASS(code) ((code) & 0x07)
#define BPF_SIZE(code) ((code) & 0x18)
#define BPF_MODE(code) ((code) & 0xe0)
#define BPF_OP(code) ((code) & 0xf0)
#define BPF_SRC(code) ((code) & 0x08)
enum { BPF_LD, BPF_LDX, BPF_ST, BPF_STX, BPF_ALU, BPF_JMP, BPF_JMP32, BPF_ALU64 };
#define BPF_X 0x08
#define BPF_DW 0x18
#define BPF_IMM 0x00
#define BPF_JA 0x00
#define BPF_CALL 0x80
#define BPF_EXIT 0x90
#define BPF_PSEUDO_MAP_VALUE 2
#define BPF_PSEUDO_BTF_ID 3
#define BPF_PSEUDO_FUNC 4
#define BPF_PSEUDO_MAP_IDX_VALUE 6
#define BPF_PSEUDO_CALL 1
#define BPF_PSEUDO_KFUNC_CALL 2

/* One line_info record of a program (BPF_OBJ_GET_INFO_BY_FD). */
struct bpf_line_info {
	uint32_t insn_off;
	uint32_t file_name_off;
	uint32_t line_off;
	uint32_t line_col;	/* line << 10 | column */
};
#define BPF_LINE_INFO_LINE_NUM(line_col) ((line_col) >> 10)
#define BPF_LINE_INFO_LINE_COL(line_col) ((line_col) & 0x3ff)

/* BPF_PROG_STREAM_READ_BY_FD (6.17): a program's bpf_stream_printk()
 * output, stream 1 (stdout) or 2 (stderr). */
#define BPF_PROG_STREAM_READ_BY_FD 37
struct bpf_attr_stream_read {
	uint64_t stream_buf;
	uint32_t stream_buf_len;
	uint32_t stream_id;
	uint32_t prog_fd;
};

#endif
