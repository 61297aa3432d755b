/* test_report_xalloc.c - the report's allocations (src/report/xalloc.c):
 * copies, the zero-byte case, and the exit when memory runs out. */
#include "report/xalloc.h"

#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <stdlib.h>
#include <string.h>

Test(report_xalloc, a_copy_is_its_own_string)
{
    const char s[] = "L1 to L2";
    char *c = report_xstrdup(s);
    cr_assert_str_eq(c, s);
    cr_assert_neq(c, s);
    free(c);
}

Test(report_xalloc, null_and_empty_copy_as_empty)
{
    char *a = report_xstrdup(NULL), *b = report_xstrdup("");
    cr_assert_str_eq(a, "");
    cr_assert_str_eq(b, "");
    free(a);
    free(b);
}

/* Zero bytes still give a block that can be grown and freed: callers
 * grow arrays from a count that may be 0. */
Test(report_xalloc, zero_bytes_is_a_block)
{
    int *p = report_xrealloc(NULL, 0);
    cr_assert_not_null(p);
    p = report_xrealloc(p, 4 * sizeof *p);
    for (int i = 0; i < 4; i++)
        p[i] = i;
    p = report_xrealloc(p, 1000 * sizeof *p);
    cr_assert_eq(p[3], 3, "growing keeps what was there");
    free(p);
}

/* Out of memory ends the report with status 1 (its message on stderr). */
Test(report_xalloc, out_of_memory_exits_with_status_1, .exit_code = 1,
     .init = cr_redirect_stderr)
{
    report_out_of_memory();
}
