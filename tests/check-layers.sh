#!/bin/sh
# The floors of src/, by their includes and by their calls:
#   src/core  includes nothing of src/ui or src/cli, nor curses;
#   src/ui    includes core (and ui) only; it alone includes curses;
#   src/cli   may include everything.
# And in the built libraries: every nb_ function the core calls is the
# core's own, every one the screen calls is the screen's or the core's.
# Inside src/ui, floors that only call downward (the table below): a file
# includes the headers of its floor and those under it, and calls only
# functions defined on them.  A new file of src/ui is given its floor here.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

S=$NB_TOP_SRCDIR
B=${NB_TOP_BUILDDIR:-.}
cd "$S" || exit 1

plan 10

# includes FLOOR PATTERN: the include lines of FLOOR's files that match.
includes() {
	grep -Hn -E "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($2)" \
		src/"$1"/*.c src/"$1"/*.h 2>/dev/null
}

is "$(includes core 'ui/|cli/')" "" "src/core includes nothing of src/ui or src/cli"
is "$(includes core 'n?curses')" "" "src/core does not include curses"
is "$(includes ui 'cli/')" "" "src/ui includes nothing of src/cli"
is "$(includes cli 'n?curses')" "" "src/cli leaves curses to src/ui"
# The core speaks of requests ({save}, {undo}: requests.h), the screen
# names the keys bound to them: rebinding a key never makes a message lie.
is "$(grep -nE '"[^"]*(Ctrl-[A-Za-z]|\<F[0-9]+\>|\<Esc\>|\<Enter\>)' src/core/*.c)" "" \
	"no message of src/core names a key"

# calls LIB...: the nb_ functions LIB's objects call that none of LIB defines.
calls() {
	nm "$@" 2>/dev/null | awk '
		$1 == "U" && $2 ~ /^nb_/ { used[$2] = 1 }
		NF == 3 && $2 ~ /^[TDBR]$/ && $3 ~ /^nb_/ { have[$3] = 1 }
		END { for (f in used) if (!(f in have)) print f }' | sort
}
is "$(calls "$B/src/libnianbao.a")" "" "the core calls only the core"
is "$(calls "$B/src/libnbui.a" "$B/src/libnianbao.a")" "" \
	"the screen calls only the screen and the core"

# The floors of src/ui: 1 the terminal, 2 keys and painting, 3 widgets,
# 4 screens, 5 the session.
floor_of() {
	case $1 in
	term.h|term.c|term_tty.c|term_signal.c) echo 1 ;;
	requests.h|keys.h|keys.c|paint.h|paint.c) echo 2 ;;
	widgets.h|list.c|prompt.c|pager.c|help.c) echo 3 ;;
	screen.h|edit_screen.c|body.c|problems.c|export_dialog.c|file_dialog.c|start_screen.c) echo 4 ;;
	session.h|session_impl.h|session.c|actions.c|session_open.c|session_start.c) echo 5 ;;
	*) echo 0 ;;
	esac
}
unplaced= up=
for f in src/ui/*.c src/ui/*.h; do
	b=${f#src/ui/}
	fl=$(floor_of "$b")
	[ "$fl" -gt 0 ] || { unplaced="$unplaced $b"; continue; }
	for h in $(sed -n 's|^[[:space:]]*#[[:space:]]*include[[:space:]]*"ui/\([^"]*\)".*|\1|p' "$f"); do
		[ "$(floor_of "$h")" -le "$fl" ] || up="$up $b->$h"
	done
done
is "$unplaced" "" "every file of src/ui has its floor"
is "$up" "" "a file of src/ui includes no header of a floor above its own"

# Calls between the objects of the screen library, by floor.
callsup=$(nm "$B/src/libnbui.a" 2>/dev/null | awk '
	/:$/ { obj = $0; sub(/:$/, "", obj); sub(/^libnbui_a-/, "", obj); sub(/\.o$/, ".c", obj); next }
	$1 == "U" && $2 ~ /^nb_/ { use[obj, $2] = 1; objs[obj] = 1 }
	NF == 3 && $2 == "T" && $3 ~ /^nb_/ { def[$3] = obj }
	END { for (k in use) { split(k, p, SUBSEP); if (p[2] in def) print p[1], def[p[2]], p[2] } }' |
	while read -r from to fn; do
		[ "$(floor_of "$to")" -le "$(floor_of "$from")" ] || echo "$from->$to($fn)"
	done | sort | tr '\n' ' ')
is "$callsup" "" "a file of src/ui calls no function of a floor above its own"
tap_done
