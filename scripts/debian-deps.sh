#!/bin/sh
# Installs what nianbao needs to build and to run its whole test suite on
# Debian 12 (as root).  Safe to run again.
set -eu
export DEBIAN_FRONTEND=noninteractive

# pango and cairo set and write the PDF export
BUILD="build-essential autoconf automake pkg-config
       libncurses-dev libyaml-dev libzip-dev libxml2-dev libcmocka-dev
       libpoppler-glib-dev libpango1.0-dev libcairo2-dev"
TEST="tmux valgrind clang"
# the real programs that open the exported files (tests/export-clients.sh,
# tests/export-pages.sh), and the CJK fonts their PDFs are drawn with (the
# PDF export's when the official fonts are not installed)
CLIENTS="libreoffice-writer-nogui libreoffice-core poppler-utils pandoc chromium
         python3 fonts-noto-cjk fonts-wqy-zenhei"

apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $BUILD $TEST $CLIENTS
