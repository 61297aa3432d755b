/* profile_reported.c - cache sizes as sysfs, CPUID and getconf report them. */
#include "profile_reported.h"

#include "harness/sizes.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

static bool read_line(const char *path, char *buf, size_t size)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    bool ok = fgets(buf, (int)size, f) != NULL;
    fclose(f);
    buf[ok ? strcspn(buf, "\n") : 0] = '\0';
    return ok;
}

/* Reads <dir>/index<i>/<file> into buf; false when it is missing. */
static bool read_index(const char *dir, int i, const char *file, char *buf, size_t size)
{
    char path[512];
    snprintf(path, sizeof path, "%s/index%d/%s", dir, i, file);
    return read_line(path, buf, size);
}

reported_source reported_sysfs(const char *dir)
{
    reported_source s = {.name = "sysfs"};
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        snprintf(s.detail, sizeof s.detail, "%s is absent", dir);
        return s;
    }
    for (int i = 0; i < 32; i++) {
        char level[16], type[32], size[32], line[32];
        size_t bytes, lb;
        if (!read_index(dir, i, "level", level, sizeof level))
            break;
        int k = level[0] - '1';
        if (!read_index(dir, i, "type", type, sizeof type) || strcmp(type, "Instruction") == 0 ||
            !read_index(dir, i, "size", size, sizeof size) || !size_parse(size, &bytes) ||
            k < 0 || k >= REPORTED_LEVELS || level[1] != '\0')
            continue;
        s.bytes[k] = bytes;
        s.available = true;
        if (!s.line_bytes && read_index(dir, i, "coherency_line_size", line, sizeof line) &&
            size_parse(line, &lb))
            s.line_bytes = lb;
    }
    snprintf(s.detail, sizeof s.detail, s.available ? "%s" : "no data cache listed in %s", dir);
    return s;
}

/* Caches described one per subleaf (Intel leaf 4, AMD 0x8000001D). */
static void decode_cache_leaf(cpuid_query query, void *ctx, unsigned leaf, reported_source *s)
{
    for (unsigned sub = 0; sub < 16; sub++) {
        unsigned r[4];
        if (!query(leaf, sub, r, ctx) || (r[0] & 31) == 0)
            break;
        unsigned type = r[0] & 31, level = (r[0] >> 5) & 7;
        if (type == 2 || level < 1 || level > REPORTED_LEVELS)
            continue; /* instruction caches, and levels we do not track */
        size_t line = (r[1] & 0xfff) + 1, parts = ((r[1] >> 12) & 0x3ff) + 1;
        size_t ways = ((r[1] >> 22) & 0x3ff) + 1, sets = (size_t)r[2] + 1;
        s->bytes[level - 1] = line * parts * ways * sets;
        if (level == 1 || !s->line_bytes)
            s->line_bytes = line;
        s->available = true;
    }
}

/* AMD's leaves from before 0x8000001D: L1d in 0x80000005, L2 and L3 in
 * 0x80000006. */
static void decode_amd_legacy(cpuid_query query, void *ctx, reported_source *s)
{
    unsigned r[4];
    if (query(0x80000005u, 0, r, ctx) && (r[2] >> 24)) {
        s->bytes[0] = (size_t)(r[2] >> 24) << 10;
        s->line_bytes = r[2] & 0xff;
    }
    if (query(0x80000006u, 0, r, ctx)) {
        s->bytes[1] = (size_t)(r[2] >> 16) << 10;
        s->bytes[2] = (size_t)(r[3] >> 18) * (512 << 10);
        if (!s->line_bytes)
            s->line_bytes = r[2] & 0xff;
    }
    s->available = s->bytes[0] || s->bytes[1] || s->bytes[2];
}

reported_source reported_cpuid_with(cpuid_query query, void *ctx)
{
    reported_source s = {.name = "CPUID"};
    unsigned r[4];
    char vendor[13] = "";
    if (query(0, 0, r, ctx)) {
        memcpy(vendor, &r[1], 4);
        memcpy(vendor + 4, &r[3], 4);
        memcpy(vendor + 8, &r[2], 4);
    }
    bool amd = strcmp(vendor, "AuthenticAMD") == 0 || strcmp(vendor, "HygonGenuine") == 0;
    if (!amd) {
        decode_cache_leaf(query, ctx, 4, &s);
        snprintf(s.detail, sizeof s.detail, "%s leaf 4%s", vendor[0] ? vendor : "unknown CPU",
                 s.available ? "" : ": no cache listed");
        return s;
    }
    /* Topology extensions (0x80000001 ECX bit 22) say 0x8000001D is there. */
    if (query(0x80000001u, 0, r, ctx) && (r[2] >> 22 & 1)) {
        decode_cache_leaf(query, ctx, 0x8000001Du, &s);
        snprintf(s.detail, sizeof s.detail, "%s leaf 0x8000001D%s", vendor,
                 s.available ? "" : ": no cache listed");
        return s;
    }
    decode_amd_legacy(query, ctx, &s);
    snprintf(s.detail, sizeof s.detail,
             "%s leaves 0x80000005/0x80000006 (no topology extensions, so no leaf 0x8000001D)%s",
             vendor, s.available ? "" : ": no cache listed");
    return s;
}

#if defined(__x86_64__) || defined(__i386__)
static bool cpu_query(unsigned leaf, unsigned subleaf, unsigned regs[4], void *ctx)
{
    (void)ctx;
    unsigned max = __get_cpuid_max(leaf & 0x80000000u, NULL);
    if (max == 0 || leaf > max)
        return false;
    __cpuid_count(leaf, subleaf, regs[0], regs[1], regs[2], regs[3]);
    return true;
}
#endif

reported_source reported_cpuid(void)
{
#if defined(__x86_64__) || defined(__i386__)
    return reported_cpuid_with(cpu_query, NULL);
#else
    reported_source s = {.name = "CPUID"};
    snprintf(s.detail, sizeof s.detail, "not an x86 CPU");
    return s;
#endif
}

static size_t conf(int name)
{
    long v = sysconf(name);
    return v > 0 ? (size_t)v : 0;
}

reported_source reported_getconf(void)
{
    reported_source s = {.name = "getconf"};
#ifdef _SC_LEVEL1_DCACHE_SIZE
    s.bytes[0] = conf(_SC_LEVEL1_DCACHE_SIZE);
    s.bytes[1] = conf(_SC_LEVEL2_CACHE_SIZE);
    s.bytes[2] = conf(_SC_LEVEL3_CACHE_SIZE);
    s.bytes[3] = conf(_SC_LEVEL4_CACHE_SIZE);
    s.line_bytes = conf(_SC_LEVEL1_DCACHE_LINESIZE);
    s.available = s.bytes[0] || s.bytes[1] || s.bytes[2] || s.bytes[3];
    snprintf(s.detail, sizeof s.detail, s.available ? "sysconf(_SC_LEVEL*_CACHE_SIZE), from CPUID"
                                                    : "sysconf reports no cache");
#else
    snprintf(s.detail, sizeof s.detail, "this C library has no sysconf cache names");
#endif
    return s;
}

profile_reported reported_read(bool ignore)
{
    profile_reported r = {.ignored = ignore};
    if (ignore) {
        const char *why = "not read: reported sizes ignored (MEMLAYOUT_IGNORE_REPORTED=1 "
                          "or --ignore-reported)";
        r.sysfs = (reported_source){.name = "sysfs"};
        r.cpuid = (reported_source){.name = "CPUID"};
        r.getconf = (reported_source){.name = "getconf"};
        snprintf(r.sysfs.detail, sizeof r.sysfs.detail, "%s", why);
        snprintf(r.cpuid.detail, sizeof r.cpuid.detail, "%s", why);
        snprintf(r.getconf.detail, sizeof r.getconf.detail, "%s", why);
        return r;
    }
    r.sysfs = reported_sysfs(REPORTED_SYSFS_DIR);
    r.cpuid = reported_cpuid();
    r.getconf = reported_getconf();
    return r;
}

const reported_source *reported_level(const profile_reported *r, size_t k, size_t *bytes)
{
    const reported_source *order[] = {&r->sysfs, &r->cpuid, &r->getconf};
    for (size_t i = 0; k < REPORTED_LEVELS && i < 3; i++)
        if (order[i]->bytes[k]) {
            *bytes = order[i]->bytes[k];
            return order[i];
        }
    return NULL;
}

const reported_source *reported_line(const profile_reported *r, size_t *bytes)
{
    const reported_source *order[] = {&r->sysfs, &r->cpuid, &r->getconf};
    for (size_t i = 0; i < 3; i++)
        if (order[i]->line_bytes) {
            *bytes = order[i]->line_bytes;
            return order[i];
        }
    return NULL;
}
