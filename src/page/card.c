/*
 * card.c - the machine card (card.h), from machine.json (measured and
 * reported levels, notes), conditions and a bench's context.
 */
#include "page/card.h"

#include "page/fmt.h"
#include "page/html.h"

#include <string.h>

/* The reporting sources of machine.json's "reported", in column order. */
static const char *const sources[] = {"sysfs", "cpuid", "getconf"};
static const char *const source_titles[] = {"sysfs", "CPUID", "getconf"};
#define NSOURCES (sizeof sources / sizeof *sources)

/* The level named name in an array of {name, bytes, ...}; NULL if absent. */
static json_t *level_named(json_t *levels, const char *name)
{
    size_t i;
    json_t *l;
    json_array_foreach(levels, i, l) {
        const char *n = json_string_value(json_object_get(l, "name"));
        if (n && strcmp(n, name) == 0)
            return l;
    }
    return NULL;
}

static void size_cell(FILE *out, json_t *level)
{
    json_t *b = json_object_get(level, "bytes");
    fputs("<td class=\"n\">", out);
    if (json_is_number(b))
        fmt_bytes(out, json_number_value(b));
    else
        fputs("&ndash;", out);
    fputs("</td>", out);
}

static void row(FILE *out, const char *label, const char *value)
{
    fputs("<tr><th>", out);
    html_text(out, label);
    fputs("</th><td>", out);
    if (value && *value)
        html_text(out, value);
    else
        fputs("<span class=\"missing\">not recorded</span>", out);
    fputs("</td></tr>\n", out);
}

/* Levels: one row per name measured or reported (L1..L4), then memory. */
static void levels_table(FILE *out, json_t *machine)
{
    json_t *measured = json_object_get(json_object_get(machine, "measured"), "levels");
    json_t *reported = json_object_get(machine, "reported");
    bool ignored = json_is_true(json_object_get(reported, "ignored"));
    fputs("<table class=\"levels\"><tr><th>level</th><th>measured size</th>"
          "<th>latency (ns)</th>", out);
    for (size_t s = 0; s < NSOURCES; s++)
        fprintf(out, "<th>reported (%s)</th>", source_titles[s]);
    fputs("</tr>\n", out);
    static const char *const names[] = {"L1", "L2", "L3", "L4"};
    for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
        json_t *m = level_named(measured, names[k]);
        bool any = m != NULL;
        for (size_t s = 0; s < NSOURCES; s++)
            any = any || level_named(json_object_get(json_object_get(reported, sources[s]),
                                                     "levels"), names[k]);
        if (!any)
            continue;
        fprintf(out, "<tr><th>%s</th>", names[k]);
        if (m) {
            size_cell(out, m);
            fputs("<td class=\"n\">", out);
            json_t *ns = json_object_get(m, "ns");
            if (json_is_number(ns))
                fmt_number(out, json_number_value(ns));
            else
                fputs("&ndash;", out);
            fputs("</td>", out);
        } else {
            fputs("<td class=\"missing\">not found</td><td></td>", out);
        }
        for (size_t s = 0; s < NSOURCES; s++)
            size_cell(out, level_named(json_object_get(json_object_get(reported, sources[s]),
                                                       "levels"), names[k]));
        fputs("</tr>\n", out);
    }
    json_t *mem = json_object_get(json_object_get(machine, "measured"), "memory_ns");
    fputs("<tr><th>memory</th><td></td><td class=\"n\">", out);
    if (json_is_number(mem))
        fmt_number(out, json_number_value(mem));
    else
        fputs("&ndash;", out);
    fprintf(out, "</td><td colspan=\"%zu\">%s</td></tr>\n</table>\n", NSOURCES,
            ignored ? "reported sizes ignored by this run (MEMLAYOUT_IGNORE_REPORTED=1)" : "");
}

static void warnings(FILE *out, const page_run *run)
{
    json_t *notes = json_object_get(run->machine, "notes");
    const char *busy = json_is_true(json_object_get(json_object_get(run->machine, "conditions"),
                                                    "busy"))
                           ? json_string_value(json_object_get(
                                 json_object_get(run->machine, "conditions"), "text"))
                           : NULL;
    if (json_array_size(notes) == 0 && !busy)
        return;
    fputs("<details open><summary>Notes and warnings of the calibration</summary><ul>\n", out);
    if (busy) {
        fputs("<li class=\"warn\">The machine was busy while calibrating: ", out);
        html_text(out, busy);
        fputs("</li>\n", out);
    }
    size_t i;
    json_t *n;
    json_array_foreach(notes, i, n) {
        if (!json_is_string(n))
            continue;
        fputs("<li>", out);
        html_text(out, json_string_value(n));
        fputs("</li>\n", out);
    }
    fputs("</ul></details>\n", out);
}

/* The host speed check (report.json "host_speed"): a row, and in it the
 * programs a share of whose cases ran while the host was slow. */
static void host_speed_row(FILE *out, const page_run *run)
{
    json_t *hs = json_object_get(run->report, "host_speed");
    json_t *ref = json_object_get(hs, "reference_ns");
    if (!json_is_number(ref))
        return;
    fputs("<tr><th>host speed check</th><td>", out);
    fmt_number(out, json_number_value(ref) / 1e3);
    fputs(" us usually; ", out);
    if (json_is_true(json_object_get(hs, "calibration_slowed")))
        fputs("<span class=\"warn\">the calibration ran slowed: its measured levels may be "
              "off</span>; ", out);
    if (json_is_object(json_object_get(hs, "first_calibration")))
        fputs("calibrated again after the programs (the first calibration ran slowed and is "
              "kept in machine.json); ", out);
    size_t i, warned = 0;
    json_t *p;
    json_array_foreach(json_object_get(hs, "programs"), i, p) {
        if (!json_is_true(json_object_get(p, "warned")))
            continue;
        fputs(warned++ ? ", " : "<span class=\"warn\">slower than that in ", out);
        html_text(out, json_string_value(json_object_get(p, "name")));
        fputs(" (", out);
        fmt_number(out, json_number_value(json_object_get(p, "slowed")));
        fputs(" of ", out);
        fmt_number(out, json_number_value(json_object_get(p, "runs")));
        fputs(" case runs)", out);
    }
    if (warned) {
        fputs(": the host ran this machine slower there (", out);
        fmt_number(out, json_number_value(json_object_get(hs, "left_out")));
        fputs(" slowed repetitions left out of the figures); verdicts resting on those "
              "programs may not repeat</span>", out);
    }
    else
        fputs("no program ran slowed", out);
    fputs("</td></tr>\n", out);
}

void page_machine_card(FILE *out, const page_run *run)
{
    json_t *m = run->machine;
    fputs("<div class=\"card\" id=\"machine\">\n<h2>The machine</h2>\n<table>\n", out);
    row(out, "host", json_string_value(json_object_get(m, "host")));
    row(out, "CPU", json_string_value(json_object_get(m, "cpu_model")));
    row(out, "compiler", run->compiler);
    row(out, "allocator", run->allocator);
    row(out, "noise grade", run->noise_grade);
    row(out, "mode", run->mode);
    json_t *others = json_object_get(run->conditions, "others_cpu_share");
    if (json_is_number(others)) {
        fputs("<tr><th>other programs</th><td>", out);
        fmt_number(out, 100 * json_number_value(others));
        fputs("% of the CPUs while the benches ran</td></tr>\n", out);
    }
    host_speed_row(out, run);
    fputs("</table>\n", out);
    if (!m) {
        fputs("<p class=\"missing\">This run has no machine profile (machine.json): "
              "no measured levels to show.</p>\n</div>\n", out);
        return;
    }
    json_t *line = json_object_get(json_object_get(m, "measured"), "line_bytes");
    levels_table(out, m);
    if (json_is_number(line)) {
        fputs("<p>Memory moves ", out);
        fmt_bytes(out, json_number_value(line));
        fputs(" at a time (measured).</p>\n", out);
    }
    warnings(out, run);
    fputs("</div>\n", out);
}
