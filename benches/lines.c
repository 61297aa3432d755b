/*
 * lines.c - what a fresh string per line costs: split a text into lines
 * and digest each one, either as a copy in its own heap block or as a view
 * into the reader's reused buffer.
 *
 * Claim A5 (docs/experiments/lines.md).  The text is generated once per case
 * (fixed seed, src/lines/textgen.h) and read through the suite's line reader
 * (src/stream/linereader.h) with a 64 KiB buffer, as a program reads a file.  The
 * two modes (src/lines/linepass.h) differ by exactly one allocation, one copy
 * and one free per line.
 *
 * Files:  benches/lines.c, src/lines/ (tests/test_linepass.c, test_textgen.c,
 *         test_line_texts.c),
 *         plots/lines.gp, src/report/rules/lines.c, docs/experiments/lines.md,
 *         docs/lessons/lines.md, make demo-lines.
 * Run:    make bench BENCH=lines           (or build/bin/lines --help)
 * Cases:  lines/<mode>/<dist>/<text bytes>
 *           mode  copy (a new NUL-terminated string per line, freed after
 *                 use: Go's scanner.Text(), Python's "for line in f") or
 *                 view (the line where it lies in the buffer: Go's
 *                 scanner.Bytes())
 *           dist  short (0-16 bytes a line), medium (40-120), long
 *                 (500-1500), skewed (20-100, and 1 line in 1000 of
 *                 64-192 KiB, longer than the buffer, which then grows)
 *           text  1 MiB (text and buffer fit in L2) and --max-ws (64 MiB:
 *                 past the last-level cache; 8 MiB with --quick)
 * Timed:  one pass over the whole text per iteration, buffer allocated
 *         and freed inside the pass; generating the text is not timed.
 * Output: Google Benchmark JSON; ns per line = 1e9 / items_per_second;
 *         bytes_per_second (text bytes); counters, exact, from a counting
 *         allocator in one untimed pass:
 *           lines            lines in the text
 *           allocs_per_line  allocations and resizes per line (buffer
 *                            included)
 *           peak_bytes       most bytes held at once (buffer + one line)
 *           avg_line_bytes   text bytes / lines
 * Check:  every pass's line count, byte count and digest must equal those
 *         of a plain memchr split of the text; a mismatch fails the case.
 */
#include "alloc/counting.h"
#include "harness/cli.h"
#include "harness/fail_case.h"
#include "lines/linepass.h"
#include "shim/bench.h"
#include "harness/sizes.h"
#include "lines/texts.h"

#include <stdio.h>
#include <stdlib.h>

static const bench_program lines_program = {
    .name = "lines",
    .purpose =
        "Splits a generated text into lines and digests each one, as a fresh\n"
        "heap string per line or as a view into the reader's reused buffer,\n"
        "for four line-length distributions, at 1 MiB and at --max-ws of text:\n"
        "ns per line, allocations per line, peak bytes.  Claim A5.",
    .default_max_ws = (size_t)64 << 20,
    .quick_max_ws = (size_t)8 << 20,
    .min_time_s = 0.05,
    .quick_min_time_s = 0.01,
    .interleave = true,
};

#define BUFFER_BYTES ((size_t)64 << 10)
#define SMALL_TEXT ((size_t)1 << 20)

/* A case's cookie (bench_def.user): what it reads, and how. */
typedef struct family {
    line_mode mode;
    const char *mode_name;
    const line_dist *dist;
    uint64_t seed;        /* generates the text */
} family;

static void lines_case(bench_state *s, const void *user)
{
    const family *f = user;
    size_t len = (size_t)bench_arg(s, 0);
    const line_text *t = line_text_for(f->dist, len, f->seed);
    if (!t) {
        bench_fail_case(s, "out of memory while generating the text");
        return;
    }
    /* Exact figures from one untimed pass: one counting allocator serves
     * both the buffer and the line copies. */
    counting_allocator c;
    counting_init(&c, alloc_libc());
    line_totals got;
    if (linepass_run(t->bytes, len, f->mode, BUFFER_BYTES, &c.base, &c.base, &got) != 0 ||
        !line_totals_same(&got, &t->expected)) {
        bench_fail_case(s, "untimed pass failed: out of memory or wrong lines");
        return;
    }
    allocator *libc = alloc_libc();
    bool all_right = true;
    while (bench_keep_running(s, 1)) {
        int rc = linepass_run(t->bytes, len, f->mode, BUFFER_BYTES, libc, libc, &got);
        /* Keeps the pass: nothing else reads its totals. */
        bench_do_not_optimize(&got);
        all_right &= rc == 0 && line_totals_same(&got, &t->expected);
    }
    if (!all_right) {
        bench_fail_case(s, "checksum mismatch: a pass did not see the text's lines");
        return;
    }
    double lines = (double)t->expected.lines;
    bench_set_items_processed(s, bench_iterations(s) * (int64_t)t->expected.lines);
    bench_set_bytes_processed(s, bench_iterations(s) * (int64_t)len);
    bench_set_counter(s, "lines", lines, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "allocs_per_line",
                      (double)(c.stats.alloc_calls + c.stats.resize_calls) / lines,
                      BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "peak_bytes", (double)c.stats.peak_live_bytes, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "avg_line_bytes", (double)len / lines, BENCH_COUNTER_PLAIN);
    char label[32];
    bench_set_label(s, size_format(len, label, sizeof label));
}

int main(int argc, char **argv)
{
    bench_options o = bench_cli_start(&lines_program, argc, argv);
    int64_t sizes[2] = {(int64_t)SMALL_TEXT, (int64_t)o.max_ws};
    size_t nsizes = o.max_ws > SMALL_TEXT ? 2 : 1;
    if (o.max_ws < SMALL_TEXT)
        sizes[0] = (int64_t)o.max_ws;
    bench_cli_require_memory(&lines_program, o.max_ws + BUFFER_BYTES + ((size_t)256 << 10),
                             "the largest text");

    static family families[2 * 8];
    size_t count = 0;
    for (size_t d = 0; d < line_dist_count && count + 2 <= 2 * 8; d++) {
        families[count++] = (family){LINE_MODE_COPY, "copy", &line_dists[d], o.seed};
        families[count++] = (family){LINE_MODE_VIEW, "view", &line_dists[d], o.seed};
    }
    for (size_t i = 0; i < count; i++) {
        char name[64];
        snprintf(name, sizeof name, "lines/%s/%s", families[i].mode_name,
                 families[i].dist->name);
        bench_def def = {
            .name = name,
            .run = lines_case,
            .user = &families[i],
            .args = sizes,
            .nargs = nsizes,
        };
        if (bench_register(&def) != 0)
            return 2;
    }
    int status = bench_cli_finish();
    line_texts_free();
    return status;
}
