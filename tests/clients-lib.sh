# clients-lib.sh - the real programs that open the exports, for the slow
# tests (sourced after lib.sh): LibreOffice and Chromium printing to PDF,
# poppler-utils reading it, nianbao importing it back (wrong_cells, in
# lib.sh, counts what it read wrong); LibreOffice Calc
# opening the workbooks and the CSV files.  Where a program
# is missing the test skips, unless NB_REQUIRE_CLIENTS=1 (as
# scripts/test-all.sh sets it): then it fails.  Sets T, a scratch
# directory removed on exit, and MISSING; works from the top of the
# source tree.

MISSING=
for tool in soffice pdftotext pdfinfo pdffonts chromium pandoc python3; do
	command -v "$tool" >/dev/null 2>&1 || MISSING="$MISSING $tool"
done
if [ -n "$MISSING" ] && [ "${NB_REQUIRE_CLIENTS:-0}" != 1 ]; then
	echo "1..0 # SKIP not installed:$MISSING (scripts/debian-deps.sh installs them)"
	exit 0
fi

cd "$NB_TOP_SRCDIR" || exit 1
EXPECT=tests/data/jinzhai-2024-expect.txt
CHECK="python3 tests/export-check.py"
T=$(mktemp -d)
LO_PROFILE=$(mktemp -d)
CR_PROFILE=$(mktemp -d)
trap 'rm -rf "$T" "$LO_PROFILE" "$CR_PROFILE"' EXIT

# LibreOffice, headless, with a profile of its own and a time limit.
lo_pdf() {  # FILE [INFILTER]: FILE.pdf beside it
	timeout 180 soffice -env:UserInstallation="file://$LO_PROFILE" --headless \
		${2:+--infilter="$2"} --convert-to pdf --outdir "$(dirname "$1")" "$1" \
		>"$T/lo.log" 2>&1 && [ -s "${1%.*}.pdf" ]
}

# LibreOffice Calc: every sheet of FILE as UTF-8 CSV in DIR, figures as
# shown (in their number format), as BASE-SHEET.csv.
lo_csv() {  # FILE DIR
	mkdir -p "$2"
	timeout 180 soffice -env:UserInstallation="file://$LO_PROFILE" --headless \
		--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
		--outdir "$2" "$1" >"$T/lo.log" 2>&1
}

# LibreOffice Calc reads FILE.csv as UTF-8 and writes it as DIR/FILE.xlsx.
lo_xlsx() {  # FILE DIR
	mkdir -p "$2"
	timeout 180 soffice -env:UserInstallation="file://$LO_PROFILE" --headless \
		--infilter="CSV:44,34,76,1" --convert-to xlsx --outdir "$2" "$1" \
		>"$T/lo.log" 2>&1
}

chromium_pdf() {  # HTML PDF [header]: with Chromium's header and footer
	hf=--no-pdf-header-footer
	[ "${3:-}" = header ] && hf=
	timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$CR_PROFILE" $hf \
		--print-to-pdf="$2" "file://$1" >"$T/chromium.log" 2>&1 && [ -s "$2" ]
}

pages() {
	pdfinfo "$1" | sed -n 's/^Pages: *//p'
}

a4() {
	pdfinfo "$1" | grep -Eq '^Page size: +59[45](\.[0-9]+)? x 84[12](\.[0-9]+)? pts'
}

# imported PDF DRAFT: imports PDF; prints the figures found of all
imported() {
	"$NIANBAO" import "$1" -o "$2" 2>"$2.err"
	sed -n 's/^[^:]*: 数字 \([0-9]*\)\/\([0-9]*\) 格.*/\1/p' "$2.err"
}

# pdf_shows PDF: every heading, table label and figure of the seed, in
# order, in the PDF's text (tests/export-check.py)
pdf_shows() {
	pdftotext "$1" "$1.txt" && pdftotext -layout "$1" "$1.lay" &&
		$CHECK "$EXPECT" "$1.txt" "$1.lay"
}

# every page of a PDF shows the draft mark
every_page_marked() {
	n=$(pages "$1")
	[ "${n:-0}" -gt 1 ] || return 1
	i=1
	while [ "$i" -le "$n" ]; do
		pdftotext -f "$i" -l "$i" "$1" - | tr -d ' \n' | grep -q '草稿' || {
			echo "# page $i of $n has no 草稿"; return 1; }
		i=$((i + 1))
	done
}
