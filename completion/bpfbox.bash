# bash completion for bpfbox, and for a bpftool link to it.
#
# Works with the bash-completion package (installed as
# completions/bpfbox, loaded on first use) and without it (source this
# file from ~/.bashrc).  Live values (ids, names, tags, pins, map types,
# attach types) come from bpfbox itself: `-j ... show` and
# `feature list_builtins`.  Keywords follow the grammar of each object's
# help, position by position.

# Words for COMPREPLY that start with the current word.
_bpfbox_words()
{
	local IFS=$'\n'
	COMPREPLY+=($(compgen -W "$*" -- "$_bpfbox_cur"))
}

# Paths: files (or directories with -d) under the current word.
_bpfbox_files()
{
	local IFS=$'\n'
	COMPREPLY+=($(compgen "${1:--f}" -- "$_bpfbox_cur"))
	compopt -o filenames 2>/dev/null
}

# bpfbox run quietly, JSON output.
_bpfbox_ask()
{
	"$_bpfbox_bin" "$@" 2>/dev/null
}

# One field of every object "OBJECT show" lists: _bpfbox_field map id.
# Each object of the array starts with its id, and names and tags are
# top-level strings, so no JSON parser is needed.
_bpfbox_field()
{
	case $2 in
	id) _bpfbox_ask -j "$1" show | grep -o '{"id":[0-9]*' | cut -d: -f2 ;;
	*) _bpfbox_ask -j "$1" show | grep -o "\"$2\":\"[^\"]*\"" | cut -d'"' -f4 | sort -u ;;
	esac
}

# Pin paths of maps, programs or links (-f), and the files under the
# current word.
_bpfbox_pins()
{
	local IFS=$'\n'
	COMPREPLY+=($({
		compgen -W "$(_bpfbox_ask -jf "$1" show | grep -o '"pinned":\[[^]]*\]' |
			grep -o '"/[^"]*"' | tr -d '"')" -- "$_bpfbox_cur"
		compgen -f -- "$_bpfbox_cur"
	} | sort -u))
	compopt -o filenames 2>/dev/null
}

# MAP, PROG, LINK handles: words[i] is where the handle starts; sets
# _bpfbox_next to the index after a complete handle, or completes the
# handle and returns 1 when the current word is inside it.
_bpfbox_handle()
{
	local kind=$1 i=$2 keys
	case $kind in
	map) keys="id pinned name" ;;
	prog) keys="id pinned tag name" ;;
	link) keys="id pinned" ;;
	esac
	if [ "$i" -eq "$_bpfbox_n" ]; then
		_bpfbox_words $keys
		return 1
	fi
	if [ $((i + 1)) -eq "$_bpfbox_n" ]; then
		case ${_bpfbox_w[i]} in
		id) _bpfbox_words $(_bpfbox_field "$kind" id) ;;
		name) _bpfbox_words $(_bpfbox_field "$kind" name) ;;
		tag) _bpfbox_words $(_bpfbox_field "$kind" tag) ;;
		pinned) _bpfbox_pins "$kind" ;;
		esac
		return 1
	fi
	_bpfbox_next=$((i + 2))
	return 0
}

# The type of the map named by words[i], i+1 ("hash", "prog_array"...).
_bpfbox_map_type()
{
	_bpfbox_ask -j map show "${_bpfbox_w[$1]}" "${_bpfbox_w[$1 + 1]}" |
		grep -o '"type":"[^"]*"' | head -n 1 | cut -d'"' -f4
}

# Keywords of the [key ...] [value ...] kind not yet used since words[i].
_bpfbox_unused()
{
	local i=$1 k w out=
	shift
	for k in "$@"; do
		for ((w = i; w < _bpfbox_n; w++)); do
			[ "${_bpfbox_w[w]}" = "$k" ] && continue 2
		done
		out="$out $k"
	done
	_bpfbox_words $out
}

# The last keyword among words[i..n-1] that is one of the arguments.
_bpfbox_last_of()
{
	local i=$1 w
	shift
	for ((w = _bpfbox_n - 1; w >= i; w--)); do
		case " $* " in *" ${_bpfbox_w[w]} "*)
			echo "${_bpfbox_w[w]}"
			return ;;
		esac
	done
}

_bpfbox_map()
{
	local cmd=${_bpfbox_w[1]} prev=${_bpfbox_w[_bpfbox_n - 1]} type
	case $cmd in
	create)
		[ "$_bpfbox_n" -eq 2 ] && { _bpfbox_files; return; }
		case $prev in
		type) _bpfbox_words $(_bpfbox_ask feature list_builtins map_types | grep -vx unspec) ;;
		flags)
			# FLAG[,FLAG...]: complete the last name
			local head=${_bpfbox_cur%"${_bpfbox_cur##*,}"}
			COMPREPLY=($(compgen -P "$head" -W "no_prealloc no_common_lru numa_node rdonly
wronly stack_build_id zero_seed rdonly_prog wronly_prog clone mmapable preserve_elems
inner_map link path_fd vtype_btf_obj_fd token_fd segv_on_fault no_user_conv" -- "${_bpfbox_cur##*,}"))
			compopt -o nospace 2>/dev/null ;;
		inner_map) _bpfbox_handle map "$((_bpfbox_n))" ;;
		offload_dev) _bpfbox_words $(ls /sys/class/net 2>/dev/null) ;;
		key|value|entries|name) ;;
		*)
			# inside "inner_map MAP"?
			if [ "${_bpfbox_w[_bpfbox_n - 2]}" = inner_map ]; then
				_bpfbox_handle map "$((_bpfbox_n - 1))"
				return
			fi
			_bpfbox_unused 3 type key value entries name flags inner_map offload_dev ;;
		esac
		return ;;
	show|list|dump|update|lookup|getnext|delete|pin|event_pipe|peek|push|pop|enqueue|dequeue|freeze) ;;
	*) return ;;
	esac
	_bpfbox_handle map 2 || return
	local i=$_bpfbox_next
	[ "$i" -gt "$_bpfbox_n" ] && return
	case $cmd in
	lookup|getnext|delete)
		[ "$i" -eq "$_bpfbox_n" ] && _bpfbox_words key ;;
	pin) [ "$i" -eq "$_bpfbox_n" ] && _bpfbox_files ;;
	push|enqueue) [ "$i" -eq "$_bpfbox_n" ] && _bpfbox_words value ;;
	event_pipe)
		case $prev in
		cpu|index) ;;
		*) _bpfbox_unused "$i" cpu index ;;
		esac ;;
	update)
		# after "value", a program or map for fd maps; else keywords
		local last=$(_bpfbox_last_of "$i" key value)
		if [ "$last" = value ]; then
			local v=$i
			while [ "${_bpfbox_w[v]}" != value ]; do v=$((v + 1)); done
			v=$((v + 1))
			type=$(_bpfbox_map_type 2)
			case $type in
			prog_array) _bpfbox_handle prog "$v" || return ;;
			array_of_maps|hash_of_maps) _bpfbox_handle map "$v" || return ;;
			*) [ "$v" -eq "$_bpfbox_n" ] && return ;;
			esac
		fi
		case $prev in key|value) return ;; esac
		if [ -n "$(_bpfbox_last_of "$i" any exist noexist)" ]; then
			_bpfbox_unused "$i" key value
		else
			_bpfbox_unused "$i" key value any exist noexist
		fi ;;
	esac
}

_bpfbox_prog()
{
	local cmd=${_bpfbox_w[1]} prev=${_bpfbox_w[_bpfbox_n - 1]} i=2
	case $cmd in
	dump)
		[ "$_bpfbox_n" -eq 2 ] && { _bpfbox_words xlated jited; return; }
		i=3 ;;
	tracelog)
		[ "$_bpfbox_n" -eq 2 ] && { _bpfbox_words stdout stderr; return; }
		i=3 ;;
	show|list|pin|run) ;;
	*) return ;;
	esac
	_bpfbox_handle prog "$i" || return
	i=$_bpfbox_next
	[ "$i" -gt "$_bpfbox_n" ] && return
	case $cmd in
	pin) [ "$i" -eq "$_bpfbox_n" ] && _bpfbox_files ;;
	dump)
		case $prev in
		file) _bpfbox_files ;;
		*)
			[ "$(_bpfbox_last_of "$i" file)" = file ] && return
			if [ "$i" -eq "$_bpfbox_n" ]; then
				_bpfbox_words file opcodes linum visual
			else
				_bpfbox_unused "$i" opcodes linum visual
			fi ;;
		esac ;;
	run)
		case $prev in
		data_in|data_out|ctx_in|ctx_out) _bpfbox_files ;;
		data_size_out|ctx_size_out|repeat) ;;
		*) _bpfbox_unused "$i" data_in data_out data_size_out ctx_in ctx_out ctx_size_out repeat ;;
		esac ;;
	esac
}

_bpfbox_btf()
{
	local cmd=${_bpfbox_w[1]} prev=${_bpfbox_w[_bpfbox_n - 1]} i
	case $cmd in
	show|list)
		case $_bpfbox_n in
		2) _bpfbox_words id ;;
		3) _bpfbox_words $(_bpfbox_field btf id) ;;
		esac ;;
	dump)
		case $_bpfbox_n in
		2) _bpfbox_words id prog map file; return ;;
		esac
		case ${_bpfbox_w[2]} in
		id)
			[ "$_bpfbox_n" -eq 3 ] && { _bpfbox_words $(_bpfbox_field btf id); return; }
			i=4 ;;
		prog) _bpfbox_handle prog 3 || return; i=$_bpfbox_next ;;
		map)
			_bpfbox_handle map 3 || return; i=$_bpfbox_next
			if [ "$i" -eq "$_bpfbox_n" ]; then
				_bpfbox_words key value kv all format root_id
				return
			fi ;;
		file)
			[ "$prev" = file ] && { _bpfbox_files; return; }
			i=4 ;;
		*) return ;;
		esac
		case $prev in
		format) _bpfbox_words raw c ;;
		c) [ "${_bpfbox_w[_bpfbox_n - 2]}" = format ] && _bpfbox_words unsorted root_id ;;
		root_id) ;;
		*)
			[ "${_bpfbox_w[2]}" = file ] && _bpfbox_words file
			_bpfbox_unused "$i" format root_id ;;
		esac ;;
	esac
}

_bpfbox_cgroup()
{
	local cmd=${_bpfbox_w[1]}
	case $cmd in
	show|list|tree)
		case $_bpfbox_n in
		2) _bpfbox_files -d ;;
		3) _bpfbox_words effective ;;
		esac ;;
	attach|detach)
		case $_bpfbox_n in
		2) _bpfbox_files -d ;;
		3) _bpfbox_words $(_bpfbox_ask feature list_builtins attach_types | grep '^cgroup_') ;;
		*)
			_bpfbox_handle prog 4 || return
			[ "$cmd" = attach ] && [ "$_bpfbox_next" -eq "$_bpfbox_n" ] &&
				_bpfbox_words multi override ;;
		esac ;;
	esac
}

_bpfbox_net()
{
	local cmd=${_bpfbox_w[1]} prev=${_bpfbox_w[_bpfbox_n - 1]} i
	case $cmd in
	show|list)
		case $_bpfbox_n in
		2) _bpfbox_words dev ;;
		3) _bpfbox_words $(ls /sys/class/net 2>/dev/null) ;;
		esac ;;
	attach|detach)
		[ "$_bpfbox_n" -eq 2 ] && {
			_bpfbox_words xdp xdpgeneric xdpdrv xdpoffload tcx_ingress tcx_egress
			return
		}
		i=3
		if [ "$cmd" = attach ]; then
			_bpfbox_handle prog 3 || return
			i=$_bpfbox_next
		fi
		case $((_bpfbox_n - i)) in
		0) _bpfbox_words dev ;;
		1) _bpfbox_words $(ls /sys/class/net 2>/dev/null) ;;
		2) [ "$cmd" = attach ] && _bpfbox_words overwrite prepend ;;
		esac ;;
	esac
}

_bpfbox_feature()
{
	local prev=${_bpfbox_w[_bpfbox_n - 1]}
	case ${_bpfbox_w[1]} in
	probe)
		case $prev in
		dev) _bpfbox_words $(ls /sys/class/net 2>/dev/null) ;;
		prefix) ;;
		macros) _bpfbox_unused 2 kernel dev full unprivileged prefix ;;
		*) _bpfbox_unused 2 kernel dev full unprivileged macros ;;
		esac ;;
	list_builtins)
		[ "$_bpfbox_n" -eq 2 ] &&
			_bpfbox_words prog_types map_types attach_types link_types helpers ;;
	esac
}

_bpfbox()
{
	local _bpfbox_cur=${COMP_WORDS[COMP_CWORD]} _bpfbox_bin=${COMP_WORDS[0]}
	local -a _bpfbox_w=()
	local _bpfbox_n _bpfbox_next i w after_opts=
	COMPREPLY=()
	# the words before the cursor, options taken out as getopt does
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		if [ -z "$after_opts" ]; then
			case $w in
			--) after_opts=1; continue ;;
			-B|--ba*|-i|-k) [[ $w == *=* ]] || i=$((i + 1)); continue ;;
			-?*) continue ;;
			esac
		fi
		_bpfbox_w+=("$w")
	done
	_bpfbox_n=${#_bpfbox_w[@]}
	# the value of -B FILE, -i FILE, -k FILE
	case ${COMP_WORDS[COMP_CWORD - 1]} in
	-B|--ba[!=]*|-i|-k) [ -z "$after_opts" ] && { _bpfbox_files; return 0; } ;;
	esac
	if [ -z "$after_opts" ] && [[ $_bpfbox_cur == -* ]]; then
		_bpfbox_words -j --json -p --pretty -d --debug -f --bpffs -n --nomount \
			-B --base-btf -V --version -h --help -m --mapcompat
		return 0
	fi
	[ -x "$(type -P "$_bpfbox_bin" 2>/dev/null)" ] || _bpfbox_bin=bpfbox
	if [ "$_bpfbox_n" -eq 0 ]; then
		_bpfbox_words prog map link cgroup perf net feature btf batch version help
		return 0
	fi
	local obj=${_bpfbox_w[0]}
	if [ "$_bpfbox_n" -eq 1 ]; then
		case $obj in
		map) _bpfbox_words show list create dump update lookup getnext delete pin \
			event_pipe peek push pop enqueue dequeue freeze help ;;
		prog) _bpfbox_words show list dump pin run tracelog help ;;
		link) _bpfbox_words show list pin detach help ;;
		cgroup) _bpfbox_words show list tree attach detach help ;;
		perf) _bpfbox_words show list help ;;
		net) _bpfbox_words show list attach detach help ;;
		feature) _bpfbox_words probe list_builtins help ;;
		btf) _bpfbox_words show list dump help ;;
		batch) _bpfbox_words file ;;
		esac
		return 0
	fi
	case $obj in
	map) _bpfbox_map ;;
	prog) _bpfbox_prog ;;
	btf) _bpfbox_btf ;;
	cgroup) _bpfbox_cgroup ;;
	net) _bpfbox_net ;;
	feature) _bpfbox_feature ;;
	link)
		case ${_bpfbox_w[1]} in
		show|list|pin|detach)
			_bpfbox_handle link 2 || return 0
			[ "${_bpfbox_w[1]}" = pin ] && [ "$_bpfbox_next" -eq "$_bpfbox_n" ] && _bpfbox_files ;;
		esac ;;
	batch) [ "$_bpfbox_n" -eq 2 ] && [ "${_bpfbox_w[1]}" = file ] && _bpfbox_files ;;
	esac
	return 0
}

complete -F _bpfbox bpfbox
# bpftool too when it is bpfbox: loaded as completions/bpftool (the link
# `make install-bpftool-link` makes), or bpftool on PATH is a link to it.
if [ "${BASH_SOURCE[0]##*/}" = bpftool ] ||
   [[ $(readlink -f "$(type -P bpftool 2>/dev/null)" 2>/dev/null) == */bpfbox ]]; then
	complete -F _bpfbox bpftool
fi
