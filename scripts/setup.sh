#!/bin/sh
# From a fresh clone to a built program: Debian packages, configure, make.
# Run as root from the top of the source tree.
set -eu
cd "$(dirname "$0")/.."
sh scripts/debian-deps.sh
autoreconf -fi
./configure --quiet
make -j"$(nproc)"
