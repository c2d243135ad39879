# prog show/list/pin/help on programs loaded here (tests/helpers/progload),
# exact output in plain, -j and -p, then side by side with bpftool when it
# is installed.  Programs are found by their pins and the ids those give,
# never by listing everything.  Sourced by tests/run.sh.

# The id of the program pinned at $1.
pt_id() { bpfbox -j prog show pinned "$1" | sed -n 's/^{"id":\([0-9]*\),.*/\1/p'; }
# Fields that depend on the machine or the moment, made constant.
pt_norm() { sed -e 's/loaded_at [0-9T:+-]*  uid/loaded_at T  uid/' -e 's/jited [0-9]*B/jited NB/' \
		-e 's/memlock [0-9]*B/memlock NB/' -e 's/run_time_ns [0-9]*/run_time_ns N/'; }
pt_norm_json() { sed -e 's/"loaded_at": *[0-9]*/"loaded_at":T/g' -e 's/"bytes_jited": *[0-9]*/"bytes_jited":N/g' \
		-e 's/"bytes_memlock": *[0-9]*/"bytes_memlock":N/g' -e 's/"run_time_ns": *[0-9]*/"run_time_ns":N/g'; }

testing "load helper programs" \
	'$H/progload socket $T/s name pt_sock && $H/progload xdp $T/x license Proprietary &&
	 bpfbox map create $T/m type array key 4 value 8 entries 1 name pt_map &&
	 bpfbox map create $T/pa type perf_event_array key 4 value 4 entries 1 name pt_pa &&
	 $H/progload perf $T/p map $T/pa name pt_perf; echo "rc=$?"' "rc=0"
S_ID=$(pt_id $T/s) X_ID=$(pt_id $T/x) P_ID=$(pt_id $T/p)
PA_ID=$(map_id $T/pa)

# ---- show ------------------------------------------------------------
# Tags hash the instructions as the kernel rewrote them, which differs
# between kernels: take them from the kernel's fdinfo, a source
# independent of bpf_prog_info.
SOCK_TAG=$($H/progload tag $T/s) XDP_TAG=$($H/progload tag $T/x)

testing "show pinned (plain)" \
	'bpfbox prog show pinned $T/s | pt_norm' \
	"$S_ID: socket_filter  name pt_sock  tag $SOCK_TAG  gpl
	loaded_at T  uid 0
	xlated 16B  jited NB  memlock NB"
testing "loaded_at is local time, %FT%T%z" \
	'bpfbox prog show id $S_ID | grep -cE "^	loaded_at [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{4}  uid 0$"' "1"
testing "loaded_at in -j is epoch seconds, within a minute of now" \
	'at=$(bpfbox -j prog show id $S_ID | sed "s/.*\"loaded_at\":\([0-9]*\).*/\1/"); now=$(date +%s);
	 [ $((now - at)) -ge 0 ] && [ $((now - at)) -lt 60 ] && echo ok' "ok"
testing "plain and -j loaded_at agree" \
	'at=$(bpfbox -j prog show id $S_ID | sed "s/.*\"loaded_at\":\([0-9]*\).*/\1/");
	 [ "$(date -d @$at +%FT%T%z 2>/dev/null || echo skip)" = skip ] && echo same ||
	 { [ "$(bpfbox prog show id $S_ID | sed -n "s/^	loaded_at \([^ ]*\) .*/\1/p")" = "$(date -d @$at +%FT%T%z)" ] && echo same; }' "same"
testing "show id (json)" \
	'bpfbox -j prog show id $S_ID | pt_norm_json' \
	"{\"id\":$S_ID,\"type\":\"socket_filter\",\"name\":\"pt_sock\",\"tag\":\"$SOCK_TAG\",\"gpl_compatible\":true,\"loaded_at\":T,\"uid\":0,\"orphaned\":false,\"bytes_xlated\":16,\"jited\":true,\"bytes_jited\":N,\"bytes_memlock\":N}"
testing "show (pretty), list alias, abbreviations" \
	'bpfbox -p p l id $S_ID | pt_norm_json' \
	"{
    \"id\": $S_ID,
    \"type\": \"socket_filter\",
    \"name\": \"pt_sock\",
    \"tag\": \"$SOCK_TAG\",
    \"gpl_compatible\": true,
    \"loaded_at\":T,
    \"uid\": 0,
    \"orphaned\": false,
    \"bytes_xlated\": 16,
    \"jited\": true,
    \"bytes_jited\":N,
    \"bytes_memlock\":N
}"
testing "no name, not GPL" \
	'bpfbox prog show pinned $T/x | pt_norm' \
	"$X_ID: xdp  tag $XDP_TAG
	loaded_at T  uid 0
	xlated 16B  jited NB  memlock NB"
testing "not GPL (json)" \
	'bpfbox -j prog show pinned $T/x | grep -o "\"gpl_compatible\":[a-z]*"' '"gpl_compatible":false'
testing "map_ids" \
	'bpfbox prog show pinned $T/p | sed -n 3p | pt_norm' \
	"	xlated 96B  jited NB  memlock NB  map_ids $PA_ID"
testing "map_ids (json)" \
	'bpfbox -j prog show pinned $T/p | grep -o "\"map_ids\":\[[0-9,]*\]"' "\"map_ids\":[$PA_ID]"
testing "run_time_ns and run_cnt after runs with stats on" \
	'$H/progload run $T/s repeat 5 stats 1 >/dev/null; bpfbox prog show id $S_ID | head -1 | pt_norm' \
	"$S_ID: socket_filter  name pt_sock  tag $SOCK_TAG  gpl run_time_ns N run_cnt 5"
testing "run_time_ns and run_cnt (json)" \
	'bpfbox -j prog show id $S_ID | pt_norm_json | grep -o "\"gpl_compatible\":true,\"run_time_ns\":N,\"run_cnt\":5,\"loaded_at\""' \
	'"gpl_compatible":true,"run_time_ns":N,"run_cnt":5,"loaded_at"'
testing "all programs include ours" \
	'bpfbox prog show | grep -c "^$S_ID: socket_filter  name pt_sock  tag $SOCK_TAG  gpl"' "1"
testing "all programs (json) is one array with ours" \
	'bpfbox -j prog show | grep -c "^\[.*{\"id\":$X_ID,\"type\":\"xdp\",\"tag\":\"$XDP_TAG\",\"gpl_compatible\":false,.*\]$"' "1"

testing "full name from BTF func info, and btf_id" \
	'$H/progload socket $T/f name pt_a_long_function_name func pt_a_long_function_name &&
	 bpfbox prog show pinned $T/f | pt_norm | sed "s/^[0-9]*:/I:/; s/btf_id [0-9]*/btf_id B/"' \
	"I: socket_filter  name pt_a_long_function_name  tag $SOCK_TAG  gpl
	loaded_at T  uid 0
	xlated 16B  jited NB  memlock NB
	btf_id B"
testing "full name (json)" \
	'bpfbox -j prog show pinned $T/f | grep -o "\"name\":\"[^\"]*\""' '"name":"pt_a_long_function_name"'
testing "name handle matches the full BTF name, not the kernel's 15 characters" \
	'bpfbox -j prog show name pt_a_long_function_name | grep -c "\"id\":$(pt_id $T/f),"; bpfbox prog show name pt_a_long_funct; echo "rc=$?"' \
	"1
Error: no program named pt_a_long_funct
rc=255"
testing "a short name is not looked up in BTF" \
	'$H/progload socket $T/f2 name pt_short func pt_other_name && bpfbox prog show pinned $T/f2 | head -1 | grep -o "name [a-z_]*"' \
	"name pt_short"

testing "metadata from the .rodata map's bpf_metadata_* variables" \
	'$H/progload metadata $T/meta $T/meta_map && bpfbox prog show pinned $T/meta | sed -n "4,\$p"' \
	"	metadata:
		version = \"v1.2\"
		count = 42"
testing "metadata (json)" \
	'bpfbox -j prog show pinned $T/meta | grep -o "\"metadata\":.*"' \
	'"metadata":{"version":"v1.2","count":42}}'

# ---- prog_array owners (map show, from fdinfo) ------------------------
testing "prog_array: no owner before any program uses it" \
	'bpfbox map create $T/pra type prog_array key 4 value 4 entries 4 name pt_pra &&
	 bpfbox map create $T/prb type prog_array key 4 value 4 entries 4 name pt_prb &&
	 bpfbox map show pinned $T/pra | grep -c owner' "0"
testing "prog_array: owned by the program that tail-calls through it" \
	'$H/progload tailcall $T/tc map $T/pra name pt_tc && bpfbox map show pinned $T/pra | sed -n 3p' \
	"	owner_prog_type socket_filter  owner jited"
testing "prog_array: owned once a program is inserted" \
	'bpfbox map update pinned $T/prb key 0 0 0 0 value pinned $T/x && bpfbox -j map show pinned $T/prb | grep -o "\"owner_prog_type\":\"xdp\",\"owner_jited\":true"' \
	'"owner_prog_type":"xdp","owner_jited":true'

# ---- PROG handles ----------------------------------------------------
testing "name matching several programs (json array)" \
	'$H/progload xdp $T/x2 name pt_twin && $H/progload xdp $T/x3 name pt_twin;
	 bpfbox -j prog show name pt_twin | sed "s/\"id\":[0-9]*/\"id\":I/g" | pt_norm_json' \
	"[{\"id\":I,\"type\":\"xdp\",\"name\":\"pt_twin\",\"tag\":\"$XDP_TAG\",\"gpl_compatible\":true,\"loaded_at\":T,\"uid\":0,\"orphaned\":false,\"bytes_xlated\":16,\"jited\":true,\"bytes_jited\":N,\"bytes_memlock\":N},{\"id\":I,\"type\":\"xdp\",\"name\":\"pt_twin\",\"tag\":\"$XDP_TAG\",\"gpl_compatible\":true,\"loaded_at\":T,\"uid\":0,\"orphaned\":false,\"bytes_xlated\":16,\"jited\":true,\"bytes_jited\":N,\"bytes_memlock\":N}]"
testing "name matching several programs (plain, id order)" \
	'bpfbox prog show name pt_twin | grep "^[0-9]" | cut -d: -f1 | tr "\n" " "' \
	"$(pt_id $T/x2) $(pt_id $T/x3) "
testing "tag matches every program with these instructions" \
	'bpfbox -j prog show tag $XDP_TAG | grep -o "\"id\":[0-9]*" | grep -cxE "\"id\":($X_ID|$(pt_id $T/x2)|$(pt_id $T/x3))"' "3"
testing "name too long to match" \
	'bpfbox prog show name aaaaaaaaaaaaaaaa; echo "rc=$?"' "Error: no program named aaaaaaaaaaaaaaaa
rc=255"
testing "unknown handle word" \
	'bpfbox prog show foo bar; echo "rc=$?"' \
	"Error: expected 'id', 'tag', 'name' or 'pinned', got: 'foo'?
rc=255"
testing "missing id" \
	'bpfbox prog show id 4294967295; echo "rc=$?"' \
	"Error: get by id (4294967295): No such file or directory
rc=255"
testing "bad tag" \
	'bpfbox prog show tag 0011; echo "rc=$?"' \
	"Error: can't parse tag
rc=255"
testing "one word too many" \
	'bpfbox prog show id $S_ID extra; echo "rc=$?"' \
	"Error: what is 'id'?
rc=255"
testing "a pinned map is not a program" \
	'bpfbox prog show pinned $T/m; echo "rc=$?"' \
	"Error: incorrect object type: map
rc=255"

# ---- pin and -f ------------------------------------------------------
testing "pin by id" \
	'bpfbox prog pin id $S_ID $T/s_again; echo "rc=$?"' "rc=0"
testing "pin -j prints null" \
	'bpfbox -j prog pin name pt_sock $T/s_third' "null"
testing "-f lists every pin of the program" \
	'bpfbox -f prog show id $S_ID | grep pinned | sort' \
	"	pinned $T/s
	pinned $T/s_again
	pinned $T/s_third"
testing "-f -j pins" \
	'bpfbox -f -j prog show id $S_ID | grep -o "\"pinned\":\[[^]]*\]" | tr "," "\n" | grep -c "$T/s"' "3"
testing "-f -j: every program gets a pinned list, maybe empty" \
	'bpfbox -f -j prog show > $WORK/pt_all; [ $(grep -o "{\"id\":" $WORK/pt_all | wc -l) -eq $(grep -o "\"pinned\":\[" $WORK/pt_all | wc -l) ] && echo ok' "ok"
testing "pin onto an existing path" \
	'bpfbox prog pin id $S_ID $T/s; echo "rc=$?"' \
	"Error: can't pin BPF object: path '$T/s' already exists
rc=255"
testing "pin into a missing directory" \
	'bpfbox prog pin id $S_ID $T/nodir/p; echo "rc=$?"' \
	"Error: can't pin BPF object: dir '$T/nodir' doesn't exist
rc=255"
testing "pin with too few words" \
	'bpfbox prog pin id $S_ID; echo "rc=$?"' \
	"Error: 'pin' needs at least 3 arguments, 2 found
rc=255"
testing "pin a map handle" \
	'bpfbox prog pin pinned $T/m $T/m2; echo "rc=$?"' \
	"Error: incorrect object type: map
rc=255"
testing "pin outside bpffs with --nomount" \
	'd=$WORK/not_bpffs; mkdir -p $d; bpfbox -n prog pin id $S_ID $d/p; echo "rc=$?"' \
	"Error: no BPF file system found, not mounting it due to --nomount option
rc=255"

# ---- help --------------------------------------------------------------
testing "help goes to stderr" \
	'bpfbox prog help 2>/dev/null | wc -c; bpfbox prog help 2>&1 | head -1' \
	"0
Usage: bpfbox prog { show | list } [PROG]"
testing "help -j is null" 'bpfbox -j prog help' "null"
testing "commands bpfbox leaves out" \
	'bpfbox prog load x y; echo "rc=$?"' \
	"Error: 'load' is not implemented in bpfbox
rc=255"
testing "unknown command prints help" \
	'bpfbox prog frobnicate 2>&1 | head -1; bpfbox prog frobnicate 2>/dev/null; echo "rc=$?"' \
	"Usage: bpfbox prog { show | list } [PROG]
rc=255"

# ---- side by side with bpftool ------------------------------------------
# bpftool 7.1 lacks upstream's "orphaned" (-j) and "pids"; no process holds
# these programs, so only "orphaned" is taken out of bpfbox's output.
# loaded_at has one-second resolution: a pair that straddles a second is
# compared again.
if command -v bpftool >/dev/null 2>&1; then
	# bpftool 7.1 has no "pids": drop bpfbox's, since other processes
	# on the machine may hold programs these commands list (a tag
	# matches every program with the same instructions).
	no_pids()
	{
		sed -e '/^	pids /d' -e 's/,"pids":\[[^]]*\]//g' | awk '
			skip { if ($0 ~ /^ *\]$/) skip = 0; next }
			/^ *"pids": \[/ { sub(/,$/, "", prev); skip = 1; next }
			NR > 1 { print prev }
			{ prev = $0 }
			END { if (NR) print prev }'
	}
	pt_same()
	{
		for _try in 1 2; do
			bpfbox "$@" 2>&1 | sed -e 's/"orphaned":false,//g' -e '/^ *"orphaned": false,$/d' | no_pids > $WORK/pt1
			bpftool "$@" > $WORK/pt2 2>&1
			cmp -s $WORK/pt1 $WORK/pt2 && break
		done
		testing "same as bpftool: $*" 'diff $WORK/pt2 $WORK/pt1 && echo same' "same"
	}
	for o in "" -j -p "-f" "-f -j"; do
		pt_same $o prog show pinned $T/s
		pt_same $o prog show id $X_ID
		pt_same $o prog show pinned $T/p
		pt_same $o prog show name pt_twin
	done
	pt_same prog show tag $XDP_TAG
	pt_same prog show pinned $T/f
	pt_same -j prog show pinned $T/f
	pt_same prog show pinned $T/tc
	pt_same prog show pinned $T/meta
	pt_same -j prog show pinned $T/meta
	pt_same -p prog show pinned $T/meta
	for o in "" -j -p; do
		pt_same $o map show pinned $T/pra
		pt_same $o map show pinned $T/prb
	done
	pt_same -p prog show tag $XDP_TAG
	pt_same prog show id 4294967295
	pt_same prog show name pt_twin extra
	testing "same as bpftool: -j prog pin" \
		'bpfbox -j prog pin id $S_ID $T/s_4; bpftool -j prog pin id $S_ID $T/s_5; bpfbox -j prog pin id $S_ID $T/s_5' \
		"null
null
{\"error\":\"can't pin BPF object: path '$T/s_5' already exists\"}"
	# Many pins of one program: bpftool's hashmap order is replayed.
	for i in 6 7 8 9 10 11 12 13 14; do bpfbox prog pin id $S_ID $T/s_$i; done
	pt_same -f prog show id $S_ID
	pt_same -f -j prog show id $S_ID
else
	skip "prog compat" "bpftool not installed"
fi
