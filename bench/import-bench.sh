#!/bin/sh
# Prints how long importing a report takes: nb_import_file in the process
# on the seed text and on the .html and .docx exports of the seed (and the
# PDF LibreOffice prints from the .docx, where LibreOffice is installed);
# on site pages of shili-2023 (tests/site-pages.py: a TRS page, one pasted
# from Word, one laid out with tables, a copied text; where LibreOffice
# and Chromium are installed, a page saved as .docx and printed to PDF),
# the mean of N runs (default 200); then the whole `nianbao import` of the
# text, and its peak resident memory.  Targets: under 5 ms a report for
# text and HTML, 10 ms for .docx, 100 ms a page of PDF.
# Usage: bench/import-bench.sh [N]   (from the top of a built tree)
set -eu
n=${1:-200}
bin=${NIANBAO:-./src/nianbao}
src=${NB_REPORT:-tests/data/jinzhai-2024-seed.txt}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
${CC:-cc} -O2 -std=c11 -I. -Isrc -o "$T/import-bench" bench/import-bench.c src/libnianbao.a \
	$(pkg-config --libs yaml-0.1 libzip libxml-2.0 poppler-glib xlsxwriter)
"$bin" export sample-data/jinzhai-2024.yaml -o "$T/seed.html"
"$bin" export sample-data/jinzhai-2024.yaml -o "$T/seed.docx"
set -- "$src" "$T/seed.html" "$T/seed.docx"
if command -v soffice >/dev/null 2>&1 &&
   soffice -env:UserInstallation="file://$T/lo" --headless --convert-to pdf \
	--outdir "$T" "$T/seed.docx" >/dev/null 2>&1; then
	set -- "$@" "$T/seed.pdf"
	printf '(seed.pdf: %s pages)\n' "$(pdfinfo "$T/seed.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')"
fi
if command -v python3 >/dev/null 2>&1; then
	"$bin" export tests/data/shili-2023.yaml -o "$T/shili.html"
	python3 tests/site-pages.py "$T/shili.html" "$T/sites"
	set -- "$@" "$T/sites/trs.html" "$T/sites/word.html" "$T/sites/layout.html" \
		"$T/sites/gbk.html" "$T/sites/trs.tabs.txt"
	if command -v soffice >/dev/null 2>&1 &&
	   soffice -env:UserInstallation="file://$T/lo" --headless --convert-to 'docx:MS Word 2007 XML' \
		--outdir "$T/sites" "$T/sites/word.html" >/dev/null 2>&1; then
		set -- "$@" "$T/sites/word.docx"
	fi
	if command -v chromium >/dev/null 2>&1 &&
	   chromium --headless --no-sandbox --disable-gpu --user-data-dir="$T/cr" \
		--print-to-pdf="$T/sites/trs.pdf" "file://$T/sites/trs.html" >/dev/null 2>&1; then
		set -- "$@" "$T/sites/trs.pdf"
		printf '(trs.pdf: %s pages)\n' "$(pdfinfo "$T/sites/trs.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')"
	fi
fi
"$T/import-bench" "$n" "$@"
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
