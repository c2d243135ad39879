# map event_pipe on a perf_event_array (as bpftool) and on a ringbuf map
# (bpfbox only): real records from programs run with BPF_PROG_TEST_RUN
# (tests/helpers/progload), a clean exit 0 on SIGINT/SIGTERM/SIGHUP, and
# the map left as it was.  event_pipe runs in the background writing to
# files; its pid goes to $HELPER_PIDS in case a test fails half way.
# Sourced by tests/run.sh.

# ep_start FILE ARGS...: event_pipe in the background; sets EP_PID.
ep_start()
{
	_out=$1
	shift
	# The binary itself, not the bpfbox function: $! must be its pid.
	"$BPFBOX" "$@" > $WORK/$_out 2> $WORK/$_out.err &
	EP_PID=$!
	HELPER_PIDS="$HELPER_PIDS $EP_PID"
}
# ep_wait FILE PATTERN N: until FILE has N lines matching PATTERN.
ep_wait()
{
	_i=0
	# The reader may not have created its output file yet.
	while [ "$(cat $WORK/$1 2>/dev/null | grep -c "$2")" -lt "$3" ] && [ $_i -lt 100 ]; do
		sleep 0.05
		_i=$((_i + 1))
	done
}
# ep_trigger PROG CPU: run until the record reaches a reader (the program
# returns bpf_perf_event_output's result: -ENOENT until the fd is in).
ep_trigger()
{
	_i=0
	until $H/progload run "$1" cpu "$2" >/dev/null; do
		[ $_i -ge 100 ] && return 1
		sleep 0.05
		_i=$((_i + 1))
	done
}
# Until the process has its perf events open (for signal tests).
ep_wait_perf()
{
	_i=0
	until ls -l /proc/$1/fd 2>/dev/null | grep -q perf_event || [ $_i -ge 100 ]; do
		sleep 0.05
		_i=$((_i + 1))
	done
	sleep 0.1	# the map update follows the open
}
# ep_stop PID SIG: signal it and collect its status in EP_RC (in this
# shell: a $(...) subshell cannot wait for it).
ep_stop() { kill -"$2" "$1"; wait "$1"; EP_RC=$?; }
ep_norm() { sed -e 's/^== @[0-9]*\.[0-9]\{9\} /== @T /' -e 's/"timestamp": *[0-9]*/"timestamp":T/g' $WORK/$1; }

# The CPU the explicit "cpu N index N" tests use: the last online one.
EP_CPU=$(($(grep -c ^processor /proc/cpuinfo) - 1))
[ -r /sys/devices/system/cpu/online ] &&
	EP_CPU=$(sed 's/.*[,-]//' /sys/devices/system/cpu/online)

testing "setup: perf_event_array, ringbuf, programs writing to them" \
	'bpfbox map create $T/pa type perf_event_array key 4 value 4 entries $((EP_CPU + 1)) name ep_pa &&
	 bpfbox map create $T/rb type ringbuf key 0 value 0 entries 4096 name ep_rb &&
	 $H/progload perf $T/p map $T/pa && $H/progload ringbuf $T/r map $T/rb; echo "rc=$?"' "rc=0"

# ---- perf_event_array --------------------------------------------------
ep_start ep1 map event_pipe pinned $T/pa
ep_trigger $T/p 0 && ep_wait ep1 "^==" 1
ep_stop $EP_PID INT
testing "perf: a record from CPU 0 (plain)" \
	'echo "rc=$EP_RC"; ep_norm ep1; cat $WORK/ep1.err' \
	"rc=0
== @T CPU: 0 index: 0 =====
01 02 03 04 05 06 07 08  00 00 00 00
Stopping..."
testing "perf: the map slot is cleared at exit" \
	'$H/progload run $T/p cpu 0' "retval -2"

ep_start ep2 -j map event_pipe pinned $T/pa cpu $EP_CPU index $EP_CPU
ep_trigger $T/p $EP_CPU && $H/progload run $T/p cpu $EP_CPU >/dev/null && ep_wait ep2 '"type"' 2
ep_stop $EP_PID TERM
testing "perf: cpu N index N, two records (json)" \
	'echo "rc=$EP_RC"; ep_norm ep2' \
	"rc=0
[{\"type\":9,\"cpu\":$EP_CPU,\"index\":$EP_CPU,\"timestamp\":T,\"data\":[1,2,3,4,5,6,7,8,0,0,0,0]},{\"type\":9,\"cpu\":$EP_CPU,\"index\":$EP_CPU,\"timestamp\":T,\"data\":[1,2,3,4,5,6,7,8,0,0,0,0]}]"

ep_start ep3 -p map event_pipe id $(map_id $T/pa)
ep_trigger $T/p 0 && ep_wait ep3 '"type"' 1
ep_stop $EP_PID INT
testing "perf: pretty" \
	'echo "rc=$EP_RC"; ep_norm ep3' \
	"rc=0
[{
        \"type\": 9,
        \"cpu\": 0,
        \"index\": 0,
        \"timestamp\":T,
        \"data\": [1,2,3,4,5,6,7,8,0,0,0,0
        ]
    }
]"

for sig in INT TERM HUP; do
	ep_start ep4 map event_pipe pinned $T/pa
	ep_wait_perf $EP_PID
	ep_stop $EP_PID $sig
	testing "perf: SIGHUP/SIGINT/SIGTERM with no records: exit 0 ($sig)" \
		'echo "rc=$EP_RC"; cat $WORK/ep4 $WORK/ep4.err' \
		"rc=0
Stopping..."
done
ep_start ep5 -j map event_pipe pinned $T/pa
ep_wait_perf $EP_PID
ep_stop $EP_PID INT
testing "perf: no records (json) is an empty array" \
	'echo "rc=$EP_RC"; cat $WORK/ep5' \
	"rc=0
[]"

# ---- ringbuf (beyond bpftool) ------------------------------------------
testing "ringbuf: two records before the reader starts" \
	'$H/progload run $T/r; $H/progload run $T/r' "retval 0
retval 0"
ep_start ep6 map event_pipe pinned $T/rb
ep_wait ep6 "^==" 2 && $H/progload run $T/r >/dev/null && ep_wait ep6 "^==" 3
ep_stop $EP_PID INT
testing "ringbuf: waiting records, then a new one (plain)" \
	'echo "rc=$EP_RC"; ep_norm ep6; cat $WORK/ep6.err' \
	"rc=0
== @T ringbuf =====
01 02 03 04 05 06 07 08
== @T ringbuf =====
01 02 03 04 05 06 07 08
== @T ringbuf =====
01 02 03 04 05 06 07 08
Stopping..."
ep_start ep7 -j map event_pipe pinned $T/rb
sleep 0.2
$H/progload run $T/r >/dev/null && ep_wait ep7 '"type"' 1
ep_stop $EP_PID TERM
testing "ringbuf: consumed records are not shown again; json" \
	'echo "rc=$EP_RC"; ep_norm ep7' \
	"rc=0
[{\"type\":9,\"timestamp\":T,\"data\":[1,2,3,4,5,6,7,8]}]"
ep_start ep8 map event_pipe pinned $T/rb
sleep 0.3
ep_stop $EP_PID INT
testing "ringbuf: SIGINT with no records" \
	'echo "rc=$EP_RC"; cat $WORK/ep8 $WORK/ep8.err' \
	"rc=0
Stopping..."

# ---- errors --------------------------------------------------------------
bpfbox map create $T/h type hash key 4 value 4 entries 1 name ep_h
testing "not a perf event array" \
	'bpfbox map event_pipe pinned $T/h; echo "rc=$?"' \
	"Error: map is not a perf event array
rc=255"
testing "cpu without index" \
	'bpfbox map event_pipe pinned $T/pa cpu 0; echo "rc=$?"' \
	"Error: cpu and index must be specified together
rc=255"
testing "a keyword without its value" \
	'bpfbox map event_pipe pinned $T/pa cpu 0 index; echo "rc=$?"' \
	"Error: what is 'index'?
rc=255"
testing "bad cpu number" \
	'bpfbox map event_pipe pinned $T/pa cpu x index 0; echo "rc=$?"' \
	"Error: can't parse x as CPU ID
rc=255"
testing "index past the map" \
	'bpfbox map event_pipe pinned $T/pa cpu 0 index 99; echo "rc=$?"' \
	"Error: failed to create perf buffer: Argument list too long (7)
rc=255"
testing "cpu and index on a ringbuf" \
	'bpfbox map event_pipe pinned $T/rb cpu 0 index 0; echo "rc=$?"' \
	"Error: cpu and index apply to perf event arrays, not ringbuf maps
rc=255"

# ---- side by side with bpftool --------------------------------------------
if command -v bpftool >/dev/null 2>&1; then
	for o in "" -j -p; do
		ep_start ep9 $o map event_pipe pinned $T/pa
		ep_trigger $T/p 0
		ep_wait ep9 'CPU\|"type"' 1
		ep_stop $EP_PID INT
		bpftool $o map event_pipe pinned $T/pa > $WORK/ep10 2> $WORK/ep10.err &
		EP_PID=$!
		HELPER_PIDS="$HELPER_PIDS $EP_PID"
		ep_trigger $T/p 0
		sleep 0.2
		ep_stop $EP_PID INT
		testing "perf: same as bpftool ($o)" \
			'ep_norm ep9 > $WORK/ep9n; ep_norm ep10 > $WORK/ep10n; diff $WORK/ep10n $WORK/ep9n && cmp $WORK/ep9.err $WORK/ep10.err && echo same' \
			"same"
	done
	for w in "pinned $T/h" "pinned $T/pa cpu 0" "pinned $T/pa cpu" "pinned $T/pa cpu x index 0" \
		"pinned $T/pa index x cpu 0" "pinned $T/pa foo 1"; do
		testing "errors: same as bpftool: $w" \
			'bpfbox map event_pipe $w > $WORK/e1 2>&1; r1=$?; bpftool map event_pipe $w > $WORK/e2 2>&1; r2=$?;
			 diff $WORK/e2 $WORK/e1 && [ $r1 = $r2 ] && echo same' "same"
	done
else
	skip "event_pipe compat" "bpftool not installed"
fi
