# "pids comm(pid)": processes holding a map or program open, found in
# /proc.  tests/helpers/holdfd opens pinned objects and sleeps; its pids
# go to $HELPER_PIDS so run.sh's cleanup kills them whatever happens.
# Pins alone hold nothing.  Sourced by tests/run.sh.

# Start holdfd on the given pins, wait until it has them open; sets PD_PID.
pd_hold()
{
	rm -f $WORK/pd_ready
	$H/holdfd "$@" > $WORK/pd_ready &
	PD_PID=$!
	HELPER_PIDS="$HELPER_PIDS $PD_PID"
	_i=0
	while [ ! -s $WORK/pd_ready ] && [ $_i -lt 100 ]; do
		sleep 0.05
		_i=$((_i + 1))
	done
}
pd_stop() { kill "$1" 2>/dev/null; wait "$1" 2>/dev/null; }

bpfbox map create $T/m type hash key 4 value 4 entries 4 name pd_map
$H/progload socket $T/p name pd_prog
PD_MAP=$(map_id $T/m)
PD_PROG=$(bpfbox -j prog show pinned $T/p | sed -n 's/^{"id":\([0-9]*\),.*/\1/p')

testing "no holder, no pids line" \
	'bpfbox map show pinned $T/m | grep -c pids; bpfbox -j prog show pinned $T/p | grep -c "\"pids\""' \
	"0
0"

pd_hold $T/m $T/p
PD_1=$PD_PID
testing "map show: pids holdfd(PID)" \
	'bpfbox map show pinned $T/m | tail -1' \
	"	pids holdfd($PD_1)"
testing "map show -j: pids" \
	'bpfbox -j map show pinned $T/m | grep -o "\"pids\":.*"' \
	"\"pids\":[{\"pid\":$PD_1,\"comm\":\"holdfd\"}]}"
testing "map show -p: pids" \
	'bpfbox -p map show id $PD_MAP | sed -n "/\"pids\"/,\$p"' \
	"    \"pids\": [{
            \"pid\": $PD_1,
            \"comm\": \"holdfd\"
        }
    ]
}"
testing "prog show: pids holdfd(PID)" \
	'bpfbox prog show pinned $T/p | tail -1' \
	"	pids holdfd($PD_1)"
testing "prog show -j: pids" \
	'bpfbox -j prog show id $PD_PROG | grep -o "\"pids\":.*"' \
	"\"pids\":[{\"pid\":$PD_1,\"comm\":\"holdfd\"}]}"
testing "pids comes after pinned and btf_id (-f)" \
	'bpfbox -f prog show id $PD_PROG | tail -2' \
	"	pinned $T/p
	pids holdfd($PD_1)"

pd_hold $T/m
PD_2=$PD_PID
testing "two holders, in pid order" \
	'bpfbox map show pinned $T/m | tail -1' \
	"	pids $(printf "holdfd(%s)\n" $PD_1 $PD_2 | sort -t"(" -k2 -n | tr "\n" "," | sed "s/,$//; s/,/, /g")"
testing "the program still has one" \
	'bpfbox -j prog show id $PD_PROG | grep -o "\"pids\":.*"' \
	"\"pids\":[{\"pid\":$PD_1,\"comm\":\"holdfd\"}]}"
testing "the same fd opened twice by one process is listed once" \
	'pd_hold $T/p $T/p; bpfbox prog show id $PD_PROG | tail -1 | grep -o "holdfd($PD_PID)" | wc -l; pd_stop $PD_PID' "1"

pd_stop $PD_1
pd_stop $PD_2
testing "holders gone, pids gone" \
	'bpfbox map show pinned $T/m | grep -c pids; bpfbox prog show pinned $T/p | grep -c pids' \
	"0
0"
