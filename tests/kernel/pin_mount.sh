# A failed pin leaves no mount behind.  bpftool mounts bpffs on the pin's
# directory when it is not on one, then pins, and keeps the mount when the
# pin fails; bpfbox checks the whole path first and unmounts what it
# mounted when the pin still fails.  Each failing pin below compares the
# mounts on and below a plain (not bpffs) directory before and after.

P=$WORK/pin_mount
mkdir -p $P/dir && : > $P/file
L=$(printf '%0256d' 0)	# one over NAME_MAX
bpfbox map create $T/m type hash key 4 value 4 entries 1 name pm_map
PM_MAP=$(map_id $T/m)
$H/progload socket $T/p name pm_prog
PM_PROG=$(bpfbox -j prog show pinned $T/p | sed -n 's/^{"id":\([0-9]*\),.*/\1/p')

# The mounts on or below $P (other processes may mount elsewhere).
pm_mounts() { awk -v p="$P" '$5 == p || index($5, p "/") == 1' /proc/self/mountinfo; }

# pm_fails NAME CMD EXPECTED: as testing, and the mounts are unchanged.
pm_fails()
{
	pm_mounts > $WORK/pm_before
	testing "$1" "$2" "$3"
	pm_mounts > $WORK/pm_after
	testing "$1: no mount left" 'cmp $WORK/pm_before $WORK/pm_after && echo same' "same"
}

# pm_refused NAME CMD PATH ERROR: CMD fails with the pin's error on PATH.
pm_refused()
{
	pm_fails "$1" "$2"'; echo "rc=$?"' "Error: can't pin the object ($3): $4
rc=255"
}
C="type hash key 4 value 4 entries 1 name pm_c"

pm_refused "map pin below a regular file" \
	'bpfbox map pin id $PM_MAP $P/file/m' $P/file/m "Not a directory"
pm_refused "map pin with a name over NAME_MAX" \
	'bpfbox map pin id $PM_MAP $P/dir/$L' $P/dir/$L "File name too long"
# bpffs refuses names with a dot: these fail after the mount.
pm_refused "map pin refused after the mount" \
	'bpfbox map pin id $PM_MAP $P/dir/a.b' $P/dir/a.b "Operation not permitted"
pm_refused "prog pin below a regular file" \
	'bpfbox prog pin id $PM_PROG $P/file/p' $P/file/p "Not a directory"
pm_refused "prog pin refused after the mount" \
	'bpfbox prog pin id $PM_PROG $P/dir/p.q' $P/dir/p.q "Operation not permitted"
pm_refused "map create below a regular file" \
	'bpfbox map create $P/file/c $C' $P/file/c "Not a directory"
pm_refused "map create refused after the mount" \
	'bpfbox map create $P/dir/c.d $C' $P/dir/c.d "Operation not permitted"
pm_fails "map pin two levels below a regular file" \
	'bpfbox map pin id $PM_MAP $P/file/d/m; echo "rc=$?"' \
	"Error: can't pin BPF object: dir '$P/file/d' doesn't exist
rc=255"
pm_fails "map pin onto a regular file" \
	'bpfbox map pin id $PM_MAP $P/file; echo "rc=$?"' \
	"Error: can't pin BPF object: path '$P/file' already exists
rc=255"

# A pin that works still mounts: a bind mount of the plain directory and
# bpffs on it, which are exactly the two a failure would undo.
pm_count_top() { pm_mounts | awk '{ for (i = 7; $i != "-"; i++); t = $(i + 1) } END { print NR, t }'; }
testing "map pin on a plain directory mounts bpffs there" \
	'bpfbox map pin id $PM_MAP $P/dir/m && pm_count_top' "2 bpf"
umount $P/dir 2>/dev/null; umount $P/dir 2>/dev/null
