/* test_report_conditions.c - the noise warning reads other programs' CPU
 * share from conditions.json: busy, quiet, absent, malformed. */
#include "report/conditions.h"

#include "test_dir.h"

#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static char dir[] = "/tmp/report_conditions_XXXXXX";

static void put(const char *body)
{
    test_dir_put(dir, "conditions.json", body);
}

static void setup(void)
{
    test_dir_make(dir);
}

static void teardown(void)
{
    test_dir_remove(dir);
}

TestSuite(report_conditions, .init = setup, .fini = teardown);

Test(report_conditions, a_busy_run_warns)
{
    put("{\"others_cpu_share\": 0.31, \"seconds\": 512.4, \"extra\": 1}");
    run_share s;
    report_run_share(dir, &s);
    cr_assert(s.recorded);
    cr_assert_float_eq(s.share, 0.31, 1e-12);
    cr_assert_float_eq(s.seconds, 512.4, 1e-12);
    cr_assert(report_run_busy(&s));
}

Test(report_conditions, a_quiet_run_does_not)
{
    put("{\"others_cpu_share\": 0.02, \"seconds\": 40}");
    run_share s;
    report_run_share(dir, &s);
    cr_assert(s.recorded);
    cr_assert_not(report_run_busy(&s));
}

Test(report_conditions, no_file_or_a_bad_one_is_not_recorded_and_never_warns)
{
    run_share s;
    report_run_share(dir, &s);
    cr_assert_not(s.recorded);
    cr_assert(strstr(s.why, "conditions.json"), "%s", s.why);
    cr_assert_not(report_run_busy(&s));
    const char *bad[] = {"not json", "{\"others_cpu_share\": 1.5, \"seconds\": 3}",
                         "{\"others_cpu_share\": 0.5}", "{\"others_cpu_share\": \"x\", "
                                                        "\"seconds\": 3}",
                         "[]"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        put(bad[i]);
        report_run_share(dir, &s);
        cr_assert_not(s.recorded, "%s", bad[i]);
        cr_assert_not(report_run_busy(&s));
        cr_assert(isnan(s.share));
    }
}
