# BTF parser fuzzing (issue 3), included by the Makefile.
#
#   make fuzz                 build build/fuzz_btf (clang, libFuzzer, ASan,
#                             UBSan) and run it for FUZZ_TIME seconds on a
#                             corpus seeded with the mkbtfmap layouts
#   make fuzz FUZZ_TIME=1800  a longer run
#
# The fuzzer is built with the host's clang and libc, not musl: it links
# the BTF sources directly, not build/libbpfbox.a.
FUZZ_CC ?= clang
FUZZ_TIME ?= 60
FUZZ_FLAGS := -g -O1 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=undefined -std=gnu99 -D_GNU_SOURCE -Isrc -Iinclude
FUZZ_SRCS := src/btf/btf.c src/btf/elf.c src/output/btf_fmt.c src/output/btf_raw.c \
	src/output/btf_c.c src/output/json.c src/output/out.c src/kernel/sys_bpf.c
FUZZ_CORPUS := build/fuzz-corpus/btf

build/fuzz_btf: tests/fuzz/fuzz_btf.c $(FUZZ_SRCS) $(HDRS) $(wildcard tests/helpers/*.h) | build
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ tests/fuzz/fuzz_btf.c $(FUZZ_SRCS)

$(FUZZ_CORPUS)/.seeded: build/helpers/mkbtfmap
	mkdir -p $(FUZZ_CORPUS)
	for l in $$(build/helpers/mkbtfmap -l); do \
		build/helpers/mkbtfmap -o $$l $(FUZZ_CORPUS)/seed-$$l || exit 1; \
	done
	for f in swapped elf64le elf32be; do \
		build/helpers/mkbtfmap -o cdecl $(FUZZ_CORPUS)/seed-cdecl-$$f $$f || exit 1; \
	done
	touch $@

fuzz: build/fuzz_btf $(FUZZ_CORPUS)/.seeded
	build/fuzz_btf -max_total_time=$(FUZZ_TIME) -timeout=10 \
		-rss_limit_mb=2048 -artifact_prefix=build/ $(FUZZ_CORPUS)

.PHONY: fuzz
