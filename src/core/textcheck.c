/* Which characters the text of a report may hold (see textcheck.h). */

#include "config.h"

#include <stdio.h>

#include "core/text.h"
#include "core/textcheck.h"

static int
is_noncharacter(uint32_t cp)
{
	return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

nb_char_fault_t
nb_textcheck_char(uint32_t cp, nb_textcheck_kind_t kind)
{
	int one_line = kind == NB_TEXTCHECK_ONE_LINE;

	if (cp == '\n' || cp == '\r')
		return one_line ? NB_CHAR_NEWLINE : NB_CHAR_OK;
	if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
		return one_line ? NB_CHAR_NEWLINE : NB_CHAR_SEPARATOR;
	if (cp == '\t')
		return one_line ? NB_CHAR_CONTROL : NB_CHAR_OK;
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return NB_CHAR_CONTROL;
	if (is_noncharacter(cp))
		return NB_CHAR_NONCHAR;
	return NB_CHAR_OK;
}

int
nb_textcheck(const char *s, size_t len, nb_textcheck_kind_t kind,
             nb_textcheck_t *bad)
{
	size_t i = 0, n;
	uint32_t cp;
	nb_char_fault_t fault;

	while (i < len) {
		/* printable ASCII and the three-byte characters every text may
		 * hold (CJK and its punctuation) pass at once; the rest is
		 * decoded and judged */
		const unsigned char *u = (const unsigned char *)s + i;
		if (u[0] >= 0x20 && u[0] < 0x7F) {
			i++;
			continue;
		}
		if (u[0] >= 0xE1 && u[0] <= 0xEF && i + 2 < len &&
		    (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80 &&
		    nb_textcheck_plain3(u)) {
			i += 3;
			continue;
		}
		n = nb_utf8_next(s + i, len - i, &cp);
		if (cp == 0xFFFD && n == 1) {
			fault = NB_CHAR_INVALID;
			cp = (unsigned char)s[i];
		} else {
			fault = nb_textcheck_char(cp, kind);
		}
		if (fault != NB_CHAR_OK) {
			bad->fault = fault;
			bad->off = i;
			bad->cp = cp;
			return -1;
		}
		i += n;
	}
	return 0;
}

const char *
nb_textcheck_what(const nb_textcheck_t *bad, char *out, size_t cap)
{
	switch (bad->fault) {
	case NB_CHAR_NEWLINE:
		snprintf(out, cap, bad->cp == '\n' || bad->cp == '\r' ? "换行"
		         : "换行符 U+%04X", (unsigned)bad->cp);
		break;
	case NB_CHAR_SEPARATOR:
		snprintf(out, cap, "特殊的换行符 U+%04X", (unsigned)bad->cp);
		break;
	case NB_CHAR_CONTROL:
		snprintf(out, cap, "不可见的控制字符 U+%04X%s", (unsigned)bad->cp,
		         bad->cp == '\t' ? "（制表符）" : "");
		break;
	case NB_CHAR_NONCHAR:
		snprintf(out, cap, "不能使用的非字符 U+%04X", (unsigned)bad->cp);
		break;
	case NB_CHAR_INVALID:
		snprintf(out, cap, "不是 UTF-8 编码的字节 0x%02X", (unsigned)bad->cp);
		break;
	default:
		snprintf(out, cap, "%s", "");
	}
	return out;
}
