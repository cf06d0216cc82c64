#!/bin/sh
# The whole test suite: the unit, command-line, terminal and export tests
# (make check), the real clients and the crash test (make check-slow),
# then the same under AddressSanitizer/UBSan and valgrind, then distcheck.
# Run after scripts/setup.sh.  Exits non-zero on the first failure.
set -eu
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LC_ALL=C.UTF-8
j=$(nproc)

echo "== make check"
make -j"$j" check > check.out 2>&1 || { cat check.out test-suite.log; exit 1; }
cat check.out
passed=$(sed -n 's/^# PASS: *//p' check.out)
failed=$(sed -n 's/^# FAIL: *//p' check.out)

echo "== make check-slow (the real clients, the crash test)"
NB_REQUIRE_CLIENTS=1 make -j"$j" check-slow > check-slow.out 2>&1 ||
	{ cat check-slow.out test-suite.log; exit 1; }
cat check-slow.out
passed=$((passed + $(sed -n 's/^# PASS: *//p' check-slow.out)))
failed=$((failed + $(sed -n 's/^# FAIL: *//p' check-slow.out)))

if [ -f .ci/run-sanitizers ]; then
	echo "== AddressSanitizer, UBSan and valgrind"
	sh .ci/run-sanitizers
fi

echo "== make distcheck"
make -j"$j" distcheck DISTCHECK_CONFIGURE_FLAGS=--quiet

echo "== all stages passed; the tests of make check:"
echo "$passed passed, $failed failed"
