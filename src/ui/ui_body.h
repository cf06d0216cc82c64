/* ui_body.h - what the drawing files of the screen share. */
#ifndef NB_UI_BODY_H
#define NB_UI_BODY_H

#include <wchar.h>

#include "ui/ui.h"

/* The current section's fields or grid, between outline and status. */
void nb_ui_draw_body(nb_ui_t *ui);
/* Records a place a mouse click selects. */
void nb_ui_hit(nb_ui_t *ui, int y, int x0, int x1, int section, long stop);
/* A colour pair when colours are in use, else the fallback attribute. */
int nb_ui_attr(const nb_ui_t *ui, int pair, int fallback);
/* Wide text in at most maxw columns, '~' marking a cut. */
void nb_ui_putw(int y, int x, const wchar_t *w, size_t n, int maxw, int right);

#endif
