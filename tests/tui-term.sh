#!/bin/sh
# The editor and its terminal: no terminal, a locale without UTF-8,
# signals sent with kill.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

S=$NB_TOP_SRCDIR
T=$(mktemp -d)
. "$S/tests/tmux-lib.sh"
trap '$TM kill-server 2>/dev/null; rm -rf "$T"' EXIT
cd "$T" || exit 1

plan 59

# in_shell ARGS...: like start, and once the editor ends the shell says
# its exit status and whether the terminal is back in line mode.
in_shell() {
	shell "XDG_STATE_HOME='$T/.state/$((NS + 1))' '$NIANBAO' $*" \
		"stty -a | tr ' ;' '\n\n' | grep -x -- '-*icanon' | sed 's/^/[stty /;s/\$/]/'; "
}
pid_of() { sed -n 's/^pid: //p' ".$1.lock"; }
# typed DRAFT TEXT: TEXT typed after 县交易中心办公室, kept in DRAFT's
# recovery file, then 丁 typed after it: a change too new for the timer.
typed() {
	keys Tab Tab
	text "$2"
	wait_file "县交易中心办公室$2" ".$1.recover"
	text "丁"
	wait_for "县交易中心办公室$2丁"
}

# ---- a FIFO as the draft, on a terminal: refused before the screen ----
mkfifo pipe.yaml
in_shell pipe.yaml
shows "pipe.yaml: error: 这是一个命名管道（FIFO），不是普通文件" \
	"the editor refuses a FIFO as its draft, saying what it is"
shows "[exit 2]" "with status 2, without waiting for a writer"
rm -f pipe.yaml

# ---- not on a terminal: refused, and nothing touched ----
out=$("$NIANBAO" d.yaml 2>&1 </dev/null); rc=$?
is "$rc" 2 "the editor with standard input not a terminal is refused"
contains "$out" "标准输入不是终端" "and says why"
ok "$(test -e d.yaml || test -e .d.yaml.lock; echo $((1 - $?)))" \
	"and creates neither the draft nor a lock"
cp "$S/sample-data/jinzhai-2024.yaml" live.yaml
sed '0,/县交易中心办公室/s//县交易中心办公室乙/' live.yaml > .live.yaml.recover
touch -d '+1 minute' .live.yaml.recover
out=$("$NIANBAO" live.yaml 2>&1 </dev/null); rc=$?
is "$rc" 2 "a draft with unsaved edits and no terminal is refused"
ok "$(test -e .live.yaml.recover && ! test -e .live.yaml.lock; echo $?)" \
	"and its recovery file stays, no lock is left"
start "live.yaml >out.txt"
shows "标准输出不是终端" "standard output not a terminal is refused too"
shows "[exit 2]" "with exit status 2"
ok "$(test -e .live.yaml.recover && ! test -e .live.yaml.lock; echo $?)" \
	"and the recovery file stays, no lock is left"

# ---- the recovery question: only a confirmed discard removes the file ----
for key in Escape q C-q; do
	start live.yaml
	wait_for "有上次未保存的修改（1 处"
	keys $key
	shows "未保存的修改仍在 .live.yaml.recover" "$key at the recovery question leaves, saying where the edits are"
	ok "$(test -e .live.yaml.recover && ! test -e .live.yaml.lock; echo $?)" \
		"and keeps the recovery file"
done
start live.yaml
wait_for "有上次未保存的修改（1 处"
keys Down Enter
shows "确定丢弃这 1 处未保存的修改吗？丢弃后无法找回" "discarding asks first, saying how many changes"
keys Escape
shows "有上次未保存的修改（1 处" "Esc there goes back to the question"
ok "$(test -e .live.yaml.recover; echo $?)" "with the recovery file kept"
keys Down Enter
wait_for "确定丢弃这 1 处"
keys Down Enter
shows "联系部门：县交易中心办公室" "a confirmed discard opens the saved draft"
ok "$(test -e .live.yaml.recover; echo $((1 - $?)))" "and only then is the recovery file removed"
keys C-q
wait_for "[exit 0]"

# ---- a recovery file that cannot be written is said, while it lasts ----
cp "$S/sample-data/jinzhai-2024.yaml" full.yaml
mkdir .full.yaml.recover
touch -d '-1 minute' .full.yaml.recover
start full.yaml
wait_for "金寨县公共资源交易中心"
keys Tab Tab
text "戊"
shows "! 无法写入恢复文件" "a recovery file that cannot be written is said at once"
shows "这个名字已经是一个目录" "with the reason"
keys Tab
shows "[*未保存 恢复文件写不进]" "and the title bar keeps saying it after the message is gone"
rmdir .full.yaml.recover
shows "恢复文件又能写入了" "once it can be written again, that is said too"
gone "恢复文件写不进" "and the notice goes"
ok "$(grep -q "县交易中心办公室戊" .full.yaml.recover; echo $?)" "with the edit kept"
keys C-q n
wait_for "[exit 0]"

# ---- keys typed while the terminal is too small are dropped, as it says ----
small() { $TM resize-window -t nb$NS -x "$1" -y "$2"; }
start full.yaml
wait_for "金寨县公共资源交易中心"
small 60 20
shows "按键暂停：窗口放大之前按的键都不起作用，" "a terminal too small says typing is paused"
shows "只有 Ctrl-Q 可以退出" "and which key still works"
text "7"
shows "（已丢弃 1 个按键）" "a key typed meanwhile is dropped and counted"
small 80 24
shows "[已保存]" "back at full size, nothing was changed"
ok "$(screen | grep -q "交易中心7"; echo $((1 - $?)))" "and did not reach the field"
keys End
text "8"
shows "金寨县公共资源交易中心8" "typing works again once the terminal is large enough"
small 60 20
keys C-q
shows "修改尚未保存" "Ctrl-Q still works while too small, and its question is shown"
keys n
shows "[exit 0]" "and answered"
start
wait_for "[新建] 新建一份报告草稿"
small 60 20
wait_for "按键暂停"
keys Enter
wait_for "（已丢弃 1 个按键）"
small 80 24
shows "[新建] 新建一份报告草稿" "on the start screen too, a key typed while too small chooses nothing"
keys Escape
wait_for "[exit 0]"

# ---- a locale that is not UTF-8 ----
TERMENV="TERM=screen-256color LC_ALL=C"
start live.yaml
shows "金寨县公共资源交易中心" "under LC_ALL=C the editor switches to C.UTF-8 and shows Chinese"
keys C-q
shows "[exit 0]" "and quits"
TERMENV="TERM=screen-256color"

# ---- signals sent with kill: edits kept, lock given up, terminal back ----
for sig in INT QUIT TERM; do
	cp "$S/sample-data/jinzhai-2024.yaml" $sig.yaml
	in_shell $sig.yaml
	wait_for "金寨县公共资源交易中心"
	typed $sig.yaml 丙
	# nothing left to keep: the key wait blocks, and the signal ends it
	[ $sig = TERM ] && wait_file "县交易中心办公室丙丁" .$sig.yaml.recover
	kill -$sig "$(pid_of $sig.yaml)"
	shows "收到 SIG$sig，已退出" "SIG$sig ends the editor and says so"
	ok "$(grep -q "县交易中心办公室丙丁" .$sig.yaml.recover; echo $?)" \
		"after writing the last edit to the recovery file"
	ok "$(test -e .$sig.yaml.lock; echo $((1 - $?)))" "and giving up the lock"
	shows "[stty icanon]" "the terminal is back in line mode"
done
# A Ctrl-C meant for the external editor does not end this one.
printf '#!/bin/sh\ntouch in-editor\nwhile [ ! -e go-on ]; do sleep 0.05; done\n%s\n' \
	"printf '某某县人民政府办公室\\n' > \"\$1\"" > fake-editor
chmod +x fake-editor
cp "$S/sample-data/jinzhai-2024.yaml" ext.yaml
start ext.yaml
wait_for "金寨县公共资源交易中心"
keys C-e
i=0
while [ $i -lt 600 ] && [ ! -e in-editor ]; do sleep 0.05; i=$((i + 1)); done
kill -INT "$(pid_of ext.yaml)"
touch go-on
shows "机关名称：某某县人民政府办公室" "SIGINT while the external editor runs is left to it"
ok "$(screen | grep -q "\\[exit"; echo $((1 - $?)))" "and the editing goes on"
keys C-q n
wait_for "[exit 0]"

# Neither $VISUAL nor $EDITOR: nano where installed, else vi, whose way
# out is said first.  The stand-ins write a name into the field.
mkdir bin
printf '#!/bin/sh\nprintf "维县办公室\\n" > "$1"\n' > bin/vi
chmod +x bin/vi
EDITORENV="VISUAL= EDITOR= PATH=$T/bin"
start ext.yaml
wait_for "金寨县公共资源交易中心"
keys C-e
shows "将用 vi 编辑这段文字：按 i 开始输入" "without \$VISUAL or \$EDITOR and no nano, vi, after saying how to leave it"
keys Enter
shows "机关名称：维县办公室" "and Enter starts it"
keys C-q n
wait_for "[exit 0]"
printf '#!/bin/sh\nprintf "纳县办公室\\n" > "$1"\n' > bin/nano
chmod +x bin/nano
start ext.yaml
wait_for "金寨县公共资源交易中心"
keys C-e
shows "机关名称：纳县办公室" "with nano installed, nano"
ok "$(screen | grep -q "将用 vi"; echo $((1 - $?)))" "and no word about vi"
keys C-q n
wait_for "[exit 0]"
unset EDITORENV

cp "$S/sample-data/jinzhai-2024.yaml" segv.yaml
in_shell segv.yaml
wait_for "金寨县公共资源交易中心"
kill -SEGV "$(pid_of segv.yaml)"
shows "[exit 139]" "a crash (SIGSEGV) still dies of its signal"
shows "[stty icanon]" "with the terminal back in line mode"
gone "金寨县公共资源交易中心" "and the editor's screen gone"
tap_done
