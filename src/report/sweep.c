/* sweep.c - compare variants size by size, then judge level by level. */
#include "sweep.h"

#include "md_escape.h"
#include "significance.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ARGS 512

/* "<bench>/<variant>/<arg>" as Google Benchmark printed the integer arg. */
static void case_name(char *buf, size_t size, const char *bench, const char *variant,
                      double arg)
{
    snprintf(buf, size, "%s/%s/%.0f", bench, variant, arg);
}

static const char *status_reason(sample_status st)
{
    switch (st) {
    case SAMPLE_MISSING:
        return "is missing";
    case SAMPLE_FAILED:
        return "failed";
    case SAMPLE_NO_METRIC:
        return "lacks the metric";
    default:
        return "is fine";
    }
}

/* The args common to every variant of the spec; their count. */
static size_t common_args(const sweep_spec *spec, const report_run *run, double *args,
                          text *why)
{
    char prefix[256];
    snprintf(prefix, sizeof prefix, "%s/%s", spec->bench, spec->pairs[0].costly);
    size_t n = report_run_args(run, prefix, args, MAX_ARGS);
    if (n > MAX_ARGS)
        n = MAX_ARGS;
    if (n == 0) {
        text_printf(why, "no case %s/<n> in %s.json", prefix, spec->bench);
        return 0;
    }
    for (size_t p = 0; p < spec->npairs; p++) {
        const char *variants[2] = {spec->pairs[p].costly, spec->pairs[p].cheap};
        for (int v = 0; v < 2; v++) {
            double other[MAX_ARGS];
            snprintf(prefix, sizeof prefix, "%s/%s", spec->bench, variants[v]);
            size_t m = report_run_args(run, prefix, other, MAX_ARGS);
            if (m == 0) {
                text_printf(why, "no case %s/<n> in %s.json", prefix, spec->bench);
                return 0;
            }
            size_t kept = 0;
            for (size_t i = 0; i < n; i++) {
                bool found = false;
                for (size_t j = 0; j < m && j < MAX_ARGS && !found; j++)
                    found = other[j] == args[i];
                if (found)
                    args[kept++] = args[i];
            }
            n = kept;
        }
    }
    if (n == 0)
        text_printf(why, "the variants of %s share no size", spec->bench);
    return n;
}

/* Fills one point; false (why written) when a case cannot be used. */
static bool measure_point(sweep_point *pt, const sweep_spec *spec,
                          const report_run *run, report_caches caches, text *why)
{
    pt->ws = 0;
    pt->overall = COMPARE_HOLDS;
    for (size_t p = 0; p < spec->npairs; p++) {
        const char *variants[2] = {spec->pairs[p].costly, spec->pairs[p].cheap};
        char names[2][256];
        for (int v = 0; v < 2; v++)
            case_name(names[v], sizeof names[v], spec->bench, variants[v], pt->arg);
        case_comparison c;
        if (compare_cases(run, names[0], names[1], spec->metric, spec->min_ratio, &c) !=
            SAMPLE_OK) {
            /* Which case, and why: the first that cannot be read. */
            for (int v = 0; v < 2; v++) {
                sample_status st = report_run_summary(run, names[v], spec->metric,
                                                      &(summary){0});
                if (st == SAMPLE_OK)
                    continue;
                const char *err = report_run_case_error(run, names[v]);
                text_printf(why, "case %s %s%s", names[v], status_reason(st),
                            err ? ": " : "");
                md_escape(why, err, false);   /* the bench's words: data */
                break;
            }
            return false;
        }
        for (int v = 0; v < 2; v++) {
            /* Without its working set a size has no cache level: a level
             * guessed from 0 bytes ("at least 0 B, in L1") would be a
             * verdict from data the run does not hold. */
            summary ws;
            if (report_run_summary(run, names[v], spec->ws_counter, &ws) != SAMPLE_OK) {
                text_printf(why, "case %s lacks its working set (counter %s)", names[v],
                            spec->ws_counter);
                return false;
            }
            if (ws.median > pt->ws)
                pt->ws = ws.median;
        }
        pt->costly[p] = c.costly;
        pt->cheap[p] = c.cheap;
        pt->has_ci[p] = c.has_ci;
        pt->ci[p] = c.ci;
        pt->ratio[p] = pt->cheap[p].median > 0 ? pt->costly[p].median / pt->cheap[p].median
                                               : INFINITY;
        pt->status[p] = c.status;
        pt->overall = compare_worse(pt->overall, pt->status[p]);
    }
    pt->level = cache_level_of(pt->ws, caches);
    return true;
}

bool sweep_measure(sweep *s, const sweep_spec *spec, const report_run *run, text *why)
{
    memset(s, 0, sizeof *s);
    s->spec = spec;
    s->caches = report_run_caches(run, spec->bench);
    double args[MAX_ARGS];
    size_t n = common_args(spec, run, args, why);
    if (n == 0)
        return false;
    s->points = calloc(n, sizeof *s->points);
    if (!s->points) {
        fputs("report: out of memory\n", stderr);
        exit(1);
    }
    for (size_t i = 0; i < n; i++) {
        sweep_point *pt = &s->points[s->npoints];
        pt->arg = args[i];
        if (!measure_point(pt, spec, run, s->caches, why))
            return false;
        s->npoints++;
    }
    return true;
}

void sweep_free(sweep *s)
{
    free(s->points);
    memset(s, 0, sizeof *s);
}

static compare_status status_at(const sweep_point *pt, int pair)
{
    return pair < 0 ? pt->overall : pt->status[pair];
}

/* Where along the sweep (sizes ascending) the claim holds, as the
 * simplest shape that fits the outcomes: everywhere, nowhere, from some
 * size on, or up to some size.  "cost" counts the sizes the shape gets
 * wrong; those are reported as exceptions. */
typedef enum shape_kind { SHAPE_ALL, SHAPE_NONE, SHAPE_FROM, SHAPE_UPTO, SHAPE_IRREGULAR } shape_kind;

typedef struct shape {
    shape_kind kind;
    size_t at;      /* FROM: first size that holds; UPTO: first that does not */
    size_t cost;
} shape;

/* A step (FROM or UPTO) replaces "everywhere" or "nowhere" only when it
 * gets at least this many more sizes right, and its side where the claim
 * does not hold has at least STEP_MIN_SIZES sizes: one or two noisy sizes
 * at an end of the sweep are exceptions, not a condition. */
#define STEP_MIN_GAIN 2
#define STEP_MIN_SIZES 3

static shape fit_shape(const bool *holds, size_t n)
{
    size_t ones = 0;
    for (size_t i = 0; i < n; i++)
        ones += holds[i];
    /* Nowhere wins a tie with everywhere: a claim needs evidence. */
    shape simple = ones * 2 > n ? (shape){SHAPE_ALL, 0, n - ones}
                                : (shape){SHAPE_NONE, 0, ones};
    shape best = simple;
    size_t ones_before = 0;
    for (size_t k = 1; k < n; k++) {
        ones_before += holds[k - 1];
        size_t zeros_before = k - ones_before;
        size_t ones_after = ones - ones_before, zeros_after = (n - k) - ones_after;
        /* FROM k: sizes [k, n) hold, [0, k) do not; UPTO k: the reverse. */
        size_t from_cost = ones_before + zeros_after, upto_cost = zeros_before + ones_after;
        if (k >= STEP_MIN_SIZES && from_cost + STEP_MIN_GAIN <= simple.cost &&
            from_cost < best.cost)
            best = (shape){SHAPE_FROM, k, from_cost};
        if (n - k >= STEP_MIN_SIZES && upto_cost + STEP_MIN_GAIN <= simple.cost &&
            upto_cost < best.cost)
            best = (shape){SHAPE_UPTO, k, upto_cost};
    }
    /* Neither "everywhere" nor a step explains the outcomes (more than 1
     * size in 5 wrong): the claim holds here and there; the caller names
     * the levels. */
    if (best.kind != SHAPE_NONE && best.cost * 5 > n)
        best.kind = SHAPE_IRREGULAR;
    return best;
}

static bool shape_says_holds(const shape *sh, size_t i)
{
    switch (sh->kind) {
    case SHAPE_ALL:
        return true;
    case SHAPE_FROM:
        return i >= sh->at;
    case SHAPE_UPTO:
        return i < sh->at;
    default:
        return false;
    }
}

/* Lists up to three sizes the shape gets wrong, as "24 KiB within noise"
 * or "2 MiB holds": exceptions a reader should see beside the verdict. */
static void note_exceptions(const sweep *s, int pair, const shape *sh, text *out)
{
    size_t shown = 0, more = 0;
    for (size_t i = 0; i < s->npoints; i++) {
        compare_status st = status_at(&s->points[i], pair);
        if ((st == COMPARE_HOLDS) == shape_says_holds(sh, i))
            continue;
        if (shown == 3) {
            more++;
            continue;
        }
        char buf[32];
        text_printf(out, "%s%s %s", shown ? ", " : "",
                    bytes_human(s->points[i].ws, buf, sizeof buf), compare_status_name(st));
        shown++;
    }
    if (more)
        text_printf(out, " and %zu more", more);
}

/* "L1 (32 KiB)" or "L1" when its size is unknown. */
static void level_with_size(text *out, cache_level l, report_caches c)
{
    char buf[32];
    double size = cache_level_size(l, c);
    if (size > 0)
        text_printf(out, "%s (%s)", cache_level_name(l), bytes_human(size, buf, sizeof buf));
    else
        text_printf(out, "%s", cache_level_name(l));
}

/* "in L1: 0 of 3 hold, 3 reversed; in L2: ...": every level's outcomes. */
static void note_levels(const sweep *s, int pair, text *out)
{
    size_t n[LEVEL_COUNT][COMPARE_AGAINST + 1] = {{0}}, total[LEVEL_COUNT] = {0};
    for (size_t i = 0; i < s->npoints; i++) {
        n[s->points[i].level][status_at(&s->points[i], pair)]++;
        total[s->points[i].level]++;
    }
    const char *sep = "";
    for (int l = 0; l < LEVEL_COUNT; l++) {
        if (!total[l])
            continue;
        text_printf(out, "%sin %s: %zu of %zu hold", sep, cache_level_name((cache_level)l),
                    n[l][COMPARE_HOLDS], total[l]);
        for (int st = COMPARE_SMALL; st <= COMPARE_AGAINST; st++)
            if (n[l][st])
                text_printf(out, ", %zu %s", n[l][st], compare_status_name((compare_status)st));
        sep = "; ";
    }
}

/* The level before l that has sizes in the sweep, or -1. */
static int level_before(const sweep *s, cache_level l)
{
    int best = -1;
    for (size_t i = 0; i < s->npoints; i++)
        if (s->points[i].level < l && (int)s->points[i].level > best)
            best = (int)s->points[i].level;
    return best;
}

void sweep_judge(const sweep *s, int pair, verdict *v)
{
    if (s->npoints == 0) {
        verdict_set(v, VERDICT_NOT_MEASURED, "no sizes to compare");
        return;
    }
    bool *holds = calloc(s->npoints, sizeof *holds);
    if (!holds) {
        fputs("report: out of memory\n", stderr);
        exit(1);
    }
    size_t count[COMPARE_AGAINST + 1] = {0};
    for (size_t i = 0; i < s->npoints; i++) {
        compare_status st = status_at(&s->points[i], pair);
        holds[i] = st == COMPARE_HOLDS;
        count[st]++;
    }
    shape sh = fit_shape(holds, s->npoints);
    free(holds);
    verdict_set(v, VERDICT_HOLDS, NULL);
    text exc = TEXT_INIT;
    note_exceptions(s, pair, &sh, &exc);
    char buf[32];

    switch (sh.kind) {
    case SHAPE_ALL:
        if (exc.len)
            text_printf(&v->note, "exceptions: %s", text_str(&exc));
        break;
    case SHAPE_NONE: {
        bool noise = count[COMPARE_NOISE] >= count[COMPARE_SMALL] &&
                     count[COMPARE_NOISE] >= count[COMPARE_AGAINST];
        v->kind = noise ? VERDICT_WITHIN_NOISE : VERDICT_DOES_NOT_HOLD;
        text_printf(&v->note, "%zu of %zu sizes hold", count[COMPARE_HOLDS], s->npoints);
        for (int st = COMPARE_SMALL; st <= COMPARE_AGAINST; st++)
            if (count[st])
                text_printf(&v->note, ", %zu %s", count[st],
                            compare_status_name((compare_status)st));
        break;
    }
    case SHAPE_FROM: {
        /* Named by the last cache the working set has outgrown. */
        const sweep_point *first = &s->points[sh.at];
        int before = level_before(s, first->level);
        v->kind = VERDICT_HOLDS_ONLY_WHEN;
        if (before >= 0) {
            text_printf(&v->condition, "the working set is past ");
            level_with_size(&v->condition, (cache_level)before, s->caches);
            text_printf(&v->condition, ", from %s", bytes_human(first->ws, buf, sizeof buf));
        } else {
            text_printf(&v->condition, "the working set is at least %s (in %s)",
                        bytes_human(first->ws, buf, sizeof buf),
                        cache_level_name(first->level));
        }
        note_levels(s, pair, &v->note);
        if (exc.len)
            text_printf(&v->note, "; exceptions: %s", text_str(&exc));
        break;
    }
    case SHAPE_UPTO: {
        const sweep_point *last = &s->points[sh.at - 1];
        v->kind = VERDICT_HOLDS_ONLY_WHEN;
        text_printf(&v->condition, "the working set fits in ");
        level_with_size(&v->condition, last->level, s->caches);
        text_printf(&v->condition, ", up to %s", bytes_human(last->ws, buf, sizeof buf));
        note_levels(s, pair, &v->note);
        if (exc.len)
            text_printf(&v->note, "; exceptions: %s", text_str(&exc));
        break;
    }
    case SHAPE_IRREGULAR: {
        /* Name the levels where more than half the sizes hold. */
        size_t held[LEVEL_COUNT] = {0}, total[LEVEL_COUNT] = {0};
        for (size_t i = 0; i < s->npoints; i++) {
            held[s->points[i].level] += status_at(&s->points[i], pair) == COMPARE_HOLDS;
            total[s->points[i].level]++;
        }
        v->kind = VERDICT_HOLDS_ONLY_WHEN;
        text_printf(&v->condition, "the working set is in");
        size_t named = 0;
        for (int l = 0; l < LEVEL_COUNT; l++) {
            if (!total[l] || 2 * held[l] <= total[l])
                continue;
            text_printf(&v->condition, "%s", named++ ? " or " : " ");
            level_with_size(&v->condition, (cache_level)l, s->caches);
        }
        if (!named) {   /* no level with a majority: say how many sizes */
            text_clear(&v->condition);
            text_printf(&v->condition, "at some sizes (%zu of %zu), in no clear range",
                        count[COMPARE_HOLDS], s->npoints);
        }
        note_levels(s, pair, &v->note);
        break;
    }
    }
    text_free(&exc);
}

/* Median of the ratios of the sizes in level l for pair; its min and max. */
static bool level_ratio(const sweep *s, size_t pair, int l, summary *out)
{
    double r[MAX_ARGS];
    size_t n = 0;
    for (size_t i = 0; i < s->npoints && n < MAX_ARGS; i++)
        if ((int)s->points[i].level == l)
            r[n++] = s->points[i].ratio[pair];
    if (n == 0)
        return false;
    *out = summary_of(r, n);
    return true;
}

/* 3 significant digits: 1.23x, 45.6x, 789x. */
static void ratio_text(text *out, double r)
{
    text_printf(out, "%.3gx", r);
}

void sweep_figures(const sweep *s, text *out)
{
    for (size_t p = 0; p < s->spec->npairs; p++) {
        text_printf(out, "%s%s:", p ? "; " : "", s->spec->pairs[p].label);
        const char *sep = " ";
        for (int l = 0; l < LEVEL_COUNT; l++) {
            summary r;
            if (!level_ratio(s, p, l, &r))
                continue;
            text_printf(out, "%s", sep);
            ratio_text(out, r.median);
            text_printf(out, " in %s", cache_level_name((cache_level)l));
            sep = ", ";
        }
    }
}

/* How a metric reads in a table heading. */
static const char *metric_label(const char *metric)
{
    if (strcmp(metric, "ns_per_item") == 0)
        return "ns (wall clock)";
    if (strcmp(metric, "cpu_ns_per_item") == 0)
        return "CPU ns";
    return metric;
}

/* "1.23 [1.20-1.31]": a median and its range over repetitions. */
static void summary_text(text *out, summary s)
{
    text_printf(out, "%.3g [%.3g-%.3g]", s.median, s.min, s.max);
}

void sweep_markdown(const sweep *s, text *out)
{
    const sweep_spec *spec = s->spec;
    text_printf(out, "Compared at %zu sizes; a size holds when the ratio of medians "
                     "is at least %.2fx and its 95%% bootstrap interval lies above 1 "
                     "(an interval that contains 1 is within noise).\n\n",
                s->npoints, spec->min_ratio);
    for (size_t p = 0; p < spec->npairs; p++) {
        verdict v = VERDICT_INIT;
        text phrase = TEXT_INIT;
        sweep_judge(s, (int)p, &v);
        verdict_phrase(&v, true, &phrase);
        text_printf(out, "**%s** (`%s` against `%s`): %s.\n\n", spec->pairs[p].label,
                    spec->pairs[p].costly, spec->pairs[p].cheap, text_str(&phrase));
        text_free(&phrase);
        verdict_free(&v);
        text_printf(out, "| level | sizes | working set | ratio of medians | "
                         "range over sizes | holds at |\n|---|---|---|---|---|---|\n");
        for (int l = 0; l < LEVEL_COUNT; l++) {
            summary r;
            if (!level_ratio(s, p, l, &r))
                continue;
            double lo = INFINITY, hi = 0;
            size_t holds = 0;
            for (size_t i = 0; i < s->npoints; i++) {
                const sweep_point *pt = &s->points[i];
                if ((int)pt->level != l)
                    continue;
                lo = fmin(lo, pt->ws);
                hi = fmax(hi, pt->ws);
                holds += pt->status[p] == COMPARE_HOLDS;
            }
            char b1[32], b2[32];
            text_printf(out, "| %s | %zu | %s - %s | ", cache_level_name((cache_level)l),
                        r.n, bytes_human(lo, b1, sizeof b1), bytes_human(hi, b2, sizeof b2));
            ratio_text(out, r.median);
            text_printf(out, " | ");
            ratio_text(out, r.min);
            text_printf(out, " - ");
            ratio_text(out, r.max);
            text_printf(out, " | %zu of %zu |\n", holds, r.n);
        }
        text_printf(out, "\n");
    }
    text_printf(out, "<details><summary>Every size: %s per element, median "
                     "[min-max] over repetitions</summary>\n\n| elements | working set |",
                metric_label(spec->metric));
    for (size_t p = 0; p < spec->npairs; p++)
        text_printf(out, " %s | %s | ratio [95%% interval] | outcome |",
                    spec->pairs[p].costly, spec->pairs[p].cheap);
    text_printf(out, "\n|---|---|");
    for (size_t p = 0; p < spec->npairs; p++)
        text_printf(out, "---|---|---|---|");
    text_printf(out, "\n");
    for (size_t i = 0; i < s->npoints; i++) {
        const sweep_point *pt = &s->points[i];
        char buf[32];
        text_printf(out, "| %.0f | %s (%s) |", pt->arg, bytes_human(pt->ws, buf, sizeof buf),
                    cache_level_name(pt->level));
        for (size_t p = 0; p < spec->npairs; p++) {
            text_printf(out, " ");
            summary_text(out, pt->costly[p]);
            text_printf(out, " | ");
            summary_text(out, pt->cheap[p]);
            text_printf(out, " | ");
            ratio_text(out, pt->ratio[p]);
            if (pt->has_ci[p])
                text_printf(out, " [%.3g, %.3g]", pt->ci[p].lo, pt->ci[p].hi);
            text_printf(out, " | %s |", compare_status_name(pt->status[p]));
        }
        text_printf(out, "\n");
    }
    text_printf(out, "\n</details>\n\n");
}

void sweep_claim(const sweep_spec *spec, const report_run *run, claim_result *out)
{
    sweep s;
    text why = TEXT_INIT;
    if (sweep_measure(&s, spec, run, &why)) {
        sweep_judge(&s, -1, &out->v);
        sweep_figures(&s, &out->figures);
        sweep_markdown(&s, &out->body);
    } else {
        verdict_set(&out->v, VERDICT_NOT_MEASURED, "%s", text_str(&why));
    }
    text_free(&why);
    sweep_free(&s);
}

void sweep_claim_part(const sweep_spec *spec, const report_run *run,
                      const char *title, verdict *part, claim_result *out)
{
    claim_result r;
    claim_result_init(&r);
    sweep_claim(spec, run, &r);
    verdict_copy(part, &r.v);
    text_printf(&out->figures, "%s%s", out->figures.len ? "; " : "", text_str(&r.figures));
    /* The title doubles as the part's name in the verdict ("for nodes
     * linked in allocation order, ..."); as a heading it starts upper case. */
    text_printf(&out->body, "#### %c%s\n\n", toupper((unsigned char)title[0]), title + 1);
    if (r.v.kind == VERDICT_NOT_MEASURED)
        text_printf(&out->body, "Not measured: %s.\n\n", text_str(&r.v.condition));
    text_printf(&out->body, "%s", text_str(&r.body));
    claim_result_free(&r);
}

void sweep_claim_parts(const sweep_spec *const *specs, const char *const *names,
                       size_t n, const report_run *run, claim_result *out)
{
    verdict parts[SWEEP_MAX_PARTS] = {VERDICT_INIT, VERDICT_INIT, VERDICT_INIT, VERDICT_INIT};
    if (n > SWEEP_MAX_PARTS)
        n = SWEEP_MAX_PARTS;
    for (size_t i = 0; i < n; i++) {
        sweep_claim_part(specs[i], run, names[i], &parts[i], out);
    }
    verdict_combine(&out->v, parts, names, n);
    for (size_t i = 0; i < n; i++)
        verdict_free(&parts[i]);
}
