# docs/bpfbox.8 and the help texts: every "bpfbox OBJECT COMMAND" a help
# prints is in the man page and the reverse; the page lints without
# warnings and renders.  Needs the source tree (skipped in an initramfs
# that carries only the binary and the tests).  Sourced by tests/run.sh.

MAN_PAGE=$top/docs/bpfbox.8

# "OBJECT COMMAND" pairs of the lines that start "bpfbox OBJECT", in help
# text or in roff (font escapes dropped): "{ show | list }" gives both.
man_commands()
{
	sed 's/\\f[BIRP]//g' | awk '
	{ sub(/^[ \t]*(Usage:)?[ \t]*(# )?/, "") }
	$1 == "bpfbox" && $2 ~ /^(prog|map|link|cgroup|perf|net|feature|btf|batch|version)$/ {
		if ($2 == "batch" || $2 == "version") { print $2; next }
		if ($3 == "{" || $3 == "[{") {
			for (i = 4; i <= NF && $i != "}"; i++)
				if ($i != "|") print $2, $i
		} else if ($3 != "") print $2, $3
	}' | sort -u
}

if [ ! -f "$MAN_PAGE" ]; then
	skip "man page" "no $MAN_PAGE (binary-only test tree)"
else
	for o in "" prog map link cgroup perf net feature btf; do
		bpfbox $o help 2>&1
	done | man_commands > $WORK/help.cmds
	man_commands < "$MAN_PAGE" > $WORK/man.cmds
	testing "help lists commands (sanity: map dump, prog show, version)" \
		'grep -c "^map dump$\|^prog show$\|^version$" $WORK/help.cmds' "3"
	testing "every command of help is in the man page" \
		'grep -vxF -f $WORK/man.cmds $WORK/help.cmds' ""
	testing "every command of the man page is in help" \
		'grep -vxF -f $WORK/help.cmds $WORK/man.cmds' ""
	sed 's/\\-/-/g' "$MAN_PAGE" > $WORK/man.txt
	testing "the man page lists every option of the parser's table" \
		'for o in json pretty debug bpffs nomount base-btf version help mapcompat use-loader sign; do grep -q -e "--$o" $WORK/man.txt || echo "missing --$o"; done' ""
	if command -v mandoc > /dev/null; then
		testing "mandoc -T lint: no warnings" 'mandoc -T lint -W warning "$MAN_PAGE"; echo "rc=$?"' "rc=0"
	elif command -v groff > /dev/null; then
		testing "groff -ww -z: no warnings" 'groff -ww -z -man "$MAN_PAGE"; echo "rc=$?"' "rc=0"
	else
		skip "man page lint" "neither mandoc nor groff installed"
	fi
	if command -v man > /dev/null && command -v groff > /dev/null; then
		testing "man -l renders it" \
			'MANWIDTH=80 MANPAGER=cat man -l "$MAN_PAGE" 2>&1 | grep -c "^NAME$\|^SYNOPSIS$\|^EXIT STATUS$\|^DIFFERENCES FROM BPFTOOL$"' "4"
	else
		skip "man -l" "man or groff not installed"
	fi
fi

# Each object's help shows the options it accepts, in upstream main's
# words and layout (one table, cli/options.c, drives parser and help).
testing "prog help: upstream's OPTIONS lines (-m, -L, signing)" \
	'bpfbox prog help 2>&1 | sed -n "/OPTIONS :=/,/^ *{-L/p"' \
	'       OPTIONS := { {-j|--json} [{-p|--pretty}] | {-d|--debug} |
                    {-f|--bpffs} | {-m|--mapcompat} | {-n|--nomount} |
                    {-L|--use-loader} | [ {-S|--sign } {-k} <private_key.pem> {-i} <certificate.x509> ] '
testing "btf help: -B; map and link: -f, -n; cgroup: -f; top: -V" \
	'for o in btf map link cgroup perf ""; do bpfbox $o help 2>&1 | sed -n "/OPTIONS :=/,/}\$/p" | tr -s " \n" " " | sed "s/^ //"; echo; done' \
	'OPTIONS := { {-j|--json} [{-p|--pretty}] | {-d|--debug} | {-B|--base-btf} } 
OPTIONS := { {-j|--json} [{-p|--pretty}] | {-d|--debug} | {-f|--bpffs} | {-n|--nomount} } 
OPTIONS := { {-j|--json} [{-p|--pretty}] | {-d|--debug} | {-f|--bpffs} | {-n|--nomount} } 
OPTIONS := { {-j|--json} [{-p|--pretty}] | {-d|--debug} | {-f|--bpffs} } 
OPTIONS := { {-j|--json} [{-p|--pretty}] | {-d|--debug} } 
OPTIONS := { {-j|--json} [{-p|--pretty}] | {-d|--debug} | {-V|--version} } '
