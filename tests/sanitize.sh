#!/bin/sh
# `make check-sanitize`: tests/run.sh, unchanged, on the ASan+UBSan builds
# of tests/sanitize.mk.  Whatever tests/run.sh runs (unit tests, kernel
# tests, and whatever is added to it later) runs here on the sanitized
# bpfbox, unit runner and helpers.
#
# Every sanitizer report goes to a file in $SAN_DIR/reports/ (log_path),
# so a report counts even when the program's exit status or the test's
# redirections hid it: each report file is one more failure.  The
# reports are printed at the end, with a count per distinct SUMMARY line.
#
# The suite's own closing line is not echoed (the log has it): the last
# line is "sanitize: N passed, N failed[, N skipped]", a "word: " line as
# .ci/kernels' "matrix: " one, so it never reads as `make test`'s.
#
# Env: SAN_DIR (default build/san), CI, VERBOSE as for tests/run.sh.
# Arguments: tests/kernel/*.sh names, as for tests/run.sh.
top=$(cd "$(dirname "$0")/.." && pwd)
san=${SAN_DIR:-build/san}
case $san in /*) ;; *) san=$top/$san ;; esac
for b in "$san/bpfbox" "$san/unit-tests" "$san/helpers"; do
	if [ ! -e "$b" ]; then
		echo "FAIL: $b missing (make san-build)"
		echo "sanitize: 0 passed, 1 failed"
		exit 1
	fi
done

SAN_REPORTS=$san/reports
rm -rf "$SAN_REPORTS"
mkdir -p "$SAN_REPORTS" || exit 1

# halt_on_error: the first report ends the process (UBSan is built with
# -fno-sanitize-recover too); log_exe_name: report.bpfbox.PID,
# report.mapfill.PID..., so the file tells which program it was.
#
# LeakSanitizer (on by default with ASan) checks bpfbox and the unit
# runner at exit: bpfbox frees what it allocates, so a leak report is a
# real finding (a path that loses memory, which matters when commands
# run in a loop: batch files, bpfbox_main called again, the fuzzer).  A
# leak report also turns the exit status into 23.  The helpers opt out
# (tests/sanitize_helpers.c), which is why detect_leaks is not set here:
# the environment would override their default.
common="log_path=$SAN_REPORTS/report:log_exe_name=1:halt_on_error=1:print_summary=1"
ASAN_OPTIONS="$common:abort_on_error=0:detect_stack_use_after_return=1:strict_string_checks=1"
UBSAN_OPTIONS="$common:print_stacktrace=1"
LSAN_OPTIONS="$common"
BPFBOX=$san/bpfbox UNIT=$san/unit-tests HELPERS=$san/helpers
export ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS BPFBOX UNIT HELPERS SAN_REPORTS

log=$san/suite.log
: > "$log.tmp"
start=$(date +%s)
{
	sh "$top/tests/run.sh" "$@" 2>&1
	echo "$?" > "$san/suite.rc"
} | while IFS= read -r l; do
	printf '%s\n' "$l" >> "$log.tmp"
	case $l in
	[0-9]*" passed, "*" failed"*) ;;
	*) printf '%s\n' "$l" ;;
	esac
done
mv "$log.tmp" "$log"
took=$(($(date +%s) - start))

line=$(grep '^[0-9]* passed, [0-9]* failed' "$log" | tail -n 1)
p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, .*/\1/p')
f=$(echo "$line" | sed -n 's/^[0-9]* passed, \([0-9]*\) failed.*/\1/p')
s=$(echo "$line" | sed -n 's/.*, \([0-9]*\) skipped$/\1/p')
if [ -z "$p" ] || [ -z "$f" ]; then
	echo "FAIL: tests/run.sh gave no closing line (exit status $(cat "$san/suite.rc" 2>/dev/null))"
	p=0 f=1
fi

n=0
for r in "$SAN_REPORTS"/report*; do
	[ -f "$r" ] || continue
	n=$((n + 1))
	if [ "$n" -le 20 ]; then
		echo "== sanitizer report ${r#$top/}"
		head -n 150 "$r"
	fi
done
if [ "$n" -gt 0 ]; then
	[ "$n" -gt 20 ] && echo "== ($((n - 20)) more reports in ${SAN_REPORTS#$top/}/)"
	echo "== $n sanitizer report(s), by summary:"
	cat "$SAN_REPORTS"/report* | grep '^SUMMARY: ' | sort | uniq -c | sort -rn
fi

echo "(suite: ${line:-no count}; sanitizer reports: $n; ${took}s; log ${log#$top/})"
f=$((f + n))
counts="sanitize: $p passed, $f failed"
[ "${s:-0}" -gt 0 ] && counts="$counts, $s skipped"
echo "$counts"
[ "$f" -eq 0 ]
