#!/bin/sh
# Renders the first two pages of the seed report, exported in each format,
# as the PNGs the README shows (doc/export-FORMAT-1.png, -2.png): the .docx
# through LibreOffice, the .html through Chromium, the .md through pandoc
# and Chromium, the .txt as it shows in a monospaced CJK font (Noto Sans
# Mono CJK, where a Chinese character is two columns wide) printed by
# Chromium, the .pdf as nianbao writes it; then pdftoppm.  Needs the
# clients of scripts/debian-deps.sh.
#   scripts/export-pngs.sh [NIANBAO]     (run from the source tree)
set -eu
NIANBAO=${1:-src/nianbao}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
DPI=60

chromium_pdf() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$T/chromium" --no-pdf-header-footer \
		--print-to-pdf="$2" "file://$1" >/dev/null 2>&1
}

lo_pdf() {
	timeout 180 soffice -env:UserInstallation="file://$T/lo" --headless \
		--convert-to pdf --outdir "$T" "$1" >/dev/null 2>&1
}

for f in txt md html docx pdf; do
	"$NIANBAO" export sample-data/jinzhai-2024.yaml -o "$T/report.$f"
done
mv "$T/report.pdf" "$T/pdf.pdf"
lo_pdf "$T/report.docx" && mv "$T/report.pdf" "$T/docx.pdf"
{
	printf '<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><title>txt</title>'
	printf '<style>@page{size:A4;margin:15mm}pre{font:8.4pt/1.25 "Noto Sans Mono CJK SC",monospace;'
	printf 'white-space:pre-wrap;margin:0}</style><pre>'
	sed 's/&/\&amp;/g; s/</\&lt;/g' "$T/report.txt"
	printf '</pre></html>\n'
} > "$T/txt.html"
chromium_pdf "$T/txt.html" "$T/txt.pdf"
chromium_pdf "$T/report.html" "$T/html.pdf"
pandoc -f gfm -t html -s --metadata pagetitle=report "$T/report.md" -o "$T/md.html"
chromium_pdf "$T/md.html" "$T/md.pdf"
for f in txt md html docx pdf; do
	pdftoppm -r "$DPI" -f 1 -l 2 -png "$T/$f.pdf" "$T/$f"
	for i in 1 2; do
		mv "$T/$f-$i.png" "doc/export-$f-$i.png"
		echo "doc/export-$f-$i.png: $(wc -c < "doc/export-$f-$i.png") bytes"
	done
done
