#!/bin/sh
# Prints how long `nianbao check` takes on the sample drafts: the median,
# fastest and slowest of N runs (default 51) of the whole process, in ms.
# Usage: bench/check-bench.sh [N]   (from the top of a built tree)
set -eu
n=${1:-51}
bin=${NIANBAO:-./src/nianbao}
for draft in sample-data/jinzhai-2024.yaml sample-data/jinzhai-2024-errors.yaml; do
	i=0
	: > /tmp/nb-bench.$$
	while [ $i -lt "$n" ]; do
		t0=$(date +%s%N)
		"$bin" check "$draft" >/dev/null 2>&1 || true
		t1=$(date +%s%N)
		echo $(( (t1 - t0) / 1000 )) >> /tmp/nb-bench.$$
		i=$((i + 1))
	done
	sort -n /tmp/nb-bench.$$ | awk -v d="$draft" -v n="$n" '
		{ v[NR] = $1 }
		END { printf "check %-40s runs %d  median %.2f ms  min %.2f ms  max %.2f ms\n",
		      d, n, v[int((NR + 1) / 2)] / 1000, v[1] / 1000, v[NR] / 1000 }'
done
rm -f /tmp/nb-bench.$$
