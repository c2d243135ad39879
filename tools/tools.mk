# Included by the Makefile: the kernel matrix and the cross builds.
#
#   make test-kernels    tests/run.sh inside qemu on several Debian kernels,
#                        amd64 and arm64 (tools/test-kernels; root, apt,
#                        ~20 min)
#   make cross           static musl builds for arm64, armhf and riscv64, their
#                        unit tests under qemu-user (tools/cross-build)
#
# Both scripts install what they miss through apt and leave ./bpfbox and
# build/ of the native build as they found them (cross builds happen in a
# copy of the tree).

test-kernels: bpfbox build/unit-tests test-helpers
	tools/test-kernels $(KERNELS)

cross:
	tools/cross-build $(ARCHES)

.PHONY: test-kernels cross
