# The chaos test: for each seed in $CHAOS_SEEDS (default "1 2 3"),
# $CHAOS_N (default 4000) random and mutated command lines run against a
# private set of maps of every type; build/helpers/chaos (tests/chaos/)
# checks each one (no crash or hang, valid JSON in JSON mode, a message
# with every failure, no change from a rejected command, and, with
# bpftool installed, nothing accepted that bpftool rejects).  Every
# command counts as one test.  A failure prints one line: seed, index,
# check and the exact argv; tests/chaos/chaos.c's header says how to
# reproduce it.  $CHAOS_TIMEOUT: seconds before a command counts as hung
# (10); $CHAOS_SHOW: failure lines printed per seed (40, "all").

if [ ! -x "$H/chaos" ]; then
	skip "chaos" "no $H/chaos (make test-helpers)"
else
	_bin=$BPFBOX
	case $_bin in /*) ;; *) _bin=$PWD/$_bin ;; esac
	_tool=
	if command -v bpftool >/dev/null 2>&1; then
		_tool=$(command -v bpftool)
	else
		skip "chaos vs bpftool" "bpftool not installed: verdicts not compared"
	fi
	for _seed in ${CHAOS_SEEDS:-1 2 3}; do
		set -- -b "$_bin" -H "$H" -t "$T/s$_seed" -s "$WORK/chaos-s$_seed" \
			-S "$_seed" -n "${CHAOS_N:-4000}"
		[ -n "$_tool" ] && set -- "$@" -c "$_tool"
		[ -n "$CHAOS_TIMEOUT" ] && set -- "$@" -T "$CHAOS_TIMEOUT"
		"$H/chaos" "$@" > "$WORK/chaos.out" 2>&1
		_line=$(grep '^chaos: [0-9]* passed, [0-9]* failed$' "$WORK/chaos.out" | tail -n 1)
		_p=$(echo "$_line" | sed -n 's/^chaos: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
		_f=$(echo "$_line" | sed -n 's/^chaos: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
		if [ -z "$_p" ]; then
			FAILED=$((FAILED + 1))
			echo "FAIL: chaos seed $_seed: the harness did not finish"
			sed 's/^/  /' "$WORK/chaos.out" | tail -n 20
			continue
		fi
		PASSED=$((PASSED + _p)) FAILED=$((FAILED + _f))
		if [ "$_f" -gt 0 ]; then
			grep -v '^chaos: [0-9]* passed' "$WORK/chaos.out"
			echo "  reproduce one: $H/chaos -b $_bin${_tool:+ -c $_tool} -w /tmp/chaos -S $_seed -o INDEX   (-u INDEX: after 0..INDEX-1)"
		elif [ -n "$VERBOSE" ]; then
			grep 'commands in' "$WORK/chaos.out"
		fi
	done
	rm -f "$WORK/chaos.out"
fi
