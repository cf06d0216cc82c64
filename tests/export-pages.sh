#!/bin/sh
# The printed pages, one by one, as a reviewer would print them: Chromium
# prints the .html, LibreOffice the .docx, and nianbao writes its own PDF;
# for the seed and for a long report (tests/long-report.sh: ten
# subsections of 总体情况 with full paragraphs).  tests/export-check.py
# --pages looks at each page with pdftotext: its number "— N —", the
# heading of table 三 on the page of its first row, the head of 三 on every
# page holding its rows, no label broken across pages, no page before or
# among 三 left more than half blank, and (HTML, our PDF) the merged labels
# repeated where their rows run on.  Our PDF besides: every paragraph and
# figure of the seed in order, fonts embedded (pdffonts), the draft mark on
# every page, and the import reads it back to the seed's figures.  Page
# counts go to the log.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"
. "${NB_TOP_SRCDIR:-.}/tests/clients-lib.sh"

plan 21

is "$MISSING" "" "the real clients are installed (else run scripts/debian-deps.sh)"

sh tests/long-report.sh sample-data/jinzhai-2024.yaml > "$T/long.yaml"
"$NIANBAO" check "$T/long.yaml" >/dev/null
ok $? "the long report is a complete draft"

for r in seed long; do
	mkdir -p "$T/$r"
	src=sample-data/jinzhai-2024.yaml
	[ "$r" = seed ] || src=$T/long.yaml
	for f in html docx pdf; do
		"$NIANBAO" export "$src" -o "$T/$r/report.$f" || echo "# export .$f failed"
	done
	chromium_pdf "$T/$r/report.html" "$T/$r/chromium.pdf" ||
		tail -n 5 "$T/chromium.log" | sed 's/^/# /'
	lo_pdf "$T/$r/report.docx" || sed 's/^/# /' "$T/lo.log"

	$CHECK --pages --repeat "$EXPECT" "$T/$r/chromium.pdf"
	ok $? "$r: Chromium's pages of the .html: numbered, 三 with its heading, head and labels on every page"
	a4 "$T/$r/chromium.pdf"
	ok $? "$r: Chromium prints on A4"
	$CHECK --pages "$EXPECT" "$T/$r/report.pdf"
	ok $? "$r: LibreOffice's pages of the .docx: numbered, 三 with its heading and its head on every page"
	$CHECK --pages --repeat "$EXPECT" "$T/$r/report.pdf" 2>/dev/null >/dev/null &&
		echo "# $r: (LibreOffice repeats the merged labels too)"
	mv "$T/$r/report.pdf" "$T/$r/libreoffice.pdf"
	"$NIANBAO" export "$src" -o "$T/$r/report.pdf"
	$CHECK --pages --repeat "$EXPECT" "$T/$r/report.pdf"
	ok $? "$r: nianbao's own PDF: numbered, 三 with its heading, head and labels on every page"
	a4 "$T/$r/report.pdf"
	ok $? "$r: nianbao's own PDF is A4"
	fonts=$(pdffonts "$T/$r/report.pdf" | tail -n +3)
	ok "$([ -n "$fonts" ] && ! printf '%s\n' "$fonts" | awk '{ print $(NF-4) }' | grep -qv yes; echo $?)" \
		"$r: every font of it is embedded (pdffonts)"
	printf '%s\n' "$fonts" | awk '{ print "#   " $1 }'
	echo "# $r: pages: .html $(pages "$T/$r/chromium.pdf") (Chromium)," \
		".docx $(pages "$T/$r/libreoffice.pdf") (LibreOffice), .pdf $(pages "$T/$r/report.pdf")"
done

pdf_shows "$T/seed/report.pdf"
ok $? "our PDF's text holds every heading, table label and figure of the seed in order"
pdftotext "$T/seed/report.pdf" - | grep -v '^ *— *[0-9]* *— *$' | tr -d ' \n\f' > "$T/seed/flat.txt"
"$NIANBAO" export sample-data/jinzhai-2024.yaml -o "$T/seed/report.txt"
missing=0
while IFS= read -r line; do
	p=$(printf '%s' "$line" | tr -d ' ')
	case $p in ''|'|'*|'+'*) continue ;; esac
	grep -qF -- "$p" "$T/seed/flat.txt" || { missing=$((missing + 1)); echo "# not in the PDF: $p" | cut -c1-80; }
done < "$T/seed/report.txt"
is "$missing" 0 "every paragraph of the seed is in our PDF's text, whole"

n=$(imported "$T/seed/report.pdf" "$T/seed/back.yaml")
is "$(wrong_cells sample-data/jinzhai-2024.yaml "$T/seed/back.yaml")" 0 \
	"our PDF imports back with not one figure or text other than the seed's"
is "$n" 200 "and all of its 200 figures"
n=$(imported "$T/long/report.pdf" "$T/long/back.yaml")
is "$(wrong_cells "$T/long.yaml" "$T/long/back.yaml")" 0 \
	"the long report's PDF too"
is "$n" 200 "with all of its 200 figures"

"$NIANBAO" export --draft sample-data/jinzhai-2024-errors.yaml -o "$T/draft.pdf" 2>/dev/null &&
	every_page_marked "$T/draft.pdf"
ok $? "every page of a draft's PDF shows 草稿"

tap_done
