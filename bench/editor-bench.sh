#!/bin/sh
# Drives the editor headless through scripted keystrokes over the full seed
# report and prints CPU time per keystroke, the time to the first screen
# and the peak resident memory.
#
# The editor replays keys from $NIANBAO_REPLAY (lines "c CODE" for a typed
# character, "k CODE" for a curses key) on a terminal opened with newterm
# on /dev/null; every key goes through the same path as a real one: the
# request, the edit, all rules judged again, the whole screen drawn and
# refreshed.  At the end it prints its own figures on stderr.
#
# Usage: bench/editor-bench.sh [KEYS]   (from the top of a built tree;
# KEYS defaults to 10000)
set -eu
n=${1:-10000}
bin=${NIANBAO:-./src/nianbao}
seed=${NB_SEED:-sample-data/jinzhai-2024.yaml}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$seed" "$tmp/report.yaml"
XDG_STATE_HOME=$tmp/state      # where the draft was left: not the operator's
export XDG_STATE_HOME

# The script: a walk over every section, typing into number cells and
# paragraphs (Chinese), moving with arrows, paging, undoing.  Curses key
# codes: Down 258, Up 259, Left 260, Right 261, Backspace 263, PgDn 338,
# PgUp 339, Shift-Tab 353.
awk -v n="$n" 'BEGIN {
	srand(2024)
	k = 0
	while (k < n) {
		r = k % 400
		if (r < 60)                      { print "c 9"; k++ }              # Tab
		else if (r < 120) {                                                  # digits and Tab
			print "c " (48 + int(rand() * 10)); print "c 9"; k += 2 }
		else if (r < 170) {                                                  # Chinese text
			print "c " (19968 + int(rand() * 2000)); k++ }
		else if (r < 200)                { print "k 263"; k++ }            # Backspace
		else if (r < 260) {                                                  # arrows
			print "k " (258 + int(rand() * 4)); k++ }
		else if (r < 270)                { print "k 338"; k++ }            # PgDn
		else if (r < 280)                { print "k 339"; k++ }            # PgUp
		else if (r < 290)                { print "c 26"; k++ }             # Ctrl-Z
		else if (r < 300)                { print "k 353"; k++ }            # Shift-Tab
		else if (r < 330)                { print "c 7"; k++ }              # Ctrl-G
		else                             { print "c 9"; k++ }
	}
}' > "$tmp/keys"

run() {
	env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color LINES=24 COLUMNS=80 \
		NIANBAO_REPLAY="$1" timeout 300 /usr/bin/time -f 'peak_rss_kb_time %M' \
		"$bin" "$tmp/report.yaml" 2>&1 >/dev/null
}

echo "# $n keystrokes over $seed, 80x24, every rule re-evaluated and the screen redrawn per key"
out=$(run "$tmp/keys")
echo "$out" | awk '
	/^keys /               { printf "keystrokes:              %d\n", $2 }
	/^cpu_ms_per_key /     { printf "CPU per keystroke:       %.4f ms\n", $2 }
	/^first_screen_cpu_ms/ { printf "first screen (CPU):      %.2f ms\n", $2 }
	/^peak_rss_kb_time /   { printf "peak resident memory:    %.2f MB\n", $2 / 1024 }'

# First screen in wall-clock time: start, load, draw, exit with no keys.
: > "$tmp/none"
best=999999
i=0
while [ $i -lt 21 ]; do
	t0=$(date +%s%N)
	run "$tmp/none" >/dev/null
	t1=$(date +%s%N)
	t=$(( (t1 - t0) / 1000 ))
	[ $t -lt $best ] && best=$t
	i=$((i + 1))
done
awk -v us="$best" 'BEGIN { printf "first screen (wall, start to exit, best of 21): %.2f ms\n", us / 1000 }'
