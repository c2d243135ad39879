# The libFuzzer targets, included by the Makefile.  clang with libFuzzer,
# ASan and UBSan (libclang-rt-*-dev); the host's libc, not musl.
#
#   make fuzz              both fuzzers, FUZZ_TIME seconds each (default 60)
#   make fuzz-btf          the BTF parser and formatter (tests/fuzz/fuzz_btf.c)
#   make fuzz-cli          the command line and batch files, in-process
#                          through bpfbox_main() (tests/fuzz/fuzz_cli.c)
#   make fuzz FUZZ_TIME=1800   a longer run
#   make fuzz-cli FUZZ_ARGS="-jobs=2 -workers=2"   extra libFuzzer flags
#
# Crashes are written to build/crash-*, build/timeout-*, ...; reproduce
# one with `build/fuzz_cli build/crash-...` (FUZZ_CLI_VERBOSE=1 to see
# what bpfbox prints) or `build/fuzz_btf build/crash-...`.  Inputs that
# found new coverage are kept in build/fuzz-corpus/{btf,cli}/ between runs.
#
# fuzz_cli never reaches the kernel: it links every src/*/*.c but
# src/cli/main.c and src/kernel/sys_bpf.c, whose functions are replaced
# by tests/fuzz/sys_bpf_stub.c (all fail, no syscall; the rule below
# checks it defines every sys_*() of src/kernel/sys_bpf.h), and mount(2)
# is wrapped so that a fuzzer running as root cannot mount anything.
# Its input format and seeds: tests/fuzz/fuzz_cli.c, tests/fuzz/cli-seeds/.
FUZZ_CC ?= clang
FUZZ_TIME ?= 60
FUZZ_ARGS ?=
FUZZ_FLAGS := -g -O1 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=undefined -fno-omit-frame-pointer $(BASE_CFLAGS)
FUZZ_RUN = -max_total_time=$(FUZZ_TIME) -timeout=10 -rss_limit_mb=2048 \
	-artifact_prefix=build/ $(FUZZ_ARGS)

# ---- BTF ----------------------------------------------------------------
FUZZ_BTF_SRCS := src/btf/btf.c src/btf/dedup.c src/btf/elf.c src/output/btf_fmt.c src/output/btf_raw.c \
	src/output/btf_c.c src/output/json.c src/output/out.c src/kernel/sys_bpf.c \
	src/kernel/sys_proc.c src/output/disasm_x86.c src/output/disasm_arm64.c
FUZZ_BTF_CORPUS := build/fuzz-corpus/btf

build/fuzz_btf: tests/fuzz/fuzz_btf.c $(FUZZ_BTF_SRCS) $(HDRS) $(wildcard tests/helpers/*.h) | build
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ tests/fuzz/fuzz_btf.c $(FUZZ_BTF_SRCS)

$(FUZZ_BTF_CORPUS)/.seeded: build/helpers/mkbtfmap
	mkdir -p $(FUZZ_BTF_CORPUS)
	for l in $$(build/helpers/mkbtfmap -l); do \
		build/helpers/mkbtfmap -o $$l $(FUZZ_BTF_CORPUS)/seed-$$l || exit 1; \
	done
	for f in swapped elf64le elf32be; do \
		build/helpers/mkbtfmap -o cdecl $(FUZZ_BTF_CORPUS)/seed-cdecl-$$f $$f || exit 1; \
	done
	touch $@

fuzz-btf: build/fuzz_btf $(FUZZ_BTF_CORPUS)/.seeded
	build/fuzz_btf $(FUZZ_RUN) $(FUZZ_BTF_CORPUS)

# ---- command line -------------------------------------------------------
FUZZ_CLI_SRCS := $(filter-out src/cli/main.c src/kernel/sys_bpf.c,$(SRCS)) \
	tests/fuzz/sys_bpf_stub.c
FUZZ_CLI_CORPUS := build/fuzz-corpus/cli
FUZZ_CLI_WRAP := -Wl,--wrap=mount -Wl,--wrap=umount -Wl,--wrap=umount2 \
	-Wl,--wrap=socket -Wl,--wrap=syscall -Wl,--wrap=fork -Wl,--wrap=open
# The sys_*() names a declaration or definition starts a line with.
FUZZ_SYS_NAMES = sed -n '/^static/d; s/^[a-z][a-z0-9_ ]*[ *]\(sys_[a-z0-9_]*\)(.*/\1/p' $(1) | sort

build/fuzz_cli: tests/fuzz/fuzz_cli.c $(FUZZ_CLI_SRCS) $(HDRS) | build
	@[ -f src/cli/run.h ] || { echo "fuzz_cli needs bpfbox_main() of src/cli/run.h and run.c"; exit 1; }
	@h=$$($(call FUZZ_SYS_NAMES,src/kernel/sys_bpf.h)); \
	s=$$($(call FUZZ_SYS_NAMES,tests/fuzz/sys_bpf_stub.c)); \
	if [ "$$h" != "$$s" ]; then \
		echo "tests/fuzz/sys_bpf_stub.c must define exactly what src/kernel/sys_bpf.h declares"; \
		echo "  missing in the stub:" $$(echo "$$h" | grep -vxF "$$s"); \
		echo "  not in the header:" $$(echo "$$s" | grep -vxF "$$h"); \
		exit 1; \
	fi
	$(FUZZ_CC) $(FUZZ_FLAGS) $(FUZZ_CLI_WRAP) -o $@ tests/fuzz/fuzz_cli.c $(FUZZ_CLI_SRCS)

fuzz-cli: build/fuzz_cli
	mkdir -p $(FUZZ_CLI_CORPUS)
	build/fuzz_cli $(FUZZ_RUN) -dict=tests/fuzz/cli.dict \
		$(FUZZ_CLI_CORPUS) tests/fuzz/cli-seeds

fuzz: fuzz-btf fuzz-cli

.PHONY: fuzz fuzz-btf fuzz-cli
