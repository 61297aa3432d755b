/*
 * lines.c - what a fresh string per line costs: split a text into lines
 * and digest each one, either as a copy in its own heap block or as a view
 * into the reader's reused buffer; and what a view kept past later reads
 * reads (the buffer is reused: Go's scanner.Bytes()).
 *
 * Claims A5, A6 (docs/experiments/lines.md).  The text is generated once per case
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
 *         lines/<keep_copy|keep_view>/<dist>/<text bytes>  (claim A6)
 *           every line is kept until the pass ends (collected in an
 *           array), as a copy or as the reader's view; dist short, medium,
 *           long (no line longer than the buffer, which never grows);
 *           text 32 KiB (within the buffer: nothing is overwritten) and
 *           1 MiB (16 buffer fills)
 * Timed:  one pass over the whole text per iteration, buffer allocated
 *         and freed inside the pass; generating the text is not timed.
 *         keep_*: the pass, then one read of every kept line, then the
 *         copies freed; the array of kept lines is made outside.
 * Output: Google Benchmark JSON; ns per line = 1e9 / items_per_second;
 *         bytes_per_second (text bytes); counters, exact, from a counting
 *         allocator in one untimed pass:
 *           lines            lines in the text
 *           allocs_per_line  allocations and resizes per line (buffer
 *                            included)
 *           peak_bytes       most bytes held at once (buffer + one line)
 *           avg_line_bytes   text bytes / lines
 *         keep_* also, from one untimed checked pass (src/lines/keep.h):
 *           kept_intact      kept lines that still read their own bytes
 *                            when the pass ended
 *           kept_later_text  kept lines that read the bytes the reader
 *                            later put in their place (text further on)
 *           kept_dangling, kept_other   views into a replaced buffer
 *                            (never read); lines that read neither
 *           first_overwritten  reads after its own at which the first
 *                            line's view stopped reading it (0: never)
 *           reader_fills     reads the reader made
 *           buffer_bytes     the reader's buffer
 *           bytes_per_line   most bytes held at once / lines
 * Check:  every pass's line count, byte count and digest must equal those
 *         of a plain memchr split of the text; a mismatch fails the case.
 *         keep_*: every pass keeps every line; kept copies' digest must be
 *         the text's, and a view pass's the same at every pass.  What the
 *         views read is recorded, never a failure: A6's rule judges it.
 */
#include "alloc/counting.h"
#include "harness/cli.h"
#include "harness/fail_case.h"
#include "harness/register.h"
#include "lines/keep.h"
#include "lines/linepass.h"
#include "shim/bench.h"
#include "harness/sizes.h"
#include "lines/texts.h"

#include <stdlib.h>

static const bench_program lines_program = {
    .name = "lines",
    .purpose = "Splits a generated text into lines and digests each one, as a fresh heap string per line or as a view into the reader's reused buffer, for four line-length distributions, at 1 MiB and at --max-ws of text: ns per line, allocations per line, peak bytes.  Claim A5.\n\n"
               "keep_* cases keep every line until the pass ends, as a view or a copy, and record what each kept line reads then (a reused buffer is overwritten by later reads) and what the copies cost.  Claim A6.",
    .max_ws = {.full = (size_t)64 << 20, .quick = (size_t)8 << 20},
    .interleave = true,
};

#define BUFFER_BYTES ((size_t)64 << 10)
#define SMALL_TEXT ((size_t)1 << 20)
/* A6's texts: within one buffer (no refill, so no view is overwritten:
 * the mistake hides), and 16 buffers. */
#define KEEP_WITHIN ((size_t)32 << 10)
#define KEEP_PAST SMALL_TEXT

/* A case's cookie (bench_def.user): what it reads, and how. */
typedef struct family {
    bool keep;            /* A6: keep every line (mode is a keep_mode) */
    int mode;             /* line_mode, or keep_mode when keep */
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
    if (linepass_run(t->bytes, len, (line_mode)f->mode, BUFFER_BYTES, &c.base, &c.base, &got) != 0 ||
        !line_totals_same(&got, &t->expected)) {
        bench_fail_case(s, "untimed pass failed: out of memory or wrong lines");
        return;
    }
    allocator *libc = alloc_libc();
    bool all_right = true;
    while (bench_keep_running(s, 1)) {
        int rc = linepass_run(t->bytes, len, (line_mode)f->mode, BUFFER_BYTES, libc, libc, &got);
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

/* A6: every line kept until the pass ends.  What the kept lines read is
 * counted in one untimed pass; the timed passes must keep the same
 * lines and read the same bytes back. */
static void keep_case(bench_state *s, const void *user)
{
    const family *f = user;
    size_t len = (size_t)bench_arg(s, 0);
    const line_text *t = line_text_for(f->dist, len, f->seed);
    size_t n = t ? (size_t)t->expected.lines : 0;
    kept_line *kept = t ? calloc(n ? n : 1, sizeof *kept) : NULL;
    if (!kept) {
        bench_fail_case(s, "out of memory while generating the text");
        return;
    }
    /* The checked pass tracks where each buffer byte came from (its own
     * memory): the figures of memory come from a plain pass, counted. */
    counting_allocator c;
    counting_init(&c, alloc_libc());
    allocator *libc = alloc_libc();
    keep_outcome o, timed;
    keep_mode mode = (keep_mode)f->mode;
    if (linekeep_run(t->bytes, len, mode, BUFFER_BYTES, libc, libc, kept, n, 1, &o) != 0 ||
        linekeep_run(t->bytes, len, mode, BUFFER_BYTES, &c.base, &c.base, kept, n, 0,
                     &timed) != 0 ||
        o.lines != n || (mode == KEEP_COPY && o.digest != t->expected.digest)) {
        free(kept);
        bench_fail_case(s, "untimed pass failed: out of memory or lines not kept");
        return;
    }
    bool all_right = true;
    while (bench_keep_running(s, 1)) {
        int rc = linekeep_run(t->bytes, len, mode, BUFFER_BYTES, libc, libc, kept, n, 0, &timed);
        /* Keeps the pass and the read of the kept lines. */
        bench_do_not_optimize(&timed);
        all_right &= rc == 0 && timed.lines == n && timed.digest == o.digest;
    }
    free(kept);
    if (!all_right) {
        bench_fail_case(s, "checksum mismatch: a pass kept other lines or read other bytes");
        return;
    }
    double lines = (double)n;
    bench_set_items_processed(s, bench_iterations(s) * (int64_t)n);
    bench_set_bytes_processed(s, bench_iterations(s) * (int64_t)len);
    bench_set_counter(s, "kept_intact", (double)o.intact, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "kept_later_text", (double)o.later_text, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "kept_dangling", (double)o.dangling, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "kept_other", (double)o.other, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "first_overwritten", (double)o.first_overwritten,
                      BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "reader_fills", (double)o.reader_fills, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "lines", lines, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "buffer_bytes", (double)BUFFER_BYTES, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "allocs_per_line",
                      (double)(c.stats.alloc_calls + c.stats.resize_calls) / lines,
                      BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "bytes_per_line", (double)c.stats.peak_live_bytes / lines,
                      BENCH_COUNTER_PLAIN);
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
    bench_cli_require_memory(o.max_ws + BUFFER_BYTES + ((size_t)256 << 10),
                             "the largest text");

    /* A5: copy and view per distribution; A6: keep_copy and keep_view
     * per distribution whose lines all fit the buffer. */
    static family families[4 * 8];
    size_t count = 0;
    for (size_t d = 0; d < line_dist_count && count + 2 <= 4 * 8; d++) {
        families[count++] = (family){false, LINE_MODE_COPY, "copy", &line_dists[d], o.seed};
        families[count++] = (family){false, LINE_MODE_VIEW, "view", &line_dists[d], o.seed};
    }
    for (size_t d = 0; d < line_dist_count && count + 2 <= 4 * 8; d++) {
        if (line_dists[d].max >= BUFFER_BYTES ||
            (line_dists[d].rare_per_million && line_dists[d].rare_max >= BUFFER_BYTES))
            continue;
        families[count++] = (family){true, KEEP_COPY, "keep_copy", &line_dists[d], o.seed};
        families[count++] = (family){true, KEEP_VIEW, "keep_view", &line_dists[d], o.seed};
    }
    static const int64_t keep_sizes[2] = {(int64_t)KEEP_WITHIN, (int64_t)KEEP_PAST};
    for (size_t i = 0; i < count; i++) {
        const family *f = &families[i];
        if (bench_register_named((bench_def){.run = f->keep ? keep_case : lines_case,
                                             .user = f,
                                             .args = f->keep ? keep_sizes : sizes,
                                             .nargs = f->keep ? 2 : nsizes},
                                 "lines/%s/%s", f->mode_name, f->dist->name) != 0)
            return 2;
    }
    int status = bench_cli_finish();
    line_texts_free();
    return status;
}
