#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/tally.h"

static void
outcomes_follow_the_findings(void **state)
{
	(void)state;
	assert_int_equal(nb_outcome_of(0, 0), NB_OUTCOME_PASSED);
	assert_int_equal(nb_outcome_of(2, 0), NB_OUTCOME_ERRORS);
	assert_int_equal(nb_outcome_of(1, 5), NB_OUTCOME_ERRORS);
	assert_int_equal(nb_outcome_of(0, 5), NB_OUTCOME_INCOMPLETE);
}

static void
drafts_are_counted_by_outcome(void **state)
{
	nb_tally_t t;
	(void)state;

	nb_tally_init(&t);
	nb_tally_draft(&t, NB_OUTCOME_PASSED, 0, 0);
	nb_tally_draft(&t, NB_OUTCOME_PASSED, 1, 0);
	nb_tally_draft(&t, NB_OUTCOME_PASSED, 1, 1);
	nb_tally_draft(&t, NB_OUTCOME_PASSED, 0, 1);
	nb_tally_draft(&t, NB_OUTCOME_ERRORS, 1, 1);
	nb_tally_draft(&t, NB_OUTCOME_UNREADABLE, 0, 0);
	assert_int_equal(t.files, 6);
	assert_int_equal(t.outcome[NB_OUTCOME_PASSED], 4);
	assert_int_equal(t.outcome[NB_OUTCOME_ERRORS], 1);
	assert_int_equal(t.outcome[NB_OUTCOME_INCOMPLETE], 0);
	assert_int_equal(t.outcome[NB_OUTCOME_UNREADABLE], 1);
	assert_int_equal(t.warned, 2);   /* only those that passed */
	assert_int_equal(t.suggested, 2);
	nb_tally_free(&t);
}

static void
the_rules_broken_most_come_first(void **state)
{
	const nb_tally_rule_t *top[3];
	nb_tally_t t;
	char id[] = "b-rule";
	(void)state;

	nb_tally_init(&t);
	assert_int_equal(nb_tally_top(&t, 3, top), 0);
	assert_int_equal(nb_tally_rule(&t, "c-rule", "丙"), 0);
	assert_int_equal(nb_tally_rule(&t, id, "乙"), 0);
	assert_int_equal(nb_tally_rule(&t, "a-rule", "甲"), 0);
	assert_int_equal(nb_tally_rule(&t, "d-rule", "丁"), 0);
	assert_int_equal(nb_tally_rule(&t, "c-rule", "另一种说法"), 0);
	assert_int_equal(nb_tally_rule(&t, "b-rule", NULL), 0);
	id[0] = 'x';            /* the tally keeps its own copy */
	assert_int_equal(nb_tally_top(&t, 3, top), 3);
	assert_string_equal(top[0]->id, "b-rule");   /* 2, and b before c */
	assert_string_equal(top[0]->wording, "乙");
	assert_int_equal(top[0]->drafts, 2);
	assert_string_equal(top[1]->id, "c-rule");
	assert_string_equal(top[1]->wording, "丙");
	assert_string_equal(top[2]->id, "a-rule");   /* 1, a before d */
	assert_int_equal(top[2]->drafts, 1);
	assert_int_equal(nb_tally_top(&t, 0, top), 0);
	nb_tally_free(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(outcomes_follow_the_findings),
		cmocka_unit_test(drafts_are_counted_by_outcome),
		cmocka_unit_test(the_rules_broken_most_come_first),
	};
	return cmocka_run_group_tests_name("tally", tests, NULL, NULL);
}
