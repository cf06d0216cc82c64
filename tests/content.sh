#!/bin/sh
# The content checks from the command line: the seed passes without a
# content finding; each kind of fault planted in it is found at the line
# and column of its sentence with its message; a project's nianbao.yaml
# (or --config) changes severities and switches rules off; a draft
# acknowledges a finding; --previous finds last year's words; many drafts
# at once, a suggestion counted and printed in both formats.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

S=$NB_TOP_SRCDIR
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$S" || exit 1

plan 37

seed=sample-data/jinzhai-2024.yaml

out=$("$NIANBAO" check "$seed" 2>&1); rc=$?
is "$rc:$out" "0:$seed: 已填完整，勾稽关系全部成立" "the seed passes with no content finding"

# plant NAME SED-EXPRESSION: a copy of the seed with one fault.
plant() {
	sed "$2" "$seed" > "$T/$1.yaml"
}

plant count 's/线上申请1件/线上申请4件/'
out=$("$NIANBAO" check "$T/count.yaml" 2>/dev/null); rc=$?
is "$rc:$out" "0:$T/count.yaml:20:7: warning: 正文所说线上、线下收到的申请共 4+0 件，而表三“一、本年新收”总计为1，“一”加“二”为1 [text-requests-received-by-channel]" \
	"a wrong count in the text, at its sentence; warnings alone exit 0"

plant year 's/统计期限为2024年1月1日至2024年12月31日/统计期限为2023年1月1日至2023年12月31日/'
out=$("$NIANBAO" check "$T/year.yaml" 2>/dev/null)
is "$out" "$T/year.yaml:11:76: warning: 统计期限写的是 2023 年，而本报告是 2024 年度的 [text-year-period]" \
	"a wrong year in the period, at the sentence inside the opening paragraph"

plant placeholder 's/避免保密信息泄露。/避免保密信息泄露。全年共维护信息链接XX条。/'
out=$("$NIANBAO" check "$T/placeholder.yaml" 2>/dev/null)
is "$out" "$T/placeholder.yaml:23:152: warning: 这句还留着占位符“XX” [text-placeholder]" \
	"a placeholder left in"

awk '/^  last_year: \|/ { print; print "    无。"; skip = 1; next }
     skip && /^    / { next } { skip = 0; print }' "$seed" > "$T/five.yaml"
out=$("$NIANBAO" check "$T/five.yaml" 2>/dev/null)
is "$out" "$T/five.yaml:73:5: warning: “上年改进情况”只写了“无。”，应写明实际情况 [text-improvement-content]" \
	"a part of 五 that says only 无"

plant copied 's/^year: 2024/year: 2025/'
out=$("$NIANBAO" check "$T/copied.yaml" 2>/dev/null)
is "$out" "$T/copied.yaml:11:76: warning: 统计期限写的是 2024 年，而本报告是 2025 年度的 [text-year-period]
$T/copied.yaml:20:7: warning: 这句讲的是 2024 年的工作，而本报告是 2025 年度的 [text-year-statement]" \
	"last year's draft with this year's year: the period and the year's statement"

plant nocarry 's/^  carried_in: .*/  carried_in: [0, 0, 0, 0, 0, 0, 3]/'
out=$("$NIANBAO" check "$T/nocarry.yaml" 2>/dev/null | grep -c 'text-')
is "$out" 0 "收到 may include 上年结转: no content finding while either reading can be judged"

all=sample-data/jinzhai-2024-content.yaml
out=$("$NIANBAO" check "$all" 2>"$T/err" | sed 's/: warning: .*\[/ [/'); rc=$?
is "$rc:$out" "0:$all:11:76 [text-year-period]
$all:20:7 [text-requests-received-by-channel]
$all:23:152 [text-placeholder]
$all:73:5 [text-improvement-content]" "the sample with every kind of fault: each at its place"
is "$(cat "$T/err")" "$all: 0 个错误，4 个警告，0 处未填写" "and the summary counts them"

# ---- the project's settings ----
mkdir "$T/p"
cp "$T/placeholder.yaml" "$T/p/d.yaml"
printf 'rules:\n  text-placeholder: error\n' > "$T/p/nianbao.yaml"
out=$("$NIANBAO" check "$T/p/d.yaml" 2>/dev/null); rc=$?
is "$rc:$out" "1:$T/p/d.yaml:23:152: error: 这句还留着占位符“XX” [text-placeholder]" \
	"nianbao.yaml beside the draft makes a rule an error (exit 1)"
printf 'rules:\n  text-placeholder: suggestion\n' > "$T/p/nianbao.yaml"
out=$("$NIANBAO" check "$T/p/d.yaml" 2>"$T/err"); rc=$?
is "$rc:$out" "0:$T/p/d.yaml:23:152: suggestion: 这句还留着占位符“XX” [text-placeholder]" \
	"or a suggestion (exit 0)"
is "$(cat "$T/err")" "$T/p/d.yaml: 0 个错误，0 个警告，1 个建议，0 处未填写" "suggestions are counted"
printf 'rules:\n  text-placeholder: off\n' > "$T/p/nianbao.yaml"
out=$("$NIANBAO" check "$T/p/d.yaml" 2>&1); rc=$?
is "$rc:$out" "0:$T/p/d.yaml: 已填完整，勾稽关系全部成立" "or switches it off"
printf 'rules:\n  text-placeholder: error\n' > "$T/other.yaml"
out=$("$NIANBAO" check --config "$T/other.yaml" "$T/p/d.yaml" 2>/dev/null); rc=$?
is "$rc:$out" "1:$T/p/d.yaml:23:152: error: 这句还留着占位符“XX” [text-placeholder]" \
	"--config is used instead of the nianbao.yaml beside the draft"
printf 'rules:\n  t3-balance: off\n' > "$T/other.yaml"
sed 's/^  new: \[1, 0, 0, 0, 0, 0, 1\]/  new: [2, 0, 0, 0, 0, 0, 2]/' "$seed" > "$T/t3.yaml"
out=$("$NIANBAO" check --config "$T/other.yaml" "$T/t3.yaml" 2>/dev/null | sed 's/.*\[//')
is "$out" "text-requests-received-by-channel]" "the form's arithmetic rules too: t3-balance off"

printf 'rules:\n  text-no-such-rule: off\n' > "$T/p/nianbao.yaml"
out=$("$NIANBAO" check "$T/p/d.yaml" 2>&1); rc=$?
is "$rc:$out" "2:$T/p/nianbao.yaml:2:3: error: 格式 gov-info-annual-report/2021 没有编号为“text-no-such-rule”的规则" \
	"a rule the form does not have: the place in the settings, exit 2"
printf 'rules:\n  text-placeholder: loud\n' > "$T/p/nianbao.yaml"
out=$("$NIANBAO" check "$T/p/d.yaml" 2>&1); rc=$?
is "$rc:$out" "2:$T/p/nianbao.yaml:2:21: error: 规则“text-placeholder”的设置应为 error、warning、suggestion 或 off" \
	"a setting that is none of the four"
printf 'severity:\n  text-placeholder: off\n' > "$T/p/nianbao.yaml"
out=$("$NIANBAO" check "$T/p/d.yaml" 2>&1); rc=$?
is "$rc:$out" "2:$T/p/nianbao.yaml:1:1: error: 未知的键“severity”（设置文件只有 rules）" "an unknown key"
printf 'rules: [a\n' > "$T/p/nianbao.yaml"
out=$("$NIANBAO" check "$T/p/d.yaml" 2>&1); rc=$?
is "$rc" 2 "settings that are not YAML: exit 2"
out=$("$NIANBAO" check --config "$T/missing.yaml" "$seed" 2>&1); rc=$?
is "$rc" 2 "a --config that cannot be read: exit 2"
rm "$T/p/nianbao.yaml"

# ---- acknowledgements in the draft ----
ack() {
	{ cat "$T/placeholder.yaml"; printf '%s\n' "$@"; } > "$T/ack.yaml"
	"$NIANBAO" check "$T/ack.yaml" 2>&1
}
out=$(ack 'x-acknowledged:' '  - rule: text-placeholder' '    text: 信息链接XX' '    reason: 原文如此'); rc=$?
is "$rc:$out" "0:$T/ack.yaml: 已填完整，勾稽关系全部成立" "a finding the draft acknowledges is not reported"
out=$(ack 'x-acknowledged:' '  - rule: text-placeholder' '    text: 别的句子' '    reason: 原文如此')
contains "$out" "[text-placeholder]" "one whose sentence holds other text still is"
out=$(ack 'x-acknowledged:' '  - rule: text-placeholder')
is "$out" "$T/ack.yaml:81:5: error: 确认规则“text-placeholder”须写明 reason（理由）" \
	"an acknowledgement needs its reason"
out=$(ack 'x-acknowledged:' '  - rule: text-typo' '    reason: 原文如此'); rc=$?
is "$rc:$out" "2:$T/ack.yaml:81:11: error: 确认的规则“text-typo”不存在" "and a rule that exists"
out=$(ack 'x-acknowledged: yes'); rc=$?
is "$rc:$out" "2:$T/ack.yaml:80:17: error: x-acknowledged 应为列表，每项写明 rule 和 reason" \
	"x-acknowledged is a list"
sed -i 's/推进会、专项工作培训会/推进会、XX培训会/' "$T/placeholder.yaml"
out=$(ack 'x-acknowledged:' '  - rule: text-placeholder' '    reason: 模板中的代号，保留'); rc=$?
is "$rc:$out" "0:$T/ack.yaml: 已填完整，勾稽关系全部成立" "one without text covers every finding of its rule"

# ---- last year's words ----
# (--force: a draft of the same year is taken for last year's all the same)
out=$("$NIANBAO" check --force --previous "$seed" "$seed" 2>/dev/null | grep -c '\[text-same-as-last-year\]')
is "$out" 10 "--previous: every paragraph of 20 characters or more copied word for word"
out=$("$NIANBAO" check --force --previous "$seed" "$seed" 2>/dev/null | head -n 1)
is "$out" "$seed:11:3: warning: “开头段落”第 1 段与上年报告一字不差，请按本年情况改写 [text-same-as-last-year]" \
	"each at its paragraph, naming it"
out=$("$NIANBAO" check --force --previous "$T/count.yaml" "$seed" 2>/dev/null | grep -c ':20:7: .*text-same-as-last-year')
is "$out" 0 "a paragraph changed since is not"

# ---- export ----
"$NIANBAO" export "$T/year.yaml" -o "$T/year.txt" 2>"$T/err"; rc=$?
is "$rc:$(head -n 1 "$T/err")" "0:$T/year.yaml:11:76: warning: 统计期限写的是 2023 年，而本报告是 2024 年度的 [text-year-period]" \
	"export says what check says, and exports (warnings do not stop it)"

"$NIANBAO" check --help | grep -q -- '--config'
ok $? "check --help tells of --config"

# ---- many drafts ----
# A body whose fees the text does not speak of (only a suggestion), and
# the seed; the folder's nianbao.yaml is the project's, not a draft.
mkdir -p "$T/many/sub"
sed -e 's/^organization: .*/organization: 甲单位/' -e 's/^  fees: 0$/  fees: 1.5/' \
    -e '79s/.*/  本年度未收取信息处理费。/' "$seed" > "$T/many/a.yaml"
cp "$seed" "$T/many/sub/b.yaml"
out=$("$NIANBAO" check "$T/many" 2>"$T/err"); rc=$?
is "$rc:$out" "0:$T/many/a.yaml:36:9: suggestion: 表二有行政事业性收费，正文却没有提到收费情况 [text-fees-mentioned]" \
	"a suggestion alone passes"
contains "$(cat "$T/err")" "共 2 个文件：通过 2 个（其中 1 个有建议），有错误 0 个" \
	"and the summary counts the draft that has one"
out=$("$NIANBAO" check --format tsv "$T/many" 2>/dev/null)
tab=$(printf '\t')
contains "$out" "$T/many/a.yaml${tab}36${tab}9${tab}suggestion${tab}text-fees-mentioned${tab}" \
	"--format tsv names the severity"
printf 'rules:\n  text-fees-mentioned: warning\n' > "$T/many/nianbao.yaml"
"$NIANBAO" check "$T/many" >"$T/one" 2>"$T/err"; rc=$?
is "$rc:$(cat "$T/one")" "0:$T/many/a.yaml:36:9: warning: 表二有行政事业性收费，正文却没有提到收费情况 [text-fees-mentioned]" \
	"the folder's nianbao.yaml applies to its drafts, and is not checked as one"
contains "$(cat "$T/err")" "共 2 个文件：通过 2 个（其中 1 个有警告）" "the summary counts it as a warning then"
printf 'rules:\n  text-fees-mentioned: error\n' > "$T/error.yaml"
"$NIANBAO" check --config "$T/error.yaml" --format tsv "$T/many" >"$T/one" 2>"$T/one.err"
"$NIANBAO" check -j 2 --config "$T/error.yaml" --format tsv "$T/many" >"$T/two" 2>"$T/two.err"
is "$(cmp "$T/one" "$T/two" && cmp "$T/one.err" "$T/two.err" &&
      grep -c "${tab}error${tab}text-fees-mentioned${tab}" "$T/one")" 1 \
	"--config applies to every draft, and -j 2 prints the same bytes"
tap_done
