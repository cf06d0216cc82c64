#!/bin/sh
# Prints how long `nianbao import` takes on the seed report's text: the
# mean of N whole runs (default 200), the process included, and the peak
# resident memory of one.  The target is under 5 ms a report for text.
# Usage: bench/import-bench.sh [N]   (from the top of a built tree)
set -eu
n=${1:-200}
bin=${NIANBAO:-./src/nianbao}
src=${NB_REPORT:-tests/data/jinzhai-2024-seed.txt}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
t0=$(date +%s%N)
i=0
while [ $i -lt "$n" ]; do
	"$bin" import "$src" -o "$T/d.yaml" 2>/dev/null
	i=$((i + 1))
done
t1=$(date +%s%N)
printf 'import %s: %.3f ms per run (mean of %d, whole process)\n' \
	"$(basename "$src")" "$(echo "$t0 $t1 $n" | awk '{ print ($2 - $1) / 1e6 / $3 }')" "$n"
/usr/bin/time -f 'peak_rss_kb %M' "$bin" import "$src" -o "$T/d.yaml" 2>&1 >/dev/null | tail -n 1
