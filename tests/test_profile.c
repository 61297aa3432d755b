/* test_profile.c - machine.json loads into levels, bad files give the stated
 * fallback, a working set falls in the level its measured size says. */
#include "harness/profile.h"

#include <criterion/criterion.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Writes text to a fresh temporary file; returns its path (static). */
static const char *file_with(const char *text)
{
    static char path[64];
    strcpy(path, "/tmp/test_profile_XXXXXX");
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    return path;
}

#define GOOD "{\"format\": \"" PROFILE_FORMAT "\", \"measured\": {" \
    "\"levels\": [{\"name\": \"L1\", \"bytes\": 49152, \"ns\": 1.1}," \
    "             {\"name\": \"L2\", \"bytes\": 950000, \"ns\": 3.9}," \
    "             {\"name\": \"L3\", \"bytes\": 4653166, \"ns\": 20.2}]," \
    "\"memory_ns\": 163.5, \"line_bytes\": 128, \"read_bytes_per_second\": 3.2e10," \
    "\"page_fault_us\": 10.9, \"host_check_ns\": 19537, \"host_gate_gave_up\": 90}}"

Test(profile, a_measured_profile_loads_every_figure)
{
    const char *path = file_with(GOOD);
    machine_profile p;
    cr_assert(profile_load(path, &p));
    cr_assert(p.measured);
    cr_assert_eq(p.nlevels, 3);
    cr_assert_eq(p.level[0].bytes, 49152);
    cr_assert_eq(p.level[2].bytes, 4653166);
    cr_assert_float_eq(p.level[1].ns, 3.9, 1e-9);
    cr_assert_float_eq(p.memory_ns, 163.5, 1e-9);
    cr_assert_eq(p.line_bytes, 128);
    cr_assert_float_eq(p.read_bytes_per_s, 3.2e10, 1);
    cr_assert_float_eq(p.fault_us, 10.9, 1e-9);
    cr_assert_float_eq(p.host_check_ns, 19537, 1e-9);
    cr_assert_eq(p.host_gate_gave_up, 90);
    cr_assert(isnan(p.first_check_ns), "the run's only calibration");
    cr_assert_eq(p.first_gate_gave_up, 0);
    cr_assert(strstr(p.source, path), "%s", p.source);
    unlink(path);
}

/* calibrate --again keeps a replaced calibration under first_calibration:
 * its check and gave-up repeats are read, its levels are not used. */
Test(profile, a_replaced_calibration_is_read_beside_the_new_one)
{
    const char *path = file_with(
        "{\"format\": \"memlayout-machine-profile-1\", \"measured\": {\"levels\": "
        "[{\"name\": \"L1\", \"bytes\": 44000, \"ns\": 1.1}], \"host_check_ns\": 19500},"
        " \"first_calibration\": {\"host_check_ns\": 29005, \"host_gate_gave_up\": 90,"
        " \"profile\": {\"measured\": {\"levels\": [{\"name\": \"L1\", \"bytes\": 34000}]}}}}");
    machine_profile p;
    cr_assert(profile_load(path, &p));
    cr_assert_eq(p.nlevels, 1);
    cr_assert_eq(p.level[0].bytes, 44000, "the new calibration's levels");
    cr_assert_float_eq(p.host_check_ns, 19500, 1e-9);
    cr_assert_float_eq(p.first_check_ns, 29005, 1e-9);
    cr_assert_eq(p.first_gate_gave_up, 90);
    unlink(path);
}

Test(profile, levels_by_measured_size_with_exact_boundaries)
{
    const char *path = file_with(GOOD);
    machine_profile p;
    cr_assert(profile_load(path, &p));
    unlink(path);
    cr_assert_eq(profile_level_of(&p, 0), 0);
    cr_assert_eq(profile_level_of(&p, 49152), 0);       /* at the size: still inside */
    cr_assert_eq(profile_level_of(&p, 49153), 1);
    cr_assert_eq(profile_level_of(&p, 950000), 1);
    cr_assert_eq(profile_level_of(&p, 4653167), 3);     /* past the last level */
    cr_assert_eq(profile_level_of(&p, SIZE_MAX), 3);
    cr_assert_str_eq(profile_level_name(&p, 0), "L1");
    cr_assert_str_eq(profile_level_name(&p, 2), "L3");
    cr_assert_str_eq(profile_level_name(&p, 3), "memory");
    cr_assert_str_eq(profile_level_name(&p, 99), "memory");
}

Test(profile, no_levels_means_everything_is_memory)
{
    const char *path = file_with("{\"format\": \"" PROFILE_FORMAT "\", \"measured\": "
                                 "{\"levels\": [], \"memory_ns\": null}}");
    machine_profile p;
    cr_assert(profile_load(path, &p));
    unlink(path);
    cr_assert_eq(p.nlevels, 0);
    cr_assert(isnan(p.host_check_ns), "a profile from before the host check has none");
    cr_assert_eq(profile_level_of(&p, 1), 0);
    cr_assert_str_eq(profile_level_name(&p, 0), "memory");
    cr_assert(isnan(p.memory_ns));
    cr_assert_eq(p.line_bytes, 64, "an absent line reads as 64 B");
    cr_assert_not(p.line_measured, "and is said not to be measured");
}

/* Each bad file gives false, the fallback figures, and the reason. */
static void expect_fallback(const char *text, const char *reason)
{
    const char *path = text ? file_with(text) : "/nonexistent/machine.json";
    machine_profile p;
    cr_assert_not(profile_load(path, &p), "%s", reason);
    cr_assert(strstr(p.source, reason), "'%s' says '%s'", p.source, reason);
    cr_assert_not(p.measured);
    cr_assert_not(p.line_measured);
    cr_assert_eq(p.nlevels, 3);
    cr_assert_eq(p.level[0].bytes, 32768);
    cr_assert_eq(p.level[2].bytes, (size_t)8 << 20);
    cr_assert(isnan(p.read_bytes_per_s) && isnan(p.fault_us) && isnan(p.level[0].ns));
    cr_assert(isnan(p.host_check_ns), "the fallback has no host check");
    cr_assert(strstr(p.source, reason), "'%s' lacks '%s'", p.source, reason);
    cr_assert(strstr(p.source, "assumed L1 32 KiB"), "%s", p.source);
    if (text)
        unlink(path);
}

Test(profile, bad_files_give_the_fallback_with_the_reason)
{
    expect_fallback(NULL, "/nonexistent/machine.json");
    expect_fallback("not json", "/tmp/test_profile_");
    expect_fallback("{\"format\": \"other\"}", "not a machine profile");
    expect_fallback("{\"format\": \"" PROFILE_FORMAT "\"}", "no \"measured\" object");
    expect_fallback("{\"format\": \"" PROFILE_FORMAT "\", \"measured\": {\"levels\": 3}}",
                    "not an array");
    expect_fallback("{\"format\": \"" PROFILE_FORMAT "\", \"measured\": {\"levels\": "
                    "[{\"bytes\": 1000}, {\"bytes\": 500}]}}", "level 2 has no size above");
    expect_fallback("{\"format\": \"" PROFILE_FORMAT "\", \"measured\": {\"levels\": "
                    "[{\"bytes\": -5}]}}", "level 1");
    expect_fallback("{\"format\": \"" PROFILE_FORMAT "\", \"measured\": {\"levels\": "
                    "[{\"bytes\": 1}, {\"bytes\": 2}, {\"bytes\": 3}, {\"bytes\": 4}, "
                    "{\"bytes\": 5}]}}", "at most 4 levels");
    expect_fallback("{\"format\": \"" PROFILE_FORMAT "\", \"measured\": {\"levels\": [], "
                    "\"line_bytes\": 1e300}}", "no cache line's size");
}

/* profile_read is profile_load without the fallback: a tool that must
 * refuse a bad file gets the reason alone and its profile untouched. */
Test(profile, read_refuses_without_a_fallback)
{
    machine_profile p = {.nlevels = 99};
    char why[400] = "";
    const char *path = file_with("{\"format\": \"other\"}");
    cr_assert_not(profile_read(path, &p, why, sizeof why));
    unlink(path);
    cr_assert(strstr(why, "not a machine profile"), "%s", why);
    cr_assert_null(strstr(why, "assumed"), "no fallback figures in the reason: %s", why);
    cr_assert_eq(p.nlevels, 99, "untouched");
    path = file_with(GOOD);
    cr_assert(profile_read(path, &p, why, sizeof why));
    unlink(path);
    cr_assert(p.measured);
    cr_assert(p.line_measured);
    cr_assert_eq(p.line_bytes, 128);
}

Test(profile, the_environment_names_the_profile)
{
    machine_profile p;
    unsetenv(PROFILE_ENV);
    cr_assert_not(profile_from_env(&p));
    cr_assert(strstr(p.source, "MEMLAYOUT_PROFILE is not set"), "%s", p.source);
    setenv(PROFILE_ENV, "", 1);
    cr_assert_not(profile_from_env(&p));
    const char *path = file_with(GOOD);
    setenv(PROFILE_ENV, path, 1);
    cr_assert(profile_from_env(&p));
    cr_assert_eq(p.nlevels, 3);
    unsetenv(PROFILE_ENV);
    unlink(path);
}

Test(profile, the_ignore_switch_is_exactly_one)
{
    unsetenv(PROFILE_IGNORE_ENV);
    cr_assert_not(profile_ignore_reported());
    setenv(PROFILE_IGNORE_ENV, "1", 1);
    cr_assert(profile_ignore_reported());
    setenv(PROFILE_IGNORE_ENV, "0", 1);
    cr_assert_not(profile_ignore_reported());
    setenv(PROFILE_IGNORE_ENV, "", 1);
    cr_assert_not(profile_ignore_reported());
    unsetenv(PROFILE_IGNORE_ENV);
}

/* --- the read bandwidth curve ------------------------------------------------ */

#define WITH_CURVE(points) "{\"format\": \"" PROFILE_FORMAT "\", \"measured\": {" \
    "\"levels\": [{\"name\": \"L1\", \"bytes\": 49152, \"ns\": 1.1}]," \
    "\"read_bytes_per_second\": 2.5e10, \"bandwidth_curve\": [" points "]}}"

Test(profile, the_bandwidth_curve_is_read_and_interpolated_on_a_log_scale)
{
    const char *path = file_with(WITH_CURVE(
        "{\"bytes\": 1048576, \"bytes_per_second\": 4e10},"
        "{\"bytes\": 4194304, \"bytes_per_second\": 3e10},"
        "{\"bytes\": 134217728, \"bytes_per_second\": 2.5e10}"));
    machine_profile p;
    cr_assert(profile_load(path, &p));
    unlink(path);
    cr_assert_eq(p.nbw, 3);
    cr_assert_float_eq(profile_read_bw_at(&p, 1048576), 4e10, 1);
    cr_assert_float_eq(profile_read_bw_at(&p, 4194304), 3e10, 1);
    /* 2 MiB lies halfway between 1 and 4 MiB on a log scale */
    cr_assert_float_eq(profile_read_bw_at(&p, 2097152), 3.5e10, 1);
    cr_assert_float_eq(profile_read_bw_at(&p, 4096), 4e10, 1, "below the curve: its first point");
    cr_assert_float_eq(profile_read_bw_at(&p, 1e12), 2.5e10, 1, "above: its last point");
    cr_assert(isnan(profile_read_bw_at(&p, 0)));
    cr_assert(isnan(profile_read_bw_at(&p, NAN)));
}

Test(profile, a_curve_that_is_not_one_is_left_out_and_the_profile_kept)
{
    static const char *const bad[] = {
        WITH_CURVE("{\"bytes\": 4194304, \"bytes_per_second\": 3e10},"
                   "{\"bytes\": 1048576, \"bytes_per_second\": 4e10}"),   /* descending */
        WITH_CURVE("{\"bytes\": 1048576, \"bytes_per_second\": 0}"),
        WITH_CURVE("{\"bytes\": -1, \"bytes_per_second\": 4e10}"),
        WITH_CURVE("{\"bytes\": \"1M\", \"bytes_per_second\": 4e10}"),
        WITH_CURVE("7"),
        "{\"format\": \"" PROFILE_FORMAT "\", \"measured\": {\"levels\": [],"
        " \"bandwidth_curve\": {\"bytes\": 1}}}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *path = file_with(bad[i]);
        machine_profile p;
        cr_assert(profile_load(path, &p), "case %zu: %s", i, p.source);
        unlink(path);
        cr_expect_eq(p.nbw, 0, "case %zu", i);
        cr_expect(isnan(profile_read_bw_at(&p, 1048576)), "case %zu", i);
    }
    machine_profile fallback;
    profile_fallback(&fallback, "test");
    cr_expect_eq(fallback.nbw, 0);
}

Test(profile, a_curve_of_more_points_than_kept_is_left_out)
{
    char points[4096] = "";
    for (int k = 0; k <= PROFILE_MAX_BW_POINTS; k++)
        snprintf(points + strlen(points), sizeof points - strlen(points),
                 "%s{\"bytes\": %d, \"bytes_per_second\": 1e10}", k ? "," : "", 1 << (k + 10));
    char text[8192];
    snprintf(text, sizeof text, WITH_CURVE("%s"), points);
    const char *path = file_with(text);
    machine_profile p;
    cr_assert(profile_load(path, &p));
    unlink(path);
    cr_expect_eq(p.nbw, 0);
}
