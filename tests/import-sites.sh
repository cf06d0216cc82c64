#!/bin/sh
# nianbao import on published reports as government portals put them on
# their sites: each sample draft exported as a web page, rewritten in the
# markup of six kinds of site by tests/site-pages.py (a TRS portal, a GBK
# page, a page pasted from Word, a site laid out with tables, a report
# written as lines split by <br>, table 三 with a header of spans and
# labels broken in their cells; section 五 in parts titled as sites title
# them), with the site's navigation, bars and footer around it; and the text a browser copies of each page (rows
# with tabs, or a cell a line).  Each imports to exactly the sample
# draft: every figure and every text.  The same pages saved as Word files
# by LibreOffice and printed by Chromium are in tests/sites-clients.sh.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

S=$NB_TOP_SRCDIR
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
TEMPLATES="trs gbk word layout lines spans"
# the real report, and the one with figures in every row
SAMPLES="sample-data/jinzhai-2024 tests/data/shili-2023"

plan 44

for draft in $SAMPLES; do
	s=${draft##*/}
	"$NIANBAO" export "$S/$draft.yaml" -o "$T/$s.html" &&
		python3 "$S/tests/site-pages.py" "$T/$s.html" "$T/$s"
	ok $? "$s: the pages of six sites made from its export"
	for t in $TEMPLATES; do
		imports_to "$S/$draft.yaml" "$T/$s/$t.html" "$s: the $t page imports to the sample"
		imports_to "$S/$draft.yaml" "$T/$s/$t.tabs.txt" "$s: and its text copied with tabs"
		imports_to "$S/$draft.yaml" "$T/$s/$t.cells.txt" "$s: and its text a cell a line"
	done
done

# what the pages are made of: the kinds of markup the templates promise
grep -q 'charset=gb2312' "$T/shili-2023/gbk.html" && ! iconv -f UTF-8 -t UTF-8 "$T/shili-2023/gbk.html" >/dev/null 2>&1
ok $? "the GBK page is in GBK, declared by http-equiv"
grep -q 'class=MsoNormal' "$T/shili-2023/word.html" && grep -q '<o:p></o:p>' "$T/shili-2023/word.html"
ok $? "the Word page has MsoNormal paragraphs and <o:p>"
grep -q 'class="left"><table' "$T/shili-2023/layout.html" && grep -q 'pages_content' "$T/shili-2023/layout.html"
ok $? "the laid-out page has its article inside layout tables"
grep -q '自<br>然<br>人' "$T/shili-2023/spans.html" && grep -q 'rowspan="22"' "$T/shili-2023/spans.html"
ok $? "the spans page breaks header labels and spans rows"

grep -q '<strong>（一）上年度问题整改情况</strong>' "$T/shili-2023/trs.html" &&
	grep -q '<b><span[^>]*>存在的主要问题</span></b>' "$T/shili-2023/word.html" &&
	grep -q '3.下一步工作打算。' "$T/shili-2023/lines.html"
ok $? "section 五 in numbered subsections, under bold titles, and numbered with its text run on"

# the footer of the site is no part of 六
"$NIANBAO" import "$T/shili-2023/trs.html" -o - 2>/dev/null | grep -c '网站标识码\|上一篇\|ICP备' > "$T/foot"
is "$(cat "$T/foot")" 0 "the site's footer is not read into the last section"
tap_done
