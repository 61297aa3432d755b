/* host_speed.c - the cases that ran while the host was slow: each case's
 * host check against the calibration's. */
#include "host_speed.h"

#include "harness/host_speed.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The program a case belongs to: "traverse" of "traverse/aos/170". */
static host_speed_program *program_of(host_speed_summary *s, const char *case_name)
{
    size_t len = strcspn(case_name, "/");
    if (len == 0 || len >= sizeof s->programs[0].name)
        return NULL;
    for (size_t i = 0; i < s->nprograms; i++)
        if (strncmp(s->programs[i].name, case_name, len) == 0 &&
            s->programs[i].name[len] == '\0')
            return &s->programs[i];
    if (s->nprograms == HOST_SPEED_MAX_PROGRAMS)
        return NULL;
    host_speed_program *p = &s->programs[s->nprograms++];
    *p = (host_speed_program){.worst = 0};
    memcpy(p->name, case_name, len);
    p->name[len] = '\0';
    return p;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const host_speed_program *)a)->name, ((const host_speed_program *)b)->name);
}

void report_host_speed(const report_run *run, host_speed_summary *out)
{
    memset(out, 0, sizeof *out);
    out->reference_ns = run->host_reference_ns;
    out->calibration_ns = NAN;
    out->dropped = run->host_dropped_reps;
    out->kept_slowed = run->host_slowed_cases;
    if (!(out->reference_ns > 0))
        return;
    if (run->host_calibration_ns > 0) {
        out->calibration_ns = run->host_calibration_ns;
        out->calibration_gave_up = run->host_calibration_gave_up;
        out->calibration_slowed = host_speed_calibration_slowed(
            out->calibration_ns, out->calibration_gave_up, out->reference_ns);
    }
    out->first_calibration_ns = run->host_first_calibration_ns;
    out->first_gave_up = run->host_first_gave_up;
    out->recalibrated = out->first_calibration_ns > 0 || out->first_gave_up > 0;
    enum { CAP = 64 };
    for (size_t i = 0; i < report_run_case_count(run); i++) {
        const char *name = report_run_case_name(run, i);
        double ns[CAP];
        size_t count;
        if (report_run_samples(run, name, HOST_SPEED_COUNTER, ns, CAP, &count) != SAMPLE_OK)
            continue;
        host_speed_program *p = program_of(out, name);
        if (!p)
            continue;
        for (size_t k = 0; k < count && k < CAP; k++) {
            if (!(ns[k] > 0))
                continue;
            double ratio = ns[k] / out->reference_ns;
            p->runs++;
            out->runs++;
            if (ratio >= REPORT_HOST_SLOW) {
                p->slowed++;
                out->slowed++;
            }
            if (ratio > p->worst)
                p->worst = ratio;
        }
    }
    qsort(out->programs, out->nprograms, sizeof out->programs[0], by_name);
    out->known = out->runs > 0;
}

bool host_speed_calibration_slowed(double check_ns, size_t gave_up, double reference_ns)
{
    return gave_up > 0 || check_ns >= REPORT_HOST_SLOW * reference_ns;
}

bool host_speed_program_slowed(const host_speed_program *p)
{
    return p->runs > 0 && (double)p->slowed >= HOST_SPEED_WARN_SHARE * (double)p->runs;
}

static void program_figures(const host_speed_program *p, const char *sep, text *out)
{
    text_printf(out, "%s%s %zu of %zu (up to %.2fx)", sep, p->name, p->slowed, p->runs,
                p->worst);
}

void host_speed_sentence(const host_speed_summary *s, text *out)
{
    if (!s->known) {
        text_printf(out, "not measured (no case carries host_check_ns)");
        return;
    }
    bool from_calibration = s->calibration_ns == s->reference_ns;
    text_printf(out, "%.1f us (%s)", s->reference_ns / 1e3,
                from_calibration ? "the calibration's" : "the cases' median");
    if (!isnan(s->calibration_ns) && !from_calibration)
        text_printf(out, ", calibration %.1f us", s->calibration_ns / 1e3);
    if (s->calibration_slowed)
        text_printf(out, " (calibration slowed: its measured levels may be off)");
    if (s->recalibrated) {
        text_printf(out, " (calibrated again after the programs: the first calibration ran "
                         "slowed");
        if (s->first_calibration_ns > 0)
            text_printf(out, ", check %.1f us", s->first_calibration_ns / 1e3);
        if (s->first_gave_up)
            text_printf(out, ", %zu repeats beside another thread", s->first_gave_up);
        text_printf(out, "; kept in machine.json as first_calibration)");
    }
    if (s->slowed == 0) {
        text_printf(out, "; every case within %.2fx of it (%zu case runs)", REPORT_HOST_SLOW,
                    s->runs);
        return;
    }
    text_printf(out, "; %.2fx slower or more in %zu of %zu case runs:", REPORT_HOST_SLOW,
                s->slowed, s->runs);
    const char *sep = " ";
    for (size_t i = 0; i < s->nprograms; i++)
        if (s->programs[i].slowed) {
            program_figures(&s->programs[i], sep, out);
            sep = ", ";
        }
    text_printf(out, "; %zu left out of the figures", s->dropped);
    if (s->kept_slowed)
        text_printf(out, ", %zu cases judged on slowed repetitions (too few others)",
                    s->kept_slowed);
}

size_t host_speed_slowed_programs(const host_speed_summary *s, text *out)
{
    size_t n = 0;
    for (size_t i = 0; i < s->nprograms; i++)
        if (host_speed_program_slowed(&s->programs[i]))
            program_figures(&s->programs[i], n++ ? ", " : "", out);
    return n;
}
