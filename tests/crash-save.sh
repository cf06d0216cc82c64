#!/bin/sh
# A save killed with SIGKILL at 500 random moments: after each kill the
# draft on disk is the complete old or the complete new version, and so is
# its backup DRAFT.yaml~.  The driver (tests/crash_save) saves two versions
# of a 270 KB report in turn until it is killed.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

S=$NB_TOP_SRCDIR
CRASH=${NB_TOP_BUILDDIR:-.}/tests/crash_save
export NB_FORM="$S/forms/gov-info-annual-report-2021.yaml"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
kills=${NB_CRASH_KILLS:-500}

plan 5

t0=$(date +%s%N)
"$CRASH" emit "$T"
ok $? "the driver writes the two versions"
t1=$(date +%s%N)
cp "$T/A.yaml" "$T/d.yaml"

# Delays from 2 ms to four times what the driver takes to start and write
# both versions (at least 40 ms): it needs some to start, then each save
# takes a few; a kill lands anywhere in the cycle, however slow the build
# (AddressSanitizer) or the machine.
hi=$(( (t1 - t0) * 4 / 1000000 ))
[ "$hi" -ge 40 ] || hi=40
delays=$(awk -v n="$kills" -v hi="$hi" 'BEGIN { srand(); for (i = 0; i < n; i++)
	printf "%.3f\n", 0.002 + rand() * (hi - 2) / 1000 }')
torn=0 torn_backup=0 unkilled=0 seen_a=0 seen_b=0
for d in $delays; do
	"$CRASH" loop "$T/d.yaml" &
	pid=$!
	sleep "$d"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	[ $? -eq 137 ] || unkilled=$((unkilled + 1))
	if cmp -s "$T/d.yaml" "$T/A.yaml"; then
		seen_a=$((seen_a + 1))
	elif cmp -s "$T/d.yaml" "$T/B.yaml"; then
		seen_b=$((seen_b + 1))
	else
		torn=$((torn + 1))
		cp "$T/d.yaml" "$T/torn.yaml"
		cp "$T/A.yaml" "$T/d.yaml"
	fi
	if [ -e "$T/d.yaml~" ] && ! cmp -s "$T/d.yaml~" "$T/A.yaml" &&
	   ! cmp -s "$T/d.yaml~" "$T/B.yaml"; then
		torn_backup=$((torn_backup + 1))
		rm -f "$T/d.yaml~"
	fi
	# what a killed save leaves: its temporary files, never the draft
	rm -f "$T"/.nb-*
done

is "$unkilled" 0 "all $kills runs were killed mid-loop (none ended by itself)"
is "$torn" 0 "the draft was always a complete version"
is "$torn_backup" 0 "and so was its backup"
ok "$([ "$seen_a" -gt 0 ] && [ "$seen_b" -gt 0 ]; echo $?)" \
	"saves went through between kills ($seen_a times A, $seen_b times B)"
tap_done
