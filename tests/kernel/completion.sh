# completion/bpfbox.bash driven as bash does it: COMP_WORDS and
# COMP_CWORD set, _bpfbox called, COMPREPLY checked, at positions of every
# object's grammar, against maps and programs made here (live ids, names,
# tags, pins).  Needs bash and the source tree: skipped without them (the
# busybox initramfs).  Sourced by tests/run.sh.

COMP_FILE=$top/completion/bpfbox.bash

# comp WORD... CUR: the sorted candidates, one line, for the command line
# "bpfbox WORD..." with the cursor at the end of CUR ("" for a new word).
comp()
{
	bash -c '. "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
		_bpfbox
		printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " " | sed "s/ \$//"' \
		comp "$COMP_FILE" "$COMP_BIN" "$@"
}

# has WANT WORD... CUR: "yes" when WANT is one of the candidates.
has()
{
	_want=$1
	shift
	comp "$@" | tr ' ' '\n' | grep -qxF -- "$_want" && echo yes || echo "no: $(comp "$@" | head -c 300)"
}

if ! command -v bash > /dev/null; then
	skip "bash completion" "bash is not installed"
elif [ ! -f "$COMP_FILE" ]; then
	skip "bash completion" "no $COMP_FILE (binary-only test tree)"
else
	COMP_BIN=$BPFBOX
	bpfbox map create $T/c_hash type hash key 4 value 4 entries 4 name cpl_hash &&
	bpfbox map create $T/c_queue type queue key 0 value 4 entries 4 name cpl_queue &&
	bpfbox map create $T/c_progs type prog_array key 4 value 4 entries 4 name cpl_progs &&
	bpfbox map create $T/c_inner type array key 4 value 4 entries 1 name cpl_inner &&
	bpfbox map create $T/c_outer type array_of_maps key 4 value 4 entries 2 name cpl_outer inner_map pinned $T/c_inner &&
	$H/progload socket $T/c_prog name cpl_prog > /dev/null
	C_MAP=$(map_id $T/c_hash) C_PROG=$(prog_id $T/c_prog) C_TAG=$($H/progload tag $T/c_prog)
	C_BTF=$(bpfbox -j btf show | grep -o '{"id":[0-9]*' | head -n 1 | cut -d: -f2)

	testing "objects" 'comp ""' "batch btf cgroup feature help link map net perf prog version"
	testing "object prefix" 'comp ma' "map"
	testing "after options" 'comp -j -p ""' "batch btf cgroup feature help link map net perf prog version"
	testing "options" 'comp --js' "--json"
	testing "short options" 'comp -j -' "--base-btf --bpffs --debug --help --json --mapcompat --nomount --pretty --version -B -V -d -f -h -j -m -n -p"
	testing "map commands" 'comp map ""' \
		"create delete dequeue dump enqueue event_pipe freeze getnext help list lookup peek pin pop push show update"
	testing "map command prefix" 'comp map d' "delete dequeue dump"
	testing "prog commands" 'comp prog ""' "dump help list pin run show tracelog"
	testing "link commands" 'comp link ""' "detach help list pin show"
	testing "cgroup commands" 'comp cgroup ""' "attach detach help list show tree"
	testing "net commands" 'comp net ""' "attach detach help list show"
	testing "perf commands" 'comp perf ""' "help list show"
	testing "feature commands" 'comp feature ""' "help list_builtins probe"
	testing "btf commands" 'comp btf ""' "dump help list show"
	testing "batch" 'comp batch ""' "file"
	testing "MAP handle" 'comp map show ""' "id name pinned"
	testing "PROG handle" 'comp prog show ""' "id name pinned tag"
	testing "LINK handle" 'comp link show ""' "id pinned"
	testing "map id (live)" 'has $C_MAP map dump id ""' "yes"
	testing "map id prefix narrows" 'comp map dump id $C_MAP | tr " " "\n" | grep -vc "^$C_MAP"' "0"
	testing "map name (live)" 'has cpl_hash map lookup name cpl_' "yes"
	testing "map pinned path (live)" 'comp map show pinned $T/c_h' "$T/c_hash"
	testing "prog id (live)" 'has $C_PROG prog show id ""' "yes"
	testing "prog name (live)" 'comp prog show name cpl_p' "cpl_prog"
	testing "prog tag (live)" 'comp prog show tag $C_TAG' "$C_TAG"
	testing "prog pinned path" 'comp prog pin pinned $T/c_pr' "$T/c_prog $T/c_progs"
	testing "btf id (live)" 'has "$C_BTF" btf show id ""' "yes"
	testing "lookup: key" 'comp map lookup id $C_MAP ""' "key"
	testing "update: keywords and flags" 'comp map update id $C_MAP key 1 0 0 0 ""' "any exist noexist value"
	testing "update: flag given" 'comp map update id $C_MAP any ""' "key value"
	testing "update: prog_array value is a PROG" 'comp map update pinned $T/c_progs key 0 0 0 0 value ""' "id name pinned tag"
	testing "update: prog_array value id (live)" 'has $C_PROG map update pinned $T/c_progs key 0 0 0 0 value id ""' "yes"
	testing "update: map-in-map value is a MAP" 'comp map update pinned $T/c_outer key 0 0 0 0 value ""' "id name pinned"
	testing "push: value" 'comp map push pinned $T/c_queue ""' "value"
	testing "event_pipe: cpu index" 'comp map event_pipe id $C_MAP ""' "cpu index"
	testing "map pin: a FILE" 'comp map pin id $C_MAP $T/c_q' "$T/c_queue"
	testing "create: FILE" 'comp map create $T/c_o' "$T/c_outer"
	testing "create: keywords" 'comp map create $T/new type hash ""' "entries flags inner_map key name offload_dev value"
	testing "create: map types (live)" 'comp map create $T/new type bloom' "bloom_filter"
	testing "create: every map type of list_builtins" \
		'comp map create $T/new type "" | tr " " "\n" | grep -c .' "$(bpfbox feature list_builtins map_types | grep -vcx unspec)"
	testing "create: flags" 'comp map create $T/new flags no_p' "no_prealloc"
	testing "create: second flag" 'comp map create $T/new flags mmapable,rdonly_' "mmapable,rdonly_prog"
	testing "create: inner_map MAP" 'comp map create $T/new inner_map ""' "id name pinned"
	testing "prog dump kinds" 'comp prog dump ""' "jited xlated"
	testing "prog dump options" 'comp prog dump xlated id $C_PROG ""' "file linum opcodes visual"
	testing "prog dump: one option used" 'comp prog dump xlated id $C_PROG opcodes ""' "linum visual"
	testing "prog run keywords" 'comp prog run id $C_PROG ""' "ctx_in ctx_out ctx_size_out data_in data_out data_size_out repeat"
	testing "prog tracelog streams" 'comp prog tracelog ""' "stderr stdout"
	testing "btf dump sources" 'comp btf dump ""' "file id map prog"
	testing "btf dump map parts" 'comp btf dump map id $C_MAP ""' "all format key kv root_id value"
	testing "btf dump format" 'comp btf dump id 1 format ""' "c raw"
	testing "btf dump format c" 'comp btf dump id 1 format c ""' "root_id unsorted"
	testing "btf dump file FILE" 'comp btf dump file $T/c_i' "$T/c_inner"
	testing "-B FILE" 'comp -B $T/c_i' "$T/c_inner"
	testing "cgroup attach types (live)" \
		'comp cgroup attach / "" | tr " " "\n" | grep -c "^cgroup_"' \
		"$(bpfbox feature list_builtins attach_types | grep -c '^cgroup_')"
	testing "cgroup attach flags" 'comp cgroup attach / cgroup_inet_ingress id $C_PROG ""' "multi override"
	testing "cgroup show effective" 'comp cgroup show / ""' "effective"
	testing "net attach types" 'comp net attach ""' "tcx_egress tcx_ingress xdp xdpdrv xdpgeneric xdpoffload"
	testing "net attach: dev" 'comp net attach xdp id $C_PROG ""' "dev"
	testing "net: interfaces" 'has lo net show dev ""' "yes"
	testing "net attach: overwrite" 'comp net attach xdp id $C_PROG dev lo ""' "overwrite prepend"
	testing "feature list_builtins groups" 'comp feature list_builtins ""' "attach_types helpers link_types map_types prog_types"
	testing "feature probe macros" 'comp feature probe macros ""' "dev full kernel prefix unprivileged"
	testing "nothing after a complete command" 'comp map freeze id $C_MAP ""' ""
	testing "the bpftool link completes the same" \
		'ln -sf "$BPFBOX" $WORK/bpftool; COMP_BIN=$WORK/bpftool; comp map show name cpl_ha; COMP_BIN=$BPFBOX' "cpl_hash"
	testing "registered for bpfbox; for bpftool when loaded as completions/bpftool" \
		'mkdir -p $WORK/comp; ln -sf "$COMP_FILE" $WORK/comp/bpftool;
		 bash -c ". \"$COMP_FILE\"; complete -p bpfbox; . $WORK/comp/bpftool; complete -p bpftool"' \
		"complete -F _bpfbox bpfbox
complete -F _bpfbox bpftool"
	if [ -f /usr/share/bash-completion/bash_completion ]; then
		testing "with the bash-completion package: loaded on demand" \
			'mkdir -p $WORK/xdg/bash-completion/completions; cp "$COMP_FILE" $WORK/xdg/bash-completion/completions/bpfbox;
			 XDG_DATA_DIRS=$WORK/xdg bash -c ". /usr/share/bash-completion/bash_completion; __load_completion bpfbox 2>/dev/null || _completion_loader bpfbox; complete -p bpfbox"' \
			"complete -F _bpfbox bpfbox"
	else
		skip "bash-completion package" "not installed"
	fi
fi
