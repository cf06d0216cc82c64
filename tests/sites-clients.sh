#!/bin/sh
# The site pages of tests/import-sites.sh (tests/site-pages.py, from each
# sample draft) as real programs turn them into other files: saved as
# Word files and as text by LibreOffice, printed to PDF by Chromium with
# its header and footer (date, title, address, page numbers) and
# without.  The Word files and the text import to exactly the sample
# draft; the PDFs to not one figure other than the sample's, to all 200
# of them, and to every text.  Where a program is missing the script skips, unless
# NB_REQUIRE_CLIENTS=1 (as scripts/test-all.sh sets it): then it fails.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

clients_or_skip soffice chromium python3 pdftotext

S=$NB_TOP_SRCDIR
T=$(mktemp -d)
LO_PROFILE=$(mktemp -d)
CR_PROFILE=$(mktemp -d)
trap 'rm -rf "$T" "$LO_PROFILE" "$CR_PROFILE"' EXIT
TEMPLATES="trs gbk word layout lines spans"
# the real report, and the one with figures in every row
SAMPLES="sample-data/jinzhai-2024 tests/data/shili-2023"

plan 114

is "$missing" "" "the real clients are installed (else run scripts/debian-deps.sh)"

lo_convert() {  # FILTER OUTDIR FILE...: LibreOffice saves each FILE
	f=$1 d=$2
	shift 2
	timeout 600 soffice -env:UserInstallation="file://$LO_PROFILE" --headless \
		--convert-to "$f" --outdir "$d" "$@" >"$T/lo.log" 2>&1
}

chromium_pdf() {  # HTML PDF [OPTION]
	timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$CR_PROFILE" $3 \
		--print-to-pdf="$2" "file://$1" >"$T/chromium.log" 2>&1 && [ -s "$2" ]
}

# wrong_figures WANT GOT: figures of the draft GOT other than WANT's,
# other than a figure left unfilled (~).  0 when there is none.
wrong_figures() {
	figures "$1" > "$T/want.fig"
	figures "$2" > "$T/got.fig"
	wrong_cells "$T/want.fig" "$T/got.fig"
}

# printed PDF DRAFT WHAT: PDF imports to no figure other than DRAFT's,
# and to all of them
printed() {
	"$NIANBAO" import "$1" -o "$1.yaml" 2>"$1.err"
	is "$(wrong_figures "$2" "$1.yaml")" 0 "$3: not one figure other than the sample's"
	n=$(sed -n 's/^[^:]*: 数字 \([0-9]*\)\/\([0-9]*\) 格.*/\1/p' "$1.err")
	is "$n" 200 "$3: and all 200 figures"
	[ "$n" = 200 ] || sed 's/^/# /' "$1.err"
	cmp -s "$1.yaml" "$2"
	rc=$?
	ok $rc "$3: and every text (paragraphs told by the margins)"
	[ $rc = 0 ] || diff "$2" "$1.yaml" | head -n 10 | sed 's/^/# /'
}

for draft in $SAMPLES; do
	s=${draft##*/}
	want=$S/$draft.yaml
	"$NIANBAO" export "$want" -o "$T/$s.html" && python3 "$S/tests/site-pages.py" "$T/$s.html" "$T/$s"
	ok $? "$s: the pages of six sites made from its export"
	mkdir -p "$T/$s/lo"
	(cd "$T/$s" && lo_convert 'docx:MS Word 2007 XML' lo $(for t in $TEMPLATES; do echo "$t.html"; done) &&
		lo_convert 'txt:Text (encoded):UTF8' lo $(for t in $TEMPLATES; do echo "$t.html"; done))
	ok $? "$s: LibreOffice saves them as Word files and as text" || sed 's/^/# /' "$T/lo.log"
	for t in $TEMPLATES; do
		imports_to "$want" "$T/$s/lo/$t.docx" "$s: the $t page saved as .docx imports to the sample"
		imports_to "$want" "$T/$s/lo/$t.txt" "$s: the $t page saved as text imports to the sample"
		chromium_pdf "$T/$s/$t.html" "$T/$s/$t.pdf" &&
			chromium_pdf "$T/$s/$t.html" "$T/$s/$t.bare.pdf" --no-pdf-header-footer
		ok $? "$s: Chromium prints the $t page, with its header and footer and without"
		printed "$T/$s/$t.pdf" "$want" "$s: the $t page printed"
		printed "$T/$s/$t.bare.pdf" "$want" "$s: the $t page printed without header and footer"
	done
done
pdftotext "$T/shili-2023/trs.pdf" - 2>/dev/null | grep -q 'file://.*trs.html'
ok $? "the printed pages have Chromium's header and footer (the page's address)"
tap_done
