/* Pure parsing: keyword prefixes, numbers and bytes, names and flags,
 * the possible-CPU list, fdinfo lines, error messages. */
#include "unit.h"
#include "cli/argv.h"
#include "output/errstr.h"
#include "lib/names.h"
#include "kernel/pids.h"
#include "kernel/sys_proc.h"
#include "uapi/bpf.h"

TEST(prefix_rules)
{
	CHECK(is_prefix("l", "list"));
	CHECK(is_prefix("list", "list"));
	CHECK(!is_prefix("lists", "list"));
	CHECK(is_prefix("", "list"));	/* bpftool: "" abbreviates anything */
	CHECK(!is_prefix(NULL, "list"));
}

TEST(arg_cursor)
{
	char *words[] = { "key", "1", NULL };
	struct args a = { 2, words };

	CHECK(arg_is(&a, "key"));
	CHECK_STR(arg_next(&a), "key");
	CHECK_STR(arg_peek(&a), "1");
	arg_next(&a);
	CHECK(arg_peek(&a) == NULL);
	CHECK(arg_next(&a) == NULL);
	CHECK(!arg_is(&a, "key"));
}

TEST(numbers)
{
	uint32_t v = 0;
	uint64_t w = 0;

	CHECK_INT(parse_u32("42", &v), 0); CHECK_INT(v, 42);
	CHECK_INT(parse_u32("0x2a", &v), 0); CHECK_INT(v, 42);
	CHECK_INT(parse_u32("052", &v), 0); CHECK_INT(v, 42);
	CHECK_INT(parse_u32("4294967295", &v), 0); CHECK_INT(v, 4294967295u);
	CHECK_INT(parse_u32("4294967296", &v), -1);
	CHECK_INT(parse_u32("-1", &v), -1);
	CHECK_INT(parse_u32("", &v), -1);
	CHECK_INT(parse_u32("12abc", &v), -1);
	CHECK_INT(parse_u32(" 1", &v), -1);
	CHECK_INT(parse_u32(NULL, &v), -1);
	CHECK_INT(parse_u64("18446744073709551615", &w), 0);
	CHECK(w == ~0ULL);
}

TEST(bytes)
{
	uint8_t b = 0;

	CHECK_INT(parse_byte("255", 0, &b), 0); CHECK_INT(b, 255);
	CHECK_INT(parse_byte("0xff", 0, &b), 0); CHECK_INT(b, 255);
	CHECK_INT(parse_byte("010", 0, &b), 0); CHECK_INT(b, 8);
	CHECK_INT(parse_byte("ff", 16, &b), 0); CHECK_INT(b, 255);
	CHECK_INT(parse_byte("0f", 16, &b), 0); CHECK_INT(b, 15);
	CHECK_INT(parse_byte("256", 0, &b), -1);	/* bpftool wraps to 0 */
	CHECK_INT(parse_byte("-1", 0, &b), -1);		/* bpftool: 255 */
	CHECK_INT(parse_byte("ff", 0, &b), -1);
	CHECK_INT(parse_byte("08", 0, &b), -1);		/* not octal */
	CHECK_INT(parse_byte("1g", 16, &b), -1);
}

TEST(map_type_names)
{
	CHECK_INT(map_type_by_name("hash"), 1);
	CHECK_INT(map_type_by_name("percpu_array"), 6);
	CHECK_INT(map_type_by_name("bloom_filter"), 30);
	CHECK_INT(map_type_by_name("arena"), 33);
	CHECK_INT(map_type_by_name("has"), -1);	/* no prefixes for types */
	CHECK_STR(map_type_name(27), "ringbuf");
	CHECK(map_type_name(1000) == NULL);
	CHECK_STR(prog_type_name(6), "xdp");
	CHECK_STR(prog_type_name(32), "netfilter");
}

TEST(map_flags)
{
	uint32_t f = 0;
	const char *bad = NULL;

	CHECK_INT(map_flags_parse("0x401", &f, &bad), 0); CHECK_INT(f, 0x401);
	CHECK_INT(map_flags_parse("1", &f, &bad), 0); CHECK_INT(f, 1);
	CHECK_INT(map_flags_parse("no_prealloc,mmapable", &f, &bad), 0);
	CHECK_INT(f, 0x401);
	CHECK_INT(map_flags_parse("rdonly_prog|wronly", &f, &bad), 0);
	CHECK_INT(f, 0x90);
	CHECK_INT(map_flags_parse("no_prealloc,bogus", &f, &bad), -1);
	CHECK_STR(bad, "bogus");
	CHECK_INT(map_flags_parse("12x", &f, &bad), -1);
}

/* Numeric flags follow parse_u32() on every host: on 32-bit ones strtoul
 * clamps 2^32 and above to 0xffffffff instead of failing. */
TEST(map_flags_overflow)
{
	static const char *const bad_words[] = {
		"0x100000000", "4294967296", "18446744073709551616", "-1",
		"1 ", "0x1g", "7,", "0x",
	};
	const char *bad = NULL;
	uint32_t f = 0, v = 0;
	unsigned i;

	CHECK_INT(map_flags_parse("4294967295", &f, &bad), 0);
	CHECK(f == 0xffffffffu);
	CHECK_INT(map_flags_parse("0xffffffff", &f, &bad), 0);
	CHECK(f == 0xffffffffu);
	for (i = 0; i < sizeof(bad_words) / sizeof(bad_words[0]); i++) {
		bad = NULL;
		f = 12345;
		CHECK_INT(map_flags_parse(bad_words[i], &f, &bad), -1);
		CHECK_STR(bad, bad_words[i]);
		CHECK_INT(f, 12345);
		CHECK_INT(parse_u32(bad_words[i], &v), -1);
	}
}

TEST(cpu_lists)
{
	CHECK_INT(cpu_list_count("0\n"), 1);
	CHECK_INT(cpu_list_count("0-1\n"), 2);
	CHECK_INT(cpu_list_count("0-3,6,8-9"), 7);
	CHECK_INT(cpu_list_count(""), -22);
	CHECK_INT(cpu_list_count("3-1"), -22);
	CHECK_INT(cpu_list_count("x"), -22);
}

TEST(fdinfo_lines)
{
	struct fdinfo fi;
	char buf[32];

	strcpy(fi.text, "pos:\t0\nflags:\t02000002\nmnt_id:\t15\nino:\t1057\n"
			"map_type:\t1\nkey_size:\t4\nvalue_size:\t8\nmax_entries:\t16\n"
			"map_flags:\t0x0\nmap_extra:\t0x0\nmemlock:\t2320\nmap_id:\t25\n"
			"frozen:\t0\n");
	CHECK_STR(fdinfo_get(&fi, "memlock", buf, sizeof(buf)), "2320");
	CHECK_STR(fdinfo_get(&fi, "frozen", buf, sizeof(buf)), "0");
	CHECK(fdinfo_get(&fi, "owner_prog_type", buf, sizeof(buf)) == NULL);
	/* bpftool matches a substring: "map_id" also finds nothing earlier. */
	CHECK_STR(fdinfo_get(&fi, "map_id", buf, sizeof(buf)), "25");
	CHECK_INT(fdinfo_id(fi.text, "map_id"), 25);
	CHECK_INT(fdinfo_id(fi.text, "prog_id"), 0);
	CHECK_INT(fdinfo_id("xmap_id:\t3\nmap_id:\t4\n", "map_id"), 4);
}

TEST(error_messages_are_glibc_wording)
{
	CHECK_STR(errstr(-2), "No such file or directory");
	CHECK_STR(errstr(95), "Operation not supported");
	CHECK_STR(errstr(-7), "Argument list too long");
	CHECK_STR(errstr(524), "Unknown error 524");
}

TEST(kernel_versions)
{
	CHECK(kernel_older_than("5.10.0-46-amd64", "5.16"));
	CHECK(!kernel_older_than("5.16.0", "5.16"));
	CHECK(!kernel_older_than("6.1.0-56-amd64", "5.16"));
	CHECK(kernel_older_than("4.19.0", "4.20"));
	CHECK(!kernel_older_than("7.3.4+deb13-amd64", "6.9"));
	CHECK_STR(map_type_since(30), "5.16");
	CHECK_STR(map_type_since(1), "3.19");
	CHECK(map_type_since(0) == NULL);
	CHECK(map_type_since(1000) == NULL);
}

/* The MT_* columns against bpftool's map_is_per_cpu(), the types whose
 * key_size must be 0, and the kernel's batch-capable maps. */
TEST(map_type_facts)
{
	static const uint32_t per_cpu[] = {
		BPF_MAP_TYPE_PERCPU_HASH, BPF_MAP_TYPE_PERCPU_ARRAY,
		BPF_MAP_TYPE_LRU_PERCPU_HASH, BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE,
	};
	static const uint32_t no_keys[] = {
		BPF_MAP_TYPE_QUEUE, BPF_MAP_TYPE_STACK, BPF_MAP_TYPE_BLOOM_FILTER,
		BPF_MAP_TYPE_RINGBUF, BPF_MAP_TYPE_USER_RINGBUF, BPF_MAP_TYPE_ARENA,
	};
	static const uint32_t batch[] = {
		BPF_MAP_TYPE_HASH, BPF_MAP_TYPE_PERCPU_HASH, BPF_MAP_TYPE_LRU_HASH,
		BPF_MAP_TYPE_LRU_PERCPU_HASH, BPF_MAP_TYPE_ARRAY,
		BPF_MAP_TYPE_PERCPU_ARRAY,
	};
	unsigned t, i, n[3] = { 0, 0, 0 };

	for (i = 0; i < 4; i++)
		CHECK(map_type_per_cpu(per_cpu[i]));
	for (i = 0; i < 6; i++) {
		CHECK(!map_type_has_keys(no_keys[i]));
		CHECK(map_type_batches(batch[i]));
	}
	for (t = 1; t < BPF_MAP_TYPE_COUNT; t++) {
		n[0] += map_type_per_cpu(t);
		n[1] += !map_type_has_keys(t);
		n[2] += map_type_batches(t);
	}
	CHECK_INT(n[0], 4);
	CHECK_INT(n[1], 6);
	CHECK_INT(n[2], 6);
	/* Types newer than the table: dumped by key, one value. */
	CHECK(map_type_has_keys(1000));
	CHECK(!map_type_per_cpu(1000));
	CHECK(!map_type_batches(1000));
}

/* bpftool's `map help` TYPE list, byte for byte (devmap_hash out of
 * kernel order, its own line breaks). */
TEST(map_type_help_text)
{
	CHECK_STR(map_type_help(),
		  "hash | array | prog_array | perf_event_array | percpu_hash |\n"
		  "                 percpu_array | stack_trace | cgroup_array | lru_hash |\n"
		  "                 lru_percpu_hash | lpm_trie | array_of_maps | hash_of_maps |\n"
		  "                 devmap | devmap_hash | sockmap | cpumap | xskmap | sockhash |\n"
		  "                 cgroup_storage | reuseport_sockarray | percpu_cgroup_storage |\n"
		  "                 queue | stack | sk_storage | struct_ops | ringbuf | inode_storage |\n"
		  "                 task_storage | bloom_filter | user_ringbuf | cgrp_storage | arena |\n"
		  "                 insn_array | rhash }");
}
