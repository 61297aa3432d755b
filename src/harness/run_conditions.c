/* run_conditions.c - CPU model, governor and load average for the results' context. */
#include "run_conditions.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *unreadable(char *buf, size_t size)
{
    snprintf(buf, size, "unreadable");
    return buf;
}

const char *run_conditions_first_line(const char *path, char *buf, size_t size)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return unreadable(buf, size);
    bool ok = fgets(buf, (int)size, f) != NULL;
    fclose(f);
    if (!ok)
        return unreadable(buf, size);
    buf[strcspn(buf, "\n")] = '\0';
    return buf[0] ? buf : unreadable(buf, size);
}

const char *run_conditions_cpu_model(char *buf, size_t size)
{
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (!f)
        return unreadable(buf, size);
    char line[512];
    const char *found = NULL;
    while (!found && fgets(line, sizeof line, f)) {
        if (strncmp(line, "model name", 10) != 0)
            continue;
        char *colon = strchr(line, ':');
        if (!colon)
            continue;
        colon += 1 + (colon[1] == ' ');
        colon[strcspn(colon, "\n")] = '\0';
        snprintf(buf, size, "%s", colon);
        found = buf;
    }
    fclose(f);
    return found && found[0] ? found : unreadable(buf, size);
}

const char *run_conditions_governor(char *buf, size_t size)
{
    return run_conditions_first_line(
        "/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", buf, size);
}

const char *run_conditions_loadavg(char *buf, size_t size)
{
    double load[3];
    if (getloadavg(load, 3) != 3)
        return unreadable(buf, size);
    snprintf(buf, size, "%.2f %.2f %.2f", load[0], load[1], load[2]);
    return buf;
}
