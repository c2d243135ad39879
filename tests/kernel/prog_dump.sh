# prog dump xlated on programs loaded here (tests/helpers/progdump,
# progload): exact output where the kernel's rewriting is stable, the
# pieces that come from BTF (function headers, source lines, linum),
# map references, file, visual, errors; then byte for byte with bpftool
# when it is installed.  Sourced by tests/run.sh.

pd_id() { bpfbox -j prog show pinned "$1" | sed -n 's/^{"id":\([0-9]*\),.*/\1/p'; }

testing "load the dump programs" \
	'$H/progload socket $T/s name pd_sock && $H/progdump full $T/full && $H/progdump ldabs $T/ldabs &&
	 $H/progdump subs $T/subs; echo "rc=$?"' "rc=0"
S_ID=$(pd_id $T/s)

# ---- plain, -j, -p on a program the kernel leaves as written ----------
testing "dump xlated (plain)" 'bpfbox prog dump xlated id $S_ID' \
"   0: (b7) r0 = 0
   1: (95) exit"
testing "dump xlated opcodes, abbreviated" 'bpfbox prog d x pinned $T/s op' \
"   0: (b7) r0 = 0
       b7 00 00 00 00 00 00 00
   1: (95) exit
       95 00 00 00 00 00 00 00"
testing "dump xlated -j opcodes" 'bpfbox -j prog dump xlated id $S_ID opcodes' \
'[{"disasm":"(b7) r0 = 0","opcodes":{"code":"0xb7","src_reg":"0x0","dst_reg":"0x0","off":["0x00","0x00"],"imm":["0x00","0x00","0x00","0x00"]}},{"disasm":"(95) exit","opcodes":{"code":"0x95","src_reg":"0x0","dst_reg":"0x0","off":["0x00","0x00"],"imm":["0x00","0x00","0x00","0x00"]}}]'
testing "dump xlated -p" 'bpfbox -p prog dump xlated id $S_ID' \
'[{
        "disasm": "(b7) r0 = 0"
    },{
        "disasm": "(95) exit"
    }
]'

# ---- BTF: func_info headers, line_info, linum ------------------------------
testing "function headers from func_info" \
	'bpfbox prog dump xlated pinned $T/full | grep ":$"' \
	"int full_main(struct __sk_buff * skb):
int full_sub(int x):"
testing "source lines from line_info, trimmed" \
	'bpfbox prog dump xlated pinned $T/full | grep "^;" | sort -u' \
	'; int r = 1, n = 3; /* start <here> | & "q" */
; r = r * n {braces};
; return bpf_tail_call(skb, &progs, 0);
; static int full_sub(int x) { return x + 1; }'
testing "the first lines: header, source, instruction" \
	'bpfbox prog dump xlated pinned $T/full | head -n 3' \
	'int full_main(struct __sk_buff * skb):
; int r = 1, n = 3; /* start <here> | & "q" */
   0: (bf) r6 = r1'
testing "linum: file, line and column" \
	'bpfbox prog dump xlated pinned $T/full linum | grep "^; static"' \
	'; static int full_sub(int x) { return x + 1; } [file:/src/bpfbox/tests/some/rather/long/directory/progdump_full.bpf.c line_num:30 line_col:1]'
testing "linum with an empty file name" \
	'bpfbox prog dump xlated pinned $T/full linum | grep -c "^; r = r \* n {braces}; \[file: line_num:12 line_col:0\]$"' "1"
testing "-j proto, src and linum fields" \
	'bpfbox -j prog dump xlated pinned $T/full linum | grep -o "{\"proto\":[^}]*}" | head -n 1' \
	'{"proto":"int full_main(struct __sk_buff * skb)","src":"int r = 1, n = 3; /* start <here> | & \"q\" */","file":"/src/bpfbox/tests/some/rather/long/directory/progdump_full.bpf.c","line_num":10,"line_col":2,"disasm":"(bf) r6 = r1"}'

# ---- operands: maps, global data, helpers, calls ------------------------
MAPS=$(bpfbox -j prog show pinned $T/full | sed -n 's/.*"map_ids":\[\([0-9,]*\)\].*/\1/p')
testing "map and map value references carry the map ids" \
	'bpfbox prog dump xlated pinned $T/full | grep -o "r[0-9] = map\[id:[0-9]*\][][0-9+]*" | sed "s/id:[0-9]*/id:N/" | sort' \
	'r1 = map[id:N][0]+4
r2 = map[id:N]'
testing "those ids are the program's maps" \
	'for id in $(bpfbox prog dump xlated pinned $T/full | sed -n "s/.*map\[id:\([0-9]*\)\].*/\1/p"); do
	 case ",$MAPS," in *",$id,"*) echo in;; *) echo "not $id in $MAPS";; esac; done' "in
in"
testing "the tail call and the subprogram call" \
	'bpfbox prog dump xlated pinned $T/full | grep -o "call [a-z_]*tail_call#12\|call pc+[0-9]*#bpf_prog_[0-9a-f]*_full_sub" | sed "s/pc+[0-9]*/pc+N/; s/_[0-9a-f]*_full/_TAG_full/"' \
	"call pc+N#bpf_prog_TAG_full_sub
call bpf_tail_call#12"
testing "helpers by their kernel symbol" \
	'bpfbox prog dump xlated pinned $T/full | grep -c "(85) call bpf_ktime_get_ns#-\?[0-9]*$"' "1"
testing "a 64-bit constant" \
	'bpfbox prog dump xlated pinned $T/full | grep -c "(18) r3 = 0x1234567890$"' "1"
testing "ld_abs rewritten by the verifier, dumped as it runs" \
	'bpfbox prog dump xlated pinned $T/ldabs | grep -c "call bpf_skb_load_helper_\(8\|16\|32\)_no_cache#"' "6"

# ---- file and visual -------------------------------------------------------
testing "file: the raw instructions" \
	'bpfbox prog dump xlated id $S_ID file $WORK/raw && od -An -tx1 $WORK/raw | tr -s " " | sed "s/^ //"' \
	"b7 00 00 00 00 00 00 00 95 00 00 00 00 00 00 00"
testing "file in -j prints null" 'bpfbox -j prog dump xlated id $S_ID file $WORK/raw2' "null"
testing "file: cannot open" \
	'bpfbox prog dump xlated id $S_ID file $WORK/no/such/dir; echo "rc=$?"' \
	"Error: can't open file $WORK/no/such/dir: No such file or directory
rc=255"
testing "visual: the DOT graph" 'bpfbox prog dump xlated id $S_ID visual' \
'digraph "DOT graph for eBPF program" {
subgraph "cluster_0" {
	style="dashed";
	color="black";
	label="func_0 ()";
	fn_0_bb_0 [shape=Mdiamond,style=filled,label="ENTRY"];

	fn_0_bb_2 [shape=record,style=filled,label="{\
0: (b7) r0 = 0\l\
| 1: (95) exit\l\
}"];

	fn_0_bb_1 [shape=Mdiamond,style=filled,label="EXIT"];

	fn_0_bb_0:s -> fn_0_bb_2:n [style="solid,bold", color=black, weight=10, constraint=true];
	fn_0_bb_2:s -> fn_0_bb_1:n [style="solid,bold", color=black, weight=10, constraint=true];
	fn_0_bb_0:s -> fn_0_bb_1:n [style="invis", constraint=true];
}
}'
testing "visual: one cluster per function, escaped labels" \
	'bpfbox prog dump xlated pinned $T/full visual linum > $WORK/dot; grep -c "^subgraph" $WORK/dot;
	 grep -q "^; \[\.\.\./directory/progdump_full\.bpf\.c line:10 col:2\]\\\\l\\\\$" $WORK/dot && echo found;
	 grep -q "^; int\\\\ r\\\\ =\\\\ 1,\\\\ n\\\\ =\\\\ 3;\\\\ /\*\\\\ start\\\\ \\\\<here\\\\>\\\\ \\\\|\\\\ &\\\\ \\\\\"q\\\\\"\\\\ \*/\\\\l\\\\$" $WORK/dot && echo escaped' \
	"2
found
escaped"

testing "visual: functions numbered by first call, drawn by address" \
	'bpfbox prog dump xlated pinned $T/subs visual | grep "^	label=\|fn_[0-9]_bb_0:s -> fn_[0-9]_bb_2"' \
'	label="func_0 ()";
	fn_0_bb_0:s -> fn_0_bb_2:n [style="solid,bold", color=black, weight=10, constraint=true];
	label="func_2 ()";
	fn_2_bb_0:s -> fn_2_bb_2:n [style="solid,bold", color=black, weight=10, constraint=true];
	label="func_1 ()";
	fn_1_bb_0:s -> fn_1_bb_2:n [style="solid,bold", color=black, weight=10, constraint=true];'

# ---- errors -------------------------------------------------------------
testing "no program: usage" 'bpfbox prog dump xlated 2>&1 | head -n 1; bpfbox prog dump xlated > /dev/null 2>&1; echo "rc=$?"' \
	"Usage: bpfbox prog { show | list } [PROG]
rc=255"
testing "neither xlated nor jited" 'bpfbox prog dump foo id 1; echo "rc=$?"' \
	"Error: expected 'xlated' or 'jited', got: foo
rc=255"
testing "file with opcodes" 'bpfbox prog dump xlated id $S_ID file $WORK/x opcodes; echo "rc=$?"; ls $WORK/x 2>&1 | grep -c "No such"' \
	"Error: 'file' is not compatible with 'opcodes', 'visual', or 'linum'
rc=255
1"
testing "visual in JSON" 'bpfbox -j prog dump xlated id $S_ID visual; echo "rc=$?"' \
	'{"error":"'"'"'visual'"'"' is not compatible with JSON output"}
rc=255'
testing "unknown id in JSON" 'bpfbox -j prog dump xlated id 4294967295; echo "rc=$?"' \
	'{"error":"get by id (4294967295): No such file or directory"}
rc=255'
testing "unknown keyword" 'bpfbox prog dump xlated id $S_ID bogus 2>&1 | head -n 1' \
	"Usage: bpfbox prog { show | list } [PROG]"

# ---- several programs by name ------------------------------------------
testing "two programs with one name" \
	'$H/progload socket $T/s2 name pd_twin && $H/progload xdp $T/s3 name pd_twin && bpfbox prog dump xlated name pd_twin | grep -c "^[0-9]*: .*name pd_twin  tag"' "2"
testing "several programs: visual refused" 'bpfbox prog dump xlated name pd_twin visual; echo "rc=$?"' \
	"Error: several programs matched
rc=255"

# ---- newer instructions: what this kernel accepts ---------------------------
for kind in atomics v4 newer kfunc; do
	if why=$($H/progdump $kind $T/$kind 2>&1); then
		testing "$kind: every line disassembled" \
			'bpfbox prog dump xlated pinned $T/$kind | grep -c "BUG\|(null)\|unknown"' "0"
		[ $kind = kfunc ] && testing "kfunc calls by name" \
			'bpfbox prog dump xlated pinned $T/kfunc | grep -o "call bpf_rcu_read_[a-z]*#"' \
			"call bpf_rcu_read_lock#
call bpf_rcu_read_unlock#"
	else
		skip "dump $kind" "kernel refused the program: $why"
	fi
done

# ---- byte for byte with bpftool ---------------------------------------------
if command -v bpftool > /dev/null 2>&1; then
	# 7.1 takes one of opcodes/linum/visual and has an older disasm.c
	# and DOT layout; upstream main (what bpfbox follows) all of these.
	main=; bpftool prog help 2>&1 | grep -q '\[opcodes\] \[linum\] \[visual\]' && main=1
	kinds="s full ldabs subs"
	[ -n "$main" ] && kinds="$kinds atomics v4 newer kfunc"
	for kind in $kinds; do
		[ -e $T/$kind ] || continue
		set -- "" opcodes linum
		[ -n "$main" ] && set -- "$@" "opcodes linum" visual "visual opcodes linum"
		for opt in "$@"; do
			for fmt in "" -j -p; do
				[ -n "$fmt" ] && case $opt in visual*) continue;; esac
				bpfbox $fmt prog dump xlated pinned $T/$kind $opt > $WORK/o1 2>&1; r1=$?
				bpftool $fmt prog dump xlated pinned $T/$kind $opt > $WORK/o2 2>&1; r2=$?
				testing "same as bpftool: $fmt dump xlated $kind $opt" \
					'cmp $WORK/o1 $WORK/o2 && [ $r1 = $r2 ] && echo same' "same"
			done
		done
	done
	bpftool prog dump xlated pinned $T/full file $WORK/bt.raw
	bpfbox prog dump xlated pinned $T/full file $WORK/bb.raw
	testing "same as bpftool: file" 'cmp $WORK/bt.raw $WORK/bb.raw && echo same' "same"
	for fmt in "" -j; do
		bpfbox $fmt prog dump xlated name pd_twin > $WORK/o1 2>&1
		bpftool $fmt prog dump xlated name pd_twin > $WORK/o2 2>&1
		testing "same as bpftool: $fmt several programs" \
			'cmp $WORK/o1 $WORK/o2 && echo same' "same"
	done
else
	skip "prog dump compared with bpftool" "bpftool not installed"
fi
