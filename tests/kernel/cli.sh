# The command line as bpftool's getopt_long() reads it, and the promises
# that hold whatever the words: a clear message on every failure, one
# JSON value on stdout in JSON mode, no change when a line is rejected,
# write errors reported.  Sourced by tests/run.sh.

bpfbox map create $T/h type hash key 4 value 4 entries 4 name cli_h
bpfbox map update pinned $T/h key 1 0 0 0 value 2 0 0 0
bpfbox map create $T/q type queue key 0 value 4 entries 4 name cli_q
H_ID=$(map_id $T/h)
HJ="{\"key\":[\"0x01\",\"0x00\",\"0x00\",\"0x00\"],\"value\":[\"0x02\",\"0x00\",\"0x00\",\"0x00\"]}"

# ---- options anywhere, clustered, abbreviated, with values --------------
testing "options after the words (GNU permutation)" \
	'bpfbox map dump pinned $T/h -j' "[$HJ]"
testing "clustered short options" \
	'bpfbox -jn map dump pinned $T/h' "[$HJ]"
testing "long names abbreviated" \
	'bpfbox --js --nom map dump pinned $T/h' "[$HJ]"
testing "-B FILE takes the next word; JSON still decided" \
	'bpfbox -B /sys/kernel/btf/vmlinux -j map dump pinned $T/h' "[$HJ]"
testing "--base-btf=FILE" \
	'bpfbox --base-btf=/sys/kernel/btf/vmlinux -j map dump pinned $T/h' "[$HJ]"
testing "-L and --json: JSON output" \
	'bpfbox -L --json map dequeue pinned $T/q; echo "rc=$?"' "null
rc=255"
testing "-l (bpftool 7.1) and -p: pretty JSON" \
	'bpfbox -l -p map lookup pinned $T/h key 1 0 0 0' '{
    "key": ["0x01","0x00","0x00","0x00"
    ],
    "value": ["0x02","0x00","0x00","0x00"
    ]
}'
testing "-- ends the options" \
	'bpfbox -j -- map dump pinned $T/h' "[$HJ]"
testing "a word after -- that looks like an option is a word" \
	'bpfbox -j -- map dump pinned -x; echo "rc=$?"' \
	"{\"error\":\"bpf obj get (-x): No such file or directory\"}
rc=255"

# ---- rejected options ---------------------------------------------------
testing "unknown option in a cluster: JSON error (decided from the whole line)" \
	'bpfbox -jx map dump pinned $T/h; echo "rc=$?"' \
	"{\"error\":\"unrecognized option '-jx'\"}
rc=255"
testing "unknown option before -j: still JSON" \
	'bpfbox -x -j map show; echo "rc=$?"' \
	"{\"error\":\"unrecognized option '-x'\"}
rc=255"
testing "unknown option in plain mode: error, then the help" \
	'bpfbox --bogus map show 2>&1 | head -2; echo "rc=$?"' \
	"Error: unrecognized option '--bogus'
Usage: bpfbox [OPTIONS] OBJECT { COMMAND | help }
rc=0"
testing "ambiguous abbreviation (--b: bpffs or base-btf)" \
	'bpfbox -j --b map show; echo "rc=$?"' \
	"{\"error\":\"unrecognized option '--b'\"}
rc=255"
testing "missing value of -B" \
	'bpfbox -j map show -B; echo "rc=$?"' \
	"{\"error\":\"unrecognized option '-B'\"}
rc=255"
echo "not BTF" > $WORK/notbtf
testing "-B names a file that is not BTF" \
	'bpfbox -j -B $WORK/notbtf map show; echo "rc=$?"' \
	"{\"error\":\"failed to parse base BTF at '$WORK/notbtf': -22\"}
rc=255"
testing "--json=1 is rejected (in JSON) and creates nothing" \
	'bpfbox --json=1 map create $T/never type hash key 4 value 4 entries 4 name never; [ -e $T/never ]; echo $?; bpfbox -j map show name never | head -c 1' \
	"{\"error\":\"unrecognized option '--json=1'\"}
1
{"
testing "-h stops at once, whatever follows" \
	'bpfbox -h --bogus 2>&1 | head -1; bpfbox -h --bogus >/dev/null 2>&1; echo "rc=$?"' \
	"Usage: bpfbox [OPTIONS] OBJECT { COMMAND | help }
rc=0"

# ---- never silent -------------------------------------------------------
testing "prog show name NOSUCH" \
	'bpfbox prog show name cli_nosuch; echo "rc=$?"' \
	"Error: no program named cli_nosuch
rc=255"
testing "map lookup name of a program's name" \
	'bpfbox -j map lookup name cli_nosuch key 1 0 0 0; echo "rc=$?"' \
	"{\"error\":\"no map named cli_nosuch\"}
rc=255"
testing "map update value name of no program" \
	'bpfbox map create $T/pa type prog_array key 4 value 4 entries 4 name cli_pa; bpfbox map update pinned $T/pa key 0 0 0 0 value name cli_nosuch; echo "rc=$?"' \
	"Error: no program named cli_nosuch
rc=255"
testing "map dump name NOSUCH" \
	'bpfbox map dump name cli_nosuch; echo "rc=$?"' \
	"Error: no map named cli_nosuch
rc=255"
testing "usage error in JSON mode: an error object, not null" \
	'bpfbox -j map dump id; echo "rc=$?"' \
	"{\"error\":\"incomplete or malformed command: see 'bpfbox map help'\"}
rc=255"
testing "usage error in plain mode: the object's help" \
	'bpfbox map dump id 2>&1 | head -1' \
	"Usage: bpfbox map { show | list }   [MAP]"
testing "unknown command in JSON mode" \
	'bpfbox -j map frobnicate; echo "rc=$?"' \
	"{\"error\":\"unknown command 'frobnicate': see 'bpfbox map help'\"}
rc=255"

# ---- batch: the document is complete whatever a line does ---------------
printf 'map lookup pinned %s key 1 0 0 0\nmap dump id\nmap show pinned %s\n' $T/h $T/h > $WORK/batch
testing "-j batch: a usage error ends the run inside a valid document" \
	'bpfbox -j batch file $WORK/batch; echo "rc=$?"' \
	"[{\"command\":[\"map\",\"lookup\",\"pinned\",\"$T/h\",\"key\",\"1\",\"0\",\"0\",\"0\"],\"output\":$HJ},{\"command\":[\"map\",\"dump\",\"id\"],\"output\":{\"error\":\"incomplete or malformed command: see 'bpfbox map help'\"},\"error\":\"batch file $WORK/batch, line 2: command failed\"}]
rc=255"
testing "plain batch: the help, then which line failed" \
	'bpfbox batch file $WORK/batch 2>&1 | sed -n "1,2p;/^Error/p"' \
	"key: 01 00 00 00  value: 02 00 00 00
Usage: bpfbox map { show | list }   [MAP]
Error: batch file $WORK/batch, line 2: command failed"
printf 'map dump pinned %s\nmap lookup pinned %s key 9 9 9 9\n' $T/h $T/h > $WORK/batch
testing "-p batch: a failing line gives valid JSON" \
	'bpfbox -p batch file $WORK/batch; echo "rc=$?"' \
	"[{
        \"command\": [\"map\",\"dump\",\"pinned\",\"$T/h\"
        ],
        \"output\": [{
                \"key\": [\"0x01\",\"0x00\",\"0x00\",\"0x00\"
                ],
                \"value\": [\"0x02\",\"0x00\",\"0x00\",\"0x00\"
                ]
            }
        ]
    },{
        \"command\": [\"map\",\"lookup\",\"pinned\",\"$T/h\",\"key\",\"9\",\"9\",\"9\",\"9\"
        ],
        \"output\": null,
        \"error\": \"batch file $WORK/batch, line 2: command failed\"
    }
]
rc=255"
printf 'batch file %s\n' $WORK/batch2 > $WORK/batch2
testing "a batch file that runs itself stops" \
	'bpfbox batch file $WORK/batch2 2>&1 | head -1; echo "rc=$?"' \
	"Error: batch files nest more than 8 deep
rc=0"

# ---- write errors -------------------------------------------------------
testing "a full disk is an error" \
	'bpfbox -j map show pinned $T/h > /dev/full; echo "rc=$?"' \
	"Error: write error: No space left on device
rc=255"
testing "a closed pipe ends quietly" \
	'bpfbox map dump pinned $T/h | head -c 1; echo' "k"
printf 'map show pinned %s\0 id 5\n' $T/h > $WORK/batch
testing "a NUL byte in a batch file is an error, not a cut line" \
	'bpfbox batch file $WORK/batch; echo "rc=$?"' \
	"Error: line 1 of $WORK/batch holds a NUL byte
rc=255"
