#!/bin/sh
# The editor's screens, exactly: keys replayed headless (NIANBAO_REPLAY),
# each "dump NAME" of tests/screens/*.keys compared with
# tests/screens/NAME.txt line for line.  The .keys format, and how each
# case's folder is prepared, are in tests/replay-lib.sh.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"
. "${NB_TOP_SRCDIR:-.}/tests/replay-lib.sh"

S=$NB_TOP_SRCDIR
T=$(mktemp -d)
TZ=UTC
export TZ
trap 'rm -rf "$T"' EXIT

cases=$(ls "$S"/tests/screens/*.keys)
dumps=$(cat $cases | grep -c '^dump ')
plan $((dumps + 1))
n=0
for k in $cases; do
	name=$(basename "$k" .keys)
	replay "$k" "$T/$name" "$T"
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
