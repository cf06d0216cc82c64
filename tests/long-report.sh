#!/bin/sh
# long-report.sh SEED.yaml: prints a long report made from a complete
# draft: the subsections of 总体情况 replaced by ten, each of two full
# paragraphs (the first subsection's), so that the tables fall elsewhere
# on the pages and 三 breaks across them.  The rest of the draft as it is.
awk '
/^  items:$/ { print; items = 1; next }
items && /^  - title: / && !para { title = 1; next }
items && title && /^    text: \|$/ { next }
items && title && !para { para = $0; next }
items && /^[a-z]/ {
	for (i = 1; i <= 10; i++) {
		print "  - title: 第" i "项工作情况"
		print "    text: |"
		print para
		print para
	}
	items = 0
}
!items { print }
' "$1"
