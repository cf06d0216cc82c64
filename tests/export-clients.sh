#!/bin/sh
# The exported files opened by real programs: LibreOffice converts the .docx
# and the .html to PDF, headless Chromium prints the .html, pandoc reads the
# .md; the text of the results must show every heading, table label and
# figure of the seed report (tests/export-check.py against
# tests/data/jinzhai-2024-expect.txt).  LibreOffice Calc opens the
# workbooks (one draft's, the summary's) and the CSV files: what it reads
# must be the draft's figures, cell by cell.  Chromium prints the page of
# statistics.  The programs come with the set-up
# (scripts/debian-deps.sh); tests/clients-lib.sh drives them.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"
. "${NB_TOP_SRCDIR:-.}/tests/clients-lib.sh"

plan 39

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
is "$n" 200 "and all of its 200 figures (table 三's labels wrapped in narrow cells)"

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
is "$n" 200 "and all of its 200 figures"

# The sample with figures in every row, printed both ways: its figures.
mkdir -p "$T/shili"
"$NIANBAO" export tests/data/shili-2023.yaml -o "$T/shili/report.docx" &&
	"$NIANBAO" export tests/data/shili-2023.yaml -o "$T/shili.html"
figures tests/data/shili-2023.yaml > "$T/shili.fig"
lo_pdf "$T/shili/report.docx"
n=$(imported "$T/shili/report.pdf" "$T/shili/back.yaml")
figures "$T/shili/back.yaml" > "$T/shili/back.fig"
is "$(wrong_cells "$T/shili.fig" "$T/shili/back.fig")" 0 \
	"shili-2023 printed by LibreOffice from its .docx: not one figure other than the sample's"
is "$n" 200 "and all of its 200 figures"
chromium_pdf "$T/shili.html" "$T/shili.pdf"
n=$(imported "$T/shili.pdf" "$T/shili-back.yaml")
figures "$T/shili-back.yaml" > "$T/shili-back.fig"
is "$(wrong_cells "$T/shili.fig" "$T/shili-back.fig")" 0 \
	"shili-2023 printed by Chromium from its .html: not one figure other than the sample's"
is "$n" 200 "and all of its 200 figures"
chromium_pdf "$T/shili.html" "$T/shili-hf.pdf" header
n=$(imported "$T/shili-hf.pdf" "$T/shili-hf.yaml")
figures "$T/shili-hf.yaml" > "$T/shili-hf.fig"
is "$(wrong_cells "$T/shili.fig" "$T/shili-hf.fig")" 0 \
	"printed with Chromium's header and footer (date, title, address, page numbers): not one other figure"
is "$n" 200 "and all of its 200 figures"

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

# The workbooks and the CSV files in LibreOffice Calc.
nbsp=$(printf '\302\240')
grep "$(printf '^\t')" tests/data/jinzhai-2024-seed.txt | tr -d ' \t\r' | sed "s/$nbsp//g" |
	grep -E '^[0-9]+(\.[0-9]+)?$' >"$T/figures"
mkdir -p "$T/book"
"$NIANBAO" export sample-data/jinzhai-2024.yaml -o "$T/book/r.xlsx" &&
	"$NIANBAO" export sample-data/jinzhai-2024.yaml -o "$T/book/r.csv" || echo "# export failed"
lo_csv "$T/book/r.xlsx" "$T/book/lo"
T2=二、主动公开政府信息情况 T3=三、收到和处理政府信息公开申请情况 T4=四、政府信息公开行政复议、行政诉讼情况
ok "$([ -s "$T/book/lo/r-$T2.csv" ] && [ -s "$T/book/lo/r-$T3.csv" ] && [ -s "$T/book/lo/r-$T4.csv" ]; echo $?)" \
	"LibreOffice opens the workbook of the seed report: its three sheets" || sed 's/^/# /' "$T/lo.log"
python3 - "$T/book/r.csv" "$T/book/lo/r-$T2.csv" "$T/book/lo/r-$T3.csv" "$T/book/lo/r-$T4.csv" \
	>"$T/book/cmp" 2>&1 <<'EOF'
import csv, re, sys
num = re.compile(r'[0-9]+(\.[0-9]+)?')
def rows(p):
    return list(csv.reader(open(p, encoding='utf-8-sig', newline='')))
tables = []
for r in rows(sys.argv[1])[1:]:      # after the title: blank, heading, grid
    if not r:
        tables.append([])
    else:
        tables[-1].append(r)
n = bad = 0
for t, sheet in zip(tables, sys.argv[2:]):
    lo = rows(sheet)[2:]             # under the title and the heading
    bad += len(lo) != len(t) - 1
    for a, b in zip(t[1:], lo):
        for x, y in zip(a, b):
            if num.fullmatch(x) or num.fullmatch(y):
                n += 1
                bad += x != y
print(n, bad)
EOF
is "$(cat "$T/book/cmp")" "200 0" "and shows the draft's 200 figures, cell by cell where the .csv has them"
sed 's/^  fees: 0$/  fees: 5949.088667/; s/^  punishment: 4$/  punishment: ~/' \
	sample-data/jinzhai-2024.yaml >"$T/book/f.yaml"
"$NIANBAO" export --draft "$T/book/f.yaml" -o "$T/book/f.xlsx" 2>/dev/null
lo_csv "$T/book/f.xlsx" "$T/book/lo"
is "$(sed -n '13p;17p' "$T/book/lo/f-$T2.csv" | tr '\n' '|')" "行政处罚,,,|行政事业性收费,5949.088667,,|" \
	"万元 with its six decimals, an unfilled figure empty"

lo_xlsx "$T/book/r.csv" "$T/book/back"
python3 tests/xlsx-cells.py "$T/book/back/r.xlsx" 2>/dev/null | awk '$4 == "n" { print $5 }' >"$T/book/back.figures"
cmp -s "$T/figures" "$T/book/back.figures"
ok $? "LibreOffice reads the .csv as UTF-8 (its byte-order mark): the 200 figures in order"

"$NIANBAO" stats tests/data/stats -o "$T/book/s.xlsx" 2>/dev/null &&
	"$NIANBAO" stats tests/data/stats -o "$T/book/s.csv" 2>/dev/null || echo "# stats failed"
SH=2024年政府信息公开工作年度报告汇总表
lo_csv "$T/book/s.xlsx" "$T/book/lo"
ok "$([ -s "$T/book/lo/s-$SH.csv" ]; echo $?)" "LibreOffice opens the summary workbook" ||
	sed 's/^/# /' "$T/lo.log"
python3 - "$T/book/s.csv" "$T/book/lo/s-$SH.csv" >"$T/book/scmp" 2>&1 <<'EOF'
import csv, sys
def rows(p):
    return list(csv.reader(open(p, encoding='utf-8-sig', newline='')))
ours, lo = rows(sys.argv[1]), rows(sys.argv[2])
print(len(lo), ours[0] == lo[0][:1], ours[2:] == lo[1:])
EOF
is "$(cat "$T/book/scmp")" "10 True True" \
	"its every cell, header rows, a row a draft and the totals, is the summary's .csv"
lo_xlsx "$T/book/s.csv" "$T/book/back"
python3 tests/xlsx-cells.py "$T/book/s.xlsx" | awk '$4 == "n" { print $5 }' >"$T/book/s.want"
python3 tests/xlsx-cells.py "$T/book/back/s.xlsx" 2>/dev/null | awk '$4 == "n" { print $5 }' >"$T/book/s.got"
ok "$([ -s "$T/book/s.want" ] && cmp -s "$T/book/s.want" "$T/book/s.got"; echo $?)" \
	"LibreOffice reads the summary's .csv back to the same figures"

"$NIANBAO" stats tests/data/stats -o "$T/book/stats.html" &&
	chromium_pdf "$T/book/stats.html" "$T/book/stats.pdf" && a4 "$T/book/stats.pdf"
ok $? "Chromium prints the page of statistics on A4" || tail -n 5 "$T/chromium.log" | sed 's/^/# /'
pdftotext "$T/book/stats.pdf" "$T/book/stats.txt" &&
	grep -qxF '1. 某某市<数据>&"资源"局' "$T/book/stats.txt" && grep -qF '26（63.4%）' "$T/book/stats.txt"
ok $? "with its charts' text: a name with < & and quotes as written, its figure and share"

tap_done
