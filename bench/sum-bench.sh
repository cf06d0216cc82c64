#!/bin/sh
# Prints how long `nianbao sum` takes on N drafts (default 10,000): copies
# of the seed draft, each with its own body and figures, in 100
# directories, summed as a city's office sums its counties; then `check
# --children` of that sum against the same tree.  The whole process,
# timed by /usr/bin/time, with its peak resident memory.  Target: under
# 2 s for 10,000 drafts.
# Usage: bench/sum-bench.sh [N]   (from the top of a built tree)
set -eu
n=${1:-10000}
bin=${NIANBAO:-./src/nianbao}
seed=${NB_DRAFT:-sample-data/jinzhai-2024.yaml}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# One awk for all the files: a process per draft would time the shell.
awk -v n="$n" -v dir="$T/drafts" '
	{ line[NR] = $0 }
	END {
		for (i = 0; i < n; i++) {
			d = sprintf("%s/%02d", dir, i % 100)
			if (!(d in made)) { system("mkdir -p " d); made[d] = 1 }
			f = sprintf("%s/%05d.yaml", d, i)
			for (k = 1; k <= NR; k++) {
				s = line[k]
				if (s ~ /^organization: /) s = "organization: 第" i "单位"
				else if (s ~ /^  punishment: /) s = "  punishment: " (i % 7)
				else if (s ~ /^  fees: /) s = "  fees: " (i % 5) "." (i % 100)
				print s > f
			}
			close(f)
		}
	}' "$seed"
printf '(%d drafts of %s, %d bytes each)\n' "$n" "$(basename "$seed")" "$(wc -c < "$seed")"
/usr/bin/time -f 'sum %e s (user %U s, sys %S s)  peak_rss_kb %M' "$bin" sum -o "$T/total.yaml" \
	--org 合计 --year 2024 "$T/drafts" 2>&1 | grep -v '^nianbao sum: 合计了'
/usr/bin/time -f 'check --children %e s (user %U s, sys %S s)  peak_rss_kb %M' "$bin" check --children \
	"$T/drafts" "$T/total.yaml" 2>&1
