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
#define CASE_NAME 96   /* room for any case name of the gallery */
/* Parts of one verdict: X1's line part and a step per pair of levels. */
#define GALLERY_MAX_PARTS (1 + LEVEL_SLOTS)
#define GALLERY_MAX_SAMPLES 1024

/* The one case of a family with a single argument ("gallery/tlb/
 * across_base" -> "gallery/tlb/across_base/268435456") into
 * name[CASE_NAME]; false when none. */
static bool only_case(const report_run *run, const char *family, char *name)
{
    double arg;
    if (report_run_args(run, family, &arg, 1) == 0)
        return false;
    report_case_name_at(name, CASE_NAME, arg, "%s", family);
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
    *ratio = c.has_ci ? c.ci.ratio : c.costly.median / c.cheap.median;
    verdict_set(part, compare_verdict_kind(c.status), NULL);
    if (part->kind == VERDICT_DOES_NOT_HOLD)
        text_printf(&part->note, "%.2fx, the rule asks for %.2fx", *ratio, min_ratio);
    char ci[96] = "";
    if (c.has_ci) {
        stats_ratio_ci_format(&c.ci, ci, sizeof ci);
        compare_processes_note(&c, ci + strlen(ci), sizeof ci - strlen(ci));
    }
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

/* A comparison shown in the table but not judged; returns its ratio (0
 * when not measured). */
static double aside_part(const report_run *run, const char *label, const char *costly,
                         const char *cheap, const char *metric, double min_ratio,
                         claim_result *out)
{
    verdict aside = VERDICT_INIT;
    double ratio;
    compare_part(run, label, costly, cheap, metric, min_ratio, &aside, out, &ratio);
    verdict_free(&aside);
    return ratio;
}

/* --- claims of two comparisons (X4-X7) --------------------------------------- */

/*
 * A claim that one costly case costs min_ratio times each of two cheap
 * ones, every case the one of its family: the shape of X4 to X7.  The
 * judge writes its rule between pair_start() and pair_judge(), and its
 * figures after.
 */
typedef struct pair_claim {
    const char *unit;        /* of the figures: "ns per load" */
    double min_ratio;
    const char *metric;      /* CPU_METRIC or WALL_METRIC */
    const char *costly;      /* the costly case's family */
    const char *costly_arg;  /* what its argument counts ("no case <family>/<n>") */
    const char *cheap[2];    /* the cheap cases' families */
    const char *labels[2];   /* each comparison's row in the table */
    const char *names[2];    /* each part's name in the verdict */
    /* NULL, or what the second comparison needs beyond its cases (huge
     * pages, streaming stores): makes that part not measured, saying
     * why, when the cheap case did not get it. */
    void (*check_second)(const report_run *run, const char *cheap, verdict *part);
} pair_claim;

/* The cases of a pair claim on one run, its two parts and their ratios. */
typedef struct pair_parts {
    char costly[CASE_NAME], cheap[2][CASE_NAME];
    verdict part[2];
    double ratio[2];
} pair_parts;

/* States the unit and threshold and finds the cases; a cheap family
 * without a case keeps the family's name, for its part to say it is
 * missing.  False, the claim not measured, without the costly case. */
static bool pair_start(const report_run *run, const pair_claim *c, pair_parts *p,
                       claim_result *out)
{
    claim_result_measure(out, c->unit, c->min_ratio);
    *p = (pair_parts){.part = {VERDICT_INIT, VERDICT_INIT}};
    if (!only_case(run, c->costly, p->costly)) {
        verdict_set(&out->v, VERDICT_NOT_MEASURED, "no case %s/<%s>", c->costly,
                    c->costly_arg);
        return false;
    }
    for (size_t i = 0; i < 2; i++)
        if (!only_case(run, c->cheap[i], p->cheap[i]))
            snprintf(p->cheap[i], CASE_NAME, "%s", c->cheap[i]);
    return true;
}

/* The table's head and a row per comparison, each deciding its part,
 * then the claim's verdict from the parts (combine_measured); the ratios
 * stay in p, the parts are freed. */
static void pair_judge(const report_run *run, const pair_claim *c, pair_parts *p,
                       claim_result *out)
{
    table_head(out, c->unit);
    for (size_t i = 0; i < 2; i++)
        compare_part(run, c->labels[i], p->costly, p->cheap[i], c->metric, c->min_ratio,
                     &p->part[i], out, &p->ratio[i]);
    if (c->check_second && p->part[1].kind != VERDICT_NOT_MEASURED)
        c->check_second(run, p->cheap[1], &p->part[1]);
    combine_measured(&out->v, p->part, c->names, 2);
    free_parts(p->part, 2);
}

/* --- X1: the memory mountain ------------------------------------------------ */

/* The mountain's family at stride s ("gallery/mountain/s16") into
 * family[CASE_NAME], and its working sets, ascending, into
 * args[GALLERY_MAX_SIZES]; returns how many. */
static size_t mountain_sizes(const report_run *run, int stride, char *family, double *args)
{
    snprintf(family, CASE_NAME, "gallery/mountain/s%d", stride);
    size_t n = report_run_args(run, family, args, GALLERY_MAX_SIZES);
    return n < GALLERY_MAX_SIZES ? n : GALLERY_MAX_SIZES;
}

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
    char family[CASE_NAME], name[CASE_NAME];
    double args[GALLERY_MAX_SIZES];
    size_t nargs = mountain_sizes(run, stride, family, args), n = 0;
    *nsizes = 0;
    for (size_t i = 0; i < nargs; i++) {
        report_case_name_at(name, CASE_NAME, args[i], "%s", family);
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
        verdict_set(v, compare_verdict_kind(st), NULL);
        char buf[64];
        text_printf(&out->body, "| %s | %.3g (%zu sizes) | %.3g (%zu sizes) | %s | %.2fx | "
                    "%s |\n", step, a.median, so, b.median, si,
                    has_ci ? stats_ratio_ci_format(&ci, buf, sizeof buf) : "no interval",
                    RULE_MIN_RATIO,
                    compare_status_name(st));
    }
    /* Every step holding is one outcome however many levels the run
     * measured: said as one part, it reads the same whether or not the
     * shared L3 was measured (docs/claims.md, amendment of 2026-12-05);
     * the steps stay in the table above. */
    bool all_hold = nsteps > 0;
    for (size_t k = 0; k < nsteps && all_hold; k++)
        all_hold = steps[k].kind == VERDICT_HOLDS;
    if (all_hold) {
        free_parts(steps + 1, nsteps - 1);
        names[0] = "each level against the one below";
        return 1;
    }
    if (nsteps > 0)
        return nsteps;
    verdict_set(&steps[0], VERDICT_NOT_MEASURED, "no two neighbouring levels with sizes "
                "inside them at stride %d", stride);
    names[0] = "with each level";
    return 1;
}

/* The highest or the lowest bandwidth of the mountain so far, and where. */
typedef struct extreme {
    double bw;         /* bytes per CPU second; 0: none yet */
    char at[CASE_NAME];
} extreme;

/* Keeps bw, seen at (stride, ws), in e when e has none yet or bw lies
 * beyond it: above when 'highest', else below. */
static void keep_extreme(extreme *e, bool highest, double bw, int stride, double ws)
{
    if (e->bw != 0 && (highest ? bw <= e->bw : bw >= e->bw))
        return;
    char h[32];
    e->bw = bw;
    snprintf(e->at, sizeof e->at, "stride %d, %s", stride, bytes_human(ws, h, sizeof h));
}

/* The mountain's peak and floor, in GB/s of elements read per second of
 * CPU time, as the verdict reads its times. */
static void x1_peak_floor(const report_run *run, claim_result *out)
{
    extreme peak = {0}, floor_ = {0};
    static const int strides[] = {1, 2, 3, 4, 6, 8, 12, 16, 24, 32};
    for (size_t i = 0; i < sizeof strides / sizeof strides[0]; i++) {
        char family[CASE_NAME], name[CASE_NAME];
        double args[GALLERY_MAX_SIZES];
        size_t m = mountain_sizes(run, strides[i], family, args);
        for (size_t j = 0; j < m; j++) {
            summary t;
            report_case_name_at(name, CASE_NAME, args[j], "%s", family);
            if (report_run_summary(run, name, CPU_METRIC, &t) != SAMPLE_OK || t.median <= 0)
                continue;
            double bw = 4e9 / t.median;   /* 4-byte elements, per CPU second */
            keep_extreme(&peak, true, bw, strides[i], args[j]);
            keep_extreme(&floor_, false, bw, strides[i], args[j]);
        }
    }
    text_printf(&out->figures, "%speak %.1f GB/s (%s), floor %.2f GB/s (%s)",
                out->figures.len ? "; " : "", peak.bw / 1e9, peak.at, floor_.bw / 1e9,
                floor_.at);
    text_printf(&out->body, "\nThe mountain's peak: %.1f GB/s (%s); its floor: %.2f GB/s "
                "(%s), in bytes of elements read per second of CPU time.\n\n",
                peak.bw / 1e9, peak.at, floor_.bw / 1e9, floor_.at);
}

/* Bandwidth falls with the stride within a line (one read per line
 * against reads of every element, judged per measured level by the
 * shared sweep code) and with each level (at one read per line, each
 * level against the one below). */
void judge_x1(const report_run *run, claim_result *out)
{
    char family[CASE_NAME], largest[CASE_NAME], per_line[32];
    double sizes[GALLERY_MAX_SIZES];
    size_t n = mountain_sizes(run, 1, family, sizes);
    if (n == 0) {
        verdict_set(&out->v, VERDICT_NOT_MEASURED, "no case gallery/mountain/s1/<bytes>");
        return;
    }
    report_case_name_at(largest, CASE_NAME, sizes[n - 1], "%s", family);
    summary line;
    int stride = 16;   /* 64-byte lines of 4-byte elements, unless told */
    if (report_run_summary(run, largest, "line_bytes", &line) == SAMPLE_OK &&
        line.median >= 8)
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

    x1_peak_floor(run, out);
}

/* --- X2: memory-level parallelism -------------------------------------------------- */

/* Four chases in turn cost at most 1 / X2_MIN_GAIN of one chase per load;
 * where adding chases stops paying is a figure, not a condition. */
void judge_x2(const report_run *run, claim_result *out)
{
    claim_result_measure(out, "ns per load", X2_MIN_GAIN);
    char four[CASE_NAME];
    report_case_name_at(four, CASE_NAME, X2_CHAINS, "gallery/mlp");
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
        char name[CASE_NAME];
        summary s;
        report_case_name_at(name, CASE_NAME, ks[i], "gallery/mlp");
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
        char name[CASE_NAME];
        summary s;
        report_case_name_at(name, CASE_NAME, pitches[i], "gallery/assoc");
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
static const pair_claim x4 = {
    .unit = "ns per increment", .min_ratio = X4_MIN_RATIO, .metric = WALL_METRIC,
    .costly = "gallery/falseshare/one_line", .costly_arg = "n",
    .cheap = {"gallery/falseshare/local", "gallery/falseshare/two_lines"},
    .labels = {"one line / thread-local", "one line / two lines apart"},
    .names = {"against thread-local counters", "against counters two lines apart"},
};

void judge_x4(const report_run *run, claim_result *out)
{
    pair_parts p;
    if (!pair_start(run, &x4, &p, out))
        return;
    text_printf(&out->body, "Rule: two threads each incrementing its own counter; with "
                "the counters on one line an increment costs at least %.1fx one on a "
                "counter of the thread's own stack, and %.1fx one with the counters two "
                "lines apart (wall-clock time per increment of one thread).\n\n",
                X4_MIN_RATIO, X4_MIN_RATIO);
    pair_judge(run, &x4, &p, out);
    char next[CASE_NAME];
    double r_next = 0;
    if (only_case(run, "gallery/falseshare/next_line", next))
        r_next = aside_part(run, "one line / next line (not judged)", p.costly, next,
                            WALL_METRIC, X4_MIN_RATIO, out);
    text_printf(&out->figures, "one line costs %.1fx thread-local, %.1fx two lines apart, "
                "%.1fx the next line", p.ratio[0], p.ratio[1], r_next);
    text_printf(&out->body, "\n");
}

/* --- X5: the prefetcher ------------------------------------------------------------------ */

/* A random chase costs at least X5_MIN_RATIO times per line a sequential
 * one, and a chase at a fixed stride, over the same lines. */
static const pair_claim x5 = {
    .unit = "ns per line", .min_ratio = X5_MIN_RATIO, .metric = CPU_METRIC,
    .costly = "gallery/prefetch/random", .costly_arg = "bytes",
    .cheap = {"gallery/prefetch/sequential", "gallery/prefetch/stride"},
    .labels = {"random / sequential", "random / fixed stride"},
    .names = {"sequential", "fixed stride"},
};

void judge_x5(const report_run *run, claim_result *out)
{
    pair_parts p;
    if (!pair_start(run, &x5, &p, out))
        return;
    text_printf(&out->body, "Rule: over the same lines past the caches, a chase in a "
                "random order costs at least %.0fx per line a chase in sequential order, "
                "and one at a fixed stride (CPU time per line).\n\n", X5_MIN_RATIO);
    pair_judge(run, &x5, &p, out);
    text_printf(&out->figures, "random costs %.1fx sequential and %.1fx a fixed stride "
                "per line", p.ratio[0], p.ratio[1]);
    /* Beside the read bandwidth of the writes family: how near it a chase is. */
    char read[CASE_NAME];
    summary rd, sq;
    if (only_case(run, "gallery/writes/read", read) &&
        report_run_summary(run, read, CPU_METRIC, &rd) == SAMPLE_OK &&
        report_run_summary(run, p.cheap[0], CPU_METRIC, &sq) == SAMPLE_OK)
        text_printf(&out->body, "\nBeside it, a read pass of independent loads "
                    "(gallery/writes/read, huge pages) takes %.3g ns per line; the "
                    "sequential chase, each load waiting for the one before, %.3g ns.\n",
                    rd.median, sq.median);
    text_printf(&out->body, "\n");
}

/* --- X6: TLB reach ----------------------------------------------------------------------- */

/* A walk on huge pages is one only when the kernel gave them: true when
 * it backed at least 90% of case huge's buffer, the share into *fraction
 * (0 when the case does not say). */
static bool x6_got_huge_pages(const report_run *run, const char *huge, double *fraction)
{
    summary f;
    bool known = report_run_summary(run, huge, "huge_fraction", &f) == SAMPLE_OK;
    *fraction = known ? f.median : 0.0;
    return known && f.median >= 0.9;
}

static void x6_huge_pages(const report_run *run, const char *huge, verdict *part)
{
    double fraction;
    if (!x6_got_huge_pages(run, huge, &fraction))
        verdict_set(part, VERDICT_NOT_MEASURED, "the kernel backed only %.0f%% of the "
                    "huge-page buffer with huge pages (transparent huge pages off?)",
                    100 * fraction);
}

/* A random walk across pages costs at least X6_MIN_RATIO times a walk
 * that stays in each page, and huge pages take at least that much off the
 * walk across pages. */
static const pair_claim x6 = {
    .unit = "ns per load", .min_ratio = X6_MIN_RATIO, .metric = CPU_METRIC,
    .costly = "gallery/tlb/across_base", .costly_arg = "bytes",
    .cheap = {"gallery/tlb/within_base", "gallery/tlb/across_huge"},
    .labels = {"across pages / within pages", "base pages / huge pages"},
    .names = {"crossing pages", "huge pages"},
    .check_second = x6_huge_pages,
};

void judge_x6(const report_run *run, claim_result *out)
{
    pair_parts p;
    if (!pair_start(run, &x6, &p, out))
        return;
    text_printf(&out->body, "Rule: a random chase over every line past the caches costs "
                "at least %.1fx per load when it jumps between 4 KiB pages than when it "
                "finishes each page first, and at least %.1fx on base pages what it "
                "costs on huge pages (CPU time per load).\n\n", X6_MIN_RATIO, X6_MIN_RATIO);
    pair_judge(run, &x6, &p, out);
    /* On huge pages the buffer needs few TLB entries, so what the walk
     * within pages there (runs since 2026-12-06) gains over the walk
     * across them is the page's locality (prefetchers that work within
     * 4 KiB, open DRAM rows), which the first comparison counts with the
     * TLB's part. */
    char within_huge[CASE_NAME];
    double fraction;
    if (only_case(run, "gallery/tlb/within_huge", within_huge) &&
        x6_got_huge_pages(run, within_huge, &fraction) &&
        x6_got_huge_pages(run, p.cheap[1], &fraction)) {
        double locality = aside_part(run, "across / within pages, on huge pages (not judged)",
                                     p.cheap[1], within_huge, CPU_METRIC, X6_MIN_RATIO, out);
        double pages = aside_part(run, "within pages: base / huge pages (not judged)",
                                  p.cheap[0], within_huge, CPU_METRIC, X6_MIN_RATIO, out);
        if (locality > 0 && pages > 0 && p.ratio[0] > 0)
            text_printf(&out->body, "\nOn huge pages, where the buffer needs few TLB entries, "
                        "staying in each 4 KiB page still made a load %.2fx cheaper, "
                        "against %.2fx on base pages: the first comparison measures the "
                        "page's locality (prefetchers that work within 4 KiB, open DRAM "
                        "rows) as well as the TLB. The TLB's part is the second, base "
                        "against huge pages across pages (%.2fx); within pages it read "
                        "%.2fx.\n", locality, p.ratio[0], p.ratio[1], pages);
    }
    text_printf(&out->figures, "across pages costs %.1fx within pages; base pages %.1fx "
                "huge pages", p.ratio[0], p.ratio[1]);
    text_printf(&out->body, "\n");
}

/* --- X7: write costs ------------------------------------------------------------------------ */

/* The stream pass used streaming stores only when the build has them
 * (it records how many). */
static void x7_streaming_stores(const report_run *run, const char *stream, verdict *part)
{
    summary nt;
    if (report_run_summary(run, stream, "nt_stores", &nt) != SAMPLE_OK)
        verdict_set(part, VERDICT_NOT_MEASURED, "this build has no streaming stores "
                    "(no SSE2): the stream pass used plain stores");
}

/* A plain write pass costs at least X7_MIN_RATIO times a read pass (the
 * line is read before it is written), and times a streaming-store pass
 * (which does not read it). */
static const pair_claim x7 = {
    .unit = "ns per line", .min_ratio = X7_MIN_RATIO, .metric = CPU_METRIC,
    .costly = "gallery/writes/write", .costly_arg = "bytes",
    .cheap = {"gallery/writes/read", "gallery/writes/stream"},
    .labels = {"write / read", "write / stream"},
    .names = {"write-allocate", "streaming stores"},
    .check_second = x7_streaming_stores,
};

void judge_x7(const report_run *run, claim_result *out)
{
    pair_parts p;
    if (!pair_start(run, &x7, &p, out))
        return;
    text_printf(&out->body, "Rule: over a buffer past the caches, a pass of plain stores "
                "costs at least %.2fx a read pass, and %.2fx a pass of streaming "
                "(non-temporal) stores (CPU time per line).\n\n", X7_MIN_RATIO, X7_MIN_RATIO);
    pair_judge(run, &x7, &p, out);
    char rmw[CASE_NAME];
    double r_rmw = 0;
    if (only_case(run, "gallery/writes/rmw", rmw))
        r_rmw = aside_part(run, "read-modify-write / write (not judged)", rmw, p.costly,
                           CPU_METRIC, X7_MIN_RATIO, out);
    text_printf(&out->figures, "a plain write pass costs %.2fx a read pass and %.2fx a "
                "streaming one; read-modify-write %.2fx a write", p.ratio[0], p.ratio[1],
                r_rmw);
    /* GB/s of each pass, for the lesson's table. */
    static const char *const kinds[] = {"read", "write", "rmw", "stream"};
    text_printf(&out->body, "\nGB/s of each pass (bytes of the buffer per second of "
                "wall-clock time, median):");
    for (size_t i = 0; i < 4; i++) {
        char family[CASE_NAME], name[CASE_NAME];
        summary bw;
        snprintf(family, sizeof family, "gallery/writes/%s", kinds[i]);
        if (only_case(run, family, name) &&
            report_run_summary(run, name, "bytes_per_second", &bw) == SAMPLE_OK)
            text_printf(&out->body, " %s %.2f;", kinds[i], bw.median / 1e9);
    }
    text_printf(&out->body, "\n\n");
}
