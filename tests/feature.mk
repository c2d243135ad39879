# Included by the Makefile: fuzzing the gzip reader behind /proc/config.gz.
#
#   make fuzz-inflate              build/fuzz_inflate (clang, libFuzzer,
#                                  ASan, UBSan) for FUZZ_TIME seconds on a
#                                  corpus of gzip -1 and -9 files
FUZZ_INFLATE_CORPUS := build/fuzz-corpus/inflate

build/fuzz_inflate: tests/fuzz/fuzz_inflate.c src/lib/inflate.c src/lib/inflate.h | build
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ tests/fuzz/fuzz_inflate.c src/lib/inflate.c

$(FUZZ_INFLATE_CORPUS)/.seeded:
	mkdir -p $(FUZZ_INFLATE_CORPUS)
	head -c 4000 README.md | gzip -1 > $(FUZZ_INFLATE_CORPUS)/seed-1
	head -c 4000 README.md | gzip -9 > $(FUZZ_INFLATE_CORPUS)/seed-9
	printf 'x' | gzip > $(FUZZ_INFLATE_CORPUS)/seed-fixed
	touch $@

fuzz-inflate: build/fuzz_inflate $(FUZZ_INFLATE_CORPUS)/.seeded
	build/fuzz_inflate -max_total_time=$(FUZZ_TIME) -timeout=10 \
		-rss_limit_mb=2048 -artifact_prefix=build/ $(FUZZ_INFLATE_CORPUS)

.PHONY: fuzz-inflate
