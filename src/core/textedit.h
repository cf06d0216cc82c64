/* textedit.h - a text buffer with a cursor, for the editor's fields.
 *
 * The text is held as wide characters and the cursor is a character index,
 * so a double-width Chinese character is one step for every movement.
 * Screen columns come from the display width of each character, never
 * from bytes, and rows break where the exports break them: both are
 * text.h's.  Nothing here draws; the screen only renders the layout this
 * module computes.
 */
#ifndef NB_TEXTEDIT_H
#define NB_TEXTEDIT_H

#include <stddef.h>
#include <wchar.h>

typedef struct {
	wchar_t *s;         /* owned, NUL-terminated */
	size_t len, cap;
	size_t cur;         /* cursor: 0..len */
	int goal;           /* column kept by vertical moves, -1 = none */
} nb_text_t;

typedef struct {
	size_t start, end;  /* characters [start, end); a '\n' is not included */
} nb_tline_t;

/* The wrapped rows of a text at a width. */
typedef struct {
	nb_tline_t *v;      /* owned */
	size_t n, cap;
	int width;
} nb_tlayout_t;

void nb_text_init(nb_text_t *t);
void nb_text_free(nb_text_t *t);

/* Replaces the text (invalid UTF-8 becomes U+FFFD); cursor at the end.
 * Returns -1 when out of memory. */
int nb_text_set(nb_text_t *t, const char *utf8);
/* The text as malloc'd UTF-8. */
char *nb_text_get(const nb_text_t *t);

/* Editing at the cursor; return 1 when the text changed, 0 when not, -1
 * when out of memory. */
int nb_text_insert(nb_text_t *t, const wchar_t *s, size_t n);
int nb_text_backspace(nb_text_t *t);
int nb_text_delete(nb_text_t *t);

/* Horizontal moves (return 1 when the cursor moved). */
int nb_text_left(nb_text_t *t);
int nb_text_right(nb_text_t *t);
int nb_text_start(nb_text_t *t);
int nb_text_end(nb_text_t *t);
/* Jumps by word (ASCII) or clause (Chinese: to after the next ，。；！？). */
int nb_text_word_right(nb_text_t *t);
int nb_text_word_left(nb_text_t *t);

/* Wraps the text into rows no wider than `width` columns. */
int nb_text_layout(const nb_text_t *t, int width, nb_tlayout_t *L);
void nb_tlayout_free(nb_tlayout_t *L);
/* The row holding a character position. */
size_t nb_tlayout_row(const nb_tlayout_t *L, size_t pos);
/* The column of a position within its row. */
int nb_tlayout_col(const nb_text_t *t, const nb_tlayout_t *L, size_t pos);

/* Moves by rows on a layout of the current text (up: negative); Home and
 * End of the wrapped row.  Return 1 when the cursor moved. */
int nb_text_vmove(nb_text_t *t, const nb_tlayout_t *L, int rows);
int nb_text_row_home(nb_text_t *t, const nb_tlayout_t *L);
int nb_text_row_end(nb_text_t *t, const nb_tlayout_t *L);

#endif
