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
/* ---- attachments: net, link, cgroup, perf ----------------------------- */

enum bpf_cmd_attach {
	BPF_PROG_ATTACH = 8,
	BPF_PROG_DETACH = 9,
	BPF_PROG_QUERY = 16,		/* 4.10 */
	BPF_RAW_TRACEPOINT_OPEN = 17,	/* 4.17 */
	BPF_TASK_FD_QUERY = 20,		/* 4.18 */
	BPF_LINK_CREATE = 28,		/* 5.7 */
	BPF_LINK_GET_FD_BY_ID = 30,	/* 5.8 */
	BPF_LINK_GET_NEXT_ID = 31,
	BPF_LINK_DETACH = 34,		/* 5.9 */
};

/* Attach types in kernel order: the enum name, libbpf's name (what
 * bpftool prints and reads), and bpftool's older input word that
 * "cgroup attach" still takes by prefix (0: none). */
#define BPF_ATTACH_TYPES(X) \
	X(CGROUP_INET_INGRESS, "cgroup_inet_ingress", "ingress") \
	X(CGROUP_INET_EGRESS, "cgroup_inet_egress", "egress") \
	X(CGROUP_INET_SOCK_CREATE, "cgroup_inet_sock_create", "sock_create") \
	X(CGROUP_SOCK_OPS, "cgroup_sock_ops", "sock_ops") \
	X(SK_SKB_STREAM_PARSER, "sk_skb_stream_parser", 0) \
	X(SK_SKB_STREAM_VERDICT, "sk_skb_stream_verdict", 0) \
	X(CGROUP_DEVICE, "cgroup_device", "device") \
	X(SK_MSG_VERDICT, "sk_msg_verdict", 0) \
	X(CGROUP_INET4_BIND, "cgroup_inet4_bind", "bind4") \
	X(CGROUP_INET6_BIND, "cgroup_inet6_bind", "bind6") \
	X(CGROUP_INET4_CONNECT, "cgroup_inet4_connect", "connect4") \
	X(CGROUP_INET6_CONNECT, "cgroup_inet6_connect", "connect6") \
	X(CGROUP_INET4_POST_BIND, "cgroup_inet4_post_bind", "post_bind4") \
	X(CGROUP_INET6_POST_BIND, "cgroup_inet6_post_bind", "post_bind6") \
	X(CGROUP_UDP4_SENDMSG, "cgroup_udp4_sendmsg", "sendmsg4") \
	X(CGROUP_UDP6_SENDMSG, "cgroup_udp6_sendmsg", "sendmsg6") \
	X(LIRC_MODE2, "lirc_mode2", 0) \
	X(FLOW_DISSECTOR, "flow_dissector", 0) \
	X(CGROUP_SYSCTL, "cgroup_sysctl", "sysctl") \
	X(CGROUP_UDP4_RECVMSG, "cgroup_udp4_recvmsg", "recvmsg4") \
	X(CGROUP_UDP6_RECVMSG, "cgroup_udp6_recvmsg", "recvmsg6") \
	X(CGROUP_GETSOCKOPT, "cgroup_getsockopt", "getsockopt") \
	X(CGROUP_SETSOCKOPT, "cgroup_setsockopt", "setsockopt") \
	X(TRACE_RAW_TP, "trace_raw_tp", "raw_tp") \
	X(TRACE_FENTRY, "trace_fentry", "fentry") \
	X(TRACE_FEXIT, "trace_fexit", "fexit") \
	X(MODIFY_RETURN, "modify_return", "mod_ret") \
	X(LSM_MAC, "lsm_mac", 0) \
	X(TRACE_ITER, "trace_iter", 0) \
	X(CGROUP_INET4_GETPEERNAME, "cgroup_inet4_getpeername", "getpeername4") \
	X(CGROUP_INET6_GETPEERNAME, "cgroup_inet6_getpeername", "getpeername6") \
	X(CGROUP_INET4_GETSOCKNAME, "cgroup_inet4_getsockname", "getsockname4") \
	X(CGROUP_INET6_GETSOCKNAME, "cgroup_inet6_getsockname", "getsockname6") \
	X(XDP_DEVMAP, "xdp_devmap", 0) \
	X(CGROUP_INET_SOCK_RELEASE, "cgroup_inet_sock_release", "sock_release") \
	X(XDP_CPUMAP, "xdp_cpumap", 0) \
	X(SK_LOOKUP, "sk_lookup", 0) \
	X(XDP, "xdp", 0) \
	X(SK_SKB_VERDICT, "sk_skb_verdict", 0) \
	X(SK_REUSEPORT_SELECT, "sk_reuseport_select", "sk_skb_reuseport_select") \
	X(SK_REUSEPORT_SELECT_OR_MIGRATE, "sk_reuseport_select_or_migrate", \
	  "sk_skb_reuseport_select_or_migrate") \
	X(PERF_EVENT, "perf_event", 0) \
	X(TRACE_KPROBE_MULTI, "trace_kprobe_multi", 0) \
	X(LSM_CGROUP, "lsm_cgroup", 0) \
	X(STRUCT_OPS, "struct_ops", 0) \
	X(NETFILTER, "netfilter", 0) \
	X(TCX_INGRESS, "tcx_ingress", 0) \
	X(TCX_EGRESS, "tcx_egress", 0) \
	X(TRACE_UPROBE_MULTI, "trace_uprobe_multi", 0) \
	X(CGROUP_UNIX_CONNECT, "cgroup_unix_connect", 0) \
	X(CGROUP_UNIX_SENDMSG, "cgroup_unix_sendmsg", 0) \
	X(CGROUP_UNIX_RECVMSG, "cgroup_unix_recvmsg", 0) \
	X(CGROUP_UNIX_GETPEERNAME, "cgroup_unix_getpeername", 0) \
	X(CGROUP_UNIX_GETSOCKNAME, "cgroup_unix_getsockname", 0) \
	X(NETKIT_PRIMARY, "netkit_primary", 0) \
	X(NETKIT_PEER, "netkit_peer", 0) \
	X(TRACE_KPROBE_SESSION, "trace_kprobe_session", 0) \
	X(TRACE_UPROBE_SESSION, "trace_uprobe_session", 0) \
	X(TRACE_FSESSION, "trace_fsession", "fsession") \
	X(TRACE_FENTRY_MULTI, "trace_fentry_multi", 0) \
	X(TRACE_FEXIT_MULTI, "trace_fexit_multi", 0) \
	X(TRACE_FSESSION_MULTI, "trace_fsession_multi", 0)

#define BPF_ATTACH_TYPE_ENUM(n, s, in) BPF_##n,
enum bpf_attach_type { BPF_ATTACH_TYPES(BPF_ATTACH_TYPE_ENUM) BPF_ATTACH_TYPE_COUNT };
#undef BPF_ATTACH_TYPE_ENUM

#define BPF_LINK_TYPES(X) \
	X(UNSPEC, "unspec") \
	X(RAW_TRACEPOINT, "raw_tracepoint") \
	X(TRACING, "tracing") \
	X(CGROUP, "cgroup") \
	X(ITER, "iter") \
	X(NETNS, "netns") \
	X(XDP, "xdp") \
	X(PERF_EVENT, "perf_event") \
	X(KPROBE_MULTI, "kprobe_multi") \
	X(STRUCT_OPS, "struct_ops") \
	X(NETFILTER, "netfilter") \
	X(TCX, "tcx") \
	X(UPROBE_MULTI, "uprobe_multi") \
	X(NETKIT, "netkit") \
	X(SOCKMAP, "sockmap") \
	X(TRACING_MULTI, "tracing_multi")

/* Helper ids in kernel order (the ids are the positions), named as
 * libbpf names them, without "bpf_". */
#define BPF_HELPERS(X) \
	X(unspec) X(map_lookup_elem) X(map_update_elem) X(map_delete_elem) \
	X(probe_read) X(ktime_get_ns) X(trace_printk) X(get_prandom_u32) \
	X(get_smp_processor_id) X(skb_store_bytes) X(l3_csum_replace) \
	X(l4_csum_replace) X(tail_call) X(clone_redirect) \
	X(get_current_pid_tgid) X(get_current_uid_gid) X(get_current_comm) \
	X(get_cgroup_classid) X(skb_vlan_push) X(skb_vlan_pop) \
	X(skb_get_tunnel_key) X(skb_set_tunnel_key) X(perf_event_read) \
	X(redirect) X(get_route_realm) X(perf_event_output) \
	X(skb_load_bytes) X(get_stackid) X(csum_diff) X(skb_get_tunnel_opt) \
	X(skb_set_tunnel_opt) X(skb_change_proto) X(skb_change_type) \
	X(skb_under_cgroup) X(get_hash_recalc) X(get_current_task) \
	X(probe_write_user) X(current_task_under_cgroup) X(skb_change_tail) \
	X(skb_pull_data) X(csum_update) X(set_hash_invalid) \
	X(get_numa_node_id) X(skb_change_head) X(xdp_adjust_head) \
	X(probe_read_str) X(get_socket_cookie) X(get_socket_uid) \
	X(set_hash) X(setsockopt) X(skb_adjust_room) X(redirect_map) \
	X(sk_redirect_map) X(sock_map_update) X(xdp_adjust_meta) \
	X(perf_event_read_value) X(perf_prog_read_value) X(getsockopt) \
	X(override_return) X(sock_ops_cb_flags_set) X(msg_redirect_map) \
	X(msg_apply_bytes) X(msg_cork_bytes) X(msg_pull_data) X(bind) \
	X(xdp_adjust_tail) X(skb_get_xfrm_state) X(get_stack) \
	X(skb_load_bytes_relative) X(fib_lookup) X(sock_hash_update) \
	X(msg_redirect_hash) X(sk_redirect_hash) X(lwt_push_encap) \
	X(lwt_seg6_store_bytes) X(lwt_seg6_adjust_srh) X(lwt_seg6_action) \
	X(rc_repeat) X(rc_keydown) X(skb_cgroup_id) \
	X(get_current_cgroup_id) X(get_local_storage) \
	X(sk_select_reuseport) X(skb_ancestor_cgroup_id) X(sk_lookup_tcp) \
	X(sk_lookup_udp) X(sk_release) X(map_push_elem) X(map_pop_elem) \
	X(map_peek_elem) X(msg_push_data) X(msg_pop_data) X(rc_pointer_rel) \
	X(spin_lock) X(spin_unlock) X(sk_fullsock) X(tcp_sock) \
	X(skb_ecn_set_ce) X(get_listener_sock) X(skc_lookup_tcp) \
	X(tcp_check_syncookie) X(sysctl_get_name) \
	X(sysctl_get_current_value) X(sysctl_get_new_value) \
	X(sysctl_set_new_value) X(strtol) X(strtoul) X(sk_storage_get) \
	X(sk_storage_delete) X(send_signal) X(tcp_gen_syncookie) \
	X(skb_output) X(probe_read_user) X(probe_read_kernel) \
	X(probe_read_user_str) X(probe_read_kernel_str) X(tcp_send_ack) \
	X(send_signal_thread) X(jiffies64) X(read_branch_records) \
	X(get_ns_current_pid_tgid) X(xdp_output) X(get_netns_cookie) \
	X(get_current_ancestor_cgroup_id) X(sk_assign) X(ktime_get_boot_ns) \
	X(seq_printf) X(seq_write) X(sk_cgroup_id) X(sk_ancestor_cgroup_id) \
	X(ringbuf_output) X(ringbuf_reserve) X(ringbuf_submit) \
	X(ringbuf_discard) X(ringbuf_query) X(csum_level) \
	X(skc_to_tcp6_sock) X(skc_to_tcp_sock) X(skc_to_tcp_timewait_sock) \
	X(skc_to_tcp_request_sock) X(skc_to_udp6_sock) X(get_task_stack) \
	X(load_hdr_opt) X(store_hdr_opt) X(reserve_hdr_opt) \
	X(inode_storage_get) X(inode_storage_delete) X(d_path) \
	X(copy_from_user) X(snprintf_btf) X(seq_printf_btf) \
	X(skb_cgroup_classid) X(redirect_neigh) X(per_cpu_ptr) \
	X(this_cpu_ptr) X(redirect_peer) X(task_storage_get) \
	X(task_storage_delete) X(get_current_task_btf) X(bprm_opts_set) \
	X(ktime_get_coarse_ns) X(ima_inode_hash) X(sock_from_file) \
	X(check_mtu) X(for_each_map_elem) X(snprintf) X(sys_bpf) \
	X(btf_find_by_name_kind) X(sys_close) X(timer_init) \
	X(timer_set_callback) X(timer_start) X(timer_cancel) X(get_func_ip) \
	X(get_attach_cookie) X(task_pt_regs) X(get_branch_snapshot) \
	X(trace_vprintk) X(skc_to_unix_sock) X(kallsyms_lookup_name) \
	X(find_vma) X(loop) X(strncmp) X(get_func_arg) X(get_func_ret) \
	X(get_func_arg_cnt) X(get_retval) X(set_retval) X(xdp_get_buff_len) \
	X(xdp_load_bytes) X(xdp_store_bytes) X(copy_from_user_task) \
	X(skb_set_tstamp) X(ima_file_hash) X(kptr_xchg) \
	X(map_lookup_percpu_elem) X(skc_to_mptcp_sock) X(dynptr_from_mem) \
	X(ringbuf_reserve_dynptr) X(ringbuf_submit_dynptr) \
	X(ringbuf_discard_dynptr) X(dynptr_read) X(dynptr_write) \
	X(dynptr_data) X(tcp_raw_gen_syncookie_ipv4) \
	X(tcp_raw_gen_syncookie_ipv6) X(tcp_raw_check_syncookie_ipv4) \
	X(tcp_raw_check_syncookie_ipv6) X(ktime_get_tai_ns) \
	X(user_ringbuf_drain) X(cgrp_storage_get) X(cgrp_storage_delete)

#define BPF_LINK_TYPE_ENUM(n, s) BPF_LINK_TYPE_##n,
enum bpf_link_type { BPF_LINK_TYPES(BPF_LINK_TYPE_ENUM) BPF_LINK_TYPE_COUNT };
#undef BPF_LINK_TYPE_ENUM

#define BPF_HELPER_ENUM(n) BPF_HELPER_ID_##n,
enum { BPF_HELPERS(BPF_HELPER_ENUM) BPF_HELPER_COUNT };
#undef BPF_HELPER_ENUM

/* Helpers whose probes leave a kernel log warning: probed only in
 * "feature probe full". */
#define BPF_FUNC_trace_printk 6
#define BPF_FUNC_probe_write_user 36
#define BPF_FUNC_trace_vprintk 177

#define BPF_F_SLEEPABLE (1U << 4)	/* prog_flags */
#define BPF_MAXINSNS 4096		/* the limit before 5.3 */
#define BPF_CGROUP_STORAGE_KEY_SIZE 16	/* struct bpf_cgroup_storage_key, padded */
#define BPF_INSN_ARRAY_VALUE_SIZE 16	/* struct bpf_insn_array_value */
/* Attach and query flags. */
#define BPF_F_ALLOW_OVERRIDE (1U << 0)
#define BPF_F_ALLOW_MULTI (1U << 1)
#define BPF_F_REPLACE (1U << 2)
#define BPF_F_BEFORE (1U << 3)
#define BPF_F_QUERY_EFFECTIVE (1U << 0)
#define BPF_F_KPROBE_MULTI_RETURN (1U << 0)
#define BPF_F_UPROBE_MULTI_RETURN (1U << 0)

enum bpf_perf_event_type {
	BPF_PERF_EVENT_UNSPEC, BPF_PERF_EVENT_UPROBE, BPF_PERF_EVENT_URETPROBE,
	BPF_PERF_EVENT_KPROBE, BPF_PERF_EVENT_KRETPROBE, BPF_PERF_EVENT_TRACEPOINT,
	BPF_PERF_EVENT_EVENT,
};

enum bpf_task_fd_type {
	BPF_FD_TYPE_RAW_TRACEPOINT, BPF_FD_TYPE_TRACEPOINT, BPF_FD_TYPE_KPROBE,
	BPF_FD_TYPE_KRETPROBE, BPF_FD_TYPE_UPROBE, BPF_FD_TYPE_URETPROBE,
};

/* PROG_ATTACH and PROG_DETACH. */
struct bpf_attr_prog_attach {
	uint32_t target_fd;	/* or target_ifindex (tcx) */
	uint32_t attach_bpf_fd;
	uint32_t attach_type;
	uint32_t attach_flags;
	uint32_t replace_bpf_fd;	/* 5.6 */
	uint32_t relative_fd;		/* 6.6 */
	uint64_t expected_revision;
};

struct bpf_attr_prog_query {
	uint32_t target_fd;	/* or target_ifindex */
	uint32_t attach_type;
	uint32_t query_flags;
	uint32_t attach_flags;
	uint64_t prog_ids;
	uint32_t count;
	uint32_t :32;
	uint64_t prog_attach_flags;	/* 6.0 */
	uint64_t link_ids;		/* 6.6 */
	uint64_t link_attach_flags;
	uint64_t revision;
};

struct bpf_attr_task_fd_query {
	uint32_t pid;
	uint32_t fd;
	uint32_t flags;
	uint32_t buf_len;
	uint64_t buf;
	uint32_t prog_id;
	uint32_t fd_type;
	uint64_t probe_offset;
	uint64_t probe_addr;
};

struct bpf_attr_link_create {
	uint32_t prog_fd;	/* or map_fd (struct_ops) */
	uint32_t target_fd;	/* or target_ifindex */
	uint32_t attach_type;
	uint32_t flags;
	union {
		uint32_t target_btf_id;
		struct {
			uint64_t iter_info;
			uint32_t iter_info_len;
		};
		struct {
			uint32_t pf;
			uint32_t hooknum;
			int32_t priority;
			uint32_t flags;
		} netfilter;		/* 6.4 */
	};
};

struct bpf_link_info {
	uint32_t type;
	uint32_t id;
	uint32_t prog_id;
	union {
		struct {
			uint64_t tp_name;
			uint32_t tp_name_len;
			uint32_t :32;
			uint64_t cookie;
		} raw_tracepoint;
		struct {
			uint32_t attach_type;
			uint32_t target_obj_id;
			uint32_t target_btf_id;
			uint32_t :32;
			uint64_t cookie;
		} tracing;
		struct {
			uint64_t cgroup_id;
			uint32_t attach_type;
		} cgroup;
		struct {
			uint64_t target_name;
			uint32_t target_name_len;
			uint32_t map_id;
			union {
				struct {
					uint64_t cgroup_id;
					uint32_t order;
				} cgroup;
				struct {
					uint32_t tid;
					uint32_t pid;
				} task;
			};
		} iter;
		struct {
			uint32_t netns_ino;
			uint32_t attach_type;
		} netns;
		struct {
			uint32_t ifindex;
			uint32_t attach_type;	/* tcx, netkit */
		} dev;			/* xdp, tcx, netkit */
		struct {
			uint32_t map_id;
			uint32_t attach_type;	/* sockmap */
		} map;			/* struct_ops, sockmap */
		struct {
			uint32_t pf;
			uint32_t hooknum;
			int32_t priority;
			uint32_t flags;
		} netfilter;
		struct {
			uint64_t addrs;
			uint32_t count;
			uint32_t flags;
			uint64_t missed;
			uint64_t cookies;
		} kprobe_multi;
		struct {
			uint64_t path;
			uint64_t offsets;
			uint64_t ref_ctr_offsets;
			uint64_t cookies;
			uint32_t path_size;
			uint32_t count;
			uint32_t flags;
			uint32_t pid;
		} uprobe_multi;
		struct {
			uint32_t type;	/* enum bpf_perf_event_type */
			uint32_t :32;
			union {
				struct {
					uint64_t file_name;
					uint32_t name_len;
					uint32_t offset;
					uint64_t cookie;
					uint64_t ref_ctr_offset;
				} uprobe;
				struct {
					uint64_t func_name;
					uint32_t name_len;
					uint32_t offset;
					uint64_t addr;
					uint64_t missed;
					uint64_t cookie;
				} kprobe;
				struct {
					uint64_t tp_name;
					uint32_t name_len;
					uint32_t :32;
					uint64_t cookie;
				} tracepoint;
				struct {
					uint64_t config;
					uint32_t type;
					uint32_t :32;
					uint64_t cookie;
				} event;
			};
		} perf_event;
	};
} __attribute__((aligned(8)));

/* cgroup iterator orders (iter links on cgroups). */
#define BPF_CGROUP_ITER_ORDERS(X) \
	X("order_unspec") X("self_only") X("descendants_pre") \
	X("descendants_post") X("ancestors_up")

#endif
