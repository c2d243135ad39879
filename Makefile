# bpfbox: one static binary, libc only.
#
#   make                 ./bpfbox, static (musl-gcc when installed, else cc -static)
#   make test            unit tests, then kernel tests (root), "N passed, N failed"
#   make check-sanitize  the same suite on ASan+UBSan builds in build/san/
#   make install         $(DESTDIR)$(PREFIX)/sbin/bpfbox
#   make install-bpftool-link   also a bpftool -> bpfbox symlink
#   make test-kernels    the suite in qemu on Debian kernels 5.10..7.x (tools/)
#   make cross           static musl arm64/armhf/riscv64 builds + their unit tests
#   make fuzz            libFuzzer on the BTF parser, the command line and
#                        the gzip reader (clang; FUZZ_TIME=secs each;
#                        fuzz-btf, fuzz-cli, fuzz-inflate)
#
# CC, CROSS_COMPILE, CFLAGS, LDFLAGS, PREFIX and DESTDIR work as usual.

PREFIX ?= /usr/local
SBINDIR ?= $(PREFIX)/sbin
VERSION := 0.1.0

ifeq ($(origin CC),default)
  ifneq ($(CROSS_COMPILE),)
    CC := $(CROSS_COMPILE)gcc
  else ifneq ($(shell command -v musl-gcc 2>/dev/null),)
    CC := musl-gcc
  else
    CC := cc
  endif
endif
STRIP ?= $(CROSS_COMPILE)strip
ifeq ($(origin AR),default)
  AR := $(CROSS_COMPILE)ar
endif

CFLAGS ?= -Os
WARN := -Wall -Wextra -Wno-unused-parameter
BASE_CFLAGS := -std=gnu99 -D_GNU_SOURCE -DBPFBOX_VERSION=\"$(VERSION)\" \
	-Isrc -Iinclude -ffunction-sections -fdata-sections
LDFLAGS ?=
BASE_LDFLAGS := -static -Wl,--gc-sections

# One folder per layer (docs/architecture.md): cli, objects, kernel,
# btf, output, lib.  Objects mirror the tree under build/.
SRCS := $(sort $(wildcard src/*/*.c))
OBJS := $(SRCS:src/%.c=build/%.o)
HDRS := $(wildcard src/*/*.h include/uapi/*.h)
# Everything but main.c, for the unit tests and the fuzzers.
LIB_OBJS := $(filter-out build/cli/main.o,$(OBJS))

all: bpfbox

bpfbox: $(OBJS)
	$(CC) $(BASE_LDFLAGS) $(LDFLAGS) -o $@ $(OBJS)

build/%.o: src/%.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(WARN) $(CFLAGS) -c -o $@ $<

build:
	mkdir -p build

-include tests/tests.mk
-include tests/sanitize.mk
-include tests/fuzz.mk
-include tests/feature.mk
-include tools/tools.mk

strip: bpfbox
	$(STRIP) -o bpfbox.stripped bpfbox
	@wc -c < bpfbox.stripped

install: bpfbox
	install -d $(DESTDIR)$(SBINDIR)
	install -m 0755 bpfbox $(DESTDIR)$(SBINDIR)/bpfbox

install-bpftool-link: install
	ln -sf bpfbox $(DESTDIR)$(SBINDIR)/bpftool

clean:
	rm -rf build bpfbox bpfbox.stripped

.PHONY: all strip install install-bpftool-link clean
