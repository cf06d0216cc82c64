#!/bin/sh
# The progress line of a long run, on a real terminal (tmux): `check` over
# enough drafts to last a few seconds shows "已检查 N/M" on standard error
# while it runs, wipes it before the summary, and writes none of it when
# standard error is not a terminal.  How many drafts that takes is found
# by timing a thousand first (hard links of one draft: cheap to make).
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

S=$NB_TOP_SRCDIR
T=$(mktemp -d)
. "$S/tests/tmux-lib.sh"
trap '$TM kill-server 2>/dev/null; rm -rf "$T"' EXIT
cd "$T" || exit 1

plan 7

# links DIR N: N hard links of the sample draft in DIR.
links() {
	mkdir -p "$1"
	cp "$S/sample-data/jinzhai-2024.yaml" "$1/0.yaml"
	python3 -c 'import os, sys
for i in range(1, int(sys.argv[2])): os.link(sys.argv[1] + "/0.yaml", "%s/%d.yaml" % (sys.argv[1], i))' "$1" "$2"
}

links cal 1000
t0=$(ms)
"$NIANBAO" check cal >/dev/null 2>&1
per=$(($(ms) - t0))                     # microseconds a draft
[ "$per" -gt 0 ] || per=1
n=$((4000000 / per))                    # about four seconds of checking
[ "$n" -ge 1500 ] || n=1500
links many "$n"

shell "'$NIANBAO' check many >/dev/null"
matches "^已检查 [0-9]+/$n\$" "a run of $n drafts shows how many it has checked"
first=$(screen | sed -n "s|^已检查 \([0-9]*\)/$n\$|\1|p")
sleep 0.5
then=$(screen | sed -n "s|^已检查 \([0-9]*\)/$n\$|\1|p")
ok "$([ -z "$then" ] || [ "$then" -gt "$first" ]; echo $?)" \
	"the count goes up as it runs ($first, then ${then:-done})"
shows "[exit 1]" "the run ends (each draft after the first repeats the body: exit 1)"
shows "共 $n 个文件" "then its summary"
gone "已检查" "the progress line is wiped, not left above or under the summary"

"$NIANBAO" check many >/dev/null 2>err.txt
ok "$(! grep -q '已检查' err.txt; echo $?)" "no progress line when standard error is a file"
ok "$(! grep -q "$(printf '\r')" err.txt; echo $?)" "and no carriage return in it"
exit $((tap_failed > 0))
