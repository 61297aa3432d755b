/* test_cpu_pin.c - harness/cpu_pin: which CPU a case is pinned to, the
 * CPUs a child inherits through the environment, and the switches that
 * turn the choice off.  The "check" here is a stand-in whose time depends
 * only on the CPU it runs on, so the choice is exact. */
#include "harness/cpu_pin.h"

#include <criterion/criterion.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int calls;

/* Fastest on the highest-numbered CPU. */
static double by_cpu(void)
{
    calls++;
    return 1000.0 - sched_getcpu();
}

static int allowed_count(void)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    cr_assert_eq(sched_getaffinity(0, sizeof set, &set), 0);
    return CPU_COUNT(&set);
}

static int highest_allowed(void)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    sched_getaffinity(0, sizeof set, &set);
    int top = -1;
    for (int c = 0; c < CPU_SETSIZE; c++)
        if (CPU_ISSET(c, &set))
            top = c;
    return top;
}

static void clean_env(void)
{
    unsetenv(CPU_PIN_ENV);
    unsetenv(CPU_PIN_OFF_ENV);
}

TestSuite(cpu_pin, .init = clean_env);

Test(cpu_pin, each_case_runs_where_the_check_was_fastest)
{
    int n = allowed_count(), top = highest_allowed();
    cr_assert_eq(cpu_pin_start(true), n);
    cr_assert_not_null(getenv(CPU_PIN_ENV), "children learn the CPUs");
    int cpu;
    calls = 0;
    double ns = cpu_pin_fastest(by_cpu, &cpu);
    if (n > 1) {
        cr_assert(cpu_pin_enabled());
        cr_assert_eq(cpu, top);
        cr_assert_eq(calls, n, "one check on each CPU");
        cr_assert_eq(ns, 1000.0 - top);
        cr_assert_eq(allowed_count(), 1, "pinned");
        cr_assert_eq(sched_getcpu(), top);
        cr_assert(cpu_pin_release());
        cr_assert_eq(allowed_count(), n, "released to every CPU it started with");
    } else {
        cr_assert_not(cpu_pin_enabled(), "no choice on one CPU");
        cr_assert_eq(cpu, -1);
        cr_assert_eq(calls, 1);
    }
}

Test(cpu_pin, the_switch_and_threaded_programs_turn_the_choice_off)
{
    int n = allowed_count(), cpu;
    setenv(CPU_PIN_OFF_ENV, "1", 1);
    cpu_pin_start(true);
    cr_assert_not(cpu_pin_enabled());
    calls = 0;
    cpu_pin_fastest(by_cpu, &cpu);
    cr_assert_eq(cpu, -1);
    cr_assert_eq(calls, 1, "the check still runs, where the case is");
    cr_assert_eq(allowed_count(), n, "nothing pinned");

    setenv(CPU_PIN_OFF_ENV, "0", 1);
    cpu_pin_start(false);
    cr_assert_not(cpu_pin_enabled(), "a program whose cases run threads");
    cpu_pin_start(true);
    cr_assert_eq(cpu_pin_enabled(), n > 1, "only \"1\" turns it off");
}

Test(cpu_pin, a_child_takes_its_cpus_from_the_parent_and_refuses_bad_lists)
{
    int n = allowed_count(), top = highest_allowed();
    /* A parent that started with one CPU: its child has no choice, even
     * where the kernel would allow more. */
    char one[16];
    snprintf(one, sizeof one, "%d", top);
    setenv(CPU_PIN_ENV, one, 1);
    cr_assert_eq(cpu_pin_start(true), 1);
    cr_assert_not(cpu_pin_enabled());

    static const char *const bad[] = {"", "a", "-1", "0,", ",0", "0,,1", "0 1", "99999"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        setenv(CPU_PIN_ENV, bad[i], 1);
        cr_assert_eq(cpu_pin_start(true), n, "\"%s\": the kernel's CPUs instead", bad[i]);
        cr_assert_neq(strcmp(getenv(CPU_PIN_ENV), bad[i]), 0, "\"%s\" replaced", bad[i]);
    }
}
