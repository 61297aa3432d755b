/*
 * stream.c - what reading a big file costs in memory and time, whole or streamed.
 *
 * Claims S1, S2, S5 (docs/claims.md, docs/experiments/stream.md): a generated file of
 * records ("id,value,text" lines, records.h) is read and processed (count
 * the lines, sum the value field) by five methods (filescan.h): slurp
 * (whole file in one buffer), chunks (fixed 64 KiB reads), reader (the
 * line reader, growing buffer with a limit), getline (stdio), mmap.
 *
 * Files:  benches/stream.c, src/stream/ (tests/test_filescan.c,
 *         test_linereader.c, test_pagecache.c, test_records.c,
 *         test_stream_files.c, test_stream_limit.c),
 *         plots/stream.gp, src/report/rules/stream.c,
 *         docs/experiments/stream.md, docs/lessons/stream.md and
 *         stream-limit.md, make demo-stream and demo-stream-limit.
 * Run:    make bench BENCH=stream           (or build/bin/stream --help)
 * Sizes:  1 MiB, 16 MiB, 256 MiB, ... (x16) up to --max-ws, which is also
 *         the largest size (default 256 MiB, eight times a 32 MiB L3, as
 *         the AMD guests we measure on have; --quick: 32 MiB), generated
 *         once under $TMPDIR (default /tmp) in a directory removed at the
 *         end, on an error and on SIGINT/SIGTERM/SIGHUP.  Free disk space
 *         is checked first.  A 1 GiB file (--max-ws=1G) read the same
 *         figures as 256 MiB did in a full run of 2026-12-06 (MB/s within
 *         8%, resident memory the file's or under 0.1 MiB, the same S5
 *         outcomes) and cost about 50 s of page faults and passes.
 * Cases:  stream/<method>/<file bytes>, file in the page cache (warm);
 *         stream/<method>_cold/<file bytes> for slurp, reader and mmap and
 *         files up to 256 MiB (a cold pass is bound by the disk, which
 *         shows at that size already, and a cold 1 GiB costs seconds per
 *         pass), with the file evicted from the page cache before every
 *         pass (posix_fadvise DONTNEED, outside the timed region);
 *         stream/long_<method>/<line bytes> for chunks, reader and getline
 *         (claim S2): a 16 MiB file (--quick: 8 MiB) whose lines are all
 *         16 KiB, 256 KiB or 4 MiB long (--quick: the first two).  chunks
 *         has a fixed 64 KiB buffer (Go's bufio.Scanner's default limit),
 *         so it must report an error for the longer lines; reader grows up
 *         to a 16 MiB limit and getline without one.  Reporting the error
 *         is a correct outcome; a wrong count or sum is not.
 *         stream/limit_<method>/<file bytes> (claim S5): each method over
 *         the largest file in a child whose address space may grow by a
 *         quarter of the file at most (RLIMIT_AS, src/stream/limit.h):
 *         64 MiB for the 256 MiB file, 8 MiB for the quick 32 MiB one.
 *         One child per case, in its first repetition (the outcome does
 *         not vary, and getline over 1 GiB took 11 s on a busy machine);
 *         later repetitions report the same figures.  How it ended is
 *         recorded, never a failed case (S5's rule judges it), unless it
 *         failed otherwise (a wrong total, an I/O error).
 * Timed:  one whole pass over the file per iteration: open, read, count
 *         and sum, free, close.  Items are bytes of file, so
 *         items_per_second is bytes per second (flatten.jq's ns_* columns
 *         are ns per byte: MB/s = 1000 / ns).
 * Malloc: glibc's mmap threshold is pinned at its initial 128 KiB
 *         (mallopt, harness/malloc_thresholds.h): every buffer of 128 KiB
 *         or more (slurp's, a long line's) is mapped and unmapped on every
 *         pass, as in a fresh process.  Left to adjust, a 32 MiB slurp
 *         raised it, and a later 16 MiB slurp reused heap pages with no
 *         fault at all: faults and time then hung on the case order.
 * Memory: each warm case also runs once alone in a fresh process
 *         (--child, peak_rss.h); its peak resident set is the case's own.
 * Output: Google Benchmark JSON; per case the counters
 *           file_bytes          size of the file read
 *           lines               lines counted (every pass must match)
 *           cached_fraction     share of the file in the page cache just
 *                               before the first timed pass (mincore):
 *                               about 1 when warm, about 0 when cold
 *           alloc_peak_bytes    most heap bytes held at once (counting
 *                               allocator; absent for getline, whose
 *                               buffers come from the C library)
 *           peak_rss_bytes      the child's peak resident set (VmHWM)
 *           baseline_rss_bytes  the same for a child that reads nothing
 *           rss_over_baseline   peak_rss_bytes - baseline_rss_bytes
 *           line_bytes          long_*: the length of every line
 *           read_whole          long_*: 1 when the pass read every line
 *           error_reported      long_*: 1 when the method refused a line
 *                               as too long (then the case has no MB/s)
 *           lines_read          long_*: lines the last pass counted
 *           limit_bytes         limit_*: the budget over the child's
 *                               address space at its start
 *           completed, allocation_failed  limit_*: 1 when the child read
 *                               the file / ended with an allocation refused
 *           killed_by_signal    limit_*: the signal that ended it, or 0
 *                               (peak_rss_bytes is then absent)
 *           faults              minor page faults per pass (per iteration;
 *                               getrusage, the counter growth has too):
 *                               slurp's fresh buffer faults in page by
 *                               page, the report and demo-stream weigh
 *                               them by the run's calibrated fault cost.
 *                               limit_*: the limited child's, from its
 *                               start to its exit (later repetitions
 *                               report the first one's, like the rest)
 *         and the label "warm page cache" or "cold page cache".
 * Check:  every pass must find the generator's line count and value sum,
 *         or fail the case (exit 1).  long_* cases record their outcome
 *         instead (read_whole, error_reported, lines_read): an error or a
 *         silently short read is S2's to judge (src/report/rules/stream.c),
 *         never a failed case.
 */
#include "alloc/counting.h"
#include "stream/child.h"
#include "harness/case_rss.h"
#include "harness/cli.h"
#include "harness/fail_case.h"
#include "harness/faults.h"
#include "harness/register.h"
#include "stream/filescan.h"
#include "stream/limit.h"
#include "stream/pagecache.h"
#include "stream/testfiles.h"
#include "harness/scratch.h"
#include "shim/bench.h"
#include "harness/sizes.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const bench_program stream_program = {
    .name = "stream",
    .purpose = "Reads a generated file of records and sums a field five ways: whole into memory (slurp), fixed 64 KiB chunks, the line reader, getline, and mmap, for files from 1 MiB to --max-ws (the largest file).  Reports MB/s and each method's peak resident memory, measured alone in a child process.  Warm cases read a file the page cache holds; *_cold cases evict it first.\n\n"
               "long_* cases read lines of 16 KiB to 4 MiB: the fixed 64 KiB chunk must report them as too long, the line reader and getline read them whole. limit_* cases read the largest file in a child limited to a quarter of its size (RLIMIT_AS) and record how each method ended.\n\n"
               "Files go to a temporary directory under $TMPDIR (default /tmp), removed afterwards, also on error or Ctrl-C.  Claims S1, S2, S5.",
    .max_ws = {.full = (size_t)256 << 20, .quick = (size_t)32 << 20},
    .child_main = stream_child_run,
    /* glibc's initial mmap threshold, kept (see the header). */
    .malloc = {.mmap = (size_t)128 << 10},
};

#define MAX_FILES 12
/* The largest file the cold cases read (see the header). */
#define COLD_MAX_BYTES ((size_t)256 << 20)
/* The long-line files: their size, and their line lengths. */
#define LONG_FILE_BYTES ((size_t)16 << 20)
#define QUICK_LONG_FILE_BYTES ((size_t)8 << 20)
static const size_t long_line_bytes[] = {(size_t)16 << 10, (size_t)256 << 10,
                                         (size_t)4 << 20};
#define QUICK_LONG_LINES 2

/* The generated files, smallest first: the size sweep, then the
 * long-line files. */
static test_file files[MAX_FILES];
static size_t nfiles;

/* One family of cases: a method, on a warm or a cold page cache, over
 * the size sweep or over the long-line files. */
typedef struct variant {
    const filescan_method *method;
    bool cold;
    bool long_lines;
} variant;

static const variant variants[] = {
    {&filescan_slurp, false, false}, {&filescan_chunks, false, false},
    {&filescan_reader, false, false}, {&filescan_getline, false, false},
    {&filescan_mmap, false, false},
    /* Cold: the three that differ in how they touch the file. */
    {&filescan_slurp, true, false}, {&filescan_reader, true, false},
    {&filescan_mmap, true, false},
    /* Long lines: a fixed buffer, a growing one with a limit, no limit. */
    {&filescan_chunks, false, true}, {&filescan_reader, false, true},
    {&filescan_getline, false, true},
};
#define NVARIANTS (sizeof variants / sizeof variants[0])

/* The case's peak resident memory, from a child run once per spec. */
static case_rss rss_of(const variant *v, const test_file *f)
{
    char spec[256];
    stream_child_spec(spec, sizeof spec, v->method, f, v->long_lines);
    return case_rss_measure(spec);
}

static void stream_case(bench_state *s, const void *user)
{
    const variant *v = user;
    const test_file *f = test_file_for(files, nfiles, v->long_lines, (size_t)bench_arg(s, 0));
    if (!f) {
        bench_fail_case(s, "no such file");
        return;
    }
    /* Cold cases have the warm case's memory: not measured twice. */
    case_rss r = v->cold ? (case_rss){0} : rss_of(v, f);
    if (r.status != 0) {
        bench_fail_casef(s, "the child measuring peak RSS failed (status %d)",
                         r.status);
        return;
    }
    if (v->cold && pagecache_evict(f->path) != 0) {
        bench_fail_casef(s, "cannot evict the file: %s", strerror(errno));
        return;
    }
    double cached = pagecache_resident_fraction(f->path);

    counting_allocator c;
    counting_init(&c, alloc_libc());
    records_totals t = {0, 0};
    bool too_long = false;
    /* Around the whole loop: the paused eviction of the cold cases makes
     * the kernel drop pages, but faults none into this process. */
    uint64_t faults_before = minor_faults();
    while (bench_keep_running(s, 1)) {
        if (v->cold) {
            bench_pause_timing(s);
            pagecache_evict(f->path); /* checked above; the cost is not the read's */
            bench_resume_timing(s);
        }
        t = (records_totals){0, 0};
        filescan_status st = filescan_run(v->method, f->path, &c.base, &t);
        /* The totals are the pass's only result: kept, so it is not skipped. */
        bench_do_not_optimize(&t);
        too_long = st == FILESCAN_LINE_TOO_LONG;
        if (st != FILESCAN_OK && !(too_long && v->long_lines)) {
            bench_fail_casef(s, "%s: %s (%s)", v->method->name,
                             filescan_status_message(st), strerror(errno));
            continue; /* keep_running now returns false */
        }
    }
    uint64_t faults = minor_faults() - faults_before;
    if (bench_error_occurred(s))
        return;
    /* On the long-line files a short read is S2's outcome (recorded below
     * as read_whole 0 without an error: silently short); elsewhere it is a
     * broken measurement. */
    bool whole = !too_long && t.lines == f->totals.lines && t.sum == f->totals.sum;
    if (!too_long && !whole && !v->long_lines) {
        bench_fail_casef(s, "checksum mismatch: %" PRIu64 " lines, sum %" PRIu64
                         "; expected %" PRIu64 ", %" PRIu64, t.lines, t.sum,
                         f->totals.lines, f->totals.sum);
        return;
    }
    /* A pass that stopped at a too-long line read only part of the file:
     * no rate for it. */
    if (whole) {
        int64_t bytes = bench_iterations(s) * (int64_t)f->bytes;
        bench_set_items_processed(s, bytes);
        bench_set_bytes_processed(s, bytes);
    }
    bench_set_label(s, too_long ? "warm page cache; a line over the limit: error reported"
                       : !whole ? "warm page cache; lines silently short, no error"
                       : v->cold ? "cold page cache" : "warm page cache");
    if (v->long_lines) {
        bench_set_counter(s, "line_bytes", (double)f->line_bytes, BENCH_COUNTER_PLAIN);
        bench_set_counter(s, "read_whole", whole ? 1 : 0, BENCH_COUNTER_PLAIN);
        bench_set_counter(s, "error_reported", too_long ? 1 : 0, BENCH_COUNTER_PLAIN);
        /* How the last pass ended: lines it counted against the file's. */
        bench_set_counter(s, "lines_read", (double)t.lines, BENCH_COUNTER_PLAIN);
    }
    bench_set_counter(s, "file_bytes", (double)f->bytes, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "lines", (double)f->totals.lines, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "cached_fraction", cached, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "faults", (double)faults / (double)bench_iterations(s),
                      BENCH_COUNTER_PLAIN);
    if (v->method->heap_through_alloc)
        bench_set_counter(s, "alloc_peak_bytes", (double)c.stats.peak_live_bytes,
                          BENCH_COUNTER_PLAIN);
    if (!v->cold)
        case_rss_report(s, &r);
}

/* S5: a child may grow its address space by the file's size / LIMIT_SHARE
 * at most: a limit well under the file, well over what streaming needs. */
#define LIMIT_SHARE 4

/* One method over the largest file in a child under the limit: how it
 * ended and its peak resident memory. */
static void limit_case(bench_state *s, const void *user)
{
    const filescan_method *m = user;
    const test_file *f = test_file_for(files, nfiles, false, (size_t)bench_arg(s, 0));
    if (!f) {
        bench_fail_case(s, "no such file");
        return;
    }
    size_t budget = f->bytes / LIMIT_SHARE;
    char spec[256];
    stream_child_spec(spec, sizeof spec, m, f, false);
    /* The first repetition's child, kept for the others. */
    static struct {
        const filescan_method *method;
        limit_outcome o;
        uint64_t faults;
    } done[8];
    size_t slot = 0;
    while (slot < 8 && done[slot].method && done[slot].method != m)
        slot++;
    limit_outcome o = {0};
    int rc = 0;
    uint64_t faults = 0;
    while (bench_keep_running(s, 1)) {
        if (slot < 8 && done[slot].method == m) {
            o = done[slot].o;
            faults = done[slot].faults;
        } else {
            /* The child's work is the case's: its faults count once it
             * has been waited for. */
            uint64_t before = minor_faults_of_children();
            rc = limit_run_child("/proc/self/exe", budget, spec, &o);
            faults = minor_faults_of_children() - before;
        }
    }
    if (rc == 0 && slot < 8 && !done[slot].method)
        done[slot].method = m, done[slot].o = o, done[slot].faults = faults;
    if (rc != 0 || o.end == LIMIT_FAILED) {
        bench_fail_casef(s, "%s: the limited child could not start or failed otherwise "
                         "(exit status %d)", m->name, o.status);
        return;
    }
    bench_set_counter(s, "file_bytes", (double)f->bytes, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "limit_bytes", (double)budget, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "completed", o.end == LIMIT_COMPLETED, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "allocation_failed", o.end == LIMIT_NO_MEMORY, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "killed_by_signal", o.signal, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "faults", (double)faults, BENCH_COUNTER_PLAIN);   /* one pass */
    if (o.peak_rss)
        bench_set_counter(s, "peak_rss_bytes", (double)o.peak_rss, BENCH_COUNTER_PLAIN);
    char label[96], lim[32];
    snprintf(label, sizeof label, "%s under a limit of %s", limit_end_name(o.end),
             size_format(budget, lim, sizeof lim));
    bench_set_label(s, label);
}

/* 1 MiB, 16 MiB, 256 MiB, ... below max, then max itself: few sizes,
 * since memory grows linearly with the file for one method and not at
 * all for the others, and big files cost seconds each. */
static size_t plan_sizes(size_t max, size_t *out, size_t cap)
{
    size_t n = 0;
    for (size_t b = (size_t)1 << 20; b < max && n + 1 < cap; b *= 16)
        out[n++] = b;
    out[n++] = max;
    return n;
}

int main(int argc, char **argv)
{
    bench_options o = bench_cli_start(&stream_program, argc, argv);
    /* The plan: the size sweep, then the long-line files. */
    size_t sizes[MAX_FILES];
    size_t nsizes = plan_sizes(o.max_ws, sizes, MAX_FILES - 3);
    size_t long_bytes = o.quick ? QUICK_LONG_FILE_BYTES : LONG_FILE_BYTES;
    size_t nlong = o.quick ? QUICK_LONG_LINES : sizeof long_line_bytes / sizeof long_line_bytes[0];
    size_t total = 0, n = 0;
    for (size_t i = 0; i < nsizes; i++) {
        files[n++] = (test_file){.bytes = sizes[i]};
        total += sizes[i];
    }
    for (size_t i = 0; i < nlong; i++) {
        files[n++] = (test_file){.bytes = long_bytes, .line_bytes = long_line_bytes[i]};
        total += long_bytes;
    }
    /* slurp holds the largest file, and the page cache would like it too. */
    bench_cli_require_memory(sizes[nsizes - 1],
                             "slurping the largest file");

    const char *dir = scratch_create("stream");
    if (!dir)
        return 2;
    bool in_memory = scratch_in_memory(dir);
    if (in_memory) {
        fprintf(stderr, "stream: %s is in memory (tmpfs): the files use RAM, and the "
                        "cold cases are left out (set TMPDIR to a disk directory)\n", dir);
        bench_cli_require_memory(total + sizes[nsizes - 1],
                                 "the files in tmpfs plus slurping the largest");
    }
    size_t free_bytes = scratch_free_bytes(dir);
    size_t need = total + total / 10 + ((size_t)64 << 20);
    if (free_bytes != 0 && need > free_bytes) {
        char a[32], b[32];
        fprintf(stderr,
                "stream: the test files need %s (with room to spare) in %s, but only %s\n"
                "is free there.  Set TMPDIR to a roomier directory, or lower the largest\n"
                "file: --max-ws=256M (make bench MAX_WS=256M).\n",
                size_format(need, a, sizeof a), dir, size_format(free_bytes, b, sizeof b));
        return 2; /* the scratch directory goes at exit */
    }
    /* Listing the cases (the run script counts them for its progress)
     * needs their sizes, not the files: generating them took 19 s. */
    if (bench_cli_listing())
        nfiles = n;
    else if (!test_files_generate(files, n, o.seed, &nfiles))
        return 2;
    bench_add_context("stream_tmpdir", dir);
    bench_add_context("stream_tmpdir_in_memory", in_memory ? "yes (tmpfs)" : "no");
    bench_add_context("stream_page_cache",
                      "warm: the file is in the page cache (cached_fraction ~1); "
                      "cold: evicted with posix_fadvise(DONTNEED) before every pass, "
                      "a virtual machine's host may still cache it");

    int64_t sweep[MAX_FILES], cold[MAX_FILES], lines[MAX_FILES];
    size_t nsweep = 0, ncold = 0, nlines = 0;
    for (size_t i = 0; i < nfiles; i++) {
        if (files[i].line_bytes) {
            lines[nlines++] = (int64_t)files[i].line_bytes;
            continue;
        }
        sweep[nsweep++] = (int64_t)files[i].bytes;
        if (files[i].bytes <= COLD_MAX_BYTES)
            cold[ncold++] = (int64_t)files[i].bytes;
    }
    for (size_t v = 0; v < NVARIANTS; v++) {
        const variant *var = &variants[v];
        if (var->cold && (in_memory || ncold == 0))
            continue;
        bench_def def = {
            .run = stream_case,
            .user = var,
            .args = var->long_lines ? lines : var->cold ? cold : sweep,
            .nargs = var->long_lines ? nlines : var->cold ? ncold : nsweep,
        };
        if (bench_register_named(def, "stream/%s%s%s", var->long_lines ? "long_" : "",
                                 var->method->name, var->cold ? "_cold" : "") != 0)
            return 2;
    }
    /* S5: every method over the largest file, under the limit. */
    for (size_t m = 0; m < filescan_method_count && nsweep > 0; m++) {
        bench_def def = {
            .run = limit_case,
            .user = filescan_methods[m],
            .args = &sweep[nsweep - 1],
            .nargs = 1,
            .iterations = 1,
        };
        if (bench_register_named(def, "stream/limit_%s", filescan_methods[m]->name) != 0)
            return 2;
    }
    int status = bench_cli_finish();
    scratch_remove();
    return status;
}
