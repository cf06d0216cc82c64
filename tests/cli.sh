#!/bin/sh
# The command-line modes, driven as a user or a script would.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

S=$NB_TOP_SRCDIR
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$S" || exit 1

plan 49

out=$("$NIANBAO" check sample-data/jinzhai-2024.yaml 2>"$T/err"); rc=$?
is "$rc" 0 "the seed report passes check"
is "$out" "" "with no finding on standard output"
is "$(cat "$T/err")" "sample-data/jinzhai-2024.yaml: 已填完整，勾稽关系全部成立" \
	"and says on stderr that it is complete and correct"

out=$("$NIANBAO" check sample-data/jinzhai-2024-errors.yaml 2>"$T/err"); rc=$?
is "$rc" 1 "a report with errors exits 1"
is "$out" "$(cat tests/data/jinzhai-2024-errors.expect)" "every deliberate error is found, in compiler style"
contains "$(cat "$T/err")" "3 个错误，1 个警告，1 个建议，1 处未填写" "a summary goes to stderr"

# One figure changed in a copy of the seed: exactly the broken rules, at the cell.
sed 's/^  new: \[1, 0, 0, 0, 0, 0, 1\]/  new: [2, 0, 0, 0, 0, 0, 1]/' \
	sample-data/jinzhai-2024.yaml > "$T/one.yaml"
out=$("$NIANBAO" check "$T/one.yaml" 2>/dev/null); rc=$?
is "$rc" 1 "one changed figure fails"
is "$out" "$T/one.yaml:38:9: error: 表三 “自然人”列：一+二 (2+0=2) 不等于 三（七）+四 (1+0=1) [t3-balance]
$T/one.yaml:38:27: error: 表三 一 行：总计 1 不等于各类申请人之和 2+0+0+0+0+0=2 [t3-row-total]" \
	"it names the balance and the row total, with line and column"

# A figure a row too high (the totals written as they should be): a note
# names it at its own place in the flow sequence, and where it belongs.
# The narrative's count of requests follows the table's.
sed -e 's/^  new: \[1, 0, 0, 0, 0, 0, 1\]/  new: [3, 0, 0, 0, 0, 0, 3]/' \
    -e 's/线上申请1件/线上申请3件/' \
    -e 's/^    state_secret: .*/    state_secret: [2, 0, 0, 0, 0, 0, 0]/' \
    -e 's/^    law_forbidden: .*/    law_forbidden: [0, 0, 0, 0, 0, 0, 2]/' \
    -e 's/^  total: .*/  total: [3, 0, 0, 0, 0, 0, 3]/' \
	sample-data/jinzhai-2024.yaml > "$T/row.yaml"
out=$("$NIANBAO" check "$T/row.yaml" 2>"$T/err"); rc=$?
is "$rc" 1 "a figure in the wrong row fails"
is "$out" "$T/row.yaml:43:20: note: 可能填错了行：三（三）1 “自然人”列的 2 也许应在 三（三）2 行 [misplaced]
$T/row.yaml:43:38: error: 表三 三（三）1 行：总计 0 不等于各类申请人之和 2+0+0+0+0+0=2 [t3-row-total]
$T/row.yaml:44:39: error: 表三 三（三）2 行：总计 2 不等于各类申请人之和 0+0+0+0+0+0=0 [t3-row-total]" \
	"a note names the figure, at its line and column, and the row it belongs in"
contains "$(cat "$T/err")" "2 个错误，0 个警告，0 处未填写" "the note is not counted as an unfilled cell"

out=$("$NIANBAO" check sample-data/empty.yaml 2>/dev/null); rc=$?
is "$rc" 1 "an empty draft is not complete"
is "$(echo "$out" | grep -c ": note: 未填写")" 55 "each unfilled field is a note (5 contact lines, 50 figures)"
is "$(echo "$out" | grep -c ': error: ')" 0 "and no rule is judged on unfilled cells"

out=$("$NIANBAO" check "$T/missing.yaml" 2>&1); rc=$?
is "$rc" 2 "a missing file exits 2"
contains "$out" "$T/missing.yaml: error: 无法打开" "and says it cannot open it"

printf 'format: gov-info-annual-report/2021\nrequests:\n  new: [1, 2, x]\n' > "$T/bad.yaml"
out=$("$NIANBAO" check "$T/bad.yaml" 2>&1); rc=$?
is "$rc" 2 "a malformed draft exits 2"
is "$out" "$T/bad.yaml:3:8: error: 这一行应有 7 个数字（自然人至总计各一个），实有 3 个" \
	"with file:line:col and what was expected"

"$NIANBAO" check sample-data/jinzhai-2024.yaml "$T/bad.yaml" sample-data/empty.yaml >/dev/null 2>&1
is "$?" 2 "several files: the worst status wins"

# Last year's draft brings the cross-year rules.
sed 's/^  carried_out: \[0, 0, 0, 0, 0, 0, 0\]/  carried_out: [0, 3, 0, 0, 0, 0, 3]/; s/^year: 2024/year: 2023/' \
	sample-data/jinzhai-2024.yaml > "$T/last.yaml"
out=$("$NIANBAO" check --previous "$T/last.yaml" sample-data/jinzhai-2024.yaml 2>/dev/null); rc=$?
is "$rc" 1 "--previous: a carry-over that does not match fails"
contains "$out" "[carry-over]" "and is reported as carry-over"
is "$(echo "$out" | grep -c carry-over)" 2 "in the two columns that differ"
# ... but only last year's of the same body.
out=$("$NIANBAO" check --previous sample-data/jinzhai-2024.yaml sample-data/jinzhai-2024.yaml 2>&1); rc=$?
is "$rc" 2 "--previous of the same year is refused"
is "$out" "sample-data/jinzhai-2024.yaml: error: 上年草稿是“金寨县公共资源交易中心”的 2024 年度报告，本草稿是“金寨县公共资源交易中心”的 2024 年度报告：不是同一机关的上一年度，未做跨年度的检查（确要比对请加 --force）" \
	"saying why, and how to compare all the same"
sed 's/^organization: .*/organization: 另一个县的交易中心/' "$T/last.yaml" > "$T/other.yaml"
"$NIANBAO" check --previous "$T/other.yaml" sample-data/jinzhai-2024.yaml >/dev/null 2>&1
is "$?" 2 "--previous of another body is refused"
out=$("$NIANBAO" check --force --previous "$T/other.yaml" sample-data/jinzhai-2024.yaml 2>/dev/null); rc=$?
is "$rc:$(echo "$out" | grep -c carry-over)" "1:2" "--force compares them all the same"

# new
"$NIANBAO" new --org 测试县财政局 --year 2025 -o "$T/new.yaml"
is "$?" 0 "new writes an empty draft"
contains "$(cat "$T/new.yaml")" "organization: 测试县财政局" "with the organization"
contains "$(cat "$T/new.yaml")" "  - title: 政府信息公开平台建设情况" "and the standard subsections"
"$NIANBAO" new --org X --year 2025 -o "$T/new.yaml" 2>/dev/null
is "$?" 2 "new does not overwrite a file"
"$NIANBAO" new --org X --year 25 -o "$T/y.yaml" 2>/dev/null
is "$?" 2 "new refuses a year that is not a year"
out=$(cd "$T" && "$NIANBAO" new --org 标准输出局 --year 2025 -o - 2>&1); rc=$?
is "$rc" 0 "new -o - exits 0"
contains "$out" "organization: 标准输出局" "and writes the draft to standard output"
ok "$([ ! -e "$T/-" ]; echo $?)" "not to a file named -"
# 81 characters + .yaml: 248 bytes, a legal name
long=$(printf '金%.0s' $(seq 81)).yaml
"$NIANBAO" new --org X --year 2025 -o "$T/$long"
is "$?" 0 "new writes a draft named with 248 bytes"
mkdir "$T/new.yaml~"
out=$("$NIANBAO" new --force --org 乙单位 --year 2025 -o "$T/new.yaml" 2>&1); rc=$?
is "$rc" 0 "new --force saves when the backup cannot be made (a directory new.yaml~)"
is "$out" "$T/new.yaml: warning: 已保存；但无法建立备份文件 $T/new.yaml~（这个名字已经是一个目录），保存前的版本没有留下" \
	"and warns on stderr"
contains "$(cat "$T/new.yaml")" "organization: 乙单位" "the draft is the new one"

# The rules come from the form file.
mkdir "$T/forms"
sed 's/lhs: \["requests.new\[{c}\]", "requests.carried_in\[{c}\]"\]/lhs: ["requests.carried_in[{c}]"]/' \
	forms/gov-info-annual-report-2021.yaml > "$T/forms/gov-info-annual-report-2021.yaml"
out=$("$NIANBAO" --forms "$T/forms" check sample-data/jinzhai-2024.yaml 2>/dev/null)
contains "$out" "表三 “自然人”列：一+二 (0) 不等于 三（七）+四 (1+0=1) [t3-balance]" \
	"a rule changed in a copy of the form file is followed"

# An install moved elsewhere as a whole (a package unpacked in a temporary
# directory) reads the forms beside its own bin directory: here the changed
# copy, so that no other installed form can pass for it.
mkdir -p "$T/prefix/bin" "$T/prefix/share/nianbao"
cp "$NIANBAO" "$T/prefix/bin/nianbao" && cp -r "$T/forms" "$T/prefix/share/nianbao/forms"
out=$("$T/prefix/bin/nianbao" check sample-data/jinzhai-2024.yaml 2>/dev/null)
contains "$out" "[t3-balance]" "a moved install finds PREFIX/share/nianbao/forms beside PREFIX/bin"
NIANBAO_FORMS=$S/forms "$T/prefix/bin/nianbao" check sample-data/jinzhai-2024.yaml >/dev/null 2>&1
is "$?" 0 "and NIANBAO_FORMS comes before them"

out=$("$NIANBAO" --version | head -n 1); is "$out" "nianbao 0.1.0" "--version"
out=$("$NIANBAO" --help); contains "$out" "nianbao check" "--help lists the commands"
"$NIANBAO" --no-such-option >/dev/null 2>&1
is "$?" 2 "an unknown option exits 2"

# A word that is neither a command nor a file is not a new draft.
(cd "$T" && "$NIANBAO" frobnicate </dev/null >out 2>err); rc=$?
is "$rc" 2 "an unknown command exits 2"
contains "$(cat "$T/err")" "“frobnicate”不是命令" "and says it is not a command"
contains "$(cat "$T/err")" "命令有：check、new、export、import" "and lists the commands"
if [ -e "$T/frobnicate" ] || [ -e "$T/frobnicate.yaml" ]; then ok 1 "and creates no draft"
else ok 0 "and creates no draft"; fi
(cd "$T" && "$NIANBAO" missing-report.docx </dev/null >/dev/null 2>&1)
is "$?" 2 "a report that does not exist is refused the same way"
tap_done
