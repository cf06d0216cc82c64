#!/bin/sh
# The start screen in tmux, as a clerk meets it: every draft of the
# folder with its state, problems first or by name; a draft opened,
# changed, left, and its new state in the list; the next draft with
# problems; a new report named from its 机关名称 and 年度, a refused name
# kept to be corrected; a draft opened again where it was left, the
# places kept under XDG_STATE_HOME and never in HOME.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

S=$NB_TOP_SRCDIR
T=$(mktemp -d)
. "$S/tests/tmux-lib.sh"
trap '$TM kill-server 2>/dev/null; rm -rf "$T"' EXIT
cd "$T" || exit 1

plan 33

mkdir home
STATEENV="HOME='$T/home' XDG_STATE_HOME='$T/state'"
cp "$S/sample-data/jinzhai-2024.yaml" good.yaml
cp "$S/sample-data/jinzhai-2024-errors.yaml" errors.yaml
cp "$S/sample-data/empty.yaml" empty.yaml
cp "$S/tests/bad/alias-cycle.yaml" broken.yaml
# order: the files in the order the screen lists them, one a line.
order() { screen | grep -oE '[a-z]+\.yaml$' | tr '\n' ' '; }

# ---- the list ----
start
matches "金寨县公共资源交易中心 +2024  完成 +[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}  good.yaml" \
	"a finished draft: 机关, 年度, 完成, when it was changed"
matches "金寨县公共资源交易中心 +2024  3错 1未填 .* errors.yaml" "one with errors, counted"
matches "某某县人民政府办公室 +2025  180未填 .* empty.yaml" "an empty one, its places to fill counted"
matches "第2行：不允许使用锚点.*无法读取 .* broken.yaml" "one that cannot be read, with the reason in short"
shows "4 份草稿：完成 1，有错 1，未填完 1，无法读取 1" "and how they stand, under the list"
is "$(order)" "broken.yaml errors.yaml empty.yaml good.yaml " "problems first"
shows "^T按文件名排列" "the key line names the key that sorts"
keys C-t
shows "选择草稿或新建（按文件名）" "which sorts them by name"
is "$(order)" "broken.yaml empty.yaml errors.yaml good.yaml " "in that order"
keys Down Enter
shows "无法打开 broken.yaml（第 2 行第 6 列）：不允许使用锚点（&标记）" \
	"a draft that cannot be read is not opened: the whole reason is said"

# ---- opened, changed, left: the list says how it stands now ----
keys End Enter
shows "金寨县公共资源交易中心  2024年度  good.yaml" "Enter opens a draft"
keys NPage NPage NPage
text "5"
keys Tab C-s
shows "[已保存]" "a figure changed and saved"
keys C-q
matches "金寨县公共资源交易中心 +2024  2错 .* good.yaml" "leaving it returns to the list, with its state brought up to date"
matches "^> .* good.yaml$" "the draft left selected"
keys C-g
shows "某某县人民政府办公室  2025年度  empty.yaml" "the key for the next problem opens the next draft with problems, wrapping"
shows "未填写：" "at its next problem"
keys C-q
keys C-g
shows "金寨县公共资源交易中心  2024年度  errors.yaml" "and then the next one"
keys C-q
wait_for "选择草稿或新建"
keys C-q
shows "[exit 0]" "quitting is from the list"

# ---- opened again where it was left ----
start good.yaml
shows "一、本年新收政府信息公开申请数量 商业企业" "a draft opens again where it was left"
keys C-q
shows "[exit 0]" "and, named on the command line, quitting it quits"
wait_file "^requests.new\[1\]	$T/good.yaml$" state/nianbao/places
ok $? "the place is kept under XDG_STATE_HOME by the field's path, for the draft's full path"
is "$(find home -mindepth 1 | wc -l)" 0 "and nothing is written in HOME"

# ---- a new report: named from its 机关名称 and 年度 ----
start
keys Home Enter
shows "机关名称（" "新建 asks for 机关名称 first"
text "测试县人民政府办公室"
keys Enter BSpace BSpace BSpace BSpace
text "2024"
keys Enter
shows "测试县人民政府办公室2024年报.yaml" "then proposes the file name from it and the 年度"
keys Home
text "a/"
keys Enter
shows "文件名中不能有“/”" "a name that will not do is refused, saying why"
shows "a/测试县人民政府办公室2024年报.yaml" "with what was typed kept to correct it"
keys Home Delete Delete End BSpace BSpace BSpace BSpace BSpace
text "（初稿）"
keys Enter
shows "测试县人民政府办公室  2024年度  测试县人民政府办公室2024年报（~" \
	"corrected, the new draft opens"
ok "$(test -f "测试县人民政府办公室2024年报（初稿）.yaml"; echo $?)" "saved at once, .yaml added"
keys C-q
matches "^> 测试县人民政府办公~  2024  180未填 .* 测试县~（初稿）.yaml$" "left, it is listed"
keys C-q
shows "[exit 0]" "and the list quits"

# ---- places that cannot be kept never stop the editor ----
touch plain
STATEENV="HOME='$T/home' XDG_STATE_HOME='$T/plain/state'"
start good.yaml
shows "金寨县公共资源交易中心  2024年度  good.yaml" "with a state folder that cannot be made, the draft still opens"
keys C-q
shows "没能记下 good.yaml 停在哪里" "leaving it says the place was not kept"
shows "[exit 0]" "and nothing worse"
tap_done
