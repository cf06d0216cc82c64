/* text.h - UTF-8, display width and line breaking: the one copy of each,
 * used by the editor, the screen and the exports alike, so that what the
 * operator sees wrapped is what is published.
 *
 * Widths follow Unicode's East Asian Width: Wide and Fullwidth characters
 * (CJK ideographs, kana, hangul, full-width punctuation) take two columns,
 * combining marks, zero-width and control characters none, a tab (shown
 * as a blank) and everything else one.  Ambiguous characters (“ ” — … ①)
 * count one, as glibc's wcwidth does in C.UTF-8; decorations are therefore
 * ASCII.  The answers do not depend on setlocale().
 *
 * Lines break by display width: Chinese between any two characters, an
 * ASCII word kept whole when the row holds another place to break, and
 * the rules of 避头尾: closing punctuation (，。、；：！？）》」』】〕〉”’…％)
 * never starts a row and opening punctuation (（《「『【〔〈“‘) never ends one.
 */
#ifndef NB_TEXT_H
#define NB_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

/* Decodes the UTF-8 sequence at s (at most n bytes): stores the code point
 * and returns the sequence's length; an invalid byte gives U+FFFD and 1
 * (overlong forms, surrogates and values past U+10FFFF are invalid).
 * n must be at least 1. */
size_t nb_utf8_next(const char *s, size_t n, uint32_t *cp);
/* Encodes a code point into out (4 bytes at most); returns the length. */
size_t nb_utf8_put(uint32_t cp, char *out);
/* Decodes a NUL-terminated string into a malloc'd wide string (invalid
 * bytes become U+FFFD); *n gets its length.  NULL when out of memory. */
wchar_t *nb_utf8_decode(const char *s, size_t *n);

/* Columns taken by one code point: 0, 1 or 2. */
int nb_cp_width(uint32_t cp);
/* Columns taken by n bytes of UTF-8 text, and by n wide characters. */
size_t nb_str_width(const char *s, size_t n);
int nb_wcswidth(const wchar_t *s, size_t n);

/* Line breaking: the end of the row of s[0..n) that starts at `start`,
 * at most `width` columns wide (but at least one character); the next row
 * starts there.  Blanks are characters like any other here: a renderer
 * that drops them at a break does so itself. */
size_t nb_wrap_row(const wchar_t *s, size_t n, size_t start, int width);
/* The same by measured advances, as a typesetter breaks (the PDF export):
 * adv[i] is how wide s[i] is, the row at most `first` wide (a paragraph's
 * indented first row, or else `width`), in one unit.  And where an ASCII
 * word longer than a whole row (`width`: a web address) would be carried
 * to the next row, it is broken where this one is full instead, so that
 * a justified row before it is not stretched. */
size_t nb_wrap_row_measured(const wchar_t *s, size_t n, size_t start, const int *adv,
                            long width, long first);

#endif
