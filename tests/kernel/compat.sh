# Side by side with bpftool, when it is installed: the same commands on
# the same maps must print the same bytes (stdout and stderr) and agree
# on success.  Covers every map type this kernel creates without BTF.
# Known, documented differences (docs/compat.md) are not compared here:
# dumps of keyless maps, help/version text, exit codes beyond zero/non-zero.

if ! command -v bpftool >/dev/null 2>&1; then
	if [ "$CI" = true ]; then
		testing "bpftool is installed for the comparison (CI)" 'command -v bpftool' "/usr/sbin/bpftool"
	else
		skip "compat" "bpftool not installed"
	fi
else

# bpfbox changes maps under $C, bpftool the same maps under $D; reads
# compare both tools on $C, and at the end each tool's dump of its twin.
C=$T/c D=$T/d
mkdir -p $C $D
same()
{
	bpfbox "$@" > $WORK/o1 2> $WORK/e1; r1=$?
	bpftool "$@" > $WORK/o2 2> $WORK/e2; r2=$?
	compare "$@"
}
# Arguments with @ for the map directory.
same_change()
{
	bpfbox $(echo "$*" | sed "s|@|$C|g") > $WORK/o1 2> $WORK/e1; r1=$?
	bpftool $(echo "$*" | sed "s|@|$D|g") > $WORK/o2 2> $WORK/e2; r2=$?
	sed -i "s|$D|$C|g" $WORK/o2 $WORK/e2
	compare "$@"
}
compare()
{
	# bpfbox's extra "Hint:" lines are documented additions.
	grep -v '^Hint: ' $WORK/e1 > $WORK/e1h
	mv $WORK/e1h $WORK/e1
	[ $r1 -eq 0 ] && r1=ok || r1=fail
	[ $r2 -eq 0 ] && r2=ok || r2=fail
	if cmp -s $WORK/o1 $WORK/o2 && cmp -s $WORK/e1 $WORK/e2 && [ $r1 = $r2 ]; then
		PASSED=$((PASSED + 1))
	else
		FAILED=$((FAILED + 1))
		echo "FAIL: same as bpftool: $* ($r1 vs bpftool $r2)"
		diff $WORK/o2 $WORK/o1 | head -8 | sed 's/^/  out /'
		diff $WORK/e2 $WORK/e1 | head -4 | sed 's/^/  err /'
	fi
}

# type key value entries [flags]: what each type accepts without BTF.
for spec in "hash 4 8 16" "array 4 8 4" "percpu_hash 4 4 8" "percpu_array 4 20 2" \
	"lru_hash 8 8 16" "lru_percpu_hash 4 8 16" "lpm_trie 8 4 16 1" \
	"devmap 4 4 4" "devmap_hash 4 4 4" "cpumap 4 4 2" "sockmap 4 4 4" \
	"sockhash 4 4 4" "xskmap 4 4 4" "cgroup_array 4 4 4" \
	"perf_event_array 4 4 2" "prog_array 4 4 4" "stack_trace 4 32 8" \
	"hash_big 32 40 4" "array_of_maps 4 4 2" "hash_of_maps 4 4 2"; do
	set -- $spec
	type=${1%_big}
	extra=
	[ -n "$5" ] && extra="flags $5"
	case $type in *_of_maps) extra="inner_map pinned $C/array" ;; esac
	if ! bpfbox map create $C/$1 type $type key $2 value $3 entries $4 name c_$1 $extra 2>$WORK/err; then
		skip "compat $1" "$(cat $WORK/err)"
	else
		bpftool map create $D/$1 type $type key $2 value $3 entries $4 name c_$1 $(echo "$extra" | sed "s|$C|$D|")
	fi
done

same_change map update pinned @/hash key 1 0 0 0 value 1 2 3 4 5 6 7 8
same_change map update pinned @/hash key 2 0 0 0 value 0x1 0x2 0x3 0x4 0x5 0x6 0x7 010 noexist
same_change map update pinned @/array key 1 0 0 0 value hex ff fe 3 4 5 6 7 8
same_change map update pinned @/percpu_hash key 1 0 0 0 value 1 2 3 4
same_change map update pinned @/percpu_array key 1 0 0 0 value 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20
same_change map update pinned @/lru_hash key 1 2 3 4 5 6 7 8 value 8 7 6 5 4 3 2 1
same_change map update pinned @/lpm_trie key 24 0 0 0 10 0 0 0 value 1 0 0 0
same_change map update pinned @/hash_big key 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 value 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40
[ -e $C/array_of_maps ] && same_change map update pinned @/array_of_maps key 1 0 0 0 value pinned @/array
[ -e $C/hash_of_maps ] && same_change map update pinned @/hash_of_maps key 9 0 0 0 value pinned @/array

for f in $C/*; do
	for m in "" -j -p; do
		same $m map show pinned $f
		same $m map getnext pinned $f
		case $f in *_of_maps) continue ;; esac	# 7.1 lacks inner_map_id
		same $m map dump pinned $f
		same $m map lookup pinned $f key 1 0 0 0
	done
	same -f map show pinned $f
	same -jf map show pinned $f
done

# Errors and bad input (the twins must stay equal).
same map lookup pinned $C/hash key 9 9 9 9
same -j map lookup pinned $C/hash key 9 9 9 9
same map lookup pinned $C/hash key 1 0 0
same -j map lookup pinned $C/hash key 1 0 0 0 0
same_change map update pinned @/hash key 1 0 0 0 value 1 2 3 4 5 6 7 8 any exist
same_change map update pinned @/hash key 1 0 0 0 value 1 2 3 4 5 6 7 8 noexist
same_change map update pinned @/hash key 1 0 0 0
same_change -j map delete pinned @/hash key 9 9 9 9
same_change map delete pinned @/array key 1 0 0 0
same_change map delete pinned @/hash key 2 0 0 0
same_change -j map update pinned @/percpu_hash key 2 0 0 0 value 9 9 9 9
same map lookup id 4000000000 key 1 0 0 0
same map lookup pinned $C/nothing key 1 0 0 0
same map lookup name c_hash_that_is_far_too_long key 1
# bpftool fails silently here; bpfbox says why (docs/compat.md).
testing "a name that matches nothing says so" \
	'bpfbox map show name no_such_map_xyz; echo "rc=$?"' "Error: no map named no_such_map_xyz
rc=255"
same map show id 1 2
same map getnext pinned $C/hash key 1
same_change map create @/new type hash key 4 value 4 entries 4
same_change map create @/new type hash key 4 value 4
same_change map create @/new type nosuch key 4 value 4 entries 4 name x
same_change map freeze pinned @/hash extra
same_change map freeze pinned @/array
same batch file $WORK/no-such-file
same map show pinned $C/hash name

# Each tool's twin ended up with the same contents.
entries() { sed 's/^\[//; s/\]$//; s/},{"key"/}\n{"key"/g' | sort; }
for f in $C/*; do
	b=${f##*/}
	case $b in *_of_maps) continue ;; esac
	# Hash seeds differ between twins: compare entries, not their order.
	testing "twins equal after both tools changed them: $b" \
		'bpfbox -j map dump pinned $f | entries; bpfbox map show pinned $f | sed -n "3p"' \
		"$(bpftool -j map dump pinned $D/$b | entries; bpftool map show pinned $D/$b | sed -n '3p')"
done
fi
