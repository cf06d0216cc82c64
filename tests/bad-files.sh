#!/bin/sh
# The real binary on every malformed draft (tests/bad, and the big ones
# tests/gen-bad.sh writes) and every malformed form file (tests/bad-forms):
# exit status 2, exactly the expected diagnostic on stderr, nothing on
# stdout, no crash.  Set NB_CHECK_WRAPPER (e.g. to a valgrind command) to
# run every check under it.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

# @top_srcdir@ in an expectation is the source tree as the binary was
# told it (NB_TOP_SRCDIR is the same abs_top_srcdir), not normalised.
S=$(cd "$NB_TOP_SRCDIR" && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
sh "$S/tests/gen-bad.sh" "$T/big" || exit 1

count() { set -- "$1"/*.yaml; echo $#; }
drafts=$(count "$S/tests/bad")
forms=$(count "$S/tests/bad-forms")
big=$(count "$T/big")
plan $((drafts + forms + big + 1))

ok "$([ "$drafts" -ge 100 ] && [ "$forms" -ge 10 ] && [ "$big" -eq 6 ]; echo $?)" \
	"the corpus is there ($drafts drafts, $forms form files, $big generated)"

# check_one DIR NAME ARGS...: runs `nianbao ARGS` inside DIR and compares
# with DIR/NAME.expect.
check_one() {
	dir=$1 name=$2
	shift 2
	want=$(sed -n "1{s#@top_srcdir@#$NB_TOP_SRCDIR#;p;}" "$dir/$name.expect")
	(cd "$dir" && $NB_CHECK_WRAPPER "$NIANBAO" "$@" >"$T/out" 2>"$T/err")
	rc=$?
	got=$(cat "$T/err")
	if [ "$rc" -eq 2 ] && [ "$got" = "$want" ] && [ ! -s "$T/out" ]; then
		ok 0 "$name"
	else
		ok 1 "$name"
		printf '# exit status %s (want 2)\n# stdout: %s\n# got:  %s\n# want: %s\n' \
			"$rc" "$(head -c 300 "$T/out")" "$got" "$want"
	fi
}

for f in "$S"/tests/bad/*.yaml "$T"/big/*.yaml; do
	name=$(basename "$f" .yaml)
	check_one "$(dirname "$f")" "$name" check "$name.yaml"
done

# A form file is reached through a draft that names it as its format.
for f in "$S"/tests/bad-forms/*.yaml; do
	name=$(basename "$f" .yaml)
	printf 'format: %s\n' "$name" >"$T/draft.yaml"
	check_one "$S/tests/bad-forms" "$name" --forms . check "$T/draft.yaml"
done
tap_done
