# prog dump jited on programs loaded here (tests/helpers/progload,
# progdump): bpftool's layout (function headers from kallsyms and
# func_info, "%4x:" lines, opcodes, source lines, linum, JSON, file),
# checked against the image itself; then, where LLVM 19+ is installed
# (tests/disasm-check), every function's text line by line against
# llvm-objdump at the function's address, and the disassembler corpus
# tests/disasm/x86_64.s.  Sourced by tests/run.sh.

case $(uname -m) in
x86_64) JT_ARCH=x86_64 ;;
aarch64|arm64) JT_ARCH=aarch64 ;;
*) JT_ARCH= ;;
esac

# The instructions' bytes of a plain "opcodes" dump, one hex pair a
# line, and the image's bytes the same way.
jt_opbytes() { sed -n 's/^\t//p' | tr ' ' '\n' | sed '/^$/d'; }
jt_filebytes() { od -An -v -tx1 "$1" | tr ' ' '\n' | sed '/^$/d'; }
# The instructions of an "opcodes" dump whose pc is not the number of
# bytes before it in its function.
jt_pcs()
{
	awk -F'\t' '/^[^ \t;].*:$/ { sum = 0; next }
		/^ *[0-9a-f]+:\t/ { pc = $1; sub(/^ */, "", pc); sub(/:$/, "", pc); if (pc != sprintf("%x", sum)) bad++ }
		/^\t/ { sum += split($2, b, " ") }
		END { print bad + 0 }'
}

testing "load the programs" \
	'$H/progload socket $T/s name jt_sock && $H/progdump full $T/full && $H/progdump regs $T/regs &&
	 $H/progdump subs $T/subs; echo "rc=$?"' "rc=0"
JT_PROGS="s full regs subs"
for k in atomics v4 newer ldabs; do
	if $H/progdump $k $T/$k > $WORK/jt_load 2>&1; then
		JT_PROGS="$JT_PROGS $k"
	else
		skip "jited $k" "the kernel refuses the program: $(tail -n 1 $WORK/jt_load)"
	fi
done
TAG=$($H/progload tag $T/s)
S_ID=$(prog_id $T/s)

# ---- layout -------------------------------------------------------------
testing "plain: the function's kallsyms name, then pc-numbered lines, then a blank line" \
	'bpfbox prog dump jited id $S_ID > $WORK/jt; sed -n 1p $WORK/jt; sed "1d;\$d" $WORK/jt | grep -cv "^ \{0,3\}[0-9a-f]\{1,4\}:	[a-z.]"; tail -n 1 $WORK/jt | grep -c "^$"' \
	"bpf_prog_${TAG}_jt_sock:
0
1"
testing "opcodes: each instruction's bytes, all of them the image" \
	'bpfbox prog dump jited id $S_ID opcodes | jt_opbytes > $WORK/jt_op; bpfbox prog dump jited id $S_ID file $WORK/jt_img; jt_filebytes $WORK/jt_img | cmp - $WORK/jt_op && echo same' "same"
testing "file: as many bytes as prog show's bytes_jited" \
	'[ "$(wc -c < $WORK/jt_img | tr -d " ")" = "$(bpfbox -j prog show id $S_ID | sed -n "s/.*\"bytes_jited\":\([0-9]*\).*/\1/p")" ] && echo same' "same"
testing "opcodes: each pc is the sum of the bytes before it in its function" \
	'bpfbox prog dump j pinned $T/full op | jt_pcs' "0"
testing "-j: one object per function, pc/operation/operands per instruction" \
	'bpfbox -j prog dump jited id $S_ID > $WORK/jt_j; $H/jsoncheck < $WORK/jt_j && grep -o "^\[{\"name\":\"bpf_prog_${TAG}_jt_sock\",\"insns\":\[{\"pc\":\"0x0\",\"operation\":\"[a-z0-9]*\",\"operands\":\[" $WORK/jt_j | wc -l' "1"
testing "-j: as many instructions as the plain dump" \
	'[ "$(grep -o "\"pc\":" $WORK/jt_j | wc -l)" = "$(grep -c "^ *[0-9a-f]*:	" $WORK/jt)" ] && echo same' "same"
testing "-j: no operands is [null]" \
	'bpfbox -j prog dump jited pinned $T/regs | grep -o "\"operation\":\"\(leave\|retq\|ret\|int3\)\",\"operands\":\[null\]" | head -n 1 | sed "s/\"operation\":\"[a-z0-9]*\"/OP/"' \
	'OP,"operands":[null]'
testing "-j opcodes: the image's bytes as \"0x..\" strings" \
	'bpfbox -j prog dump jited id $S_ID opcodes | grep -o "\"opcodes\":\[[^]]*\]" | sed "s/\"opcodes\":\[//; s/\]//; s/\"0x\([0-9a-f][0-9a-f]\)\"/\1/g" | tr "," "\n" | cmp - $WORK/jt_op && echo same' "same"
testing "-p: bpftool's pretty layout" \
	'bpfbox -p prog dump jited id $S_ID | head -n 4' \
	"[{
        \"name\": \"bpf_prog_${TAG}_jt_sock\",
        \"insns\": [{
                \"pc\": \"0x0\","
testing "-j file: the image, and null" \
	'bpfbox -j prog dump jited id $S_ID file $WORK/jt_img2; cmp $WORK/jt_img $WORK/jt_img2 && echo same' "null
same"

# ---- several functions, func_info, line_info ------------------------------
testing "functions: prototype, kallsyms name, in order" \
	'bpfbox prog dump jited pinned $T/full | grep -v "^ *[0-9a-f]*:	\|^;\|^$" | sed "s/bpf_prog_[0-9a-f]*_/bpf_prog_TAG_/"' \
	"int full_main(struct __sk_buff * skb):
bpf_prog_TAG_full_main:
int full_sub(int x):
bpf_prog_TAG_full_sub:"
testing "each function's pcs start at 0" \
	'bpfbox prog dump jited pinned $T/subs | grep -c "^   0:	"' "3"
testing "source lines from line_info, each before its instruction" \
	'bpfbox prog dump jited pinned $T/full | grep -A1 "^;" | grep -v "^--" | sed "s/^ *[0-9a-f]*:	.*/INSN/" | head -n 4' \
	'; int r = 1, n = 3; /* start <here> | & "q" */
INSN
; r = r * n {braces};
INSN'
testing "the callee's source line is its first line" \
	'bpfbox prog dump jited pinned $T/full | grep -A2 "^bpf_prog_.*_full_sub:" | sed -n "2p;3s/^   0:	.*/INSN 0/p"' \
	"; static int full_sub(int x) { return x + 1; }
INSN 0"
testing "linum" \
	'bpfbox prog dump jited pinned $T/full linum | grep -c "^; static int full_sub(int x) { return x + 1; } \[file:/src/bpfbox/tests/some/rather/long/directory/progdump_full.bpf.c line_num:30 line_col:1\]$"' "1"
testing "-j: proto, name, src and linum fields" \
	'bpfbox -j prog dump jited pinned $T/full linum > $WORK/jt_f; $H/jsoncheck < $WORK/jt_f && grep -o "{\"proto\":\"int full_sub(int x)\",\"name\":\"bpf_prog_[0-9a-f]*_full_sub\",\"insns\":\[{\"src\":\"static int full_sub(int x) { return x + 1; }\",\"file\":\"[^\"]*\",\"line_num\":30,\"line_col\":1,\"pc\":\"0x0\"" $WORK/jt_f | wc -l' "1"
testing "a program in several functions: file is the whole image" \
	'bpfbox prog dump jited pinned $T/full opcodes | jt_opbytes > $WORK/jt_op; bpfbox prog dump jited pinned $T/full file $WORK/jt_img; jt_filebytes $WORK/jt_img | cmp - $WORK/jt_op && echo same' "same"
testing "two programs with one name: both, with headers" \
	'$H/progload socket $T/s2 name jt_twin && $H/progload xdp $T/s3 name jt_twin && bpfbox prog dump jited name jt_twin | grep -c "^[0-9]*: .*name jt_twin  tag\|^bpf_prog_[0-9a-f]*_jt_twin:$"' "4"

# ---- errors -------------------------------------------------------------
testing "no such program" 'bpfbox prog dump jited id 4294967295; echo "rc=$?"' \
	"Error: get by id (4294967295): No such file or directory
rc=255"
testing "file in a directory that does not exist" \
	'bpfbox prog dump jited id $S_ID file $WORK/nodir/img; echo "rc=$?"' \
	"Error: can't open file $WORK/nodir/img: No such file or directory
rc=255"
testing "-j file in a directory that does not exist" \
	'bpfbox -j prog dump jited id $S_ID file $WORK/nodir/img; echo "rc=$?"' \
	"{\"error\":\"can't open file $WORK/nodir/img: No such file or directory\"}
rc=255"
testing "file with linum" 'bpfbox prog dump jited id $S_ID file $WORK/jt_x linum; echo "rc=$?"; ls $WORK/jt_x 2>&1 | grep -c "No such"' \
	"Error: 'file' is not compatible with 'opcodes', 'visual', or 'linum'
rc=255
1"
testing "an extra word" 'bpfbox prog dump jited id $S_ID opcodes bogus 2>&1 | head -n 1; bpfbox prog dump jited id $S_ID bogus > /dev/null 2>&1; echo "rc=$?"' \
	"Usage: bpfbox prog { show | list } [PROG]
rc=255"
testing "help names dump jited" 'bpfbox prog help 2>&1 | grep -c "dump jited  PROG \[{ file FILE | \[opcodes\] \[linum\] }\]"' "1"

# ---- the text, against LLVM ------------------------------------------------
# Each function of each program: its bytes cut from the image at the
# sums of the opcodes lines, its address from kallsyms; the dump's text
# must be what tests/helpers/disasm prints, and that what llvm-objdump
# prints.
# jt_llvm_rc: 0 LLVM is here, 3 it is not, "" the reason was given already.
jt_llvm_rc=
if [ -z "$JT_ARCH" ]; then
	skip "jited text against LLVM" "no bpfbox disassembler for $(uname -m)"
elif [ ! -x "$top/tests/disasm-check" ] && [ ! -f "$top/tests/disasm-check" ]; then
	skip "jited text against LLVM" "tests/disasm-check is not here (the guests' text is checked on the host: tools/check-jit-artifacts)"
else
	# 3: no llvm-objdump of LLVM 19 or newer
	sh "$top/tests/disasm-check" "$JT_ARCH" /dev/null > /dev/null 2>&1
	jt_llvm_rc=$?
fi
# jt_compare helper: the dump against tests/helpers/disasm; jt_compare
# llvm: and against llvm-objdump too.
jt_compare()
{
	_bad=0 _n=0
	for _p in $JT_PROGS; do
		bpfbox prog dump jited pinned $T/$_p file $WORK/jt_img || return 1
		bpfbox prog dump jited pinned $T/$_p opcodes > $WORK/jt_op || return 1
		$H/progload ksyms $T/$_p > $WORK/jt_addrs || return 1
		awk '/^bpf_prog_.*:$/ { if (n) print name, off, n; off += n; n = 0; name = $0; sub(/:$/, "", name); next }
		     /^\t/ { n += NF } END { if (n) print name, off, n }' $WORK/jt_op |
			paste -d " " - $WORK/jt_addrs > $WORK/jt_funcs
		while read -r _name _off _len _addr; do
			[ -n "$_addr" ] || { echo "$_p: no address for $_name"; _bad=1; continue; }
			dd if=$WORK/jt_img of=$WORK/jt_fn bs=1 skip=$_off count=$_len 2> /dev/null
			awk -v n="$_name:" '$0 == n { on = 1; next } on && /^$/ { exit } on && /^ *[0-9a-f]+:\t/ { sub(/^[^:]*:/, ""); print }' $WORK/jt_op > $WORK/jt_dump
			$H/disasm $JT_ARCH 0x$_addr < $WORK/jt_fn | sed 's/^[^:]*://' > $WORK/jt_helper
			cmp -s $WORK/jt_dump $WORK/jt_helper || { echo "$_p $_name: dump differs from the disassembler:"; diff $WORK/jt_dump $WORK/jt_helper | head -n 6; _bad=1; }
			# In a tools/test-kernels guest: the function's bytes, address
			# and dump go back to the host, whose llvm-objdump checks them
			# (tools/check-jit-artifacts).
			if [ -n "${ARTIFACTS:-}" ] && [ "$1" = helper ]; then
				mkdir -p "$ARTIFACTS/jited"
				cp $WORK/jt_fn "$ARTIFACTS/jited/$_p.$_n.bin"
				cp $WORK/jt_dump "$ARTIFACTS/jited/$_p.$_n.txt"
				echo "$JT_ARCH 0x$_addr $_name" > "$ARTIFACTS/jited/$_p.$_n.func"
			fi
			if [ "$1" = llvm ]; then
				sh "$top/tests/disasm-check" $JT_ARCH $WORK/jt_fn 0x$_addr > $WORK/jt_diff 2>&1 ||
					{ echo "$_p $_name: differs from llvm-objdump:"; head -n 10 $WORK/jt_diff; _bad=1; }
			fi
			_n=$((_n + 1))
		done < $WORK/jt_funcs
	done
	[ $_n -gt 5 ] || { echo "only $_n functions"; _bad=1; }
	[ $_bad = 0 ] && echo ok
}
if [ -n "$JT_ARCH" ]; then
	testing "every function: the dump's text is the disassembler's" 'jt_compare helper' "ok"
	if [ "$jt_llvm_rc" = 3 ]; then
		skip "jited text against LLVM" "no llvm-objdump of LLVM 19 or newer"
	elif [ "$jt_llvm_rc" = 0 ]; then
		testing "every function: the text is llvm-objdump's, line by line" 'jt_compare llvm' "ok"
	fi
fi

# ---- the disassembler corpus (host only: clang and LLVM 19+) ----------------
jt_cc=$(command -v clang-19 || command -v clang || true)
if [ "$jt_llvm_rc" != 0 ] || [ -z "$jt_cc" ] || [ ! -f "$top/tests/disasm/x86_64.s" ]; then
	skip "x86-64 disassembler corpus" "needs clang, llvm-objdump 19+ and the source tree"
elif ! "$jt_cc" --target=x86_64-linux-gnu -c "$top/tests/disasm/x86_64.s" -o $WORK/jt_corpus.o 2> $WORK/jt_cc; then
	skip "x86-64 disassembler corpus" "clang cannot assemble it: $(head -n 1 $WORK/jt_cc)"
else
	jt_objcopy=$(command -v llvm-objcopy-19 || command -v llvm-objcopy || echo /usr/lib/llvm-19/bin/llvm-objcopy)
	testing "x86-64 disassembler corpus: every line is llvm-objdump's" \
		'"$jt_objcopy" -O binary --only-section=.text $WORK/jt_corpus.o $WORK/jt_corpus &&
		 sh "$top/tests/disasm-check" x86_64 $WORK/jt_corpus && sh "$top/tests/disasm-check" x86_64 $WORK/jt_corpus 0xffffffffc0001000 && echo ok' "ok"
fi
