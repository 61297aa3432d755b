/* case_rss.c - peak RSS of a case above its start, once per spec or per call. */
#include "case_rss.h"

#include "peak_rss.h"

#include <stdbool.h>
#include <string.h>

static struct remembered {
    char spec[256];
    case_rss figure;
} remembered[CASE_RSS_MAX];
static size_t nremembered;
static bool baseline_done;
static int baseline_status;
static size_t baseline_peak;
static unsigned children;

/* One child; its exit status, or 127 when it failed without one. */
static int run_child(const char *program, const char *spec, peak_rss_figure *f)
{
    int status = 0;
    children++;
    if (peak_rss_of_program(program, spec, f, &status) == 0)
        return 0;
    return status ? status : 127;
}

case_rss case_rss_measure_each_program(const char *program, const char *spec)
{
    peak_rss_figure f;
    case_rss r = {.status = run_child(program, spec, &f), .peak = f.peak,
                  .baseline = f.start, .from_start = f.start > 0};
    if (r.status != 0 || f.start > 0)
        return r;
    /* The child could not say where its case began. */
    if (!baseline_done) {
        peak_rss_figure b;
        baseline_status = run_child(program, "baseline", &b);
        baseline_peak = b.peak;
        baseline_done = true;
    }
    r.baseline = baseline_peak;
    r.status = baseline_status;
    return r;
}

case_rss case_rss_measure_each(const char *spec)
{
    return case_rss_measure_each_program("/proc/self/exe", spec);
}

case_rss case_rss_measure_program(const char *program, const char *spec)
{
    for (size_t i = 0; i < nremembered; i++)
        if (strcmp(remembered[i].spec, spec) == 0)
            return remembered[i].figure;
    case_rss r = case_rss_measure_each_program(program, spec);
    if (nremembered < CASE_RSS_MAX && strlen(spec) < sizeof remembered[0].spec) {
        memcpy(remembered[nremembered].spec, spec, strlen(spec) + 1);
        remembered[nremembered].figure = r;
        nremembered++;
    }
    return r;
}

case_rss case_rss_measure(const char *spec)
{
    return case_rss_measure_program("/proc/self/exe", spec);
}

unsigned case_rss_children_started(void)
{
    return children;
}

size_t case_rss_over_baseline(const case_rss *r)
{
    if (r->status != 0 || r->peak < r->baseline)
        return 0;
    return r->peak - r->baseline;
}

void case_rss_report(bench_state *s, const case_rss *r)
{
    if (r->status != 0)
        return;
    bench_set_counter(s, "peak_rss_bytes", (double)r->peak, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "baseline_rss_bytes", (double)r->baseline, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "rss_over_baseline", (double)r->peak - (double)r->baseline,
                      BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "rss_from_case_start", r->from_start ? 1.0 : 0.0,
                      BENCH_COUNTER_PLAIN);
}
