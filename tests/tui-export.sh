#!/bin/sh
# The preview and the export from inside the editor, driven in tmux.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

S=$NB_TOP_SRCDIR
T=$(mktemp -d)
. "$S/tests/tmux-lib.sh"
trap '$TM kill-server 2>/dev/null; rm -rf "$T"' EXIT
cd "$T" || exit 1

plan 27

cp "$S/sample-data/jinzhai-2024.yaml" good.yaml
cp "$S/sample-data/jinzhai-2024-errors.yaml" bad.yaml

start good.yaml
shows "金寨县公共资源交易中心" "the seed report opens"
keys F7
shows "预览（纯文本导出）" "F7 shows the preview"
shows "金寨县公共资源交易中心2024年政府信息公开工作年度报告" "which starts with the title"
shows "度政府信息公开年度报告编制和发布的工作提示》等要求编制而成。本报告中使用数据统" \
	"and wraps the opening paragraph to the screen"
keys NPage NPage NPage
shows "| 一、本年新收政府信息公开申请数量" "PgDn scrolls down to table 三"
keys Escape
gone "预览（纯文本导出）" "Esc goes back to the form"

keys F8
shows "勾稽关系全部成立，可以导出正式报告" "F8 offers the formats of a correct report"
shows "PDF（可直接打印、发布）（.pdf）" "PDF among them"
keys Down Enter
shows "good.pdf" "PDF suggests a file beside the draft"
keys Enter
shows "已导出到 good.pdf" "and writes it"
if head -c 5 good.pdf | grep -q '^%PDF-'; then ok 0 "a PDF file"; else ok 1 "a PDF file"; fi

keys F8 Down Down Enter
shows "导出到文件：" "and asks for the file name"
shows "good.html" "suggesting one beside the draft"
keys Enter
shows "已导出到 good.html" "Enter writes it"
if grep -q '<title>金寨县公共资源交易中心2024年政府信息公开工作年度报告</title>' good.html &&
   ! grep -q '草稿' good.html; then ok 0 "a final HTML report, not a draft"; else ok 1 "a final HTML report, not a draft"; fi

keys F8 Down Down Enter Enter
shows "文件已存在" "exporting again asks before overwriting"
keys Escape
shows "未导出" "and leaves the file alone on Esc"

start bad.yaml
shows "金寨县公共资源交易中心" "a report with errors opens"
keys C-o
shows "不能导出正式报告，只能导出标明“草稿”的版本" "Ctrl-O says only a draft can be exported"
keys Down Down Down Enter Enter
shows "已导出到 bad.txt（草稿）" "choosing it writes a marked draft"
if head -n 3 bad.txt | grep -q '草稿'; then ok 0 "marked 草稿 at the top"; else ok 1 "marked 草稿 at the top"; head -n 5 bad.txt | sed 's/^/# /'; fi

# Ctrl-C never ends the session by itself.
keys C-q
shows "[exit 0]" "the draft with errors is closed"
start good.yaml
shows "金寨县公共资源交易中心" "the draft opens once more"
keys C-c
shows "退出 nianbao 吗？" "Ctrl-C asks even with nothing unsaved"
keys n
gone "退出 nianbao 吗？" "N goes back to editing"
keys C-c y
shows "[exit 0]" "Y leaves"
if [ -e .good.yaml.lock ]; then ok 1 "and the lock is gone"; else ok 0 "and the lock is gone"; fi
tap_done
