#!/bin/sh
# The interactive editor, driven through a real terminal (tmux) as an
# operator would: keys in, screen text out.  Every wait polls the screen
# with a time limit instead of sleeping a fixed time.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

S=$NB_TOP_SRCDIR
T=$(mktemp -d)
. "$S/tests/tmux-lib.sh"
trap '$TM kill-server 2>/dev/null; rm -rf "$T"' EXIT
cd "$T" || exit 1

plan 104

# numbers N V: types V then Tab, N times.
numbers() {
	n=$1
	while [ "$n" -gt 0 ]; do
		keys "$2" Tab
		n=$((n - 1))
	done
}
# click X Y: a press and release of the left button at column X, line Y
# (0-based), as an xterm-compatible terminal reports it.
click() {
	printf '\033[M %b%b\033[M#%b%b' "$(printf '\\%03o' $(($1 + 33)))" \
		"$(printf '\\%03o' $(($2 + 33)))" "$(printf '\\%03o' $(($1 + 33)))" \
		"$(printf '\\%03o' $(($2 + 33)))" > click.seq
	$TM load-buffer -b click click.seq
	$TM paste-buffer -b click -t nb$NS
}
# row a b c d e f: six figures of a row of table 三, each followed by Tab.
row() {
	for v in "$@"; do keys "$v" Tab; done
}

# ---- a new report, filled in from start to end with Tab and typing ----
start new.yaml
shows "机关名称（" "a new file first asks for 机关名称"
text "测试县人民政府办公室"
keys Enter
shows "报告年度（四位数字）" "then for 年度"
keys BSpace BSpace BSpace BSpace
text "2024"
keys Enter
shows "测试县人民政府办公室  2024年度  new.yaml" "the editor opens on the new draft with 机关 and 年度 in the title"
ok "$(test -f new.yaml; echo $?)" "the draft is created at once"

keys Tab Tab
text "县政府办公室"; keys Tab
text "测试县人民路1号"; keys Tab
text "0551-1234567"; keys Tab
text "230000"; keys Tab
text "http://www.example.gov.cn"; keys Tab
keys Tab                                   # 开头段落: left empty
shows "== 一、总体情况 ==" "Tab walks from the header into section 一"
keys Tab                                   # intro: left empty
for i in 1 2 3 4 5; do                     # Tab passes over the titles
	text "第${i}项的内容。"; keys Tab
done
shows "== 二、主动公开政府信息情况 ==" "and on into section 二"
row 1 0 5 2 1 10 3 4 0
text "12.5"; keys Tab
shows "== 三、收到和处理政府信息公开申请情况 ==" "and on into the grid of 三"
row 2 1 0 0 0 0          # 一、本年新收
row 0 0 0 0 0 0          # 二、上年结转
row 1 1 0 0 0 0          # （一）予以公开
row 1 0 0 0 0 0          # （二）部分公开
numbers 114 0            # （三）到（六）: 19 rows of six
shows "=3" "the computed totals follow the figures"
row 0 0 0 0 0 0          # 四、结转下年度
shows "== 四、政府信息公开行政复议、行政诉讼情况 ==" "the total row is passed over: 24 rows of 6 figures lead to 四"
row 1 0 0 0  0 0 0 0  0 0 0 0
shows "== 五、存在的主要问题及改进情况 ==" "the 12 figures of 四 lead to 五"
text "上年问题已改进。"; keys Tab
text "本年存在的问题。"; keys Tab
text "下一步的举措。"; keys Tab
shows "== 六、其他需要报告的事项 ==" "and on to 六"
text "本年度未收取信息处理费。"
keys Tab
shows "已到最后一项。按 Ctrl-S 保存，按 F8 导出 Word 文件（.docx）" "the end of the report is announced, with how to export the Word file"
shows "[*未保存]" "the title marks unsaved changes"
keys C-s
shows "已保存到 new.yaml" "Ctrl-S saves"
shows "[已保存]" "and the mark goes"
if cmp -s new.yaml "$S/tests/data/tui-filled.yaml"; then ok 0 "the saved draft is exactly the expected YAML"
else ok 1 "the saved draft is exactly the expected YAML"; diff "$S/tests/data/tui-filled.yaml" new.yaml | sed 's/^/# /' | head -30; fi
"$NIANBAO" check new.yaml >/dev/null 2>&1
ok $? "and it passes nianbao check"
keys C-q
shows "[exit 0]" "Ctrl-Q quits at once when everything is saved"

# ---- live checks: an imbalanced figure, then fixed ----
cp "$S/tests/data/tui-filled.yaml" live.yaml
start live.yaml
shows "测试县人民政府办公室" "a saved draft opens"
keys NPage NPage NPage
shows "== 三、收到和处理政府信息公开申请情况 ==" "PgDn goes section by section"
keys 5
shows "! 表三 “自然人”列：一+二 (5+0=5) 不等于 三（七）+四 (2+0=2)" \
	"an imbalanced figure is named on the status line, as nianbao check words it"
shows "!=6" "the cells of the broken rule are marked with a symbol"
shows "三、依申请    !2错" "the outline counts the errors of the section"
keys BSpace 2
shows "勾稽关系成立" "typing the right figure is checked again at once"
gone "!2错" "and the warning goes"
keys a
shows "这里只能输入数字 0-9" "a letter in a number cell is refused with a message"
keys Escape
keys Right 7 Escape
shows ">一、本年新收申请数量          2       1" "Esc cancels the edit in progress"

# ---- the mouse ----
click 22 1
shows "== 一、总体情况 ==" "a click on the outline opens that section"
click 62 1
shows "== 三、收到和处理政府信息公开申请情况 ==" "another one goes back"
click 45 11
shows "三、本年度办理结果（一）予以公开 科研机构" "a click on a cell selects it"

# ---- resizing ----
$TM resize-window -t nb$NS -x 60 -y 20
shows "终端太小" "below 80x24 the editor says the terminal is too small"
$TM resize-window -t nb$NS -x 80 -y 24
shows "== 三、收到和处理政府信息公开申请情况 ==" "and redraws the editor when it is large enough again"
$TM resize-window -t nb$NS -x 120 -y 40
shows "8.属于行政查询事项" "a larger terminal is used"
$TM resize-window -t nb$NS -x 80 -y 24
wait_for "F1帮助" >/dev/null

# ---- help ----
keys F1
shows "Ctrl-S F2" "F1 shows every key"
keys NPage
shows "Ctrl-Z" "on pages turned with PgDn"
shows "重做刚撤销的修改" "redo (Ctrl-Y) is among them"
keys Escape
shows "== 三、" "and any key returns"

# ---- Chinese paragraphs ----
keys NPage NPage NPage
shows "== 六、其他需要报告的事项 ==" "on to 六"
keys C-k
text "第一句话说明本机关的情况，第二句话很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。"
shows "| 第一句话说明本机关的情况，第二句话很长很长很长很长很长很长很长很长很长很长很" \
	"a Chinese paragraph wraps at the width of the screen"
shows "| 长很长很长很长很长很长很长很长很长很长。" "by display width, between any two characters"
keys Escape
shows "已到最后一项" "Esc in a paragraph leaves it as Tab does (here the last one)"
shows "| 长很长很长很长很长很长很长很长很长很长。" "and keeps every character typed"
keys Home Left Left Left Left Left BSpace
text "X"
keys C-s
shows "已保存" "saved"
wait_file "情况，第二句话很长很长很长很长很长很长很长很X很长很长" live.yaml
ok $? "a double-width character deleted mid-line and one typed in its place land where the cursor was"

# ---- paste ----
awk 'BEGIN { s = ""; for (i = 0; i < 375; i++) s = s sprintf("第%03d段文字，", i % 1000); print s }' > paste.txt
$TM load-buffer -b p paste.txt
keys C-k
$TM paste-buffer -p -b p -t nb$NS
shows "已粘贴" "a long paragraph is pasted in one go"
keys C-s
shows "已保存" "and saved"
wait_file "第374段文字，$" live.yaml
want=$(tr -d '\n' < paste.txt)
got=$(awk '/^other_matters: \|/ { on = 1; next } on && /^  / { sub(/^  /, ""); printf "%s", $0 }' live.yaml)
is "$got" "$want" "all 3,000 pasted characters arrive, in order"

# ---- the external editor and undo ----
printf '#!/bin/sh\nprintf "外部编辑器写的一段话。\\n" > "$1"\n' > fake-editor
chmod +x fake-editor
keys C-e
shows "| 外部编辑器写的一段话。" "Ctrl-E opens the paragraph in \$VISUAL and reads it back"
keys C-z
shows "371段文字，第372段文字，第373段文字，第374段文字，" "Ctrl-Z undoes the external editor's text: the paste is back"
keys C-z
shows "已撤销：" "the next Ctrl-Z undoes the whole paste, one step"
keys C-z C-z
shows "| 本年度未收取信息处理费。" "and two more the typing before it (Esc ended one step)"
keys C-y
shows "已重做：" "Ctrl-Y redoes"
gone "| 本年度未收取信息处理费。" "and the paragraph is as it was after the typing"
keys BTab
shows "== 五、存在的主要问题及改进情况 ==" "Shift-Tab goes back"
keys Tab

# ---- quitting with unsaved changes ----
keys Enter
text "补充"
keys C-q
shows "修改尚未保存。保存吗？" "quitting with unsaved changes asks first"
keys n
shows "[exit 0]" "N quits without saving"
if grep -q "补充" live.yaml; then ok 1 "and the draft is left as it was"
else ok 0 "and the draft is left as it was"; fi

# ---- the problems list, and totals read from a file ----
cp "$S/sample-data/jinzhai-2024-errors.yaml" errors.yaml
start errors.yaml
keys F4
shows "问题列表：3 个错误，1 个提醒，1 个建议，1 处未填写" "F4 lists every finding"
# past the unfilled cell, the suggestion and the misplaced figure
keys Down Down Down Enter
shows "! 表三 “自然人”列：三（七）总计 1 不等于三（一）至三（六）之和 0" "choosing one jumps to its cell and states it"
shows ":=1(0)" "a total read from the file shows the file's figure and the computed one"
shows "总计 自然人（括号里是计算值）" "and, as the 1 typed under 其他 explains it, does not invite taking the computed one"
keys Enter
shows "已采用计算出的总计 0" "Enter accepts it"
keys C-g
shows "! 表三 “其他”列：三（七）总计 0 不等于三（一）至三（六）之和 1" "Ctrl-G goes to the next problem"
keys C-q
shows "修改尚未保存" "quitting asks"
keys n
shows "[exit 0]" "and N leaves without saving"

# ---- one editor per draft; unsaved edits outlive a dropped connection ----
start live.yaml
shows "live.yaml" "the draft opens again"
lock=$(cat .live.yaml.lock)
out=$("$NIANBAO" live.yaml 2>&1 </dev/null); rc=$?
is "$rc" 2 "a second editor, without a terminal, is refused"
is "$(cat .live.yaml.lock)" "$lock" "and leaves the first editor's lock alone"
keys Tab Tab
text "Z"
shows "县政府办公室Z" "an edit"
kill -HUP "$(sed -n 's/^pid: //p' .live.yaml.lock)"
shows "[exit" "a hang-up ends the editor"
start live.yaml
shows "有上次未保存的修改" "the next start offers the unsaved edits back"
keys Enter
shows "县政府办公室Z" "and restores them"
keys C-q
shows "修改尚未保存" "they are unsaved"
keys n
shows "[exit 0]" "N discards them"
if [ -e .live.yaml.recover ] || [ -e .live.yaml.lock ]; then ok 1 "and no lock or recovery file is left"
else ok 0 "and no lock or recovery file is left"; fi

# ---- kill -9: what was typed is kept within about a second, unprompted ----
start live.yaml
shows "live.yaml" "the draft opens for a kill -9"
keys Tab Tab
text "Q"
shows "县政府办公室Q" "a character is typed, and no key after it"
i=0
while [ $i -lt 100 ] && ! grep -q "县政府办公室Q" .live.yaml.recover 2>/dev/null; do
	sleep 0.05
	i=$((i + 1))
done
if grep -q "县政府办公室Q" .live.yaml.recover 2>/dev/null; then
	ok 0 "the recovery file gets it without another key"
else
	ok 1 "the recovery file gets it without another key"
fi
# The process is watched, not the screen: a SIGKILL can cut the editor's
# last write to the terminal in the middle of an escape sequence, which
# then swallows the start of the shell's "[exit 137]".
pid=$(sed -n 's/^pid: //p' .live.yaml.lock)
kill -KILL "$pid"
i=0
while [ $i -lt 600 ] && kill -0 "$pid" 2>/dev/null; do
	sleep 0.05
	i=$((i + 1))
done
if kill -0 "$pid" 2>/dev/null; then
	ok 1 "kill -9 ends the editor"
	ps -o pid,stat,wchan:20,cmd -p "$pid" | sed 's/^/# /'
	screen | sed 's/^/# /'
else
	ok 0 "kill -9 ends the editor"
fi
start live.yaml
shows "有上次未保存的修改" "the next start offers the typed character back"
keys Enter
shows "县政府办公室Q" "and restores it"
keys C-q n
shows "[exit 0]" "and it can be discarded"

# ---- a monochrome terminal without PgDn in its terminfo, and NO_COLOR ----
TERMENV="TERM=vt100 NO_COLOR=1"
start live.yaml
keys NPage NPage NPage
shows "== 三、收到和处理政府信息公开申请情况 ==" "on a vt100, PgDn still changes section"
keys 9
shows "!=10" "errors are marked by a symbol without colours"
keys C-q
shows "修改尚未保存" "quitting asks"
keys n
shows "[exit 0]" "and N leaves"
TERMENV="TERM=dumb"
start live.yaml
shows "无法初始化终端" "a terminal that cannot move the cursor is refused with a message"
shows "[exit 2]" "and exit status 2"
TERMENV="TERM=screen-256color"

# ---- figures pasted from a spreadsheet ----
start live.yaml
keys NPage NPage NPage
shows "== 三、收到和处理政府信息公开申请情况 ==" "a draft at table 三"
printf '7\t1\t0\t0\t0\t0\t8\n0\t0\t0\t0\t0\t4\t4\n' > block.txt
$TM load-buffer -b block block.txt
$TM paste-buffer -p -b block -t nb$NS
shows "已粘贴 14 个数字" "a block copied from a spreadsheet is pasted"
shows " 一、本年新收申请数量         !7       1       0       0       0      !0     !=8" \
	"cell by cell, the total column passed over"
shows " 二、上年结转申请数量         !0       0       0       0       0      !4     !=4" \
	"and line by line"
keys C-q
shows "修改尚未保存" "quitting asks"
keys n
shows "[exit 0]" "and N leaves"

# ---- the headless replay the benchmark uses ----
printf 'k 338\nk 338\nk 338\nc 53\nc 19\n' > keys.txt
cp "$S/tests/data/tui-filled.yaml" replay.yaml
out=$(LANG=C.UTF-8 NIANBAO_REPLAY=keys.txt XDG_STATE_HOME="$T/.state" timeout 20 "$NIANBAO" replay.yaml 2>&1 >/dev/null); rc=$?
is "$rc" 0 "replayed keys run the editor without a terminal"
contains "$out" "keys 5" "and it reports its figures"
grep -q "new: \[5, 1, 0, 0, 0, 0, 6\]" replay.yaml
ok $? "the keys did their work (PgDn x3, 5, Ctrl-S)"

# ---- the start screen ----
mkfifo pipe.yaml
mkdir folder.yaml
start
shows "[新建] 新建一份报告草稿" "without a file, a start screen offers 新建"
matches "测试县人民政府办公室 +2024 +.*  new.yaml" "and lists the drafts of the directory"
ok "$(screen | grep -c 'pipe.yaml\|folder.yaml')" "but not a FIFO or a directory named .yaml"
keys Escape
shows "[exit 0]" "Esc leaves it"

# the year proposed is typed over, not appended to
start year.yaml
shows "机关名称（" "another new file"
text "测试县财政局"
keys Enter
shows "报告年度（四位数字）" "the year is proposed"
text "2023"
keys Enter
shows "测试县财政局  2023年度  year.yaml" "and the year typed replaces it"
keys C-q
tap_done
