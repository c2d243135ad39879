# JIT images of programs loaded here, kept for the host: in a
# tools/test-kernels guest every file left in $ARTIFACTS comes back to
# build/kernels/KERNEL/artifacts/, so the images the kernel's JIT made on
# that architecture (arm64 included) can be disassembled and compared on
# the host.  Each image is read with BPF_OBJ_GET_INFO_BY_FD
# (tests/helpers/progload jited), its length checked against bpfbox's
# bytes_jited; beside it the xlated instructions (bpfbox prog dump xlated
# ... file), an index (name, bytes, function lengths) and `uname -m`/`-r`.
# Outside a guest the images go to $WORK and are not kept.  Sourced by
# tests/run.sh.

if [ -n "$ARTIFACTS" ]; then
	JI_DIR=$ARTIFACTS/jit_images
else
	JI_DIR=$WORK/jit_images
	skip "jit images kept for the host" "ARTIFACTS unset: not in a tools/test-kernels guest"
fi
mkdir -p "$JI_DIR"
uname -m > "$JI_DIR/machine"
uname -r > "$JI_DIR/kernel"
: > "$JI_DIR/index"

ji_bytes() { bpfbox -j prog show pinned "$1" | sed -n 's/.*"bytes_jited":\([0-9]*\).*/\1/p'; }

# Word-sized instruction sets: an image is whole instructions.
case $(uname -m) in
aarch64 | arm* | riscv* | ppc* | s390*) JI_ALIGN=4 ;;
*) JI_ALIGN=1 ;;
esac

testing "load the jit programs" \
	'$H/progload socket $T/socket name ji_sock && $H/progload xdp $T/xdp name ji_xdp &&
	 $H/progdump full $T/full && $H/progdump ldabs $T/ldabs && $H/progdump subs $T/subs; echo "rc=$?"' "rc=0"
ji_kinds="socket xdp full ldabs subs"
for kind in atomics v4; do
	if why=$($H/progdump $kind $T/$kind 2>&1); then
		ji_kinds="$ji_kinds $kind"
	else
		skip "jit image of $kind" "kernel refused the program: $why"
	fi
done

ji_out=$($H/progload jited $T/socket "$JI_DIR/probe.bin" 2>&1)
if [ $? -eq 4 ]; then
	skip "jit images" "$ji_out"
else
	rm -f "$JI_DIR/probe.bin"
	for kind in $ji_kinds; do
		# The helper's count, bpfbox's bytes_jited and the file's size.
		testing "jit image of $kind: as long as bytes_jited says" \
			'line=$($H/progload jited $T/$kind "$JI_DIR/$kind.bin") && echo "$kind $line" >> "$JI_DIR/index" &&
			 echo $(echo "$line" | cut -d" " -f2) $(ji_bytes $T/$kind) $(wc -c < "$JI_DIR/$kind.bin") |
			 awk "{ print (\$1 == \$2 && \$2 == \$3 && \$1 > 0) ? \"same\" : \$0 }"' "same"
		testing "jit image of $kind: whole $JI_ALIGN-byte instructions, functions add up" \
			'n=$(wc -c < "$JI_DIR/$kind.bin"); sum=0
			 for l in $(sed -n "s/^$kind bytes [0-9]* funcs //p" "$JI_DIR/index" | tr , " "); do sum=$((sum + l)); done
			 echo $((n % JI_ALIGN)) $((sum - n))' "0 0"
		testing "xlated instructions of $kind" \
			'bpfbox prog dump xlated pinned $T/$kind file "$JI_DIR/$kind.xlated" && [ -s "$JI_DIR/$kind.xlated" ]; echo "rc=$?"' "rc=0"
	done
fi
