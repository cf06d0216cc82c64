/* session.h - floor 5 of the screen: the editing session, what the
 * command line calls. */
#ifndef NB_UI_SESSION_H
#define NB_UI_SESSION_H

/* The editor command once its arguments are checked: edits path (created
 * after asking 机关名称 and 年度 when it does not exist; a published report
 * is imported first) and quits with it or, without one, shows the start
 * screen's list of drafts, to which each draft left returns, until the
 * operator quits there; form files are looked for in dirs.  previous (or
 * NULL) is last year's draft as the operator named it; without it the
 * editor looks for one (previous.h).  Returns the exit status. */
int nb_ui_start(const char *const *dirs, const char *path, const char *previous);
#endif
