# prog run (BPF_PROG_TEST_RUN) and prog tracelog (trace_pipe, BPF
# streams) on programs loaded here; then byte for byte with bpftool when
# it is installed.  Sourced by tests/run.sh.

testing "load the run programs" \
	'$H/progload socket $T/s name pr_sock && $H/progload xdp $T/x name pr_xdp; echo "rc=$?"' "rc=0"
printf 'hello world, a packet of some bytes....................................' > $WORK/pkt
pr_dur() { sed 's/duration\(.*\): [0-9]*ns$/duration\1: Nns/; s/"duration": *[0-9]*/"duration":N/'; }

# ---- run --------------------------------------------------------------
testing "run: return value and duration" 'bpfbox prog run pinned $T/x data_in $WORK/pkt | pr_dur' \
	"Return value: 2, duration: Nns"
testing "run: repeat says average" 'bpfbox prog run pinned $T/x data_in $WORK/pkt repeat 5 | pr_dur' \
	"Return value: 2, duration (average): Nns"
testing "run: data_out - is a hex dump" 'bpfbox prog run pinned $T/x data_in $WORK/pkt data_out - | pr_dur' \
"0000000	6865 6c6c 6f20 776f 726c 642c 2061 2070 | hello wo rld, a p
0000010	6163 6b65 7420 6f66 2073 6f6d 6520 6279 | acket of  some by
0000020	7465 732e 2e2e 2e2e 2e2e 2e2e 2e2e 2e2e | tes..... ........
0000030	2e2e 2e2e 2e2e 2e2e 2e2e 2e2e 2e2e 2e2e | ........ ........
0000040	2e2e 2e2e 2e2e 2e                       | .......
Return value: 2, duration: Nns"
testing "run -j: data_out as numbers, stdin input" \
	'head -c 20 $WORK/pkt | bpfbox -j prog run pinned $T/x data_in - data_out - | pr_dur' \
	'{"data_out":[104,101,108,108,111,32,119,111,114,108,100,44,32,97,32,112,97,99,107,101],"retval":2,"duration":N}'
testing "run: data_out file, data_size_out" \
	'bpfbox prog run pinned $T/x data_in $WORK/pkt data_out $WORK/out data_size_out 100 | pr_dur && cmp $WORK/pkt $WORK/out && echo same' \
	"Return value: 2, duration: Nns
same"
testing "run: socket filter returns 0" 'bpfbox -p prog run id $(bpfbox -j prog show pinned $T/s | sed "s/{\"id\":\([0-9]*\),.*/\1/") data_in $WORK/pkt | pr_dur' \
'{
    "retval": 0,
    "duration":N
}'

# ---- run: bad input, nothing run, nothing written ---------------------------
testing "run: too few words" 'bpfbox prog run pinned $T/x; echo "rc=$?"' \
	"Error: 'run' needs at least 4 arguments, 2 found
rc=255"
testing "run: ambiguous prefix" 'bpfbox prog run pinned $T/x data $WORK/pkt; echo "rc=$?"' \
	"Error: ambiguous prefix: 'data' could be 'data_in' or 'data_out' or 'data_size_out'
rc=255"
testing "run: stdin twice" 'bpfbox -j prog run pinned $T/x data_in - ctx_in -; echo "rc=$?"' \
	'{"error":"cannot use standard input for both data_in and ctx_in"}
rc=255'
testing "run: unreadable input" 'bpfbox prog run pinned $T/x data_in $WORK/none; echo "rc=$?"' \
	"Error: failed to open $WORK/none: No such file or directory
rc=255"
testing "run: bad sizes" \
	'bpfbox prog run pinned $T/x data_in $WORK/pkt data_size_out 1x; bpfbox prog run pinned $T/x data_in $WORK/pkt repeat 0x;
	 bpfbox prog run pinned $T/x data_in $WORK/pkt ctx_size_out 4294967296; echo "rc=$?"' \
	"Error: can't parse 1x as output data size
Error: can't parse 0x as repeat number
Error: can't parse 4294967296 as output context size
rc=255"
testing "run: unknown word" 'bpfbox prog run pinned $T/x data_in $WORK/pkt bogus; echo "rc=$?"' \
	"Error: expected no more arguments, 'data_in', 'data_out', 'data_size_out', 'ctx_in', 'ctx_out', 'ctx_size_out' or 'repeat', got: 'bogus'?
rc=255"
testing "run: a failed run writes no output file" \
	'rm -f $WORK/out2; bpfbox prog run pinned $T/x data_in $WORK/pkt data_out $WORK/out2 data_size_out 4; echo "rc=$?"; ls $WORK/out2 2>/dev/null | wc -l' \
	"Error: failed to run program: No space left on device
rc=255
0"
testing "run: a type the kernel cannot test-run" \
	'$H/progdump cgdev $T/cgdev && bpfbox prog run pinned $T/cgdev data_in $WORK/pkt; echo "rc=$?"' \
	"Error: failed to run program: Unknown error 524
Hint: the kernel does not support this for this type of program or map
rc=255"
testing "run: an output that cannot be written still shows the result" \
	'bpfbox prog run pinned $T/x data_in $WORK/pkt data_out $WORK/no/dir | pr_dur; bpfbox prog run pinned $T/x data_in $WORK/pkt data_out $WORK/no/dir > /dev/null 2>&1; echo "rc=$?"' \
	"Error: failed to open $WORK/no/dir: No such file or directory
Return value: 2, duration: Nns
rc=255"
testing "run -j: that error inside the one JSON object" \
	'bpfbox -j prog run pinned $T/x data_in $WORK/pkt data_out $WORK/no/dir | pr_dur' \
	"{\"error\":\"failed to open $WORK/no/dir: No such file or directory\",\"retval\":2,\"duration\":N}"

# ---- tracelog ---------------------------------------------------------
# tracelog mounts tracefs when none is mounted, as bpftool does: undo
# that at the end of this file.
pr_had_tracefs=$(grep -c " tracefs " /proc/mounts)
# Start the reader, print twice, stop it with the signal: both lines come
# out (and whatever the trace buffer held before), the JSON array is
# closed, the status is 0.
pr_trace()
{
	# The binary itself, not the bpfbox function's subshell, gets it.
	"$BPFBOX" $1 prog tracelog > $WORK/trace 2>&1 &
	pid=$!
	sleep 1
	bpfbox prog run pinned $T/printk data_in $WORK/pkt repeat 2 > /dev/null
	sleep 1
	kill -$2 $pid
	wait $pid
	echo "rc=$?"
}
if ! $H/progdump printk $T/printk 2> $WORK/why; then
	skip "tracelog" "cannot load a bpf_trace_printk program: $(cat $WORK/why)"
else
	pr_trace "" INT > $WORK/rc
	# trace_pipe has one reader at a time: another suite may hold it;
	# a minimal system may have no tracefs to mount.
	if grep -q "Device or resource busy\|Error: .*tracefs" $WORK/trace; then
		skip "tracelog" "$(grep "Error" $WORK/trace | head -n 1)"
	else
		testing "tracelog: streams trace_pipe until SIGINT" \
			'cat $WORK/rc; [ $(grep -c "bpf_trace_printk: pd hi 42$" $WORK/trace) -ge 2 ] && echo "both lines"' "rc=0
both lines"
		testing "tracelog -j: lines as strings, array closed on SIGTERM" \
			'pr_trace -j TERM; grep -o "\"[^\"]*pd hi 42\\\\n\"" $WORK/trace | sed "s/.*: //" | sort -u; tail -c 2 $WORK/trace' \
			'rc=0
pd hi 42\n"
]'
	fi
fi
# BPF streams (6.17+): nothing written, so an empty read.
if bpfbox prog tracelog stdout pinned $T/s > $WORK/stream 2>&1; then
	testing "tracelog stdout: an empty stream" 'cat $WORK/stream; bpfbox -j prog tracelog stdout pinned $T/s' "[]"
	testing "tracelog stderr -j: null" 'bpfbox -j prog tracelog stderr pinned $T/s' "null"
else
	testing "tracelog stdout: a kernel without BPF streams says so" 'grep -c "BPF streams need Linux 6.17" $WORK/stream' "1"
fi
# A program that writes its stdout stream, when the kernel lets it.
if ! $H/progdump stream $T/stream 2> $WORK/why; then
	skip "tracelog stdout with content" "$(cat $WORK/why)"
else
	rv=$(bpfbox -j prog run pinned $T/stream data_in $WORK/pkt repeat 2 | sed -n 's/.*"retval":\([0-9]*\).*/\1/p')
	if [ "$rv" != 0 ]; then
		skip "tracelog stdout with content" "bpf_stream_vprintk_impl returned $rv in a test run"
	else
		testing "tracelog stdout: what the program wrote, then empty" \
			'bpfbox prog tracelog stdout pinned $T/stream; bpfbox prog tracelog stdout pinned $T/stream' \
			"pd out 42
pd out 42"
		testing "tracelog stdout -j: its lines" \
			'bpfbox prog run pinned $T/stream data_in $WORK/pkt > /dev/null; bpfbox -j prog tracelog stdout pinned $T/stream' \
			'["pd out 42\n"]'
	fi
fi
[ "$pr_had_tracefs" = 0 ] && grep -q " /sys/kernel/tracing tracefs " /proc/mounts &&
	umount /sys/kernel/tracing
testing "tracelog: neither stdout nor stderr" 'bpfbox prog tracelog foo pinned $T/s 2>&1 | head -n 1' \
	"Usage: bpfbox prog { show | list } [PROG]"
testing "tracelog stdout: no program" 'bpfbox prog tracelog stdout; echo "rc=$?"' \
	"Error: 'stdout' needs at least 2 arguments, 0 found
rc=255"

# ---- byte for byte with bpftool -------------------------------------------
if command -v bpftool > /dev/null 2>&1; then
	for args in "pinned $T/x data_in $WORK/pkt data_out -" "pinned $T/x data_in $WORK/pkt data_out - repeat 3" \
		"pinned $T/s data_in $WORK/pkt" "pinned $T/x data_in $WORK/pkt data_out $WORK/o data_size_out 64" \
		"pinned $T/x data $WORK/pkt" "pinned $T/x data_in $WORK/none" "pinned $T/x data_in $WORK/pkt repeat z" \
		"pinned $T/x data_in $WORK/pkt ctx_out -"; do
		for fmt in "" -j -p; do
			bpfbox $fmt prog run $args 2>&1 | pr_dur > $WORK/o1
			bpftool $fmt prog run $args 2>&1 | pr_dur > $WORK/o2
			testing "same as bpftool: $fmt prog run $args" 'cmp $WORK/o1 $WORK/o2 && echo same' "same"
		done
	done
else
	skip "prog run compared with bpftool" "bpftool not installed"
fi
