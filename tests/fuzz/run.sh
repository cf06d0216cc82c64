#!/bin/sh
# Builds the libFuzzer harnesses (drafts, form files, imported text, web
# pages, Word files) with clang (ASan + UBSan) and runs them all at once
# for SECONDS seconds each (default 60).  Crashes are written to
# tests/fuzz/artifacts/; each one found belongs in tests/bad/ with its
# expected diagnostic once the core is fixed.  With --replay, each harness
# instead reads its stored corpus once, the drafts' and the forms' with
# the bad inputs of tests/bad and tests/bad-forms (what .ci/run-sanitizers
# runs: clang's sanitizers, not gcc's, on every one of them).
#
#   tests/fuzz/run.sh [SECONDS]
#   tests/fuzz/run.sh --replay
set -eu

replay=
if [ "${1:-}" = --replay ]; then
	replay=1
	shift
fi
secs=${1:-60}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=${NB_FUZZ_BUILD:-$top/build-fuzz}
cc=${CC_FUZZ:-}
if [ -z "$cc" ]; then
	for c in clang clang-16 clang-15 clang-14; do
		if command -v "$c" >/dev/null 2>&1; then cc=$c; break; fi
	done
fi
[ -n "$cc" ] || { echo "run.sh: clang not found" >&2; exit 2; }

mkdir -p "$out" "$here/artifacts"
# The harnesses need none of configure's results beyond the feature macros.
printf '#define _GNU_SOURCE 1\n#define PACKAGE_NAME "nianbao"\n' >"$out/config.h"
# the Word reader opens libzip by its soname (src/core/zip_lib.h)
zipso=$(readelf -d "$(pkg-config --variable=libdir libzip)/libzip.so" |
	sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
printf '#define NB_ZIP_SONAME "%s"\n' "$zipso" >>"$out/config.h"

core="arena buf error file text textcheck ytree number form form_load form_find form_layout form_rules
      form_text_checks form_next textpat content content_figure report
      draft_read draft_write rules misplaced import_doc import_text import_norm import_tables
      import_recognize import_xml import_html import_docx lazylib zip_lib"
srcs=
for m in $core; do srcs="$srcs $top/src/core/$m.c"; done
flags="-g -O1 -std=c11 -fsanitize=fuzzer,address,undefined
       -fno-sanitize-recover=all -I$out -I$top/src"
harnesses="draft form import html docx"
for h in $harnesses; do
	# web pages and Word files go through one harness, fuzz_lines.c
	case $h in
	html) src=lines def= ;;
	docx) src=lines def=-DNB_FUZZ_DOCX ;;
	*) src=$h def= ;;
	esac
	# shellcheck disable=SC2086
	"$cc" $flags $def -DNB_FUZZ_FORM="\"$top/forms/gov-info-annual-report-2021.yaml\"" \
	    -o "$out/fuzz_$h" "$here/fuzz_$src.c" $srcs \
	    $(pkg-config --cflags --libs yaml-0.1 libxml-2.0 libzip)
done

run() {
	mkdir -p "$out/corpus-$1"
	"$out/fuzz_$1" -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 \
	    -timeout=10 -print_final_stats=1 \
	    -artifact_prefix="$here/artifacts/$1-" \
	    "$out/corpus-$1" "$here/corpus-$1" >"$out/fuzz_$1.log" 2>&1
}

# Each input of the corpus (and of the bad inputs) run once.
replay() {
	case $1 in
	draft) extra=$top/tests/bad ;;
	form) extra=$top/tests/bad-forms ;;
	*) extra= ;;
	esac
	# shellcheck disable=SC2086
	"$out/fuzz_$1" -runs=0 -rss_limit_mb=2048 -timeout=10 \
	    -artifact_prefix="$here/artifacts/$1-" "$here/corpus-$1" $extra \
	    >"$out/fuzz_$1.log" 2>&1
}

if [ -n "$replay" ]; then
	status=0
	for h in $harnesses; do
		if replay "$h"; then
			echo "== fuzz_$h: $(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$out/fuzz_$h.log") inputs, no fault"
		else
			echo "== fuzz_$h: a fault"
			grep -E '^==[0-9]+==ERROR|runtime error|^SUMMARY|deadly signal|Test unit written' \
			    "$out/fuzz_$h.log" || true
			status=1
		fi
	done
	exit $status
fi

status=0
pids=
for h in $harnesses; do
	run "$h" & pids="$pids $!"
done
for p in $pids; do
	wait "$p" || status=1
done
for h in $harnesses; do
	echo "== fuzz_$h: $(grep -E 'stat::number_of_executed_units' "$out/fuzz_$h.log" || true)"
	grep -E '^==[0-9]+==ERROR|^SUMMARY|deadly signal|Test unit written' \
	    "$out/fuzz_$h.log" || true
done
exit $status
