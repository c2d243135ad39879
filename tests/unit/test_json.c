/* The JSON writer must lay out exactly as bpftool's json_writer.c. */
#include "unit.h"
#include "output/json.h"

TEST(json_compact_object)
{
	struct json j;

	json_init(&j, false);
	capture_begin();
	json_start_object(&j);
	json_uint_field(&j, "id", 7);
	json_string_field(&j, "type", "hash");
	json_name(&j, "key");
	json_hex_array(&j, (const unsigned char *)"\x01\xff", 2);
	json_end_object(&j);
	json_finish(&j);
	CHECK_STR(capture_end(),
		  "{\"id\":7,\"type\":\"hash\",\"key\":[\"0x01\",\"0xff\"]}\n");
}

TEST(json_pretty_nesting)
{
	struct json j;

	json_init(&j, true);
	capture_begin();
	json_start_array(&j);
	json_start_object(&j);
	json_name(&j, "key");
	json_hex_array(&j, (const unsigned char *)"\x01\x00", 2);
	json_name(&j, "value");
	json_start_object(&j);
	json_end_object(&j);
	json_end_object(&j);
	json_end_array(&j);
	json_finish(&j);
	CHECK_STR(capture_end(),
		  "[{\n"
		  "        \"key\": [\"0x01\",\"0x00\"\n"
		  "        ],\n"
		  "        \"value\": {}\n"
		  "    }\n"
		  "]\n");
}

TEST(json_empty_array_and_null)
{
	struct json j;

	json_init(&j, true);
	capture_begin();
	json_start_array(&j);
	json_end_array(&j);
	json_finish(&j);
	CHECK_STR(capture_end(), "[]\n");
	capture_begin();
	json_null(&j);
	CHECK_STR(capture_end(), ",null");
}

TEST(json_string_escapes)
{
	struct json j;

	json_init(&j, false);
	capture_begin();
	json_string(&j, "a\"b\\c\n\t\x01\x7f");
	CHECK_STR(capture_end(), "\"a\\\"b\\\\c\\n\\t\\u0001\\u007f\"");
}

TEST(json_numbers)
{
	struct json j;

	json_init(&j, false);
	capture_begin();
	json_start_array(&j);
	json_uint(&j, 18446744073709551615ULL);
	json_int(&j, -9223372036854775807LL - 1);
	json_int(&j, 0);
	json_bool(&j, true);
	json_end_array(&j);
	CHECK_STR(capture_end(),
		  "[18446744073709551615,-9223372036854775808,0,true]");
}

/* JSON text is UTF-8: valid sequences pass as they are, anything else
 * (a Latin-1 path, a lone continuation byte, an overlong form, a
 * surrogate) becomes U+FFFD, so every document parses. */
TEST(json_quote_utf8)
{
	capture_begin();
	json_quote("\xc3\xa9 \xe2\x82\xac \xf0\x9f\x90\x9d", 11);
	json_quote("a\xff" "b\x80" "c\xc0\xaf" "d\xed\xa0\x80" "e\xc3", 13);
	json_quote("\0\x7f\"\\", 4);
	CHECK_STR(capture_end(),
		  "\"\xc3\xa9 \xe2\x82\xac \xf0\x9f\x90\x9d\""
		  "\"a\\ufffdb\\ufffdc\\ufffd\\ufffdd\\ufffd\\ufffd\\ufffde\\ufffd\""
		  "\"\\u0000\\u007f\\\"\\\\\"");
}

/* Where an error can still go, and what closes a failed command's
 * containers: the guarantee that stdout stays one JSON value. */
TEST(json_slot_and_close)
{
	struct json j;

	json_init(&j, false);
	CHECK(json_slot(&j) == JSON_SLOT_TOP);
	capture_begin();
	json_start_array(&j);
	CHECK(json_slot(&j) == JSON_SLOT_VALUE);
	json_start_object(&j);
	CHECK(json_slot(&j) == JSON_SLOT_FIELD);
	json_name(&j, "elements");
	CHECK(json_slot(&j) == JSON_SLOT_VALUE);
	json_start_array(&j);
	json_uint(&j, 1);
	json_close(&j, 0);
	CHECK(json_slot(&j) == JSON_SLOT_FULL);
	json_init(&j, false);
	json_start_object(&j);
	json_name(&j, "output");
	json_close(&j, 0);
	CHECK_STR(capture_end(), "[{\"elements\":[1]}]{\"output\":null}");
}
