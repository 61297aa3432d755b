/* report_judge.c - load a fixture run and judge one claim, for the rule tests. */
#include "report_judge.h"

#include <criterion/criterion.h>

claim_result judged;
static report_run run;
static text phrase = TEXT_INIT;

void judge_cleanup(void)
{
    claim_result_free(&judged);
    report_run_free(&run);
    text_free(&phrase);
}

const char *judge(const char *dir, const char *id)
{
    char err[512];
    report_run_free(&run);
    cr_assert(report_run_load(&run, dir, err, sizeof err), "%s", err);
    const claim_rule *r = claim_rule_find(id);
    cr_assert_not_null(r, "no rule %s", id);
    claim_result_free(&judged);
    claim_judge(r, &run, &judged);
    text_clear(&phrase);
    verdict_phrase(&judged.v, true, &phrase);
    return text_str(&phrase);
}
