# Sourced by tests/run.sh before the tests/kernel/*.sh files (POSIX sh,
# runs under busybox sh too).
#
#   testing NAME CMD EXPECTED
#       eval CMD, capturing stdout and stderr together; pass when the
#       capture equals EXPECTED (trailing newlines ignored on both sides,
#       as with $(...)).  Append '; echo "rc=$?"' to CMD to check status.
#   skip NAME REASON     count a skipped test, with the reason
#   bpfbox ARGS...       the binary under test ($BPFBOX)
#   $T                   a fresh directory on the private bpffs for this file
#   $H                   the directory of compiled C helpers (tests/helpers)
#
# A file must not assume it is alone on the machine: look maps up by the
# pins and names it created, never by listing everything.
#
# Under `make check-sanitize` ($SAN_REPORTS set, tests/sanitize.sh) a
# test after which a new sanitizer report file exists is named, so the
# report can be traced to a command; tests/sanitize.sh counts the reports.

bpfbox() { "$BPFBOX" "$@"; }

testing()
{
	_name=$1 _cmd=$2 _want=$3
	_got=$(eval "$_cmd" 2>&1)
	if [ "$_got" = "$_want" ]; then
		PASSED=$((PASSED + 1))
		[ -n "$VERBOSE" ] && echo "PASS: $_name"
	else
		FAILED=$((FAILED + 1))
		echo "FAIL: $_name"
		echo "  cmd:  $_cmd"
		printf '%s\n' "$_want" > "$WORK/want"
		printf '%s\n' "$_got" > "$WORK/got"
		diff -u "$WORK/want" "$WORK/got" | sed -n '3,40p' | sed 's/^/  /'
	fi
	[ -n "$SAN_REPORTS" ] && san_check "$_name" "$_cmd"
	return 0
}

_san_seen=0
san_check()
{
	_san_n=$(ls "$SAN_REPORTS" | wc -l)
	[ "$_san_n" -gt "$_san_seen" ] || return 0
	echo "SANITIZER: $1: new report(s) since the previous test:" \
		$(ls -t "$SAN_REPORTS" | head -n $((_san_n - _san_seen)))
	echo "  cmd:  $2"
	_san_seen=$_san_n
}

skip()
{
	SKIPPED=$((SKIPPED + 1))
	echo "SKIP: $1: $2"
}

# Map id of a pinned map, for tests that need to name it by id.
map_id() { bpfbox -j map show pinned "$1" | sed -n 's/^{"id":\([0-9]*\),.*/\1/p'; }
