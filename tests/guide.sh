#!/bin/sh
# The Chinese guide, doc/使用指南.md, shows the program as it is: every
# screen and every command output in it is made again by
# doc/guide-screens.sh and must equal its block; every screen and output
# that script makes is shown in the guide; and the guide's walk ends where
# it says, with a complete draft and its Word file, and the draft with
# errors corrected.  A screen changed on purpose: sh doc/guide-screens.sh
# rewrites the guide's blocks (see HACKING).
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

S=$NB_TOP_SRCDIR
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
GUIDE=$S/doc/使用指南.md
names=$(sed -nE 's/^<!-- (screen|output): ([^ ]+) -->$/\2/p' "$GUIDE")
plan $(($(echo $names | wc -w) + 6))

NB_TOP_SRCDIR=$S NIANBAO=$NIANBAO sh "$S/doc/guide-screens.sh" -o "$T/out" 2>"$T/err"
ok $? "doc/guide-screens.sh makes every screen and output of the guide" || sed 's/^/# /' "$T/err"

# the block after each marker, as it stands in the guide
block() {
	awk -v name="$1" '
	on == 2 { if ($0 ~ /^```/) exit; print; next }
	on == 1 { on = ($0 ~ /^```/) ? 2 : 0; next }
	$0 == "<!-- screen: " name " -->" || $0 == "<!-- output: " name " -->" { on = 1 }' "$GUIDE"
}
for n in $names; do
	is "$(block "$n")" "$(cat "$T/out/$n.txt" 2>/dev/null)" "the guide's $n is what the program shows"
done

made=$( (sed -n 's/^dump //p' "$S"/doc/guide/*.keys; ls "$S"/doc/guide/*.cmd | sed 's|.*/||; s|\.cmd$||') | sort)
unshown=$(for m in $made; do echo "$names" | grep -qx "$m" || printf ' %s' "$m"; done)
is "$unshown" "" "every screen and output made for the guide is shown in it"

docx="$T/out/run/new/平安县司法局2025年报.docx"
ok "$([ "$(head -c 2 "$docx" 2>/dev/null)" = PK ]; echo $?)" \
	"the walk from the start screen ends with the Word file exported beside the draft"
"$NIANBAO" check "$T/out/run/new/平安县司法局2025年报.yaml" >"$T/check" 2>&1
ok $? "and the draft saved is complete and correct" || sed 's/^/# /' "$T/check"
"$NIANBAO" check "$T/out/run/fix/draft.yaml" >"$T/check" 2>&1
ok $? "the draft with errors, corrected as the guide says, is complete and correct" ||
	sed 's/^/# /' "$T/check"
ok "$(grep -q 'nianbao check' "$T/out/check.txt"; echo $?)" "the reviewers' commands ran"
tap_done
