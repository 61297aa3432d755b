/* thp.c - read the transparent huge page mode and a range's huge bytes. */
#include "thp.h"

#include <inttypes.h>
#include <stdint.h>
#include <string.h>

bool thp_parse_mode(const char *line, char *buf, size_t size)
{
    const char *open = strchr(line, '[');
    const char *close = open ? strchr(open, ']') : NULL;
    if (!close || close == open + 1)
        return false;
    size_t len = (size_t)(close - open - 1);
    if (len + 1 > size)
        return false;
    memcpy(buf, open + 1, len);
    buf[len] = '\0';
    return true;
}

const char *thp_mode(const char *file, char *buf, size_t size)
{
    char path[128], line[256];
    snprintf(path, sizeof path, "/sys/kernel/mm/transparent_hugepage/%s", file);
    FILE *f = fopen(path, "r");
    bool ok = f && fgets(line, sizeof line, f) && thp_parse_mode(line, buf, size);
    if (f)
        fclose(f);
    if (!ok)
        snprintf(buf, size, "unavailable");
    return buf;
}

long long thp_huge_bytes_in(FILE *smaps, const void *addr, size_t len)
{
    uintptr_t lo = (uintptr_t)addr, hi = lo + len;
    unsigned long long total_kib = 0;
    bool inside = false;
    char line[512];
    while (fgets(line, sizeof line, smaps)) {
        uintptr_t start, end;
        unsigned long long kib;
        /* A mapping's first line: "start-end perms offset dev inode path". */
        if (sscanf(line, "%" SCNxPTR "-%" SCNxPTR " ", &start, &end) == 2 &&
            strchr(line, '-') < strchr(line, ' ')) {
            inside = start < hi && end > lo;
            continue;
        }
        if (inside && sscanf(line, "AnonHugePages: %llu kB", &kib) == 1)
            total_kib += kib;
    }
    unsigned long long bytes = total_kib * 1024;
    return (long long)(bytes < len ? bytes : len);
}

long long thp_huge_bytes(const void *addr, size_t len)
{
    FILE *f = fopen("/proc/self/smaps", "r");
    if (!f)
        return -1;
    long long bytes = thp_huge_bytes_in(f, addr, len);
    fclose(f);
    return bytes;
}
