#!/bin/sh
# sum, check --children and diff, driven as a county's office would.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

S=$NB_TOP_SRCDIR
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$S" || exit 1

plan 58

seed=sample-data/jinzhai-2024.yaml

# gen N NAME: a variant of the seed that still passes check: N more of
# each figure that a body changes, and the rows that must follow.
gen() {
	sed -e "s/^organization: .*/organization: 第$1局/" \
	    -e "s/^  punishment: 4/  punishment: $((4 + $1))/" \
	    -e "s/^  fees: 0/  fees: $1.25/" \
	    -e "s/^  regulations: .*/  regulations: {issued: $1, repealed: 0, in_force: $((2 * $1))}/" \
	    -e "s/^  new: .*/  new: [$((1 + $1)), $1, 0, 0, 0, 0, $((1 + 2 * $1))]/" \
	    -e "s/^  public: .*/  public: [1, $1, 0, 0, 0, 0, $((1 + $1))]/" \
	    -e "s/^    not_held: .*/    not_held: [$1, 0, 0, 0, 0, 0, $1]/" \
	    -e "s/^  total: .*/  total: [$((1 + $1)), $1, 0, 0, 0, 0, $((1 + 2 * $1))]/" \
	    -e "s/^  reconsideration: .*/  reconsideration: {upheld: $1, corrected: 1, other: 0, pending: 0, total: $((1 + $1))}/" \
	    "$seed" > "$2"
}

mkdir "$T/kids" "$T/kids/town"
cp "$seed" "$T/kids/a.yaml"
gen 1 "$T/kids/b.yaml"
gen 2 "$T/kids/town/c.yaml"
gen 30 "$T/kids/town/d.yaml"
bad=0
for f in "$T"/kids/*.yaml "$T"/kids/town/*.yaml; do
	"$NIANBAO" check "$f" >/dev/null 2>&1 || bad=$((bad + 1))
done
is "$bad" 0 "the seed and the generated drafts each pass check"

# ---- sum ----
out=$("$NIANBAO" sum -o "$T/total.yaml" --org 金寨县 --year 2024 "$T/kids" 2>&1); rc=$?
is "$rc" 0 "sum of a directory exits 0"
is "$out" "nianbao sum: 合计了 4 份草稿，写到 $T/total.yaml" "and says how many it added"
t=$(cat "$T/total.yaml")
contains "$t" "organization: 金寨县
year: 2024" "the identity comes from the options"
contains "$t" "  punishment: 49
" "counts are summed (4+5+6+34)"
contains "$t" "  fees: 33.75
" "amounts are summed exactly (0+1.25+2.25+30.25)"
contains "$t" "  new: [37, 33, 0, 0, 0, 0, 70]" "rows are summed, their totals too"
contains "$t" "  reconsideration: {upheld: 33, corrected: 3, other: 0, pending: 0, total: 36}" \
	"table 四 is summed"
contains "$t" "other_matters: \"\"" "text is left empty"
contains "$t" "x-sum-of:
- {path: '$T/kids/a.yaml', organization: '金寨县公共资源交易中心', year: 2024}
- {path: '$T/kids/b.yaml', organization: '第1局', year: 2024}
- {path: '$T/kids/town/c.yaml', organization: '第2局', year: 2024}
- {path: '$T/kids/town/d.yaml', organization: '第30局', year: 2024}" \
	"the inputs are listed under x-sum-of, directories searched in order"

out=$("$NIANBAO" check "$T/total.yaml" 2>/dev/null); rc=$?
is "$(echo "$out" | grep -c ': error: ')" 0 "the sum has no error"
is "$(echo "$out" | grep ': note: ' | sed 's/.*note: //')" "未填写：联系部门 [unfilled]
未填写：地址 [unfilled]
未填写：电话 [unfilled]
未填写：邮编 [unfilled]
未填写：网址 [unfilled]" "without --contact-from only the contact lines are left to fill"
"$NIANBAO" sum -o "$T/total.yaml" --org 金寨县 --year 2024 --contact-from "$seed" \
	"$T/kids" 2>/dev/null
"$NIANBAO" check "$T/total.yaml" >/dev/null 2>&1
is "$?" 0 "with --contact-from the sum of drafts that pass check passes check"
contains "$(cat "$T/total.yaml")" "  office: 县交易中心办公室" "its contact lines come from that draft"

# The sum of the sum and another draft: sums of sums are sums.
"$NIANBAO" sum -o "$T/city.yaml" --org 六安市 --year 2024 --contact-from "$seed" \
	"$T/total.yaml" "$seed" 2>/dev/null
is "$?" 0 "a sum can be summed again"
"$NIANBAO" check "$T/city.yaml" >/dev/null 2>&1
is "$?" 0 "and passes check"

# The output inside the directory summed is not taken as an input.
"$NIANBAO" sum -o "$T/kids/total.yaml" --org 金寨县 --year 2024 "$T/kids" 2>/dev/null
out=$("$NIANBAO" sum -o "$T/kids/total.yaml" --org 金寨县 --year 2024 "$T/kids" 2>&1)
is "$out" "nianbao sum: 合计了 4 份草稿，写到 $T/kids/total.yaml" \
	"the output file is not summed into itself"
rm -f "$T/kids/total.yaml" "$T/kids/total.yaml~"

out=$("$NIANBAO" sum -o "$T/s.yaml" --org 金寨县 --year 2024 "$T/kids" "$T/kids/b.yaml" 2>&1); rc=$?
is "$rc" 1 "a draft named twice is refused: exit 1"
is "$out" "$T/kids/b.yaml: error: 不能计入合计：与 $T/kids/b.yaml 是同一个文件
nianbao sum: 有草稿未能计入合计，没有写出 $T/s.yaml" "it would be added twice"

out=$("$NIANBAO" sum -o - --org 金寨县 --year 2024 "$seed" 2>/dev/null); rc=$?
is "$rc" 0 "sum -o - exits 0"
contains "$out" "x-sum-of:
- {path: '$seed'" "and writes the sum to standard output"

# Refusals: the samples with errors and unfilled cells, another year.
out=$("$NIANBAO" sum -o "$T/s.yaml" --org 金寨县 --year 2024 sample-data 2>&1); rc=$?
is "$rc" 1 "sum of the samples refuses the broken and the empty one: exit 1"
is "$out" "sample-data/empty.yaml: error: 不能计入合计：有 200 个表格数字未填写；年度为 2025，不是 2024
sample-data/jinzhai-2024-errors.yaml: error: 不能计入合计：有 3 个错误；有 1 个表格数字未填写
nianbao sum: 有草稿未能计入合计，没有写出 $T/s.yaml" "each refused draft is listed with its reasons"
ok "$([ ! -e "$T/s.yaml" ]; echo $?)" "and nothing is written"

out=$("$NIANBAO" sum --force -o "$T/s.yaml" --org 金寨县 --year 2024 sample-data 2>&1); rc=$?
is "$rc" 0 "--force sums what is filled"
is "$out" "sample-data/empty.yaml: warning: 已强行计入合计（只计已填写的格）：有 200 个表格数字未填写；年度为 2025，不是 2024
sample-data/jinzhai-2024-errors.yaml: warning: 已强行计入合计（只计已填写的格）：有 3 个错误；有 1 个表格数字未填写
nianbao sum: warning: 3 个总计按合计后的各项重新计算（与各份草稿的总计之和不同）
nianbao sum: 合计了 4 份草稿，写到 $T/s.yaml" "and says what it forced and what it recomputed"
contains "$(cat "$T/s.yaml")" "- {path: 'sample-data/jinzhai-2024-errors.yaml', organization: '金寨县公共资源交易中心', year: 2024, forced: '有 3 个错误；有 1 个表格数字未填写'}" \
	"the list of inputs says which were forced"

sed 's/^year: 2024/year: 2023/' "$seed" > "$T/old.yaml"
out=$("$NIANBAO" sum -o "$T/s2.yaml" --org 金寨县 --year 2024 "$seed" "$T/old.yaml" 2>&1); rc=$?
is "$rc" 1 "a draft of another year is refused"
contains "$out" "$T/old.yaml: error: 不能计入合计：年度为 2023，不是 2024" "saying its year"

printf 'format: gov-info-annual-report/2021\nrequests:\n  new: [1, 2, x]\n' > "$T/bad.yaml"
out=$("$NIANBAO" sum -o "$T/s2.yaml" --org 金寨县 --year 2024 "$T/bad.yaml" "$T/old.yaml" "$seed" 2>&1); rc=$?
is "$rc" 2 "a malformed draft: exit 2"
is "$out" "$T/bad.yaml:3:8: error: 这一行应有 7 个数字（自然人至总计各一个），实有 3 个
$T/old.yaml: error: 不能计入合计：年度为 2023，不是 2024
nianbao sum: 有草稿未能计入合计，没有写出 $T/s2.yaml" \
	"with its diagnostic, the others still read and listed"
ok "$([ ! -e "$T/s2.yaml" ]; echo $?)" "nothing is written"

# Another format: a second form file beside the shipped one.
mkdir "$T/forms"
sed 's|^format: gov-info-annual-report/2021|format: test/other|' \
	forms/gov-info-annual-report-2021.yaml > "$T/forms/test-other.yaml"
sed 's|^format: .*|format: test/other|' "$seed" > "$T/other.yaml"
out=$("$NIANBAO" --forms "$T/forms" sum --force -o "$T/s2.yaml" --org 金寨县 --year 2024 \
	"$seed" "$T/other.yaml" 2>&1); rc=$?
is "$rc" 1 "a draft of another format is refused, even with --force"
contains "$out" "$T/other.yaml: error: 不能计入合计：格式为“test/other”，不是“gov-info-annual-report/2021”" \
	"naming both formats"

sed 's/^  punishment: 4/  punishment: 9223372036854775807/' "$seed" > "$T/big.yaml"
out=$("$NIANBAO" sum -o "$T/s2.yaml" --org 金寨县 --year 2024 "$T/big.yaml" "$seed" 2>&1); rc=$?
is "$rc" 1 "a sum past 64 bits is refused"
contains "$out" "$seed:34:15: error: 加上这一份，“行政处罚 本年处理决定数量”的合计超出了 64 位整数的范围，无法合计" \
	"at the cell that overflows, never wrapped"
ok "$([ ! -e "$T/s2.yaml" ]; echo $?)" "and nothing is written"

mkdir "$T/none"
"$NIANBAO" sum -o "$T/s2.yaml" --org 金寨县 --year 2024 "$T/none" 2>/dev/null
is "$?" 2 "a directory without drafts: exit 2"
"$NIANBAO" sum -o "$T/s2.yaml" --org 金寨县 "$seed" 2>/dev/null
is "$?" 2 "sum without --year: exit 2"
"$NIANBAO" sum -o "$T/s2.yaml" --org 金寨县 --year 24 "$seed" 2>/dev/null
is "$?" 2 "sum with a year that is not one: exit 2"
contains "$("$NIANBAO" sum --help)" "用法：nianbao sum -o 合计.yaml" "sum --help"

# ---- check --children ----
"$NIANBAO" sum -o "$T/county.yaml" --org 金寨县 --year 2024 "$T/kids" 2>/dev/null
out=$("$NIANBAO" check --children "$T/kids" "$T/county.yaml" 2>&1); rc=$?
is "$rc" 0 "check --children: a parent equal to the sum of its bodies exits 0"
is "$out" "" "and says nothing"
sed 's/^  punishment: 49/  punishment: 47/; s/^  fees: 33.75/  fees: 33.8/' \
	"$T/county.yaml" > "$T/county2.yaml"
out=$("$NIANBAO" check --children "$T/kids" "$T/county2.yaml" 2>"$T/err"); rc=$?
is "$rc" 1 "a parent with two cells changed exits 1"
is "$out" "$T/county2.yaml:28:15: error: 行政处罚 本年处理决定数量 为 47，下级合计为 49（差 -2） [children]
$T/county2.yaml:30:9: error: 行政事业性收费 本年收费金额（单位：万元） 为 33.80，下级合计为 33.75（差 +0.05） [children]" \
	"one error per differing cell, at its place in the parent"
is "$(cat "$T/err")" "$T/county2.yaml: 2 格与下级 4 份草稿的合计不同" "with a summary on stderr"
cp "$T/county2.yaml" "$T/kids/county2.yaml"
"$NIANBAO" check --children "$T/kids" "$T/kids/county2.yaml" >/dev/null 2>&1
is "$?" 1 "a parent inside the directory is not one of its own bodies"
rm "$T/kids/county2.yaml"
out=$("$NIANBAO" check --children "$T/kids" "$T/bad.yaml" 2>&1); rc=$?
is "$rc" 2 "an unreadable parent exits 2"
is "$out" "$T/bad.yaml:3:8: error: 这一行应有 7 个数字（自然人至总计各一个），实有 3 个" \
	"with its diagnostic"

# ---- diff ----
out=$("$NIANBAO" diff "$seed" sample-data/jinzhai-2024-errors.yaml); rc=$?
is "$rc" 1 "diff of two different drafts exits 1"
is "$out" "二、主动公开政府信息情况
  行政许可 本年处理决定数量                  0 ->     ~  未填
  行政事业性收费 本年收费金额（单位：万元）  0 -> 12.50  新增
三、收到和处理政府信息公开申请情况
  三、本年度办理结果（一）予以公开 自然人    1 ->     0  -100.0%
  三、本年度办理结果（一）予以公开 其他      0 ->     1  新增
四、政府信息公开行政复议、行政诉讼情况
  行政诉讼（未经复议直接起诉） 结果维持      0 ->     1  新增
六、其他需要报告的事项
  六、其他需要报告的事项 第1段               旧 按照《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号）规定的按件、按量收费标准，本年度没有产生信息公开处理费。
                                             新 本年度无其他需要报告的事项。" \
	"every difference by its official name, aligned by display width"
out=$("$NIANBAO" diff --format tsv "$seed" sample-data/jinzhai-2024-errors.yaml | head -n 3)
is "$out" "figure	行政许可 本年处理决定数量	0		未填
figure	行政事业性收费 本年收费金额（单位：万元）	0	12.50	新增
figure	三、本年度办理结果（一）予以公开 自然人	1	0	-100.0%" "--format tsv: kind, name, old, new, change"

# Year on year: last year's draft against this year's.
sed 's/^year: 2024/year: 2023/; s/^  punishment: 4/  punishment: 8/' "$seed" > "$T/2023.yaml"
out=$("$NIANBAO" diff "$T/2023.yaml" "$seed"); rc=$?
is "$out" "基本信息
  报告年度                   2023 -> 2024
二、主动公开政府信息情况
  行政处罚 本年处理决定数量     8 ->    4  -50.0%" "year on year: the year comes first"

out=$("$NIANBAO" diff "$seed" "$seed" 2>&1); rc=$?
is "$rc:$out" "0:" "diff of a file with itself: exit 0, nothing printed"
out=$("$NIANBAO" diff "$seed" "$T/bad.yaml" 2>&1); rc=$?
is "$rc:$out" "2:$T/bad.yaml:3:8: error: 这一行应有 7 个数字（自然人至总计各一个），实有 3 个" \
	"a malformed draft: exit 2 with its diagnostic"
out=$("$NIANBAO" --forms "$T/forms" diff "$seed" "$T/other.yaml" 2>&1); rc=$?
is "$rc:$out" "2:$T/other.yaml: error: 格式为“test/other”，与 $seed 的“gov-info-annual-report/2021”不同，无法比较" \
	"drafts of different formats: exit 2"
"$NIANBAO" diff --format xml "$seed" "$seed" 2>/dev/null
is "$?" 2 "an unknown --format: exit 2"
"$NIANBAO" diff "$seed" 2>/dev/null
is "$?" 2 "diff of one draft: exit 2"

tap_done
