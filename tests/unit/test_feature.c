/* feature: the name tables list_builtins prints (ids are positions in
 * the kernel enums, so a shifted entry would misname every later one),
 * and the gzip reader behind /proc/config.gz. */
#include "unit.h"
#include "kernel/kconfig.h"
#include "lib/inflate.h"
#include "lib/names.h"
#include "uapi/bpf.h"

#include <errno.h>
#include <stdlib.h>


/* Made by zlib with level 0 (a stored block), Z_FIXED (the fixed
 * Huffman code) and level 9 on skewed text (a dynamic code). */
static const uint8_t gz_stored[] = {
	0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x03, 0x01,
	0x18, 0x00, 0xe7, 0xff, 0x73, 0x74, 0x6f, 0x72, 0x65, 0x64, 0x3a,
	0x20, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39,
	0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x96, 0xe7, 0x2b, 0x45, 0x18,
	0x00, 0x00, 0x00,
};
static const uint8_t gz_fixed[] = {
	0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x4b,
	0xcb, 0xac, 0x48, 0x4d, 0x51, 0x48, 0x43, 0x27, 0x01, 0x31, 0xdb,
	0x8a, 0xe3, 0x17, 0x00, 0x00, 0x00,
};
static const uint8_t gz_dynamic[] = {
	0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x35,
	0x8c, 0xc1, 0x09, 0x00, 0x30, 0x0c, 0x02, 0xff, 0x6e, 0x29, 0x3e,
	0x5c, 0xc0, 0xfd, 0xa9, 0x49, 0xdb, 0x12, 0x4a, 0x24, 0xde, 0x11,
	0x94, 0xc4, 0x28, 0x36, 0x35, 0xbb, 0x40, 0x42, 0xec, 0xd3, 0x8c,
	0x9d, 0xdd, 0xd2, 0x62, 0xda, 0xdb, 0x93, 0xe6, 0x33, 0xc1, 0x1e,
	0xe1, 0xc2, 0x4b, 0xc7, 0x4c, 0xcb, 0x8d, 0x9c, 0xa8, 0x3c, 0x59,
	0x6a, 0xb9, 0x3a, 0x14, 0x5f, 0x75, 0xd3, 0x13, 0xa9, 0x16, 0x2c,
	0x6b, 0xa0, 0x64, 0x95, 0xe2, 0xef, 0x24, 0x07, 0x97, 0x2e, 0x1a,
	0x42, 0xa0, 0x00, 0x00, 0x00,
};

static const char dynamic_text[] =
	"a\nacccatctggacacccc\naa\ncaaaacaacaggtaacaat\nactatc\ncaaac"
	"caaaga\nagta\ngtcttggactgattaatctaggacctccc\naa\ntcagaaacaa\n"
	"c\nccaaaaaac\ncaaaccca\na\nactgag\n\nctaagtcacaaaaaactt";

static int inflate_to(const uint8_t *in, size_t n, const char *want)
{
	uint8_t *out;
	size_t len;
	int err = gunzip(in, n, 1 << 20, &out, &len);

	if (!err) {
		err = len == strlen(want) && !memcmp(out, want, len) ? 0 : -1;
		free(out);
	}
	return err;
}

TEST(inflate_block_types)
{
	CHECK_INT(inflate_to(gz_stored, sizeof(gz_stored), "stored: 0123456789abcdef"), 0);
	CHECK_INT(inflate_to(gz_fixed, sizeof(gz_fixed), "fixed fixed fixed fixed"), 0);
	CHECK_INT(inflate_to(gz_dynamic, sizeof(gz_dynamic), dynamic_text), 0);
	CHECK_INT(crc32_ieee(0, (const uint8_t *)"123456789", 9), 0xcbf43926);
}

/* Every truncation and every single-bit flip of a valid member: an
 * error or (for a flip the checksums cannot see) some output, never a
 * crash or a read past the input (run under ASan by make fuzz). */
TEST(inflate_corrupt_input)
{
	uint8_t buf[sizeof(gz_dynamic)], *out;
	size_t n, len, bit;
	int err, rejected = 0;

	for (n = 0; n < sizeof(gz_dynamic); n++)
		CHECK_INT(gunzip(gz_dynamic, n, 1 << 20, &out, &len), -EINVAL);
	for (bit = 0; bit < sizeof(gz_dynamic) * 8; bit++) {
		memcpy(buf, gz_dynamic, sizeof(buf));
		buf[bit / 8] ^= (uint8_t)(1 << bit % 8);
		err = gunzip(buf, sizeof(buf), 1 << 20, &out, &len);
		if (err)
			rejected++;
		else
			free(out);
	}
	/* Not covered: MTIME, XFL and OS (6 header bytes), FTEXT, and the
	 * padding bits after the end-of-block code (at most 7). */
	CHECK(rejected >= (int)(sizeof(gz_dynamic) - 6) * 8 - 1 - 7);

	memcpy(buf, gz_stored, sizeof(gz_stored));
	buf[3] = 0x20;		/* a reserved flag */
	CHECK_INT(gunzip(buf, sizeof(gz_stored), 1 << 20, &out, &len), -EINVAL);
	buf[3] = 0;
	buf[10] = 7;		/* final block of type 3 */
	CHECK_INT(gunzip(buf, sizeof(gz_stored), 1 << 20, &out, &len), -EINVAL);
	CHECK_INT(gunzip(gz_dynamic, sizeof(gz_dynamic), 100, &out, &len), -EFBIG);
}

TEST(inflate_header_fields)
{
	/* FEXTRA, FNAME, FCOMMENT and FHCRC before a fixed block. */
	uint8_t buf[sizeof(gz_fixed) + 16];
	static const uint8_t fields[] = { 2, 0, 'x', 'y', 'n', 0, 'c', 0, 0x12, 0x34 };
	uint8_t *out;
	size_t len;

	memcpy(buf, gz_fixed, 10);
	buf[3] = 4 | 8 | 16 | 2;
	memcpy(buf + 10, fields, sizeof(fields));
	memcpy(buf + 10 + sizeof(fields), gz_fixed + 10, sizeof(gz_fixed) - 10);
	CHECK_INT(gunzip(buf, sizeof(gz_fixed) + sizeof(fields), 1 << 20, &out, &len), 0);
	CHECK(len == 23 && !memcmp(out, "fixed fixed fixed fixed", 23));
	free(out);
	buf[3] = 8;		/* a name that never ends */
	memset(buf + 10, 'n', sizeof(buf) - 10);
	CHECK_INT(gunzip(buf, sizeof(buf), 1 << 20, &out, &len), -EINVAL);
}

TEST(builtin_tables)
{
	CHECK_STR(helper_short_name(0), "unspec");
	CHECK_STR(helper_short_name(1), "map_lookup_elem");
	CHECK_STR(helper_short_name(6), "trace_printk");
	CHECK_STR(helper_short_name(36), "probe_write_user");
	CHECK_STR(helper_short_name(130), "ringbuf_output");
	CHECK_STR(helper_short_name(177), "trace_vprintk");
	CHECK_STR(helper_short_name(211), "cgrp_storage_delete");
	CHECK(helper_short_name(212) == NULL);
	CHECK_STR(attach_type_name(0), "cgroup_inet_ingress");
	CHECK_STR(attach_type_name(4), "sk_skb_stream_parser");
	CHECK_STR(attach_type_name(45), "netfilter");
	CHECK(attach_type_name(BPF_ATTACH_TYPE_COUNT) == NULL);
	CHECK_STR(link_type_name(0), "unspec");
	CHECK_STR(link_type_name(11), "tcx");
	CHECK(link_type_name(BPF_LINK_TYPE_COUNT) == NULL);
	CHECK_STR(prog_type_name(32), "netfilter");
	CHECK_STR(map_type_name(35), "rhash");
}

TEST(kconfig_lines)
{
	static const char *const names[] = { "CONFIG_HZ", "CONFIG_BPF", "CONFIG_NET", "CONFIG_X" };
	char text[] = "#\n# Automatically generated file; DO NOT EDIT.\n"
		"CONFIG_BPF=y\n# CONFIG_NET is not set\nCONFIG_HZ=250\nCONFIG_X=\n"
		"CONFIG_HZ=100\nCONFIG_BPF_SYSCALL=y";
	const char *values[4];

	kconfig_lookup(text, names, 4, values);
	CHECK_STR(values[0], "250");	/* the first assignment wins */
	CHECK_STR(values[1], "y");	/* CONFIG_BPF_SYSCALL is another name */
	CHECK(values[2] == NULL);	/* "is not set" */
	CHECK(values[3] == NULL);	/* an empty value is no value */
}
