/* term.c - the terminal: curses set up and given back, keys read (from
 * the terminal or from the replay file the benchmark and the screen tests
 * drive), the size kept right.  Knows nothing of requests or screens. */

#include "config.h"

#include <curses.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "core/text.h"
#include "ui/term.h"

static FILE *replay;            /* keys for the benchmark, or NULL */

static FILE *null_in, *null_out;

static int active;              /* curses is up */

static int input_ended;         /* the replay is over, or the terminal gone */

static void
paste_mode(int on)
{
	if (replay)
		return;
	fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
	fflush(stdout);
}

void
nb_ui_end(void)
{
	if (!active)
		return;
	active = 0;
	paste_mode(0);
	endwin();
}

static int color;              /* colours in use (not NO_COLOR, terminal has them) */

static void
init_colors(void)
{
	const char *nc = getenv("NO_COLOR");

	color = has_colors() && !(nc && *nc);
	if (!color)
		return;
	start_color();
	use_default_colors();
	init_pair(NB_PAIR_ERROR, COLOR_RED, -1);
	init_pair(NB_PAIR_WARN, COLOR_YELLOW, -1);
	init_pair(NB_PAIR_TOTAL, COLOR_CYAN, -1);
	init_pair(NB_PAIR_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(NB_PAIR_OK, COLOR_GREEN, -1);
}

/* A terminal that cannot move the cursor (TERM=dumb) cannot show a form. */
static int
can_address(void)
{
	char *cup = tigetstr("cup");

	return cup && cup != (char *)-1;
}

static int
start_headless(void)
{
	if (!(null_in = fopen("/dev/null", "r")) ||
	    !(null_out = fopen("/dev/null", "w")))
		return -1;
	if (!newterm("xterm-256color", null_out, null_in))
		return -1;
	/* /dev/null always reads as ready: without this, refresh would think
	 * keys are waiting and skip the drawing being measured */
	typeahead(-1);
	return 0;
}

int
nb_ui_begin(void)
{
	const char *keys = getenv("NIANBAO_REPLAY");

	if (keys && *keys && !(replay = fopen(keys, "r")))
		return -1;
	if (!getenv("ESCDELAY"))
		set_escdelay(25);
	if (!replay)
		nb_ui_signals_save_modes();
	/* newterm, not initscr: on a terminal curses cannot drive it returns
	 * NULL (initscr would exit with an English message) */
	if (replay ? start_headless() < 0 : !newterm(NULL, stdout, stdin))
		return -1;
	if (!replay && !can_address()) {
		endwin();
		return -1;
	}
	active = 1;
	nb_ui_signals_catch(!replay);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	init_colors();
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
	          | BUTTON5_PRESSED
#endif
	          , NULL);
	mouseinterval(0);
	paste_mode(1);
	return 0;
}

/* The screen as text into path, a line a row, without the blanks at
 * the ends of rows: what an operator would see, for the screen tests. */
static void
dump_screen(const char *path)
{
	FILE *f = fopen(path, "w");
	wchar_t row[512];
	char u[4];
	int y, x, cy, cx, n, end;

	if (!f)
		return;
	getyx(stdscr, cy, cx);
	for (y = 0; y < LINES; y++) {
		n = mvinnwstr(y, 0, row, COLS < 511 ? COLS : 511);
		for (end = n; end > 0 && row[end - 1] == L' '; end--)
			;
		for (x = 0; x < end; x++)
			fwrite(u, 1, nb_utf8_put((uint32_t)row[x], u), f);
		fputc('\n', f);
	}
	move(cy, cx);
	fclose(f);
}

/* The characters of a replay line "t TEXT" still to be typed. */
static wchar_t *typing;
static size_t ntyping, next_typed;

static int
typed(wint_t *ch, int *is_key)
{
	if (next_typed >= ntyping)
		return 0;
	*ch = (wint_t)typing[next_typed++];
	*is_key = 0;
	return 1;
}

/* The next key of the replay file: lines "c CODE" (a character), "k CODE"
 * (a curses key code) or "t TEXT" (each character of TEXT typed); a line
 * "s PATH" writes the screen as it is to PATH first. */
static int
replay_key(wint_t *ch, int *is_key)
{
	char kind, line[4096];
	unsigned long code;

	if (typed(ch, is_key))
		return 1;
	for (;;) {
		if (fscanf(replay, " %c", &kind) != 1)
			return 0;
		if (kind != 's' && kind != 't')
			break;
		if (fscanf(replay, " %4095[^\n]", line) != 1)
			return 0;
		if (kind == 's') {
			dump_screen(line);
			continue;
		}
		free(typing);
		next_typed = 0;
		if ((typing = nb_utf8_decode(line, &ntyping)) && typed(ch, is_key))
			return 1;
	}
	if (fscanf(replay, " %lu", &code) != 1)
		return 0;
	*ch = (wint_t)code;
	*is_key = kind == 'k';
	return 1;
}

/* ncurses learns of a resize from SIGWINCH, and two resizes in quick
 * succession can leave it with the size before last: then every line it
 * draws wraps and scrolls the real screen.  Asking the terminal before
 * each redraw costs one ioctl.  LINES/COLUMNS in the environment fix the
 * size on purpose, so they are left alone. */
void
nb_term_sync_size(void)
{
	struct winsize ws;

	if (getenv("LINES") || getenv("COLUMNS"))
		return;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0 && (ws.ws_row != LINES || ws.ws_col != COLS))
		resizeterm(ws.ws_row, ws.ws_col);
}

long
nb_term_now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static int
is_blocking(void)
{
	return wgetdelay(stdscr) < 0;
}

int
nb_ui_input_ended(void)
{
	return input_ended;
}

int
nb_term_read(wint_t *ch, int *is_key)
{
	static int errors;
	int rc;

	if (nb_ui_signalled()) {
		input_ended = 1;
		return 0;
	}
	if (replay) {
		if (!replay_key(ch, is_key)) {
			input_ended = 1;
			return 0;
		}
	} else {
		rc = get_wch(ch);
		if (rc == ERR && nb_ui_signalled())
			input_ended = 1;
		if (rc == ERR) {
			/* a blocking read fails again and again only when the
			 * terminal has gone (end of file, hang-up not signalled) */
			if (++errors > 100 && is_blocking())
				input_ended = 1;
			return 0;
		}
		errors = 0;
		*is_key = rc == KEY_CODE_YES;
	}
	return 1;
}

int
nb_ui_too_small(void)
{
	return LINES < NB_UI_MIN_LINES || COLS < NB_UI_MIN_COLS;
}

int
nb_term_color(void)
{
	return color;
}

int
nb_term_headless(void)
{
	return replay != NULL;
}

int
nb_term_active(void)
{
	return active;
}

void
nb_term_suspend(void)
{
	def_prog_mode();
	paste_mode(0);
	endwin();
}

void
nb_term_resume(void)
{
	reset_prog_mode();
	paste_mode(1);
	clearok(curscr, TRUE);
}

void
nb_term_close_replay(void)
{
	if (replay)
		fclose(replay);
	replay = NULL;
}
