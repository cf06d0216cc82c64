#!/bin/sh
# Prints how long exporting the seed report to PDF takes: in the process,
# the first rendering (which loads the fonts) and the mean of N more
# (default 50) by nb_export_render(); then the whole `nianbao export -o
# seed.pdf`, the mean of N runs, in wall-clock time and in CPU time
# (user + system, what the machine's load does not change).  The target
# is under 100 ms.
# Usage: bench/export-pdf-bench.sh [N]   (from the top of a built tree)
set -eu
n=${1:-50}
bin=${NIANBAO:-./src/nianbao}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
${CC:-cc} -O2 -std=c11 -I. -Isrc -o "$T/export-bench" bench/export-bench.c \
	src/libnianbao.a $(pkg-config --libs yaml-0.1 libzip pangocairo pangofc cairo-pdf cairo-ft harfbuzz-subset xlsxwriter)
"$T/export-bench" forms/gov-info-annual-report-2021.yaml sample-data/jinzhai-2024.yaml "$n" pdf
"$bin" export sample-data/jinzhai-2024.yaml -o "$T/seed.pdf"
printf '(seed.pdf: %s pages, %s bytes)\n' "$(pdfinfo "$T/seed.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')" \
	"$(wc -c < "$T/seed.pdf" | tr -d ' ')"
# time writes to stderr, where each export also says what it wrote: the
# runs' own stderr goes elsewhere (the export above showed any error)
/usr/bin/time -f '%e %U %S' sh -c "i=0; while [ \$i -lt $n ]; do
	'$bin' export sample-data/jinzhai-2024.yaml -o '$T/seed.pdf' 2>/dev/null; i=\$((i + 1)); done" 2>"$T/time"
awk -v n="$n" '{ printf "nianbao export -o seed.pdf: %.1f ms per run wall-clock, %.1f ms CPU (mean of %d, whole process)\n", \
	$1 * 1000 / n, ($2 + $3) * 1000 / n, n }' "$T/time"
