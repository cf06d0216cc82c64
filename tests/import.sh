#!/bin/sh
# nianbao import on published reports: the seed (the text of a real
# county report), the exports of the samples read back (text, Markdown,
# web page, Word; the PDFs in tests/export-clients.sh), and variant
# layouts made here from them, one per way real reports differ.  A
# variant of the same report imports to exactly the sample draft; an
# ambiguous one leaves exactly the ambiguous cells unfilled.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

S=$NB_TOP_SRCDIR
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
SEED=$S/tests/data/jinzhai-2024-seed.txt
DRAFT=$S/sample-data/jinzhai-2024.yaml

plan 66

# same NAME FILE: FILE imports, exit 0, to exactly the seed draft.
same() { imports_to "$DRAFT" "$2" "$1"; }
# only_changed FILE.yaml WANT: the draft differs from the seed draft in
# exactly the lines WANT (a diff's "> " lines, joined by |).
only_changed() {
	diff "$DRAFT" "$1" | sed -n 's/^> //p' | tr '\n' '|'
}

# ---- the seed, and the exports read back ----
"$NIANBAO" import "$SEED" -o seed.yaml 2>seed.err; rc=$?
is "$rc" 0 "the seed text imports completely"
ok "$(cmp -s seed.yaml "$DRAFT"; echo $?)" "to exactly the seed draft, every figure and text"
is "$(cat seed.err)" "$SEED: 数字 200/200 格，部分 6/6 个" "and the summary says so"
for f in txt md html docx; do
	"$NIANBAO" export "$DRAFT" -o "export.$f"
	same "the .$f export of the seed imports back to the same draft" "export.$f"
done
# the program opens poppler only to read a PDF, libzip only for Word files
# (src/core/lazylib.h); a library that cannot be loaded (here, an empty
# file of its name first in the search path) refuses the file
"$NIANBAO" export "$DRAFT" -o export.pdf 2>/dev/null
same "the .pdf export of the seed imports back to the same draft" export.pdf
ok "$(ldd "$NIANBAO" 2>/dev/null | grep -c 'libpoppler\|libzip\|libxlsxwriter\|libcrypto')" \
	"the program does not link poppler, libzip, libxlsxwriter: other commands do not load them"
mkdir nolibs
: > "nolibs/${NB_POPPLER_SONAME:-libpoppler-glib.so.8}"
: > "nolibs/${NB_ZIP_SONAME:-libzip.so.4}"
out=$(LD_LIBRARY_PATH=$T/nolibs "$NIANBAO" import export.pdf -o nopoppler.yaml 2>&1); rc=$?
is "$rc" 2 "a poppler that cannot be loaded refuses the PDF"
contains "$out" "export.pdf: error: 读取 PDF 需要 poppler 库" "saying which file and what it needs"
ok "$(test -e nopoppler.yaml; echo $((1 - $?)))" "and nothing is written"
out=$(LD_LIBRARY_PATH=$T/nolibs "$NIANBAO" import export.docx -o nozip.yaml 2>&1); rc=$?
is "$rc" 2 "a libzip that cannot be loaded refuses the Word file"
contains "$out" "export.docx: error: 读写 Word 文件需要 libzip 库" "saying which file and what it needs"
ok "$(test -e nozip.yaml; echo $((1 - $?)))" "and nothing is written"
cp "$S/sample-data/jinzhai-2024-errors.yaml" errors.yaml
"$NIANBAO" export --draft errors.yaml -o errors.md 2>/dev/null
"$NIANBAO" import errors.md -o errors-back.yaml 2>/dev/null
"$NIANBAO" check errors.yaml >errors.check 2>&1
"$NIANBAO" check errors-back.yaml >back.check 2>&1
is "$(sed 's/^[^:]*:[0-9:]*//' back.check)" "$(sed 's/^[^:]*:[0-9:]*//' errors.check)" \
	"published totals that do not add up are kept: check finds the same errors"

# ---- encodings and line ends ----
sed 's/$/\r/' "$SEED" > crlf.txt
same "CRLF line ends" crlf.txt
iconv -f UTF-8 -t GB18030 "$SEED" > gbk.txt
same "a GBK (GB18030) text" gbk.txt
{ printf '\357\273\277'; cat "$SEED"; } > bom.txt
same "a UTF-8 byte-order mark" bom.txt

# ---- what the site puts around the report ----
{ printf '首页 > 政务公开 > 政府信息公开年报\n发布时间：2025-01-20  来源：县交易中心\n\n'
  cat "$SEED"
  printf '\n扫一扫在手机打开当前页\n【打印本页】【关闭窗口】\n'; } > site.txt
same "site navigation before the title and page links after the last section" site.txt

# ---- headings ----
sed -e 's/^二、主动公开政府信息情况$/二、行政机关主动公开政府信息情况/' \
    -e 's/^四、政府信息公开行政复议、行政诉讼情况$/四、因政府信息公开工作被申请行政复议、提起行政诉讼情况/' \
    -e 's/^六、其他需要报告的事项$/六、其他需要报告事项/' "$SEED" > headings.txt
same "headings in their common variants" headings.txt
sed 's/^三、收到和处理政府信息公开申请情况$/３、收到和处理政府信息公开申请情况/' "$SEED" > numbered.txt
same "a heading numbered with a full-width digit" numbered.txt

# ---- labels and figures as they come ----
sed 's/^\t1\.属于国家秘密$/\t1.\n\t属于国家秘密/' "$SEED" > broken-label.txt
same "a row label broken over two lines" broken-label.txt
sed 's/^\t（三）不予公开$/\t（三）不予\n\t公开/' "$SEED" > broken-group.txt
same "a group label broken over two lines" broken-group.txt
sed 's/^\t1\.属于国家秘密$/\t１．属于国家秘密/; s/^\t行政处罚$/\t行政 处罚/' "$SEED" > widths.txt
same "full-width digits and points, and a blank, in labels" widths.txt
awk '/^\t行政处罚$/ { print; getline; print "\t４"; next } { print }' "$SEED" > fullwidth.txt
same "a figure in full-width digits" fullwidth.txt

sed 's/^\t行政规范性文件$/\t规范性文件/' "$SEED" > wording.txt
same "a row label in a shorter wording (规范性文件 for 行政规范性文件)" wording.txt
sed 's/^\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请$/\t行政机关不再处理其政府信息公开申请/' \
	"$SEED" > shared-wording.txt
"$NIANBAO" import shared-wording.txt -o shared-wording.yaml 2>/dev/null
is "$(only_changed shared-wording.yaml)" "    unpaid_fee: [~, ~, ~, ~, ~, ~, ~]|" \
	"but not a wording two rows end with: unfilled"

awk '/^（一）主动公开情况。$/ { getline n; print "（一）主动公开情况。" n; next } { print }' "$SEED" > runon.txt
same "a subsection's text run on after its title in the same paragraph" runon.txt

# ---- section 五 in its parts, however they are marked ----
sed -e 's/^上年改进情况：/（一）上年度问题整改情况\n/' -e 's/^本年存在问题：/（二）存在的主要问题\n/' \
    -e 's/^\[bookmark: _GoBack\]下一步改进举措：/（三）下一步改进举措\n/' "$SEED" > parts.txt
same "五 in numbered subsections with the published titles" parts.txt
sed -e 's/^上年改进情况：/1.上年度问题整改情况。/' -e 's/^本年存在问题：/2.本年度存在的主要问题。/' \
    -e 's/^\[bookmark: _GoBack\]下一步改进举措：/3.下一步工作打算。/' "$SEED" > parts-runon.txt
same "五 numbered 1. 2. 3., each part's text run on after its title" parts-runon.txt
sed -e 's/^上年改进情况：/一是上年度问题整改情况。\n/' -e 's/^本年存在问题：/二是存在的主要问题。\n/' \
    -e 's/^\[bookmark: _GoBack\]下一步改进举措：/三是下一步改进措施。\n/' "$SEED" > parts-yishi.txt
same "五 in parts marked 一是 二是 三是" parts-yishi.txt
sed -e 's/^上年改进情况：/上年度问题整改情况\n/' -e 's/^本年存在问题：/存在的主要问题\n/' \
    -e 's/^\[bookmark: _GoBack\]下一步改进举措：/下一步工作打算\n/' "$SEED" > parts-titles.txt
same "五 in parts under titles alone on their lines (bold headings)" parts-titles.txt
sed -e 's/^上年改进情况：//' -e 's/^本年存在问题：/存在问题较多。/' \
    -e 's/^\[bookmark: _GoBack\]下一步改进举措：//' "$SEED" > parts-none.txt
"$NIANBAO" import parts-none.txt -o parts-none.yaml 2>parts-none.err; rc=$?
is "$rc" 1 "五 in no marked parts: not complete"
is "$(sed -n '/^improvement:/,/^other_matters:/p' parts-none.yaml | grep -c '^  [a-z_]*: ""$')" 2 \
	"its whole text kept in the first part, the others unfilled (a paragraph starting 存在问题 is no title)"
contains "$(sed -n '/^  last_year:/,/^  problems:/p' parts-none.yaml | tr -d '\n ')" "存在问题较多。一是政务公开工作内容调整较大" \
	"the first part holds the text of all three"
contains "$(cat parts-none.err)" "正文没有分为“上年改进情况”等部分，全文放在“上年改进情况”中" "and the summary says so"

# rows of table 二 in another order: the 行政处罚 and 行政强制 rows swapped
awk '/^\t行政处罚$/ { a = $0; getline; b = $0; getline; getline c; getline d
	print c; print d; print ""; print a; print b; next } { print }' "$SEED" > order.txt
"$NIANBAO" import order.txt -o order.yaml 2>/dev/null
is "$(only_changed order.yaml)" "" "rows of table 二 in another order are found by their labels"

# ---- rows as the tables of other sites give them ----
"$NIANBAO" export "$DRAFT" -o export.md
sed 's/\\&/\&/g' export.md > rows.md        # Markdown's escapes are not the text's
awk -F'|' '/^\|/ { s = ""; for (i = 2; i < NF; i++) { gsub(/^ +| +$/, "", $i); s = s (i > 2 ? "\t" : "") $i }
	print s; next } { print }' rows.md | grep -v '^-' > tabs.txt
same "table rows separated by tabs" tabs.txt
awk -F'|' '/^\|/ { s = ""; for (i = 2; i < NF; i++) { gsub(/^ +| +$/, "", $i); s = s (i > 2 ? "    " : "") $i }
	print s; next } { print }' rows.md | grep -v '^-' > spaces.txt
same "table rows laid out in columns of blanks" spaces.txt
sed 's/^| \(.*\) |$/\1/' rows.md > pipes.txt
same "rows with ' | ' between cells" pipes.txt

# ---- what cannot be read for certain stays unfilled ----
awk '/^\t二、上年结转政府信息公开申请数量$/ { print; getline; n = 1; next } { print }' "$SEED" > short-row.txt
"$NIANBAO" import short-row.txt -o short-row.yaml 2>short-row.err; rc=$?
is "$rc" 1 "a row with a figure too few is not complete"
is "$(only_changed short-row.yaml)" "  carried_in: [~, ~, ~, ~, ~, ~, ~]|" \
	"that row is left unfilled, not shifted, and nothing else changes"
contains "$(cat short-row.err)" "二、上年结转政府信息公开申请数量：应有 7 个数字，找到 6 个，未填" "and the summary says which and why"
awk '/^\t二、上年结转政府信息公开申请数量$/ { print; print "\t0"; next } { print }' "$SEED" > long-row.txt
"$NIANBAO" import long-row.txt -o long-row.yaml 2>/dev/null
is "$(only_changed long-row.yaml)" "  carried_in: [~, ~, ~, ~, ~, ~, ~]|" "a figure too many: unfilled too"
awk '/^\t一、本年新收政府信息公开申请数量$/ { print; getline; print "\t1"; print "\t2"; for (i = 0; i < 6; i++) { getline; print }; next } { print }' "$SEED" > split-number.txt
"$NIANBAO" import split-number.txt -o split-number.yaml 2>/dev/null; rc=$?
is "$(only_changed split-number.yaml)" "  new: [~, ~, ~, ~, ~, ~, ~]|" \
	"a number broken over two lines is not guessed at: the row is unfilled"
is "$rc" 1 "and the import is not complete"
# 162 in the rows 一, 三（一） and 三（七）, consistent; then broken as "1" / "62"
awk '/^\t一、本年新收政府信息公开申请数量$/ || /^\t（一）予以公开$/ || /^\t（七）总计$/ {
	print; getline; print "\t162"; for (i = 0; i < 5; i++) { getline; print }; getline; print "\t162"; next }
	{ print }' "$SEED" > big.txt
"$NIANBAO" import big.txt -o big.yaml 2>/dev/null
awk '/^\t一、本年新收政府信息公开申请数量$/ { print; getline; print "\t1"; print "\t62"; next } { print }' \
	big.txt > rejoin.txt
"$NIANBAO" import rejoin.txt -o rejoin.yaml 2>rejoin.err; rc=$?
ok "$(cmp -s rejoin.yaml big.yaml; echo $?)" \
	"a number broken over two lines is joined back when exactly one join makes the row and its columns add up"
contains "$(cat rejoin.err)" "一个数字被断成两行，已按本行总计接回" "and reported as repaired"
is "$rc" 0 "the import is then complete"
awk '/^\t一、本年新收政府信息公开申请数量$/ { print; getline; print "\t1"; print "\t62";
	for (i = 0; i < 5; i++) { getline; print }; getline; print "\t162"; next } { print }' "$SEED" > rejoin-bad.txt
"$NIANBAO" import rejoin-bad.txt -o rejoin-bad.yaml 2>/dev/null
is "$(only_changed rejoin-bad.yaml)" "  new: [~, ~, ~, ~, ~, ~, ~]|" \
	"but not when the joined row would break its column's balance: unfilled"
# table 三 without its 总计 column: the heading cell and each row's last figure
awk -F'\t' 'BEGIN { OFS = "\t" }
	/三、收到和处理政府信息公开申请情况$/ { on = 1 } /四、政府信息公开行政复议、行政诉讼情况$/ { on = 0 }
	on && /申请人情况\/总计/ { NF = NF - 1 }
	on && NF >= 8 && $NF ~ /^[0-9]+$/ { NF = NF - 1 } { print }' tabs.txt > no-total.txt
"$NIANBAO" import no-total.txt -o no-total.yaml 2>no-total.err; rc=$?
is "$(only_changed no-total.yaml)" "" "a table without its 总计 column gets each total computed from its parts"
contains "$(cat no-total.err)" "未印出总计，已按各项计算" "and the summary says it was computed"
is "$rc" 0 "which is not a cell left unfilled"
sed 's/^\t4$/\t4.5/' "$SEED" > fraction.txt
"$NIANBAO" import fraction.txt -o fraction.yaml 2>/dev/null
contains "$(only_changed fraction.yaml)" "punishment: ~" "a count with a fraction is not taken"
sed 's/^\t1.属于国家秘密$/\t1.属于国家机密/' "$SEED" > unknown-label.txt
"$NIANBAO" import unknown-label.txt -o unknown-label.yaml 2>unknown-label.err; rc=$?
is "$(only_changed unknown-label.yaml)" "    state_secret: [~, ~, ~, ~, ~, ~, ~]|" \
	"a row whose label is not the form's is not guessed at"
contains "$(cat unknown-label.err)" "未找到这一行" "and said"

# ---- documents that are not reports of this format ----
sed 's/^\t一、本年新收政府信息公开申请数量$/\t当面申请/' "$SEED" > old.txt
out=$("$NIANBAO" import old.txt -o old.yaml 2>&1); rc=$?
is "$rc" 2 "a report in the format of 2019 and before is refused"
contains "$out" "2019 年及以前格式" "saying what it is"
ok "$(test -e old.yaml; echo $((1 - $?)))" "and nothing is written"
out=$("$NIANBAO" import "$S/README" -o readme.yaml 2>&1); rc=$?
is "$rc" 2 "a document that is no report is refused"
contains "$out" "这不像一份政府信息公开工作年度报告" "saying so"

# ---- several reports, and standard output ----
mkdir out
"$NIANBAO" import -d out "$SEED" short-row.txt old.txt 2>many.err; rc=$?
is "$rc" 2 "-d imports each report; the status is the worst"
contains "$(cat many.err)" "3 份报告：1 份完整，1 份有未填的格，1 份未能导入" "with a closing summary"
ok "$(cmp -s out/jinzhai-2024-seed.yaml "$DRAFT"; echo $?)" "each draft named after its report"
"$NIANBAO" import "$SEED" -o - >stdout.yaml 2>/dev/null
ok "$(cmp -s stdout.yaml "$DRAFT"; echo $?)" "-o - writes the draft to standard output"
tap_done
