# link show / pin / detach on links made by tests/helpers/attach with
# BPF_LINK_CREATE (xdp, tcx, netns, netfilter, cgroup, sockmap) and
# BPF_RAW_TRACEPOINT_OPEN, in a network namespace and a cgroup of this
# file's own.  Sourced by tests/run.sh.

if ! netns_start; then
	skip "link" "cannot make a network namespace (unshare -n, nsenter)"
else
inns $H/attach up lo
$H/progload xdp $T/xdp name lk_xdp
$H/progload flow $T/flow name lk_flow
$H/progload cgskb $T/cgskb name lk_cg
$H/progload rawtp $T/rawtp name lk_rawtp
XP=$(prog_id $T/xdp)

inns $H/attach link xdp $T/xdp lo $T/l_xdp
XL=$(link_id $T/l_xdp)
testing "link show: xdp" 'inns bpfbox link show pinned $T/l_xdp' "$XL: xdp  prog $XP  
	ifindex lo(1)  "
testing "link show -j: xdp" 'inns bpfbox -j link show id $XL' \
	"{\"id\":$XL,\"type\":\"xdp\",\"prog_id\":$XP,\"devname\":\"lo\",\"ifindex\":1}"
testing "link show -f: pinned path" 'bpfbox -f link show id $XL | tail -1' "	pinned $T/l_xdp"
testing "link show -p -f" 'bpfbox -p -f link show id $XL' "{
    \"id\": $XL,
    \"type\": \"xdp\",
    \"prog_id\": $XP,
    \"devname\": \"lo\",
    \"ifindex\": 1,
    \"pinned\": [\"$T/l_xdp\"
    ]
}"
testing "link show: all links, an array in JSON" \
	'bpfbox -j link show | grep -c "^\[.*{\"id\":$XL,\"type\":\"xdp\",\"prog_id\":$XP,.*\]$"' "1"
testing "link pin: a second pin" 'bpfbox -j link pin id $XL $T/l_xdp2; bpfbox -f link show pinned $T/l_xdp2 | grep -c pinned' "null
2"
testing "link detach: the link stays, detached" \
	'bpfbox link detach pinned $T/l_xdp2; echo "rc=$?"; bpfbox link show id $XL; inns bpfbox net | sed -n 2p' \
	"rc=0
$XL: xdp  prog $XP  
	ifindex (detached)  "
testing "link show -j: detached device" 'bpfbox -j link show id $XL | grep -o "\"devname\":[^,]*,\"ifindex\":0"' \
	'"devname":"(detached)","ifindex":0'
rm -f $T/l_xdp $T/l_xdp2

inns $H/attach link flow_dissector $T/flow netns $T/l_flow
FL=$(link_id $T/l_flow)
NSINO=$(stat -L -c %i /proc/$NS_PID/ns/net)
testing "link show: netns (flow dissector)" 'bpfbox link show pinned $T/l_flow' "$FL: netns  prog $(prog_id $T/flow)  
	netns_ino $NSINO  attach_type flow_dissector  "
testing "link show -j: netns" 'bpfbox -j link show pinned $T/l_flow' \
	"{\"id\":$FL,\"type\":\"netns\",\"prog_id\":$(prog_id $T/flow),\"netns_ino\":$NSINO,\"attach_type\":\"flow_dissector\"}"

if cgroup_start link; then
	$H/attach link cgroup_inet_egress $T/cgskb $CG_DIR $T/l_cg
	CL=$(link_id $T/l_cg)
	CGID=$(stat -c %i $CG_DIR)
	testing "link show: cgroup" 'bpfbox link show id $CL' "$CL: cgroup  prog $(prog_id $T/cgskb)  
	cgroup_id $CGID  attach_type cgroup_inet_egress  "
	testing "link show -j: cgroup" 'bpfbox -j link show id $CL' \
		"{\"id\":$CL,\"type\":\"cgroup\",\"prog_id\":$(prog_id $T/cgskb),\"cgroup_id\":$CGID,\"attach_type\":\"cgroup_inet_egress\"}"
	if command -v bpftool > /dev/null; then
		testing "link show = bpftool (cgroup, netns)" \
			'for i in $CL $FL; do bpfbox link show id $i; done > $WORK/lk_a; for i in $CL $FL; do bpftool link show id $i; done > $WORK/lk_b; cmp $WORK/lk_a $WORK/lk_b && echo same' "same"
	else
		skip "link show = bpftool" "bpftool not installed"
	fi
	rm -f $T/l_cg
	rmdir $CG_DIR
else
	skip "link cgroup" "no cgroup2"
fi
rm -f $T/l_flow

if $H/progload netfilter $T/nf name lk_nf 2>/dev/null &&
   inns $H/attach link netfilter $T/nf 10:4:100 $T/l_nf 2>/dev/null; then
	NL=$(link_id $T/l_nf)
	testing "link show: netfilter" 'bpfbox link show id $NL' "$NL: netfilter  prog $(prog_id $T/nf)  
	ip6 postrouting prio 100"
	testing "link show -j: netfilter" 'bpfbox -j link show id $NL' \
		"{\"id\":$NL,\"type\":\"netfilter\",\"prog_id\":$(prog_id $T/nf),\"pf\":10,\"hook\":4,\"prio\":100,\"flags\":0}"
	rm -f $T/l_nf
else
	skip "link netfilter" "no netfilter links (6.4+)"
fi

$H/progload tc $T/tc name lk_tc
if inns $H/attach link tcx_egress $T/tc lo $T/l_tcx 2>/dev/null; then
	TL=$(link_id $T/l_tcx)
	testing "link show: tcx" 'inns bpfbox link show id $TL' "$TL: tcx  prog $(prog_id $T/tc)  
	ifindex lo(1)  attach_type tcx_egress  "
	rm -f $T/l_tcx
else
	skip "link tcx" "kernel without tcx (6.6+)"
fi

# sockmap links (6.10+)
bpfbox map create $T/sm type sockmap key 4 value 4 entries 1 name lk_sm
if $H/progload skskb $T/sk name lk_sk 2>/dev/null &&
   $H/attach link sk_skb_stream_verdict $T/sk $T/sm $T/l_sk 2>/dev/null; then
	KL=$(link_id $T/l_sk)
	testing "link show: sockmap" 'bpfbox link show id $KL' "$KL: sockmap  prog $(prog_id $T/sk)  
	map_id $(map_id $T/sm)  attach_type sk_skb_stream_verdict  "
	testing "link show -j: sockmap" 'bpfbox -j link show id $KL' \
		"{\"id\":$KL,\"type\":\"sockmap\",\"prog_id\":$(prog_id $T/sk),\"map_id\":$(map_id $T/sm),\"attach_type\":\"sk_skb_stream_verdict\"}"
	rm -f $T/l_sk
else
	skip "link sockmap" "no sockmap links (6.10+)"
fi

hold_start link $H/attach rawtp $T/rawtp sched_switch
LK_PID=$HOLD_PID
RL=$(bpfbox -j link show | grep -o "{\"id\":[0-9]*,\"type\":\"raw_tracepoint\",\"prog_id\":$(prog_id $T/rawtp)," | sed 's/{"id":\([0-9]*\),.*/\1/')
testing "link show: raw_tracepoint, held by a process" 'bpfbox link show id $RL' "$RL: raw_tracepoint  prog $(prog_id $T/rawtp)  
	tp 'sched_switch'  
	pids attach($LK_PID)"
testing "link show -j: raw_tracepoint" 'bpfbox -j link show id $RL' \
	"{\"id\":$RL,\"type\":\"raw_tracepoint\",\"prog_id\":$(prog_id $T/rawtp),\"tp_name\":\"sched_switch\",\"cookie\":0,\"pids\":[{\"pid\":$LK_PID,\"comm\":\"attach\"}]}"
kill $LK_PID 2>/dev/null
wait $LK_PID 2>/dev/null

# Bad input.
testing "link show: no such id" 'bpfbox link show id 4000000000; echo "rc=$?"' \
	"Error: failed to get link with ID 4000000000: No such file or directory
rc=255"
testing "link show: a program is not a link" 'bpfbox -j link show pinned $T/xdp; echo "rc=$?"' \
	'{"error":"incorrect object type: prog"}
rc=255'
testing "link show: not id or pinned" 'bpfbox link show name x; echo "rc=$?"' \
	"Error: expected 'id' or 'pinned', got: 'name'?
rc=255"
testing "link show: extra word" 'bpfbox link show id 1 x; echo "rc=$?"' \
	"Error: what is 'id'?
rc=255"
testing "link detach: no link" 'bpfbox -j link detach; echo "rc=$?"' \
	'{"error":"link specifier is invalid or missing"}
rc=255'
testing "link pin: path taken" 'bpfbox link pin pinned $T/xdp $T/xdp; echo "rc=$?"' \
	"Error: incorrect object type: prog
rc=255"

kill $NS_PID 2>/dev/null
wait $NS_PID 2>/dev/null
fi
