/* textwidth.h - display width of UTF-8 text, independent of the locale.
 *
 * Widths follow Unicode's East Asian Width: Wide and Fullwidth characters
 * (CJK ideographs, kana, hangul, full-width punctuation) take two columns,
 * combining marks and zero-width characters none, everything else one.
 * Ambiguous characters (“ ” — … ①) count one, as glibc's wcwidth does in
 * C.UTF-8; the plain-text export therefore keeps its own rules and
 * decorations ASCII.  Used by the plain-text export to align tables; the
 * answers do not depend on setlocale().
 */
#ifndef NB_TEXTWIDTH_H
#define NB_TEXTWIDTH_H

#include <stddef.h>
#include <stdint.h>

/* Decodes the UTF-8 sequence at s (at most n bytes): stores the code point
 * and returns the sequence's length; an invalid byte gives U+FFFD and 1.
 * n must be at least 1. */
size_t nb_utf8_next(const char *s, size_t n, uint32_t *cp);

/* Columns taken by one code point: 0, 1 or 2 (control characters: 0). */
int nb_cp_width(uint32_t cp);

/* Columns taken by n bytes of UTF-8 text. */
size_t nb_str_width(const char *s, size_t n);

#endif
