# perf show: a raw tracepoint and a tracepoint perf event with programs,
# held open by helper processes (tests/helpers/attach); only their lines
# are compared, other processes may hold their own.  Also the perf_event
# links (tracepoint, software event) that "link show" details.  Tracepoint
# ids come from a private tracefs mount; kprobes are not assumed (the qemu
# matrix has them).  Sourced by tests/run.sh.

# perf show's plain line and JSON object for the fd a helper holds:
# perf_check LABEL PID FD_LINK_PATTERN PROG_ID FD_TYPE (the event is
# sched_switch in both cases).
perf_check()
{
	PC_PID=$2 PC_PROG=$4 PC_TYPE=$5
	PC_FD=$(ls -l /proc/$PC_PID/fd | sed -n "s/.* \([0-9]*\) -> $3\$/\1/p")
	testing "perf show: $1" 'bpfbox perf show | grep "^pid $PC_PID "' \
		"pid $PC_PID  fd $PC_FD: prog_id $PC_PROG  $PC_TYPE  sched_switch"
	testing "perf show -j: $1" 'bpfbox -j perf | grep -o "{\"pid\":$PC_PID,[^}]*}"' \
		"{\"pid\":$PC_PID,\"fd\":$PC_FD,\"prog_id\":$PC_PROG,\"fd_type\":\"$PC_TYPE\",\"tracepoint\":\"sched_switch\"}"
}

$H/progload rawtp $T/rawtp name perf_rawtp
PR=$(prog_id $T/rawtp)
hold_start perf $H/attach rawtp $T/rawtp sched_switch
PF_PID=$HOLD_PID
perf_check "raw tracepoint" $PF_PID "anon_inode:bpf[-_]link" $PR raw_tracepoint
testing "perf show -j: one JSON array" 'bpfbox -j perf list | grep -c "^\[.*\]$"' "1"
if command -v bpftool > /dev/null; then
	testing "perf show = bpftool (this process)" \
		'bpfbox perf | grep "^pid $PF_PID " > $WORK/pf_a; bpftool perf | grep "^pid $PF_PID " > $WORK/pf_b; cmp $WORK/pf_a $WORK/pf_b && echo same' "same"
	testing "perf show -p = bpftool (this process)" \
		'bpfbox -p perf | grep -A6 "\"pid\": $PF_PID," > $WORK/pf_a; bpftool -p perf | grep -A6 "\"pid\": $PF_PID," > $WORK/pf_b; cmp $WORK/pf_a $WORK/pf_b && echo same' "same"
else
	skip "perf show = bpftool" "bpftool not installed"
fi
kill $PF_PID 2>/dev/null
wait $PF_PID 2>/dev/null
testing "perf show: gone with its process" 'bpfbox perf | grep -c "^pid $PF_PID "' "0"

# A tracepoint perf event (PERF_EVENT_IOC_SET_BPF) and perf_event links.
mkdir -p $WORK/tracefs
if mount -t tracefs nodev $WORK/tracefs 2>/dev/null &&
   TP_ID=$(cat $WORK/tracefs/events/sched/sched_switch/id 2>/dev/null); then
	$H/progload tp $T/tp name perf_tp
	$H/progload tp $T/tp2 name perf_tp2
	$H/progload perfev $T/pe name perf_pe
	hold_start perf_tp $H/attach perf tp:$TP_ID $T/tp
	TP_PID=$HOLD_PID
	perf_check tracepoint $TP_PID "anon_inode:\[perf_event\]" $(prog_id $T/tp) tracepoint
	if command -v bpftool > /dev/null; then
		testing "perf show = bpftool (tracepoint)" \
			'bpfbox perf | grep "^pid $TP_PID " > $WORK/pf_a; bpftool perf | grep "^pid $TP_PID " > $WORK/pf_b; cmp $WORK/pf_a $WORK/pf_b && echo same' "same"
	fi
	kill $TP_PID 2>/dev/null
	wait $TP_PID 2>/dev/null

	hold_start perf_tpl $H/attach perf tp:$TP_ID $T/tp2 $T/l_tp
	TL_PID=$HOLD_PID
	TL=$(link_id $T/l_tp)
	# perf_event links: 5.15; their details in link info: 6.6
	if [ -z "$TL" ] || ! bpfbox link show id $TL | grep -q tracepoint; then
		skip "link show: perf_event links" "kernel without perf_event link info (6.6+)"
	else
	testing "link show: perf_event tracepoint" 'bpfbox link show id $TL' "$TL: perf_event  prog $(prog_id $T/tp2)  
	tracepoint sched_switch  
	pids attach($TL_PID)"
	testing "link show -j: perf_event tracepoint" 'bpfbox -j link show id $TL' \
		"{\"id\":$TL,\"type\":\"perf_event\",\"prog_id\":$(prog_id $T/tp2),\"tracepoint\":\"sched_switch\",\"cookie\":0,\"pids\":[{\"pid\":$TL_PID,\"comm\":\"attach\"}]}"
	fi
	kill $TL_PID 2>/dev/null
	wait $TL_PID 2>/dev/null
	# software event 2: page-faults
	if hold_start perf_sw $H/attach perf sw:2 $T/pe $T/l_sw && [ -e $T/l_sw ] &&
	   bpfbox link show pinned $T/l_sw | grep -q "^	event "; then
		SL=$(link_id $T/l_sw)
		testing "link show: perf_event software event" 'bpfbox link show pinned $T/l_sw | sed -n 2p' \
			"	event software:page-faults  "
		testing "link show -j: perf_event software event" \
			'bpfbox -j link show pinned $T/l_sw | grep -o "\"event_type.*cookie\":0"' \
			'"event_type":"software","event_config":"page-faults","cookie":0'
		kill $HOLD_PID 2>/dev/null
		wait $HOLD_PID 2>/dev/null
	else
		skip "link show: perf_event software event" "no perf_event links with event info (6.6+)"
	fi
	rm -f $T/l_tp $T/l_sw
else
	skip "perf show: tracepoint" "no tracefs"
fi

testing "perf show: extra word" 'bpfbox perf show x; echo "rc=$?"' "Error: what is 'x'?
rc=255"
testing "perf help -j: null" 'bpfbox -j perf help' "null"
