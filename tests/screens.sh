#!/bin/sh
# The editor's screens, exactly: keys replayed headless (NIANBAO_REPLAY),
# each "dump NAME" of tests/screens/*.keys compared with
# tests/screens/NAME.txt line for line.  A .keys file holds lines
#   key NAME...   Tab BTab Enter Esc Up Down Left Right Home End PgUp PgDn
#                 Backspace Delete F1..F12, C-x for Ctrl-x, or a character
#   text TEXT     the characters of TEXT typed
#   dump NAME     the screen as it is now
# and runs on a copy of the draft given by its first line, "# DRAFT COLSxLINES"
# (DRAFT in sample-data/, or a path from the top of the tree), as draft.yaml
# in a folder of its own; with DRAFT "-", nianbao runs there without a
# file (the start screen).  Lines
#   #+ file SRC DEST   SRC (from the top of the tree) copied there as DEST
#   #+ record PATH     x-previous: PATH added to the draft
#   #+ args ARG...     the editor's arguments before draft.yaml
# prepare the folder.  Its files are all dated 2026-11-30 14:05 (UTC), so
# that the start screen shows the same times every run, and the places
# where drafts were left are kept beside it, one state folder a case.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

S=$NB_TOP_SRCDIR
T=$(mktemp -d)
TZ=UTC
export TZ
trap 'rm -rf "$T"' EXIT

# The replay file of a .keys file (curses key codes: Down 258, Up 259,
# Left 260, Right 261, Home 262, Backspace 263, F0 264, Delete 330,
# PgDn 338, PgUp 339, Shift-Tab 353, End 360).
to_replay() {
	awk -v dir="$T" '
	function key(k) {
		if (k == "Tab") return "c 9";       if (k == "BTab") return "k 353"
		if (k == "Enter") return "c 13";    if (k == "Esc") return "c 27"
		if (k == "Down") return "k 258";    if (k == "Up") return "k 259"
		if (k == "Left") return "k 260";    if (k == "Right") return "k 261"
		if (k == "Home") return "k 262";    if (k == "End") return "k 360"
		if (k == "PgDn") return "k 338";    if (k == "PgUp") return "k 339"
		if (k == "Backspace") return "k 263"; if (k == "Delete") return "k 330"
		if (k ~ /^F[0-9]+$/) return "k " (264 + substr(k, 2))
		if (k ~ /^C-[a-z]$/) return "c " (index("abcdefghijklmnopqrstuvwxyz", substr(k, 3)))
		if (length(k) == 1) return "t " k
		print "screens.sh: unknown key " k > "/dev/stderr"; exit 1
	}
	/^#/ || NF == 0 { next }
	$1 == "key" { for (i = 2; i <= NF; i++) print key($i); next }
	$1 == "text" { sub(/^text /, ""); print "t " $0; next }
	$1 == "dump" { print "s " dir "/" $2 ".txt"; next }
	{ print "screens.sh: bad line: " $0 > "/dev/stderr"; exit 1 }' "$1"
}

cases=$(ls "$S"/tests/screens/*.keys)
dumps=$(cat $cases | grep -c '^dump ')
plan $((dumps + 1))
n=0
for k in $cases; do
	set -- $(head -n 1 "$k")           # "# DRAFT COLSxLINES"
	draft=$2 size=$3
	name=$(basename "$k" .keys)
	mkdir -p "$T/$name"
	case $draft in -|*/*) ;; *) draft=sample-data/$draft ;; esac
	file=draft.yaml
	if [ "$draft" = - ]; then file=; else cp "$S/$draft" "$T/$name/draft.yaml"; fi
	sed -n 's/^#+ file //p' "$k" | while read -r src dest; do
		mkdir -p "$(dirname "$T/$name/$dest")"
		cp "$S/$src" "$T/$name/$dest"
	done
	[ -z "$file" ] || sed -n 's/^#+ record /x-previous: /p' "$k" >>"$T/$name/draft.yaml"
	find "$T/$name" -type f -exec touch -d '2026-11-30 14:05' {} +
	args=$(sed -n 's/^#+ args //p' "$k")
	to_replay "$k" >"$T/$name.replay" || exit 1
	(cd "$T/$name" && env NIANBAO_REPLAY="$T/$name.replay" \
		COLUMNS="${size%x*}" LINES="${size#*x}" TERM=xterm-256color NO_COLOR= \
		XDG_STATE_HOME="$T/$name.state" \
		"$NIANBAO" $args $file </dev/null >/dev/null 2>"$T/$name.err")
	n=$((n + $?))
	for d in $(sed -n 's/^dump //p' "$k"); do
		# NB_SCREENS_UPDATE=1: a screen changed on purpose is written
		# over its dump (look at `git diff tests/screens` before keeping it)
		if [ -n "${NB_SCREENS_UPDATE:-}" ] && [ -f "$T/$d.txt" ]; then
			cp "$T/$d.txt" "$S/tests/screens/$d.txt"
		fi
		if [ -f "$T/$d.txt" ]; then
			is "$(cat "$T/$d.txt")" "$(cat "$S/tests/screens/$d.txt")" "screen $d"
		else
			ok 1 "screen $d (not written)"
		fi
	done
done
is "$n" 0 "every replay ran to its end"
tap_done
