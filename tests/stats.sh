#!/bin/sh
# nianbao stats driven as a user would: the text compared exactly for two
# sets (tests/data/stats.txt, tests/data/stats-jinzhai.txt), the TSV
# exactly (tests/data/stats.tsv), the HTML page well-formed with its
# charts and every text escaped, the format chosen by extension, drafts
# that cannot be read among others (said, left out, exit 2), the summary
# as CSV, and nothing half-written.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

S=$NB_TOP_SRCDIR
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$S" || exit 1

plan 38

"$NIANBAO" stats tests/data/stats >"$T/out.txt" 2>"$T/err"; rc=$?
is "$rc" 0 "stats of a directory exits 0"
is "$(cat "$T/err")" "" "silently"
cmp -s "$T/out.txt" tests/data/stats.txt
ok $? "its text is tests/data/stats.txt" || diff tests/data/stats.txt "$T/out.txt" | head -n 20 | sed 's/^/# /'
"$NIANBAO" stats sample-data/jinzhai-2024.yaml >"$T/one.txt"
cmp -s "$T/one.txt" tests/data/stats-jinzhai.txt
ok $? "the text of one draft is tests/data/stats-jinzhai.txt" ||
	diff tests/data/stats-jinzhai.txt "$T/one.txt" | head -n 20 | sed 's/^/# /'
"$NIANBAO" stats tests/data/stats/a.yaml tests/data/stats/b.yaml tests/data/stats/c.yaml >"$T/files.txt"
cmp -s "$T/files.txt" tests/data/stats.txt
ok $? "files named one by one count as the directory does"

width=$(while IFS= read -r l; do printf '%s\n' "$l" | wc -L; done <"$T/out.txt" | sort -n | tail -1)
ok "$([ "$width" -le 80 ]; echo $?)" "every line fits 80 columns ($width)"
grep -q '█' "$T/out.txt" && grep -q '▊' "$T/out.txt"
ok $? "the bars are drawn with block characters, to an eighth"
contains "$(cat "$T/out.txt")" "其中 1 份有未填写的数字" "the incomplete drafts are counted"
contains "$(cat "$T/out.txt")" "（一）予以公开                   27  65.9%" \
	"予以公开 as a share of the requests handled"
contains "$(cat "$T/out.txt")" "   1 某某市<数据>&\"资源\"局         26  63.4%" \
	"the body with the most new requests first"

"$NIANBAO" stats --format tsv tests/data/stats >"$T/out.tsv"
cmp -s "$T/out.tsv" tests/data/stats.tsv
ok $? "--format tsv is tests/data/stats.tsv" || diff tests/data/stats.tsv "$T/out.tsv" | head -n 20 | sed 's/^/# /'
is "$(awk -F '\t' 'NF != 4' "$T/out.tsv" | wc -l | tr -d ' ')" 0 "four fields on every line"
is "$(grep -c '^figure	' "$T/out.tsv")" 50 "every figure of the three tables"
is "$(grep '^unfilled	行政事业性收费' "$T/out.tsv" | cut -f 3)" 1 "an unfilled cell is counted, not taken for 0"

"$NIANBAO" stats tests/data/stats -o "$T/page.html"; rc=$?
is "$rc" 0 "-o FILE.html writes the page"
python3 - "$T/page.html" >"$T/html.out" 2>&1 <<'EOF'
import sys, xml.dom.minidom
d = xml.dom.minidom.parse(sys.argv[1])
svgs = d.getElementsByTagName('svg')
texts = ''.join(t.data for e in d.getElementsByTagName('tspan') for t in e.childNodes)
print(len(svgs), len(d.getElementsByTagName('rect')), '1. 某某市<数据>&"资源"局' in texts)
EOF
is "$(cat "$T/html.out")" "7 34 True" "well-formed: 7 SVG charts, 34 bars, a name read back as written"
ok "$(grep -Eqi 'src=|href=|url\(|@import|<script' "$T/page.html"; [ $? = 1 ]; echo $?)" \
	"the page fetches nothing"
grep -q '<meta charset="utf-8"/>' "$T/page.html"
ok $? "and says it is UTF-8"
ok "$(grep -q '<数据>' "$T/page.html"; [ $? = 1 ]; echo $?)" "no name is left unescaped"

# Drafts that cannot be read among others: each said, the rest counted.
mkdir -p "$T/set/sub"
cp tests/data/stats/a.yaml tests/data/stats/b.yaml "$T/set/"
cp tests/data/stats/c.yaml "$T/set/sub/"
printf 'format: [\n' >"$T/set/broken.yaml"
sed 's|^format: .*|format: gov-info-annual-report/1999|' tests/data/stats/a.yaml >"$T/set/old.yaml"
touch "$T/set/a.yaml~" "$T/set/.b.yaml.lock"
"$NIANBAO" stats --format tsv "$T/set" >"$T/set.tsv" 2>"$T/err"; rc=$?
is "$rc" 2 "a draft that cannot be read among many: exit 2"
is "$(grep -c ': error: ' "$T/err")" 2 "each said, as check says it"
grep -q "^$T/set/broken.yaml:[0-9]*:[0-9]*: error: " "$T/err"
ok $? "with its file, line and column"
is "$(sed -n 's/^reports\t\t\([0-9]*\)\t$/\1/p; s/^unread\t\t\([0-9]*\)\t$/\1/p' "$T/set.tsv" | tr '\n' ' ')" "3 2 " \
	"the other three counted, two left out"
is "$(grep '^figure	一、本年新收政府信息公开申请数量 总计' "$T/set.tsv" | cut -f 3)" 41 \
	"with the same sums as before"
"$NIANBAO" stats "$T/set" >"$T/set.txt" 2>/dev/null
contains "$(cat "$T/set.txt")" "另有 2 份无法读取，未计入" "the text says how many were left out"
"$NIANBAO" stats tests/data/stats/a.yaml "$T/none.yaml" >/dev/null 2>"$T/err"; rc=$?
is "$rc" 2 "a path that does not exist: exit 2"

# The format, the output file, what is refused.
"$NIANBAO" stats tests/data/stats -o "$T/out.tsv2" 2>"$T/err"; rc=$?
is "$rc" 2 "an extension that names no format is refused"
ok "$([ ! -e "$T/out.tsv2" ]; echo $?)" "and nothing is written"
"$NIANBAO" stats --format pdf tests/data/stats 2>/dev/null; rc=$?
is "$rc" 2 "an unknown --format is refused"
"$NIANBAO" stats tests/data/stats -o "$T/s.tsv" && head -n 1 "$T/s.tsv" | grep -q '^kind	name	value	share$'
ok $? "-o FILE.tsv writes TSV"
echo "old" >"$T/keep.txt"
"$NIANBAO" stats "$T/set/broken.yaml" -o "$T/keep.txt" 2>"$T/err"; rc=$?
is "$rc:$(cat "$T/keep.txt")" "2:old" "nothing to count: exit 2, the old output untouched"
contains "$(cat "$T/err")" "没有可统计的草稿" "and it says so"
ok "$([ -z "$(ls -A "$T" | grep '^\.nb-')" ]; echo $?)" "no temporary file is left"
"$NIANBAO" stats 2>/dev/null; rc=$?
is "$rc" 2 "no draft named: a usage error"
"$NIANBAO" stats --help | grep -q '^用法：nianbao stats'
ok $? "--help"

# The summary as CSV: a row a draft, the totals last.
"$NIANBAO" stats tests/data/stats -o "$T/sum.csv" 2>"$T/err"; rc=$?
is "$rc" 0 "-o FILE.csv writes the summary"
contains "$(cat "$T/err")" "3 份草稿中有 1 份有未填写的数字，汇总表中留空" "saying that cells are left empty"
is "$(head -c 3 "$T/sum.csv" | od -An -tx1 | tr -d ' ')|$(wc -l <"$T/sum.csv" | tr -d ' ')|$(tail -n 1 "$T/sum.csv" | cut -d, -f 1-3)" \
	"efbbbf|11|合计,,1" "UTF-8 with a byte-order mark, 11 lines, the row of totals last"
tap_done
