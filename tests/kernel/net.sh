# net show / attach / detach, in a network namespace of this file's own:
# a holder process (unshare -n sleep) keeps it, commands enter it with
# nsenter, and the interfaces are lo and a veth pair made by
# tests/helpers/attach through bpfbox's own netlink layer.  Netfilter
# links are listed system-wide, so only lines with our program ids are
# compared there.  Sourced by tests/run.sh.

# bpfbox inside the namespace, up to the netfilter section (system-wide).
nshow() { inns bpfbox "$@" | sed '/^netfilter:/,$d'; }

if ! netns_start; then
	skip "net" "cannot make a network namespace (unshare -n, nsenter)"
else
$H/progload xdp $T/xdp1 name net_xdp1
$H/progload xdp $T/xdp2 name net_xdp2
$H/progload tc $T/tc name net_tc
X1=$(prog_id $T/xdp1) X2=$(prog_id $T/xdp2) TC=$(prog_id $T/tc)
inns $H/attach up lo

testing "net show: nothing attached" 'nshow net show' "xdp:

tc:

flow_dissector:"
testing "net -j: one object of four arrays" \
	'inns bpfbox -j net | sed "s/\"netfilter\":\[[^]]*\]/\"netfilter\":[NF]/"' \
	'[{"xdp":[],"tc":[],"flow_dissector":[],"netfilter":[NF]}]'

testing "net attach xdpgeneric" 'inns bpfbox net attach xdpgeneric pinned $T/xdp1 dev lo; echo "rc=$?"' "rc=0"
testing "net show: generic XDP on lo" 'nshow net show dev lo' "xdp:
lo(1) generic id $X1

tc:

flow_dissector:"
testing "net show -p dev lo: xdp entry" 'inns bpfbox -p net show dev lo | sed -n "/\"xdp\"/,/\]/p"' \
"        \"xdp\": [{
                \"devname\": \"lo\",
                \"ifindex\": 1,
                \"mode\": \"generic\",
                \"id\": $X1
            }
        ],"
testing "net attach again: EBUSY, the first stays" \
	'inns bpfbox net attach xdpgeneric pinned $T/xdp2 dev lo; echo "rc=$?"; nshow net | sed -n 2p' \
	"Kernel error message: XDP program already attached
Error: interface xdpgeneric attach failed: Device or resource busy
rc=255
lo(1) generic id $X1"
testing "net attach -j failure: one JSON error" \
	'inns bpfbox -j net attach xdpgeneric pinned $T/xdp2 dev lo 2>/dev/null; echo "rc=$?"' \
	'{"error":"interface xdpgeneric attach failed: Device or resource busy"}
rc=255'
testing "net attach overwrite replaces" \
	'inns bpfbox -j net attach xdpg pinned $T/xdp2 dev lo overwrite; echo "rc=$?"; nshow net | sed -n 2p' \
	"null
rc=0
lo(1) generic id $X2"
testing "net detach xdpgeneric" \
	'inns bpfbox net detach xdpgeneric dev lo; echo "rc=$?"; nshow net | sed -n 2p' "rc=0"

# Bad input: nothing changes.
testing "net attach: unknown type" \
	'inns bpfbox net attach xdpfoo pinned $T/xdp1 dev lo; echo "rc=$?"' \
	"Error: invalid net attach/detach type: xdpfoo
rc=255"
testing "net attach: unknown device" \
	'inns bpfbox net attach xdp pinned $T/xdp1 dev nosuch0; echo "rc=$?"' \
	"Error: invalid devname nosuch0
rc=255"
testing "net attach: not 'dev'" \
	'inns bpfbox net attach xdp pinned $T/xdp1 eth lo; echo "rc=$?"' \
	"Error: expected 'dev', got: 'eth'?
rc=255"
testing "net attach: prepend is for tcx" \
	'inns bpfbox net attach xdp pinned $T/xdp1 dev lo prepend; echo "rc=$?"' \
	"Error: 'prepend' is only supported for tcx_ingress/tcx_egress
rc=255"
testing "net attach: overwrite is for xdp" \
	'inns bpfbox net attach tcx_ingress pinned $T/tc dev lo overwrite; echo "rc=$?"' \
	"Error: 'overwrite' is only supported for xdp types
rc=255"
testing "net attach: too few words" \
	'inns bpfbox -j net attach xdp pinned $T/xdp1 dev; echo "rc=$?"' \
	"{\"error\":\"'attach' needs at least 5 arguments, 4 found\"}
rc=255"
testing "net show dev: unknown device" \
	'inns bpfbox -j net show dev nosuch0; echo "rc=$?"' \
	'{"error":"invalid devname nosuch0"}
rc=255'
testing "bad input attached nothing" 'nshow net | sed -n 2p' ""

# cls_bpf on clsact, made through netlink by the helper.
# (sch_ingress and cls_bpf are modules on many kernels: without them, skip.)
if inns $H/attach tc lo $T/tc ingress net_cls_in 2>/dev/null &&
   inns $H/attach tc lo $T/tc egress net_cls_eg 2>/dev/null; then
	testing "net show: clsact filters" 'nshow net show dev lo | sed -n "/^tc:/,/^$/p"' "tc:
lo(1) clsact/ingress net_cls_in id $TC
lo(1) clsact/egress net_cls_eg id $TC"
	testing "net -j: clsact filters" 'inns bpfbox -j net show dev lo | grep -o "\"tc\":\[[^]]*\]"' \
		"\"tc\":[{\"devname\":\"lo\",\"ifindex\":1,\"kind\":\"clsact/ingress\",\"name\":\"net_cls_in\",\"id\":$TC},{\"devname\":\"lo\",\"ifindex\":1,\"kind\":\"clsact/egress\",\"name\":\"net_cls_eg\",\"id\":$TC}]"
else
	skip "net show: clsact filters" "no clsact qdisc or cls_bpf in this kernel"
fi

if command -v bpftool > /dev/null; then
	inns bpfbox net attach xdpgeneric pinned $T/xdp1 dev lo
	testing "net show = bpftool net show (xdp, tc)" \
		'nshow net show > $WORK/net_a; inns bpftool net show | sed "/^netfilter:/,\$d" > $WORK/net_b; cmp $WORK/net_a $WORK/net_b && echo same' "same"
	inns bpfbox net detach xdpgeneric dev lo
else
	skip "net show = bpftool" "bpftool not installed"
fi

# tcx (6.6+): BPF_PROG_ATTACH by bpfbox, a link by the helper.
if inns bpfbox net attach tcx_ingress pinned $T/tc dev lo 2>/dev/null; then
	testing "net show: tcx program" 'nshow net show dev lo | grep tcx' \
		"lo(1) tcx/ingress net_tc prog_id $TC "
	testing "net -j: tcx program" 'inns bpfbox -j net | grep -o "{[^{]*tcx/ingress[^}]*}"' \
		"{\"devname\":\"lo\",\"ifindex\":1,\"kind\":\"tcx/ingress\",\"name\":\"net_tc\",\"prog_id\":$TC,\"prog_flags\":[],\"link_id\":0,\"link_flags\":[]}"
	testing "net detach tcx_ingress" 'inns bpfbox net detach tcx_ingress dev lo; echo "rc=$?"; nshow net | grep -c tcx' \
		"rc=0
0"
	inns $H/attach link tcx_egress $T/tc lo $T/tcx_link
	testing "net show: tcx link" 'nshow net show | grep tcx' \
		"lo(1) tcx/egress net_tc prog_id $TC link_id $(link_id $T/tcx_link) "
	rm -f $T/tcx_link
else
	skip "net tcx" "kernel without tcx (6.6+)"
fi

# Native XDP on a veth pair (the kernel may lack veth).
if inns $H/attach veth netv0 netv1 2>/dev/null; then
	testing "net attach xdpdrv on veth" 'inns bpfbox net attach xdpdrv pinned $T/xdp1 dev netv0; echo "rc=$?"; nshow net show dev netv0 | sed -n "2s/([0-9]*)/(N)/p"' \
		"rc=0
netv0(N) driver id $X1"
	testing "net detach xdpdrv" 'inns bpfbox net detach xdpdrv dev netv0; nshow net show dev netv0 | sed -n 2p' ""
	# A filter on the ingress qdisc (ffff:): every parent bpftool asks
	# about resolves to that qdisc, so it is listed under each.
	if inns $H/attach qdisc netv1 ingress ffff 2>/dev/null &&
	   inns $H/attach tc netv1 $T/tc ffff: net_ing; then
		testing "net show: a filter on the ingress qdisc" \
			'nshow net show dev netv1 | sed -n "/^tc:/,/^\$/p" | sed "s/([0-9]*)/(N)/"' "tc:
netv1(N) ingress net_ing id $TC
netv1(N) root net_ing id $TC
netv1(N) clsact/ingress net_ing id $TC
netv1(N) clsact/egress net_ing id $TC"
	else
		skip "net show: ingress qdisc" "no ingress qdisc"
	fi
	# Classful qdiscs (prio) may be modules this kernel lacks.
	if inns $H/attach qdisc netv0 prio 1 2>/dev/null && inns $H/attach tc netv0 $T/tc 1: net_prio; then
		testing "net show: a filter on a prio qdisc" \
			'nshow net show dev netv0 | grep net_prio | sed "s/([0-9]*)/(N)/"' "netv0(N) prio net_prio id $TC"
	else
		skip "net show: classful qdisc" "no sch_prio in this kernel"
	fi
	if command -v bpftool > /dev/null; then
		testing "net show -j = bpftool -j (veth, qdiscs)" \
			'inns bpfbox -j net | sed "s/,\"netfilter\":\[[^]]*\]//" > $WORK/net_a; inns bpftool -j net > $WORK/net_b; cmp $WORK/net_a $WORK/net_b && echo same' "same"
	fi
else
	skip "net xdpdrv" "no veth in this kernel"
fi

# netkit (6.7+): a pair made by the helper, a program on the primary.
if inns $H/attach netkit netk0 netk1 2>/dev/null; then
	inns $H/attach link netkit_primary $T/tc netk0 $T/nk_link
	testing "net show: netkit link" 'nshow net show dev netk0 | grep netkit | sed "s/([0-9]*)/(N)/"' \
		"netk0(N) netkit/primary net_tc prog_id $TC link_id $(link_id $T/nk_link) "
	testing "link show: netkit" 'inns bpfbox link show pinned $T/nk_link | sed -n "2s/([0-9]*)/(N)/p"' \
		"	ifindex netk0(N)  attach_type netkit_primary  "
	rm -f $T/nk_link
else
	skip "net netkit" "no netkit devices in this kernel (6.7+)"
fi

# Flow dissector and netfilter links (netfilter: 6.4+).
$H/progload flow $T/flow name net_flow
if inns $H/attach link flow_dissector $T/flow netns $T/flow_link 2>/dev/null; then
	testing "net show: flow dissector" 'nshow net show | sed -n "/^flow_dissector:/,\$p"' "flow_dissector:
id $(prog_id $T/flow)"
	testing "net -j: flow dissector as an object" 'inns bpfbox -j net | grep -o "\"flow_dissector\":[^]]*]"' \
		"\"flow_dissector\":[{\"id\":$(prog_id $T/flow)}]"
	rm -f $T/flow_link
else
	skip "net flow_dissector" "no flow dissector links"
fi
if $H/progload netfilter $T/nf name net_nf 2>/dev/null &&
   inns $H/attach link netfilter $T/nf 2:1:-77 $T/nf_link 2>/dev/null; then
	NF=$(prog_id $T/nf)
	testing "net show: netfilter link" 'inns bpfbox net | grep "prog_id $NF\$"' \
		"	ip input prio -77 prog_id $NF"
	testing "net -j: netfilter link" 'inns bpfbox -j net | grep -o "{[^{]*\"id\":$NF}"' \
		"{\"pf\":2,\"hook\":1,\"prio\":-77,\"flags\":0,\"id\":$NF}"
	rm -f $T/nf_link
else
	skip "net netfilter" "no netfilter links (6.4+)"
fi

kill $NS_PID 2>/dev/null
wait $NS_PID 2>/dev/null
fi
