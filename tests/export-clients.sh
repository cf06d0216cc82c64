#!/bin/sh
# The exported files opened by real programs: LibreOffice converts the .docx
# and the .html to PDF, headless Chromium prints the .html, pandoc reads the
# .md; the text of the results must show every heading, table label and
# figure of the seed report (tests/export-check.py against
# tests/data/jinzhai-2024-expect.txt).  The programs come with the set-up
# (scripts/debian-deps.sh); tests/clients-lib.sh drives them.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"
. "${NB_TOP_SRCDIR:-.}/tests/clients-lib.sh"

plan 24

is "$MISSING" "" "the real clients are installed (else run scripts/debian-deps.sh)"

mkdir -p "$T/docx" "$T/html" "$T/draft"
for f in txt md html docx; do
	"$NIANBAO" export sample-data/jinzhai-2024.yaml -o "$T/report.$f" || echo "# export .$f failed"
done
cp "$T/report.docx" "$T/docx/report.docx"
cp "$T/report.html" "$T/html/report.html"
ok "$([ -s "$T/report.docx" ] && [ -s "$T/report.html" ] && [ -s "$T/report.md" ]; echo $?)" \
	"the seed report exports to .docx, .html and .md"

lo_pdf "$T/docx/report.docx"
ok $? "LibreOffice converts the .docx to PDF" || sed 's/^/# /' "$T/lo.log"
a4 "$T/docx/report.pdf"
ok $? "on A4 paper"
pdf_shows "$T/docx/report.pdf"
ok $? "its PDF shows every heading, table label and figure in order"
n=$(imported "$T/docx/report.pdf" "$T/docx/back.yaml")
is "$(wrong_cells sample-data/jinzhai-2024.yaml "$T/docx/back.yaml")" 0 \
	"that PDF imports back with not one figure or text other than the seed's"
ok "$([ "${n:-0}" -ge 170 ]; echo $?)" "and at least 170 of its 200 figures ($n)"

lo_pdf "$T/html/report.html" "HTML (StarWriter)"
ok $? "LibreOffice converts the .html to PDF" || sed 's/^/# /' "$T/lo.log"
pdf_shows "$T/html/report.pdf"
ok $? "its PDF shows every heading, table label and figure in order"

chromium_pdf "$T/report.html" "$T/chromium.pdf"
ok $? "Chromium prints the .html to PDF" || tail -n 5 "$T/chromium.log" | sed 's/^/# /'
a4 "$T/chromium.pdf"
ok $? "on A4 paper (the print styles)"
pdf_shows "$T/chromium.pdf"
ok $? "its PDF shows every heading, table label and figure in order"
n=$(imported "$T/chromium.pdf" "$T/chromium.yaml")
is "$(wrong_cells sample-data/jinzhai-2024.yaml "$T/chromium.yaml")" 0 \
	"the printed page imports back with not one figure or text other than the seed's"
ok "$([ "${n:-0}" -ge 170 ]; echo $?)" "and at least 170 of its 200 figures ($n)"

pandoc -f gfm -t html "$T/report.md" -o "$T/md.html" 2>"$T/pandoc.log"
ok $? "pandoc reads the .md" || sed 's/^/# /' "$T/pandoc.log"
$CHECK --html "$EXPECT" "$T/md.html"
ok $? "its HTML shows every heading, table label and figure in order"
is "$(grep -c '<table' "$T/md.html")" 6 "as GFM tables (表二 in its four parts, 表三, 表四)"

# Text that looks like markup stays text in every client.
sed '/^other_matters: |$/{n;s/^  /  <script>alert(1)<\/script> \&amp; /;}' \
	sample-data/jinzhai-2024.yaml > "$T/nasty.yaml"
for f in md html; do
	"$NIANBAO" export "$T/nasty.yaml" -o "$T/nasty.$f" || echo "# export .$f failed"
done
pandoc -f gfm -t html --wrap=none "$T/nasty.md" | grep -q '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; 按照'
ok $? "pandoc shows <script> and &amp; in the .md literally"
timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--user-data-dir="$CR_PROFILE" --dump-dom "file://$T/nasty.html" > "$T/dom.html" 2>/dev/null
grep -q '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; 按照' "$T/dom.html" &&
	! grep -q '<script' "$T/dom.html"
ok $? "Chromium shows them in the .html as text, and runs no script"

# A draft is marked on every page.
"$NIANBAO" export --draft sample-data/jinzhai-2024-errors.yaml -o "$T/draft/draft.docx" 2>/dev/null &&
	"$NIANBAO" export --draft sample-data/jinzhai-2024-errors.yaml -o "$T/draft/draft.html" 2>/dev/null
ok $? "a draft with errors exports with --draft"
lo_pdf "$T/draft/draft.docx" && every_page_marked "$T/draft/draft.pdf"
ok $? "every page of the .docx (in LibreOffice) shows 草稿"
chromium_pdf "$T/draft/draft.html" "$T/draft/chromium.pdf" && every_page_marked "$T/draft/chromium.pdf"
ok $? "every printed page of the .html (in Chromium) shows 草稿"

# The plain text, printed by LibreOffice, is still every figure in order.
lo_pdf "$T/report.txt"
ok $? "LibreOffice converts the .txt to PDF"
pdftotext -layout "$T/report.pdf" - | sed -n '/二、主动公开政府信息情况/,/五、存在的主要问题/p' |
	tr '|' '\n' | sed 's/^ *//; s/ *$//' | grep -Ec '^[0-9]+$' | grep -qx 200
ok $? "with its 200 figures"

tap_done
