# feature probe and feature list_builtins (issue 14).  What the kernel
# answers differs from kernel to kernel, so nothing here expects a given
# answer: the output's shape is checked everywhere, and each section is
# compared with bpftool's when it is installed (both ask the same
# kernel).  Lines only one of the tools knows (program, map and helper
# names added after bpftool's libbpf, the CONFIG_BPFILTER lines upstream
# dropped, ISA v4) are left out of the comparison; docs/compat.md lists
# them.

F=$WORK/feature
mkdir -p $F

# ---- list_builtins: the tables every command uses ------------------------
for g in prog_types map_types attach_types link_types helpers; do
	bpfbox feature list_builtins $g > $F/$g
done
testing "list_builtins: first and last of each table" \
	'for g in prog_types map_types attach_types link_types helpers; do sed -n "1p;\$p" $F/$g; done' \
	"unspec
netfilter
unspec
rhash
cgroup_inet_ingress
trace_fsession_multi
unspec
tracing_multi
bpf_unspec
bpf_cgrp_storage_delete"
testing "list_builtins helpers: one per helper id 0..211" \
	'wc -l < $F/helpers | tr -d " "' "212"
testing "list_builtins map_types: the TYPE list of 'map help'" \
	'bpfbox map help 2>&1 | sed -n "/TYPE :=/,/}/p" | tr -c "a-z_\n" " " | tr " " "\n" | grep . | grep -v "^type$" | sort > $F/help_types; sed 1d $F/map_types | sort | diff - $F/help_types && echo same' \
	"same"
testing "list_builtins -j: the same names as a JSON array" \
	'bpfbox -j feature list_builtins link_types' \
	"[\"$(tr '\n' ' ' < $F/link_types | sed 's/ $//; s/ /","/g')\"]"
testing "list_builtins: unknown group" \
	'bpfbox feature list_builtins frob; echo "rc=$?"' \
	"Error: expected 'prog_types', 'map_types', 'attach_types', 'link_types' or 'helpers', got: frob
rc=255"

# ---- the gzip reader behind /proc/config.gz -------------------------------
if command -v gzip >/dev/null 2>&1; then
	# Text that compresses (dynamic blocks) and bytes that do not
	# (stored blocks).
	{ cat "$BPFBOX"; sed 's/^/x/' "$BPFBOX"; } | head -c 300000 > $F/plain
	ok=
	for l in 1 2 3 4 5 6 7 8 9; do
		gzip -$l < $F/plain > $F/gz
		"$H/gunzip" < $F/gz | cmp -s - $F/plain || ok="$ok $l"
	done
	testing "inflate: gzip -1 ... -9 round trip" 'echo "failed:$ok"' "failed:"
	head -c 1000 $F/gz > $F/cut
	testing "inflate: truncated input is an error" '"$H/gunzip" < $F/cut; echo "rc=$?"' \
		"gunzip: Invalid argument
rc=1"
	testing "inflate: a broken trailer (CRC) is an error" \
		'{ head -c $(($(wc -c < $F/gz) - 8)) $F/gz; printf "\001\002\003\004\005\006\007\010"; } | "$H/gunzip" > /dev/null; echo "rc=$?"' \
		"gunzip: Invalid argument
rc=1"
else
	skip "inflate against gzip" "gzip not installed"
fi

# ---- probe: the output's shape -------------------------------------------
bpfbox feature probe > $F/plain_out 2> $F/plain_err
rc=$?
# The one notice allowed: no kernel config to read (qemu test kernels).
testing "probe: exit status and no error" \
	'echo "rc=$rc"; grep -v "^skipping kernel config, can.t open file: " $F/plain_err' "rc=0"
testing "probe: the sections, in upstream's order" \
	'grep "^Scanning" $F/plain_out' \
	"Scanning system configuration...
Scanning system call availability...
Scanning eBPF program types...
Scanning eBPF map types...
Scanning eBPF helper functions...
Scanning miscellaneous eBPF features..."
testing "probe: one line per program type, map type and misc probe" \
	'grep -c "^eBPF program_type .* is \(NOT \)*available$" $F/plain_out; grep -c "^eBPF map_type .* is \(NOT \)*available$" $F/plain_out; grep -c "^eBPF helpers supported for program type" $F/plain_out; sed -n "/^Scanning misc/,\$p" $F/plain_out | grep -c "available$"' \
	"$(($(wc -l < $F/prog_types) - 1))
$(($(wc -l < $F/map_types) - 1))
$(($(wc -l < $F/prog_types) - 1))
5"
testing "probe: without 'full', no probes that write to the kernel log" \
	'grep -c -e "bpf_trace_printk" -e "bpf_trace_vprintk" -e "bpf_probe_write_user" $F/plain_out' "0"
# The helper probes run in one process per CPU: on one CPU, one process
# must give the same answers.
if command -v taskset >/dev/null 2>&1 && [ "$(nproc 2>/dev/null || echo 1)" -gt 1 ]; then
	testing "probe: one process per CPU or one in all, the same answers" \
		'taskset -c 0 "$BPFBOX" feature probe 2>/dev/null | cmp - $F/plain_out && echo same' "same"
else
	skip "probe on one CPU" "needs taskset and two CPUs"
fi
bpfbox -j feature probe > $F/json_out
testing "probe -j: one valid JSON document" '"$H/jsoncheck" < $F/json_out && echo valid' "valid"
bpfbox -p feature probe full > $F/pretty_out
testing "probe -p full: one valid JSON document" '"$H/jsoncheck" < $F/pretty_out && echo valid' "valid"
testing "probe -j: the objects of the sections" \
	'grep -o "\"[a-z_]*\":{" $F/json_out | tr "\n" " "' \
	'"system_config":{ "syscall_config":{ "program_types":{ "map_types":{ "helpers":{ "misc":{ '
testing "probe -j macros: JSON wins, as upstream" \
	'bpfbox -j feature probe macros | cmp -s - $F/json_out && echo same' "same"
bpfbox feature probe macros prefix BPFBOX_ > $F/macros_out
testing "probe macros: only comments, #defines and blank lines" \
	'grep -v -e "^#define BPFBOX_" -e "^/\*" -e "^ \*" -e "^	BPFBOX_BPF__PROG_TYPE_" -e "^$" $F/macros_out; echo end' "end"
testing "probe macros: a helper macro per probed helper and program type" \
	'grep -c "^#define BPFBOX_BPF__PROG_TYPE_[a-z0-9_]*__HELPER_bpf_[a-z0-9_]* [01]$" $F/macros_out' \
	"$(( ($(wc -l < $F/prog_types) - 1) * ($(wc -l < $F/helpers) - 4) ))"
testing "probe macros: the kernel config gives CONFIG_HZ only" \
	'sed -n "/Misc kernel config/,/^$/p" $F/macros_out | grep -c CONFIG_' "$(sed -n '/^Scanning system config/,/^$/p' $F/plain_out | grep -c '^CONFIG_HZ ')"

# ---- probe: grammar and errors as upstream's ------------------------------
testing "probe: unknown word" 'bpfbox feature probe frob; echo "rc=$?"' \
	"Error: expected no more arguments, 'kernel', 'dev', 'macros' or 'prefix', got: 'frob'?
rc=255"
testing "probe: two components" 'bpfbox feature probe kernel dev lo; echo "rc=$?"' \
	"Error: component to probe already specified
rc=255"
testing "probe: dev of a missing interface" 'bpfbox feature probe dev bpfbox-no-such0; echo "rc=$?"' \
	"Error: unrecognized netdevice 'bpfbox-no-such0': No such device
rc=255"
testing "probe: dev without a name" 'bpfbox feature probe dev; echo "rc=$?"' \
	"Error: 'dev' needs at least 1 arguments, 0 found
rc=255"
testing "probe: prefix before macros" 'bpfbox feature probe prefix X; echo "rc=$?"' \
	"Error: 'prefix' argument can only be use after 'macros'
rc=255"
testing "probe: prefix twice" 'bpfbox feature probe macros prefix A prefix B; echo "rc=$?"' \
	"Error: 'prefix' already defined
rc=255"
testing "probe -j: an error is the JSON document" 'bpfbox -j feature probe frob; echo "rc=$?"' \
	"{\"error\":\"expected no more arguments, 'kernel', 'dev', 'macros' or 'prefix', got: 'frob'?\"}
rc=255"
printf 'feature probe unprivileged macros\nfeature probe kernel macros\n' > $F/batch
testing "probe unprivileged: capabilities come back for the next command" \
	'bpfbox batch file $F/batch 2>&1 | grep -v "^processed 2 commands$" > $F/batch_out; { bpfbox feature probe unprivileged macros; bpfbox feature probe kernel macros; } 2>&1 | cmp - $F/batch_out && echo same' "same"
testing "probe dev lo: offload types only, no system section" \
	'bpfbox feature probe dev lo | grep -c -e "^Scanning system config" -e "^eBPF program_type" -e "^eBPF map_type"' "4"

# ---- side by side with bpftool ---------------------------------------------
if ! command -v bpftool >/dev/null 2>&1; then
	skip "feature probe against bpftool" "bpftool not installed"
else
	bpftool feature list_builtins prog_types > $F/bt_prog_types
	bpftool feature list_builtins map_types > $F/bt_map_types
	bpftool feature list_builtins helpers > $F/bt_helpers
	for g in prog_types map_types attach_types link_types helpers; do
		bpftool feature list_builtins $g > $F/bt_list
		testing "list_builtins $g: bpftool's list is the start of ours" \
			'head -n $(wc -l < $F/bt_list) $F/$g | cmp - $F/bt_list && echo same' "same"
	done

	# The lines of section $1 of file $2.
	section() { awk -v h="$1" '$0 == h { on = 1; next } on && /^$/ { exit } on' "$2"; }
	# Drop the lines that name what one tool does not know: the words
	# in $1 (a list_builtins file of bpftool's) are the ones both know.
	known_only()
	{
		awk -v list="$1" 'BEGIN { while ((getline w < list) > 0) k[w] = 1 }
			{ for (i = 1; i <= NF; i++) if ($i ~ /^[a-z0-9_]+$/ && $i in k) { print; next } }'
	}
	# Lines of $1 missing from $2, and the other way round.
	same_lines()
	{
		{ grep -vxF -f "$2" "$1" | sed 's/^/bpftool only: /'
		  grep -vxF -f "$1" "$2" | sed 's/^/bpfbox only: /'; } | head -n 5
	}

	# Without a readable kernel config, bpftool 7.1 still lists every
	# option as not set; upstream main (and bpfbox) list none.
	nocfg='^$'
	lib=$(bpftool version | sed -n 's/^using libbpf v\([0-9]*\)\.\([0-9]*\).*/\1 \2/p')
	old_libbpf=
	[ -n "$lib" ] && [ "${lib% *}" -eq 1 ] && [ "${lib#* }" -lt 5 ] && old_libbpf=1
	kv=$(uname -r | sed -n 's/^\([0-9]*\)\.\([0-9]*\).*/\1 \2/p')
	new_verifier=
	[ "${kv% *}" -gt 6 ] || { [ "${kv% *}" -eq 6 ] && [ "${kv#* }" -ge 10 ]; } && new_verifier=1
	grep -q "^skipping kernel config" $F/plain_err && nocfg='CONFIG_.*( is not set( \*/)?|": null)$'
	for mode in "" "full" "unprivileged" "dev lo"; do
		bpfbox feature probe $mode > $F/a 2> $F/ae
		bpftool feature probe $mode > $F/b 2> $F/be
		testing "probe $mode vs bpftool: system configuration" \
			'section "Scanning system configuration..." $F/b | grep -v "^CONFIG_BPFILTER" | grep -v -E "$nocfg" > $F/bs; section "Scanning system configuration..." $F/a > $F/as; same_lines $F/bs $F/as; cmp -s $F/ae $F/be || echo stderr differs' ""
		testing "probe $mode vs bpftool: bpf() syscall" \
			'section "Scanning system call availability..." $F/b > $F/bs; section "Scanning system call availability..." $F/a > $F/as; same_lines $F/bs $F/as' ""
		testing "probe $mode vs bpftool: program types" \
			'section "Scanning eBPF program types..." $F/b > $F/bs; section "Scanning eBPF program types..." $F/a | known_only $F/bt_prog_types > $F/as; same_lines $F/bs $F/as' ""
		testing "probe $mode vs bpftool: map types" \
			'section "Scanning eBPF map types..." $F/b > $F/bs; section "Scanning eBPF map types..." $F/a | known_only $F/bt_map_types > $F/as; same_lines $F/bs $F/as' ""
		testing "probe $mode vs bpftool: misc probes" \
			'section "Scanning miscellaneous eBPF features..." $F/b | grep -v "extension v4" > $F/bs; section "Scanning miscellaneous eBPF features..." $F/a | grep -v "extension v4" > $F/as; same_lines $F/bs $F/as' ""
		# Helpers: "type helper" pairs both tools know.  Since 6.10
		# the verifier refuses a helper a program type lacks with
		# "program of this type cannot use helper", which libbpf 1.5
		# (bpftool 7.5) reads as upstream main does; older ones miss
		# it and list such helpers.  So: the same list, except with an
		# older bpftool on 6.10+, where ours must be a subset of
		# theirs, with at least one helper wherever they have one.
		pairs()
		{
			awk '/^eBPF helpers supported for program type/ { t = $NF; sub(":", "", t) }
			     /^	- / { print t, $2 }' "$1" | known_only $F/bt_prog_types | known_only $F/bt_helpers
		}
		pairs $F/a > $F/ap
		pairs $F/b > $F/bp
		if [ -n "$old_libbpf" ] && [ -n "$new_verifier" ]; then
			testing "probe $mode vs bpftool (libbpf < 1.5, Linux 6.10+): our helpers are among bpftool's" \
				'grep -vxF -f $F/bp $F/ap | head -n 5; cut -d" " -f1 $F/ap | uniq > $F/at; cut -d" " -f1 $F/bp | uniq | grep -vxF -f $F/at' ""
		else
			testing "probe $mode vs bpftool: helpers" 'same_lines $F/bp $F/ap' ""
		fi
	done

	# JSON and macros: the same fields and #defines, helpers aside.
	strip_json() { grep -v -e '_available_helpers' -e '^ *"bpf_' -e '^ *\]' -e BPFILTER "$1" | sed 's/,$//' | grep -v -E "$nocfg"; }
	bpftool -p feature probe > $F/b
	strip_json $F/pretty_out > $F/as
	strip_json $F/b > $F/bs
	testing "probe -p vs bpftool: every field bpftool prints, the same" \
		'grep -vxF -f $F/as $F/bs | head -n 5' ""
	bpftool feature probe macros prefix BPFBOX_ > $F/b
	testing "probe macros vs bpftool: every #define bpftool prints but helpers, the same" \
		'grep -v __HELPER_ $F/b | grep -v -E "$nocfg" | grep -vxF -f $F/macros_out | head -n 5' ""
fi
