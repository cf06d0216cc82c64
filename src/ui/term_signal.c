/* ui_signal.c - the signals that end the editor.
 *
 * A handler may only do what is async-signal-safe: writing the recovery
 * file (memory allocation, YAML, fsync) is not.  So SIGTERM, SIGHUP,
 * SIGINT and SIGQUIT only note the signal; the key wait returns at once
 * (no SA_RESTART) and the loop keeps the edits, gives up the lock and puts
 * the terminal back.  A crash (SIGSEGV, SIGABRT, SIGBUS, SIGFPE) can trust
 * nothing in memory: it writes reset sequences prepared beforehand,
 * restores the saved terminal modes and dies of the signal. */

#include "config.h"

#include <curses.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "ui/term.h"

static volatile sig_atomic_t caught;
static struct termios shell_modes;
static int have_modes;
static char reset[256];
static size_t reset_len;

static void
on_quit_signal(int sig)
{
	caught = sig;
}

static void
on_crash(int sig)
{
	if (reset_len)
		(void)!write(STDOUT_FILENO, reset, reset_len);
	if (have_modes)
		tcsetattr(STDOUT_FILENO, TCSANOW, &shell_modes);
	raise(sig);     /* SA_RESETHAND: now with the default action */
}

void
nb_ui_signals_save_modes(void)
{
	have_modes = tcgetattr(STDOUT_FILENO, &shell_modes) == 0;
}

static void
add_reset(const char *s)
{
	size_t n;

	if (!s || s == (char *)-1)
		return;
	n = strlen(s);
	if (reset_len + n < sizeof reset) {
		memcpy(reset + reset_len, s, n);
		reset_len += n;
	}
}

/* What endwin would send: attributes off, cursor shown, keypad and the
 * alternate screen left, bracketed paste and mouse reports off. */
static void
prepare_reset(void)
{
	reset_len = 0;
	add_reset(tigetstr("sgr0"));
	add_reset(tigetstr("cnorm"));
	add_reset(tigetstr("rmkx"));
	add_reset(tigetstr("rmcup"));
	add_reset("\033[?2004l\033[?1000l\033[?1006l\r\n");
}

static void
install(int sig, void (*handler)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

void
nb_ui_signals_catch(int on_terminal)
{
	static const int quit[] = { SIGTERM, SIGHUP, SIGINT, SIGQUIT };
	static const int crash[] = { SIGSEGV, SIGABRT, SIGBUS, SIGFPE };
	size_t i;

	if (on_terminal)
		prepare_reset();
	else
		have_modes = 0;
	for (i = 0; i < sizeof quit / sizeof quit[0]; i++)
		install(quit[i], on_quit_signal, 0);
	for (i = 0; i < sizeof crash / sizeof crash[0]; i++)
		install(crash[i], on_crash, SA_RESETHAND | SA_NODEFER);
}

int
nb_ui_signalled(void)
{
	return caught;
}

const char *
nb_ui_signal_name(int sig)
{
	switch (sig) {
	case SIGTERM: return "SIGTERM";
	case SIGHUP: return "SIGHUP";
	case SIGINT: return "SIGINT";
	case SIGQUIT: return "SIGQUIT";
	default: return "?";
	}
}
