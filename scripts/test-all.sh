#!/bin/sh
# The whole test suite: the unit, command-line, terminal and export tests,
# then the same under AddressSanitizer/UBSan and valgrind, then distcheck.
# Run after scripts/setup.sh.  Exits non-zero on the first failure.
set -eu
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LC_ALL=C.UTF-8
j=$(nproc)

echo "== make check"
make -j"$j" check || { cat test-suite.log; exit 1; }

if [ -f .ci/run-sanitizers ]; then
	echo "== AddressSanitizer, UBSan and valgrind"
	sh .ci/run-sanitizers
fi

echo "== make distcheck"
make -j"$j" distcheck DISTCHECK_CONFIGURE_FLAGS=--quiet
