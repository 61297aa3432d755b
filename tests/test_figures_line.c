/* test_figures_line.c - gc/figures_line: uint64_t fields through one line
 * of text and back, and every malformed line refused without a write. */
#include "gc/figures_line.h"

#include <criterion/criterion.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct three {
    uint64_t a, b, c;
} three;

static const size_t order[] = {offsetof(three, c), offsetof(three, a), offsetof(three, b)};

Test(figures_line, fields_go_out_in_the_order_given_and_come_back)
{
    three t = {1, 2, UINT64_MAX}, u = {0};
    char line[96];
    cr_assert_eq(figures_line_format(&t, order, 3, line, sizeof line), 25);
    cr_assert_str_eq(line, "18446744073709551615 1 2\n");
    cr_assert(figures_line_parse(line, &u, order, 3));
    cr_assert_eq(memcmp(&t, &u, sizeof t), 0);
    cr_assert(figures_line_parse("0 0 7", &u, order, 3), "no newline is fine");
    cr_assert_eq(u.b, 7);
    char small[4];
    cr_assert_eq(figures_line_format(&t, order, 3, small, sizeof small), 25,
                 "the length it would have written, like snprintf");
    cr_assert_str_eq(small, "184");
}

Test(figures_line, a_malformed_line_changes_nothing)
{
    static const char *const bad[] = {
        "", "\n", "1 2", "1 2 3 4", "1 2 -3", "1  2 3", " 1 2 3", "1 2 3 ", "1 2 3\n\n",
        "1 2 x", "1 2 18446744073709551616", "1\t2 3", "+1 2 3",
    };
    three u = {9, 9, 9};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cr_assert_not(figures_line_parse(bad[i], &u, order, 3), "\"%s\"", bad[i]);
        cr_assert(u.a == 9 && u.b == 9 && u.c == 9, "\"%s\" wrote", bad[i]);
    }
    cr_assert_not(figures_line_parse("1", &u, order, 0), "no fields");
}

Test(figures_line, a_plain_spec_has_letters_digits_and_colons_only)
{
    cr_assert(figures_spec_plain("pause:stw:16384:42"));
    cr_assert(figures_spec_plain(""));
    static const char *const bad[] = {"values:graph:-5", "values:graph: 5", "cache:keep:+3",
                                      "Values:graph:5", "values/graph/5"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        cr_assert_not(figures_spec_plain(bad[i]), "\"%s\"", bad[i]);
}
