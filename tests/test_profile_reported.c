/* test_profile_reported.c - CPUID leaves decoded exactly (Intel, AMD with and
 * without topology extensions), sysfs read from a fixture, absences named. */
#include "harness/profile_reported.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A fake CPU: a few (leaf, subleaf) -> registers rows. */
typedef struct row {
    unsigned leaf, sub, r[4];
} row;

typedef struct fake_cpu {
    const row *rows;
    size_t n;
} fake_cpu;

static bool fake_query(unsigned leaf, unsigned sub, unsigned regs[4], void *ctx)
{
    const fake_cpu *cpu = ctx;
    for (size_t i = 0; i < cpu->n; i++)
        if (cpu->rows[i].leaf == leaf && cpu->rows[i].sub == sub) {
            memcpy(regs, cpu->rows[i].r, sizeof cpu->rows[i].r);
            return true;
        }
    memset(regs, 0, 4 * sizeof *regs);
    return leaf < 0x80000000u ? leaf <= 0x10 : leaf <= 0x80000021u;
}

/* Vendor words in the order CPUID gives them: ebx, edx, ecx. */
#define INTEL {0, 0, {0x16, 0x756e6547, 0x6c65746e, 0x49656e69}}
#define AMD {0, 0, {0x10, 0x68747541, 0x444d4163, 0x69746e65}}

/* Leaf 4 / 0x8000001D registers of one cache: type, level, line, ways, sets. */
#define CACHE(leaf, sub, type, level, line, ways, sets) \
    {leaf, sub, {(type) | (level) << 5, ((line) - 1) | ((ways) - 1) << 22, (sets) - 1, 0}}

Test(reported, intel_leaf_4_gives_data_and_unified_caches)
{
    const row rows[] = {
        INTEL,
        CACHE(4, 0, 1, 1, 64, 12, 64),     /* L1d 48 KiB */
        CACHE(4, 1, 2, 1, 64, 8, 64),      /* L1i: left out */
        CACHE(4, 2, 3, 2, 64, 10, 2048),   /* L2 1.25 MiB */
        CACHE(4, 3, 3, 3, 64, 12, 32768),  /* L3 24 MiB */
    };
    fake_cpu cpu = {rows, sizeof rows / sizeof *rows};
    reported_source s = reported_cpuid_with(fake_query, &cpu);
    cr_assert(s.available);
    cr_assert_eq(s.bytes[0], 48 << 10);
    cr_assert_eq(s.bytes[1], 1280 << 10);
    cr_assert_eq(s.bytes[2], (size_t)24 << 20);
    cr_assert_eq(s.bytes[3], 0);
    cr_assert_eq(s.line_bytes, 64);
    cr_assert(strstr(s.detail, "GenuineIntel leaf 4"), "%s", s.detail);
}

Test(reported, amd_with_topology_extensions_uses_8000001d)
{
    const row rows[] = {
        AMD,
        {0x80000001u, 0, {0, 0, 1u << 22, 0}},
        CACHE(0x8000001Du, 0, 1, 1, 64, 8, 64),      /* L1d 32 KiB */
        CACHE(0x8000001Du, 1, 3, 2, 64, 8, 1024),    /* L2 512 KiB */
        CACHE(0x8000001Du, 2, 3, 3, 64, 16, 32768),  /* L3 32 MiB */
    };
    fake_cpu cpu = {rows, sizeof rows / sizeof *rows};
    reported_source s = reported_cpuid_with(fake_query, &cpu);
    cr_assert_eq(s.bytes[0], 32 << 10);
    cr_assert_eq(s.bytes[1], 512 << 10);
    cr_assert_eq(s.bytes[2], (size_t)32 << 20);
    cr_assert(strstr(s.detail, "0x8000001D"), "%s", s.detail);
}

Test(reported, amd_without_them_uses_the_older_leaves)
{
    /* This machine's own answer: L1d 48 KiB, L2 1 MiB, L3 1016 x 512 KiB. */
    const row rows[] = {
        AMD,
        {0x80000001u, 0, {0, 0, 0, 0}},
        {0x80000005u, 0, {0, 0, 48u << 24 | 64, 0}},
        {0x80000006u, 0, {0, 0, 1024u << 16 | 64, 1016u << 18}},
    };
    fake_cpu cpu = {rows, sizeof rows / sizeof *rows};
    reported_source s = reported_cpuid_with(fake_query, &cpu);
    cr_assert(s.available);
    cr_assert_eq(s.bytes[0], 48 << 10);
    cr_assert_eq(s.bytes[1], 1 << 20);
    cr_assert_eq(s.bytes[2], (size_t)508 << 20);
    cr_assert_eq(s.line_bytes, 64);
    cr_assert(strstr(s.detail, "no topology extensions"), "%s", s.detail);
}

Test(reported, a_cpu_that_lists_nothing_says_so)
{
    const row rows[] = {INTEL};
    fake_cpu cpu = {rows, 1};
    reported_source s = reported_cpuid_with(fake_query, &cpu);
    cr_assert_not(s.available);
    cr_assert(strstr(s.detail, "no cache listed"), "%s", s.detail);
}

/* Writes dir/index<i>/<file> = text. */
static void put(const char *dir, int i, const char *file, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/index%d", dir, i);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/index%d/%s", dir, i, file);
    FILE *f = fopen(path, "w");
    cr_assert(f);
    fprintf(f, "%s\n", text);
    fclose(f);
}

Test(reported, sysfs_from_a_fixture_skips_instruction_caches)
{
    char dir[] = "/tmp/test_reported_XXXXXX";
    cr_assert(mkdtemp(dir));
    const char *rows[][4] = {{"1", "Data", "32K", "64"}, {"1", "Instruction", "64K", "64"},
                             {"2", "Unified", "1024K", "64"}, {"3", "Unified", "32768K", "64"}};
    for (int i = 0; i < 4; i++) {
        put(dir, i, "level", rows[i][0]);
        put(dir, i, "type", rows[i][1]);
        put(dir, i, "size", rows[i][2]);
        put(dir, i, "coherency_line_size", rows[i][3]);
    }
    reported_source s = reported_sysfs(dir);
    cr_assert(s.available);
    cr_assert_eq(s.bytes[0], 32 << 10);
    cr_assert_eq(s.bytes[1], 1 << 20);
    cr_assert_eq(s.bytes[2], (size_t)32 << 20);
    cr_assert_eq(s.line_bytes, 64);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    cr_assert_eq(system(cmd), 0);
}

Test(reported, an_absent_sysfs_directory_is_named)
{
    reported_source s = reported_sysfs("/nonexistent/cache");
    cr_assert_not(s.available);
    cr_assert_str_eq(s.detail, "/nonexistent/cache is absent");
}

Test(reported, sources_in_order_and_the_ignore_switch)
{
    profile_reported r = {.sysfs = {.name = "sysfs"}, .cpuid = {.name = "CPUID"},
                          .getconf = {.name = "getconf"}};
    r.cpuid.bytes[2] = 500;
    r.getconf.bytes[2] = 600;
    r.getconf.line_bytes = 64;
    size_t bytes = 0;
    cr_assert_eq(reported_level(&r, 2, &bytes), &r.cpuid);
    cr_assert_eq(bytes, 500);
    cr_assert_null(reported_level(&r, 0, &bytes));
    cr_assert_null(reported_level(&r, REPORTED_LEVELS, &bytes));
    cr_assert_eq(reported_line(&r, &bytes), &r.getconf);
    cr_assert_eq(bytes, 64);

    profile_reported none = reported_read(true);
    cr_assert(none.ignored);
    cr_assert_not(none.sysfs.available || none.cpuid.available || none.getconf.available);
    cr_assert(strstr(none.cpuid.detail, "ignored"), "%s", none.cpuid.detail);
    cr_assert_null(reported_level(&none, 0, &bytes));
}

Test(reported, this_machine_gives_a_reason_for_every_absent_source)
{
    profile_reported r = reported_read(false);
    const reported_source *all[] = {&r.sysfs, &r.cpuid, &r.getconf};
    for (size_t i = 0; i < 3; i++)
        cr_assert_gt(strlen(all[i]->detail), 0, "%s", all[i]->name);
}
