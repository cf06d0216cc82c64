/* textcheck.h - which characters the text of a report may hold.
 *
 * One judgement for every way text comes in: a draft file (raw bytes and
 * YAML escapes alike), `new --org`, the editor.  Refused everywhere: NUL
 * and the other C0 controls but tab and the line ends, DEL, the C1
 * controls, the line breaks U+0085, U+2028 and U+2029 that libyaml counts
 * as lines and text editors do not, and the noncharacters (U+FFFE, U+FFFF,
 * U+FDD0..U+FDEF and their like on every plane).  A one-line field
 * (机关名称, a line of the contact details, a subsection title) holds no
 * line break and no tab either.  Curses-free.
 */
#ifndef NB_TEXTCHECK_H
#define NB_TEXTCHECK_H

#include <stddef.h>
#include <stdint.h>

typedef enum { NB_TEXTCHECK_PARAGRAPH, NB_TEXTCHECK_ONE_LINE } nb_textcheck_kind_t;

typedef enum {
	NB_CHAR_OK,
	NB_CHAR_NEWLINE,        /* a line break, in a one-line field */
	NB_CHAR_SEPARATOR,      /* U+0085, U+2028, U+2029 in a paragraph */
	NB_CHAR_CONTROL,        /* any other control character */
	NB_CHAR_NONCHAR,        /* a noncharacter */
	NB_CHAR_INVALID         /* a byte that is not UTF-8 */
} nb_char_fault_t;

/* The first character at fault in a text. */
typedef struct {
	nb_char_fault_t fault;
	size_t off;             /* its byte offset */
	uint32_t cp;            /* its code point; the byte, when INVALID */
} nb_textcheck_t;

/* The verdict on one code point in a text of this kind. */
nb_char_fault_t nb_textcheck_char(uint32_t cp, nb_textcheck_kind_t kind);

/* Whether the three bytes at u, a lead E1-EF and two continuation bytes
 * (the caller has seen their form), are a character every text may
 * hold: all but the line and paragraph separators (E2 80 A8/A9), the
 * surrogates (ED A0-BF) and the noncharacters (EF B7 90-AF, EF BF BE-BF)
 * that nb_textcheck_char refuses.  Inline: the readers of whole files ask
 * it of most of their characters. */
static inline int
nb_textcheck_plain3(const unsigned char *u)
{
	switch (u[0]) {
	case 0xE2: return !(u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9));
	case 0xED: return u[1] < 0xA0;
	case 0xEF: return !(u[1] == 0xB7 && u[2] >= 0x90 && u[2] <= 0xAF) &&
	                  !(u[1] == 0xBF && u[2] >= 0xBE);
	default:   return 1;
	}
}

/* Judges len bytes of UTF-8 text: 0 when every character may stand in it,
 * -1 with the first one that may not in *bad. */
int nb_textcheck(const char *s, size_t len, nb_textcheck_kind_t kind,
                 nb_textcheck_t *bad);

/* What the character at fault is, for a message: "换行", "不可见的控制字符
 * U+0007"...  Writes at most cap bytes to out and returns out. */
const char *nb_textcheck_what(const nb_textcheck_t *bad, char *out, size_t cap);

#endif
