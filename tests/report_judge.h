/* report_judge.h - what the claims-rule tests share: load a fixture run and
 * judge one claim on it, keeping the result for the test to inspect. */
#ifndef REPORT_JUDGE_H
#define REPORT_JUDGE_H

#include "report/rules.h"

#define FIXTURES "tests/fixtures/report/"

/* The claim judged last; valid until the next judge() or judge_cleanup(). */
extern claim_result judged;

/* Judges claim 'id' on the fixture run in 'dir' (asserting that both load)
 * and returns the verdict phrase with its notes. */
const char *judge(const char *dir, const char *id);

/* Frees what judge() holds: each suite's .fini. */
void judge_cleanup(void);

#endif /* REPORT_JUDGE_H */
