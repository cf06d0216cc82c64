#!/bin/sh
# The progress line of `sum` on a real terminal (tmux): over enough drafts
# to last a few seconds, "已读取 N/M" while it reads them, wiped before it
# says what it added up.  The drafts must be distinct files (a file named
# twice is refused), so they are copies, as many as two seconds of
# reading take (found by timing a thousand), read on one processor:
# a slow test, for the disk it fills.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

S=$NB_TOP_SRCDIR
T=$(mktemp -d)
. "$S/tests/tmux-lib.sh"
trap '$TM kill-server 2>/dev/null; rm -rf "$T"' EXIT
cd "$T" || exit 1

plan 4

one=
command -v taskset >/dev/null && one="taskset -c 0"
# copies DIR N: N copies of the sample draft in DIR, each of its own body.
copies() {
	python3 -c 'import os, sys
d, n = sys.argv[1], int(sys.argv[2])
os.makedirs(d)
text = open(sys.argv[3], encoding="utf-8").read()
for i in range(n):
    with open("%s/%d.yaml" % (d, i), "w", encoding="utf-8") as f:
        f.write(text.replace("organization: ", "organization: 第%d" % i, 1))' "$1" "$2" "$S/sample-data/jinzhai-2024.yaml"
}

copies cal 1000
t0=$(ms)
$one "$NIANBAO" sum -o cal.yaml --org 合计 --year 2024 cal >/dev/null 2>&1
per=$(($(ms) - t0))                     # microseconds a draft
[ "$per" -gt 0 ] || per=1
n=$((2500000 / per))
[ "$n" -ge 1500 ] || n=1500
copies many "$n"

shell "$one '$NIANBAO' sum -o total.yaml --org 合计 --year 2024 many"
matches "^已读取 [0-9]+/$n\$" "a sum of $n drafts shows how many it has read"
shows "[exit 0]" "the sum ends well"
shows "合计了" "saying what it added up"
gone "已读取" "the progress line is wiped"
exit $((tap_failed > 0))
