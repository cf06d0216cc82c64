#!/bin/sh
# The whole test suite: the unit, command-line, terminal and export tests,
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

if [ -f .ci/run-sanitizers ]; then
	echo "== AddressSanitizer, UBSan and valgrind"
	sh .ci/run-sanitizers
fi

echo "== make distcheck"
make -j"$j" distcheck DISTCHECK_CONFIGURE_FLAGS=--quiet

echo "== all stages passed; the tests of make check:"
echo "$passed passed, $failed failed"
