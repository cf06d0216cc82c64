# NB_SONAME(NAME, CFLAGS, LIBS, INCLUDES, BODY, FILE-PATTERN)
# The soname of a library the program opens when first needed
# (src/core/lazylib.h) rather than links: the one a program linked with
# LIBS needs, whose name grep -o matches with FILE-PATTERN.  Defines
# NB_<NAME>_SONAME in config.h and substitutes it.
AC_DEFUN([NB_SONAME], [
AC_REQUIRE([NB_PROG_READELF])
AC_MSG_CHECKING([the soname of the library $1 needs])
nb_save_CFLAGS=$CFLAGS nb_save_LIBS=$LIBS
CFLAGS="$CFLAGS $2" LIBS="$3 $LIBS"
nb_soname=
AC_LINK_IFELSE([AC_LANG_PROGRAM([$4], [$5])],
  [nb_soname=`$READELF -d conftest$EXEEXT 2>/dev/null | grep -o '$6' | head -n 1`])
CFLAGS=$nb_save_CFLAGS LIBS=$nb_save_LIBS
AS_IF([test -z "$nb_soname"],
      [AC_MSG_ERROR([cannot tell the soname of the library $1 needs (is readelf installed?)])])
AC_MSG_RESULT([$nb_soname])
AC_DEFINE_UNQUOTED([NB_$1_SONAME], ["$nb_soname"], [The library $1 opens when first needed.])
AC_SUBST([NB_$1_SONAME], [$nb_soname])
])

AC_DEFUN([NB_PROG_READELF], [
AC_CHECK_TOOL([READELF], [readelf])
AC_SEARCH_LIBS([dlopen], [dl], [], [AC_MSG_ERROR([dlopen is needed])])
])
