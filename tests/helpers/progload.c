/* progload: load a tiny BPF program with raw BPF_PROG_LOAD and pin it,
 * or test-run a pinned one, for the prog/event_pipe/pids tests.
 *
 *   progload TYPE PATH [name NAME] [map MAPPATH] [license LIC] [func FUNC]
 *       socket     socket filter: return 0
 *       xdp        XDP: return XDP_PASS
 *       perf       socket filter: bpf_perf_event_output(ctx, MAP,
 *                  BPF_F_CURRENT_CPU, {1..8}, 8); returns the helper's result
 *       ringbuf    socket filter: bpf_ringbuf_output(MAP, {1..8}, 8, 0);
 *                  returns the helper's result
 *       tailcall   socket filter: bpf_tail_call(ctx, MAP, 0); return 0
 *       tc, flow, rawtp, tp, perfev   sched_cls, flow_dissector,
 *                  raw_tracepoint, tracepoint, perf_event: return 0
 *       cgskb, netfilter, skskb   cgroup_skb, netfilter, sk_skb: return 1
 *                  (accept, pass)
 *   progload metadata PATH MAPPATH
 *       a ".rodata" array map with BTF (DATASEC: bpf_metadata_version
 *       char[8] "v1.2", other int 7, bpf_metadata_count int 42), pinned
 *       at MAPPATH, and a socket filter using it, pinned at PATH: what
 *       prog show prints as "metadata"
 *   progload tag PATH
 *       print the pinned program's tag from the kernel's fdinfo
 *   progload run PATH [cpu N] [repeat N] [stats 1]
 *       BPF_PROG_TEST_RUN on a 64-byte packet, on CPU N (default 0),
 *       with BPF_ENABLE_STATS on for the run when asked (run_time_ns);
 *       prints "retval R", exit status 0 only when R is 0 (for perf: the
 *       record reached a reader).
 *   progload jited PATH FILE
 *       write the pinned program's JIT image (jited_prog_insns) to FILE
 *       and print "bytes N funcs L1[,L2...]" (jited_func_lens); exit
 *       status 4 when the kernel has no image to give (JIT off)
 * func FUNC loads BTF with one FUNC record "int FUNC(void)" and func info
 * naming the program's one function (prog show's full names, btf_id).
 * License defaults to "GPL" (perf_event_output is GPL-only).  Uses
 * bpfbox's own syscall layer; needs no libbpf. */
#include "kernel/sys_bpf.h"
#include "btf_builder.h"

#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define R0 0
#define R1 1
#define R2 2
#define R3 3
#define R4 4
#define R5 5
#define R6 6
#define R10 10

/* Opcodes (class | op | source), from the eBPF instruction set. */
#define MOV64_IMM(d, i) { 0xb7, d, 0, 0, i }
#define MOV32_IMM(d, i) { 0xb4, d, 0, 0, i }
#define MOV64_REG(d, s) { 0xbf, d, s, 0, 0 }
#define ADD64_IMM(d, i) { 0x07, d, 0, 0, i }
#define ST_W(d, off, i) { 0x62, d, 0, off, i }
#define CALL(f) { 0x85, 0, 0, 0, f }
#define EXIT() { 0x95, 0, 0, 0, 0 }
/* Two instructions: dst = the map whose fd is patched into the first. */
#define LD_MAP(d) { 0x18, d, BPF_PSEUDO_MAP_FD, 0, 0 }, { 0, 0, 0, 0, 0 }

static const struct bpf_insn prog_socket[] = { MOV64_IMM(R0, 0), EXIT() };
static const struct bpf_insn prog_xdp[] = { MOV64_IMM(R0, 2), EXIT() };
static const struct bpf_insn prog_accept[] = { MOV64_IMM(R0, 1), EXIT() };
static const struct bpf_insn prog_perf[] = {
	MOV64_REG(R6, R1),
	ST_W(R10, -8, 0x04030201),
	ST_W(R10, -4, 0x08070605),
	MOV64_REG(R1, R6),
	LD_MAP(R2),
	MOV32_IMM(R3, -1),		/* BPF_F_CURRENT_CPU, zero-extended */
	MOV64_REG(R4, R10),
	ADD64_IMM(R4, -8),
	MOV64_IMM(R5, 8),
	CALL(BPF_FUNC_perf_event_output),
	EXIT(),
};
static const struct bpf_insn prog_ringbuf[] = {
	ST_W(R10, -8, 0x04030201),
	ST_W(R10, -4, 0x08070605),
	LD_MAP(R1),
	MOV64_REG(R2, R10),
	ADD64_IMM(R2, -8),
	MOV64_IMM(R3, 8),
	MOV64_IMM(R4, 0),
	CALL(BPF_FUNC_ringbuf_output),
	EXIT(),
};
static const struct bpf_insn prog_usemap[] = {
	LD_MAP(R1),
	MOV64_IMM(R0, 0),
	EXIT(),
};
static const struct bpf_insn prog_tailcall[] = {
	LD_MAP(R2),
	MOV64_IMM(R3, 0),
	CALL(BPF_FUNC_tail_call),
	MOV64_IMM(R0, 0),
	EXIT(),
};

static const struct {
	const char *name;
	uint32_t type;
	const struct bpf_insn *insns;
	uint32_t n;
	int needs_map;
} progs[] = {
	{ "socket", BPF_PROG_TYPE_SOCKET_FILTER, prog_socket, 2, 0 },
	{ "xdp", BPF_PROG_TYPE_XDP, prog_xdp, 2, 0 },
	{ "perf", BPF_PROG_TYPE_SOCKET_FILTER, prog_perf, 12, 1 },
	{ "ringbuf", BPF_PROG_TYPE_SOCKET_FILTER, prog_ringbuf, 10, 1 },
	{ "tailcall", BPF_PROG_TYPE_SOCKET_FILTER, prog_tailcall, 6, 1 },
	/* for net, link, cgroup and perf: return 0 or 1 (accept) */
	{ "tc", BPF_PROG_TYPE_SCHED_CLS, prog_socket, 2, 0 },
	{ "flow", BPF_PROG_TYPE_FLOW_DISSECTOR, prog_socket, 2, 0 },
	{ "cgskb", BPF_PROG_TYPE_CGROUP_SKB, prog_accept, 2, 0 },
	{ "netfilter", BPF_PROG_TYPE_NETFILTER, prog_accept, 2, 0 },
	{ "rawtp", BPF_PROG_TYPE_RAW_TRACEPOINT, prog_socket, 2, 0 },
	{ "tp", BPF_PROG_TYPE_TRACEPOINT, prog_socket, 2, 0 },
	{ "perfev", BPF_PROG_TYPE_PERF_EVENT, prog_socket, 2, 0 },
	{ "skskb", BPF_PROG_TYPE_SK_SKB, prog_accept, 2, 0 },
};

static int die(const char *what, int err)
{
	fprintf(stderr, "progload: %s: %s\n", what, strerror(-err));
	return 1;
}

static int usage(void)
{
	fprintf(stderr, "usage: progload {socket|xdp|perf|ringbuf|tailcall|tc|flow|cgskb|netfilter|rawtp|tp|perfev|skskb} PATH [name NAME] [map MAPPATH] [license LIC] [func FUNC]\n"
			"       progload run PATH [cpu N] [repeat N] [stats 1]\n"
			"       progload jited PATH FILE\n");
	return 2;
}

/* The .rodata map of a program with bpf_metadata_* variables, as
 * libbpf creates it from an object file. */
static int metadata(const char *prog_path, const char *map_path)
{
	static const uint8_t data[16] = { 'v', '1', '.', '2', 0, 0, 0, 0, 7, 0, 0, 0, 42, 0, 0, 0 };
	struct bpf_attr_map_create m;
	struct bpf_attr_prog_load a;
	struct bpf_insn insns[4];
	uint32_t i32, chr, arr, v1, v2, v3, sec, key = 0;
	static char log[65536];
	struct bb b;
	size_t size;
	void *blob;
	int btf_fd, map_fd, fd, err;

	bb_init(&b);
	i32 = bb_int(&b, "int", 4, BTF_INT_SIGNED);
	chr = bb_int(&b, "char", 1, BTF_INT_SIGNED);
	arr = bb_array(&b, chr, i32, 8);
	v1 = bb_var(&b, "bpf_metadata_version", arr, 1);
	v2 = bb_var(&b, "other", i32, 1);
	v3 = bb_var(&b, "bpf_metadata_count", i32, 1);
	sec = bb_datasec(&b, ".rodata", sizeof(data));
	bb_secinfo(&b, v1, 0, 8);
	bb_secinfo(&b, v2, 8, 4);
	bb_secinfo(&b, v3, 12, 4);
	blob = bb_blob(&b, &size);
	btf_fd = sys_btf_load(blob, (uint32_t)size, log, sizeof(log));
	if (btf_fd < 0) {
		fprintf(stderr, "%s", log);
		return die("btf load", btf_fd);
	}
	memset(&m, 0, sizeof(m));
	m.map_type = BPF_MAP_TYPE_ARRAY;
	m.key_size = 4;
	m.value_size = sizeof(data);
	m.max_entries = 1;
	strcpy(m.map_name, "pt.rodata");
	m.btf_fd = (uint32_t)btf_fd;
	m.btf_key_type_id = i32;
	m.btf_value_type_id = sec;
	map_fd = sys_map_create(&m);
	if (map_fd < 0)
		return die("map create", map_fd);
	err = sys_map_update(map_fd, &key, data, 0);
	if (!err)
		err = sys_obj_pin(map_fd, map_path);
	if (err)
		return die(map_path, err);

	memcpy(insns, prog_usemap, sizeof(prog_usemap));
	insns[0].imm = map_fd;
	memset(&a, 0, sizeof(a));
	a.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
	a.insn_cnt = 4;
	a.insns = (uint64_t)(uintptr_t)insns;
	a.license = (uint64_t)(uintptr_t)"GPL";
	strcpy(a.prog_name, "pt_meta");
	fd = sys_prog_load(&a);
	if (fd < 0)
		return die("prog load", fd);
	err = sys_obj_pin(fd, prog_path);
	return err ? die(prog_path, err) : 0;
}

static int run(int argc, char **argv)
{
	static unsigned char pkt[64];
	struct bpf_attr_test_run a;
	cpu_set_t set;
	int i, fd, err, cpu = 0, stats = 0, stats_fd = -1;
	uint32_t repeat = 1;

	for (i = 3; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "cpu"))
			cpu = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "repeat"))
			repeat = (uint32_t)atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "stats"))
			stats = atoi(argv[i + 1]);
		else
			return usage();
	}
	/* Perf records name the CPU the program ran on: make it known. */
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set))
		return die("sched_setaffinity", -1);
	fd = sys_obj_get(argv[2], 0);
	if (fd < 0)
		return die(argv[2], fd);
	if (stats) {
		uint32_t type = 0;	/* BPF_STATS_RUN_TIME: on while the fd is open */

		stats_fd = sys_bpf(BPF_ENABLE_STATS, &type, sizeof(type));
		if (stats_fd < 0)
			return die("enable stats", stats_fd);
	}
	memset(&a, 0, sizeof(a));
	a.prog_fd = (uint32_t)fd;
	a.data_in = (uint64_t)(uintptr_t)pkt;
	a.data_size_in = sizeof(pkt);
	a.repeat = repeat;
	err = sys_prog_test_run(&a);
	if (stats_fd >= 0)
		close(stats_fd);
	if (err)
		return die("test run", err);
	printf("retval %d\n", (int)a.retval);
	return a.retval != 0;
}

/* The program's tag as the kernel's fdinfo says it ("prog_tag:"), a
 * source independent of bpf_prog_info: tags vary between kernels. */
static int tag(const char *path)
{
	char fdinfo[64], line[256];
	int fd = sys_obj_get(path, 0);
	FILE *f;

	if (fd < 0) {
		fprintf(stderr, "progload: %s: %s\n", path, strerror(-fd));
		return 1;
	}
	snprintf(fdinfo, sizeof(fdinfo), "/proc/self/fdinfo/%d", fd);
	f = fopen(fdinfo, "r");
	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, "prog_tag:", 9)) {
			printf("%s", line + 9 + strspn(line + 9, " \t"));
			fclose(f);
			return 0;
		}
	if (f)
		fclose(f);
	return 1;
}

/* Two BPF_OBJ_GET_INFO_BY_FD calls: the lengths, then the bytes. */
static int jited(const char *path, const char *file)
{
	struct bpf_prog_info info;
	uint32_t len = sizeof(info), size, nfuncs, i;
	uint32_t *lens = NULL;
	uint8_t *image = NULL;
	FILE *f;
	int fd = sys_obj_get(path, 0), err;

	if (fd < 0)
		return die(path, fd);
	memset(&info, 0, sizeof(info));
	err = sys_obj_info(fd, &info, &len);
	if (err)
		return die("prog info", err);
	if (!info.jited_prog_len) {
		fprintf(stderr, "progload: %s: no JIT image (JIT disabled?)\n", path);
		return 4;
	}
	size = info.jited_prog_len;
	nfuncs = info.nr_jited_func_lens;
	image = malloc(size);
	lens = calloc(nfuncs ? nfuncs : 1, sizeof(*lens));
	if (!image || !lens)
		return die("malloc", -ENOMEM);
	memset(&info, 0, sizeof(info));
	info.jited_prog_len = size;
	info.jited_prog_insns = (uintptr_t)image;
	info.nr_jited_func_lens = nfuncs;
	info.jited_func_lens = (uintptr_t)lens;
	len = sizeof(info);
	err = sys_obj_info(fd, &info, &len);
	if (err)
		return die("prog info", err);
	if (!info.jited_prog_insns) {
		fprintf(stderr, "progload: %s: the kernel withholds the JIT image (kptr_restrict)\n", path);
		return 4;
	}
	/* The same program: its image cannot have grown in between. */
	if (info.jited_prog_len > size || info.nr_jited_func_lens > nfuncs)
		return die("prog info", -EOVERFLOW);
	f = fopen(file, "wb");
	if (!f || fwrite(image, 1, info.jited_prog_len, f) != info.jited_prog_len || fclose(f)) {
		fprintf(stderr, "progload: %s: %s\n", file, strerror(errno));
		return 1;
	}
	printf("bytes %u funcs ", info.jited_prog_len);
	for (i = 0; i < info.nr_jited_func_lens; i++)
		printf("%s%u", i ? "," : "", lens[i]);
	printf("\n");
	free(image);
	free(lens);
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	struct bpf_attr_prog_load a;
	struct bpf_insn insns[16];
	const char *name = NULL, *map = NULL, *license = "GPL", *func = NULL;
	struct bpf_func_info finfo = { 0, 0 };
	static char log[65536];
	unsigned p, i;
	int fd, map_fd = -1, err;

	if (argc >= 3 && !strcmp(argv[1], "run"))
		return run(argc, argv);
	if (argc == 3 && !strcmp(argv[1], "tag"))
		return tag(argv[2]);
	if (argc == 4 && !strcmp(argv[1], "jited"))
		return jited(argv[2], argv[3]);
	if (argc == 4 && !strcmp(argv[1], "metadata"))
		return metadata(argv[2], argv[3]);
	if (argc < 3 || argc % 2 == 0)
		return usage();
	for (p = 0; p < sizeof(progs) / sizeof(progs[0]); p++)
		if (!strcmp(progs[p].name, argv[1]))
			break;
	if (p == sizeof(progs) / sizeof(progs[0]))
		return usage();
	for (i = 3; i + 1 < (unsigned)argc; i += 2) {
		if (!strcmp(argv[i], "name"))
			name = argv[i + 1];
		else if (!strcmp(argv[i], "map"))
			map = argv[i + 1];
		else if (!strcmp(argv[i], "license"))
			license = argv[i + 1];
		else if (!strcmp(argv[i], "func"))
			func = argv[i + 1];
		else
			return usage();
	}
	if (progs[p].needs_map != !!map)
		return usage();
	memcpy(insns, progs[p].insns, progs[p].n * sizeof(insns[0]));
	if (map) {
		map_fd = sys_obj_get(map, 0);
		if (map_fd < 0)
			return die(map, map_fd);
		for (i = 0; i < progs[p].n; i++)
			if (insns[i].code == 0x18)
				insns[i].imm = map_fd;
	}

	memset(&a, 0, sizeof(a));
	a.prog_type = progs[p].type;
	a.insn_cnt = progs[p].n;
	a.insns = (uint64_t)(uintptr_t)insns;
	a.license = (uint64_t)(uintptr_t)license;
	a.log_buf = (uint64_t)(uintptr_t)log;
	a.log_size = sizeof(log);
	a.log_level = 1;
	if (progs[p].type == BPF_PROG_TYPE_NETFILTER)
		a.expected_attach_type = BPF_NETFILTER;	/* required */
	if (name)
		strncpy(a.prog_name, name, BPF_OBJ_NAME_LEN - 1);
	if (func) {
		struct bb b;
		void *blob;
		size_t size;
		int btf_fd;

		bb_init(&b);
		finfo.type_id = bb_func(&b, func, bb_func_proto(&b, bb_int(&b, "int", 4, BTF_INT_SIGNED)), 0);
		blob = bb_blob(&b, &size);
		btf_fd = sys_btf_load(blob, (uint32_t)size, log, sizeof(log));
		if (btf_fd < 0) {
			fprintf(stderr, "%s", log);
			return die("btf load", btf_fd);
		}
		a.prog_btf_fd = (uint32_t)btf_fd;
		a.func_info_rec_size = sizeof(finfo);
		a.func_info = (uint64_t)(uintptr_t)&finfo;
		a.func_info_cnt = 1;
	}
	fd = sys_prog_load(&a);
	if (fd < 0) {
		fprintf(stderr, "%s", log);
		return die("prog load", fd);
	}
	err = sys_obj_pin(fd, argv[2]);
	if (err)
		return die(argv[2], err);
	return 0;
}
