/* test_report_exact.c - reading one counter of the case "<family>/<arg>"
 * for an exact rule: the value, and why a case could not be read. */
#include "report/exact.h"

#include <criterion/criterion.h>
#include <string.h>

#define FIXTURES "tests/fixtures/report/"

static report_run run;
static exact_check check = EXACT_CHECK_INIT;

static void load(void)
{
    char err[1024] = "";
    cr_assert(report_run_load(&run, FIXTURES "gc_holds", err, sizeof err), "%s", err);
}

static void unload(void)
{
    exact_check_free(&check);
    report_run_free(&run);
}

TestSuite(report_exact, .init = load, .fini = unload);

Test(report_exact, reads_the_case_the_family_and_argument_name)
{
    double at = 0, whole_name = 0;
    summary s;
    cr_assert(exact_read_at(&check, &run, "gc/rings", 2, "objects", &at, &s));
    cr_assert(exact_read(&check, &run, "gc/rings/2", "objects", &whole_name, NULL));
    cr_assert_eq(at, 2);
    cr_assert_eq(at, whole_name, "the same case as its whole name");
    cr_assert_eq(s.n, 3, "the whole summary: three repetitions");
    cr_assert_eq(check.missing.len, 0);
}

Test(report_exact, a_missing_case_is_named_and_the_first_reason_kept)
{
    double v = -1;
    cr_assert_not(exact_read_at(&check, &run, "gc/rings", 3, "objects", &v, NULL));
    cr_assert_not(exact_read_at(&check, &run, "gc/rings", 2, "no_such_counter", &v, NULL));
    cr_assert_eq(v, -1, "nothing written when the case cannot be read");
    cr_assert_str_eq(text_str(&check.missing), "case gc/rings/3 is not in the run");
}

Test(report_exact, a_missing_counter_is_named)
{
    double v;
    cr_assert_not(exact_read_at(&check, &run, "gc/rings", 2, "no_such_counter", &v, NULL));
    cr_assert_str_eq(text_str(&check.missing), "case gc/rings/2 has no counter "
                                                "no_such_counter");
}

Test(report_exact, a_name_too_long_to_build_is_missing_not_cut_short)
{
    /* Cut to the buffer, this family would still start like a real case. */
    char family[400];
    memset(family, 'x', sizeof family - 1);
    family[sizeof family - 1] = '\0';
    memcpy(family, "gc/rings", 8);
    double v = -1;
    cr_assert_not(exact_read_at(&check, &run, family, 2, "objects", &v, NULL));
    cr_assert_eq(v, -1);
    cr_assert(strstr(text_str(&check.missing), "a name too long to read"), "%s",
              text_str(&check.missing));
    cr_assert_lt(check.missing.len, 120, "the reason quotes only the start of the name");
}
