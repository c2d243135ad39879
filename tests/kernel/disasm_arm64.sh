# The arm64 JIT disassembler (src/output/disasm_arm64.c) against LLVM 19
# or newer, through tests/disasm-check: the corpus tests/disasm/aarch64.s
# (JIT sequences and every table entry and operand form) line by line,
# then a deterministic sweep of random words over the encoding classes
# the JIT's instructions come from, where every word bpfbox decodes must
# print as LLVM prints it.  Needs no kernel feature; skips without LLVM
# 19+ (and the corpus without clang or llvm-mc for aarch64).  Sourced by
# tests/run.sh.

da_dir=$WORK/disasm_arm64
mkdir -p "$da_dir"
da_llvm=
for c in /usr/lib/llvm-[0-9]*/bin /usr/local/bin /usr/bin; do
	[ -x "$c/llvm-objcopy" ] && da_llvm=$c
done
if ! "$top/tests/disasm-check" aarch64 /dev/null >/dev/null 2>&1 || [ -z "$da_llvm" ]; then
	skip "arm64 disassembler" "no llvm-objdump 19+ and llvm-objcopy"
else
	if clang --target=aarch64-linux-gnu -march=armv8.5-a+lse+rcpc -c \
		-o "$da_dir/corpus.o" "$top/tests/disasm/aarch64.s" 2>/dev/null ||
	   "$da_llvm/llvm-mc" -triple=aarch64 -mattr=+all -filetype=obj \
		-o "$da_dir/corpus.o" "$top/tests/disasm/aarch64.s" 2>/dev/null; then
		"$da_llvm/llvm-objcopy" -O binary --only-section=.text "$da_dir/corpus.o" "$da_dir/corpus"
		testing "arm64 corpus: $(($(wc -c < "$da_dir/corpus") / 4)) instructions as LLVM prints them" \
			'"$top/tests/disasm-check" aarch64 "$da_dir/corpus" 0xffff800080001000; echo "rc=$?"' "rc=0"
		testing "arm64 corpus at address 0x1ffc (targets below zero)" \
			'"$top/tests/disasm-check" aarch64 "$da_dir/corpus" 0x1ffc; echo "rc=$?"' "rc=0"
	else
		skip "arm64 corpus" "no clang or llvm-mc that assembles aarch64"
	fi
	# The classes of src/output/disasm_arm64.c's table, with the few bits
	# that pick a valid form fixed a little less often than not.
	"$H/randwords" 1013 100000 \
		0x1f000000:0x10000000 0x1f800000:0x11000000 0x1f800000:0x12000000 \
		0x1f800000:0x12800000 0x1f800000:0x13000000 0x7fa00000:0x13800000 \
		0x7c000000:0x14000000 0xff000000:0x54000000 0x7e000000:0x34000000 \
		0x7e000000:0x36000000 0xff9ffc1f:0xd61f0000 0xfffff01f:0xd503201f \
		0xfffff01f:0xd503301f 0xfff00000:0xd5300000 0xff00001c:0xd4000000 \
		0x3f200c00:0x38200000 0x3a000000:0x38000000 0x3a000000:0x28000000 \
		0x3b000000:0x18000000 0x3f000000:0x08000000 0x1f000000:0x0a000000 \
		0x1f200000:0x0b000000 0x1f200000:0x0b200000 0x1fe00000:0x1a800000 \
		0x7fff0000:0x5ac00000 0x7fe00000:0x1ac00000 0x1f000000:0x1b000000 \
		> "$da_dir/sweep"
	testing "arm64 sweep: 100000 words, every one decoded prints as LLVM's" \
		'DISASM_CHECK_KNOWN=1 "$top/tests/disasm-check" aarch64 "$da_dir/sweep" 0xffff800080001000 2>"$da_dir/count";
		 echo "rc=$?"; [ "$(sed -n "s/ instructions compared//p" "$da_dir/count")" -gt 40000 ] && echo decoded' \
		"rc=0
decoded"
fi
rm -rf "$da_dir"
