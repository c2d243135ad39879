#!/bin/sh
# The test suite: unit tests, then kernel tests on a private bpffs mount.
# POSIX sh, so it also runs under busybox sh in an initramfs.
#
# Env: BPFBOX (binary, default ./bpfbox), UNIT (unit runner, default
# build/unit-tests, "none" to skip), HELPERS (C helpers, default
# build/helpers), CI=true makes a missing root/bpf(2) a failure,
# ARTIFACTS (set by tools/test-kernels' guests only) a directory whose
# files are brought back to the host (tests/kernel/prog_jited.sh).
# Arguments: names of tests/kernel/*.sh files to run (default: all).
# Ends with "N passed, N failed[, N skipped]".

top=$(cd "$(dirname "$0")/.." && pwd)
: "${BPFBOX:=$top/bpfbox}"
: "${UNIT:=$top/build/unit-tests}"
: "${HELPERS:=$top/build/helpers}"
export BPFBOX H="$HELPERS"

PASSED=0 FAILED=0 SKIPPED=0

if [ "$UNIT" != none ]; then
	if "$UNIT" > "${TMPDIR:-/tmp}/bpfbox-unit.$$" 2>&1; then :; fi
	cat "${TMPDIR:-/tmp}/bpfbox-unit.$$"
	line=$(grep '^unit: ' "${TMPDIR:-/tmp}/bpfbox-unit.$$" | tail -n 1)
	rm -f "${TMPDIR:-/tmp}/bpfbox-unit.$$"
	# "unit: N passed, N failed, N skipped" (", N skipped" optional).
	p=$(echo "$line" | sed -n 's/^unit: \([0-9]*\) passed, [0-9]* failed.*/\1/p')
	f=$(echo "$line" | sed -n 's/^unit: [0-9]* passed, \([0-9]*\) failed\(, [0-9]* skipped\)*$/\1/p')
	s=$(echo "$line" | sed -n 's/^unit: .*, \([0-9]*\) skipped$/\1/p')
	if [ -z "$p" ] || [ -z "$f" ]; then
		echo "FAIL: unit test runner did not finish"
		FAILED=$((FAILED + 1))
	else
		PASSED=$((PASSED + p)) FAILED=$((FAILED + f)) SKIPPED=$((SKIPPED + ${s:-0}))
	fi
fi

finish()
{
	if [ "$SKIPPED" -gt 0 ]; then
		echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
	else
		echo "$PASSED passed, $FAILED failed"
	fi
	[ "$FAILED" -eq 0 ]
	exit $?
}

if [ "$(id -u)" != 0 ]; then
	if [ "$CI" = true ]; then
		echo "FAIL: kernel tests need root (CI=true)"
		FAILED=$((FAILED + 1))
	else
		echo "SKIP: kernel tests need root; unit tests only"
		SKIPPED=$((SKIPPED + 1))
	fi
	finish
fi

# Kernels before 5.11 charge BPF objects to RLIMIT_MEMLOCK, 64 KiB by
# default there: the helpers that load programs and make maps (and the
# chaos test's many maps, freed asynchronously) need it lifted, as
# bpftool and bpfbox lift it for themselves.
ulimit -l unlimited 2>/dev/null

WORK=$(mktemp -d "${TMPDIR:-/tmp}/bpfbox-test.XXXXXX") || exit 1
BPFFS=$WORK/bpffs
mkdir -p "$BPFFS"
cleanup()
{
	# Unmounting drops the pins and so the maps: nothing the suite made
	# outlives it.  Tests may mount more under $WORK; undo those too,
	# deepest first.
	for m in $(awk -v w="$WORK" 'index($2, w) == 1 { print $2 }' /proc/mounts | sort -r); do
		umount "$m" 2>/dev/null
	done
	umount "$BPFFS" 2>/dev/null
	[ -n "$HELPER_PIDS" ] && kill $HELPER_PIDS 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if ! mount -t bpf bpf "$BPFFS" 2>/dev/null; then
	if [ "$CI" = true ]; then
		echo "FAIL: cannot mount bpffs on $BPFFS"
		FAILED=$((FAILED + 1))
	else
		echo "SKIP: cannot mount bpffs: kernel tests skipped"
		SKIPPED=$((SKIPPED + 1))
	fi
	finish
fi
export WORK BPFFS

if [ $# -gt 0 ]; then
	files=
	for n in "$@"; do files="$files $top/tests/kernel/$n.sh"; done
else
	files=$(ls "$top"/tests/kernel/*.sh)
fi

. "$top/tests/lib.sh"
for f in $files; do
	T=$BPFFS/$(basename "$f" .sh)
	mkdir -p "$T"
	[ -n "$VERBOSE" ] && echo "== $(basename "$f")"
	. "$f"
	rm -rf "$T"
done
finish
