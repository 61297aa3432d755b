/* test_machine_line.c - the cache line size the system reports is usable
 * as a chase spacing: a power of two of at least 16 bytes. */
#include "harness/machine.h"

#include <criterion/criterion.h>

Test(machine, line_size_is_a_power_of_two_of_at_least_16)
{
    size_t line = machine_line_size();
    cr_assert_geq(line, 16);
    cr_assert_eq(line & (line - 1), 0, "%zu", line);
}
