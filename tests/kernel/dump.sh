# Dumps of bigger maps: the batched path (BPF_MAP_LOOKUP_BATCH, read ahead
# by a second process past the first batch) and the get_next_key path
# print the same bytes, hash buckets larger than a batch are handled, and
# a dump of a map that changes under it terminates.
#
# BPFBOX_NO_BATCH set to anything (even empty) selects get_next_key, so
# the batch runs unset it (in a subshell) rather than set it empty, and
# an exported value in the caller's environment cannot leak in.
batched() { (unset BPFBOX_NO_BATCH; bpfbox "$@"); }

for spec in "hash 16 64 5000 4999" "array 4 8 3000 3000" "percpu_hash 4 12 2000 2000" \
	"percpu_array 4 4 1000 1000" "lru_hash 8 8 4000 3000"; do
	set -- $spec
	type=$1 filled=$5
	bpfbox map create $T/$type type $type key $2 value $3 entries $4 name d_$type
	$H/mapfill $T/$type $filled
	for m in "" -j -p; do
		testing "dump $m $type: batch and get_next_key print the same" \
			'batched $m map dump pinned $T/$type > $WORK/a; r1=$?; BPFBOX_NO_BATCH=1 bpfbox $m map dump pinned $T/$type > $WORK/b; r2=$?; cmp $WORK/a $WORK/b && echo "same $r1 $r2"' \
			"same 0 0"
	done
	testing "dump $type: every entry" \
		'batched map dump pinned $T/$type | tail -1' "Found $filled elements"
done

# A full 100k-entry hash map has buckets of several entries, and its dump
# is long enough to be read ahead by a second process.
bpfbox map create $T/full type hash key 4 value 4 entries 100000 name d_full
$H/mapfill $T/full 100000
testing "dump of a full 100k hash map" \
	'batched map dump pinned $T/full | tail -1' "Found 100000 elements"
testing "-j dump of a full 100k hash map has every key" \
	'batched -j map dump pinned $T/full | tr "}" "\n" | grep -c "\"key\""' "100000"
testing "-j dump of a full 100k hash map: batch and get_next_key the same" \
	'batched -j map dump pinned $T/full > $WORK/a; BPFBOX_NO_BATCH=1 bpfbox -j map dump pinned $T/full > $WORK/b; cmp $WORK/a $WORK/b && echo same' "same"
# A reader left behind would show up as a second "map dump" of it.
readers() {
	# a process may end between the glob and the read: not an error
	for p in /proc/[0-9]*; do
		{ tr '\0' ' ' < $p/cmdline; } 2>/dev/null
		echo
	done | grep -c "[m]ap dump pinned $T/full"
}
testing "a dump cut short leaves no reader process behind" \
	'batched map dump pinned $T/full | head -c 100 > /dev/null; i=0; while [ $(readers) != 0 ] && [ $i -lt 50 ]; do sleep 1; i=$((i + 1)); done; readers' "0"

# Buckets larger than a batch.  With BPF_F_ZERO_SEED (flags 0x40) the
# kernel's hash is known, so mapfill --bucket piles 200 keys with 4 KiB
# values into one bucket; a batch holds 64 of those.  Bucket 3 is met by
# the first batch, which grows; bucket 3000 by the read-ahead reader,
# which hands the walk back to the dumping process.
colliding() {
	grep -o '"key":\[[^]]*\]' | grep -n '"0x10"\]$' | cut -d: -f1 |
		awk 'NR == 1 { f = $1 } { l = $1 } END { print NR, l - f + 1 }'
}
for b in 3 3000; do
	bpfbox map create $T/col$b type hash key 4 value 4096 entries 4096 name d_col$b flags 0x40
	$H/mapfill $T/col$b 1000
	$H/mapfill --bucket $T/col$b $b 200
	testing "bucket $b holds the 200 colliding keys (mapfill's hash is the kernel's)" \
		'BPFBOX_NO_BATCH=1 bpfbox -j map dump pinned $T/col$b | colliding' "200 200"
	for m in "" -j; do
		testing "dump $m, bucket $b larger than a batch: batch and get_next_key the same" \
			'batched $m map dump pinned $T/col$b > $WORK/a; r1=$?; BPFBOX_NO_BATCH=1 bpfbox $m map dump pinned $T/col$b > $WORK/b; r2=$?; cmp $WORK/a $WORK/b && echo "same $r1 $r2"' \
			"same 0 0"
	done
	testing "dump, bucket $b larger than a batch: every entry" \
		'batched map dump pinned $T/col$b | tail -1' "Found 1200 elements"
done

# A map being changed while dumped: the dump ends (bounded restarts on
# the get_next_key path) and says so if it could not read consistently.
bpfbox map create $T/busy type hash key 4 value 8 entries 20000 name d_busy
$H/mapfill $T/busy 20000
$H/mapfill --churn $T/busy 4 &
CHURN=$!
HELPER_PIDS="$HELPER_PIDS $CHURN"
testing "dump of a changing map terminates (batch)" \
	'batched map dump pinned $T/busy > $WORK/busy 2>$WORK/busy.err; tail -1 $WORK/busy | sed "s/[0-9][0-9]*/N/"' \
	"Found N elements"
testing "dump of a changing map terminates (get_next_key)" \
	'BPFBOX_NO_BATCH=1 bpfbox map dump pinned $T/busy > $WORK/busy 2>$WORK/busy.err; tail -1 $WORK/busy | sed "s/[0-9][0-9]*/N/"' \
	"Found N elements"

wait $CHURN 2>/dev/null
