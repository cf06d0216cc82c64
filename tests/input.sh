#!/bin/sh
# Inputs that are not what a draft should be, given to the command line:
# files that are not regular files, a byte-order mark, text that breaks a
# one-line field, and a standard output that cannot be written.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

S=$NB_TOP_SRCDIR
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$S" || exit 1

plan 15

# ---- not regular files: refused at once, by name and kind ----
mkfifo "$T/pipe.yaml"
err=$(timeout 10 "$NIANBAO" check "$T/pipe.yaml" 2>&1 >/dev/null); rc=$?
is "$rc:$err" "2:$T/pipe.yaml: error: 这是一个命名管道（FIFO），不是普通文件：无法读取" \
	"check refuses a FIFO at once, saying what it is"
# the editor, too, never waits on it (on a terminal: tests/tui-term.sh)
timeout 10 "$NIANBAO" "$T/pipe.yaml" </dev/null >/dev/null 2>&1; rc=$?
is "$rc" 2 "the editor given a FIFO exits 2 at once, without waiting for a writer"
mkdir "$T/forms"
mkfifo "$T/forms/gov-info-annual-report-2021.yaml"
err=$(timeout 10 "$NIANBAO" --forms "$T/forms" check sample-data/jinzhai-2024.yaml 2>&1 >/dev/null); rc=$?
is "$rc:$err" "2:$T/forms/gov-info-annual-report-2021.yaml: error: 这是一个命名管道（FIFO），不是普通文件：无法读取" \
	"a FIFO as the form file is refused too"
err=$(timeout 10 "$NIANBAO" export /dev/zero -o "$T/x.txt" 2>&1 >/dev/null); rc=$?
is "$rc:$err:$(ls "$T" | grep -c x.txt)" "2:/dev/zero: error: 这是一个字符设备，不是普通文件：无法读取:0" \
	"export refuses a device and writes nothing"

# ---- a byte-order mark (Windows Notepad) is no part of the text ----
for f in jinzhai-2024 jinzhai-2024-errors; do
	{ printf '\357\273\277'; cat "sample-data/$f.yaml"; } > "$T/bom-$f.yaml"
done
out=$("$NIANBAO" check "$T/bom-jinzhai-2024-errors.yaml" 2>/dev/null); rc=$?
want=$("$NIANBAO" check sample-data/jinzhai-2024-errors.yaml 2>/dev/null |
	sed "s|^sample-data/|$T/bom-|")
is "$rc:$out" "1:$want" "a draft with a byte-order mark checks as without it, at the same lines and columns"
"$NIANBAO" export "$T/bom-jinzhai-2024.yaml" -o "$T/bom.txt" &&
	"$NIANBAO" export sample-data/jinzhai-2024.yaml -o "$T/plain.txt" &&
	cmp -s "$T/bom.txt" "$T/plain.txt"
ok $? "and exports the same report"

# ---- a one-line field holds one line ----
"$NIANBAO" new --org "$(printf '金寨县\n人民政府')" --year 2024 -o "$T/n.yaml" 2>"$T/err"; rc=$?
is "$rc:$(cat "$T/err")" "2:nianbao new: --org 给出的机关名称中有换行（机关名称只能是一行文字）" \
	"new refuses a line break in --org"
ok "$([ ! -e "$T/n.yaml" ]; echo $?)" "and writes no draft"
"$NIANBAO" new --org "$(printf '金寨县\033[31m')" --year 2024 -o "$T/n.yaml" 2>"$T/err"; rc=$?
is "$rc:$(cat "$T/err")" "2:nianbao new: --org 给出的机关名称中有不可见的控制字符 U+001B（机关名称只能是一行文字）" \
	"and a control character"

# ---- a standard output that cannot be written is a failure ----
E=sample-data/jinzhai-2024-errors.yaml
"$NIANBAO" check "$E" >/dev/full 2>"$T/err"; rc=$?
is "$rc:$(tail -n 1 "$T/err")" "2:nianbao: 无法写到标准输出：No space left on device" \
	"check on a full disk exits 2 and says so"
"$NIANBAO" check "$E" >&- 2>"$T/err"; rc=$?
is "$rc:$(tail -n 1 "$T/err")" "2:nianbao: 无法写到标准输出：Bad file descriptor" \
	"check with standard output closed exits 2 and says so"
"$NIANBAO" --help >/dev/full 2>"$T/err"; rc=$?
is "$rc:$(cat "$T/err")" "2:nianbao: 无法写到标准输出：No space left on device" "--help on a full disk exits 2"
"$NIANBAO" --version >&- 2>"$T/err"; rc=$?
is "$rc:$(cat "$T/err")" "2:nianbao: 无法写到标准输出：Bad file descriptor" "--version with standard output closed exits 2"
"$NIANBAO" check --help >/dev/full 2>"$T/err"; rc=$?
is "$rc:$(cat "$T/err")" "2:nianbao: 无法写到标准输出：No space left on device" "check --help on a full disk exits 2"
"$NIANBAO" export --format txt sample-data/jinzhai-2024.yaml -o - >/dev/full 2>"$T/err"; rc=$?
is "$rc:$(cat "$T/err")" "2:nianbao export: 无法写到标准输出" "export -o - on a full disk says so once"

tap_done
