#!/bin/sh
# Installs what nianbao needs to build and to run its whole test suite on
# Debian 12 (as root).  Safe to run again.
set -eu
export DEBIAN_FRONTEND=noninteractive

# pango and cairo set and write the PDF export, harfbuzz's subsetter cuts
# its fonts
BUILD="build-essential autoconf automake pkg-config
       libncurses-dev libyaml-dev libzip-dev libxml2-dev libcmocka-dev
       libpoppler-glib-dev libpango1.0-dev libcairo2-dev libxlsxwriter-dev
       libharfbuzz-dev libfreetype-dev libfontconfig-dev"
TEST="tmux valgrind clang"
# the real programs that open the exported files (tests/export-clients.sh,
# tests/export-pages.sh; Calc opens the workbooks), and the CJK fonts their
# PDFs are drawn with (the PDF export's when the official fonts are not
# installed, and tests/test_import_pdf's)
CLIENTS="libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-core poppler-utils pandoc chromium
         python3 fonts-noto-cjk fonts-wqy-zenhei"
# the Debian package built and checked (debian/, tests/debian-package.sh)
PACKAGE="debhelper dpkg-dev fakeroot lintian devscripts"

apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $BUILD $TEST $CLIENTS $PACKAGE
