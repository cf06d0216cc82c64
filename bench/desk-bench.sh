#!/bin/sh
# Prints how long the start screen takes to list a folder of N drafts
# (default 30, 100 and 300): copies of the seed, each of its own body,
# made in threes (a body's 2023 and 2024, half of them with applications
# carried over that do not agree, and another body's 2025, one in five
# recording x-previous).  In the process (bench/desk-bench.c): the states
# one draft at a time, as the list took them before (each draft reading
# the whole folder to find last year's), and all at once, as it takes
# them now.  Then the whole start screen, headless (the replay of
# tests/screens.sh with no keys: drawn, then left), timed by /usr/bin/time
# with its peak resident memory; NIANBAO_BEFORE=BINARY times another
# build's too.
# Usage: bench/desk-bench.sh [N...]   (from the top of a built tree; the
# one-by-one figure for 300 drafts takes half a minute)
set -eu
bin=${NIANBAO:-./src/nianbao}
seed=${NB_DRAFT:-sample-data/jinzhai-2024.yaml}
[ $# -gt 0 ] || set -- 30 100 300
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
${CC:-cc} -O2 -std=c11 -I. -Isrc -o "$T/desk-bench" bench/desk-bench.c src/libnianbao.a \
	$(pkg-config --libs yaml-0.1 libzip libxml-2.0 poppler-glib pangocairo xlsxwriter) -lpthread

# make_desk N DIR: the drafts, by one awk (a process per draft would time
# the shell).
make_desk() {
	mkdir -p "$2"
	awk -v n="$1" -v dir="$2" '
		{ line[NR] = $0 }
		END {
			for (i = 0; i < n; i++) {
				g = int(i / 3)
				k = i % 3
				body = k < 2 ? "第" g "单位" : "第" g "号单位"
				year = 2023 + k
				carried = k == 1 && g % 2 ? 1 : 0
				f = sprintf("%s/%s-%d.yaml", dir, k < 2 ? "u" g : "v" g, year)
				for (j = 1; j <= NR; j++) {
					s = line[j]
					if (s ~ /^organization: /) s = "organization: " body
					else if (s ~ /^year: /) s = "year: " year
					else if (s ~ /^  carried_(in|out): /)
						s = substr(s, 1, index(s, ":")) " [" carried ", 0, 0, 0, 0, 0, " carried "]"
					print s > f
				}
				if (k == 2 && g % 5 == 0)
					printf "x-previous: u%d-2024.yaml\n", g > f
				close(f)
			}
		}' "$seed"
}

: > "$T/none"
# screen BINARY DIR: the start screen on DIR, drawn and left.
screen() {
	(cd "$2" && env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color COLUMNS=80 LINES=24 \
		NIANBAO_REPLAY="$T/none" XDG_STATE_HOME="$T/state" \
		/usr/bin/time -f '%e s (user %U s, sys %S s), peak_rss_kb %M' "$1" 2>&1 >/dev/null | tail -n 1)
}

case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
printf 'copies of %s, %d bytes each\n' "$seed" "$(wc -c < "$seed")"
for n in "$@"; do
	make_desk "$n" "$T/desk-$n"
	"$T/desk-bench" "$T/desk-$n" forms 3
done
for n in "$@"; do
	printf '%4d drafts: start screen %s\n' "$n" "$(screen "$bin" "$T/desk-$n")"
	[ -z "${NIANBAO_BEFORE:-}" ] ||
		printf '%4d drafts: start screen before %s\n' "$n" "$(screen "$NIANBAO_BEFORE" "$T/desk-$n")"
done
