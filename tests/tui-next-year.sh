#!/bin/sh
# 新建下一年度报告 on the start screen, in tmux: F5 on a draft makes next
# year's draft from it under the name offered and opens it, with last
# year's draft named on the status line.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

S=$NB_TOP_SRCDIR
T=$(mktemp -d)
. "$S/tests/tmux-lib.sh"
trap '$TM kill-server 2>/dev/null; rm -rf "$T"' EXIT
cd "$T" || exit 1

plan 17

cp "$S/sample-data/jinzhai-2024.yaml" jinzhai-2024.yaml
start
matches "金寨县公共资源交易中心  2024  完成 .* jinzhai-2024.yaml" "the start screen lists last year's draft"
shows "F5新建下一年度" "and says which key makes next year's"
keys F5
shows "请先选中一份草稿，再新建它的下一年度报告" "F5 on 新建 asks for a draft first"
keys Down F5
shows "新草稿的文件名（可以修改" "F5 on the draft asks for the new draft's name"
shows "jinzhai-2025.yaml" "offering last year's with the year changed"
keys Enter
shows "已据 jinzhai-2024.yaml 新建 2025 年度的草稿 jinzhai-2025.yaml" "the new draft is made and opened"
shows "金寨县公共资源交易中心  2025年度  jinzhai-2025.yaml" "for 2025"
shows "上年：jinzhai-2024.yaml" "with last year's draft on the status line"
wait_file "^x-previous: jinzhai-2024.yaml$" jinzhai-2025.yaml
ok $? "the file records where last year's draft is"
grep -q "^  carried_in: \[0, 0, 0, 0, 0, 0, 0\]$" jinzhai-2025.yaml && grep -q "^year: 2025$" jinzhai-2025.yaml
ok $? "with the year and the carry-over"
keys NPage NPage NPage NPage NPage
shows "【请改写】以下是上年报告的“下一步改进举措”" "五 starts with last year's measures under the prompt"
keys C-q
matches "金寨县公共资源交易中心  2025  .* jinzhai-2025.yaml" "leaving it: nothing to save, back to the list, where it is listed"
keys C-q
shows "[exit 0]" "quitting there leaves"

# The name offered is taken: another is asked for.
start
matches "金寨县公共资源交易中心  2025  .* jinzhai-2025.yaml" "the new draft is listed"
keys C-t
shows "选择草稿或新建（按文件名）" "sorted by name"
keys Down F5 Enter
shows "这个文件已经存在，请换一个名字" "a name that exists is refused"
keys Escape Escape
shows "[exit 0]" "giving up leaves"
tap_done
