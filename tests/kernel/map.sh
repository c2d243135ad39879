# Map commands on real maps: exact output and status of every command of
# the user's guide, the map's contents after each change, and bad input
# that must leave the map untouched.  Sourced by tests/run.sh.

# ---- create / show --------------------------------------------------
testing "create hash" \
	'bpfbox map create $T/h type hash key 4 value 8 entries 16 name h_test; echo "rc=$?"' \
	"rc=0"
H_ID=$(map_id $T/h)
testing "show pinned (plain)" \
	'bpfbox map show pinned $T/h | sed "s/memlock [0-9]*B/memlock NB/"' \
	"$H_ID: hash  name h_test  flags 0x0
	key 4B  value 8B  max_entries 16  memlock NB"
testing "show id (json)" \
	'bpfbox -j map show id $H_ID | sed "s/\"bytes_memlock\":[0-9]*/\"bytes_memlock\":N/"' \
	"{\"id\":$H_ID,\"type\":\"hash\",\"name\":\"h_test\",\"flags\":0,\"bytes_key\":4,\"bytes_value\":8,\"max_entries\":16,\"bytes_memlock\":N,\"frozen\":0}"
testing "show name (pretty), list alias, abbreviations" \
	'bpfbox -p m l name h_test | sed "s/\"bytes_memlock\": [0-9]*/\"bytes_memlock\": N/"' \
	"{
    \"id\": $H_ID,
    \"type\": \"hash\",
    \"name\": \"h_test\",
    \"flags\": 0,
    \"bytes_key\": 4,
    \"bytes_value\": 8,
    \"max_entries\": 16,
    \"bytes_memlock\": N,
    \"frozen\": 0
}"
testing "show -f lists the pinned path" \
	'bpfbox -f map show id $H_ID | grep pinned' \
	"	pinned $T/h"
testing "show all includes our map" \
	'bpfbox map show | grep -c "^$H_ID: hash  name h_test  flags 0x0$"' "1"
testing "show with a bad handle" \
	'bpfbox map show id nope; echo "rc=$?"' \
	"Error: can't parse nope as ID
rc=255"
testing "show of a missing pin" \
	'bpfbox map show pinned $T/missing 2>&1 | head -1; bpfbox map show pinned $T/missing >/dev/null 2>&1; echo "rc=$?"' \
	"Error: bpf obj get ($T/missing): No such file or directory
rc=255"

# ---- update / lookup / dump -------------------------------------------
testing "update (guide: key 3 0 0 0 value ...)" \
	'bpfbox map update id $H_ID key 3 0 0 0 value 1 1 168 192 0 0 0 0; echo "rc=$?"' "rc=0"
testing "update -j prints null" \
	'bpfbox -j map update pinned $T/h key 0x3 0xf 0x20 0x40 value hex 0a 0b 0c 0d 0e 0f 10 11' "null"
testing "lookup: every byte syntax of the guide is the same key" \
	'for k in "3 15 32 64" "0x3 0xf 0x20 0x40" "0x03 0x0f 0x20 0x40" "hex 03 0f 20 40"; do bpfbox map lookup pinned $T/h key $k; done' \
	"key: 03 0f 20 40  value: 0a 0b 0c 0d 0e 0f 10 11
key: 03 0f 20 40  value: 0a 0b 0c 0d 0e 0f 10 11
key: 03 0f 20 40  value: 0a 0b 0c 0d 0e 0f 10 11
key: 03 0f 20 40  value: 0a 0b 0c 0d 0e 0f 10 11"
testing "lookup -j" \
	'bpfbox -j map lookup pinned $T/h key 3 0 0 0' \
	'{"key":["0x03","0x00","0x00","0x00"],"value":["0x01","0x01","0xa8","0xc0","0x00","0x00","0x00","0x00"]}'
testing "lookup of a missing key" \
	'bpfbox map lookup pinned $T/h key 9 9 9 9; echo "rc=$?"' \
	"key:
09 09 09 09

Not found
rc=255"
testing "lookup -j of a missing key" \
	'bpfbox -j map lookup pinned $T/h key 9 9 9 9; echo "rc=$?"' "null
rc=255"
testing "update noexist on an existing key fails" \
	'bpfbox map update pinned $T/h key 3 0 0 0 value 0 0 0 0 0 0 0 0 noexist; echo "rc=$?"' \
	"Error: update failed: File exists
rc=255"
testing "update exist on a missing key fails" \
	'bpfbox map update pinned $T/h key 4 0 0 0 value 0 0 0 0 0 0 0 0 exist; echo "rc=$?"' \
	"Error: update failed: No such file or directory
rc=255"
testing "dump (plain)" \
	'bpfbox map dump pinned $T/h | sort' \
	"Found 2 elements
key: 03 00 00 00  value: 01 01 a8 c0 00 00 00 00
key: 03 0f 20 40  value: 0a 0b 0c 0d 0e 0f 10 11"
testing "dump -j parses back to the same entries" \
	'bpfbox -j map dump pinned $T/h | tr "{" "\n" | grep -c "\"key\""' "2"
testing "dump batch and get_next_key paths print the same bytes" \
	'bpfbox -p map dump pinned $T/h > $WORK/a; BPFBOX_NO_BATCH=1 bpfbox -p map dump pinned $T/h > $WORK/b; cmp $WORK/a $WORK/b && echo same' "same"

# ---- getnext / delete -------------------------------------------------
FIRST=$(bpfbox -j map getnext pinned $T/h | sed 's/.*"next_key":\[\(.*\)\]}/\1/')
testing "getnext without key gives the first key" \
	'bpfbox map getnext pinned $T/h | head -1' "key: None"
testing "getnext -j with a key" \
	'bpfbox -j map getnext pinned $T/h key 1 0 0 10 | sed "s/\"next_key\":.*/NK/"' \
	'{"key":["0x01","0x00","0x00","0x0a"],NK'
testing "delete" \
	'bpfbox map delete pinned $T/h key 3 0 0 0; echo "rc=$?"; bpfbox map dump pinned $T/h' \
	"rc=0
key: 03 0f 20 40  value: 0a 0b 0c 0d 0e 0f 10 11
Found 1 element"
testing "delete of a missing key" \
	'bpfbox map delete pinned $T/h key 3 0 0 0; echo "rc=$?"' \
	"Error: delete failed: No such file or directory
rc=255"

# ---- bad input changes nothing ---------------------------------------
snap() { bpfbox map dump pinned $T/h; }
BEFORE=$(snap)
bad()
{
	testing "bad input: $1" "bpfbox $2; echo \"rc=\$?\"" "$3
rc=255"
	testing "bad input leaves the map as it was: $1" 'snap' "$BEFORE"
}
bad "too few key bytes" "map update pinned $T/h key 1 0 0 value 1 2 3 4 5 6 7 8" \
	"Error: error parsing byte: value"
bad "too many key bytes" "map update pinned $T/h key 1 0 0 0 0 value 1 2 3 4 5 6 7 8" \
	"Error: expected key or value, got: 0"
bad "byte over 255" "map update pinned $T/h key 1 0 0 256 value 1 2 3 4 5 6 7 8" \
	"Error: error parsing byte: 256"
testing "negative byte is an unknown option (getopt), nothing changes" \
	'bpfbox map update pinned $T/h key 1 0 0 -1 value 1 2 3 4 5 6 7 8 2>&1 | head -1; snap' \
	"Error: unrecognized option '-1'
$BEFORE"
bad "not a number" "map update pinned $T/h key 1 0 0 x value 1 2 3 4 5 6 7 8" \
	"Error: error parsing byte: x"
bad "bad hex" "map update pinned $T/h key hex 1 0 0 zz value 1 2 3 4 5 6 7 8" \
	"Error: error parsing byte: zz"
bad "missing value" "map update pinned $T/h key 1 0 0 0" "Error: did not find value"
bad "duplicate key" "map update pinned $T/h key 1 0 0 0 key 1 0 0 0 value 1 2 3 4 5 6 7 8" \
	"Error: duplicate key"
bad "flags twice" "map update pinned $T/h key 1 0 0 0 value 1 2 3 4 5 6 7 8 any exist" \
	"Error: flags specified multiple times: exist"
bad "unknown word" "map update pinned $T/h key 1 0 0 0 value 1 2 3 4 5 6 7 8 sideways" \
	"Error: expected key or value, got: sideways"
bad "no such id" "map update id 4000000000 key 1 0 0 0 value 1 2 3 4 5 6 7 8" \
	"Error: get map by id (4000000000): No such file or directory"
bad "delete with a short key" "map delete pinned $T/h key 3 15 32" \
	"Error: key expected 4 bytes got 3"
bad "freeze with an extra word" "map freeze pinned $T/h now" "Error: what is 'now'?"

# ---- array, per-CPU -----------------------------------------------------
testing "create array (guide)" \
	'bpfbox map create $T/stats_map type array key 4 value 32 entries 8 name stats_map; echo "rc=$?"' "rc=0"
testing "update an array entry, others stay zero" \
	'bpfbox map update pinned $T/stats_map key 1 0 0 0 value 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 && bpfbox map lookup pinned $T/stats_map key 0x01 0x00 0x00 0x00' \
	"key:
01 00 00 00
value:
01 02 03 04 05 06 07 08  09 0a 0b 0c 0d 0e 0f 10
11 12 13 14 15 16 17 18  19 1a 1b 1c 1d 1e 1f 20"
testing "array dump has every index" \
	'bpfbox map dump pinned $T/stats_map | tail -1' "Found 8 elements"
testing "array delete is refused by the kernel" \
	'bpfbox map delete pinned $T/stats_map key 1 0 0 0; echo "rc=$?"' \
	"Error: delete failed: Invalid argument
rc=255"

CPUS=$(bpfbox -j map create $T/pc type percpu_hash key 4 value 4 entries 4 name pc >/dev/null; bpfbox -j map update pinned $T/pc key 1 0 0 0 value 1 2 3 4 >/dev/null; bpfbox map lookup pinned $T/pc key 1 0 0 0 | grep -c "^value (CPU")
testing "per-CPU update replicates the value to every possible CPU" \
	'bpfbox map lookup pinned $T/pc key 1 0 0 0 | grep -c "^value (CPU [0-9][0-9]): 01 02 03 04$"' "$CPUS"
testing "per-CPU -j lists every CPU" \
	'bpfbox -j map lookup pinned $T/pc key 1 0 0 0 | grep -o "\"cpu\":" | wc -l | tr -d " "' "$CPUS"

# ---- queue / stack ---------------------------------------------------------
bpfbox map create $T/q type queue key 0 value 4 entries 4 name q
testing "push/enqueue, peek, pop/dequeue (guide)" \
	'bpfbox map push pinned $T/q value 1 2 3 4 && bpfbox map enqueue pinned $T/q value 5 6 7 8 && bpfbox map peek pinned $T/q && bpfbox map pop pinned $T/q && bpfbox -j map dequeue pinned $T/q' \
	'value: 01 02 03 04
value: 01 02 03 04
{"key":[],"value":["0x05","0x06","0x07","0x08"]}'
testing "pop of an empty queue" \
	'bpfbox map pop pinned $T/q; echo "rc=$?"' "Error: empty map
rc=255"
testing "dump of a queue says why it cannot" \
	'bpfbox map dump pinned $T/q; echo "rc=$?"' \
	"Error: map $(map_id $T/q) is a queue map: it has no keys to dump (use 'map peek' or 'map pop')
rc=255"
testing "queue push needs no key" \
	'bpfbox map push pinned $T/q key 1 value 1 2 3 4; echo "rc=$?"' "Error: unnecessary key
rc=255"

# ---- freeze -------------------------------------------------------------------
testing "freeze (guide), then updates fail and show says frozen" \
	'bpfbox map freeze pinned $T/stats_map && bpfbox map update pinned $T/stats_map key 0 0 0 0 value hex 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00; echo "rc=$?"; bpfbox map show pinned $T/stats_map | tail -1' \
	"Error: update failed: Operation not permitted
rc=255
	frozen"

# ---- pin ------------------------------------------------------------------------
testing "pin by id" \
	'bpfbox map pin id $H_ID $T/h2; echo "rc=$?"; bpfbox -j map show pinned $T/h2 | grep -c "\"id\":$H_ID,"' "rc=0
1"
testing "pin onto an existing path fails" \
	'bpfbox map pin id $H_ID $T/h2; echo "rc=$?"' \
	"Error: can't pin BPF object: path '$T/h2' already exists
rc=255"
testing "name matching several maps: show prints all, lookup refuses" \
	'bpfbox map create $T/h3 type hash key 4 value 8 entries 4 name h_test && bpfbox -j map show name h_test | grep -o "\"name\":\"h_test\"" | wc -l | tr -d " "; bpfbox map lookup name h_test key 1 0 0 0; echo "rc=$?"' \
	"2
Error: several maps match this handle
rc=255"

# ---- create: flags by name, automount, errors ---------------------------------
testing "create with flag names" \
	'bpfbox map create $T/np type hash key 4 value 4 entries 4 name np flags no_prealloc && bpfbox map show pinned $T/np | head -1 | sed "s/^[0-9]*: //"' \
	"hash  name np  flags 0x1"
testing "create mounts bpffs on a plain directory" \
	'mkdir $WORK/auto && bpfbox map create $WORK/auto/m type array key 4 value 4 entries 1 name auto && bpfbox map show pinned $WORK/auto/m | head -1 | sed "s/^[0-9]*: //"; umount $WORK/auto; umount $WORK/auto' \
	"array  name auto  flags 0x0"
testing "create -n refuses to mount" \
	'mkdir -p $WORK/nomount && bpfbox -n map create $WORK/nomount/m type array key 4 value 4 entries 1 name x; echo "rc=$?"' \
	"Error: no BPF file system found, not mounting it due to --nomount option
rc=255"
testing "create with a bad type" \
	'bpfbox map create $T/x type hashy key 4 value 4 entries 1 name x; echo "rc=$?"; test -e $T/x || echo "not created"' \
	"Error: unrecognized map type: hashy
rc=255
not created"
testing "create without a name" \
	'bpfbox map create $T/x type hash key 4 value 4 entries 1 flags 0; echo "rc=$?"' \
	"Error: map name not specified
rc=255"
testing "create refused by the kernel" \
	'bpfbox map create $T/x type hash key 0 value 4 entries 1 name x; echo "rc=$?"' \
	"Error: map create failed: Invalid argument
rc=255"

# ---- map-in-map and prog_array -------------------------------------------------
bpfbox map create $T/inner type array key 4 value 4 entries 2 name inner
bpfbox map create $T/outer type array_of_maps key 4 value 4 entries 2 name outer inner_map pinned $T/inner
INNER_ID=$(map_id $T/inner)
testing "map-in-map update with a MAP value, dump shows inner_map_id" \
	'bpfbox map update pinned $T/outer key 1 0 0 0 value pinned $T/inner && bpfbox map dump pinned $T/outer' \
	"key: 01 00 00 00  inner_map_id: $INNER_ID 
Found 1 element"
testing "map-in-map -j" \
	'bpfbox -j map lookup pinned $T/outer key 1 0 0 0 | sed "s/.*\"inner_map_id\"/inner_map_id/"' \
	"inner_map_id:$INNER_ID}"

# ---- batch ----------------------------------------------------------------------
printf '%s\n' "# comment" "map update pinned $T/h key 7 0 0 0 value 7 7 7 7 7 7 7 7" \
	"map lookup pinned '$T/h' key 7 0 0 0 # trailing comment" "" > $WORK/batch
testing "batch file" 'bpfbox batch file $WORK/batch' \
	"key: 07 00 00 00  value: 07 07 07 07 07 07 07 07
processed 2 commands"
printf '%s\n' "map lookup pinned $T/h key 7 0 0 0" "map lookup pinned $T/h key 7" > $WORK/batch2
testing "batch stops at the failing line and names it" \
	'bpfbox batch file - < $WORK/batch2; echo "rc=$?"' \
	"key: 07 00 00 00  value: 07 07 07 07 07 07 07 07
Error: key expected 4 bytes got 1
Error: batch file -, line 2: command failed
rc=255"
testing "batch -j" 'bpfbox -j batch file $WORK/batch | sed "s|$T|T|g"' \
	'[{"command":["map","update","pinned","T/h","key","7","0","0","0","value","7","7","7","7","7","7","7","7"],"output":null},{"command":["map","lookup","pinned","T/h","key","7","0","0","0"],"output":{"key":["0x07","0x00","0x00","0x00"],"value":["0x07","0x07","0x07","0x07","0x07","0x07","0x07","0x07"]}}]'


# ---- help, version, options -------------------------------------------------------
testing "help goes to stderr, exit 0" 'bpfbox map help 2>/dev/null; echo "rc=$?"' "rc=0"
testing "unknown command prints help and fails" \
	'bpfbox map frobnicate 2>&1 | head -1; bpfbox map frobnicate 2>/dev/null; echo "rc=$?"' \
	"Usage: bpfbox map { show | list }   [MAP]
rc=255"
testing "options after the command" \
	'bpfbox map show pinned $T/np -j | cut -c1-6' '{"id":'
testing "-j help is null" 'bpfbox -j map help' "null"
testing "version" 'bpfbox version | head -1 | cut -d" " -f1' "bpfbox"
testing "unknown option" 'bpfbox -j --frobnicate map show; echo "rc=$?"' \
	"{\"error\":\"unrecognized option '--frobnicate'\"}
rc=255"

# ---- prog_array (guide: value pinned PROG) ------------------------------------
bpfbox map create $T/pa type prog_array key 4 value 4 entries 4 name pa
PA_NAME=pa$$
$H/progload socket $T/prog name $PA_NAME
PROG_ID=$(bpfbox -j prog show pinned $T/prog | sed 's/^{"id":\([0-9]*\),.*/\1/')
testing "prog_array update with a pinned program (guide)" \
	'bpfbox map update pinned $T/pa key 0 0 0 0 value pinned $T/prog; echo "rc=$?"' "rc=0"
testing "prog_array dump shows the program id, skips empty slots" \
	'bpfbox map dump pinned $T/pa' \
	"key: 00 00 00 00  value: $(printf '%02x %02x %02x %02x' $((PROG_ID & 255)) $((PROG_ID >> 8 & 255)) $((PROG_ID >> 16 & 255)) $((PROG_ID >> 24)))
Found 1 element"
testing "prog_array update by program id and by name" \
	'bpfbox map update pinned $T/pa key 1 0 0 0 value id $PROG_ID 2>/dev/null && bpfbox map update pinned $T/pa key 2 0 0 0 value name $PA_NAME; echo "rc=$?"; bpfbox map dump pinned $T/pa | tail -1' \
	"rc=0
Found 3 elements"
testing "prog_array via map id warns that the update may be lost" \
	'bpfbox map update id $(map_id $T/pa) key 0 0 0 0 value pinned $T/prog 2>&1 | head -1' \
	"Warning: updating program array via MAP_ID, make sure this map is kept open"
testing "prog_array value must be a program" \
	'bpfbox map update pinned $T/pa key 0 0 0 0 value pinned $T/pa; echo "rc=$?"' \
	"Error: incorrect object type: map
rc=255"
testing "prog_array value with a bad tag" \
	'bpfbox map update pinned $T/pa key 0 0 0 0 value tag 12zz; echo "rc=$?"' \
	"Error: can't parse tag
rc=255"
testing "map show of a prog_array names its owner program type" \
	'bpfbox map show pinned $T/pa | sed -n 3p' "	owner_prog_type socket_filter  owner jited"

# ---- a map type newer than the kernel: the error names the feature ----------
if bpfbox map create $T/bloom type bloom_filter key 0 value 4 entries 16 name bloom 2>$WORK/bloom.err; then
	testing "bloom filter (5.16+): created, and push works" \
		'bpfbox map push pinned $T/bloom value 1 2 3 4; echo "rc=$?"; bpfbox map show pinned $T/bloom | head -1 | sed "s/^[0-9]*: //"' \
		"rc=0
bloom_filter  name bloom  flags 0x0"
else
	testing "bloom filter on a kernel before 5.16: the hint names the release" \
		'sed -n 2p $WORK/bloom.err | sed "s/this kernel is .*/this kernel is K/"' \
		"Hint: map type bloom_filter needs Linux 5.16; this kernel is K"
fi
