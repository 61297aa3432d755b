/* fault_share.c - a case's faults times the calibrated cost, against its time. */
#include "fault_share.h"

#include "levels.h"

#include <math.h>

double report_run_fault_us(const report_run *run)
{
    report_levels lv;
    report_levels_of_run(run, &lv);
    return lv.source == LEVELS_MACHINE_JSON ? lv.profile.fault_us : NAN;
}

bool fault_share_of(const report_run *run, const char *name, double items,
                    double fault_us, fault_share *out)
{
    summary faults, ns;
    if (!(fault_us > 0) || !isfinite(fault_us) || !(items > 0) ||
        report_run_summary(run, name, "faults", &faults) != SAMPLE_OK ||
        report_run_summary(run, name, "ns_per_item", &ns) != SAMPLE_OK ||
        !(faults.median >= 0) || !(ns.median > 0))
        return false;
    *out = (fault_share){
        .faults = faults.median,
        .fault_us = fault_us,
        .fault_ns = faults.median * fault_us * 1e3,
        .time_ns = ns.median * items,
    };
    return true;
}

/* "240 ms": a time in ns in the unit that keeps it short. */
static void time_text(text *t, double ns)
{
    if (ns >= 1e9)
        text_printf(t, "%.3g s", ns / 1e9);
    else if (ns >= 1e6)
        text_printf(t, "%.3g ms", ns / 1e6);
    else if (ns >= 1e3)
        text_printf(t, "%.3g us", ns / 1e3);
    else
        text_printf(t, "%.3g ns", ns);
}

void fault_share_text(text *t, const fault_share *s, const char *per)
{
    if (s->faults == 0) {
        text_printf(t, "0 faults per %s", per);
        return;
    }
    /* A mean over builds can be fractional; a large count reads whole. */
    if (s->faults >= 100 || s->faults == floor(s->faults))
        text_printf(t, "%.0f", s->faults);
    else
        text_printf(t, "%.3g", s->faults);
    text_printf(t, " faults x %.3g us = ", s->fault_us);
    time_text(t, s->fault_ns);
    text_printf(t, " of the ");
    time_text(t, s->time_ns);
    text_printf(t, " per %s ", per);
    if (s->fault_ns <= s->time_ns)
        text_printf(t, "(%.0f%%)", floor(100 * s->fault_ns / s->time_ns));
    else
        text_printf(t, "(more than all of it: these faults cost less than the "
                       "calibrated one)");
}

void fault_share_paragraph(text *body, const report_run *run, const char *where,
                           const fault_case *cases, size_t n, const char *per)
{
    text_printf(body, "Page faults (not part of the verdict): ");
    double us = report_run_fault_us(run);
    if (!(us > 0)) {
        text_printf(body, "not shown, the run's machine.json has no measured cost of "
                          "a fault.\n\n");
        return;
    }
    size_t shown = 0;
    for (size_t i = 0; i < n; i++) {
        fault_share s;
        if (!fault_share_of(run, cases[i].name, cases[i].items, us, &s))
            continue;
        if (shown++ == 0)
            text_printf(body, "at %s, ", where);
        else
            text_printf(body, "; ");
        text_printf(body, "%s ", cases[i].label);
        fault_share_text(body, &s, per);
    }
    if (shown == 0)
        text_printf(body, "not shown, these cases have no `faults` counter (a run made "
                          "before the benches recorded it).\n\n");
    else
        text_printf(body, ".\n\n");
}
