#!/bin/sh
# The draft as a file, in tmux: a second editor opens it read-only, save as
# gets out of a read-only draft, F9 reads a draft changed on disk again.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

S=$NB_TOP_SRCDIR
T=$(mktemp -d)
. "$S/tests/tmux-lib.sh"
trap '$TM kill-server 2>/dev/null; rm -rf "$T"' EXIT
cd "$T" || exit 1

plan 44

cp "$S/sample-data/jinzhai-2024.yaml" live.yaml

# The first editor holds the draft, in a session of its own.
$TM -f /dev/null new-session -d -x 80 -y 24 -s first \
	"cd '$T' && env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color XDG_STATE_HOME='$T/.state/first' '$NIANBAO' live.yaml; sleep 600"
i=0
while [ $i -lt 200 ] && [ ! -e .live.yaml.lock ]; do sleep 0.05; i=$((i + 1)); done

start live.yaml
shows "正由 root" "a second editor says who holds the draft"
shows "以只读方式打开吗？" "and offers to open it read-only"
keys y Enter
shows "[只读]" "y opens it read-only"
keys 5
shows "只读打开：不能修改" "typing is refused"
keys C-s
shows "不能保存到原文件" "saving over the draft is refused"
keys F7
shows "预览（纯文本导出）" "the preview works read-only"
keys Escape
keys F3
shows "另存为（文件名）：" "F3 asks for a new name"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
text "copy.yaml"
keys Enter
shows "已另存为 copy.yaml" "save as writes a copy"
shows "[已保存]" "which is now the draft edited, no longer read-only"
if cmp -s live.yaml copy.yaml && [ -e .copy.yaml.lock ]; then ok 0 "the copy is identical and locked"
else ok 1 "the copy is identical and locked"; fi
if [ -e .live.yaml.lock ]; then ok 0 "the first editor keeps its lock"
else ok 1 "the first editor keeps its lock"; fi

# Another program changes the copy; F9 reads it again.
sed -i 's/^  punishment: 4$/  punishment: 7/' copy.yaml
keys F9
shows "已重新载入 copy.yaml" "F9 reads the draft again"
keys NPage NPage
shows "行政处罚" "to table 二"
i=0
while [ $i -lt 200 ] && ! screen | grep "行政处罚" | grep -q " 7"; do sleep 0.05; i=$((i + 1)); done
if screen | grep "行政处罚" | grep -q " 7"; then ok 0 "with the figure changed on disk"
else ok 1 "with the figure changed on disk"; screen | sed 's/^/# /'; fi
keys C-q
shows "[exit" "quitting the copy"
$TM send-keys -t first C-q
i=0
while [ $i -lt 200 ] && [ -e .live.yaml.lock ]; do sleep 0.05; i=$((i + 1)); done
if [ -e .live.yaml.lock ]; then ok 1 "the first editor lets the draft go"
else ok 0 "the first editor lets the draft go"; fi

# The terminal goes away: the tmux session is killed (SIGHUP) mid-typing.
cp "$S/sample-data/jinzhai-2024.yaml" typed.yaml
start typed.yaml
shows "金寨县公共资源交易中心" "a draft to type into"
keys Tab Tab
text "甲乙"
shows "县交易中心办公室甲乙" "two Chinese characters typed, not saved"
$TM kill-session -t nb$NS
i=0
while [ $i -lt 600 ] && [ -e .typed.yaml.lock ]; do sleep 0.05; i=$((i + 1)); done
if [ -e .typed.yaml.lock ]; then ok 1 "killing the session ends the editor and frees the draft"
else ok 0 "killing the session ends the editor and frees the draft"; fi
start typed.yaml
shows "有上次未保存的修改" "reopening offers what was typed"
keys Enter
shows "县交易中心办公室甲乙" "and restores it"
keys C-s
shows "已保存到 typed.yaml" "which can then be saved"
if grep -q "^  office: 县交易中心办公室甲乙$" typed.yaml; then ok 0 "the draft on disk has it"
else ok 1 "the draft on disk has it"; fi

# A lock that cannot be understood, and one from another computer: each
# is named and offered for take-over.
cp "$S/sample-data/jinzhai-2024.yaml" g.yaml
printf 'garbage\n' > .g.yaml.lock
start g.yaml
shows "锁文件 .g.yaml.lock 的内容无法识别" "a garbled lock is named"
shows "接管这份草稿吗" "and offered for take-over"
keys y Enter
shows "已接管这份草稿（锁文件 .g.yaml.lock）" "y takes it over and opens the draft"
if wait_file "^pid: " .g.yaml.lock; then ok 0 "the lock is now a real one"
else ok 1 "the lock is now a real one"; fi
keys C-q
shows "[exit 0]" "quitting gives it up"
printf 'user: lisi\nhost: other-pc.example\npid: 4242\nstarted: 1735689600\n' > .g.yaml.lock
start g.yaml
shows "正由 lisi（主机 other-pc.example" "a lock from another computer says who holds it"
shows "两边保存时会互相覆盖对方的修改" "and what taking it over risks"
keys y Enter
shows "已按你的确认；已接管这份草稿" "after the confirmation it is taken over"
keys C-q
shows "[exit 0]" "and quitting gives it up"
# A lock of this computer whose pid is now a process started after it.
sleep 600 & later=$!
printf 'user: lisi\nhost: %s\npid: %s\nstarted: 1000000000\n' "$(hostname)" "$later" > .g.yaml.lock
start g.yaml
shows "进程号 $later 现在属于一个后来启动的程序" "a lock whose pid is now another process's is named"
shows "接管这份草稿吗" "and offered for take-over, not taken silently"
keys n Enter
shows "以只读方式打开吗" "no goes on to the read-only question"
keys n Enter
shows "[exit" "and no leaves"
if grep -q "^pid: $later$" .g.yaml.lock; then ok 0 "the lock is left as it was"
else ok 1 "the lock is left as it was"; fi
kill "$later"

# A published report given to the editor is imported into a draft beside
# it, once; the start screen lists reports to import too.
mkdir imp
cp "$S/tests/data/jinzhai-2024-seed.txt" imp/report.txt
start imp/report.txt
shows "已从 imp/report.txt 导入到 imp/report.yaml：数字 200/200 格" \
	"a report given to the editor is imported, and the editor says so"
shows "金寨县公共资源交易中心  2024年度  report.yaml" "and edits the new draft"
if cmp -s imp/report.yaml "$S/sample-data/jinzhai-2024.yaml"; then ok 0 "the draft is the seed's"
else ok 1 "the draft is the seed's"; fi
keys C-q
shows "[exit 0]" "and quits"
start imp/report.txt
shows "已有草稿 imp/report.yaml：打开的是它，没有重新导入" \
	"given again, the draft already there is opened, not overwritten"
keys C-q
mv imp/report.txt report2.txt
start
shows "[导入] report2.txt" "the start screen lists a report to import"
keys End Enter                      # reports come after the drafts
shows "已从 report2.txt 导入到 report2.yaml" "and choosing it imports it"
keys C-q
tap_done
