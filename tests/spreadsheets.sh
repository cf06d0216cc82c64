#!/bin/sh
# The spreadsheets, read back without a spreadsheet program: the workbook
# of one draft (`export -o FILE.xlsx`) and of the summary (`stats DIR -o
# FILE.xlsx`) taken apart by tests/xlsx-cells.py (sheets, merged ranges,
# numbers and their number formats), and the CSV of both.  The figures
# are those of the published report (tests/data/jinzhai-2024-seed.txt)
# and of tests/data/stats.  LibreOffice opens them in the slow tier
# (tests/export-clients.sh).
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

S=$NB_TOP_SRCDIR
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$S" || exit 1
CELLS="python3 tests/xlsx-cells.py"
T3=三、收到和处理政府信息公开申请情况

plan 26

# The published figures in order: the cells that are only a number.
nbsp=$(printf '\302\240')
grep "$(printf '^\t')" tests/data/jinzhai-2024-seed.txt | tr -d ' \t\r' | sed "s/$nbsp//g" |
	grep -E '^[0-9]+(\.[0-9]+)?$' >"$T/want"

"$NIANBAO" export sample-data/jinzhai-2024.yaml -o "$T/r.xlsx" 2>"$T/err"; rc=$?
is "$rc:$(cat "$T/err")" "0:已导出 $T/r.xlsx（xlsx，$(wc -c <"$T/r.xlsx") 字节）" "the seed report exports to .xlsx, saying what it wrote"
$CELLS "$T/r.xlsx" >"$T/r.cells" 2>"$T/err"
ok $? "a workbook that a zip and XML reader take apart" || sed 's/^/# /' "$T/err"
is "$(sed -n 's/^sheet //p' "$T/r.cells" | tr '\n' '|')" \
	"二、主动公开政府信息情况|$T3|四、政府信息公开行政复议、行政诉讼情况|" \
	"one sheet a table, named after its section"
awk '$1 == "cell" && $4 == "n" { print $5 }' "$T/r.cells" >"$T/got"
cmp -s "$T/want" "$T/got"
ok $? "its numbers are the 200 published figures, in order"
is "$(awk '$1 == "cell" && $4 == "n" { print $6 }' "$T/r.cells" | sort -u | tr '\n' ' ')" "0 " \
	"counts in the number format 0"
is "$(grep -c "^merge $T3 " "$T/r.cells")" 18 "table 三: its 16 merged cells and the two lines above"
for m in A3:C5 D3:J3 E4:I4 A8:A29 B10:B17; do
	grep -q "^merge $T3 $m$" "$T/r.cells" || echo "no $m"
done >"$T/missing"
is "$(cat "$T/missing")" "" "merged as the form's grid says (申请人情况, 法人或其他组织, 三、本年度办理结果, （三）)"
grep -q "^cell $T3 C10 s 1.属于国家秘密$" "$T/r.cells"
ok $? "the form's labels as text"
grep -q "^cell $T3 A1 s 金寨县公共资源交易中心2024年政府信息公开工作年度报告$" "$T/r.cells"
ok $? "under the report's title"

# An amount keeps its decimals; an unfilled figure stays empty.
sed 's/^  fees: 0$/  fees: 5949.088667/; s/^  punishment: 4$/  punishment: ~/' \
	sample-data/jinzhai-2024.yaml >"$T/fees.yaml"
"$NIANBAO" export --draft "$T/fees.yaml" -o "$T/f.xlsx" 2>/dev/null
$CELLS "$T/f.xlsx" >"$T/f.cells"
grep -q '^cell 二、主动公开政府信息情况 B17 n 5949.088667 0.000000$' "$T/f.cells"
ok $? "万元 as a number with its six decimals (number format 0.000000)"
grep -q '^cell 二、主动公开政府信息情况 B13 - -$' "$T/f.cells"
ok $? "an unfilled figure is an empty cell, not 0"
grep -q '^cell 二、主动公开政府信息情况 A1 s 草稿（未经审核，不得发布）$' "$T/f.cells"
ok $? "--draft puts the mark on top of every sheet"
"$NIANBAO" export sample-data/empty.yaml -o "$T/e.xlsx" 2>/dev/null; rc=$?
is "$rc:$([ -e "$T/e.xlsx" ]; echo $?)" "1:1" "an incomplete draft is refused without --draft, nothing written"
"$NIANBAO" export --format xlsx sample-data/jinzhai-2024.yaml -o - >"$T/stdout.xlsx"
is "$(head -c 2 "$T/stdout.xlsx")" "PK" "--format xlsx -o - writes the workbook to standard output"

# CSV: UTF-8 with a byte-order mark, CRLF, labels first.
"$NIANBAO" export sample-data/jinzhai-2024.yaml -o "$T/r.csv"; rc=$?
is "$rc:$(head -c 3 "$T/r.csv" | od -An -tx1 | tr -d ' ')" "0:efbbbf" \
	"the seed report exports to .csv, with a byte-order mark"
is "$(tr -d '\n' <"$T/r.csv" | tr '\r' '\n' | wc -l | tr -d ' ')" "$(wc -l <"$T/r.csv" | tr -d ' ')" \
	"every line ends in CRLF"
python3 - "$T/r.csv" >"$T/csv.out" <<'EOF'
import csv, re, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
print('\n'.join(f for r in rows for f in r if re.fullmatch(r'[0-9]+(\.[0-9]+)?', f)))
print('row', [r for r in rows if r[2:3] == ['1.属于国家秘密']][0][:4])
EOF
grep -v '^row' "$T/csv.out" >"$T/got"
cmp -s "$T/want" "$T/got"
ok $? "read back as CSV: the 200 published figures, in order"
is "$(grep '^row' "$T/csv.out")" "row ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', '0']" \
	"each row of table 三 with its labels first, a merged one repeated"

# The summary workbook: a row a draft, header rows merged, totals last.
"$NIANBAO" stats tests/data/stats -o "$T/s.xlsx" 2>/dev/null; rc=$?
is "$rc" 0 "stats DIR -o FILE.xlsx writes the summary"
$CELLS "$T/s.xlsx" >"$T/s.cells"
SH=2024年政府信息公开工作年度报告汇总表
is "$(sed -n 's/^sheet //p' "$T/s.cells")" "$SH" "one sheet, named after the summary's title"
for m in A2:A6 B2:B6 C2:L2 M2:GE2 GF2:GT2 E4:E6 AO4:AU4; do
	grep -q "^merge $SH $m$" "$T/s.cells" || echo "no $m"
done >"$T/missing"
is "$(cat "$T/missing")" "" "header rows merged: 机关名称, 报告年度, each table, 规章, 1.属于国家秘密"
is "$(grep "^cell $SH A[0-9]* s" "$T/s.cells" | cut -d' ' -f 5- | tr '\n' '|')" \
	"$SH|机关名称|测试县人民政府办公室|某某市<数据>&\"资源\"局|某某镇人民政府|合计|" \
	"a row a draft in the order walked, the row of totals last"
is "$(grep -E "^cell $SH (L7|L8|L9|L10) " "$T/s.cells" | cut -d' ' -f 3-)" \
	"$(printf 'L7 n 12.5 0.0\nL8 n 0.25 0.00\nL9 - -\nL10 n 12.75 0.00')" \
	"万元 with the decimals each draft gave, unfilled empty, the total with the most"
grep -q "^cell $SH S10 n 41 0$" "$T/s.cells"
ok $? "the total of 一、本年新收 总计"
grep -q "^pane $SH 2 6$" "$T/s.cells"
ok $? "the names and the header rows stay in view when scrolled"
"$NIANBAO" stats --format csv tests/data/stats 2>/dev/null >"$T/s.csv"
python3 - "$T/s.csv" >"$T/scsv.out" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
print(len(rows), {len(r) for r in rows[2:]}, rows[-1][:3], rows[-1][11])
EOF
is "$(cat "$T/scsv.out")" "11 {202} ['合计', '', '1'] 12.75" \
	"the summary as CSV reads back: 202 columns, the totals last"
tap_done
