/* rules/gallery.c - the rules of the cache gallery's claims (X1-X7). */
#include "report/levels.h"
#include "report/rules.h"
#include "report/significance.h"
#include "report/sweep.h"

#include <stdio.h>
#include <string.h>

/*
 * Thresholds, fixed before measuring (docs/claims.md says why each):
 *   X1  a read per line costs at least 2x a read of the next element,
 *       in each measured level; each level's reads per line cost
 *       RULE_MIN_RATIO more than the level below
 *   X2  four chases cost at most half of one per load
 *   X3  the power-of-two pitch costs at least 1.5x the padded one
 *   X4  counters on one line cost at least 1.5x thread-local ones, and
 *       1.5x counters two lines apart
 *   X5  a random walk costs at least 2x per line both predictable walks
 *   X6  crossing pages costs at least 1.2x staying in one; huge pages
 *       take at least 1.2x off the walk across pages
 *   X7  a plain write pass costs at least 1.25x a read pass, and 1.25x a
 *       streaming-store pass
 */
#define X1_LINE_RATIO 2.0
#define X2_MIN_GAIN 2.0
#define X2_CHAINS 4
#define X3_MIN_RATIO 1.5
#define X4_MIN_RATIO 1.5
#define X5_MIN_RATIO 2.0
#define X6_MIN_RATIO 1.2
#define X7_MIN_RATIO 1.25

/* Single-threaded kernels are judged in CPU time: on a shared machine it
 * leaves out the time another process held the CPU.  X4's two threads
 * are judged in wall-clock time: running at once is the point. */
#define CPU_METRIC "cpu_ns_per_item"
#define WALL_METRIC "ns_per_item"

#define GALLERY_MAX_SIZES 160
/* Parts of one verdict: X1's line part and a step per pair of levels. */
#define GALLERY_MAX_PARTS (1 + LEVEL_SLOTS)
#define GALLERY_MAX_SAMPLES 1024

/* The one case of a family with a single argument ("gallery/tlb/
 * across_base" -> "gallery/tlb/across_base/268435456"); false when none. */
static bool only_case(const report_run *run, const char *prefix, char *name, size_t size)
{
    double arg;
    if (report_run_args(run, prefix, &arg, 1) == 0)
        return false;
    snprintf(name, size, "%s/%.0f", prefix, arg);
    return true;
}

/*
 * One comparison as a part of a verdict: 'costly' must cost at least
 * min_ratio times 'cheap' on metric, with the ratio's interval above 1.
 * Holds, within noise, or does not hold (smaller, or reversed); not
 * measured when a case is missing or failed.  Adds a row to the body's
 * table and the ratio to *ratio (0 when not measured).
 */
static void compare_part(const report_run *run, const char *label, const char *costly,
                         const char *cheap, const char *metric, double min_ratio,
                         verdict *part, claim_result *out, double *ratio)
{
    case_comparison c;
    sample_status st = compare_cases(run, costly, cheap, metric, min_ratio, &c);
    *ratio = 0;
    if (st != SAMPLE_OK) {
        const char *which = report_run_summary(run, costly, metric, &c.costly) != SAMPLE_OK
                                ? costly : cheap;
        verdict_set(part, VERDICT_NOT_MEASURED, "%s %s", which,
                    st == SAMPLE_FAILED ? "failed its check" : "is missing");
        text_printf(&out->body, "| %s | not measured: %s | | | |\n", label,
                    text_str(&part->condition));
        return;
    }
    *ratio = c.costly.median / c.cheap.median;
    switch (c.status) {
    case COMPARE_HOLDS: verdict_set(part, VERDICT_HOLDS, NULL); break;
    case COMPARE_NOISE: verdict_set(part, VERDICT_WITHIN_NOISE, NULL); break;
    default:
        verdict_set(part, VERDICT_DOES_NOT_HOLD, NULL);
        text_printf(&part->note, "%.2fx, the rule asks for %.2fx", *ratio, min_ratio);
        break;
    }
    char ci[64] = "";
    if (c.has_ci)
        stats_ratio_ci_format(&c.ci, ci, sizeof ci);
    text_printf(&out->body, "| %s | %.3g (%.3g .. %.3g) | %.3g (%.3g .. %.3g) | %s | "
                "%.2fx | %s |\n", label, c.costly.median, c.costly.min, c.costly.max,
                c.cheap.median, c.cheap.min, c.cheap.max, c.has_ci ? ci : "no interval",
                min_ratio, compare_status_name(c.status));
}

static void table_head(claim_result *out, const char *unit)
{
    text_printf(&out->body, "| comparison | costly: %s (range) | cheap: %s (range) | "
                "ratio [95%% interval] | rule | outcome |\n|---|---|---|---|---|---|\n",
                unit, unit);
}

static void free_parts(verdict *parts, size_t n)
{
    for (size_t i = 0; i < n; i++)
        verdict_free(&parts[i]);
}

/* verdict_combine() of the parts that were measured, the others named in
 * the note: a gallery claim rests on each comparison it could make (a
 * machine without huge pages still shows what crossing pages costs).
 * Not measured only when no part was. */
static void combine_measured(verdict *out, const verdict *parts, const char *const *names,
                             size_t n)
{
    verdict kept[GALLERY_MAX_PARTS];
    const char *kept_names[GALLERY_MAX_PARTS];
    size_t m = 0;
    if (n > GALLERY_MAX_PARTS)
        n = GALLERY_MAX_PARTS;
    for (size_t i = 0; i < n; i++)
        if (parts[i].kind != VERDICT_NOT_MEASURED) {
            kept[m] = parts[i];   /* shallow: freed with parts, not here */
            kept_names[m++] = names[i];
        }
    if (m == 0 || m == n) {
        verdict_combine(out, parts, names, n);
        return;
    }
    verdict_combine(out, kept, kept_names, m);
    for (size_t i = 0; i < n; i++)
        if (parts[i].kind == VERDICT_NOT_MEASURED)
            text_printf(&out->note, "%s%s not measured: %s", out->note.len ? "; " : "",
                        names[i], text_str(&parts[i].condition));
}

/* --- X1: the memory mountain ------------------------------------------------ */

/* The group (levels.h: 0 = L1 .. level_count - 1 = memory) a working set
 * is well inside: at least twice the level below and at most half its
 * own; -1 within a factor two of a boundary, where the curve is between
 * two levels and belongs to neither. */
static int level_well_inside(const report_levels *lv, double ws)
{
    size_t k = level_of(lv, ws);
    double below = k > 0 ? level_size(lv, k - 1) : 0, own = level_size(lv, k);
    if (ws < 2 * below || (own > 0 && ws > own / 2))
        return -1;
    return (int)k;
}

/* The samples of every mountain case at stride s whose working set
 * (counter ws_bytes) is well inside group 'level' of the run's measured
 * levels, pooled: sizes and repetitions together.  Returns how many. */
static size_t level_samples(const report_run *run, const report_levels *lv, int stride,
                            int level, double *out, size_t cap, size_t *nsizes)
{
    char prefix[64], name[96];
    snprintf(prefix, sizeof prefix, "gallery/mountain/s%d", stride);
    double args[GALLERY_MAX_SIZES];
    size_t nargs = report_run_args(run, prefix, args, GALLERY_MAX_SIZES), n = 0;
    *nsizes = 0;
    for (size_t i = 0; i < nargs && i < GALLERY_MAX_SIZES; i++) {
        snprintf(name, sizeof name, "%s/%.0f", prefix, args[i]);
        summary ws;
        if (report_run_summary(run, name, "ws_bytes", &ws) != SAMPLE_OK ||
            level_well_inside(lv, ws.median) != level)
            continue;
        size_t count = 0;
        if (report_run_samples(run, name, CPU_METRIC, out + n, cap - n, &count) != SAMPLE_OK)
            continue;
        n += count < cap - n ? count : cap - n;
        (*nsizes)++;
    }
    return n;
}

/* Reads per line of each level against the level below, at the stride of
 * a line: one part per pair of neighbouring levels that both have sizes
 * well inside them, into steps[] named names[] (from name_buf), each a
 * part of the claim beside "within a line" (a verdict made of verdicts
 * would read "for with each level, for L1 to L2, ..."); one part "with
 * each level", not measured, when no pair has.  The levels are the run's
 * measured ones, as every sweep's (report_levels_of_run).  Returns how
 * many parts it wrote, at most LEVEL_SLOTS - 1. */
static size_t x1_levels(const report_run *run, int stride, verdict *steps,
                        const char **names, char (*name_buf)[32], claim_result *out)
{
    double inner[GALLERY_MAX_SAMPLES], outer[GALLERY_MAX_SAMPLES];
    size_t nsteps = 0;
    report_levels lv;
    report_levels_of_run(run, &lv);
    text_printf(&out->body, "\nOne read per line (stride %d elements), every size well "
                "inside a level pooled (its repetitions too; levels from %s, a size "
                "within a factor two of a boundary left out):\n\n| step | ns per read, "
                "outer level | ns per read, inner level | ratio [95%% interval] | rule | "
                "outcome |\n|---|---|---|---|---|---|\n", stride,
                level_source_name(lv.source));
    for (size_t k = 0; k + 1 < level_count(&lv) && k + 1 < LEVEL_SLOTS; k++) {
        size_t si, so;
        char step[32];
        snprintf(step, sizeof step, "%s to %s", level_name(&lv, k), level_name(&lv, k + 1));
        size_t ni = level_samples(run, &lv, stride, (int)k, inner, GALLERY_MAX_SAMPLES, &si);
        size_t no = level_samples(run, &lv, stride, (int)k + 1, outer, GALLERY_MAX_SAMPLES,
                                  &so);
        if (ni == 0 || no == 0) {
            text_printf(&out->body, "| %s | no size inside %s | | | | |\n", step,
                        level_name(&lv, ni == 0 ? k : k + 1));
            continue;
        }
        ratio_ci ci;
        verdict *v = &steps[nsteps];
        snprintf(name_buf[nsteps], sizeof name_buf[nsteps], "%s", step);
        names[nsteps] = name_buf[nsteps];
        nsteps++;
        summary a = summary_of(outer, no), b = summary_of(inner, ni);
        bool has_ci = stats_ratio_ci95(outer, no, inner, ni, &ci);
        compare_status st = has_ci ? ratio_ci_status(&ci, RULE_MIN_RATIO)
                                   : summary_compare(a, b, RULE_MIN_RATIO);
        verdict_set(v, st == COMPARE_HOLDS ? VERDICT_HOLDS
                       : st == COMPARE_NOISE ? VERDICT_WITHIN_NOISE : VERDICT_DOES_NOT_HOLD,
                    NULL);
        char buf[64];
        text_printf(&out->body, "| %s | %.3g (%zu sizes) | %.3g (%zu sizes) | %s | %.2fx | "
                    "%s |\n", step, a.median, so, b.median, si,
                    has_ci ? stats_ratio_ci_format(&ci, buf, sizeof buf) : "no interval",
                    RULE_MIN_RATIO,
                    compare_status_name(st));
    }
    if (nsteps > 0)
        return nsteps;
    verdict_set(&steps[0], VERDICT_NOT_MEASURED, "no two neighbouring levels with sizes "
                "inside them at stride %d", stride);
    names[0] = "with each level";
    return 1;
}

/* Bandwidth falls with the stride within a line (one read per line
 * against reads of every element, judged per measured level by the
 * shared sweep code) and with each level (at one read per line, each
 * level against the one below). */
void judge_x1(const report_run *run, claim_result *out)
{
    double largest[GALLERY_MAX_SIZES];
    size_t n = report_run_args(run, "gallery/mountain/s1", largest, GALLERY_MAX_SIZES);
    if (n == 0) {
        verdict_set(&out->v, VERDICT_NOT_MEASURED, "no case gallery/mountain/s1/<bytes>");
        return;
    }
    double ws = largest[(n < GALLERY_MAX_SIZES ? n : GALLERY_MAX_SIZES) - 1];
    char near[96], per_line[32];
    snprintf(near, sizeof near, "gallery/mountain/s1/%.0f", ws);
    summary line;
    int stride = 16;   /* 64-byte lines of 4-byte elements, unless told */
    if (report_run_summary(run, near, "line_bytes", &line) == SAMPLE_OK && line.median >= 8)
        stride = (int)(line.median / 4);
    snprintf(per_line, sizeof per_line, "mountain/s%d", stride);

    verdict parts[GALLERY_MAX_PARTS];
    for (size_t k = 0; k < GALLERY_MAX_PARTS; k++)
        parts[k] = (verdict)VERDICT_INIT;
    const char *names[GALLERY_MAX_PARTS] = {"within a line"};
    char step_names[LEVEL_SLOTS][32];
    text_printf(&out->body, "Rule: at every measured level, a read of one element per "
                "line costs at least %.1fx a read of every element; and at one read per "
                "line, each level costs at least %.2fx the level below. CPU time per "
                "read.\n\n", X1_LINE_RATIO, RULE_MIN_RATIO);
    const sweep_spec within = {
        .bench = "gallery", .metric = CPU_METRIC, .ws_counter = "ws_bytes",
        .min_ratio = X1_LINE_RATIO, .unit = "ns per read",
        .pairs = {{per_line, "mountain/s1", "one read per line / every element"}},
        .npairs = 1,
    };
    /* report.json: the sweep states "ns per read" and its 2x; the claim
     * has one threshold there (the first), the steps' 1.10x is in the
     * markdown. */
    sweep_claim_part(&within, run, names[0], &parts[0], out);
    size_t nparts = 1 + x1_levels(run, stride, parts + 1, names + 1, step_names, out);
    combine_measured(&out->v, parts, names, nparts);
    free_parts(parts, nparts);

    /* The mountain's peak and floor, in GB/s of elements read per second
     * of CPU time, as the verdict reads its times. */
    double peak = 0, floor_ = 0;
    char peak_at[96] = "", floor_at[96] = "";
    static const int strides[] = {1, 2, 3, 4, 6, 8, 12, 16, 24, 32};
    for (size_t i = 0; i < sizeof strides / sizeof strides[0]; i++) {
        char prefix[48], name[96];
        snprintf(prefix, sizeof prefix, "gallery/mountain/s%d", strides[i]);
        double args[GALLERY_MAX_SIZES];
        size_t m = report_run_args(run, prefix, args, GALLERY_MAX_SIZES);
        for (size_t j = 0; j < m && j < GALLERY_MAX_SIZES; j++) {
            summary t;
            snprintf(name, sizeof name, "%s/%.0f", prefix, args[j]);
            if (report_run_summary(run, name, CPU_METRIC, &t) != SAMPLE_OK || t.median <= 0)
                continue;
            summary bw = {.median = 4e9 / t.median};   /* 4-byte elements, per CPU second */
            char h[32];
            if (bw.median > peak) {
                peak = bw.median;
                snprintf(peak_at, sizeof peak_at, "stride %d, %s", strides[i],
                         bytes_human(args[j], h, sizeof h));
            }
            if (floor_ == 0 || bw.median < floor_) {
                floor_ = bw.median;
                snprintf(floor_at, sizeof floor_at, "stride %d, %s", strides[i],
                         bytes_human(args[j], h, sizeof h));
            }
        }
    }
    text_printf(&out->figures, "%speak %.1f GB/s (%s), floor %.2f GB/s (%s)",
                out->figures.len ? "; " : "", peak / 1e9, peak_at, floor_ / 1e9, floor_at);
    text_printf(&out->body, "\nThe mountain's peak: %.1f GB/s (%s); its floor: %.2f GB/s "
                "(%s), in bytes of elements read per second of CPU time.\n\n",
                peak / 1e9, peak_at, floor_ / 1e9, floor_at);
}

/* --- X2: memory-level parallelism -------------------------------------------------- */

/* Four chases in turn cost at most 1 / X2_MIN_GAIN of one chase per load;
 * where adding chases stops paying is a figure, not a condition. */
void judge_x2(const report_run *run, claim_result *out)
{
    claim_result_measure(out, "ns per load", X2_MIN_GAIN);
    char four[48];
    snprintf(four, sizeof four, "gallery/mlp/%d", X2_CHAINS);
    text_printf(&out->body, "Rule: past the caches, with %d independent chases in turn "
                "a load costs at most 1/%.0f of a lone chase's (CPU time per load).\n\n",
                X2_CHAINS, X2_MIN_GAIN);
    table_head(out, "ns per load");
    double gain;
    compare_part(run, "1 chase / 4 chases", "gallery/mlp/1", four, CPU_METRIC, X2_MIN_GAIN,
                 &out->v, out, &gain);
    if (out->v.kind == VERDICT_NOT_MEASURED)
        return;
    double ks[16], ns[16];
    size_t n = report_run_args(run, "gallery/mlp", ks, 16), m = 0;
    text_printf(&out->body, "\n| chases | ns per load | range |\n|---|---|---|\n");
    for (size_t i = 0; i < n && i < 16; i++) {
        char name[48];
        summary s;
        snprintf(name, sizeof name, "gallery/mlp/%.0f", ks[i]);
        if (report_run_summary(run, name, CPU_METRIC, &s) != SAMPLE_OK)
            continue;
        text_printf(&out->body, "| %.0f | %.3g | %.3g .. %.3g |\n", ks[i], s.median, s.min,
                    s.max);
        ks[m] = ks[i];
        ns[m++] = s.median;
    }
    /* Levels off at the fewest chases within 10% of the most chases'. */
    double off = m ? ks[m - 1] : 0;
    for (size_t i = 0; i < m; i++)
        if (ns[i] <= 1.1 * ns[m - 1]) {
            off = ks[i];
            break;
        }
    text_printf(&out->figures, "%.0f ns per load alone, %.1fx less with %d chases; "
                "levels off at %.0f chases (%.1f ns)", m ? ns[0] : 0, gain, X2_CHAINS,
                off, m ? ns[m - 1] : 0);
    text_printf(&out->body, "\nThe time per load levels off (within 10%% of the most "
                "chases') from %.0f chases.\n\n", off);
}

/* --- X3: associativity ---------------------------------------------------------------- */

/* The column at a 4096-byte pitch costs at least X3_MIN_RATIO times the
 * column at 4096 + 64; the pitches of the sweep that cost as much are
 * listed as the spikes. */
void judge_x3(const report_run *run, claim_result *out)
{
    claim_result_measure(out, "ns per load", X3_MIN_RATIO);
    text_printf(&out->body, "Rule: a chase down 16 rows 4096 B apart costs at least "
                "%.1fx per load the same chase with rows 4160 B apart (CPU time).\n\n",
                X3_MIN_RATIO);
    table_head(out, "ns per load");
    double ratio;
    compare_part(run, "pitch 4096 / 4160", "gallery/assoc/4096", "gallery/assoc/4160",
                 CPU_METRIC, X3_MIN_RATIO, &out->v, out, &ratio);
    if (out->v.kind == VERDICT_NOT_MEASURED)
        return;
    summary padded;
    report_run_summary(run, "gallery/assoc/4160", CPU_METRIC, &padded);
    double pitches[64];
    size_t n = report_run_args(run, "gallery/assoc", pitches, 64), spikes = 0;
    text_printf(&out->body, "\nPitches of the sweep whose load costs at least %.1fx the "
                "padded pitch's:", X3_MIN_RATIO);
    text_printf(&out->figures, "pitch 4096 B costs %.2fx pitch 4160 B per load; spikes at",
                ratio);
    for (size_t i = 0; i < n && i < 64; i++) {
        char name[48];
        summary s;
        snprintf(name, sizeof name, "gallery/assoc/%.0f", pitches[i]);
        if (report_run_summary(run, name, CPU_METRIC, &s) == SAMPLE_OK &&
            s.median >= X3_MIN_RATIO * padded.median) {
            text_printf(&out->body, " %.0f", pitches[i]);
            text_printf(&out->figures, " %.0f", pitches[i]);
            spikes++;
        }
    }
    text_printf(&out->body, "%s B.\n\n", spikes ? "" : " none");
    text_printf(&out->figures, "%s B", spikes ? "" : " none");
}

/* --- X4: false sharing ------------------------------------------------------------------ */

/* Counters on one line cost at least X4_MIN_RATIO times thread-local
 * ones, and times counters two lines apart (wall-clock time per increment
 * of one thread, both running). */
void judge_x4(const report_run *run, claim_result *out)
{
    claim_result_measure(out, "ns per increment", X4_MIN_RATIO);
    static const char *const names[] = {"against thread-local counters",
                                        "against counters two lines apart"};
    char one[96], local[96], two[96], next[96];
    if (!only_case(run, "gallery/falseshare/one_line", one, sizeof one)) {
        verdict_set(&out->v, VERDICT_NOT_MEASURED, "no case gallery/falseshare/one_line/<n>");
        return;
    }
    if (!only_case(run, "gallery/falseshare/local", local, sizeof local))
        snprintf(local, sizeof local, "gallery/falseshare/local");
    if (!only_case(run, "gallery/falseshare/two_lines", two, sizeof two))
        snprintf(two, sizeof two, "gallery/falseshare/two_lines");
    text_printf(&out->body, "Rule: two threads each incrementing its own counter; with "
                "the counters on one line an increment costs at least %.1fx one on a "
                "counter of the thread's own stack, and %.1fx one with the counters two "
                "lines apart (wall-clock time per increment of one thread).\n\n",
                X4_MIN_RATIO, X4_MIN_RATIO);
    table_head(out, "ns per increment");
    verdict parts[2] = {VERDICT_INIT, VERDICT_INIT};
    double r_local, r_two, r_next = 0;
    compare_part(run, "one line / thread-local", one, local, WALL_METRIC, X4_MIN_RATIO,
                 &parts[0], out, &r_local);
    compare_part(run, "one line / two lines apart", one, two, WALL_METRIC, X4_MIN_RATIO,
                 &parts[1], out, &r_two);
    combine_measured(&out->v, parts, names, 2);
    free_parts(parts, 2);
    if (only_case(run, "gallery/falseshare/next_line", next, sizeof next)) {
        verdict aside = VERDICT_INIT;
        compare_part(run, "one line / next line (not judged)", one, next, WALL_METRIC,
                     X4_MIN_RATIO, &aside, out, &r_next);
        verdict_free(&aside);
    }
    text_printf(&out->figures, "one line costs %.1fx thread-local, %.1fx two lines apart, "
                "%.1fx the next line", r_local, r_two, r_next);
    text_printf(&out->body, "\n");
}

/* --- X5: the prefetcher ------------------------------------------------------------------ */

/* A random chase costs at least X5_MIN_RATIO times per line a sequential
 * one, and a chase at a fixed stride, over the same lines. */
void judge_x5(const report_run *run, claim_result *out)
{
    claim_result_measure(out, "ns per line", X5_MIN_RATIO);
    static const char *const names[] = {"sequential", "fixed stride"};
    char seq[96], stride[96], random[96];
    if (!only_case(run, "gallery/prefetch/random", random, sizeof random)) {
        verdict_set(&out->v, VERDICT_NOT_MEASURED, "no case gallery/prefetch/random/<bytes>");
        return;
    }
    if (!only_case(run, "gallery/prefetch/sequential", seq, sizeof seq))
        snprintf(seq, sizeof seq, "gallery/prefetch/sequential");
    if (!only_case(run, "gallery/prefetch/stride", stride, sizeof stride))
        snprintf(stride, sizeof stride, "gallery/prefetch/stride");
    text_printf(&out->body, "Rule: over the same lines past the caches, a chase in a "
                "random order costs at least %.0fx per line a chase in sequential order, "
                "and one at a fixed stride (CPU time per line).\n\n", X5_MIN_RATIO);
    table_head(out, "ns per line");
    verdict parts[2] = {VERDICT_INIT, VERDICT_INIT};
    double r_seq, r_stride;
    compare_part(run, "random / sequential", random, seq, CPU_METRIC, X5_MIN_RATIO,
                 &parts[0], out, &r_seq);
    compare_part(run, "random / fixed stride", random, stride, CPU_METRIC, X5_MIN_RATIO,
                 &parts[1], out, &r_stride);
    combine_measured(&out->v, parts, names, 2);
    free_parts(parts, 2);
    text_printf(&out->figures, "random costs %.1fx sequential and %.1fx a fixed stride "
                "per line", r_seq, r_stride);
    /* Beside the read bandwidth of the writes family: how near it a chase is. */
    char read[96];
    summary rd, sq;
    if (only_case(run, "gallery/writes/read", read, sizeof read) &&
        report_run_summary(run, read, CPU_METRIC, &rd) == SAMPLE_OK &&
        report_run_summary(run, seq, CPU_METRIC, &sq) == SAMPLE_OK)
        text_printf(&out->body, "\nBeside it, a read pass of independent loads "
                    "(gallery/writes/read, huge pages) takes %.3g ns per line; the "
                    "sequential chase, each load waiting for the one before, %.3g ns.\n",
                    rd.median, sq.median);
    text_printf(&out->body, "\n");
}

/* --- X6: TLB reach ----------------------------------------------------------------------- */

static void x6_pages_part(const report_run *run, const char *huge, verdict *part)
{
    summary f;
    if (part->kind == VERDICT_NOT_MEASURED)
        return;
    if (report_run_summary(run, huge, "huge_fraction", &f) != SAMPLE_OK || f.median < 0.9)
        verdict_set(part, VERDICT_NOT_MEASURED, "the kernel backed only %.0f%% of the "
                    "huge-page buffer with huge pages (transparent huge pages off?)",
                    report_run_summary(run, huge, "huge_fraction", &f) == SAMPLE_OK
                        ? 100 * f.median : 0.0);
}

/* A random walk across pages costs at least X6_MIN_RATIO times a walk
 * that stays in each page, and huge pages take at least that much off the
 * walk across pages. */
void judge_x6(const report_run *run, claim_result *out)
{
    claim_result_measure(out, "ns per load", X6_MIN_RATIO);
    static const char *const names[] = {"crossing pages", "huge pages"};
    char within[96], across[96], huge[96];
    if (!only_case(run, "gallery/tlb/across_base", across, sizeof across)) {
        verdict_set(&out->v, VERDICT_NOT_MEASURED, "no case gallery/tlb/across_base/<bytes>");
        return;
    }
    if (!only_case(run, "gallery/tlb/within_base", within, sizeof within))
        snprintf(within, sizeof within, "gallery/tlb/within_base");
    if (!only_case(run, "gallery/tlb/across_huge", huge, sizeof huge))
        snprintf(huge, sizeof huge, "gallery/tlb/across_huge");
    text_printf(&out->body, "Rule: a random chase over every line past the caches costs "
                "at least %.1fx per load when it jumps between 4 KiB pages than when it "
                "finishes each page first, and at least %.1fx on base pages what it "
                "costs on huge pages (CPU time per load).\n\n", X6_MIN_RATIO, X6_MIN_RATIO);
    table_head(out, "ns per load");
    verdict parts[2] = {VERDICT_INIT, VERDICT_INIT};
    double r_pages, r_huge;
    compare_part(run, "across pages / within pages", across, within, CPU_METRIC,
                 X6_MIN_RATIO, &parts[0], out, &r_pages);
    compare_part(run, "base pages / huge pages", across, huge, CPU_METRIC, X6_MIN_RATIO,
                 &parts[1], out, &r_huge);
    x6_pages_part(run, huge, &parts[1]);
    combine_measured(&out->v, parts, names, 2);
    free_parts(parts, 2);
    text_printf(&out->figures, "across pages costs %.1fx within pages; base pages %.1fx "
                "huge pages", r_pages, r_huge);
    text_printf(&out->body, "\n");
}

/* --- X7: write costs ------------------------------------------------------------------------ */

/* A plain write pass costs at least X7_MIN_RATIO times a read pass (the
 * line is read before it is written), and times a streaming-store pass
 * (which does not read it). */
void judge_x7(const report_run *run, claim_result *out)
{
    claim_result_measure(out, "ns per line", X7_MIN_RATIO);
    static const char *const names[] = {"write-allocate", "streaming stores"};
    char read[96], write[96], stream[96], rmw[96];
    if (!only_case(run, "gallery/writes/write", write, sizeof write)) {
        verdict_set(&out->v, VERDICT_NOT_MEASURED, "no case gallery/writes/write/<bytes>");
        return;
    }
    if (!only_case(run, "gallery/writes/read", read, sizeof read))
        snprintf(read, sizeof read, "gallery/writes/read");
    if (!only_case(run, "gallery/writes/stream", stream, sizeof stream))
        snprintf(stream, sizeof stream, "gallery/writes/stream");
    text_printf(&out->body, "Rule: over a buffer past the caches, a pass of plain stores "
                "costs at least %.2fx a read pass, and %.2fx a pass of streaming "
                "(non-temporal) stores (CPU time per line).\n\n", X7_MIN_RATIO, X7_MIN_RATIO);
    table_head(out, "ns per line");
    verdict parts[2] = {VERDICT_INIT, VERDICT_INIT};
    double r_read, r_stream, r_rmw = 0;
    compare_part(run, "write / read", write, read, CPU_METRIC, X7_MIN_RATIO, &parts[0],
                 out, &r_read);
    compare_part(run, "write / stream", write, stream, CPU_METRIC, X7_MIN_RATIO, &parts[1],
                 out, &r_stream);
    summary nt;
    if (parts[1].kind != VERDICT_NOT_MEASURED &&
        report_run_summary(run, stream, "nt_stores", &nt) != SAMPLE_OK)
        verdict_set(&parts[1], VERDICT_NOT_MEASURED, "this build has no streaming stores "
                    "(no SSE2): the stream pass used plain stores");
    if (only_case(run, "gallery/writes/rmw", rmw, sizeof rmw)) {
        verdict aside = VERDICT_INIT;
        compare_part(run, "read-modify-write / write (not judged)", rmw, write, CPU_METRIC,
                     X7_MIN_RATIO, &aside, out, &r_rmw);
        verdict_free(&aside);
    }
    combine_measured(&out->v, parts, names, 2);
    free_parts(parts, 2);
    text_printf(&out->figures, "a plain write pass costs %.2fx a read pass and %.2fx a "
                "streaming one; read-modify-write %.2fx a write", r_read, r_stream, r_rmw);
    /* GB/s of each pass, for the lesson's table. */
    static const char *const kinds[] = {"read", "write", "rmw", "stream"};
    text_printf(&out->body, "\nGB/s of each pass (bytes of the buffer per second of "
                "wall-clock time, median):");
    for (size_t i = 0; i < 4; i++) {
        char prefix[48], name[96];
        summary bw;
        snprintf(prefix, sizeof prefix, "gallery/writes/%s", kinds[i]);
        if (only_case(run, prefix, name, sizeof name) &&
            report_run_summary(run, name, "bytes_per_second", &bw) == SAMPLE_OK)
            text_printf(&out->body, " %s %.2f;", kinds[i], bw.median / 1e9);
    }
    text_printf(&out->body, "\n\n");
}
