/* test_profile_write.c - the notes say every disagreement and absence in
 * words; machine.json reads back through profile_load; writes are whole. */
#include "harness/profile_write.h"

#include "harness/profile.h"

#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* This machine as measured on a quiet moment: L1 44 KiB, L2 900 KiB, L3
 * 4.4 MiB, memory 170 ns, transfer unit 128 B. */
static profile_measured measured(void)
{
    profile_measured m = {.have_levels = true, .line_found = true, .line_bytes = 128,
                          .huge_fraction = 1, .read_bytes_per_s = 2.5e10, .fault_us = 11,
                          .host_check_ns = 19537,
                          .page_bytes = 4096, .region_bytes = (size_t)64 << 20,
                          .repeats = {.repeats = 5, .done = 300}, .seconds = 2.5};
    m.levels.count = 3;
    const double bytes[] = {45056, 921600, 4613734}, ns[] = {1.1, 3.9, 20.2, 170};
    memcpy(m.levels.bytes, bytes, sizeof bytes);
    memcpy(m.levels.ns, ns, sizeof ns);
    m.npoints = 2;
    m.curve_bytes[0] = 4096, m.curve_ns[0] = 1.1;
    m.curve_bytes[1] = 8192, m.curve_ns[1] = 1.2;
    m.nregions = 2;
    m.bw_region_bytes[0] = (double)((size_t)64 << 20), m.bw_bytes_per_s[0] = 3e10;
    m.bw_region_bytes[1] = (double)((size_t)128 << 20), m.bw_bytes_per_s[1] = 2.5e10;
    return m;
}

/* CPUID as this machine answers: L1d 48 KiB, L2 1 MiB, L3 508 MiB, 64 B
 * lines; no sysfs. */
static profile_reported reported(void)
{
    profile_reported r = {.sysfs = {.name = "sysfs"},
                          .cpuid = {.name = "CPUID", .available = true, .line_bytes = 64,
                                    .bytes = {48 << 10, 1 << 20, (size_t)508 << 20}},
                          .getconf = {.name = "getconf", .available = true, .line_bytes = 64,
                                      .bytes = {48 << 10, 1 << 20, (size_t)508 << 20}}};
    snprintf(r.sysfs.detail, sizeof r.sysfs.detail, "/sys/devices/system/cpu/cpu0/cache is absent");
    return r;
}

/* The notes of measured() against reported(). */
static profile_notes measured_notes_quiet(void)
{
    profile_measured m = measured();
    profile_reported r = reported();
    profile_notes n;
    profile_notes_make(&m, &r, NULL, &n);
    return n;
}

/* The note that contains 'text', or NULL. */
static const char *find(const profile_notes *n, const char *text)
{
    for (size_t i = 0; i < n->count; i++)
        if (strstr(n->text[i], text))
            return n->text[i];
    return NULL;
}

Test(profile_notes, this_machine_gets_every_disagreement_in_words)
{
    profile_measured m = measured();
    profile_reported r = reported();
    run_others quiet = {.known = true, .share = 0.01, .ncpus = 2};
    profile_notes n;
    profile_notes_make(&m, &r, &quiet, &n);
    cr_assert(find(&n, "sysfs reports no cache sizes: /sys/devices/system/cpu/cpu0/cache is absent"));
    cr_assert(find(&n, "L1: reported 48 KiB (CPUID), measured 44 KiB at 1.1 ns: they agree"));
    cr_assert(find(&n, "L2: reported 1 MiB (CPUID), measured 900 KiB at 3.9 ns: they agree"));
    const char *l3 = find(&n, "reported L3 508 MiB (CPUID), measured 4.4 MiB at 20.2 ns");
    cr_assert(l3 && strstr(l3, "the suite uses the measured size"), "%s", l3 ? l3 : "none");
    cr_assert(find(&n, "line: reported 64 B (CPUID), measured transfer unit 128 B"));
    cr_assert(find(&n, "costs 11.0 us: filling 1 GiB of fresh memory spends 2.9 s"));
    cr_assert_null(find(&n, "other programs"), "a quiet machine gets no warning");
    cr_assert_null(find(&n, "run again"));
    cr_assert_null(find(&n, "sequential reads"), "25 GB/s is within 1.5x of 30");
}

Test(profile_notes, levels_missing_on_either_side_are_named)
{
    profile_measured m = measured();
    m.levels.count = 2;
    m.levels.ns[2] = 170;
    profile_reported r = reported();
    profile_notes n;
    profile_notes_make(&m, &r, NULL, &n);
    cr_assert(find(&n, "reported L3 508 MiB (CPUID), not found by the chase: past the last "
                       "measured level (L2, 900 KiB) latency rises to memory's 170 ns"));
    m = measured();
    r.cpuid.bytes[2] = r.getconf.bytes[2] = 0;
    profile_notes_make(&m, &r, NULL, &n);
    cr_assert(find(&n, "measured L3 4.4 MiB at 20.2 ns, which no source reports"));
    m.have_levels = false;
    profile_notes_make(&m, &r, NULL, &n);
    cr_assert(find(&n, "no cache level found"));
    m = measured();
    m.levels.count = 1;   /* a 4 MiB calibration: L1, then L2 taken for memory */
    m.levels.ns[1] = 4.3;
    profile_notes_make(&m, &r, NULL, &n);
    cr_assert(find(&n, "did not reach memory: the last plateau (4.3 ns)"));
    profile_notes quiet = measured_notes_quiet();
    cr_assert_null(find(&quiet, "did not reach memory"));
}

Test(profile_notes, disturbance_base_pages_and_a_bandwidth_drop_are_said)
{
    profile_measured m = measured();
    m.repeats.redone = 40;
    m.remeasured = 2;
    m.huge_fraction = 0;
    m.bw_bytes_per_s[1] = m.read_bytes_per_s = 9e9;
    m.line_found = false;
    m.beyond_bytes = 6e6;
    m.beyond_ns = 340;
    profile_reported r = reported();
    run_others busy = {.known = true, .share = 0.86, .ncpus = 2};
    profile_notes n;
    profile_notes_make(&m, &r, &busy, &n);
    cr_assert(find(&n, "40 of 300 repeats lost the CPU"));
    cr_assert(find(&n, "2 points were slower than both neighbours"));
    cr_assert(find(&n, "other programs used 86% of the 2 CPUs"));
    cr_assert(find(&n, "the chase ran on base pages (0% huge pages)"));
    cr_assert(find(&n, "30.0 GB/s over 64 MiB but 9.0 GB/s over 128 MiB"));
    cr_assert(find(&n, "no bend in the stride curve"));
    cr_assert(find(&n, "rises again, to 340 ns"));
}

/* The second timing of the boundary points (profile_measure.h) is said
 * only when it moved a level by more than 10%, or changed their number. */
Test(profile_notes, a_level_the_second_timing_moved_is_said)
{
    profile_measured m = measured();
    m.boundary_remeasured = 9;
    m.first_had_levels = true;
    m.first_levels = m.levels;
    m.first_levels.bytes[0] = 35430;  /* 34.6 KiB: the first pass beside another thread */
    m.first_levels.bytes[2] = 4400000; /* 4.6 MiB now: 5% apart, not said */
    profile_reported r = reported();
    profile_notes n;
    profile_notes_make(&m, &r, NULL, &n);
    const char *t = find(&n, "the 9 points around the ends of the levels below the last");
    cr_assert(t, "no note of the moved L1");
    cr_assert(strstr(t, "L1 34.6 KiB, now 44 KiB"), "%s", t);
    cr_assert_null(strstr(t, "L3"), "a 5%% move is not said: %s", t);

    m.first_levels = m.levels;
    profile_notes_make(&m, &r, NULL, &n);
    const char *said = "points around the ends of the levels below the last";
    cr_assert_null(find(&n, said), "nothing moved");

    m.first_levels.count = 2;
    profile_notes_make(&m, &r, NULL, &n);
    cr_assert(find(&n, "changed how many levels there are: 2 on the first pass, 3 now"));

    m.boundary_remeasured = 0;
    profile_notes_make(&m, &r, NULL, &n);
    cr_assert_null(find(&n, said), "not timed again");
}

Test(profile_notes, ignored_sources_say_so_once)
{
    profile_measured m = measured();
    profile_reported r = reported_read(true);
    profile_notes n;
    profile_notes_make(&m, &r, NULL, &n);
    cr_assert(find(&n, "reported sizes ignored"));
    cr_assert_null(find(&n, "reports no cache sizes"));
    cr_assert(find(&n, "measured L1 44 KiB at 1.1 ns, which no source reports"));
}

Test(profile_write, the_file_reads_back_as_the_measured_profile)
{
    profile_measured m = measured();
    profile_reported r = reported();
    run_others o = {.known = true, .share = 0.5, .cpus = 1, .ncpus = 2, .seconds = 3};
    profile_notes n;
    profile_notes_make(&m, &r, &o, &n);
    profile_run_info info = {.host = "h", .date = "2026-12-04T00:00:00Z", .cpu_model = "AMD EPYC",
                             .seed = 7, .max_ws = (size_t)128 << 20};
    json_t *doc = profile_json(&info, &m, &r, &o, &n);
    cr_assert_not_null(doc);
    char dir[] = "/tmp/test_profile_write_XXXXXX";
    cr_assert(mkdtemp(dir));
    char path[128], err[256];
    snprintf(path, sizeof path, "%s/machine.json", dir);
    cr_assert(profile_write_file(doc, path, err, sizeof err), "%s", err);
    json_decref(doc);

    machine_profile p;
    cr_assert(profile_load(path, &p), "%s", p.source);
    cr_assert_eq(p.nlevels, 3);
    cr_assert_eq(p.level[0].bytes, 45056);
    cr_assert_eq(p.level[2].bytes, 4613734);
    cr_assert_float_eq(p.level[2].ns, 20.2, 1e-6);
    cr_assert_float_eq(p.memory_ns, 170, 1e-6);
    cr_assert_eq(p.line_bytes, 128);
    cr_assert_float_eq(p.read_bytes_per_s, 2.5e10, 1e3);
    cr_assert_float_eq(p.fault_us, 11, 1e-6);
    cr_assert_float_eq(p.host_check_ns, 19537, 1e-6);

    json_error_t jerr;
    json_t *back = json_load_file(path, 0, &jerr);
    cr_assert_not_null(back, "%s", jerr.text);
    cr_assert_eq(json_array_size(json_object_get(back, "notes")), n.count);
    cr_assert(json_is_false(json_object_get(json_object_get(json_object_get(back, "reported"),
                                                            "sysfs"), "available")));
    cr_assert(json_is_true(json_object_get(json_object_get(back, "conditions"), "busy")));
    json_t *measured_back = json_object_get(back, "measured");
    cr_assert_eq(json_array_size(json_object_get(measured_back, "levels_first_pass")), 0,
                 "no first pass recorded in measured()");
    cr_assert(json_is_integer(json_object_get(measured_back, "boundary_points_remeasured")));
    json_decref(back);
    unlink(path);
    rmdir(dir);
}

Test(profile_write, an_unwritable_place_fails_with_the_reason_and_leaves_nothing)
{
    json_t *doc = json_object();
    char err[256] = "";
    cr_assert_not(profile_write_file(doc, "/nonexistent/dir/machine.json", err, sizeof err));
    cr_assert(strstr(err, "/nonexistent/dir/machine.json"), "%s", err);
    cr_assert_not(profile_write_file(NULL, "/tmp/x.json", err, sizeof err));
    cr_assert(strstr(err, "out of memory"), "%s", err);
    json_decref(doc);
}
