# Included by the Makefile.  `make test` is the one test command.
UNIT_SRCS := $(sort $(wildcard tests/unit/*.c))

build/unit-tests: $(UNIT_SRCS) $(LIB_OBJS) tests/unit/unit.h | build
	$(CC) $(BASE_CFLAGS) $(WARN) $(CFLAGS) -o $@ $(UNIT_SRCS) $(LIB_OBJS) $(BASE_LDFLAGS) $(LDFLAGS)

test-unit: build/unit-tests
	build/unit-tests

test: bpfbox build/unit-tests test-helpers
	sh tests/run.sh

.PHONY: test test-unit
