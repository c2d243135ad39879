/* Entry layouts of bpftool's map dump/lookup, in hex (no BTF). */
#include "unit.h"
#include "output/json.h"
#include "output/map_fmt.h"
#include "output/out.h"

static const uint8_t seq[64] = {
	0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
	20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37,
	38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55,
};

static const char *plain(uint32_t type, uint32_t ks, uint32_t vs, unsigned cpus)
{
	struct bpf_map_info info = { .type = type, .key_size = ks, .value_size = vs };
	struct entry_fmt f = { &info, cpus, NULL, NULL, false, NULL };

	capture_begin();
	entry_print(&f, seq, seq + 8);
	return capture_end();
}

TEST(hex_layout)
{
	capture_begin();
	hex_plain(seq, 20);
	CHECK_STR(capture_end(),
		  "00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f\n10 11 12 13");
}

TEST(entry_small_is_one_line)
{
	CHECK_STR(plain(BPF_MAP_TYPE_HASH, 4, 8, 1),
		  "key: 00 01 02 03  value: 08 09 0a 0b 0c 0d 0e 0f\n");
}

TEST(entry_over_24_bytes_breaks_line)
{
	CHECK_STR(plain(BPF_MAP_TYPE_HASH, 16, 16, 1),
		  "key: 00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f\n"
		  "value: 08 09 0a 0b 0c 0d 0e 0f  10 11 12 13 14 15 16 17\n");
}

TEST(entry_over_16_bytes_breaks_names)
{
	CHECK_STR(plain(BPF_MAP_TYPE_ARRAY, 4, 17, 1),
		  "key:\n00 01 02 03\n"
		  "value:\n08 09 0a 0b 0c 0d 0e 0f  10 11 12 13 14 15 16 17\n18\n");
}

TEST(entry_percpu)
{
	static const uint8_t v[24] = { 1, 2, 3, 0, 0, 0, 0, 0, 4, 5, 6 };
	struct bpf_map_info info = { .type = BPF_MAP_TYPE_PERCPU_HASH,
				     .key_size = 2, .value_size = 3 };
	struct entry_fmt f = { &info, 2, NULL, NULL, false, NULL };
	struct json j;

	capture_begin();
	entry_print(&f, seq, v);
	CHECK_STR(capture_end(),
		  "key:\n00 01\nvalue (CPU 00): 01 02 03\nvalue (CPU 01): 04 05 06\n");
	json_init(&j, false);
	f.jw = &j;
	f.json = true;
	capture_begin();
	entry_print(&f, seq, v);
	CHECK_STR(capture_end(),
		  "{\"key\":[\"0x00\",\"0x01\"],\"values\":[{\"cpu\":0,\"value\":"
		  "[\"0x01\",\"0x02\",\"0x03\"]},{\"cpu\":1,\"value\":[\"0x04\","
		  "\"0x05\",\"0x06\"]}]}");
}

TEST(entry_map_in_map)
{
	static const uint8_t id[4] = { 0x39, 0x30, 0, 0 };	/* 12345 */
	struct bpf_map_info info = { .type = BPF_MAP_TYPE_ARRAY_OF_MAPS,
				     .key_size = 4, .value_size = 4 };
	struct entry_fmt f = { &info, 1, NULL, NULL, false, NULL };
	struct json j;

	capture_begin();
	entry_print(&f, seq, id);
	CHECK_STR(capture_end(), "key: 00 01 02 03  inner_map_id: 12345 \n");
	json_init(&j, false);
	f.jw = &j;
	f.json = true;
	capture_begin();
	entry_print(&f, seq, id);
	CHECK_STR(capture_end(),
		  "{\"key\":[\"0x00\",\"0x01\",\"0x02\",\"0x03\"],\"value\":"
		  "[\"0x39\",\"0x30\",\"0x00\",\"0x00\"],\"inner_map_id\":12345}");
}

TEST(entry_errors)
{
	struct bpf_map_info info = { .type = BPF_MAP_TYPE_HASH,
				     .key_size = 4, .value_size = 4 };
	struct entry_fmt f = { &info, 1, NULL, NULL, false, NULL };

	capture_begin();
	entry_print_error(&f, seq, -2);
	CHECK_STR(capture_end(), "key: 00 01 02 03  value: <no entry>\n");
	capture_begin();
	entry_print_error(&f, seq, -95);
	CHECK_STR(capture_end(), "key:\n00 01 02 03\nvalue:\nOperation not supported\n");
	info.type = BPF_MAP_TYPE_PROG_ARRAY;
	capture_begin();
	entry_print_error(&f, seq, -2);
	CHECK_STR(capture_end(), "");	/* empty slot: nothing */
}
