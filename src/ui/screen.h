/* screen.h - floor 4 of the screen: the screens.  edit_screen.c and
 * body.c draw the editor; problems.c lists the findings; export_dialog.c
 * previews and exports; file_dialog.c saves as and reads again;
 * start_screen.c chooses the draft. */
#ifndef NB_UI_SCREEN_H
#define NB_UI_SCREEN_H

#include <stdint.h>

#include "core/editor.h"
#include "core/lock.h"

/* A place on the screen a mouse click selects. */
typedef struct {
	int y, x0, x1;
	int section;        /* >= 0: an outline entry */
	long stop;          /* >= 0: a stop */
} nb_hit_t;

#define NB_UI_MAXHITS 512

typedef struct {
	nb_editor_t ed;
	nb_lock_t lock;     /* of the draft edited; not held when read-only */
	int scroll;         /* first body line shown */
	int section_shown;  /* the section the scroll is for */
	int body_top, body_rows;
	nb_hit_t hits[NB_UI_MAXHITS];
	int nhits;
	int help_shown;
} nb_ui_t;

/* The editor: title, outline, the current section, status, key line. */
void nb_ui_draw(nb_ui_t *ui);
/* The current section's fields or grid, between outline and status. */
void nb_ui_draw_body(nb_ui_t *ui);
/* Records a place a mouse click selects. */
void nb_ui_hit(nb_ui_t *ui, int y, int x0, int x1, int section, long stop);

/* The problems list; returns the finding chosen or -1. */
long nb_ui_problems(nb_ui_t *ui);
/* The plain-text preview, and exporting in a chosen format (a report with
 * findings only as a marked draft). */
void nb_ui_preview(nb_ui_t *ui);
void nb_ui_export(nb_ui_t *ui);
/* Saving under another name; reading the draft from disk again. */
void nb_ui_save_as(nb_ui_t *ui);
void nb_ui_reload(nb_ui_t *ui);

/* The start screen: the drafts and the published reports (.docx, .html,
 * .pdf, .txt...) of the current directory (form files in dirs) and "new",
 * note (if not NULL) under them.  0 with *path (malloc'd) and *is_new: 0
 * a draft to open, 1 a new draft to make, 2 a report to import, 3 a
 * draft to make next year's from; -1 when the operator left. */
int nb_ui_start_screen(const char *const *dirs, const char *note, char **path,
                       int *is_new);
/* The name of a new draft, initial offered: a .yaml file not yet there
 * (malloc'd), or NULL when the operator gave up. */
char *nb_ui_ask_draft_name(const char *initial);
/* 机关名称 and 年度 for a new draft; -1 when the operator gave up. */
int nb_ui_ask_identity(char **org, int64_t *year);

#endif
