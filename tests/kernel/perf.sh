# perf show: a raw tracepoint with a program, held open by a helper
# process (tests/helpers/attach rawtp); only that process's lines are
# compared, other processes may hold their own.  Kprobes and tracepoint
# perf events need kernel features this suite does not assume (the qemu
# matrix has them).  Sourced by tests/run.sh.

$H/progload rawtp $T/rawtp name perf_rawtp
PR=$(prog_id $T/rawtp)
hold_start perf $H/attach rawtp $T/rawtp sched_switch
PF_PID=$HOLD_PID
PF_FD=$(ls -l /proc/$PF_PID/fd | sed -n 's/.* \([0-9]*\) -> anon_inode:bpf[-_]link$/\1/p')

testing "perf show: the held raw tracepoint" 'bpfbox perf show | grep "^pid $PF_PID "' \
	"pid $PF_PID  fd $PF_FD: prog_id $PR  raw_tracepoint  sched_switch"
testing "perf show -j" 'bpfbox -j perf | grep -o "{\"pid\":$PF_PID,[^}]*}"' \
	"{\"pid\":$PF_PID,\"fd\":$PF_FD,\"prog_id\":$PR,\"fd_type\":\"raw_tracepoint\",\"tracepoint\":\"sched_switch\"}"
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

testing "perf show: extra word" 'bpfbox perf show x; echo "rc=$?"' "Error: what is 'x'?
rc=255"
testing "perf help -j: null" 'bpfbox -j perf help' "null"
