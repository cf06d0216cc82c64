# lib.sh - TAP helpers for the shell tests (sourced).
#   plan N; ok COND-EXIT-STATUS "description"; is GOT WANT "description";
#   contains; imports_to; clients_or_skip
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

# imports_to DRAFT FILE "description": FILE imports (nianbao import, exit
# 0) to exactly DRAFT; else the summary and the differences are shown.
imports_to() {
	"$NIANBAO" import "$2" -o "$2.yaml" 2>"$2.err"
	_rc=$?
	if [ "$_rc" = 0 ] && cmp -s "$2.yaml" "$1"; then ok 0 "$3"
	else ok 1 "$3"; echo "# exit $_rc"; sed 's/^/# /' "$2.err"; diff "$1" "$2.yaml" | head -n 20 | sed 's/^/# /'; fi
}

# wrong_cells WANT GOT: lines of the draft GOT that differ from WANT other
# than by a cell left unfilled (~): an imported figure or text that is
# not the published one.  0 when there is none.
wrong_cells() {
	[ "$(wc -l <"$1")" = "$(wc -l <"$2")" ] || { echo "lines differ"; return; }
	awk 'NR == FNR { a[FNR] = $0; next }
	$0 != a[FNR] {
		n = split(a[FNR], x, /[][{}, :]+/); m = split($0, y, /[][{}, :]+/)
		if (n != m) bad++; else for (i = 1; i <= n; i++) if (x[i] != y[i] && y[i] != "~") bad++
	} END { print bad + 0 }' "$1" "$2"
}

# figures FILE.yaml: the year and the lines of the tables (they stand at
# the same lines in every draft of the form).
figures() {
	sed -n '/^year:/p; /^proactive:/,/^improvement:/p' "$1"
}

# clients_or_skip TOOL...: the programs of a slow test; where one is
# missing the test skips (exits), unless NB_REQUIRE_CLIENTS=1 (as
# scripts/test-all.sh sets it).  $missing names those missing.
clients_or_skip() {
	missing=
	for _tool in "$@"; do
		command -v "$_tool" >/dev/null 2>&1 || missing="$missing $_tool"
	done
	if [ -n "$missing" ] && [ "${NB_REQUIRE_CLIENTS:-0}" != 1 ]; then
		echo "1..0 # SKIP not installed:$missing (scripts/debian-deps.sh installs them)"
		exit 0
	fi
}

tap_done() { exit 0; }
