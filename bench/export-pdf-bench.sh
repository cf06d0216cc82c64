#!/bin/sh
# Prints how long exporting the seed report to PDF takes: in the process,
# the first rendering (which loads the fonts) and the mean of N more
# (default 50) by nb_export_render(); then the whole `nianbao export -o
# seed.pdf`, the median and the best of N runs, in wall-clock time and in
# CPU time (user + system, what the machine's load changes least).  The target
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
# Each run of the whole command timed apart (python3: wall-clock time
# around fork and wait, and the child's CPU time from wait4), as the median
# and the best of N: a mean is pulled up by whatever else the machine runs.
python3 - "$n" "$bin" sample-data/jinzhai-2024.yaml "$T/seed.pdf" <<'PY'
import os, statistics, sys, time
n, argv = int(sys.argv[1]), [sys.argv[2], "export", sys.argv[3], "-o", sys.argv[4]]
wall, cpu = [], []
for _ in range(n):
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 2)
        os.execv(argv[0], argv)
    _, status, ru = os.wait4(pid, 0)
    wall.append((time.perf_counter() - t0) * 1000)
    cpu.append((ru.ru_utime + ru.ru_stime) * 1000)
    if status:
        sys.exit("nianbao export failed")
print("nianbao export -o seed.pdf: %.1f ms wall-clock, %.1f ms CPU (median of %d runs, "
      "whole process; best %.1f ms wall, %.1f ms CPU)"
      % (statistics.median(wall), statistics.median(cpu), n, min(wall), min(cpu)))
PY
