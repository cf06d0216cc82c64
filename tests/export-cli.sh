#!/bin/sh
# nianbao export driven as a user would: formats, refusal of drafts with
# findings, --draft, exit status, no half-written files, and the plain
# text of the seed report compared with the published report
# (tests/data/jinzhai-2024-seed.txt, its text as published).
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

S=$NB_TOP_SRCDIR
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$S" || exit 1

plan 43

"$NIANBAO" export sample-data/jinzhai-2024.yaml -o "$T/r.txt" 2>"$T/err"; rc=$?
is "$rc" 0 "the seed report exports to .txt"
is "$(cat "$T/err")" "已导出 $T/r.txt（txt，$(wc -c <"$T/r.txt") 字节）" "and says what it wrote"

# Every paragraph of the published report, word for word: the lines that
# are not table cells, less the converter's residue ("[bookmark: _GoBack]",
# "1、 总体情况" for the heading 一、总体情况).
missing=$(grep -v "$(printf '^\t')" tests/data/jinzhai-2024-seed.txt |
	sed 's/\[bookmark: _GoBack\]//; s/[[:space:]]*$//' | grep -v '^$' |
	grep -v '^1、 总体情况$' | grep -v '^企业$\|^机构$\|^纠正$\|^结果$\|^审结$\|^维持$' |
	while IFS= read -r para; do
		grep -qF -- "$para" "$T/r.txt" || printf '%s\n' "$para"
	done)
is "$missing" "" "the .txt holds every paragraph of the published report"
grep -q '^一、总体情况$' "$T/r.txt"
ok $? "with the official heading 一、总体情况"

# Every figure of the published tables, in order: the cells that are only
# a number (some published with no-break spaces around), in the published
# text and in the plain-text tables.
nbsp=$(printf '\302\240')
grep "$(printf '^\t')" tests/data/jinzhai-2024-seed.txt | tr -d ' \t\r' | sed "s/$nbsp//g" |
	grep -E '^[0-9]+(\.[0-9]+)?$' > "$T/want"
sed -n '/^二、主动公开政府信息情况$/,/^五、/p' "$T/r.txt" | grep '^|' |
	tr '|' '\n' | sed 's/^ *//; s/ *$//' | grep -E '^[0-9]+(\.[0-9]+)?$' > "$T/got"
is "$(wc -l < "$T/want" | tr -d ' ')" 200 "the published tables hold 200 figures"
cmp -s "$T/want" "$T/got"
ok $? "the .txt tables hold the same figures in the same order"
width=$(grep '^[|+]' "$T/r.txt" | while IFS= read -r l; do printf '%s\n' "$l" | wc -L; done | sort -n | tail -1)
ok "$([ "$width" -le 100 ]; echo $?)" "the tables are at most 100 columns wide ($width)"

for f in md html docx pdf; do
	"$NIANBAO" export sample-data/jinzhai-2024.yaml -o "$T/r.$f"
	ok $? "the format follows the extension: .$f"
done
head -c 15 "$T/r.html" | grep -q '<!DOCTYPE html>'
ok $? ".html is an HTML document"
head -c 4 "$T/r.docx" | grep -q 'PK'
ok $? ".docx is a zip archive"
head -c 5 "$T/r.pdf" | grep -q '^%PDF-' && tail -c 6 "$T/r.pdf" | grep -q '%%EOF'
ok $? ".pdf is a whole PDF file"
"$NIANBAO" export --format pdf sample-data/jinzhai-2024.yaml -o - > "$T/stdout.pdf" &&
	cmp -s "$T/stdout.pdf" "$T/r.pdf"
ok $? "the same PDF on standard output, byte for byte"

"$NIANBAO" export --format html sample-data/jinzhai-2024.yaml -o "$T/report.out" &&
	grep -q '<table' "$T/report.out"
ok $? "--format overrides the extension"
"$NIANBAO" export --format txt sample-data/jinzhai-2024.yaml -o - > "$T/stdout.txt" &&
	cmp -s "$T/stdout.txt" "$T/r.txt"
ok $? "-o - writes to standard output"

"$NIANBAO" export sample-data/jinzhai-2024.yaml -o "$T/r.odt" 2>"$T/err"; rc=$?
is "$rc" 2 "an unknown extension is a usage error"
ok "$([ ! -e "$T/r.odt" ]; echo $?)" "and writes nothing"

echo "old contents" > "$T/e.txt"
"$NIANBAO" export sample-data/jinzhai-2024-errors.yaml -o "$T/e.txt" 2>"$T/err"; rc=$?
is "$rc" 1 "a draft with errors is refused with status 1"
contains "$(cat "$T/err")" "error: 表三" "the findings are listed"
is "$(cat "$T/e.txt")" "old contents" "and the existing output file is untouched"
ok "$([ "$(ls -A "$T" | grep -c '^\.nb-\|^\.\?e\.txt.\+')" -eq 0 ]; echo $?)" "no temporary file is left"

"$NIANBAO" export sample-data/empty.yaml -o "$T/empty.txt" 2>"$T/err"; rc=$?
is "$rc" 1 "a draft with unfilled cells is refused"
"$NIANBAO" export --draft sample-data/jinzhai-2024-errors.yaml -o "$T/d.txt" 2>"$T/err"; rc=$?
is "$rc" 0 "--draft exports it anyway"
is "$(head -n 1 "$T/d.txt")" "草稿（未经审核，不得发布）" "marked 草稿 at the top"

# Control characters written as YAML escapes are refused like raw ones.
sed 's/^other_matters: |$/other_matters: "按照信息处理费\\x01\\x0b规定。"/; /^  按照《国务院办公厅/d' \
	sample-data/jinzhai-2024.yaml > "$T/ctl.yaml"
"$NIANBAO" export "$T/ctl.yaml" -o "$T/ctl.html" 2>"$T/err"; rc=$?
is "$rc:$(cat "$T/err")" "2:$T/ctl.yaml:78:24: error: 双引号中的转义写出了不可见的控制字符 U+0001：草稿中不能有，请删去" \
	"a draft with escaped control characters is refused at the escape"
ok "$([ ! -e "$T/ctl.html" ]; echo $?)" "and nothing is exported"

"$NIANBAO" export sample-data/no-such-draft.yaml -o "$T/x.txt" 2>/dev/null; rc=$?
is "$rc" 2 "an unreadable draft exits 2"
"$NIANBAO" export sample-data/jinzhai-2024.yaml -o "$T/no/such/dir/r.txt" 2>/dev/null; rc=$?
is "$rc" 2 "an unwritable output exits 2"

# Outputs that are not plain files: a link is written through, a FIFO in
# place (renaming a file over it would put a plain file there).
mkdir "$T/pub"
ln -s pub/real.txt "$T/link.txt"
"$NIANBAO" export sample-data/jinzhai-2024.yaml -o "$T/link.txt"
is "$?" 0 "export through a symbolic link"
ok "$([ -L "$T/link.txt" ] && cmp -s "$T/pub/real.txt" "$T/r.txt"; echo $?)" \
	"writes the file it points to; the link stays a link"
mkfifo "$T/fifo"
timeout 30 cat "$T/fifo" > "$T/from-fifo" & reader=$!
"$NIANBAO" export --format txt sample-data/jinzhai-2024.yaml -o "$T/fifo"; rc=$?
wait $reader
is "$rc" 0 "export into a FIFO"
ok "$([ -p "$T/fifo" ] && cmp -s "$T/from-fifo" "$T/r.txt"; echo $?)" \
	"is written in place: the reader gets the report, the FIFO stays"
# 81 characters + .txt: 247 bytes, a legal name
long=$(printf '金%.0s' $(seq 81)).txt
"$NIANBAO" export sample-data/jinzhai-2024.yaml -o "$T/$long"
is "$?" 0 "export to a name of 247 bytes"
ok "$(cmp -s "$T/$long" "$T/r.txt" && [ "$(ls -A "$T" | grep -c '^\.nb-')" -eq 0 ]; echo $?)" \
	"writes the whole report and leaves no temporary file"

# libzip and libxlsxwriter are opened when first needed (src/core/lazylib.h):
# one that cannot be loaded (an empty file of its name first in the search
# path) refuses the export, and nothing is written
mkdir "$T/nolibs"
: > "$T/nolibs/${NB_ZIP_SONAME:-libzip.so.4}"
: > "$T/nolibs/${NB_XLSX_SONAME:-libxlsxwriter.so.4}"
for f in docx xlsx; do
	out=$(LD_LIBRARY_PATH=$T/nolibs "$NIANBAO" export sample-data/jinzhai-2024.yaml \
		-o "$T/nolib.$f" 2>&1); rc=$?
	is "$rc" 2 "a library for .$f that cannot be loaded refuses the export"
	contains "$out" "它无法载入" "saying what it needs"
	ok "$(test -e "$T/nolib.$f"; echo $((1 - $?)))" "and nothing is written"
done
out=$(LD_LIBRARY_PATH=$T/nolibs "$NIANBAO" export sample-data/jinzhai-2024.yaml -o "$T/fine.txt" 2>&1)
is "$?" 0 "other formats do not need them"

tap_done
