/* content.h - the checks of the narrative against the tables, the report
 * year, placeholders and the parts the text must have: what the form's
 * `text_checks` say (form_text_checks.c reads them), judged here.
 *
 * The texts are cut into sentences at the form's sentence ends and at line
 * ends.  A check of kind
 *   figure     finds statements of a figure (a pattern with captures) and
 *              compares the figure with the table: it passes when any of
 *              its readings (a sum of cells) agrees, to the last digit the
 *              text gives.  Statements are claimed in the form's order, so
 *              that a longer statement keeps a shorter one from reading a
 *              part of it.  `parts` that follow in the same sentence are
 *              compared with their own readings, and those of one `whole`
 *              must add up to the figure; a `share` (57.1%) is compared
 *              with the table's.  A clause that names another year than
 *              the report's speaks of that year: its figures are left.
 *   forbidden  a placeholder or a template's sentence left in the text
 *   whole      a text that is nothing but, say, "无"
 *   mentions   what one of the fields must say (only when a cell is not 0,
 *              with `nonzero`)
 *   previous   a paragraph identical to one of last year's draft
 * Every finding points at the start of its sentence (its line and column in
 * the draft) and keeps the sentence's bytes for the editor.
 */
#ifndef NB_CONTENT_H
#define NB_CONTENT_H

#include <stddef.h>
#include <stdint.h>

#include "core/form.h"
#include "core/report.h"
#include "core/rules.h"
#include "core/textpat.h"

typedef enum {
	NB_TC_FIGURE, NB_TC_FORBIDDEN, NB_TC_WHOLE, NB_TC_MENTIONS, NB_TC_PREVIOUS
} nb_tc_kind_t;

/* One way of reading a figure: a sum of cells, and its name in messages. */
typedef struct {
	const char *name;
	nb_term_t *terms;
	size_t nterms;
} nb_treading_t;

typedef struct {
	const nb_tpat_t *pat;
	nb_treading_t *readings;
	size_t nreadings;
	const char *whole;          /* the parts that add up to the figure */
	const char *message;        /* or the check's */
} nb_tpart_t;

typedef struct {
	const char *id;
	nb_tc_kind_t kind;
	nb_severity_t severity;
	const char *message;
	const nb_field_t **fields;  /* the texts it reads; NULL: all of them */
	size_t nfields;
	const nb_tpat_t *pat;       /* the statement, placeholder, whole text
	                             * or what must be mentioned */
	const nb_tpat_t *needs;     /* figure: the sentence must also hold it */
	const nb_tpat_t *unless;    /* ...and must not */
	const nb_tpat_t *unless_before; /* ...nor its clause before it */
	nb_treading_t *readings;
	size_t nreadings;
	int each;                   /* each capture a figure (else their sum) */
	int unless_this_year;       /* left when the sentence names the
	                             * report's year too (other_year) */
	int64_t per;                /* the text says per this many (元: 10000) */
	nb_tpart_t *parts;
	size_t nparts;
	const char *parts_message;
	const nb_tpat_t *share;
	nb_treading_t *share_of;
	size_t nshare_of;
	const char *share_message;
	nb_term_t *nonzero;         /* mentions: only when one is not 0 */
	size_t nnonzero;
	int min_chars;              /* previous: shorter paragraphs are left */
} nb_tcheck_t;

#define NB_TC_END 0x10      /* in kinds: it ends a sentence */

struct nb_content_rules {
	nb_tcheck_t *v;
	size_t n;
	uint32_t *ends;             /* where sentences end (with line ends) */
	size_t nends;
	unsigned char *kinds;       /* of each character below NB_TKEEP_SIZE:
	                             * what summaries keep of it for the
	                             * patterns (textpat.h), NB_TC_END */
	const nb_tpat_t *other_year;/* a year named, captured by <y> */
	size_t *text_cells;         /* the form's cells of texts and items, */
	size_t ntext_cells;         /* in cell order */
};

/* Judges the narrative of r by its form's text checks (none without
 * them); prev (may be NULL) is last year's report, for `previous`.
 * Findings are appended, unsorted.  -1 only when out of memory. */
int nb_content_eval(const nb_report_t *r, const nb_report_t *prev,
                    nb_findings_t *out);

/* The same without the checks whose ids are off[0..noff): a check switched
 * off costs nothing. */
int nb_content_eval_without(const nb_report_t *r, const nb_report_t *prev,
                            const char *const *off, size_t noff,
                            nb_findings_t *out);

#endif
