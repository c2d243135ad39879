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

# Id of a pinned program or link.
prog_id() { bpfbox -j prog show pinned "$1" | sed -n 's/^{"id":\([0-9]*\),.*/\1/p'; }
link_id() { bpfbox -j link show pinned "$1" | sed -n 's/^{"id":\([0-9]*\),.*/\1/p'; }

# A network namespace of the test file's own, held by a sleeping process
# (NS_PID, killed by run.sh's cleanup at the latest); inns runs a command
# in it ("inns bpfbox ..." runs $BPFBOX).  Returns 1 without unshare or
# nsenter.
netns_start()
{
	command -v unshare > /dev/null && command -v nsenter > /dev/null || return 1
	unshare -n sleep 600 &
	NS_PID=$!
	HELPER_PIDS="$HELPER_PIDS $NS_PID"
	_i=0
	while [ "$(readlink /proc/$NS_PID/ns/net 2>/dev/null)" = "$(readlink /proc/self/ns/net)" ] &&
	      [ $_i -lt 100 ]; do
		sleep 0.05
		_i=$((_i + 1))
	done
	[ $_i -lt 100 ] && kill -0 $NS_PID 2>/dev/null
}
inns()
{
	if [ "$1" = bpfbox ]; then
		shift
		set -- "$BPFBOX" "$@"
	fi
	nsenter -t "$NS_PID" -n "$@"
}

# A cgroup of the test file's own: a private cgroup2 mount under $WORK
# (unmounted by run.sh) and a child CG_DIR of its root, which the file
# must rmdir at its end.  Returns 1 without cgroup2.
cgroup_start()
{
	CG_ROOT=$WORK/cgroup2
	mkdir -p "$CG_ROOT"
	grep -q "^[^ ]* $CG_ROOT " /proc/mounts || mount -t cgroup2 none "$CG_ROOT" 2>/dev/null || return 1
	CG_DIR=$CG_ROOT/bpfbox-test-$$-$1
	mkdir "$CG_DIR"
}

# Start a helper that prints a line once it holds what it opened, and wait
# for that line: hold_start NAME CMD...; sets HOLD_PID (killed by run.sh's
# cleanup at the latest).
hold_start()
{
	_ready=$WORK/$1.ready
	shift
	rm -f "$_ready"
	"$@" > "$_ready" &
	HOLD_PID=$!
	HELPER_PIDS="$HELPER_PIDS $HOLD_PID"
	_i=0
	while [ ! -s "$_ready" ] && [ $_i -lt 100 ] && kill -0 $HOLD_PID 2>/dev/null; do
		sleep 0.05
		_i=$((_i + 1))
	done
}
