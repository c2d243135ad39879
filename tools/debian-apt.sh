# Sourced (bash) by tools/test-kernels and tools/cross-build: Debian
# packages of any architecture through a private apt configuration.
#
# Nothing is installed and dpkg is never told about a foreign
# architecture: the lists live in a directory of the caller's (one per
# architecture set), `apt-get download` fetches .deb files, and the
# callers unpack them with dpkg-deb.  The mirrors are the ones this
# machine's apt already uses, so a proxy or local mirror keeps working;
# KERNEL_MIRROR and KERNEL_SECURITY_MIRROR override them.
#
#   deb_mirrors                  sets DEB_MIRROR, DEB_SECMIRROR (1: none)
#   deb_apt DIR ARCH...          sets DEB_APT_OPTS for lists in DIR
#   deb_update SUITES            (re)writes DIR's sources.list, refreshes
#                                lists missing, changed or over 12 h old
#   deb_download DEST PKG...     the .deb files into DEST
#   deb_packages ARCH SUITE...   package names in those lists, one a line

deb_mirrors()
{
	local uris f
	uris=$(
		for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
			[ -f "$f" ] && sed -n 's/^[[:space:]]*deb[[:space:]]\{1,\}\(\[[^]]*\][[:space:]]*\)\{0,1\}\([^[:space:]]\{1,\}\).*/\2/p' "$f"
		done
		for f in /etc/apt/sources.list.d/*.sources; do
			[ -f "$f" ] && sed -n 's/^URIs:[[:space:]]*//p' "$f" | tr ' \t' '\n\n'
		done | grep . || true
	)
	DEB_MIRROR=${KERNEL_MIRROR:-$(printf '%s\n' "$uris" | sed 's|/*$||' | grep -m1 '/debian$' || true)}
	DEB_SECMIRROR=${KERNEL_SECURITY_MIRROR:-$(printf '%s\n' "$uris" | sed 's|/*$||' | grep -m1 '/debian-security$' || true)}
	[ -n "$DEB_MIRROR" ] || return 1
	[ -n "$DEB_SECMIRROR" ] || DEB_SECMIRROR=${DEB_MIRROR%/debian}/debian-security
}

deb_apt()
{
	local a
	DEB_APTDIR=$1
	shift
	# APT::Architectures is set whole, so a foreign architecture dpkg
	# may know on this machine adds no lists here.
	DEB_APT_OPTS=(-o Dir::Etc::sourcelist="$DEB_APTDIR/sources.list" -o Dir::Etc::sourceparts=-
		-o Dir::State::Lists="$DEB_APTDIR/lists" -o Dir::Cache="$DEB_APTDIR/cache"
		-o APT::Get::List-Cleanup=0 -o Debug::NoLocking=1 -o quiet=1
		-o APT::Sandbox::User=root -o APT::Architecture="$1")
	for a in "$@"; do DEB_APT_OPTS+=(-o APT::Architectures::="$a"); done
}

deb_update()
{
	local suites=$1 key=/usr/share/keyrings/debian-archive-keyring.gpg opt= s new
	mkdir -p "$DEB_APTDIR/lists/partial" "$DEB_APTDIR/cache/archives/partial"
	[ -f "$key" ] && opt="[signed-by=$key] "
	new=$(for s in $suites; do
		case $s in
		*-security) echo "deb ${opt}$DEB_SECMIRROR $s main" ;;
		*) echo "deb ${opt}$DEB_MIRROR $s main" ;;
		esac
	done)
	if [ "$new" != "$(cat "$DEB_APTDIR/sources.list" 2>/dev/null)" ] ||
		[ -z "$(find "$DEB_APTDIR/lists" -maxdepth 1 -name '*Packages*' -mmin -720 | head -1)" ]; then
		printf '%s\n' "$new" > "$DEB_APTDIR/sources.list"
		printf '%s\n' "apt-get update (private lists in $DEB_APTDIR)" >&2
		apt-get "${DEB_APT_OPTS[@]}" update >"$DEB_APTDIR/update.log" 2>&1 || {
			printf '%s\n' "apt-get update failed (see $DEB_APTDIR/update.log)" >&2
			return 1
		}
	fi
}

deb_download()
{
	local dest=$1
	shift
	mkdir -p "$dest"
	(cd "$dest" && apt-get "${DEB_APT_OPTS[@]}" download "$@" >/dev/null)
}

deb_packages()
{
	local arch=$1 s f
	shift
	for s in "$@"; do
		for f in "$DEB_APTDIR"/lists/*_dists_"${s}"_main_binary-"$arch"_Packages*; do
			[ -f "$f" ] && /usr/lib/apt/apt-helper cat-file "$f" | sed -n 's/^Package: //p'
		done
	done
	return 0
}
