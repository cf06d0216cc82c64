/* paint.h - floor 2 of the screen: putting text on it by display width. */
#ifndef NB_UI_PAINT_H
#define NB_UI_PAINT_H

#include <stddef.h>
#include <wchar.h>

#include "ui/term.h"


/* Display width of UTF-8 text. */
int nb_ui_width(const char *s);
/* Text at (y, x) in at most maxw columns (right-aligned when right), a
 * visible cut marked '~'. */
void nb_ui_put(int y, int x, const char *s, int maxw, int right);
void nb_ui_putw(int y, int x, const wchar_t *w, size_t n, int maxw, int right);
/* The same, cut in the middle where it does not fit (a '~' in the cut):
 * the end stays, which tells names such as "…2024年报.yaml" apart. */
void nb_ui_put_mid(int y, int x, const char *s, int maxw);
/* How many characters of w fit in maxw columns; *used gets their width. */
size_t nb_ui_fit(const wchar_t *w, size_t n, int maxw, int *used);
/* Blanks n columns from (y, x). */
void nb_ui_fill(int y, int x, int n);
/* A colour pair when colours are in use, else the fallback attribute. */
int nb_ui_attr(int pair, int fallback);
/* The whole screen says the terminal is too small, and that keys pause. */
void nb_ui_draw_too_small(const char *msg);

#endif
