# replay-lib.sh - the editor driven headless by a .keys file (sourced), for
# the screen tests (tests/screens.sh) and the guide's screens
# (doc/guide-screens.sh).  A .keys file holds lines
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
# Needs S (the top of the source tree) and NIANBAO.

# to_replay KEYS DUMPS: the replay file of KEYS on stdout, its dumps
# written to DUMPS/NAME.txt (curses key codes: Down 258, Up 259, Left 260,
# Right 261, Home 262, Backspace 263, F0 264, Delete 330, PgDn 338,
# PgUp 339, Shift-Tab 353, End 360).
to_replay() {
	awk -v dir="$2" '
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
		print "replay: unknown key " k > "/dev/stderr"; exit 1
	}
	/^#/ || NF == 0 { next }
	$1 == "key" { for (i = 2; i <= NF; i++) print key($i); next }
	$1 == "text" { sub(/^text /, ""); print "t " $0; next }
	$1 == "dump" { print "s " dir "/" $2 ".txt"; next }
	{ print "replay: bad line: " $0 > "/dev/stderr"; exit 1 }' "$1"
}

# replay KEYS DIR DUMPS: the folder DIR prepared as KEYS says, the editor
# run there on its keys (stderr to DIR.err), each dump written to
# DUMPS/NAME.txt; the editor's exit status.
replay() {
	set -- "$1" "$2" "$3" $(head -n 1 "$1")     # "# DRAFT COLSxLINES"
	keys=$1 dir=$2 dumps=$3 draft=$5 size=$6
	mkdir -p "$dir" "$dumps"
	case $draft in -|*/*) ;; *) draft=sample-data/$draft ;; esac
	file=draft.yaml
	if [ "$draft" = - ]; then file=; else cp "$S/$draft" "$dir/draft.yaml"; fi
	sed -n 's/^#+ file //p' "$keys" | while read -r src dest; do
		mkdir -p "$(dirname "$dir/$dest")"
		cp "$S/$src" "$dir/$dest"
	done
	[ -z "$file" ] || sed -n 's/^#+ record /x-previous: /p' "$keys" >>"$dir/draft.yaml"
	find "$dir" -type f -exec env TZ=UTC touch -d '2026-11-30 14:05' {} +
	args=$(sed -n 's/^#+ args //p' "$keys")
	to_replay "$keys" "$dumps" >"$dir.replay" || return 1
	(cd "$dir" && env TZ=UTC NIANBAO_REPLAY="$dir.replay" \
		COLUMNS="${size%x*}" LINES="${size#*x}" TERM=xterm-256color NO_COLOR= \
		XDG_STATE_HOME="$dir.state" \
		"$NIANBAO" $args $file </dev/null >/dev/null 2>"$dir.err")
}
