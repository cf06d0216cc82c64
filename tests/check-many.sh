#!/bin/sh
# `nianbao check` over many drafts: directories searched, the summary,
# --format tsv, --year, drafts of the same body and year, --previous DIR,
# -j N, and bad files among good ones.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

S=$NB_TOP_SRCDIR
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$S" || exit 1

plan 46

# org NAME FILE: FILE as the draft of another body.
org() { sed "s/^organization: .*/organization: $1/" "$2"; }

# A county's folder: good, broken, incomplete and unreadable drafts, a
# directory named like a draft, side files, the same report twice.
mkdir -p "$T/tree/a" "$T/tree/b/x.yaml" "$T/tree/c"
org 甲单位 sample-data/jinzhai-2024.yaml > "$T/tree/a/good.yaml"
cp "$T/tree/a/good.yaml" "$T/tree/a/good.yaml~"
cp "$T/tree/a/good.yaml" "$T/tree/a/.good.yaml.lock"
org 乙单位 sample-data/jinzhai-2024.yaml |
	sed 's/^  new: \[1, 0, 0, 0, 0, 0, 1\]/  new: [2, 0, 0, 0, 0, 0, 1]/' > "$T/tree/a/broken.yaml"
org 丙单位 sample-data/empty.yaml | sed 's/^year: 2025/year: 2024/' > "$T/tree/b/incomplete.yaml"
printf 'format: gov-info-annual-report/2021\nrequests:\n  new: [1, 2, x]\n' > "$T/tree/b/bad.yaml"
printf 'format: no-such-form/1\n' > "$T/tree/b/other-format.yaml"
printf 'PK\003\004 not a draft' > "$T/tree/b/word.yaml"
org 丁单位 sample-data/jinzhai-2024.yaml > "$T/tree/b/x.yaml/inner.yaml"
cp "$T/tree/a/good.yaml" "$T/tree/c/dup.yaml"
A=$T/tree/a B=$T/tree/b

"$NIANBAO" check "$T/tree" >"$T/out" 2>"$T/err"; rc=$?
is "$rc" 2 "a folder with an unreadable file among the drafts exits 2"
is "$(grep -v "^$B/incomplete.yaml:" "$T/out")" "$A/broken.yaml:38:9: error: 表三 “自然人”列：一+二 (2+0=2) 不等于 三（七）+四 (1+0=1) [t3-balance]
$A/broken.yaml:38:27: error: 表三 一 行：总计 1 不等于各类申请人之和 2+0+0+0+0+0=2 [t3-row-total]
$T/tree/c/dup.yaml:2:15: error: 同一机关同一年度的草稿已有一份：$A/good.yaml（甲单位，2024 年） [duplicate]" \
	"the findings of every draft, in name order; the same body and year twice names both files"
is "$(grep -c "^$B/incomplete.yaml:[0-9]*:[0-9]*: note: 未填写" "$T/out")" 55 \
	"the incomplete draft: a note for each unfilled field"
is "$(grep -c -v ': note: ' "$T/out" | tr -d ' ')" 8 "and nothing else is found (3 errors, 5 warnings)"
is "$(grep ': error: ' "$T/err" | grep -v '已查找')" \
"$B/bad.yaml:3:8: error: 这一行应有 7 个数字（自然人至总计各一个），实有 3 个
$B/word.yaml:1:1: error: 这是一个 ZIP 压缩文件（如 .docx、.xlsx、.wps 文档），不是草稿：草稿应为 UTF-8 编码的 YAML 文本" \
	"a malformed draft and a file of another kind: their diagnostics on stderr"
contains "$(cat "$T/err")" "$B/other-format.yaml:1:9: error: 找不到格式“no-such-form/1”的表单文件" \
	"a draft of a format there is no form for is unreadable too"
is "$(sed -n '/^共/,$p' "$T/err")" "共 8 个文件：通过 2 个，有错误 2 个，未填完 1 个，无法读取 3 个
违反最多的规则：
  duplicate         1 份草稿  同一机关同一年度的草稿不止一份
  t3-balance        1 份草稿  表三 “…”列：一+二 (…) 不等于 三（七）+四 (…)
  t3-row-total      1 份草稿  表三 … 行：总计 … 不等于各类申请人之和 …
  text-required     1 份草稿  … 尚未填写" \
	"the summary ends stderr: counts, then the rules broken most, in the form's words"
ok "$(grep -q 'good.yaml~\|\.lock' "$T/out" "$T/err"; [ $? -eq 1 ]; echo $?)" \
	"backups and lock files are passed over"
ok "$(grep -q '个警告' "$T/err"; [ $? -eq 1 ]; echo $?)" "no count line for each draft in a batch"
ok "$(grep -q "已检查\|$(printf '\r')" "$T/err"; [ $? -eq 1 ]; echo $?)" \
	"no progress line when stderr is not a terminal"

# Exit statuses of a batch.
mkdir -p "$T/ok/sub"
cp "$A/good.yaml" "$T/ok/1.yaml"
org 戊单位 sample-data/jinzhai-2024.yaml > "$T/ok/sub/2.yml"
"$NIANBAO" check "$T/ok" >"$T/out" 2>"$T/err"; rc=$?
is "$rc" 0 "a folder of good drafts exits 0"
is "$(cat "$T/out")" "" "prints no finding"
is "$(cat "$T/err")" "共 2 个文件：通过 2 个，有错误 0 个，未填完 0 个，无法读取 0 个" \
	"and only the counts on stderr (.yml taken too)"
"$NIANBAO" check "$T/ok" "$B/incomplete.yaml" >/dev/null 2>&1
is "$?" 1 "unfilled cells and no error: exit 1"
err=$("$NIANBAO" check "$T/ok" "$B/incomplete.yaml" 2>&1 >/dev/null)
contains "$err" "通过 2 个，有错误 0 个，未填完 1 个" "and the draft is counted incomplete"
"$NIANBAO" check "$T/ok" "$A/broken.yaml" >/dev/null 2>&1
is "$?" 1 "an error and nothing unreadable: exit 1"
err=$("$NIANBAO" check "$B/x.yaml" "$A/good.yaml" 2>&1); rc=$?
is "$rc" 2 "a directory named like a draft, given: exit 2"
contains "$err" "$B/x.yaml: error: 这是一个目录，不是普通文件" "it is refused as a draft, not searched"
contains "$err" "共 2 个文件：通过 1 个，有错误 0 个，未填完 0 个，无法读取 1 个" \
	"and the other file is still checked"
mkdir "$T/none"
err=$("$NIANBAO" check "$T/none" 2>&1); rc=$?
is "$rc" 2 "a folder without drafts exits 2"
contains "$err" "没有草稿" "and says so"
err=$("$NIANBAO" check "$A/good.yaml" "$A/good.yaml" 2>&1); rc=$?
is "$rc" 0 "a file named twice is not the same report twice"
err=$("$NIANBAO" check "$A/broken.yaml" 2>&1 >/dev/null)
is "$err" "$A/broken.yaml: 2 个错误，0 个警告，0 处未填写" "one draft alone: its count line, no summary"

# --year
out=$("$NIANBAO" check --year 2025 "$A/good.yaml" 2>/dev/null); rc=$?
is "$rc" 1 "--year: a draft of another year fails"
is "$out" "$A/good.yaml:3:7: error: 报告年度是 2024 年，不是要检查的 2025 年 [year]" \
	"as an error at its year"
"$NIANBAO" check --year 2024 "$T/ok" >/dev/null 2>&1
is "$?" 0 "drafts of the year asked for pass"
err=$("$NIANBAO" check --year 2025 "$T/ok" 2>&1 >/dev/null)
contains "$err" "  year     2 份草稿  报告年度不是 2025 年" "and the summary counts them"
err=$("$NIANBAO" check --year 25 "$A/good.yaml" 2>&1); rc=$?
is "$rc" 2 "--year refuses what is not a year"
is "$err" "nianbao check: --year 应为四位数年份（1900 至 2999），而不是“25”" "and says so"

# --format tsv: tabs and line breaks in a field are escaped.
mkdir "$T/tsv"
tab=$(printf '\t')
cp "$A/broken.yaml" "$T/tsv/a${tab}b\\c.yaml"
out=$("$NIANBAO" check --format tsv "$T/tsv" "$A/good.yaml" 2>/dev/null); rc=$?
is "$rc" 1 "--format tsv exits as the text format does"
is "$out" "file${tab}line${tab}column${tab}severity${tab}rule${tab}message
$T/tsv/a\\tb\\\\c.yaml${tab}38${tab}9${tab}error${tab}t3-balance${tab}表三 “自然人”列：一+二 (2+0=2) 不等于 三（七）+四 (1+0=1)
$T/tsv/a\\tb\\\\c.yaml${tab}38${tab}27${tab}error${tab}t3-row-total${tab}表三 一 行：总计 1 不等于各类申请人之和 2+0+0+0+0+0=2" \
	"a header, then one line a finding: file, line, column, severity, rule, message"
err=$("$NIANBAO" check --format csv "$A/good.yaml" 2>&1); rc=$?
is "$rc" 2 "an unknown --format is refused"

# --previous DIR: each draft with its body's draft of the year before.
mkdir -p "$T/last/2023" "$T/now"
org 甲单位 sample-data/jinzhai-2024.yaml |
	sed -e 's/^year: 2024/year: 2023/' \
	    -e 's/^  carried_out: \[0, 0, 0, 0, 0, 0, 0\]/  carried_out: [0, 3, 0, 0, 0, 0, 3]/' \
	> "$T/last/2023/jia.yaml"
org 乙单位 sample-data/jinzhai-2024.yaml | sed 's/^year: 2024/year: 2022/' > "$T/last/2023/yi-2022.yaml"
printf 'not: [a draft\n' > "$T/last/broken.yaml"
cp "$A/good.yaml" "$T/now/jia.yaml"
org 乙单位 sample-data/jinzhai-2024.yaml > "$T/now/yi.yaml"
out=$("$NIANBAO" check --previous "$T/last" "$T/now" 2>"$T/err"); rc=$?
is "$rc" 1 "--previous DIR: a carry-over that does not match last year's fails"
is "$(echo "$out" | grep -v '\[text-same-as-last-year\]$')" \
"$T/now/jia.yaml:39:19: error: 表三 “商业企业”列：二、上年结转 0 不等于上年报告的 四、结转下年度继续办理 3 [carry-over]
$T/now/jia.yaml:39:34: error: 表三 “总计”列：二、上年结转 0 不等于上年报告的 四、结转下年度继续办理 3 [carry-over]" \
	"the draft is paired with its body's draft of the year before, found below DIR"
# Both drafts were made from one sample: each of the 10 paragraphs is last year's.
is "$(echo "$out" | grep -c "^$T/now/jia.yaml:.*\[text-same-as-last-year\]$")" 10 \
	"and its text is compared with that draft's"
is "$(grep ': note: ' "$T/err")" "$T/now/yi.yaml: note: 在 $T/last 中没有找到“乙单位”2023 年的草稿，未做跨年度的检查" \
	"a draft without one is said in a note (a draft of 2022 is not last year's)"
"$NIANBAO" check --previous "$T/last" "$T/now/yi.yaml" >/dev/null 2>&1
is "$?" 0 "which is not an error"
org 甲单位 sample-data/jinzhai-2024.yaml | sed 's/^year: 2024/year: 2023/' > "$T/last/2023/jia.yaml"
"$NIANBAO" check --previous "$T/last" "$T/now" >/dev/null 2>&1
is "$?" 0 "a carry-over that matches passes"

# -j N: the same bytes as one process, in the order the drafts were named.
i=0
while [ $i -lt 40 ]; do
	org "第${i}单位" sample-data/jinzhai-2024-errors.yaml > "$T/ok/sub/e$i.yaml"
	i=$((i + 1))
done
"$NIANBAO" check "$T/tree" "$T/ok" >"$T/out1" 2>"$T/err1"; rc1=$?
"$NIANBAO" check -j 2 "$T/tree" "$T/ok" >"$T/out2" 2>"$T/err2"; rc2=$?
ok "$(cmp -s "$T/out1" "$T/out2"; echo $?)" "-j 2 prints the same findings as one process"
ok "$(cmp -s "$T/err1" "$T/err2"; echo $?)" "the same diagnostics and summary"
is "$rc2" "$rc1" "and exits the same"
"$NIANBAO" check -j 3 --format tsv --year 2024 "$T/tree" "$T/ok" >"$T/out3" 2>/dev/null
"$NIANBAO" check --format tsv --year 2024 "$T/tree" "$T/ok" >"$T/out1" 2>/dev/null
ok "$(cmp -s "$T/out1" "$T/out3"; echo $?)" "-j 3 with --format tsv and --year too"
err=$("$NIANBAO" check -j 0 "$A/good.yaml" 2>&1); rc=$?
is "$rc" 2 "-j 0 is refused"

# Each directory's nianbao.yaml for its own drafts, over a tree whose
# directories come and go in name order (read once a directory).
mkdir -p "$T/cfg/1" "$T/cfg/2" "$T/cfg/3"
for d in 1 2 3; do
	org "甲$d" sample-data/jinzhai-2024.yaml |
		sed 's/^  new: \[1, 0, 0, 0, 0, 0, 1\]/  new: [2, 0, 0, 0, 0, 0, 1]/' > "$T/cfg/$d/a.yaml"
	org "乙$d" "$T/cfg/$d/a.yaml" > "$T/cfg/$d/b.yaml"
done
printf 'rules:\n  t3-balance: warning\n  t3-row-total: off\n' > "$T/cfg/1/nianbao.yaml"
printf 'rules:\n  t3-balance: loud\n' > "$T/cfg/3/nianbao.yaml"
"$NIANBAO" check "$T/cfg" >"$T/out" 2>"$T/err"; rc=$?
is "$(sed -n 's|^.*/cfg/\([0-9]\)/\([ab]\).yaml:[0-9]*:[0-9]*: \([a-z]*\): .*\[\(.*\)\]$|\1\2 \3 \4|p' "$T/out" | tr '\n' ';')" \
"1a warning t3-balance;1b warning t3-balance;2a error t3-balance;2a error t3-row-total;2b error t3-balance;2b error t3-row-total;" \
	"each directory's nianbao.yaml for its drafts only"
is "$(grep -c "cfg/3/nianbao.yaml:2:15: error" "$T/err")" 2 "a wrong one is refused for each of its drafts, at its place"
is "$rc" 2 "which makes the run exit 2"
tap_done
