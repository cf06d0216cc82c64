/* judge.h - all that is said about a report: the form's rules (rules.h)
 * and its text checks (content.h), with the severities a project sets
 * (config.h), less the findings the draft acknowledges.
 *
 * A draft acknowledges a finding that a reviewer has found right under
 * its top-level key x-acknowledged (doc/draft-format.md):
 *
 *   x-acknowledged:
 *     - rule: text-requests-received        # the rule's id
 *       text: 共收到政府信息公开申请4件       # optional: in its sentence
 *       reason: 含上年结转的3件                # why it stands
 *
 * An entry without `text` covers every finding of the rule; with it,
 * those whose sentence (or, for a cell, whose message) contains the text.
 */
#ifndef NB_JUDGE_H
#define NB_JUDGE_H

#include "core/settings.h"
#include "core/error.h"
#include "core/report.h"
#include "core/rules.h"

/* The form's message for a rule id, a rule's or a text check's; NULL
 * when the form has no such rule. */
const char *nb_judge_rule_message(const nb_form_t *F, const char *id);

/* Judges r (prev: last year's report, or NULL; cfg may be NULL) into out,
 * in the order of the places the findings point at.  -1 with *err: out
 * of memory, a config naming a rule the form does not have (the config's
 * place), a malformed x-acknowledged (its place in `file`, the draft). */
int nb_judge(const nb_report_t *r, const nb_report_t *prev,
             const nb_settings_t *cfg, const char *file, nb_findings_t *out,
             nb_error_t *err);

#endif
