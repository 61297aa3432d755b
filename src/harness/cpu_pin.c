/* cpu_pin.c - pin the calling thread to the CPU whose host check is fastest. */
#include "harness/cpu_pin.h"

#include "harness/env_switch.h"

#include <errno.h>
#include <math.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>

static cpu_set_t start_set;
static int start_count;
static bool pin_allowed;

/* "0,1,5": CPU numbers, each below CPU_SETSIZE; false for anything else. */
static bool parse_list(const char *text, cpu_set_t *set)
{
    CPU_ZERO(set);
    const char *p = text;
    while (*p) {
        if (*p < '0' || *p > '9')
            return false;
        char *end;
        errno = 0;
        long cpu = strtol(p, &end, 10);
        if (errno || cpu >= CPU_SETSIZE)
            return false;
        CPU_SET((int)cpu, set);
        p = end;
        if (*p == ',' && p[1] != '\0')
            p++;
        else if (*p != '\0')
            return false;
    }
    return CPU_COUNT(set) > 0;
}

int cpu_pin_start(bool may_pin)
{
    pin_allowed = may_pin;
    const char *inherited = getenv(CPU_PIN_ENV);
    if (!inherited || !parse_list(inherited, &start_set)) {
        CPU_ZERO(&start_set);
        if (sched_getaffinity(0, sizeof start_set, &start_set) != 0)
            return start_count = 0;
    }
    start_count = CPU_COUNT(&start_set);
    char list[1024];
    size_t used = 0;
    list[0] = '\0';
    for (int cpu = 0; cpu < CPU_SETSIZE && used < sizeof list - 8; cpu++)
        if (CPU_ISSET(cpu, &start_set))
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%d",
                                     used ? "," : "", cpu);
    setenv(CPU_PIN_ENV, list, 1);
    return start_count;
}

bool cpu_pin_enabled(void)
{
    return pin_allowed && start_count > 1 && !env_switch_on(CPU_PIN_OFF_ENV);
}

static bool pin_to(int cpu)
{
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    return sched_setaffinity(0, sizeof one, &one) == 0;
}

double cpu_pin_fastest(double (*check)(void), int *cpu)
{
    *cpu = -1;
    if (!cpu_pin_enabled())
        return check();
    double best = INFINITY;
    for (int c = 0; c < CPU_SETSIZE; c++) {
        if (!CPU_ISSET(c, &start_set) || !pin_to(c))
            continue;
        double ns = check();
        if (ns < best)
            best = ns, *cpu = c;
    }
    if (*cpu < 0 || !pin_to(*cpu)) {
        cpu_pin_release();
        *cpu = -1;
        return isfinite(best) ? best : check();
    }
    return best;
}

bool cpu_pin_release(void)
{
    if (start_count == 0)
        return true;
    return sched_setaffinity(0, sizeof start_set, &start_set) == 0;
}
