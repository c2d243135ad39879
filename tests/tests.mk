# Included by the Makefile.  `make test` is the one test command.
#
# build/libbpfbox.a holds every object but main.o, so the unit-test
# runner and the C helpers in tests/helpers/ link only what they use.
UNIT_SRCS := $(sort $(wildcard tests/unit/*.c))
HELPER_SRCS := $(sort $(wildcard tests/helpers/*.c))
HELPER_BINS := $(HELPER_SRCS:tests/helpers/%.c=build/helpers/%)

build/libbpfbox.a: $(LIB_OBJS)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJS)

build/unit-tests: $(UNIT_SRCS) build/libbpfbox.a tests/unit/unit.h | build
	$(CC) $(BASE_CFLAGS) $(WARN) $(CFLAGS) -o $@ $(UNIT_SRCS) build/libbpfbox.a $(BASE_LDFLAGS) $(LDFLAGS)

build/helpers/%: tests/helpers/%.c build/libbpfbox.a $(wildcard tests/helpers/*.h)
	@mkdir -p build/helpers
	$(CC) $(BASE_CFLAGS) $(WARN) $(CFLAGS) -o $@ $< build/libbpfbox.a $(BASE_LDFLAGS) $(LDFLAGS)

# The chaos harness (tests/chaos/, run by tests/kernel/chaos.sh).
CHAOS_SRCS := $(sort $(wildcard tests/chaos/*.c))
build/helpers/chaos: $(CHAOS_SRCS) tests/chaos/chaos.h build/libbpfbox.a $(HDRS)
	@mkdir -p build/helpers
	$(CC) $(BASE_CFLAGS) $(WARN) $(CFLAGS) -o $@ $(CHAOS_SRCS) build/libbpfbox.a $(BASE_LDFLAGS) $(LDFLAGS)

test-helpers: $(HELPER_BINS) build/helpers/chaos

test-unit: build/unit-tests
	build/unit-tests

test: bpfbox build/unit-tests test-helpers
	sh tests/run.sh

.PHONY: test test-unit test-helpers
