/* sweep.c - compare variants size by size, then judge level by level. */
#include "sweep.h"

#include "md_escape.h"
#include "significance.h"
#include "xalloc.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ARGS 512

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
                          const report_run *run, const report_levels *lv, text *why)
{
    pt->ws = 0;
    pt->overall = COMPARE_HOLDS;
    for (size_t p = 0; p < spec->npairs; p++) {
        const char *variants[2] = {spec->pairs[p].costly, spec->pairs[p].cheap};
        char names[2][256];
        for (int v = 0; v < 2; v++)
            report_case_name_at(names[v], sizeof names[v], pt->arg, "%s/%s", spec->bench,
                                variants[v]);
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
        /* Read fine just above, so these cannot fail; a count past the
         * cap keeps the first SWEEP_MAX_REPS. */
        size_t count = 0;
        report_run_samples(run, names[0], spec->metric, pt->costly_reps[p], SWEEP_MAX_REPS,
                           &count);
        pt->ncostly[p] = count < SWEEP_MAX_REPS ? count : SWEEP_MAX_REPS;
        report_run_samples(run, names[1], spec->metric, pt->cheap_reps[p], SWEEP_MAX_REPS,
                           &count);
        pt->ncheap[p] = count < SWEEP_MAX_REPS ? count : SWEEP_MAX_REPS;
    }
    pt->level = spec->no_levels ? SWEEP_ALL_SIZES : level_of(lv, pt->ws);
    return true;
}

bool sweep_measure(sweep *s, const sweep_spec *spec, const report_run *run, text *why)
{
    memset(s, 0, sizeof *s);
    s->spec = spec;
    report_levels_of_run(run, &s->levels);
    double args[MAX_ARGS];
    size_t n = common_args(spec, run, args, why);
    if (n == 0)
        return false;
    s->points = calloc(n, sizeof *s->points);
    if (!s->points)
        report_out_of_memory();
    for (size_t i = 0; i < n; i++) {
        sweep_point *pt = &s->points[s->npoints];
        pt->arg = args[i];
        if (!measure_point(pt, spec, run, &s->levels, why))
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

const char *sweep_level_name(const sweep *s, size_t level)
{
    return level == SWEEP_ALL_SIZES ? "all sizes" : level_name(&s->levels, level);
}

const char *sweep_unit(const sweep_spec *spec)
{
    return spec->unit ? spec->unit : "ns per element";
}

/* The commonest status among the sizes of a group (the worse on a tie):
 * the group's outcome when no interval can be drawn. */
static compare_status commonest(const size_t count[COMPARE_AGAINST + 1])
{
    compare_status best = COMPARE_HOLDS;
    for (int st = COMPARE_HOLDS; st <= COMPARE_AGAINST; st++) {
        compare_status c = (compare_status)st;
        if (count[c] > count[best] ||
            (count[c] == count[best] && compare_worse(best, c) == c))
            best = c;
    }
    return best;
}

/* One group's outcome for one pair. */
static void judge_group(const sweep *s, size_t pair, size_t level, sweep_level *out)
{
    size_samples *sizes = calloc(s->npoints, sizeof *sizes);
    if (!sizes)
        report_out_of_memory();
    size_t n = 0, count[COMPARE_AGAINST + 1] = {0};
    *out = (sweep_level){.level = level, .ws_lo = INFINITY, .ws_hi = 0};
    for (size_t i = 0; i < s->npoints; i++) {
        const sweep_point *pt = &s->points[i];
        if (pt->level != level)
            continue;
        sizes[n++] = (size_samples){pt->costly_reps[pair], pt->ncostly[pair],
                                    pt->cheap_reps[pair], pt->ncheap[pair]};
        count[pt->status[pair]]++;
        out->ws_lo = fmin(out->ws_lo, pt->ws);
        out->ws_hi = fmax(out->ws_hi, pt->ws);
    }
    out->nsizes = n;
    out->has_ci = stats_group_ratio_ci95(sizes, n, &out->ci);
    free(sizes);
    if (out->has_ci) {
        out->status = ratio_ci_status(&out->ci, s->spec->min_ratio);
        return;
    }
    /* No interval: the median of the sizes' ratios, and their outcomes. */
    double r[MAX_ARGS];
    size_t m = 0;
    for (size_t i = 0; i < s->npoints && m < MAX_ARGS; i++)
        if (s->points[i].level == level)
            r[m++] = s->points[i].ratio[pair];
    out->ci = (ratio_ci){.ratio = m ? summary_of(r, m).median : NAN, .lo = NAN, .hi = NAN};
    out->status = commonest(count);
}

size_t sweep_levels(const sweep *s, int pair, sweep_level out[LEVEL_SLOTS])
{
    size_t groups[LEVEL_SLOTS], ngroups = 0;
    if (s->spec->no_levels) {
        groups[ngroups++] = SWEEP_ALL_SIZES;
    } else {
        for (size_t l = 0; l < level_count(&s->levels) && l < LEVEL_SLOTS; l++)
            for (size_t i = 0; i < s->npoints; i++)
                if (s->points[i].level == l) {
                    groups[ngroups++] = l;
                    break;
                }
    }
    if (s->npoints == 0)
        return 0;
    for (size_t g = 0; g < ngroups; g++) {
        if (pair >= 0) {
            judge_group(s, (size_t)pair, groups[g], &out[g]);
            continue;
        }
        /* Every pair: the level holds as well as its weakest pair. */
        for (size_t p = 0; p < s->spec->npairs; p++) {
            sweep_level one;
            judge_group(s, p, groups[g], &one);
            if (p == 0 || compare_worse(out[g].status, one.status) != out[g].status)
                out[g] = one;
        }
    }
    return ngroups;
}

/* "L1, L2 and memory" for the groups of the given status. */
static size_t name_levels(const sweep *s, const sweep_level *lv, size_t n,
                          compare_status st, const char *last_sep, text *out)
{
    size_t total = 0, shown = 0;
    for (size_t g = 0; g < n; g++)
        total += lv[g].status == st;
    for (size_t g = 0; g < n; g++) {
        if (lv[g].status != st)
            continue;
        text_printf(out, "%s%s", shown == 0 ? "" : shown + 1 == total ? last_sep : ", ",
                    sweep_level_name(s, lv[g].level));
        shown++;
    }
    return total;
}

/* True when the groups of status st are one unbroken run of lv, with no
 * group of another status between them; *first and *last get its ends. */
static bool one_run(const sweep_level *lv, size_t n, compare_status st, size_t *first,
                    size_t *last)
{
    size_t count = 0;
    for (size_t g = 0; g < n; g++) {
        if (lv[g].status != st)
            continue;
        if (count++ == 0)
            *first = g;
        *last = g;
    }
    return count > 0 && *last - *first + 1 == count;
}

/* The levels of status st, as a range when they are two or more in a
 * row ("L1 to memory"), else by name ("L1, memory").  A range names the
 * ends a reader can check against the plots, and it reads the same
 * whether or not a run measured a level between them: the shared L3 of
 * a guest comes and goes between runs (docs/claims.md). */
static void name_span(const sweep *s, const sweep_level *lv, size_t n, compare_status st,
                      const char *last_sep, text *out)
{
    size_t first = 0, last = 0;
    if (one_run(lv, n, st, &first, &last) && last > first) {
        text_printf(out, "%s to %s", sweep_level_name(s, lv[first].level),
                    sweep_level_name(s, lv[last].level));
        return;
    }
    name_levels(s, lv, n, st, last_sep, out);
}

/* The condition of "holds only when": "the working set is past L1" when
 * two or more levels that hold run unbroken up to memory, "the working
 * set fits in L2" when they run unbroken from L1 and stop short of the
 * last level measured, else the levels by name ("is in L2 or L4"). */
static void holding_condition(const sweep *s, const sweep_level *lv, size_t n, text *out)
{
    size_t first = 0, last = 0;
    size_t memory = level_count(&s->levels) - 1;
    bool run = one_run(lv, n, COMPARE_HOLDS, &first, &last);
    if (run && last > first && lv[last].level == memory && lv[first].level > 0) {
        text_printf(out, "the working set is past %s", sweep_level_name(s, lv[first].level - 1));
        return;
    }
    if (run && lv[first].level == 0 && last + 1 < n) {
        text_printf(out, "the working set fits in %s", sweep_level_name(s, lv[last].level));
        return;
    }
    text_printf(out, "the working set is in ");
    name_levels(s, lv, n, COMPARE_HOLDS, " or ", out);
}

/* "below threshold in L1; reversed in L2": the levels that are not st. */
static void note_others(const sweep *s, const sweep_level *lv, size_t n, text *out)
{
    for (int st = COMPARE_SMALL; st <= COMPARE_AGAINST; st++) {
        text names = TEXT_INIT;
        if (name_levels(s, lv, n, (compare_status)st, " and ", &names))
            text_printf(out, "%s%s in %s", out->len ? "; " : "",
                        compare_status_name((compare_status)st), text_str(&names));
        text_free(&names);
    }
}

void sweep_judge(const sweep *s, int pair, verdict *v)
{
    sweep_level lv[LEVEL_SLOTS];
    size_t n = sweep_levels(s, pair, lv);
    if (n == 0) {
        verdict_set(v, VERDICT_NOT_MEASURED, "no sizes to compare");
        return;
    }
    size_t count[COMPARE_AGAINST + 1] = {0};
    for (size_t g = 0; g < n; g++)
        count[lv[g].status]++;
    verdict_set(v, VERDICT_HOLDS, NULL);
    if (count[COMPARE_HOLDS] == 0) {
        /* Nothing holds: noise everywhere is no evidence either way. */
        v->kind = count[COMPARE_NOISE] == n ? VERDICT_WITHIN_NOISE : VERDICT_DOES_NOT_HOLD;
        if (v->kind == VERDICT_DOES_NOT_HOLD && !s->spec->no_levels)
            note_others(s, lv, n, &v->note);
        return;
    }
    if (count[COMPARE_SMALL] + count[COMPARE_AGAINST] == 0) {
        /* Holds; the levels it was judged in are named, noisy ones apart. */
        if (s->spec->no_levels)
            return;
        name_span(s, lv, n, COMPARE_HOLDS, ", ", &v->note);
        if (count[COMPARE_NOISE]) {
            text_printf(&v->note, "; within noise in ");
            name_levels(s, lv, n, COMPARE_NOISE, " and ", &v->note);
        }
        return;
    }
    v->kind = VERDICT_HOLDS_ONLY_WHEN;
    holding_condition(s, lv, n, &v->condition);
    note_others(s, lv, n, &v->note);
}

/* 3 significant digits: 1.23x, 45.6x, 789x. */
static void ratio_text(text *out, double r)
{
    text_printf(out, "%.3gx", r);
}

/* "1.9x [1.8, 2.0]", or "1.9x" without an interval. */
static void level_ratio_text(text *out, const sweep_level *l)
{
    ratio_text(out, l->ci.ratio);
    if (l->has_ci)
        text_printf(out, " [%.3g, %.3g]", l->ci.lo, l->ci.hi);
}

void sweep_figures(const sweep *s, text *out)
{
    for (size_t p = 0; p < s->spec->npairs; p++) {
        text_printf(out, "%s%s:", p ? "; " : "", s->spec->pairs[p].label);
        sweep_level lv[LEVEL_SLOTS];
        size_t n = sweep_levels(s, (int)p, lv);
        for (size_t g = 0; g < n; g++) {
            text_printf(out, "%s", g ? ", " : " ");
            level_ratio_text(out, &lv[g]);
            if (lv[g].level != SWEEP_ALL_SIZES)
                text_printf(out, " in %s", sweep_level_name(s, lv[g].level));
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

/* "L2 (measured 1 MiB)" or just "memory". */
static void level_heading(const sweep *s, size_t level, text *out)
{
    char buf[32];
    double size = level == SWEEP_ALL_SIZES ? 0 : level_size(&s->levels, level);
    text_printf(out, "%s", sweep_level_name(s, level));
    if (size > 0)
        text_printf(out, " (%s)", bytes_human(size, buf, sizeof buf));
}

void sweep_markdown(const sweep *s, text *out)
{
    const sweep_spec *spec = s->spec;
    text_printf(out, "Compared at %zu sizes, %s. ", s->npoints, sweep_unit(spec));
    if (spec->no_levels)
        text_printf(out, "The sizes are not working sets, so they are judged as one group. ");
    else
        text_printf(out, "Sizes are pooled by measured cache level (levels from %s). ",
                    level_source_name(s->levels.source));
    text_printf(out, "A group holds when the median of its sizes' ratios is at least %.2fx "
                     "and its 95%% bootstrap interval (over sizes and repetitions) lies "
                     "above 1; one wholly under the threshold is below threshold, even if it "
                     "contains 1; one that reaches the threshold but also 1 is within "
                     "noise (docs/claims.md).\n\n",
                spec->min_ratio);
    for (size_t p = 0; p < spec->npairs; p++) {
        verdict v = VERDICT_INIT;
        text phrase = TEXT_INIT;
        sweep_judge(s, (int)p, &v);
        verdict_phrase(&v, true, &phrase);
        text_printf(out, "**%s** (`%s` against `%s`): %s.\n\n", spec->pairs[p].label,
                    spec->pairs[p].costly, spec->pairs[p].cheap, text_str(&phrase));
        text_free(&phrase);
        verdict_free(&v);
        text_printf(out, "| level | sizes | working set | ratio [95%% interval] | outcome |\n"
                         "|---|---|---|---|---|\n");
        sweep_level lv[LEVEL_SLOTS];
        size_t n = sweep_levels(s, (int)p, lv);
        for (size_t g = 0; g < n; g++) {
            char b1[32], b2[32];
            text_printf(out, "| ");
            level_heading(s, lv[g].level, out);
            text_printf(out, " | %zu | %s - %s | ", lv[g].nsizes,
                        bytes_human(lv[g].ws_lo, b1, sizeof b1),
                        bytes_human(lv[g].ws_hi, b2, sizeof b2));
            level_ratio_text(out, &lv[g]);
            text_printf(out, " | %s |\n", compare_status_name(lv[g].status));
        }
        text_printf(out, "\n");
    }
    text_printf(out, "<details><summary>Every size: %s (%s), median [min-max] over "
                     "repetitions; a size's own outcome is shown, not judged</summary>\n\n"
                     "| elements | working set |",
                metric_label(spec->metric), sweep_unit(spec));
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
                    sweep_level_name(s, pt->level));
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

/* The sweep as data in out: each pair's level groups ("levels" of
 * report.json, the pair named after its part when there is one) and
 * every size with both medians, the ratio and its interval (the table
 * report.md folds away).  Here, once, so that every sweep rule has them. */
static void sweep_data(const sweep *s, const char *part, claim_result *out)
{
    const sweep_spec *spec = s->spec;
    text pair = TEXT_INIT, title = TEXT_INIT, col = TEXT_INIT;
    for (size_t p = 0; p < spec->npairs; p++) {
        sweep_level lv[LEVEL_SLOTS];
        size_t n = sweep_levels(s, (int)p, lv);
        text_clear(&pair);
        text_printf(&pair, "%s%s%s", part ? part : "", part ? ": " : "",
                    spec->pairs[p].label);
        for (size_t g = 0; g < n; g++) {
            claim_level l = {
                .pair = (char *)text_str(&pair),
                .level = (char *)sweep_level_name(s, lv[g].level),
                .sizes = lv[g].nsizes, .ws_lo = lv[g].ws_lo, .ws_hi = lv[g].ws_hi,
                .ratio = lv[g].ci.ratio,
                .lo = lv[g].has_ci ? lv[g].ci.lo : NAN,
                .hi = lv[g].has_ci ? lv[g].ci.hi : NAN,
                .status = compare_status_token(lv[g].status),
            };
            claim_result_add_level(out, &l);
        }
    }
    text_printf(&title, "Every size%s%s: %s, %s, median over repetitions", part ? ", " : "",
                part ? part : "", metric_label(spec->metric), sweep_unit(spec));
    data_table *t = claim_result_add_table(out, text_str(&title), true);
    data_table_column(t, "N");
    data_table_column(t, "working set (bytes)");
    data_table_column(t, "level");
    for (size_t p = 0; p < spec->npairs; p++) {
        const char *suffix[] = {"", "", " ratio", " lo", " hi", " outcome"};
        for (size_t k = 0; k < sizeof suffix / sizeof suffix[0]; k++) {
            text_clear(&col);
            if (k == 0)
                text_printf(&col, "%s", spec->pairs[p].costly);
            else if (k == 1)
                text_printf(&col, "%s", spec->pairs[p].cheap);
            else
                text_printf(&col, "%s%s", spec->pairs[p].label, suffix[k]);
            data_table_column(t, text_str(&col));
        }
    }
    for (size_t i = 0; i < s->npoints; i++) {
        const sweep_point *pt = &s->points[i];
        data_table_number(t, pt->arg);
        data_table_number(t, pt->ws);
        data_table_text(t, sweep_level_name(s, pt->level));
        for (size_t p = 0; p < spec->npairs; p++) {
            data_table_number(t, pt->costly[p].median);
            data_table_number(t, pt->cheap[p].median);
            data_table_number(t, pt->ratio[p]);
            data_table_number(t, pt->has_ci[p] ? pt->ci[p].lo : NAN);
            data_table_number(t, pt->has_ci[p] ? pt->ci[p].hi : NAN);
            data_table_text(t, compare_status_token(pt->status[p]));
        }
    }
    text_free(&pair);
    text_free(&title);
    text_free(&col);
}

/* sweep_claim, with the levels and table named after part (or not). */
static void sweep_claim_named(const sweep_spec *spec, const report_run *run,
                              const char *part, claim_result *out)
{
    sweep s;
    text why = TEXT_INIT;
    claim_result_measure(out, sweep_unit(spec), spec->min_ratio);
    if (sweep_measure(&s, spec, run, &why)) {
        sweep_judge(&s, -1, &out->v);
        sweep_figures(&s, &out->figures);
        sweep_markdown(&s, &out->body);
        sweep_data(&s, part, out);
    } else {
        verdict_set(&out->v, VERDICT_NOT_MEASURED, "%s", text_str(&why));
    }
    text_free(&why);
    sweep_free(&s);
}

void sweep_claim(const sweep_spec *spec, const report_run *run, claim_result *out)
{
    sweep_claim_named(spec, run, NULL, out);
}

void sweep_claim_part(const sweep_spec *spec, const report_run *run,
                      const char *title, verdict *part, claim_result *out)
{
    claim_result r;
    claim_result_init(&r);
    sweep_claim_named(spec, run, title, &r);
    verdict_copy(part, &r.v);
    claim_result_take(out, &r);
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
    verdict_combine_free(&out->v, parts, names, n);
}
