# btf dump (issue 10): raw (plain, -j, -p) and C output of BTF from files
# (raw blobs of either byte order, ELF objects), kernel objects by id,
# maps and programs.  Test BTF comes from tests/helpers/mkbtfmap (layouts
# in tests/helpers/btf_layouts.h; "cdecl" holds the C corner cases).
#
# Expected texts are bpftool's.  With bpftool installed (CI), outputs are
# also compared with it; where upstream main differs from the installed
# 7.1 (C header guards, kfunc block, enum mode attributes), 7.1's output
# is brought to main's before comparing.  bpfbox prints unsigned 32-bit
# enum values as such in JSON (docs/compat.md): bpftool's sign-extended
# ones are converted back for the comparison.

V=/sys/kernel/btf/vmlinux
if [ ! -x "$H/mkbtfmap" ]; then
	skip "btf dump" "helper $H/mkbtfmap not built (make test-helpers)"
else
for l in cdecl datasec enums; do
	"$H/mkbtfmap" -o $l "$WORK/$l.btf"
done
for f in swapped elf64le elf32be; do
	"$H/mkbtfmap" -o cdecl "$WORK/cdecl.$f" $f
done

# The C header of BTF file $2 compiles for BPF (clang -target bpf).
compiles() {
	if ! command -v clang > /dev/null 2>&1; then
		skip "$1" "clang not installed"
		return
	fi
	_src=$2
	echo '#include "hdr.h"' > "$WORK/inc.c"
	echo 'int x;' >> "$WORK/inc.c"
	rm -f "$WORK/inc.o"
	testing "$1" 'bpfbox btf dump file $_src format c > $WORK/hdr.h 2> /dev/null &&
		clang -target bpf -c -o $WORK/inc.o -I$WORK $WORK/inc.c 2>&1 | head -n 5 &&
		[ -s $WORK/inc.o ] && echo ok' "ok"
}

# A C header without its guards (upstream main's): the definitions.
noguards() { sed '1,/^#endif$/d' | sed '/^#ifndef __ksym/,/^$/d; /^#ifndef __weak/,/^$/d; /^#ifndef __bpf_fastcall/,/^$/d'; }

# ---- raw --------------------------------------------------------------------
testing "btf dump file: raw VAR and DATASEC" \
	'bpfbox btf dump file $WORK/datasec.btf' \
	'[1] INT '"'"'unsigned int'"'"' size=4 bits_offset=0 nr_bits=32 encoding=(none)
[2] INT '"'"'int'"'"' size=4 bits_offset=0 nr_bits=32 encoding=SIGNED
[3] INT '"'"'char'"'"' size=1 bits_offset=0 nr_bits=8 encoding=SIGNED
[4] INT '"'"'unsigned short'"'"' size=2 bits_offset=0 nr_bits=16 encoding=(none)
[5] ARRAY '"'"'(anon)'"'"' type_id=3 index_type_id=1 nr_elems=8
[6] ARRAY '"'"'(anon)'"'"' type_id=4 index_type_id=1 nr_elems=2
[7] VAR '"'"'counter'"'"' type_id=2, linkage=global
[8] VAR '"'"'label'"'"' type_id=5, linkage=global
[9] VAR '"'"'pair'"'"' type_id=6, linkage=static
[10] DATASEC '"'"'.data'"'"' size=16 vlen=3
	type_id=7 offset=0 size=4 (VAR '"'"'counter'"'"')
	type_id=8 offset=4 size=8 (VAR '"'"'label'"'"')
	type_id=9 offset=12 size=4 (VAR '"'"'pair'"'"')'
testing "btf -j dump file: raw VAR and DATASEC" \
	'bpfbox -j btf dump file $WORK/datasec.btf' \
	'{"types":[{"id":1,"kind":"INT","name":"unsigned int","size":4,"bits_offset":0,"nr_bits":32,"encoding":"(none)"},{"id":2,"kind":"INT","name":"int","size":4,"bits_offset":0,"nr_bits":32,"encoding":"SIGNED"},{"id":3,"kind":"INT","name":"char","size":1,"bits_offset":0,"nr_bits":8,"encoding":"SIGNED"},{"id":4,"kind":"INT","name":"unsigned short","size":2,"bits_offset":0,"nr_bits":16,"encoding":"(none)"},{"id":5,"kind":"ARRAY","name":"(anon)","type_id":3,"index_type_id":1,"nr_elems":8},{"id":6,"kind":"ARRAY","name":"(anon)","type_id":4,"index_type_id":1,"nr_elems":2},{"id":7,"kind":"VAR","name":"counter","type_id":2,"linkage":"global"},{"id":8,"kind":"VAR","name":"label","type_id":5,"linkage":"global"},{"id":9,"kind":"VAR","name":"pair","type_id":6,"linkage":"static"},{"id":10,"kind":"DATASEC","name":".data","size":16,"vlen":3,"vars":[{"type_id":7,"offset":0,"size":4},{"type_id":8,"offset":4,"size":8},{"type_id":9,"offset":12,"size":4}]}]}'
testing "btf dump file: ENUM, ENUM64, TYPE_TAG, DECL_TAG lines" \
	'bpfbox btf dump file $WORK/cdecl.btf | grep -A2 "ENUM\\|TAG"' \
	'[27] TYPE_TAG '"'"'user'"'"' type_id=1
[28] PTR '"'"'(anon)'"'"' type_id=27
[29] PTR '"'"'(anon)'"'"' type_id=1
--
[33] ENUM64 '"'"'big'"'"' encoding=UNSIGNED size=8 vlen=2
	'"'"'BIG'"'"' val=1099511627776ULL
	'"'"'SMALL'"'"' val=1ULL
[34] ENUM64 '"'"'neg64'"'"' encoding=SIGNED size=8 vlen=1
	'"'"'NEG'"'"' val=-5LL
[35] ENUM '"'"'e8'"'"' encoding=UNSIGNED size=1 vlen=1
	'"'"'E8_A'"'"' val=1
[36] ENUM '"'"'(anon)'"'"' encoding=UNSIGNED size=4 vlen=2
	'"'"'ANON_A'"'"' val=0
	'"'"'E8_A'"'"' val=2
--
[44] DECL_TAG '"'"'bpf_kfunc'"'"' type_id=43 component_idx=-1'
testing "btf dump file: root_id picks types, in the order given" \
	'bpfbox btf dump file $WORK/cdecl.btf root_id 10 root_id 0 root_id 9' \
	'[10] STRUCT '"'"'bits_s'"'"' size=8 vlen=3
	'"'"'x'"'"' type_id=4 bits_offset=0 bitfield_size=3
	'"'"'y'"'"' type_id=4 bits_offset=3 bitfield_size=5
	'"'"'z'"'"' type_id=1 bits_offset=32 bitfield_size=20
[0] UNKNOWN '"'"'(anon)'"'"'
[9] STRUCT '"'"'gap_s'"'"' size=12 vlen=2
	'"'"'a'"'"' type_id=1 bits_offset=0
	'"'"'b'"'"' type_id=1 bits_offset=64'
testing "btf -p dump file: ENUM64 and FUNC by root_id" \
	'bpfbox -p btf dump file $WORK/cdecl.btf root_id 34 root_id 43' \
	'{
    "types": [{
            "id": 34,
            "kind": "ENUM64",
            "name": "neg64",
            "encoding": "SIGNED",
            "size": 8,
            "vlen": 1,
            "values": [{
                    "name": "NEG",
                    "val": -5
                }
            ]
        },{
            "id": 43,
            "kind": "FUNC",
            "name": "cdecl_kfunc",
            "type_id": 42,
            "linkage": "global"
        }
    ]
}'
bpfbox btf dump file $WORK/cdecl.btf > $WORK/cdecl.raw
for f in swapped elf64le elf32be; do
	testing "btf dump file: $f BTF reads as the native blob" \
		'bpfbox btf dump file $WORK/cdecl.$f | cmp - $WORK/cdecl.raw && echo same' "same"
done

# Split BTF (a module's, on its vmlinux): -B names the base.
"$H/mkbtfmap" -o cdecl $WORK/split.btf split
"$H/mkbtfmap" -o cdecl $WORK/split.elf elf32be
testing "btf dump -B: split BTF, ids after the base's" \
	'bpfbox -B $WORK/split.btf.base btf dump file $WORK/split.btf' \
	"[45] TYPEDEF 'base_value_t' type_id=41
[46] PTR '(anon)' type_id=45
[47] PTR '(anon)' type_id=1
[48] STRUCT 'module_s' size=16 vlen=2
	'v' type_id=46 bits_offset=0
	'first' type_id=47 bits_offset=64"
testing "btf dump -B: a base in a big-endian ELF object" \
	'bpfbox -B $WORK/split.elf btf dump file $WORK/split.btf root_id 48 root_id 1' \
	"[48] STRUCT 'module_s' size=16 vlen=2
	'v' type_id=46 bits_offset=0
	'first' type_id=47 bits_offset=64
[1] INT 'int' size=4 bits_offset=0 nr_bits=32 encoding=SIGNED"
testing "btf dump: split BTF without its base" \
	'bpfbox btf dump file $WORK/split.btf; echo "rc=$?"' \
	"Error: failed to load BTF from $WORK/split.btf: Invalid argument
rc=255"
testing "btf dump -B format c: the module's types and the base's they need" \
	'bpfbox -B $WORK/split.btf.base btf dump file $WORK/split.btf format c root_id 48 | noguards' \
	"
struct cdecl;

typedef struct cdecl base_value_t;

struct module_s {
	base_value_t *v;
	int *first;
};

#ifndef BPF_NO_PRESERVE_ACCESS_INDEX
#pragma clang attribute pop
#endif

#endif /* __VMLINUX_H__ */"

# Several files: appended on the base and deduplicated (libbpf's
# btf__add_btf() + btf__dedup(), upstream 2026; the expected output is
# what upstream bpftool prints: 7.1 takes one file only).
"$H/mkbtfmap" -o cdecl $WORK/split2.btf split2
testing "btf dump -B file A file B: shared types once, FWD resolved" \
	'bpfbox -B $WORK/split.btf.base btf dump file $WORK/split.btf file $WORK/split2.btf' \
	"[45] TYPEDEF 'base_value_t' type_id=41
[46] PTR '(anon)' type_id=45
[47] STRUCT 'module_s' size=16 vlen=2
	'v' type_id=46 bits_offset=0
	'first' type_id=29 bits_offset=64
[48] PTR '(anon)' type_id=47
[49] STRUCT 'other_s' size=16 vlen=2
	'm' type_id=48 bits_offset=0
	'v' type_id=46 bits_offset=64"
testing "btf dump -B file A file A: the copy goes, a base PTR replaces the module's" \
	'bpfbox -B $WORK/split.btf.base btf dump file $WORK/split.btf file $WORK/split.btf' \
	"[45] TYPEDEF 'base_value_t' type_id=41
[46] PTR '(anon)' type_id=45
[47] STRUCT 'module_s' size=16 vlen=2
	'v' type_id=46 bits_offset=0
	'first' type_id=29 bits_offset=64"
testing "btf dump -B file A file B format c: one header for both" \
	'bpfbox -B $WORK/split.btf.base btf dump file $WORK/split.btf file $WORK/split2.btf format c root_id 49 | noguards' \
	"
struct module_s;

struct cdecl;

typedef struct cdecl base_value_t;

struct other_s {
	struct module_s *m;
	base_value_t *v;
};

#ifndef BPF_NO_PRESERVE_ACCESS_INDEX
#pragma clang attribute pop
#endif

#endif /* __VMLINUX_H__ */"
testing "btf dump file A file B: a bad file is named" \
	'bpfbox -B $WORK/split.btf.base btf dump file $WORK/split.btf file $WORK/cdecl.raw; echo "rc=$?"' \
	"Error: failed to load BTF from $WORK/cdecl.raw: not a BTF blob or an ELF object
rc=255"

# A real BPF object, built for both byte orders (clang -g: .BTF section).
if command -v clang > /dev/null 2>&1; then
	cat > $WORK/obj.c <<'EOC'
struct pair { int a; long b; };
struct pair g_pair;
__attribute__((section("socket"))) int prog(void *ctx) { return g_pair.a; }
EOC
	clang -target bpfel -g -O2 -c $WORK/obj.c -o $WORK/obj_el.o 2> /dev/null
	clang -target bpfeb -g -O2 -c $WORK/obj.c -o $WORK/obj_eb.o 2> /dev/null
	testing "btf dump file: clang's BPF objects, little and big endian" \
		'bpfbox btf dump file $WORK/obj_el.o > $WORK/obj_el.txt; grep -c "STRUCT .pair. size=16" $WORK/obj_el.txt; bpfbox btf dump file $WORK/obj_eb.o | cmp - $WORK/obj_el.txt && echo same' \
		"1
same"
else
	skip "btf dump file: clang's BPF objects" "clang not installed"
fi

# ---- C -----------------------------------------------------------------------
testing "btf dump format c unsorted: every corner of cdecl" \
	'bpfbox btf dump file $WORK/cdecl.btf format c unsorted | noguards' \
	'
struct node {
	struct node *next;
	int val;
};

struct packed_s {
	char a;
	int b;
} __attribute__((packed));

struct gap_s {
	int a;
	long: 0;
	int b;
};

struct bits_s {
	short unsigned int x: 3;
	short unsigned int y: 5;
	int: 24;
	int z: 20;
};

typedef int t1;

typedef t1 t2;

typedef const t2 *t3;

enum big {
	BIG = 1099511627776ULL,
	SMALL = 1ULL,
};

enum neg64 {
	NEG = -5LL,
};

enum e8 {
	E8_A = 1,
} __attribute__((mode(byte)));

struct dup {
	int x;
};

struct dup___2 {
	long int y;
};

struct opaque;

struct cdecl {
	struct packed_s packed;
	struct node *head;
	struct gap_s gap;
	struct bits_s bits;
	union {
		long int whole;
		struct {
			int lo;
			int hi;
		};
	};
	void (*handlers[4])(int);
	int (*logf)(const char *, ...);
	void (*cb)(void);
	t3 cp;
	int __attribute__((btf_type_tag("user"))) *up;
	int * volatile vp;
	int m[2][3];
	enum big e64u;
	enum neg64 e64s;
	enum e8 e8;
	enum {
		ANON_A = 0,
		E8_A___2 = 2,
	} anon_e;
	struct dup d1;
	struct dup___2 d2;
	struct opaque *opq;
	double f;
};


/* BPF kfuncs */
#ifndef BPF_NO_KFUNC_PROTOTYPES
extern int cdecl_kfunc(int arg) __weak __ksym;
#endif

#ifndef BPF_NO_PRESERVE_ACCESS_INDEX
#pragma clang attribute pop
#endif

#endif /* __VMLINUX_H__ */'
testing "btf dump format c: root_id limits to what the types need" \
	'bpfbox btf dump file $WORK/cdecl.btf format c root_id 9 root_id 38 root_id 12 | noguards' \
	'
struct gap_s {
	int a;
	long: 0;
	int b;
};

struct dup {
	long int y;
};

#ifndef BPF_NO_PRESERVE_ACCESS_INDEX
#pragma clang attribute pop
#endif

#endif /* __VMLINUX_H__ */'
compiles "btf dump format c: the cdecl header compiles" $WORK/cdecl.btf

# ---- errors ------------------------------------------------------------------
testing "btf help: upstream main's text" \
	'bpfbox btf help' \
	"Usage: bpfbox btf { show | list } [id BTF_ID]
       bpfbox btf dump BTF_SRC [format FORMAT] [root_id ROOT_ID]
       bpfbox btf help

       BTF_SRC := { id BTF_ID | prog PROG | map MAP [{key | value | kv | all}] |
                    file FILE [file FILE]... }
       FORMAT  := { raw | c [unsorted] }
       MAP := { id MAP_ID | pinned FILE | name MAP_NAME }
       PROG := { id PROG_ID | pinned FILE | tag PROG_TAG | name PROG_NAME }
       OPTIONS := { {-j|--json} [{-p|--pretty}] | {-d|--debug} |
                    {-B|--base-btf} }"
printf 'not btf' > $WORK/junk
head -c 40 $WORK/cdecl.btf > $WORK/short.btf
"$H/mkbtfmap" -o cdecl $WORK/noBTF.elf elf64le && sed 's/\.BTF/.XYZ/' $WORK/noBTF.elf > $WORK/nosec.elf
testing "btf dump: too few words" \
	'bpfbox btf dump 2>&1 | head -n 2; bpfbox btf dump file > /dev/null 2>&1; echo "rc=$?"' \
	"Error: 'dump' needs at least 2 arguments, 0 found
Usage: bpfbox btf { show | list } [id BTF_ID]
rc=255"
testing "btf dump: unknown source" \
	'bpfbox btf dump disk x; echo "rc=$?"' \
	"Error: unrecognized BTF source specifier: 'disk'
rc=255"
testing "btf dump: neither BTF nor ELF" \
	'bpfbox btf dump file $WORK/junk; echo "rc=$?"' \
	"Error: failed to load BTF from $WORK/junk: not a BTF blob or an ELF object
rc=255"
testing "btf dump: truncated BTF" \
	'bpfbox -j btf dump file $WORK/short.btf; echo "rc=$?"' \
	"{\"error\":\"failed to load BTF from $WORK/short.btf: Invalid argument\"}
rc=255"
testing "btf dump: ELF without .BTF" \
	'bpfbox btf dump file $WORK/nosec.elf; echo "rc=$?"' \
	"Error: failed to load BTF from $WORK/nosec.elf: no .BTF section
rc=255"
testing "btf dump: a missing file" \
	'bpfbox btf dump file $WORK/none; echo "rc=$?"' \
	"Error: failed to load BTF from $WORK/none: No such file or directory
rc=255"
testing "btf dump: bad format" \
	'bpfbox btf dump file $WORK/cdecl.btf format h; echo "rc=$?"' \
	"Error: unrecognized format specifier: 'h', possible values: raw, c
rc=255"
testing "btf dump: root_id out of range" \
	'bpfbox btf dump file $WORK/cdecl.btf root_id 45; echo "rc=$?"' \
	"Error: invalid root ID: 45
rc=255"
testing "btf dump: root_id twice" \
	'bpfbox btf dump file $WORK/cdecl.btf root_id 4 root_id 0x4; echo "rc=$?"' \
	"Error: duplicate root_id 4 supplied
rc=255"
testing "btf dump: root_id not a number" \
	'bpfbox btf dump file $WORK/cdecl.btf root_id 4x; echo "rc=$?"' \
	"Error: can't parse 4x as root ID
rc=255"
testing "btf dump: 17 root_ids" \
	'bpfbox btf dump file $WORK/cdecl.btf $(i=1; while [ $i -le 17 ]; do echo root_id $i; i=$((i + 1)); done); echo "rc=$?"' \
	"Error: only 16 root_id are supported
rc=255"
testing "btf -j dump format c: no JSON for C" \
	'bpfbox -j btf dump file $WORK/cdecl.btf format c; echo "rc=$?"' \
	'{"error":"JSON output for C-syntax dump is not supported"}
rc=255'
testing "btf dump: unknown word" \
	'bpfbox btf dump file $WORK/cdecl.btf sorted; echo "rc=$?"' \
	"Error: unrecognized option: 'sorted'
rc=255"
testing "btf dump: several files need a base" \
	'bpfbox btf dump file $WORK/cdecl.btf file $WORK/enums.btf; echo "rc=$?"' \
	"Error: base BTF is required when merging multiple BTF files; use -B/--base-btf or use sysfs paths
rc=255"

if command -v mkfifo > /dev/null 2>&1 && command -v timeout > /dev/null 2>&1 && mkfifo $WORK/btf_fifo; then
	# A FIFO has no writer: reading it would wait for ever.  Refused as
	# libbpf refuses what it cannot seek.
	testing "btf dump file FIFO: refused, no wait" \
		'timeout 10 "$BPFBOX" btf dump file $WORK/btf_fifo; echo "rc=$?"' \
		"Error: failed to load BTF from $WORK/btf_fifo: Illegal seek
rc=255"
	testing "-B FIFO: refused, no wait" \
		'timeout 10 "$BPFBOX" -B $WORK/btf_fifo btf show; echo "rc=$?"' \
		"Error: failed to parse base BTF at '$WORK/btf_fifo': -29
rc=255"
	rm -f $WORK/btf_fifo
else
	skip "btf dump file FIFO" "no mkfifo or timeout here"
fi

# ---- kernel objects: map, prog, id -------------------------------------------
if ! "$H/mkbtfmap" cdecl "$T/cdecl" 2> "$WORK/mkbtfmap.cdecl"; then
	skip "btf dump map" "this kernel rejects the cdecl BTF (ENUM64: 6.0, TYPE_TAG: 5.17, DECL_TAG: 5.16): $(tail -n 1 "$WORK/mkbtfmap.cdecl")"
else
	testing "btf dump map: key and value types" \
		'bpfbox btf dump map pinned $T/cdecl | cut -c1-40' \
		"[1] INT 'int' size=4 bits_offset=0 nr_bi
[41] STRUCT 'cdecl' size=200 vlen=20
	'packed' type_id=8 bits_offset=0
	'head' type_id=6 bits_offset=64
	'gap' type_id=9 bits_offset=128
	'bits' type_id=10 bits_offset=224
	'(anon)' type_id=12 bits_offset=320
	'handlers' type_id=15 bits_offset=384
	'logf' type_id=19 bits_offset=640
	'cb' type_id=21 bits_offset=704
	'cp' type_id=26 bits_offset=768
	'up' type_id=28 bits_offset=832
	'vp' type_id=30 bits_offset=896
	'm' type_id=32 bits_offset=960
	'e64u' type_id=33 bits_offset=1152
	'e64s' type_id=34 bits_offset=1216
	'e8' type_id=35 bits_offset=1280
	'anon_e' type_id=36 bits_offset=1312
	'd1' type_id=37 bits_offset=1344
	'd2' type_id=38 bits_offset=1408
	'opq' type_id=40 bits_offset=1472
	'f' type_id=5 bits_offset=1536"
	testing "btf dump map key: root_id is refused with a type filter" \
		'bpfbox btf dump map pinned $T/cdecl key root_id 1; echo "rc=$?"' \
		"Error: cannot use root_id with other type filtering
rc=255"
	testing "btf dump map all: every type, same as the file" \
		'bpfbox btf dump map pinned $T/cdecl all | cmp - $WORK/cdecl.raw && echo same' "same"
	id=$(bpfbox -j map show pinned "$T/cdecl" | sed -n 's/.*"btf_id":\([0-9]*\).*/\1/p')
	testing "btf dump id: the map's BTF" \
		'bpfbox btf dump id $id | cmp - $WORK/cdecl.raw && echo same' "same"
	testing "btf dump map value format c" \
		'bpfbox btf dump map pinned $T/cdecl value format c | noguards | grep -c "^struct cdecl {"' "1"
fi
bpfbox map create $T/nobtf type hash key 4 value 4 entries 4 name nobtf
testing "btf dump map: a map without BTF (one error, bpftool prints two)" \
	'bpfbox -j btf dump map pinned $T/nobtf; echo "rc=$?"' \
	'{"error":"can'"'"'t get BTF object by id (0): No such file or directory"}
rc=255'
mkdir -p "$T/shared"
if "$H/mkbtfmap" -s 1 1 union "$T/shared" 2> "$WORK/mkbtfmap.shared"; then
	testing "btf dump prog: its BTF" \
		'bpfbox btf dump prog pinned $T/shared/p0 | grep "FUNC "' \
		"[10] FUNC 'btf_prog' type_id=9 linkage=global"
else
	skip "btf dump prog" "cannot load a program with BTF: $(tail -n 1 "$WORK/mkbtfmap.shared")"
fi

# ---- kernel BTF ---------------------------------------------------------------
if [ ! -r $V ]; then
	skip "btf dump vmlinux" "no $V (CONFIG_DEBUG_INFO_BTF)"
else
	testing "btf dump file vmlinux: every type" \
		'bpfbox btf dump file $V 2>/dev/null | grep -c "^\["' \
		"$(bpfbox -j btf dump file $V | grep -o '{"id":' | wc -l | tr -d ' ')"
	testing "btf dump file vmlinux: notice that vmlinux is the base" \
		'bpfbox btf dump file $V 2>&1 >/dev/null' \
		"skipping $V (will be loaded as base)"
	compiles "btf dump format c: vmlinux.h compiles" $V
	mods=$(ls /sys/kernel/btf | grep -v '^vmlinux$' | head -n 3)
	if [ -z "$mods" ]; then
		skip "btf dump module" "no module BTF in /sys/kernel/btf (5.11+, CONFIG_DEBUG_INFO_BTF_MODULES, modules loaded)"
	fi
	for m in $mods; do
		testing "btf dump file module $m: split on vmlinux" \
			'bpfbox btf dump file /sys/kernel/btf/$m | head -n 1 | grep -c "^\[$(($(bpfbox -j btf dump file $V 2>/dev/null | grep -o "{\"id\":" | wc -l) + 1))\] "' "1"
		compiles "btf dump format c: module $m header compiles" /sys/kernel/btf/$m
	done
	# Two modules merged: split on vmlinux, no more types than both
	# (their vmlinux types are the base's already), every named struct
	# of each still there.
	m1=$(echo $mods | cut -d" " -f1) m2=$(echo $mods | cut -d" " -s -f2)
	if [ -n "$m2" ]; then
		bpfbox btf dump file /sys/kernel/btf/$m1 > $WORK/m1.raw 2>/dev/null
		bpfbox btf dump file /sys/kernel/btf/$m2 > $WORK/m2.raw 2>/dev/null
		testing "btf dump file $m1 file $m2: merged on vmlinux" \
			'bpfbox btf dump file /sys/kernel/btf/$m1 file /sys/kernel/btf/$m2 > $WORK/m12.raw; head -n 1 $WORK/m12.raw | cut -d" " -f1; [ $(grep -c "^\[" $WORK/m12.raw) -le $(cat $WORK/m1.raw $WORK/m2.raw | grep -c "^\[") ] && echo fewer; grep -ho "STRUCT .[a-z_0-9]*." $WORK/m1.raw $WORK/m2.raw | sort -u > $WORK/m.want; grep -o "STRUCT .[a-z_0-9]*." $WORK/m12.raw | sort -u | comm -23 $WORK/m.want - | wc -l' \
			"$(head -n 1 $WORK/m1.raw | cut -d" " -f1)
fewer
0"
		compiles "btf dump format c: modules $m1 and $m2 in one header" "/sys/kernel/btf/$m1 file /sys/kernel/btf/$m2"
	fi
fi

# ---- side by side with bpftool -----------------------------------------------
if ! command -v bpftool > /dev/null 2>&1; then
	skip "btf dump: same as bpftool" "bpftool not installed"
else
	# bpftool 7.1's header, kfunc block and enum attributes -> main's
	main_c() {
		awk 'NR == 8 { print "#ifndef __ksym\n#define __ksym __attribute__((section(\".ksyms\")))\n#endif\n\n#ifndef __weak\n#define __weak __attribute__((weak))\n#endif\n\n#ifndef __bpf_fastcall\n#if __has_attribute(bpf_fastcall)\n#define __bpf_fastcall __attribute__((bpf_fastcall))\n#else\n#define __bpf_fastcall\n#endif\n#endif\n" } { print }'
	}
	# no mode attributes, no kfunc block (and the blank line before it)
	mine_c() {
		sed 's/ __attribute__((mode(byte)))//; s/ __attribute__((mode(word)))//' | awk '
		skip == 1 { if ($0 == "#endif") skip = 2; next }
		skip == 2 { skip = 0; next }
		held { held = 0; if ($0 == "/* BPF kfuncs */") { skip = 1; next } print "" }
		$0 == "" { held = 1; next }
		{ print }
		END { if (held) print "" }'
	}
	# bpftool's -j/-p: unsigned ENUM values above 2^31 sign-extended
	unsign() {
		sed 's/},{"id"/},\n{"id"/g' | awk '/"kind": ?"/ { e = ($0 ~ /"kind": ?"ENUM"/) }
		e { while (match($0, /"val": ?18446744[0-9]+/)) { s = substr($0, RSTART, RLENGTH); n = s; sub(/.*: ?/, "", n); v = substr(n, 9) - 69414584320; pre = substr(s, 1, length(s) - length(n)); $0 = substr($0, 1, RSTART - 1) pre "#" sprintf("%.0f", v) substr($0, RSTART + RLENGTH) } gsub(/#/, "") } { print }'
	}
	same() {
		_what=$1; shift; _args="$*"
		testing "btf dump $_what: same as bpftool" \
			'bpfbox $_args 2>&1 | unsign' "$(bpftool $_args 2>&1 | unsign)"
	}
	for f in cdecl datasec enums; do
		for m in "" -j -p; do
			same "file $f ${m:-plain}" $m btf dump file $WORK/$f.btf
		done
	done
	for f in swapped elf64le elf32be; do
		same "file cdecl.$f" btf dump file $WORK/cdecl.$f
	done
	for m in "" -j; do
		same "-B split ${m:-plain}" $m -B $WORK/split.btf.base btf dump file $WORK/split.btf
	done
	testing "btf dump -B format c unsorted: split BTF as bpftool" \
		'bpfbox -B $WORK/split.btf.base btf dump file $WORK/split.btf format c unsorted | mine_c' \
		"$(bpftool -B $WORK/split.btf.base btf dump file $WORK/split.btf format c | main_c | mine_c)"
	for f in obj_el.o obj_eb.o; do
		[ -e $WORK/$f ] && same "file $f (clang)" -p btf dump file $WORK/$f
	done
	if [ -e "$T/cdecl" ]; then
		for s in "" key value kv all; do
			for m in "" -j; do
				same "map ${s:-(kv)} ${m:-plain}" $m btf dump map pinned $T/cdecl $s
			done
		done
		same "id" -p btf dump id $id
	fi
	if [ -e "$T/shared/p0" ] && bpftool -j btf dump prog pinned $T/shared/p0 2>&1 | grep -q '"error"'; then
		# bpftool 7.1 asks for BTF info fields 5.10 does not know (E2BIG).
		skip "btf dump prog: same as bpftool" "bpftool cannot read the program's BTF here: $(bpftool btf dump prog pinned $T/shared/p0 2>&1 | head -n 1)"
	elif [ -e "$T/shared/p0" ]; then
		same "prog" -j btf dump prog pinned $T/shared/p0
	fi
	for l in $("$H/mkbtfmap" -l); do
		"$H/mkbtfmap" -o $l "$WORK/l.$l"
		testing "btf dump format c unsorted: layout $l as bpftool (main's header)" \
			'bpfbox btf dump file $WORK/l.$l format c unsorted | mine_c' \
			"$(bpftool btf dump file $WORK/l.$l format c | main_c | mine_c)"
	done
	if [ -r $V ] && [ -n "$BPFBOX_SLOW" ]; then
		# Tens of megabytes through sed and awk take many minutes on an
		# emulated CPU; the host's run compares them.
		skip "btf dump vmlinux: same as bpftool" "whole-kernel comparisons are left to the host run (BPFBOX_SLOW: emulated CPU)"
	elif [ -r $V ]; then
		for m in "" -j -p; do
			testing "btf dump vmlinux ${m:-plain}: same as bpftool" \
				'bpfbox $m btf dump file $V 2>/dev/null | unsign | md5sum' \
				"$(bpftool $m btf dump file $V 2>/dev/null | unsign | md5sum)"
		done
		vid=$(bpfbox -j btf list | sed -n 's/.*{"id":\([0-9]*\),[^{]*"kernel":true,"name":"vmlinux"}.*/\1/p')
		if [ -n "$vid" ]; then
			testing "btf dump id (vmlinux): same as bpftool" \
				'bpfbox btf dump id $vid | md5sum' "$(bpftool btf dump id $vid | md5sum)"
		fi
		testing "btf dump format c unsorted: vmlinux as bpftool" \
			'bpfbox btf dump file $V format c unsorted 2>/dev/null | mine_c | md5sum' \
			"$(bpftool btf dump file $V format c 2>/dev/null | main_c | mine_c | md5sum)"
		# Sorted: the same definitions (names numbered ___N in another
		# order, forward declarations where the order needs them).
		decls() {
			sed 's/___[0-9][0-9]*//g; s/ __attribute__((mode(byte)))//; s/ __attribute__((mode(word)))//' |
			awk 'BEGIN { RS = "" } { gsub(/\n/, "\001"); print }' |
			grep -Ev '^(struct|union) [A-Za-z_0-9]+;$|BPF kfuncs|^#' | sort
		}
		testing "btf dump format c: vmlinux holds bpftool's definitions" \
			'bpfbox btf dump file $V format c 2>/dev/null | decls | md5sum' \
			"$(bpftool btf dump file $V format c 2>/dev/null | decls | md5sum)"
		for m in $mods; do
			testing "btf dump module $m: same as bpftool" \
				'bpfbox btf dump file /sys/kernel/btf/$m | md5sum' \
				"$(bpftool btf dump file /sys/kernel/btf/$m | md5sum)"
			testing "btf dump format c unsorted: module $m as bpftool" \
				'bpfbox btf dump file /sys/kernel/btf/$m format c unsorted | mine_c | md5sum' \
				"$(bpftool btf dump file /sys/kernel/btf/$m format c | main_c | mine_c | md5sum)"
		done
	fi
fi

fi
