/* term.h - floor 1 of the screen: the terminal itself.  term.c sets
 * curses up and reads keys, term_tty.c checks there is a terminal and a
 * UTF-8 locale, term_signal.c turns signals into a flag. */
#ifndef NB_UI_TERM_H
#define NB_UI_TERM_H

#include <wchar.h>

#define NB_UI_MIN_COLS 80
#define NB_UI_MIN_LINES 24

/* Colour pairs. */
enum { NB_PAIR_ERROR = 1, NB_PAIR_WARN, NB_PAIR_TOTAL, NB_PAIR_TITLE,
       NB_PAIR_OK };

/* Takes the terminal (or, with NIANBAO_REPLAY set, a headless screen fed
 * from that file of keys); -1 when it cannot be used.  nb_ui_end gives it
 * back (again and again: only the first time counts). */
int nb_ui_begin(void);
void nb_ui_end(void);
int nb_term_active(void);
/* Colours in use; keys come from a replay file, not a terminal. */
int nb_term_color(void);
int nb_term_headless(void);
void nb_term_close_replay(void);
/* Lends the terminal to another program (the external editor) and back. */
void nb_term_suspend(void);
void nb_term_resume(void);

/* Reads one key: 1 and *ch, *is_key (a curses key code rather than a
 * character) when one came, 0 when none (a timeout, a signal, the end). */
int nb_term_read(wint_t *ch, int *is_key);
/* 1 once there will be no more keys (the replay ended, the terminal went
 * away, a signal asked to leave): every loop waiting for a key gives up. */
int nb_ui_input_ended(void);
/* Asks the terminal its size before a redraw. */
void nb_term_sync_size(void);
long nb_term_now_ms(void);
/* Whether the terminal is smaller than NB_UI_MIN_COLS x NB_UI_MIN_LINES. */
int nb_ui_too_small(void);

/* term_tty.c: the editor needs a terminal for input and output (not for
 * the replay) and a UTF-8 locale (C.UTF-8 is switched to when the one set
 * is not).  Returns 0, or 2 having said why not. */
int nb_ui_check_terminal(void);

/* term_signal.c: SIGTERM, SIGHUP, SIGINT and SIGQUIT end the editor the
 * way the end of input does (nb_term_read returns 0 and nb_ui_input_ended
 * 1), which keeps the edits; a crash puts the terminal back.  Save the
 * modes before curses changes them; catch once it is up. */
void nb_ui_signals_save_modes(void);
void nb_ui_signals_catch(int on_terminal);
/* The signal that asked to end, or 0. */
int nb_ui_signalled(void);
const char *nb_ui_signal_name(int sig);

#endif
