#!/bin/sh
# doc/guide-screens.sh - the screens and the command outputs shown in the
# Chinese guide, doc/使用指南.md, made by the program as it is now.
#
#   sh doc/guide-screens.sh          writes every block of the guide anew
#                                    (then read `git diff doc/` before committing)
#   sh doc/guide-screens.sh -o DIR   writes each block to DIR/NAME.txt and
#                                    leaves the guide alone (tests/guide.sh);
#                                    the folders they were made in stay in
#                                    DIR/run/NAME
#
# In the guide, a line "<!-- screen: NAME -->" or "<!-- output: NAME -->"
# is followed by a fenced block that holds NAME.  A screen is a "dump NAME"
# of one of doc/guide/*.keys, replayed headless at 80x24 as the screen
# tests are (tests/replay-lib.sh describes the .keys files).  An output is
# doc/guide/NAME.cmd run in a folder of its own: its lines "#+ file SRC
# DEST" prepare the folder as in a .keys file, its lines "#+ run COMMAND"
# run unseen, and every other line is shown as "$ LINE" followed by what
# it prints (standard output and error, in the order a terminal shows
# them), with `nianbao` the program documented.
#
# Run from the top of the build tree, or with NIANBAO (the program) and
# NB_TOP_SRCDIR (the source tree) set.
set -u
S=$(cd "${NB_TOP_SRCDIR:-$(dirname "$0")/..}" && pwd)
NIANBAO=${NIANBAO:-$PWD/src/nianbao}
case $NIANBAO in /*) ;; *) NIANBAO=$PWD/$NIANBAO ;; esac
GUIDE=$S/doc/使用指南.md
. "$S/tests/replay-lib.sh"

out=
if [ "${1:-}" = -o ]; then
	out=$2
	mkdir -p "$out"
	T=
else
	T=$(mktemp -d)
	trap 'rm -rf "$T"' EXIT
	out=$T/out
	mkdir -p "$out"
fi
[ -x "$NIANBAO" ] || { echo "guide-screens.sh: no program at $NIANBAO (build it first)" >&2; exit 2; }
run=$out/run
mkdir -p "$run"
rc=0

# ---- the screens ----
for k in "$S"/doc/guide/*.keys; do
	name=$(basename "$k" .keys)
	if ! replay "$k" "$run/$name" "$out"; then
		echo "guide-screens.sh: $name.keys did not run to its end:" >&2
		sed 's/^/  /' "$run/$name.err" >&2
		rc=1
	fi
done

# ---- the command outputs ----
# `nianbao` on the PATH of the commands is the program documented; its
# output and its messages come out line by line in the order written, as
# on a terminal
linebuf=
command -v stdbuf >/dev/null 2>&1 && linebuf="stdbuf -oL -eL"
mkdir -p "$run/bin"
printf '#!/bin/sh\nexec "%s" "$@"\n' "$NIANBAO" >"$run/bin/nianbao"
chmod +x "$run/bin/nianbao"
for c in "$S"/doc/guide/*.cmd; do
	[ -f "$c" ] || continue
	name=$(basename "$c" .cmd)
	dir=$run/$name
	mkdir -p "$dir"
	sed -n 's/^#+ file //p' "$c" | while read -r src dest; do
		mkdir -p "$(dirname "$dir/$dest")"
		cp "$S/$src" "$dir/$dest"
	done
	(
		cd "$dir" || exit 1
		PATH=$run/bin:$PATH LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
		# stdbuf works by preloading a library, which a program built
		# with AddressSanitizer refuses to start after unless told
		ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
		export PATH LANG LC_ALL TZ ASAN_OPTIONS
		unset NIANBAO_FORMS
		while IFS= read -r line; do
			case $line in
			"#+ run "*) sh -c "${line#"#+ run "}" >/dev/null 2>&1 </dev/null ;;
			"#"*|"") ;;
			*) printf '$ %s\n' "$line"; $linebuf sh -c "$line" 2>&1 </dev/null ;;
			esac
		done <"$c"
	) >"$out/$name.txt"
done

# ---- the guide: every block named there must have been made ----
names=$(sed -nE 's/^<!-- (screen|output): ([^ ]+) -->$/\2/p' "$GUIDE")
for n in $names; do
	[ -f "$out/$n.txt" ] || { echo "guide-screens.sh: the guide shows $n, which nothing makes" >&2; rc=1; }
done
[ "$rc" = 0 ] || exit "$rc"
[ -n "$T" ] || exit 0

# Each block after a marker is replaced by the file made for it (a marker
# with no block after it gets one).
awk -v dir="$out" '
function emit(name,    f, line) {
	f = dir "/" name ".txt"
	print "```text"
	while ((getline line < f) > 0)
		print line
	close(f)
	print "```"
}
inblock { if ($0 ~ /^```/) inblock = 0; next }
after { after = 0; if ($0 ~ /^```/) { inblock = 1; next } }
/^<!-- (screen|output): [^ ]+ -->$/ { print; emit($3); after = 1; next }
{ print }' "$GUIDE" >"$T/guide.md" && cat "$T/guide.md" >"$GUIDE"
echo "guide-screens.sh: $(echo $names | wc -w) blocks of doc/使用指南.md written" >&2
