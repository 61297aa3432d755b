/* machine.c - cache sizes from sysfs (unless ignored), available memory from /proc/meminfo. */
#include "machine.h"

#include "profile.h"
#include "sizes.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Reads one line of a sysfs file into buf, without its newline. */
static int read_line(const char *path, char *buf, size_t size)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    int ok = fgets(buf, (int)size, f) != NULL;
    fclose(f);
    if (!ok)
        return -1;
    buf[strcspn(buf, "\n")] = '\0';
    return 0;
}

machine_caches machine_cache_sizes(void)
{
    machine_caches c = {0, 0, 0};
    /* MEMLAYOUT_IGNORE_REPORTED=1: a run that must show what the suite
     * does on a machine that reports nothing. */
    if (profile_ignore_reported())
        return c;
    for (int index = 0; index < 16; index++) {
        char path[128], level[16], type[32], size[32];
        const char *base = "/sys/devices/system/cpu/cpu0/cache/index";
        snprintf(path, sizeof path, "%s%d/level", base, index);
        if (read_line(path, level, sizeof level) != 0)
            break;
        snprintf(path, sizeof path, "%s%d/type", base, index);
        if (read_line(path, type, sizeof type) != 0 || strcmp(type, "Instruction") == 0)
            continue;
        snprintf(path, sizeof path, "%s%d/size", base, index);
        size_t bytes;
        if (read_line(path, size, sizeof size) != 0 || !size_parse(size, &bytes))
            continue;
        if (strcmp(level, "1") == 0)
            c.l1d = bytes;
        else if (strcmp(level, "2") == 0)
            c.l2 = bytes;
        else if (strcmp(level, "3") == 0)
            c.l3 = bytes;
    }
    return c;
}

size_t machine_proc_kib_field(const char *path, const char *key)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    char line[256];
    size_t keylen = strlen(key);
    unsigned long long kib = 0;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, key, keylen) == 0 && line[keylen] == ':' &&
            sscanf(line + keylen + 1, "%llu kB", &kib) == 1)
            break;
    fclose(f);
    return (size_t)kib * 1024;
}

size_t machine_mem_available(void)
{
    return machine_proc_kib_field("/proc/meminfo", "MemAvailable");
}

size_t machine_page_size(void)
{
    long p = sysconf(_SC_PAGESIZE);
    return p > 0 ? (size_t)p : 4096;
}

size_t machine_line_size(void)
{
    char buf[32];
    size_t bytes;
    if (!profile_ignore_reported() && read_line("/sys/devices/system/cpu/cpu0/cache/index0/coherency_line_size",
                  buf, sizeof buf) == 0 &&
        size_parse(buf, &bytes) && bytes >= 16)
        return bytes;
    return 64;
}
