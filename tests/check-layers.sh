#!/bin/sh
# The floors of src/, by their includes and by their calls:
#   src/core  includes nothing of src/ui or src/cli, nor curses;
#   src/ui    includes core (and ui) only; it alone includes curses;
#   src/cli   may include everything.
# And in the built libraries: every nb_ function the core calls is the
# core's own, every one the screen calls is the screen's or the core's.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

S=$NB_TOP_SRCDIR
B=${NB_TOP_BUILDDIR:-.}
cd "$S" || exit 1

plan 6

# includes FLOOR PATTERN: the include lines of FLOOR's files that match.
includes() {
	grep -Hn -E "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($2)" \
		src/"$1"/*.c src/"$1"/*.h 2>/dev/null
}

is "$(includes core 'ui/|cli/')" "" "src/core includes nothing of src/ui or src/cli"
is "$(includes core 'n?curses')" "" "src/core does not include curses"
is "$(includes ui 'cli/')" "" "src/ui includes nothing of src/cli"
is "$(includes cli 'n?curses')" "" "src/cli leaves curses to src/ui"

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
tap_done
