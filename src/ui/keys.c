/* keys.c - keys to requests: one binding table, also shown by F1.
 *
 * get_wch() returns KEY_CODE_YES for function keys and OK for characters,
 * and the two share numbers (KEY_DOWN is 0x102, so is 'Ă'): a binding says
 * which of the two it means. */

#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "ui/keys.h"
#include "ui/term.h"

#define NB_CTRL(c) ((c) & 0x1f)
#define NB_KEY_PASTE_BEGIN (KEY_MAX + 200)
#define NB_KEY_PASTE_END (KEY_MAX + 201)
#define NB_KEY_OWN (KEY_MAX + 210)     /* Ctrl-arrows defined here */

typedef struct {
	int is_key;         /* KEY_CODE_YES code, else a character */
	wint_t code;
	nb_req_t req;
	const char *name;   /* as shown in the help */
} binding_t;

static binding_t bindings[] = {
	{ 0, '\t', NB_REQ_NEXT, "Tab" },
	{ 1, KEY_BTAB, NB_REQ_PREV, "Shift-Tab" },
	{ 1, KEY_UP, NB_REQ_UP, "Up" },
	{ 1, KEY_DOWN, NB_REQ_DOWN, "Down" },
	{ 1, KEY_LEFT, NB_REQ_LEFT, "Left" },
	{ 1, KEY_RIGHT, NB_REQ_RIGHT, "Right" },
	{ 1, KEY_HOME, NB_REQ_HOME, "Home" },
	{ 1, KEY_END, NB_REQ_END, "End" },
	{ 0, NB_CTRL('A'), NB_REQ_HOME, "Ctrl-A" },
	{ 1, KEY_PPAGE, NB_REQ_PGUP, "PgUp" },
	{ 1, KEY_NPAGE, NB_REQ_PGDN, "PgDn" },
	{ 1, 0, NB_REQ_WORD_LEFT, "Ctrl-Left" },     /* filled from terminfo */
	{ 1, 0, NB_REQ_WORD_RIGHT, "Ctrl-Right" },
	{ 1, 0, NB_REQ_TOP, "Ctrl-Home" },
	{ 1, 0, NB_REQ_BOTTOM, "Ctrl-End" },
	{ 0, '\r', NB_REQ_ENTER, "Enter" },
	{ 0, '\n', NB_REQ_ENTER, NULL },
	{ 1, KEY_ENTER, NB_REQ_ENTER, NULL },
	{ 0, 27, NB_REQ_CANCEL, "Esc" },
	{ 1, KEY_BACKSPACE, NB_REQ_BACKSPACE, "Backspace" },
	{ 0, 127, NB_REQ_BACKSPACE, NULL },
	{ 0, NB_CTRL('H'), NB_REQ_BACKSPACE, NULL },
	{ 1, KEY_DC, NB_REQ_DELETE, "Delete" },
	{ 0, NB_CTRL('K'), NB_REQ_CLEAR, "Ctrl-K" },
	{ 0, NB_CTRL('D'), NB_REQ_FILL_ZEROS, "Ctrl-D" },
	{ 0, NB_CTRL('S'), NB_REQ_SAVE, "Ctrl-S" },
	{ 1, KEY_F(2), NB_REQ_SAVE, "F2" },
	{ 1, KEY_F(3), NB_REQ_SAVE_AS, "F3" },
	{ 0, NB_CTRL('W'), NB_REQ_SAVE_AS, "Ctrl-W" },
	{ 1, KEY_F(9), NB_REQ_RELOAD, "F9" },
	{ 0, NB_CTRL('Q'), NB_REQ_QUIT, "Ctrl-Q" },
	{ 0, NB_CTRL('X'), NB_REQ_QUIT, "Ctrl-X" },
	{ 1, KEY_F(10), NB_REQ_QUIT, "F10" },
	{ 0, NB_CTRL('C'), NB_REQ_INTERRUPT, "Ctrl-C" },
	{ 0, NB_CTRL('G'), NB_REQ_NEXT_PROBLEM, "Ctrl-G" },
	{ 1, KEY_F(4), NB_REQ_PROBLEMS, "F4" },
	{ 0, NB_CTRL('P'), NB_REQ_PROBLEMS, "Ctrl-P" },
	{ 0, NB_CTRL('T'), NB_REQ_SORT, "Ctrl-T" },
	{ 0, NB_CTRL('E'), NB_REQ_EXTERNAL, "Ctrl-E" },
	{ 0, NB_CTRL('Z'), NB_REQ_UNDO, "Ctrl-Z" },
	{ 0, NB_CTRL('Y'), NB_REQ_REDO, "Ctrl-Y" },
	{ 1, KEY_F(1), NB_REQ_HELP, "F1" },
	{ 1, KEY_F(5), NB_REQ_ADD_ITEM, "F5" },
	{ 0, NB_CTRL('N'), NB_REQ_ADD_ITEM, "Ctrl-N" },
	{ 1, KEY_F(6), NB_REQ_REMOVE_ITEM, "F6" },
	{ 0, NB_CTRL('L'), NB_REQ_REDRAW, "Ctrl-L" },
	{ 1, KEY_F(7), NB_REQ_PREVIEW, "F7" },
	{ 0, NB_CTRL('R'), NB_REQ_PREVIEW, "Ctrl-R" },
	{ 1, KEY_F(8), NB_REQ_EXPORT, "F8" },
	{ 0, NB_CTRL('O'), NB_REQ_EXPORT, "Ctrl-O" },
	{ 1, NB_KEY_PASTE_BEGIN, NB_REQ_PASTE_BEGIN, "粘贴" },
	{ 1, NB_KEY_PASTE_END, NB_REQ_PASTE_END, NULL },
	{ 1, KEY_MOUSE, NB_REQ_MOUSE, "鼠标" },
	{ 1, KEY_RESIZE, NB_REQ_RESIZE, NULL },
};

#define NBIND (sizeof bindings / sizeof bindings[0])

#define NB_REQ_ROW(id, name, edits, help) { NB_REQ_##id, #name, edits, help },
static const struct {
	nb_req_t req;
	const char *name;       /* as {name} in messages */
	int edits;
	const char *help;
} requests[] = { NB_REQUESTS(NB_REQ_ROW) };
#undef NB_REQ_ROW

#define NREQ (sizeof requests / sizeof requests[0])

static wint_t
terminfo_key(const char *cap)
{
	char *s = tigetstr(cap);
	int code;

	if (!s || s == (char *)-1)
		return 0;
	code = key_defined(s);
	return code > 0 ? (wint_t)code : 0;
}

/* What terminals commonly send for the keys the editor uses, for a TERM
 * whose terminfo does not list them (vt100 has no PgDn): otherwise the
 * sequence would arrive as Esc and then "[6~" typed into a field. */
static void
define_common_keys(void)
{
	static const struct { const char *seq; int code; } keys[] = {
		{ "\033[A", KEY_UP }, { "\033[B", KEY_DOWN },
		{ "\033[C", KEY_RIGHT }, { "\033[D", KEY_LEFT },
		{ "\033OA", KEY_UP }, { "\033OB", KEY_DOWN },
		{ "\033OC", KEY_RIGHT }, { "\033OD", KEY_LEFT },
		{ "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
		{ "\033[1~", KEY_HOME }, { "\033[4~", KEY_END },
		{ "\033[H", KEY_HOME }, { "\033[F", KEY_END },
		{ "\033OH", KEY_HOME }, { "\033OF", KEY_END },
		{ "\033[7~", KEY_HOME }, { "\033[8~", KEY_END },
		{ "\033[3~", KEY_DC }, { "\033[Z", KEY_BTAB },
		{ "\033OP", KEY_F(1) }, { "\033OQ", KEY_F(2) }, { "\033OR", KEY_F(3) },
		{ "\033OS", KEY_F(4) }, { "\033[13~", KEY_F(3) }, { "\033[20~", KEY_F(9) },
		{ "\033[11~", KEY_F(1) }, { "\033[12~", KEY_F(2) },
		{ "\033[14~", KEY_F(4) }, { "\033[15~", KEY_F(5) },
		{ "\033[17~", KEY_F(6) }, { "\033[18~", KEY_F(7) },
		{ "\033[19~", KEY_F(8) }, { "\033[21~", KEY_F(10) },
	};
	size_t i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (key_defined(keys[i].seq) == 0)
			define_key(keys[i].seq, keys[i].code);
}

void
nb_ui_keys_init(void)
{
	static const char *const caps[] = { "kLFT5", "kRIT5", "kHOM5", "kEND5" };
	/* what xterm, tmux and most others send when terminfo does not say
	 * (TERM=screen under tmux has no Ctrl-arrows) */
	static const char *const seqs[] = { "\033[1;5D", "\033[1;5C",
	                                    "\033[1;5H", "\033[1;5F" };
	static const nb_req_t reqs[] = { NB_REQ_WORD_LEFT, NB_REQ_WORD_RIGHT,
	                                 NB_REQ_TOP, NB_REQ_BOTTOM };
	size_t i, k;

	define_key("\033[200~", NB_KEY_PASTE_BEGIN);
	define_key("\033[201~", NB_KEY_PASTE_END);
	define_common_keys();
	for (k = 0; k < 4; k++) {
		wint_t code = terminfo_key(caps[k]);
		if (!code && key_defined(seqs[k]) <= 0 &&
		    define_key(seqs[k], NB_KEY_OWN + (int)k) == OK)
			code = (wint_t)(NB_KEY_OWN + (int)k);
		for (i = 0; i < NBIND; i++)
			if (bindings[i].req == reqs[k] && !bindings[i].code)
				bindings[i].code = code;
	}
}

nb_req_t
nb_ui_bind(int is_key, wint_t code)
{
	size_t i;

	for (i = 0; i < NBIND; i++)
		if (bindings[i].code && bindings[i].is_key == is_key &&
		    bindings[i].code == code)
			return bindings[i].req;
	return NB_REQ_NONE;
}

size_t
nb_ui_help_lines(const char ***keys, const char ***what)
{
	static char names[NREQ][64], texts[NREQ][256];
	static const char *kv[NREQ], *wv[NREQ];
	size_t i, j, n = 0;

	for (i = 0; i < NREQ; i++) {
		if (!requests[i].help)
			continue;
		names[n][0] = '\0';
		for (j = 0; j < NBIND; j++) {
			if (bindings[j].req != requests[i].req || !bindings[j].name)
				continue;
			if (names[n][0])
				strncat(names[n], " ", sizeof names[n] - strlen(names[n]) - 1);
			strncat(names[n], bindings[j].name,
			        sizeof names[n] - strlen(names[n]) - 1);
		}
		kv[n] = names[n];
		wv[n] = nb_ui_keys_in(requests[i].help, texts[n], sizeof texts[n]);
		n++;
	}
	*keys = kv;
	*what = wv;
	return n;
}

int
nb_ui_req_edits(nb_req_t req)
{
	size_t i;

	if (req == NB_REQ_NONE)
		return 1;               /* typing */
	for (i = 0; i < NREQ; i++)
		if (requests[i].req == req)
			return requests[i].edits;
	return 0;
}

const char *
nb_ui_key_name(nb_req_t req)
{
	size_t i;

	for (i = 0; i < NBIND; i++)
		if (bindings[i].req == req && bindings[i].name)
			return bindings[i].name;
	return "";
}

const char *
nb_ui_key_short(nb_req_t req, char *out, size_t size)
{
	const char *name = nb_ui_key_name(req);

	if (!strncmp(name, "Ctrl-", 5) && strlen(name) == 6)
		snprintf(out, size, "^%s", name + 5);
	else
		snprintf(out, size, "%s", name);
	return out;
}

/* The request named by the word at s (after "{"), up to "}". */
static nb_req_t
named(const char *s, size_t *len)
{
	size_t i, n;

	for (i = 0; i < NREQ; i++) {
		n = strlen(requests[i].name);
		if (!strncmp(s, requests[i].name, n) && s[n] == '}') {
			*len = n + 1;
			return requests[i].req;
		}
	}
	return NB_REQ_NONE;
}

const char *
nb_ui_keys_in(const char *text, char *out, size_t size)
{
	size_t o = 0, len;
	nb_req_t req;
	const char *s;

	for (s = text; *s && o + 1 < size; ) {
		if (*s == '{' && (req = named(s + 1, &len)) != NB_REQ_NONE) {
			o += (size_t)snprintf(out + o, size - o, "%s", nb_ui_key_name(req));
			if (o >= size)
				o = size - 1;
			s += len + 1;
		} else {
			out[o++] = *s++;
		}
	}
	out[o] = '\0';
	return out;
}

int
nb_ui_read_key(nb_req_t *req, wint_t *ch)
{
	int is_key;

	if (!nb_term_read(ch, &is_key))
		return 0;
	*req = nb_ui_bind(is_key, *ch);
	if (*req == NB_REQ_NONE && is_key)
		return 0;       /* a key nothing is bound to */
	return 1;
}

static long dropped;     

/* keys dropped since the terminal became too small */

int
nb_ui_key_paused(nb_req_t req)
{
	if (!nb_ui_too_small()) {
		dropped = 0;
		return 0;
	}
	if (req == NB_REQ_QUIT || req == NB_REQ_RESIZE)
		return 0;
	dropped++;
	return 1;
}

long
nb_ui_keys_dropped(void)
{
	return dropped;
}
