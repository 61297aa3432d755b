/* test_kernel_limit.c - L5's "at memory's pace?" table: only sizes past
 * the last measured level, each layout's rate against the sum over its
 * bytes run beside it (the calibration's curve shown, not judged by), the
 * 90% line, and a plain reason when a run cannot say. */
#include "report/kernel_limit.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[64];

/* One iteration record of traverse/<layout>/<n>: ns per element (CPU and
 * wall alike), bytes read per element, and the working set. */
static void record(FILE *f, bool first, const char *layout, long n, double ns,
                   double read_per_elem, double ws)
{
    fprintf(f, "%s{\"name\": \"traverse/%s/%ld/real_time\", \"run_type\": \"iteration\","
            " \"repetitions\": 1, \"repetition_index\": 0, \"iterations\": 10,"
            " \"real_time\": %g, \"cpu_time\": %g, \"time_unit\": \"ns\","
            " \"items_per_second\": %.17g, \"ws_bytes\": %.17g",
            first ? "" : ",\n", layout, n, ns * (double)n, ns * (double)n, 1e9 / ns, ws);
    if (read_per_elem > 0)
        fprintf(f, ", \"read_bytes_per_elem\": %g", read_per_elem);
    fputs("}", f);
}

static void put(const char *file, const char *json)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f, "%s", path);
    fputs(json, f);
    fclose(f);
}

/* L1 32 KiB and L2 1 MiB; the curve 40 GB/s over 1 MiB, 30 over 4 MiB,
 * 20 over 16 MiB. */
#define MACHINE(curve) "{\"format\": \"memlayout-machine-profile-1\", \"measured\": {" \
    "\"levels\": [{\"name\": \"L1\", \"bytes\": 32768, \"ns\": 1}," \
    " {\"name\": \"L2\", \"bytes\": 1048576, \"ns\": 4}], \"read_bytes_per_second\": 2e10" \
    curve "}}"
#define CURVE ", \"bandwidth_curve\": [{\"bytes\": 1048576, \"bytes_per_second\": 4e10}," \
    " {\"bytes\": 4194304, \"bytes_per_second\": 3e10}," \
    " {\"bytes\": 16777216, \"bytes_per_second\": 2e10}]"

/* The traverse cases: 1024 elements in L1 (left out); 262144, 1048576 and
 * 4194304 past L2.  The array of structs reads 16 bytes an element, the
 * struct of arrays 4, so their passes read 4 MiB and 1 MiB, then 16 MiB
 * and 4 MiB, then 64 and 16 MiB.  Each has its sum beside it (ns per
 * element; 0: none). */
static double largest_soa_ns = 0.1;

static void write_traverse(bool with_counter, bool with_sums)
{
    char path[128];
    snprintf(path, sizeof path, "%s/traverse.json", dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    double aos = with_counter ? 16 : 0, soa = with_counter ? 4 : 0;
    static const struct {
        const char *layout;
        long n;
        double ns, sum_ns, ws;
    } cases[] = {
        {"aos", 1024, 0.5, 0.5, 16384},
        {"soa", 1024, 0.2, 0.1, 8192},
        {"aos", 262144, 0.64, 0.5, 4194304},       /* 25 GB/s, the sum 32: 78% */
        {"soa", 262144, 0.1, 0.1, 2097152},        /* 40 of 40 */
        {"aos", 1048576, 0.8, 0.8, 16777216},      /* 20 of 20 */
        {"soa", 1048576, 0.16, 4 / 30.0, 8388608}, /* 25 of 30: 83% */
        {"aos", 4194304, 0.4, 0.8, 67108864},      /* 40 of 20 */
        {"soa", 4194304, 0, 0.2, 33554432},        /* largest_soa_ns, of 20 */
    };
    fputs("{\"context\": {}, \"benchmarks\": [\n", f);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double per_elem = cases[i].layout[0] == 'a' ? aos : soa;
        double ns = cases[i].ns > 0 ? cases[i].ns : largest_soa_ns;
        record(f, i == 0, cases[i].layout, cases[i].n, ns, per_elem, cases[i].ws);
        if (with_sums) {
            char sum[32];
            snprintf(sum, sizeof sum, "%s_read_sum", cases[i].layout);
            record(f, false, sum, cases[i].n, cases[i].sum_ns, per_elem, cases[i].ws);
        }
    }
    fputs("]}\n", f);
    fclose(f);
}

/* kernel_limit_markdown of the run in dir (a static copy: a failed
 * assertion leaves nothing to free). */
static const char *markdown(void)
{
    static char copy[8192];
    report_run run;
    char err[256];
    cr_assert(report_run_load(&run, dir, err, sizeof err), "%s", err);
    text out = TEXT_INIT;
    kernel_limit_markdown(&run, &out);
    snprintf(copy, sizeof copy, "%s", text_str(&out));
    text_free(&out);
    report_run_free(&run);
    return copy;
}

static void make_dir(void)
{
    strcpy(dir, "/tmp/test_kernel_limit_XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

static void remove_dir(void)
{
    static const char *const files[] = {"traverse.json", "machine.json"};
    char path[128];
    for (size_t i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        unlink(path);
    }
    rmdir(dir);
}

TestSuite(kernel_limit, .init = make_dir, .fini = remove_dir);

Test(kernel_limit, each_size_past_the_last_level_against_the_sum_beside_it)
{
    put("machine.json", MACHINE(CURVE));
    write_traverse(true, true);
    const char *md = markdown();
    cr_assert(strstr(md, "Past the last measured level (L2, 1 MiB)"), "%s", md);
    cr_assert(strstr(md, "| array of structs | 262144 | 4 MiB | 4 MiB | 25.0 | 32.0 | 78% | "
                         "30.0 |"), "%s", md);
    cr_assert(strstr(md, "| struct of arrays | 262144 | 2 MiB | 1 MiB | 40.0 | 40.0 | 100% | "
                         "40.0 |"), "%s", md);
    cr_assert(strstr(md, "| array of structs | 1048576 | 16 MiB | 16 MiB | 20.0 | 20.0 | "
                         "100% | 20.0 |"), "%s", md);
    cr_assert(strstr(md, "| struct of arrays | 1048576 | 8 MiB | 4 MiB | 25.0 | 30.0 | 83% | "
                         "30.0 |"), "%s", md);
    cr_assert_null(strstr(md, "| 1024 |"), "a size in L1 is not past the last level: %s", md);
    cr_assert(strstr(md, "| array of structs | 4194304 | 64 MiB | 64 MiB | 40.0 | 20.0 | "
                         "200% | 20.0 |"), "%s", md);
    cr_assert(strstr(md, "At each layout's largest size: the array of structs (4194304 "
                         "elements, 64 MiB a pass) read faster than the sum over its bytes: "
                         "this size cannot say (200%); the struct of arrays (4194304 elements, "
                         "16 MiB a pass) read faster"), "%s", md);
}

/* The run's traverse.json, as write_traverse left it, into json. */
static void read_traverse(char *json, size_t cap)
{
    char path[128];
    snprintf(path, sizeof path, "%s/traverse.json", dir);
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f);
    size_t n = fread(json, 1, cap - 1, f);
    fclose(f);
    json[n] = '\0';
}

Test(kernel_limit, the_largest_size_says_which_layout_keeps_up)
{
    put("machine.json", MACHINE(CURVE));
    write_traverse(true, true);
    /* the same run without its largest size */
    char json[8192];
    read_traverse(json, sizeof json);
    char *cut = strstr(json, ",\n{\"name\": \"traverse/aos/4194304");
    cr_assert_not_null(cut);
    strcpy(cut, "]}\n");
    put("traverse.json", json);
    const char *md = markdown();
    cr_assert(strstr(md, "At each layout's largest size: the array of structs (1048576 "
                         "elements, 16 MiB a pass) keeps up with the sum over its bytes (100%); "
                         "the struct of arrays (1048576 elements, 4 MiB a pass) falls behind "
                         "the sum over its bytes (83%)."), "%s", md);
}

/* The struct of arrays at a count of its own past the common ones
 * (benches/traverse.c), 16777216 elements: 64 MiB a pass at 25 GB/s, its
 * sum beside it at 25. */
static void append_soa_past_the_common(void)
{
    char json[8192], path[128];
    read_traverse(json, sizeof json);
    char *end = strstr(json, "]}\n");
    cr_assert_not_null(end);
    *end = '\0';
    snprintf(path, sizeof path, "%s/traverse.json", dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(json, f);
    record(f, false, "soa", 16777216, 4 / 25.0, 4, 134217728);
    record(f, false, "soa_read_sum", 16777216, 4 / 25.0, 4, 134217728);
    fputs("]}\n", f);
    fclose(f);
}

Test(kernel_limit, a_layout_is_judged_at_its_own_largest_size)
{
    put("machine.json", MACHINE(CURVE));
    write_traverse(true, true);
    append_soa_past_the_common();
    const char *md = markdown();
    cr_assert(strstr(md, "| struct of arrays | 16777216 | 128 MiB | 64 MiB | 25.0 | 25.0 | "
                         "100% | 20.0 |\n"), "%s", md);
    cr_assert_null(strstr(md, "| array of structs | 16777216 |"), "%s", md);
    /* after every common size's rows */
    cr_assert_gt(strstr(md, "| struct of arrays | 16777216 |"),
                 strstr(md, "| struct of arrays | 4194304 |"), "%s", md);
    cr_assert(strstr(md, "the array of structs (4194304 elements, 64 MiB a pass) read faster "
                         "than the sum over its bytes: this size cannot say (200%); the struct "
                         "of arrays (16777216 elements, 64 MiB a pass) keeps up with the sum "
                         "over its bytes (100%)."), "%s", md);
}

Test(kernel_limit, without_a_curve_the_calibration_column_is_empty)
{
    put("machine.json", MACHINE(""));
    write_traverse(true, true);
    const char *md = markdown();
    cr_assert(strstr(md, "| array of structs | 262144 | 4 MiB | 4 MiB | 25.0 | 32.0 | 78% | "
                         "– |"), "%s", md);
}

Test(kernel_limit, without_machine_json_it_says_so)
{
    write_traverse(true, true);
    const char *md = markdown();
    cr_assert(strstr(md, "Not shown: the run has no machine.json that measured a cache "
                         "level."), "%s", md);
}

Test(kernel_limit, a_run_from_before_the_counter_says_so)
{
    put("machine.json", MACHINE(CURVE));
    write_traverse(false, true);
    const char *md = markdown();
    cr_assert(strstr(md, "Not shown: no traverse size past the last measured level has both "
                         "layouts' rates"), "%s", md);
}

Test(kernel_limit, a_run_from_before_the_sums_says_so)
{
    put("machine.json", MACHINE(CURVE));
    write_traverse(true, false);
    const char *md = markdown();
    cr_assert(strstr(md, "Not shown: no traverse size past the last measured level has both "
                         "layouts' rates and the sums over their bytes"), "%s", md);
    cr_assert_null(strstr(md, "| array of structs |"), "%s", md);
}

Test(kernel_limit, a_share_is_judged_as_it_is_printed)
{
    /* 21.994 GB/s of the sum's 20 at 16 MiB: 109.97%, printed 110% */
    largest_soa_ns = 4 / 21.994;
    put("machine.json", MACHINE(CURVE));
    write_traverse(true, true);
    const char *md = markdown();
    cr_assert(strstr(md, "the struct of arrays (4194304 elements, 16 MiB a pass) read faster "
                         "than the sum over its bytes: this size cannot say (110%)."), "%s", md);
}

/* Three rounds at one size past L2, one repetition of the array of
 * structs and of its sum each, in the side-by-side order a s, s a, a s:
 * 20 against 10 GB/s, then 10 against 10, then 16 against 16.  The
 * struct of arrays and its sum once each, alike.  With sum_reps 2 the
 * last round's sum is missing. */
static void write_rounds(int sum_reps)
{
    char path[128];
    snprintf(path, sizeof path, "%s/traverse.json", dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs("{\"context\": {}, \"benchmarks\": [\n", f);
    record(f, true, "aos", 1048576, 0.8, 16, 16777216);
    record(f, false, "aos_read_sum", 1048576, 1.6, 16, 16777216);
    record(f, false, "aos_read_sum", 1048576, 1.6, 16, 16777216);
    record(f, false, "aos", 1048576, 1.6, 16, 16777216);
    record(f, false, "aos", 1048576, 1.0, 16, 16777216);
    if (sum_reps > 2)
        record(f, false, "aos_read_sum", 1048576, 1.0, 16, 16777216);
    record(f, false, "soa", 1048576, 0.2, 4, 8388608);
    record(f, false, "soa_read_sum", 1048576, 0.2, 4, 8388608);
    fputs("]}\n", f);
    fclose(f);
}

Test(kernel_limit, the_share_pairs_the_rounds)
{
    put("machine.json", MACHINE(CURVE));
    write_rounds(3);
    const char *md = markdown();
    /* Medians 16 and 10 GB/s (1.6x); the rounds 2.0, 1.0 and 1.0. */
    cr_assert(strstr(md, "| array of structs | 1048576 | 16 MiB | 16 MiB | 16.0 | 10.0 | 100% | "
                         "20.0 |"), "%s", md);
    cr_assert(strstr(md, "the array of structs (1048576 elements, 16 MiB a pass) keeps up with "
                         "the sum over its bytes (100%)"), "%s", md);
}

Test(kernel_limit, rounds_that_do_not_pair_fall_back_to_the_medians)
{
    put("machine.json", MACHINE(CURVE));
    write_rounds(2);
    const char *md = markdown();
    /* Medians 16 and 10 GB/s: 160%. */
    cr_assert(strstr(md, "| array of structs | 1048576 | 16 MiB | 16 MiB | 16.0 | 10.0 | 160% | "
                         "20.0 |"), "%s", md);
}
