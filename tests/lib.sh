# lib.sh - TAP helpers for the shell tests (sourced).
#   plan N; ok COND-EXIT-STATUS "description"; is GOT WANT "description"
# The environment comes from Makefile.am: NIANBAO, NB_TOP_SRCDIR, LANG.

: "${NIANBAO:?NIANBAO must name the nianbao binary}"
: "${NB_TOP_SRCDIR:=.}"
tap_n=0
tap_failed=0

plan() { echo "1..$1"; }

ok() {
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}

is() {
	if [ "$1" = "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '# got:  %s\n# want: %s\n' "$1" "$2" | head -n 40
	fi
}

contains() {
	case "$1" in
	*"$2"*) ok 0 "$3" ;;
	*) ok 1 "$3"; printf '# %s\n# does not contain: %s\n' "$1" "$2" | head -n 40 ;;
	esac
}

tap_done() { exit 0; }
