#!/bin/sh
# Next year's draft from last year's (new --from), the editor's
# --previous, and the round trip: new --from, the figures typed in the
# editor (keys replayed headless), check --previous.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

S=$NB_TOP_SRCDIR
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
# Where the editor leaves a draft is kept in the folder a replay names,
# not in the operator's state; each replay below starts at the beginning.

plan 44

mkdir 2024 2025 empty
# Last year: one request of 自然人 still pending at the end of the year.
sed -e 's/^  new: \[1, 0, 0, 0, 0, 0, 1\]/  new: [2, 0, 0, 0, 0, 0, 2]/' \
    -e 's/^  carried_out: .*/  carried_out: [1, 0, 0, 0, 0, 0, 1]/' \
    "$S/sample-data/jinzhai-2024.yaml" > 2024/jinzhai-2024.yaml
LAST=2024/jinzhai-2024.yaml NEW=2025/jinzhai-2025.yaml
"$NIANBAO" check "$LAST" >/dev/null 2>&1
is "$?" 0 "last year's draft is complete and correct"

# ---- new --from ----
err=$("$NIANBAO" new --from "$LAST" -o "$NEW" 2>&1); rc=$?
is "$rc" 0 "new --from writes next year's draft"
is "$err" "" "and says nothing"
new=$(cat "$NEW")
contains "$new" "organization: 金寨县公共资源交易中心
year: 2025
contact:
  office: 县交易中心办公室" "the body and its contact are kept, the year is the next"
contains "$new" "  website: http://www.ahjinzhai.gov.cn/public/column/6603061?type=4&action=list
preamble: \"\"" "the website too; the opening paragraph is this year's to write"
contains "$new" "  - title: 政府信息公开平台建设情况
    text: \"\"" "the subsection titles are kept, their texts empty"
contains "$new" "  new: [~, ~, ~, ~, ~, ~, ~]
  carried_in: [1, 0, 0, 0, 0, 0, 1]" "二、上年结转 is last year's 四、结转下年度继续办理; this year's counts unfilled"
contains "$new" "  punishment: ~" "table 二 unfilled"
contains "$new" "  carried_out: [~, ~, ~, ~, ~, ~, ~]" "四 unfilled"
contains "$new" "  last_year: |
    【请改写】以下是上年报告的“下一步改进举措”，请据此写明本年度的落实情况，改写后删去本行。
    一是加强组织领导和队伍建设，" "last year's 下一步改进举措 under the prompt"
contains "$new" "  measures: \"\"
other_matters: \"\"
x-previous: ../2024/jinzhai-2024.yaml" "where it came from, relative to the new draft"
"$NIANBAO" check "$NEW" >/dev/null 2>&1
is "$?" 1 "the new draft is not complete yet"

cp "$NEW" before.yaml
out=$("$NIANBAO" new --from "$LAST" -o "$NEW" 2>&1); rc=$?
is "$rc:$out" "2:nianbao new: $NEW 已存在（要覆盖请加 --force）" "an output that exists is refused, as new does"
cmp -s before.yaml "$NEW"
ok $? "and left as it was"
"$NIANBAO" new --from "$LAST" --year 2027 --force -o "$NEW" 2>/dev/null
is "$?:$(sed -n 3p "$NEW")" "0:year: 2027" "--force overwrites; --year gives a later year"

out=$("$NIANBAO" new --from "$LAST" --year 2024 -o empty/a.yaml 2>&1); rc=$?
is "$rc:$out" "2:nianbao new: --year 2024 应在上年报告 $LAST 的年度 2024 之后" \
	"a --year not after last year's is refused"
out=$("$NIANBAO" new --from "$LAST" --year 25 -o empty/a.yaml 2>&1); rc=$?
is "$rc:$out" "2:nianbao new: 年度应为四位数年份，而不是“25”" "a --year that is no year is refused"
out=$("$NIANBAO" new --from nope.yaml -o empty/a.yaml 2>&1); rc=$?
is "$rc:$out" "2:nope.yaml: error: 无法打开：No such file or directory" \
	"a last year's draft that is not there is refused"
printf 'format: gov-info-annual-report/2021\nrequests:\n  new: [1, 2, x]\n' > bad.yaml
out=$("$NIANBAO" new --from bad.yaml -o empty/a.yaml 2>&1); rc=$?
is "$rc:$out" "2:bad.yaml:3:8: error: 这一行应有 7 个数字（自然人至总计各一个），实有 3 个" \
	"a last year's draft that does not load is refused with its diagnostic"
sed 's/^year: 2024$/year: ~/' "$LAST" > noyear.yaml
out=$("$NIANBAO" new --from noyear.yaml -o empty/a.yaml 2>&1); rc=$?
is "$rc:$out" "2:noyear.yaml: error: 上年报告没有填写报告年度，推算不出新报告的年度" \
	"last year's draft without a year needs --year"
out=$("$NIANBAO" new --from "$LAST" --force -o "$LAST" 2>&1); rc=$?
is "$rc:$out" "2:nianbao new: $LAST 就是上年的草稿（--from），不能写到它上面" \
	"last year's draft itself is never written over"
out=$("$NIANBAO" new --from "$LAST" --org 某局 -o empty/a.yaml 2>&1); rc=$?
is "$rc:$out" "2:nianbao new: --from 与 --org、--format 不能同时使用（机关名称和格式取自上年的草稿）" \
	"--org with --from is refused"
out=$("$NIANBAO" new --from "$LAST" 2>&1); rc=$?
is "$rc:$(echo "$out" | head -n 1)" "2:nianbao new: --from 还需要 -o" "--from needs -o"
is "$(ls -A empty)" "" "nothing is written when new --from is refused"
"$NIANBAO" new --from noyear.yaml --year 2025 -o empty/y.yaml 2>/dev/null
is "$?:$(sed -n 3p empty/y.yaml)" "0:year: 2025" "with --year it is made"
rm empty/y.yaml
out=$("$NIANBAO" new --from "$LAST" -o - 2>&1); rc=$?
is "$rc:$(echo "$out" | tail -n 1)" "0:x-previous: $LAST" "-o -: recorded relative to the current folder"
"$NIANBAO" new --help | grep -q -- "--from 上年.yaml"
ok $? "new --help tells of --from"

# ---- the editor's --previous ----
: > nokeys
out=$("$NIANBAO" --previous "$LAST" 2>&1); rc=$?
is "$rc:$out" "2:nianbao: --previous 还需要要编辑的草稿（nianbao --previous 上年.yaml 草稿.yaml）" \
	"--previous needs a draft"
out=$("$NIANBAO" --previous "$LAST" check "$NEW" 2>&1); rc=$?
is "$rc:$out" "2:nianbao: --previous 写在命令名之前只用于编辑器（check 的选项写在它之后）" \
	"--previous before a command's name is refused"
out=$(NIANBAO_REPLAY=nokeys XDG_STATE_HOME="$T/.state0" "$NIANBAO" --previous gone.yaml "$NEW" 2>&1 >/dev/null); rc=$?
is "$rc:$out" "2:gone.yaml: error: 无法打开：No such file or directory" \
	"the editor refuses a --previous that cannot be read"
is "$(ls -A 2025 | tr '\n' ' ')" "jinzhai-2025.yaml jinzhai-2025.yaml~ " "without taking the draft's lock"
"$NIANBAO" --help | grep -q -- "--previous 上年.yaml  编辑时"
ok $? "--help tells of the editor's --previous"

# ---- the round trip: new --from, edit, check --previous ----
rm "$NEW" "$NEW~"
"$NIANBAO" new --from "$LAST" -o "$NEW"
# keys: a figure then Tab, NUMBERS times
figures() { i=0; while [ $i -lt "$2" ]; do printf 't %s\nc 9\n' "$1"; i=$((i + 1)); done; }
tabs() { i=0; while [ $i -lt "$1" ]; do printf 'c 9\n'; i=$((i + 1)); done; }
{
	printf 'k 338\nk 338\n'     # PgDn PgDn: table 二
	figures 0 10                # 二: 10 cells
	figures 0 6                 # 三 一、本年新收: none this year
	tabs 6                      # 二、上年结转: as carried over
	figures 1 1                 # 三（一）予以公开: last year's one, answered
	figures 0 5
	figures 0 $((21 * 6))       # the other rows to 四 (三（七） is computed)
	figures 0 12                # 四: 3 x 4 cells
	printf 'c 11\nt 本年度已按上年举措调整政务公开栏目。\n'     # Ctrl-K: 上年改进情况 rewritten
	printf 'c 19\n'             # Ctrl-S
} > fill.keys
(cd 2025 && NIANBAO_REPLAY=../fill.keys XDG_STATE_HOME="$T/.state1" LINES=24 COLUMNS=80 "$NIANBAO" jinzhai-2025.yaml \
	>/dev/null 2>&1)
is "$?" 0 "the figures are typed in the editor and saved"
contains "$(cat "$NEW")" "  last_year: |
    本年度已按上年举措调整政务公开栏目。
  problems:" "上年改进情况 rewritten, the prompt gone"
contains "$(cat "$NEW")" "  carried_in: [1, 0, 0, 0, 0, 0, 1]
  public: [1, 0, 0, 0, 0, 0, 1]" "the carry-over kept, the figures typed"
contains "$(cat "$NEW")" "  total: [1, 0, 0, 0, 0, 0, 1]
  carried_out: [0, 0, 0, 0, 0, 0, 0]" "totals computed"
out=$("$NIANBAO" check --previous "$LAST" "$NEW" 2>/dev/null); rc=$?
is "$rc" 0 "check --previous LAST NEW: complete and correct across the years"
is "$(echo "$out" | grep -c ': error: ')" 0 "no error"
contains "$(cat "$NEW")" "x-previous: ../2024/jinzhai-2024.yaml" "x-previous kept through the edit"

# The request carried over forgotten in the editor: the year adds up, the
# years do not.
{
	printf 'k 338\nk 338\nk 338\n'      # table 三
	tabs 6
	printf 't 0\n'                      # 二、上年结转 自然人
	tabs 6
	printf 't 0\nc 9\nc 19\n'           # 三（一）予以公开 自然人; Ctrl-S
} > forget.keys
(cd 2025 && NIANBAO_REPLAY=../forget.keys XDG_STATE_HOME="$T/.state2" LINES=24 COLUMNS=80 "$NIANBAO" jinzhai-2025.yaml \
	>/dev/null 2>&1)
is "$?" 0 "the carry-over undone in the editor"
"$NIANBAO" check "$NEW" >/dev/null 2>&1
is "$?" 0 "check alone finds nothing wrong"
out=$("$NIANBAO" check --previous "$LAST" "$NEW" 2>/dev/null); rc=$?
is "$rc" 1 "check --previous finds it"
is "$(echo "$out" | grep -c '\[carry-over\]$')" 2 "in 自然人 and 总计"
contains "$out" "$NEW:33:16: error: 表三 “自然人”列：二、上年结转 0 不等于上年报告的 四、结转下年度继续办理 1 [carry-over]" \
	"at the cell, in the form's words"
tap_done
