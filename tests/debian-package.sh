#!/bin/sh
# The Debian package: the distribution's files (make distdir, so that
# debian/ must be in it) are built with `dpkg-buildpackage -us -uc -b`,
# lintian finds no error in the .deb, and the .deb unpacked in a temporary
# directory runs: it finds its own form file beside its bin directory, with
# no NIANBAO_FORMS, checks, creates, exports and imports, and its man pages
# (English and Chinese) render.  The tools come with the set-up (scripts/debian-deps.sh); where
# one is missing the script skips, unless NB_REQUIRE_CLIENTS=1: then it fails.
. "${NB_TOP_SRCDIR:-.}/tests/lib.sh"

missing=
for tool in dpkg-buildpackage dpkg-checkbuilddeps dpkg-deb dh fakeroot lintian man; do
	command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ] && [ "${NB_REQUIRE_CLIENTS:-0}" != 1 ]; then
	echo "1..0 # SKIP not installed:$missing (scripts/debian-deps.sh installs them)"
	exit 0
fi

S=$NB_TOP_SRCDIR
B=${NB_TOP_BUILDDIR:-.}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$S" || exit 1
unset NIANBAO_FORMS
V=$("$NIANBAO" --version | sed -n '1s/^nianbao //p')
FORM=gov-info-annual-report-2021.yaml

plan 23

is "$missing" "" "the packaging tools are installed (else run scripts/debian-deps.sh)"

make -C "$B" distdir distdir="$T/nianbao-$V" >"$T/dist.log" 2>&1
ok $? "make distdir copies the distribution" || tail -n 5 "$T/dist.log" | sed 's/^/# /'
start=$(date +%s)
# the make that runs the tests must not hand its jobs to the package build
(cd "$T/nianbao-$V" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
	DEB_BUILD_OPTIONS=parallel=2 dpkg-buildpackage -us -uc -b) >"$T/build.log" 2>&1
ok $? "dpkg-buildpackage -us -uc -b builds it" || tail -n 30 "$T/build.log" | sed 's/^/# /'
echo "# the package build took $(($(date +%s) - start)) s"

set -- "$T"/nianbao_"$V"_*.deb
deb=$1
ok "$([ $# = 1 ] && [ -f "$deb" ]; echo $?)" \
	"one .deb, of version $V as the program says (debian/changelog and AC_INIT agree)"

lintian --fail-on error "$deb" >"$T/lintian.log" 2>&1
ok $? "lintian finds no error in it"
grep -v 'running with root privileges' "$T/lintian.log" | sed 's/^/# lintian: /'

dpkg-deb -c "$deb" | sed 's/.* \.\///' >"$T/contents"
lacks=
for f in usr/bin/nianbao "usr/share/nianbao/forms/$FORM" usr/share/man/man1/nianbao.1.gz \
	usr/share/man/zh_CN/man1/nianbao.1.gz \
	usr/share/doc/nianbao/copyright usr/share/doc/nianbao/draft-format.md.gz \
	usr/share/doc/nianbao/使用指南.md.gz; do
	grep -qx "$f" "$T/contents" || lacks="$lacks $f"
done
is "$lacks" "" "it holds the program, its form, the man pages (English and Chinese), the copyright, the draft format and the Chinese guide"
deps=$(dpkg-deb -f "$deb" Depends)
contains "$deps" "libyaml" "its Depends come from the libraries it links (\${shlibs:Depends})"
contains "$deps" "libpoppler-glib" "and poppler, which it opens to read a PDF"
contains "$deps" "libzip" "and libzip, which it opens for Word files"
contains "$deps" "libxlsxwriter" "and libxlsxwriter, which it opens for workbooks"

R=$T/root
dpkg-deb -x "$deb" "$R"
ok $? "dpkg-deb -x unpacks it into a temporary directory"
nb=$R/usr/bin/nianbao

is "$("$nb" --version | head -n 1)" "nianbao $V" "the unpacked program runs: --version"
out=$("$nb" check sample-data/jinzhai-2024.yaml 2>&1); rc=$?
is "$rc" 0 "it finds its form beside its bin directory, without NIANBAO_FORMS: the seed passes check"
[ "$rc" = 0 ] || echo "# $out"
out=$("$nb" check sample-data/jinzhai-2024-errors.yaml 2>/dev/null)
is "$out" "$(cat tests/data/jinzhai-2024-errors.expect)" "and finds every deliberate error"
"$nb" new --org 测试县人民政府办公室 --year 2025 -o "$T/new.yaml"
is "$?" 0 "new writes a draft"
"$nb" check "$T/new.yaml" >/dev/null 2>&1
is "$?" 1 "which check finds unfilled"
"$nb" export sample-data/jinzhai-2024.yaml -o "$T/report.docx"
is "$?" 0 "export writes the .docx"
"$nb" import "$T/report.docx" -o "$T/back.yaml" 2>/dev/null
ok "$(cmp -s "$T/back.yaml" sample-data/jinzhai-2024.yaml; echo $?)" \
	"which imports back to exactly the seed draft"

# The form it read is the package's own, and not one installed elsewhere:
# spoilt, it is the one complained of.
echo 'rules: [' >>"$R/usr/share/nianbao/forms/$FORM"
err=$("$nb" check sample-data/jinzhai-2024.yaml 2>&1 >/dev/null); rc=$?
ok "$([ "$rc" = 2 ]; echo $?)" "a spoilt form in the unpacked package stops check (exit 2)"
contains "$err" "$R/usr/share/nianbao/forms/$FORM" "and the message names that file"
NIANBAO_FORMS=$S/forms "$nb" check sample-data/jinzhai-2024.yaml >/dev/null 2>&1
is "$?" 0 "NIANBAO_FORMS comes before it"

page=$(MANPAGER=cat MANWIDTH=80 man --warnings -l "$R/usr/share/man/man1/nianbao.1.gz" 2>"$T/man.err")
ok "$(printf '%s\n' "$page" | grep -q '^SYNOPSIS' && printf '%s\n' "$page" |
	grep -q 'nianbao check' && [ ! -s "$T/man.err" ]; echo $?)" \
	"man -l renders the packaged man page, without a warning" || sed 's/^/# /' "$T/man.err"
# from its zh_CN directory, as `man -L zh_CN nianbao` shows it
page=$(MANPAGER=cat MANWIDTH=80 man --warnings -l "$R/usr/share/man/zh_CN/man1/nianbao.1.gz" 2>"$T/man.err")
ok "$(printf '%s\n' "$page" | grep -q '^概述' && printf '%s\n' "$page" |
	grep -q 'nianbao check' && [ ! -s "$T/man.err" ]; echo $?)" \
	"and the Chinese one, without a warning" || sed 's/^/# /' "$T/man.err"

tap_done
