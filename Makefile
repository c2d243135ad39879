# bpfbox: one static binary, libc only.
#
#   make                 ./bpfbox, static (musl-gcc when installed, else cc -static)
#   make test            unit tests, then kernel tests (root), "N passed, N failed"
#   make check-sanitize  the same suite on ASan+UBSan builds in build/san/
#   make install         $(DESTDIR)$(PREFIX)/sbin/bpfbox, its man page and
#                        bash completion
#   make install-bpftool-link   also bpftool -> bpfbox (binary, man page,
#                        completion)
#   make dist            bpfbox-$(VERSION).tar.gz of the tracked files
#   make test-kernels    the suite in qemu on Debian kernels 5.10..7.x (tools/)
#   make cross           static musl arm64/armhf/riscv64 builds + their unit tests
#   make fuzz            libFuzzer on the BTF parser, the command line and
#                        the gzip reader (clang; FUZZ_TIME=secs each;
#                        fuzz-btf, fuzz-cli, fuzz-inflate)
#
# CC, CROSS_COMPILE, CFLAGS, LDFLAGS, PREFIX and DESTDIR work as usual.

PREFIX ?= /usr/local
SBINDIR ?= $(PREFIX)/sbin
MANDIR ?= $(PREFIX)/share/man
# where bash-completion looks for a command's completion (and, through
# XDG_DATA_DIRS, under /usr/local/share too)
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
VERSION := 0.1.0
# The exact source `bpfbox version` names: the git commit (-dirty with
# local changes), else the COMMIT file `make dist` puts in the tarball.
COMMIT := $(shell if [ -e .git ]; then c=$$(git rev-parse --short=12 HEAD 2>/dev/null) && \
	{ git diff --quiet HEAD -- 2>/dev/null || c=$$c-dirty; echo $$c; }; \
	elif [ -f COMMIT ]; then cat COMMIT; fi)

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
# Reproducible: the same sources give the same bytes in any directory
# (no path in __FILE__ or debug info; nothing reads the clock).
BASE_CFLAGS += $(shell $(CC) -ffile-prefix-map=/=/ -E -x c /dev/null >/dev/null 2>&1 && \
	echo -ffile-prefix-map=$(CURDIR)=. || echo -fdebug-prefix-map=$(CURDIR)=.)
LDFLAGS ?=
BASE_LDFLAGS := -static -Wl,--gc-sections
# musl's static startup never applies RELRO (no dynamic linker runs), so
# the page the linker pads for it only costs bytes (as tools/cross-build).
ifeq ($(notdir $(CC)),musl-gcc)
  BASE_LDFLAGS += -Wl,-z,norelro
endif

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

# Only run.o names the commit; build/commit changes when it does.
build/cli/run.o: build/commit
build/cli/run.o: BASE_CFLAGS += -DBPFBOX_COMMIT=\"$(COMMIT)\"
build/commit: FORCE
	@mkdir -p build
	@echo '$(COMMIT)' | cmp -s - $@ || echo '$(COMMIT)' > $@
FORCE:

-include tests/tests.mk
-include tests/sanitize.mk
-include tests/fuzz.mk
-include tests/feature.mk
-include tools/tools.mk

strip: bpfbox
	$(STRIP) -o bpfbox.stripped bpfbox
	@wc -c < bpfbox.stripped

install: bpfbox
	install -d $(DESTDIR)$(SBINDIR) $(DESTDIR)$(MANDIR)/man8 $(DESTDIR)$(BASHCOMPDIR)
	install -m 0755 bpfbox $(DESTDIR)$(SBINDIR)/bpfbox
	install -m 0644 docs/bpfbox.8 $(DESTDIR)$(MANDIR)/man8/bpfbox.8
	install -m 0644 completion/bpfbox.bash $(DESTDIR)$(BASHCOMPDIR)/bpfbox

install-bpftool-link: install
	ln -sf bpfbox $(DESTDIR)$(SBINDIR)/bpftool
	ln -sf bpfbox.8 $(DESTDIR)$(MANDIR)/man8/bpftool.8
	ln -sf bpfbox $(DESTDIR)$(BASHCOMPDIR)/bpftool

# The tracked files as they are now, plus COMMIT (what `bpfbox version`
# names), in a tarball whose bytes depend on the sources only.
dist:
	@[ -e .git ] || { echo "make dist: needs the git tree" >&2; exit 1; }
	rm -rf build/dist && mkdir -p build/dist/bpfbox-$(VERSION)
	git ls-files -z | xargs -0 cp --parents -t build/dist/bpfbox-$(VERSION)
	echo '$(COMMIT)' > build/dist/bpfbox-$(VERSION)/COMMIT
	tar -C build/dist --sort=name --owner=0 --group=0 --numeric-owner \
		--mtime=@$$(git log -1 --format=%ct) -cf - bpfbox-$(VERSION) | \
		gzip -9n > bpfbox-$(VERSION).tar.gz
	@echo bpfbox-$(VERSION).tar.gz

clean:
	rm -rf build bpfbox bpfbox.stripped bpfbox-$(VERSION).tar.gz

.PHONY: all strip install install-bpftool-link dist clean FORCE
