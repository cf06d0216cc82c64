#!/bin/sh
# The two man pages: doc/nianbao.1 and the Chinese doc/zh_CN/nianbao.1
# render without a warning at several widths (by man-db as `man` shows
# them, the Chinese one from a zh_CN directory so that man loads groff's
# zh.tmac as it does for the installed page; by groff itself where man is
# missing), the Chinese text has no stray space beside its punctuation (a
# line of the source joined without \c), and every command of
# `nianbao --help` and every option of `nianbao --help` and of each
# command's --help is described in the Chinese page: an option added to the
# program without its Chinese paragraph fails here.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

S=$NB_TOP_SRCDIR
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
EN=$S/doc/nianbao.1
ZH=$S/doc/zh_CN/nianbao.1
mkdir -p "$T/man/zh_CN/man1" "$T/man/man1"
cp "$ZH" "$T/man/zh_CN/man1/nianbao.1"
cp "$EN" "$T/man/man1/nianbao.1"
# the English page as tests/debian-package.sh renders it; the Chinese one
# also narrower and wider, where Chinese text breaks between characters
EN_WIDTHS="80"
ZH_WIDTHS="60 80 120"

# render PAGE WIDTH: the page as text on stdout, warnings on stderr
if command -v man >/dev/null 2>&1; then
	how="man --warnings=w -l"
	render() { MANPAGER=cat MANWIDTH=$2 LANG=C.UTF-8 LC_ALL=C.UTF-8 man --warnings=w -l "$1"; }
elif command -v groff >/dev/null 2>&1; then
	how="groff -ww"
	render() {
		case $1 in */zh_CN/*) zh=-mzh ;; *) zh= ;; esac
		groff -k $zh -man -Tutf8 -ww -rLL="$2"n -P-cbou "$1"
	}
else
	how=
fi

commands=$("$NIANBAO" --help 2>&1 | sed -n 's/^ *\(用法：\)\{0,1\}nianbao \([a-z][a-z]*\) .*/\2/p' | sort -u)
# the options a help text names: -x or --word, not inside another word
options() { grep -oE '(^|[^A-Za-z0-9_-])--?[A-Za-z][A-Za-z-]*' | sed 's/^[^-]*//' | sort -u; }

set -- $commands
plan $((2 * 2 + 2 + 1 + 1 + $#))

for page in "$T/man/man1/nianbao.1" "$T/man/zh_CN/man1/nianbao.1"; do
	name=${page#"$T/man/"}
	case $name in zh_CN/*) lang=zh WIDTHS=$ZH_WIDTHS ;; *) lang=en WIDTHS=$EN_WIDTHS ;; esac
	if [ -z "$how" ]; then
		ok 0 "# SKIP neither man nor groff is installed"
		ok 0 "# SKIP neither man nor groff is installed"
		continue
	fi
	warned=
	for w in $WIDTHS; do
		render "$page" "$w" >"$T/$lang.$w" 2>"$T/err"
		[ -s "$T/err" ] && warned="$warned $w" && sed "s/^/# $w: /" "$T/err"
	done
	is "$warned" "" "$name renders without a warning at $WIDTHS columns ($how)"
	ok "$(grep -q 'nianbao check' "$T/$lang.80"; echo $?)" "$name: the rendered page has its synopsis"
done

if [ -n "$how" ]; then
	# no blank beside a Chinese punctuation mark inside a line: a source
	# line ending in Chinese must end in \c, or troff puts a space there
	strays=$(cat "$T"/zh.[0-9]* | grep -nE '[，。；：、（“《] +[^ ]|[^ ] +[，。；：、）”》]' | head -n 5)
	is "$strays" "" "the Chinese page has no stray space beside its punctuation"
	ok "$(grep -q '^名称' "$T/zh.80" && grep -q '^退出状态' "$T/zh.80"; echo $?)" \
		"its sections are named in Chinese"
else
	ok 0 "# SKIP neither man nor groff is installed"
	ok 0 "# SKIP neither man nor groff is installed"
fi

# The page's text, escapes taken out: \- as -, fonts and joins dropped.
sed -e 's/\\f[BIRP]//g' -e 's/\\-/-/g' -e 's/\\[c:%&]//g' "$ZH" >"$T/zh.src"
# part CMD: the synopsis lines of nianbao CMD and its paragraphs under 命令
# (from its ".TP / .B CMD" to the next command's or the next section).
part() {
	awk -v cmd="$1" '
	/^\.SH/ { sec = $2; inpart = 0 }
	sec == "概述" && ($0 == ".B nianbao " cmd || index($0, ".B nianbao " cmd " ") == 1) { syn = 2 }
	syn > 0 { print; syn--; next }
	sec == "命令" && prev == ".TP" && /^\.B [a-z]+$/ { inpart = ($2 == cmd) }
	inpart { print }
	{ prev = $0 }' "$T/zh.src"
}
# missing CMD: the options of `nianbao CMD --help` that its part lacks
missing() {
	part "$1" >"$T/part"
	"$NIANBAO" "$1" --help 2>&1 | options | while read -r o; do
		grep -qE -- "(^|[^A-Za-z0-9_-])$o([^A-Za-z0-9_-]|$)" "$T/part" || printf ' %s' "$o"
	done
}

lacks=
for c in $commands; do
	grep -qx "\.B $c" "$T/zh.src" || lacks="$lacks $c"
done
is "$lacks" "" "every command of nianbao --help has its paragraph under 命令 ($(echo $commands))"

# the editor's own options, under 选项
awk '/^\.SH/ { sec = $2 } sec == "选项"' "$T/zh.src" >"$T/part"
lacks=$("$NIANBAO" --help 2>&1 | sed -n '/^选项：/,/^$/p' | options | while read -r o; do
	grep -qE -- "(^|[^A-Za-z0-9_-])$o([^A-Za-z0-9_-]|$)" "$T/part" || printf ' %s' "$o"
done)
is "$lacks" "" "every option of nianbao --help is described under 选项"

for c in $commands; do
	got=$("$NIANBAO" "$c" --help 2>&1 | options | tr '\n' ' ')
	is "$(missing "$c")" "" "every option of nianbao $c --help is in its part of the page: $got"
done
tap_done
