/* test_named.c - finding a table's entry by its name: first, last,
 * absent, a NULL name, an empty table, and the first of two equal names. */
#include "harness/named.h"

#include <criterion/criterion.h>

typedef struct entry {
    const char *name;
    int value;
} entry;

static const entry table[] = {{"aos", 1}, {"soa", 2}, {"list", 3}, {"soa", 4}};
#define COUNT (sizeof table / sizeof table[0])

static const entry *find(const char *name)
{
    NAMED_FIRST(entry);
    return named_find(table, COUNT, sizeof table[0], name);
}

Test(named, finds_the_first_and_the_last)
{
    cr_assert_eq(find("aos"), &table[0]);
    cr_assert_eq(find("list"), &table[2]);
}

Test(named, the_first_of_two_equal_names_wins)
{
    cr_assert_eq(find("soa"), &table[1]);
}

Test(named, absent_names_find_nothing)
{
    cr_assert_null(find("tree"));
    cr_assert_null(find(""));
    cr_assert_null(find("ao"), "a prefix is not the name");
    cr_assert_null(find(NULL));
    cr_assert_null(named_find(table, 0, sizeof table[0], "aos"), "an empty table");
    cr_assert_null(named_find(NULL, 4, sizeof table[0], "aos"));
}
