# cgroup show / tree / attach / detach on a parent and a child cgroup of
# this file's own (a private cgroup2 mount, see cgroup_start in lib.sh),
# removed at the end.  Sourced by tests/run.sh.

if ! cgroup_start cg; then
	skip "cgroup" "no cgroup2"
else
CGP=$CG_DIR CGC=$CG_DIR/child
mkdir $CGC
$H/progload cgskb $T/a name cg_a
$H/progload cgskb $T/b name cg_b
$H/progload cgskb $T/c name cg_c
A=$(prog_id $T/a) B=$(prog_id $T/b) C=$(prog_id $T/c)
# With kernel BTF, bpftool names type 0 ("") as the attach point of
# programs attached to no BTF: one more column, one more member.
X= BN=
if [ -e /sys/kernel/btf/vmlinux ]; then
	X=' %-15s' BN='"attach_btf_name":"",'
fi

testing "cgroup show: nothing attached prints nothing" 'bpfbox cgroup show $CGP; echo "rc=$?"' "rc=0"
testing "cgroup show -j: nothing attached is []" 'bpfbox -j cgroup show $CGP' "[]"
testing "cgroup attach multi" 'bpfbox cgroup attach $CGP cgroup_inet_ingress pinned $T/a multi; echo "rc=$?"' "rc=0"
testing "cgroup attach override (older word, prefix)" \
	'bpfbox -j cgroup attach $CGP egr pinned $T/b override; echo "rc=$?"' "null
rc=0"
testing "cgroup attach child multi" 'bpfbox cgroup attach $CGC ingress pinned $T/c multi; echo "rc=$?"' "rc=0"

testing "cgroup show" 'bpfbox cgroup show $CGP' \
"ID       AttachType      AttachFlags     Name           
$(printf "%-8s %-15s %-15s %-15s$X" $A cgroup_inet_ingress multi cg_a '')
$(printf "%-8s %-15s %-15s %-15s$X" $B cgroup_inet_egress override cg_b '')"
testing "cgroup show effective: the child's and the parent's" 'bpfbox cgroup show $CGC effective' \
"ID       AttachType      Name           
$(printf "%-8s %-15s %-15s$X" $C cgroup_inet_ingress cg_c '')
$(printf "%-8s %-15s %-15s$X" $A cgroup_inet_ingress cg_a '')
$(printf "%-8s %-15s %-15s$X" $B cgroup_inet_egress cg_b '')"
testing "cgroup show -j" 'bpfbox -j cgroup show $CGC' \
	"[{\"id\":$C,\"attach_type\":\"cgroup_inet_ingress\",\"attach_flags\":\"multi\",\"name\":\"cg_c\",$BN\"attach_btf_obj_id\":0,\"attach_btf_id\":0}]"
testing "cgroup tree: parent, indented child" 'bpfbox cgroup tree $CGP/' \
"CgroupPath
ID       AttachType      AttachFlags     Name           
$CGP
$(printf "%-8s %-15s %-15s %-15s$X" $A cgroup_inet_ingress multi cg_a '')
$(printf "%-8s %-15s %-15s %-15s$X" $B cgroup_inet_egress override cg_b '')
$CGC
$(printf "    %-8s %-15s %-15s %-15s$X" $C cgroup_inet_ingress multi cg_c '')"
testing "cgroup tree -j effective" 'bpfbox -j cgroup tree $CGC effective' \
	"[{\"cgroup\":\"$CGC\",\"programs\":[{\"id\":$C,\"attach_type\":\"cgroup_inet_ingress\",\"name\":\"cg_c\",$BN\"attach_btf_obj_id\":0,\"attach_btf_id\":0},{\"id\":$A,\"attach_type\":\"cgroup_inet_ingress\",\"name\":\"cg_a\",$BN\"attach_btf_obj_id\":0,\"attach_btf_id\":0},{\"id\":$B,\"attach_type\":\"cgroup_inet_egress\",\"name\":\"cg_b\",$BN\"attach_btf_obj_id\":0,\"attach_btf_id\":0}]}]"
if command -v bpftool > /dev/null; then
	for c in "cgroup show $CGP" "cgroup show $CGC effective" "cgroup tree $CGP" "-j cgroup tree $CGP effective" "-p cgroup show $CGP"; do
		# bpftool's query asks for per-program flags, which kernels
		# before 6.0 refuse: it then lists nothing
		if bpftool $c > $WORK/cg_b 2>/dev/null && grep -q cg_a $WORK/cg_b; then
			testing "cgroup = bpftool: $c" 'bpfbox $c > $WORK/cg_a; cmp $WORK/cg_a $WORK/cg_b && echo same' "same"
		else
			skip "cgroup = bpftool: $c" "bpftool cannot query this kernel's cgroups"
		fi
	done
else
	skip "cgroup = bpftool" "bpftool not installed"
fi

# Bad input changes nothing.
testing "cgroup attach: not a cgroup" 'bpfbox cgroup attach $T ingress pinned $T/a; echo "rc=$?"' \
	"Error: can't open cgroup $T: not a cgroup v2 directory
rc=255"
testing "cgroup attach: no such cgroup" 'bpfbox -j cgroup attach $CGP/nosuch ingress pinned $T/a; echo "rc=$?"' \
	"{\"error\":\"can't open cgroup $CGP/nosuch\"}
rc=255"
testing "cgroup attach: bad type" 'bpfbox cgroup attach $CGP bogus pinned $T/a; echo "rc=$?"' \
	"Error: invalid attach type
rc=255"
testing "cgroup attach: bad flag" 'bpfbox cgroup attach $CGP ingress pinned $T/a multi bogus; echo "rc=$?"' \
	"Error: unknown option: bogus
rc=255"
testing "cgroup attach: too few words" 'bpfbox cgroup attach $CGP ingress; echo "rc=$?"' \
	"Error: too few parameters for cgroup attach
rc=255"
testing "cgroup show: bad word" 'bpfbox cgroup show $CGP effective effective; echo "rc=$?"' \
	"Error: duplicated argument: effective
rc=255"
testing "cgroup tree: no such root" 'bpfbox cgroup tree $CGP/nosuch; echo "rc=$?"' \
	"Error: can't iterate over $CGP/nosuch: No such file or directory
rc=255"
testing "bad input attached nothing" 'bpfbox cgroup show $CGP | wc -l' "3"

testing "cgroup detach" 'bpfbox cgroup detach $CGP egress pinned $T/b; echo "rc=$?"; bpfbox cgroup show $CGP | wc -l' \
	"rc=0
2"
testing "cgroup detach: not attached" 'bpfbox cgroup detach $CGP egress pinned $T/b; echo "rc=$?"' \
	"Error: failed to detach program: No such file or directory
rc=255"
testing "cgroup help: upstream's ATTACH_TYPE list (from the table)" \
	'bpfbox cgroup help 2>&1 | sed -n "/ATTACH_TYPE :=/,/}/p"' \
"       ATTACH_TYPE := { cgroup_inet_ingress | cgroup_inet_egress |
                        cgroup_inet_sock_create | cgroup_sock_ops |
                        cgroup_device | cgroup_inet4_bind |
                        cgroup_inet6_bind | cgroup_inet4_post_bind |
                        cgroup_inet6_post_bind | cgroup_inet4_connect |
                        cgroup_inet6_connect | cgroup_unix_connect |
                        cgroup_inet4_getpeername | cgroup_inet6_getpeername |
                        cgroup_unix_getpeername | cgroup_inet4_getsockname |
                        cgroup_inet6_getsockname | cgroup_unix_getsockname |
                        cgroup_udp4_sendmsg | cgroup_udp6_sendmsg |
                        cgroup_unix_sendmsg | cgroup_udp4_recvmsg |
                        cgroup_udp6_recvmsg | cgroup_unix_recvmsg |
                        cgroup_sysctl | cgroup_getsockopt |
                        cgroup_setsockopt | cgroup_inet_sock_release }"

bpfbox cgroup detach $CGP ingress pinned $T/a
bpfbox cgroup detach $CGC ingress pinned $T/c
rmdir $CGC $CGP
fi
