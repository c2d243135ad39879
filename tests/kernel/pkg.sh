# Packaging: what scripts read (-j map dump of every map type is an
# array of entries with key and value), version, and, with the source
# tree and a compiler, byte-identical builds in two directories, make
# install and make dist.  Sourced by tests/run.sh.

# ---- the JSON consumers' pattern: iterate the dump of every map --------
# Every type this kernel creates without BTF or programs; a type it
# refuses is left out (counted below, so an empty list fails).
PK_MADE=0 PK_BAD=
bpfbox map create $T/pk_inner type array key 4 value 4 entries 1 name pk_inner
while read -r pk_type pk_key pk_value pk_entries pk_extra; do
	# shellcheck disable=SC2086
	bpfbox map create $T/pk_$pk_type type $pk_type key $pk_key value $pk_value \
		entries $pk_entries name pk_m $pk_extra 2>/dev/null || continue
	PK_MADE=$((PK_MADE + 1))
	if [ "$pk_key" != 0 ]; then
		bpfbox map update pinned $T/pk_$pk_type key 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 value 0 0 0 0 0 0 0 0 2>/dev/null
	fi
	# the pattern: parse, iterate, read key and value of each element
	pk_out=$(bpfbox -j map dump pinned $T/pk_$pk_type 2>/dev/null | $H/jsoncheck -e 2>&1) ||
		PK_BAD="$PK_BAD $pk_type($pk_out)"
done <<EOF
hash 4 4 4
array 4 4 4
prog_array 4 4 4
perf_event_array 4 4 4
percpu_hash 4 4 4
percpu_array 4 4 4
stack_trace 4 64 4
cgroup_array 4 4 4
lru_hash 4 4 4
lru_percpu_hash 4 4 4
lpm_trie 8 4 4 flags no_prealloc
array_of_maps 4 4 4 inner_map pinned $T/pk_inner
hash_of_maps 4 4 4 inner_map pinned $T/pk_inner
devmap 4 4 4
devmap_hash 4 4 4
sockmap 4 4 4
cpumap 4 4 4
xskmap 4 4 4
sockhash 4 4 4
cgroup_storage 8 4 0
reuseport_sockarray 4 8 4
percpu_cgroup_storage 8 4 0
queue 0 4 4
stack 0 4 4
ringbuf 0 0 4096
bloom_filter 0 4 4
user_ringbuf 0 0 4096
arena 0 0 1 flags mmapable
insn_array 4 8 4
rhash 4 4 4
EOF
testing "-j map dump of every map type: an array of {key, value} (${PK_MADE} types)" \
	'[ "$PK_MADE" -ge 10 ] && echo "${PK_BAD:-ok}"' "ok"
testing "-j map dump of several maps (name): each map's elements iterate" \
	'bpfbox -j map dump name pk_m 2>/dev/null | $H/jsoncheck >/dev/null && echo valid' "valid"
if [ -e $T/pk_queue ]; then
	testing "-j map dump of a queue: [] on stdout, the reason on stderr, non-zero" \
		'bpfbox -j map dump pinned $T/pk_queue 2>$WORK/pk_err; echo "rc=$?"; cat $WORK/pk_err' \
		"[]
rc=255
Error: map $(map_id $T/pk_queue) is a queue map: it has no keys to dump (use 'map peek' or 'map pop')"
	testing "plain map dump of a queue keeps the clear error" \
		'bpfbox map dump pinned $T/pk_queue; echo "rc=$?"' \
		"Error: map $(map_id $T/pk_queue) is a queue map: it has no keys to dump (use 'map peek' or 'map pop')
rc=255"
	if command -v bpftool > /dev/null; then
		testing "-j map dump of a queue: same stdout as bpftool" \
			'a=$(bpfbox -j map dump pinned $T/pk_queue 2>/dev/null); b=$(bpftool -j map dump pinned $T/pk_queue 2>/dev/null); [ "$a" = "$b" ] && echo same || echo "bpfbox: $a bpftool: $b"' "same"
	fi
fi

# ---- version ---------------------------------------------------------
testing "version: first line as before, commit line last when known" \
	'bpfbox version | sed -n "1p;\$p" | sed "s/^commit: [0-9a-f]\{12\}\(-dirty\)*\$/commit: C/;s/^features:\$/commit: C/"' \
	"bpfbox v0.1.0
commit: C"
testing "-j version: one object, version first" \
	'bpfbox -j version | $H/jsoncheck && bpfbox -j version | cut -c1-19' '{"version":"0.1.0",'

# ---- builds (source tree, make and a compiler needed) -----------------
if [ ! -f "$top/Makefile" ] || [ ! -d "$top/src" ] || ! command -v make > /dev/null ||
   ! { command -v musl-gcc || command -v cc; } > /dev/null; then
	skip "reproducible build, install" "no source tree, make or C compiler"
else
	# the same sources in two directories of different depth, each
	# built from scratch, one second apart at least
	for d in $WORK/rb1 $WORK/rb/two/deeper; do
		mkdir -p $d
		(cd "$top" && tar -cf - Makefile src include docs/bpfbox.8 completion) | (cd $d && tar -xf -)
		echo testcommit > $d/COMMIT
	done
	testing "two builds in different directories are byte-identical" \
		'make -s -C $WORK/rb1 bpfbox >/dev/null 2>&1 && sleep 1 && make -s -C $WORK/rb/two/deeper bpfbox >/dev/null 2>&1 && cmp $WORK/rb1/bpfbox $WORK/rb/two/deeper/bpfbox && echo same' "same"
	testing "built outside git: version names the recorded commit" \
		'$WORK/rb1/bpfbox version | tail -n 1' "commit: testcommit"
	testing "make install: binary, man page, completion; bpftool links" \
		'make -s -C $WORK/rb1 install install-bpftool-link DESTDIR=$WORK/dest PREFIX=/usr >/dev/null 2>&1;
		 cd $WORK/dest && find . ! -type d | sort; readlink usr/sbin/bpftool usr/share/man/man8/bpftool.8 usr/share/bash-completion/completions/bpftool; cd - >/dev/null' \
		"./usr/sbin/bpfbox
./usr/sbin/bpftool
./usr/share/bash-completion/completions/bpfbox
./usr/share/bash-completion/completions/bpftool
./usr/share/man/man8/bpfbox.8
./usr/share/man/man8/bpftool.8
bpfbox
bpfbox.8
bpfbox"
	rm -rf $WORK/rb1 $WORK/rb $WORK/dest
fi
