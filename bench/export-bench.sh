#!/bin/sh
# Prints how long exporting the seed report takes in each format: the mean
# of N renderings (default 1000) by nb_export_render(), in the process,
# without the real clients; the target is under 5 ms each (the PDF,
# 100 ms, has bench/export-pdf-bench.sh).  Then the whole
# `nianbao export` command once per format, for comparison.
# Usage: bench/export-bench.sh [N]   (from the top of a built tree)
set -eu
n=${1:-1000}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
${CC:-cc} -O2 -std=c11 -I. -Isrc -o "$T/export-bench" bench/export-bench.c \
	src/libnianbao.a $(pkg-config --libs yaml-0.1 libzip pangocairo pangofc cairo-pdf cairo-ft harfbuzz-subset xlsxwriter)
"$T/export-bench" forms/gov-info-annual-report-2021.yaml sample-data/jinzhai-2024.yaml "$n"
for f in txt md html docx csv xlsx; do
	t0=$(date +%s%N)
	${NIANBAO:-./src/nianbao} export sample-data/jinzhai-2024.yaml -o "$T/report.$f"
	t1=$(date +%s%N)
	printf 'nianbao export -o report.%-4s %8.3f ms (whole process)\n' "$f" \
		"$(echo "$t0 $t1" | awk '{ print ($2 - $1) / 1e6 }')"
done
