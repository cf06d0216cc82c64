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

/* What the start screen keeps from one showing to the next. */
typedef struct {
	int by_name;        /* the drafts by file name, else problems first */
	char *last;         /* the draft opened last (malloc'd), or NULL */
} nb_start_t;

typedef enum {
	NB_START_LEAVE,     /* the operator quit */
	NB_START_OPEN,      /* a draft to open */
	NB_START_PROBLEM,   /* a draft to open at its next problem */
	NB_START_NEW,       /* a new draft to make */
	NB_START_IMPORT,    /* a published report to import */
	NB_START_NEXT_YEAR, /* a draft to make next year's from */
	NB_START_STAY,      /* (the screen's own: nothing chosen yet) */
	NB_START_FAILED     /* out of memory */
} nb_start_choice_t;

/* The start screen: the drafts of the current directory with their state
 * (form files in dirs), problems first or by name as start says, the
 * published reports (.docx, .html, .pdf, .txt...) and 新建; note (if not
 * NULL) under them, else how the drafts stand.  The draft opened last is
 * selected, and the key for the next problem opens the next draft with
 * problems after it, to go on to its next problem.  Returns the choice, with *path (malloc'd) the file
 * chosen but for 新建. */
nb_start_choice_t nb_ui_start_screen(nb_start_t *start, const char *const *dirs,
                                     const char *note, char **path);
void nb_ui_start_free(nb_start_t *start);
/* The name of a new draft, initial offered and note (if not NULL) said
 * under it: what the operator typed, with .yaml added when left out, once
 * it will do (draft_name.h); a name refused is offered again as typed,
 * with the reason.  malloc'd, or NULL when the operator gave up. */
char *nb_ui_ask_draft_name(const char *initial, const char *note);
/* 机关名称 and 年度 for a new draft; -1 when the operator gave up. */
int nb_ui_ask_identity(char **org, int64_t *year);

#endif
