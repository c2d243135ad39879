# `make check-sanitize`: the whole suite (tests/run.sh: unit tests, C
# helpers, kernel tests) on builds with AddressSanitizer and
# UndefinedBehaviorSanitizer, included by the Makefile.
#
#   make check-sanitize                 build into build/san/, run the suite
#   make check-sanitize SAN_TESTS="map dump"   only those tests/kernel files
#   make san-build                      only build
#
# The sanitized builds use the host's compiler and glibc, dynamically
# linked (the sanitizer runtimes need it), in build/san/: the static
# ./bpfbox and build/ are never touched.  tests/sanitize.sh runs the suite
# with every sanitizer report written to build/san/reports/ and counts
# each report as a failure, also when the program's exit status hid it.
# It ends with "sanitize: N passed, N failed[, N skipped]".
#
# SAN_CC: the first of clang and gcc that links a -fsanitize=address,
# undefined program (clang's runtimes, libclang-rt-*-dev, are linked into
# each binary; gcc's are libasan and libubsan).  clang finds more: its
# UBSan checks pointer arithmetic on NULL, gcc's does not.  Probed once,
# and only when a sanitized build needs it.
SAN_PROBE = $(firstword $(shell for c in clang gcc; do \
	echo 'int main(void) { return 0; }' | $$c -fsanitize=address,undefined \
		-x c -o /dev/null - 2>/dev/null && echo $$c; done) cc)
SAN_CC ?= $(eval SAN_CC := $(SAN_PROBE))$(SAN_CC)
SAN_CFLAGS ?= -g -O1
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=undefined \
	-fno-omit-frame-pointer
SAN_DIR := build/san
SAN_OBJS := $(SRCS:src/%.c=$(SAN_DIR)/obj/%.o)
SAN_LIB_OBJS := $(filter-out $(SAN_DIR)/obj/cli/main.o,$(SAN_OBJS))
SAN_HELPERS := $(HELPER_SRCS:tests/helpers/%.c=$(SAN_DIR)/helpers/%)
SAN_TESTS ?=

$(SAN_DIR)/obj/%.o: src/%.c $(HDRS)
	@mkdir -p $(dir $@)
	$(SAN_CC) $(BASE_CFLAGS) $(WARN) $(SAN_CFLAGS) $(SAN_FLAGS) -c -o $@ $<

$(SAN_DIR)/libbpfbox.a: $(SAN_LIB_OBJS)
	rm -f $@
	$(AR) rcs $@ $(SAN_LIB_OBJS)

$(SAN_DIR)/bpfbox: $(SAN_OBJS)
	$(SAN_CC) $(SAN_FLAGS) -o $@ $(SAN_OBJS)

$(SAN_DIR)/unit-tests: $(UNIT_SRCS) $(SAN_DIR)/libbpfbox.a tests/unit/unit.h
	$(SAN_CC) $(BASE_CFLAGS) $(WARN) $(SAN_CFLAGS) $(SAN_FLAGS) -o $@ \
		$(UNIT_SRCS) $(SAN_DIR)/libbpfbox.a

# Helpers: no leak checking (tests/sanitize_helpers.c says why).
$(SAN_DIR)/helpers/%: tests/helpers/%.c tests/sanitize_helpers.c $(SAN_DIR)/libbpfbox.a \
		$(wildcard tests/helpers/*.h)
	@mkdir -p $(SAN_DIR)/helpers
	$(SAN_CC) $(BASE_CFLAGS) $(WARN) $(SAN_CFLAGS) $(SAN_FLAGS) -o $@ \
		$< tests/sanitize_helpers.c $(SAN_DIR)/libbpfbox.a

# The chaos harness, so the suite's chaos seeds run against the
# sanitized bpfbox too.
$(SAN_DIR)/helpers/chaos: $(CHAOS_SRCS) tests/chaos/chaos.h tests/sanitize_helpers.c \
		$(SAN_DIR)/libbpfbox.a
	@mkdir -p $(SAN_DIR)/helpers
	$(SAN_CC) $(BASE_CFLAGS) $(WARN) $(SAN_CFLAGS) $(SAN_FLAGS) -o $@ \
		$(CHAOS_SRCS) tests/sanitize_helpers.c $(SAN_DIR)/libbpfbox.a

san-build: $(SAN_DIR)/bpfbox $(SAN_DIR)/unit-tests $(SAN_HELPERS) $(SAN_DIR)/helpers/chaos

check-sanitize: san-build
	SAN_DIR=$(SAN_DIR) sh tests/sanitize.sh $(SAN_TESTS)

.PHONY: san-build check-sanitize
