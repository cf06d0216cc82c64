#!/bin/sh
# Prints what the content checks add to `nianbao check` on the seed: the
# median of N runs (default 201) of the whole process, in ms, for
#   without    the form with its text_checks part cut off (check as it
#              was before them),
#   off        the shipped form, every text check switched off in a
#              nianbao.yaml (the form still reads and compiles them),
#   on         the shipped form, every check on;
# and the share "on" adds to "without".  Target: under 30%.  Wall-clock
# times on a busy machine wander by more than that; where valgrind is
# installed the instructions each run executes are counted too, which do
# not.  Then the same in the process (bench/content-bench.c), where the
# start of the program, which dwarfs the checks, is left out.
# Usage: bench/content-bench.sh [N]   (from the top of a built tree)
set -eu
n=${1:-201}
bin=${NIANBAO:-./src/nianbao}
form=forms/gov-info-annual-report-2021.yaml
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir "$T/bare" "$T/off" "$T/on"
sed '/^text_checks:/,$d' "$form" > "$T/bare/$(basename "$form")"
for d in bare off on; do
	cp sample-data/jinzhai-2024.yaml "$T/$d/seed.yaml"
done
{
	echo "rules:"
	sed -n 's/^    - id: \(text-[a-z-]*\)$/  \1: off/p' "$form"
} > "$T/off/nianbao.yaml"

# median DIR [--forms DIR]: the median time of N checks of DIR/seed.yaml, µs.
median() {
	dir=$1
	shift
	i=0
	: > "$T/times"
	while [ $i -lt "$n" ]; do
		t0=$(date +%s%N)
		"$bin" "$@" check "$dir/seed.yaml" >/dev/null 2>&1 || true
		t1=$(date +%s%N)
		echo $(( (t1 - t0) / 1000 )) >> "$T/times"
		i=$((i + 1))
	done
	sort -n "$T/times" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# Interleaved in rounds, so that a busy moment of the machine weighs on
# all three alike.
bare=0 off=0 on=0
for round in 1 2 3; do
	bare=$((bare + $(median "$T/bare" --forms "$T/bare")))
	off=$((off + $(median "$T/off")))
	on=$((on + $(median "$T/on")))
done
awk -v b="$bare" -v f="$off" -v o="$on" -v n="$n" 'BEGIN {
	printf "check %s, median of %d runs (3 rounds, averaged)\n", "sample-data/jinzhai-2024.yaml", n
	printf "  without text_checks:     %.3f ms\n", b / 3000
	printf "  text checks switched off: %.3f ms\n", f / 3000
	printf "  text checks on:          %.3f ms\n", o / 3000
	printf "  added by the content checks: %.1f%% (target < 30%%)\n", (o - b) * 100 / b
}'

# instructions DIR [--forms DIR]: what one check of DIR/seed.yaml executes.
instructions() {
	dir=$1
	shift
	valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$@" check \
		"$dir/seed.yaml" 2>&1 >/dev/null | sed -n 's/.*refs: *//p' | tr -d ,
}
if command -v valgrind >/dev/null 2>&1; then
	b=$(instructions "$T/bare" --forms "$T/bare")
	f=$(instructions "$T/off")
	o=$(instructions "$T/on")
	awk -v b="$b" -v f="$f" -v o="$o" 'BEGIN {
		printf "instructions executed by one check (valgrind):\n"
		printf "  without text_checks %d, switched off %d (+%.1f%%), on %d (+%.1f%%)\n",
		       b, f, (f - b) * 100 / b, o, (o - b) * 100 / b
	}'
fi

${CC:-cc} -O2 -std=c11 -I. -Isrc -o "$T/content-bench" bench/content-bench.c src/libnianbao.a \
	$(pkg-config --libs yaml-0.1 libzip libxml-2.0 poppler-glib)
"$T/content-bench" "$(( n * 2 ))" "$form" "$T/bare/$(basename "$form")"
