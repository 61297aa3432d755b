/* profile_write.c - machine.json and the notes that explain it. */
#include "profile_write.h"

#include "harness/profile.h"
#include "harness/sizes.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const level_names[] = {"L1", "L2", "L3", "L4"};

__attribute__((format(printf, 2, 3)))
static void note(profile_notes *n, const char *fmt, ...)
{
    if (n->count >= PROFILE_MAX_NOTES)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(n->text[n->count++], sizeof n->text[0], fmt, ap);
    va_end(ap);
}

static void source_notes(const profile_reported *r, profile_notes *n)
{
    if (r->ignored) {
        note(n, "reported sizes ignored (MEMLAYOUT_IGNORE_REPORTED=1 or --ignore-reported): "
                "sysfs, CPUID and getconf were not read");
        return;
    }
    const reported_source *all[] = {&r->sysfs, &r->cpuid, &r->getconf};
    for (size_t i = 0; i < 3; i++)
        if (!all[i]->available)
            note(n, "%s reports no cache sizes: %s", all[i]->name, all[i]->detail);
}

/* One level, measured and/or reported. */
static void level_note(const profile_measured *m, const profile_reported *r, size_t k,
                       profile_notes *n)
{
    char rep[32], mea[32], last[32];
    size_t rb = 0, nmeas = m->have_levels ? m->levels.count : 0;
    const reported_source *src = reported_level(r, k, &rb);
    if (k < nmeas)
        size_format((size_t)m->levels.bytes[k], mea, sizeof mea);
    if (src)
        size_format(rb, rep, sizeof rep);
    if (src && k < nmeas) {
        double ratio = (double)rb / m->levels.bytes[k];
        if (ratio <= PROFILE_AGREE_FACTOR && ratio >= 1 / PROFILE_AGREE_FACTOR)
            note(n, "%s: reported %s (%s), measured %s at %.1f ns: they agree", level_names[k],
                 rep, src->name, mea, m->levels.ns[k]);
        else if (ratio > 1)
            note(n, "reported %s %s (%s), measured %s at %.1f ns: this process gets far less "
                    "than reported (on a virtual machine the reported size is often the "
                    "host's whole cache, shared with other guests); the suite uses the "
                    "measured size", level_names[k], rep, src->name, mea, m->levels.ns[k]);
        else
            note(n, "reported %s %s (%s), measured %s at %.1f ns: the latency curve shows no "
                    "step at the reported size (levels of similar latency merge); the suite "
                    "uses the measured size", level_names[k], rep, src->name, mea,
                 m->levels.ns[k]);
    } else if (src && nmeas > 0) {
        note(n, "reported %s %s (%s), not found by the chase: past the last measured level "
                "(%s, %s) latency rises to memory's %.0f ns; the suite counts such working "
                "sets as in memory", level_names[k], rep, src->name, level_names[nmeas - 1],
             size_format((size_t)m->levels.bytes[nmeas - 1], last, sizeof last),
             m->levels.ns[nmeas]);
    } else if (k < nmeas) {
        note(n, "measured %s %s at %.1f ns, which no source reports", level_names[k], mea,
             m->levels.ns[k]);
    }
}

static void line_note(const profile_measured *m, const profile_reported *r, profile_notes *n)
{
    size_t lb = 0;
    const reported_source *src = reported_line(r, &lb);
    if (!m->line_found)
        note(n, "no bend in the stride curve up to 2 KiB: the transfer unit is unknown, "
                "%d B assumed", PROFILE_CHASE_SPACING);
    else if (src && lb == m->line_bytes)
        note(n, "line: reported %zu B (%s), measured transfer unit %zu B: they agree", lb,
             src->name, m->line_bytes);
    else if (src)
        note(n, "line: reported %zu B (%s), measured transfer unit %zu B: reads S bytes apart "
                "get slower up to S = %zu B, so memory moves %zu B at a time here%s",
             lb, src->name, m->line_bytes, m->line_bytes, m->line_bytes,
             m->line_bytes > lb ? " (the hardware fetches neighbouring lines too)" : "");
}

/* The bandwidth at the stride region against the whole buffer's. */
static void bandwidth_note(const profile_measured *m, profile_notes *n)
{
    double at_region = NAN;
    for (size_t i = 0; i < m->nregions; i++)
        if (m->bw_region_bytes[i] == (double)m->region_bytes)
            at_region = m->bw_bytes_per_s[i];
    if (!(at_region > 0) || m->nregions == 0 ||
        m->read_bytes_per_s >= at_region / PROFILE_AGREE_FACTOR)
        return;
    char a[32], b[32];
    note(n, "sequential reads run at %.1f GB/s over %s but %.1f GB/s over %s, though both "
            "are past the caches: address translation (the TLB, and on a virtual machine "
            "the host's pages) likely costs more as the region grows; the largest region's "
            "figure is the one recorded", at_region / 1e9,
         size_format(m->region_bytes, a, sizeof a), m->read_bytes_per_s / 1e9,
         size_format((size_t)m->bw_region_bytes[m->nregions - 1], b, sizeof b));
}

/* Says which levels the second timing of their boundary points moved by
 * more than PROFILE_BOUNDARY_MOVED (profile_boundary_points): a first
 * pass slowed by another thread, whose sizes the run does not use. */
#define PROFILE_BOUNDARY_MOVED 1.10

static void boundary_note(const profile_measured *m, profile_notes *out)
{
    if (!m->boundary_remeasured || !m->first_had_levels || !m->have_levels)
        return;
    const levels_fit *a = &m->first_levels, *b = &m->levels;
    if (a->count != b->count) {
        note(out, "the %zu points around the ends of the levels below the last, timed again "
                  "at the end, changed how many levels there are: %zu on the first pass, "
                  "%zu now (the faster time of each point counts)",
             m->boundary_remeasured, a->count, b->count);
        return;
    }
    char moved[256] = "";
    size_t len = 0;
    for (size_t k = 0; k < b->count && k < PROFILE_MAX_LEVELS; k++) {
        double r = b->bytes[k] / a->bytes[k];
        if (r <= PROFILE_BOUNDARY_MOVED && r >= 1 / PROFILE_BOUNDARY_MOVED)
            continue;
        char x[32], y[32];
        int w = snprintf(moved + len, sizeof moved - len, "%s%s %s, now %s", len ? "; " : "",
                         level_names[k], size_format((size_t)a->bytes[k], x, sizeof x),
                         size_format((size_t)b->bytes[k], y, sizeof y));
        if (w < 0 || (size_t)w >= sizeof moved - len)
            break;
        len += (size_t)w;
    }
    if (len)
        note(out, "the %zu points around the ends of the levels below the last, timed again "
                  "at the end, moved a level by more than %.0f%%: %s (the faster time of "
                  "each point counts: another thread slows a chase, it never speeds one up)",
             m->boundary_remeasured, (PROFILE_BOUNDARY_MOVED - 1) * 100, moved);
}

void profile_notes_make(const profile_measured *m, const profile_reported *r,
                        const run_others *others, profile_notes *out)
{
    out->count = 0;
    source_notes(r, out);
    if (!m->have_levels || m->levels.count == 0)
        note(out, "no cache level found in the latency curve (it never stayed flat over a "
                  "doubling): every working set counts as in memory");
    else if (m->levels.ns[m->levels.count] < PROFILE_MEMORY_NS)
        note(out, "the largest working set did not reach memory: the last plateau (%.1f ns) "
                  "is faster than any memory (%.0f ns), so it is a cache, recorded as "
                  "memory; raise --max-ws", m->levels.ns[m->levels.count], PROFILE_MEMORY_NS);
    for (size_t k = 0; k < REPORTED_LEVELS; k++)
        level_note(m, r, k, out);
    if (m->beyond_ns > 0) {
        char b[32];
        note(out, "past %s latency rises again, to %.0f ns at the largest working set: "
                  "address translation (page walks; on a virtual machine also the host's "
                  "pages), not a cache; the suite counts all of it as memory (%.0f ns)",
             size_format((size_t)m->beyond_bytes, b, sizeof b), m->beyond_ns,
             m->levels.ns[m->levels.count]);
    }
    if (m->levels_merged > 0)
        note(out, "%zu step%s in latency under %.1fx counted as part of the level below, not "
                  "as a level of %s own: a cache shared with other guests answers more slowly "
                  "the more they use it", m->levels_merged, m->levels_merged == 1 ? "" : "s",
             PROFILE_LEVEL_MIN_STEP, m->levels_merged == 1 ? "its" : "their");
    line_note(m, r, out);
    bandwidth_note(m, out);
    if (m->huge_fraction < 0.9)
        note(out, "the chase ran on base pages (%.0f%% huge pages): TLB misses add steps "
                  "of their own, which may show as cache levels", m->huge_fraction * 100);
    if (isfinite(m->fault_us))
        note(out, "a first touch of a %zu-byte page costs %.1f us: filling 1 GiB of fresh "
                  "memory spends %.1f s in page faults alone", m->page_bytes, m->fault_us,
             m->fault_us * 1e-6 * (double)((size_t)1 << 30) / (double)m->page_bytes);
    if (m->repeats.redone)
        note(out, "%zu of %zu repeats lost the CPU part-way and were run again", m->repeats.redone,
             m->repeats.done);
    if (m->repeats.waits)
        note(out, "another thread shared this core for part of the calibration (the host "
                  "speed check ran %.2fx slower or more): the repeats waited %.2f s in %zu "
                  "naps for it to go%s",
             PROFILE_HOST_GATE, (double)m->repeats.waits * PROFILE_HOST_NAP_S,
             m->repeats.waits,
             m->repeats.gave_up ? "; it did not, and the rest ran beside it: the levels may "
                                  "be smaller than the machine's"
                                : "");
    if (m->remeasured)
        note(out, "%zu points were slower than both neighbours and were measured again",
             m->remeasured);
    boundary_note(m, out);
    if (others && run_conditions_busy(others))
        note(out, "other programs used %.0f%% of the %u CPUs during calibration: figures may "
                  "be disturbed (they share the caches and memory, not only the CPUs)",
             others->share * 100, others->ncpus);
}

/* --- the document ---------------------------------------------------------- */

/* A number, or null when it is not finite (JSON has no NaN). */
static json_t *real(double v)
{
    return isfinite(v) ? json_real(v) : json_null();
}

/* [{kx: x[i], ky: y[i]}, ...] with whole-byte sizes x. */
static json_t *pairs(const double *x, const double *y, size_t n, const char *kx, const char *ky)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++)
        json_array_append_new(a, json_pack("{s:I, s:o}", kx, (json_int_t)x[i], ky, real(y[i])));
    return a;
}

/* [{name, bytes, ns}, ...]: the cache levels of a fit, none without one. */
static json_t *levels_json(const levels_fit *f, bool have)
{
    json_t *levels = json_array();
    size_t count = have ? f->count : 0;
    for (size_t k = 0; levels && k < count && k < PROFILE_MAX_LEVELS; k++)
        json_array_append_new(levels, json_pack("{s:s, s:I, s:o}", "name", level_names[k],
                                                "bytes", (json_int_t)f->bytes[k],
                                                "ns", real(f->ns[k])));
    return levels;
}

static json_t *measured_json(const profile_measured *m)
{
    size_t count = m->have_levels ? m->levels.count : 0;
    return json_pack(
        "{s:o, s:o, s:I, s:o, s:o, s:I, s:b, s:o, s:o, s:o, s:I, s:f, s:o, s:I, s:o, s:o, s:i, s:I, s:I, s:I, s:I, s:I, s:I, s:o}",
        "levels", levels_json(&m->levels, m->have_levels),
        "levels_first_pass", levels_json(&m->first_levels, m->first_had_levels),
        "levels_merged", (json_int_t)m->levels_merged,
        "memory_ns", real(m->have_levels ? m->levels.ns[count] : NAN),
        "beyond_memory", m->beyond_ns > 0 ? json_pack("{s:f, s:f}", "from_bytes", m->beyond_bytes,
                                                        "ns", m->beyond_ns) : json_null(),
        "line_bytes", (json_int_t)m->line_bytes,
        "line_found", m->line_found,
        "read_bytes_per_second", real(m->read_bytes_per_s),
        "page_fault_us", real(m->fault_us),
        "host_check_ns", real(m->host_check_ns),
        "page_bytes", (json_int_t)m->page_bytes,
        "chase_huge_page_fraction", m->huge_fraction,
        "latency_curve", pairs(m->curve_bytes, m->curve_ns, m->npoints, "bytes", "ns"),
        "stride_region_bytes", (json_int_t)m->region_bytes,
        "stride_curve", pairs(m->stride_bytes, m->stride_ns, m->nstrides, "stride_bytes",
                              "ns_per_read"),
        "bandwidth_curve", pairs(m->bw_region_bytes, m->bw_bytes_per_s, m->nregions, "bytes",
                                 "bytes_per_second"),
        "repeats_per_figure", m->repeats.repeats,
        "repeats_run", (json_int_t)m->repeats.done,
        "repeats_redone", (json_int_t)m->repeats.redone,
        "host_gate_waits", (json_int_t)m->repeats.waits,
        "host_gate_gave_up", (json_int_t)m->repeats.gave_up,
        "points_remeasured", (json_int_t)m->remeasured,
        "boundary_points_remeasured", (json_int_t)m->boundary_remeasured,
        "phase_seconds", json_pack("{s:f, s:f, s:f, s:f}", "levels", m->phase_s[0], "line",
                                   m->phase_s[1], "bandwidth", m->phase_s[2], "faults",
                                   m->phase_s[3]));
}

static json_t *source_json(const reported_source *s)
{
    json_t *levels = json_array();
    for (size_t k = 0; levels && k < REPORTED_LEVELS; k++)
        if (s->bytes[k])
            json_array_append_new(levels, json_pack("{s:s, s:I}", "name", level_names[k],
                                                    "bytes", (json_int_t)s->bytes[k]));
    return json_pack("{s:b, s:s, s:o, s:I}", "available", s->available, "detail", s->detail,
                     "levels", levels, "line_bytes", (json_int_t)s->line_bytes);
}

static json_t *conditions_json(const run_others *o)
{
    char text[160];
    if (!o || !o->known)
        return json_pack("{s:s}", "text", "unreadable");
    return json_pack("{s:f, s:f, s:i, s:f, s:b, s:s}", "others_cpu_share", o->share,
                     "others_cpus", o->cpus, "cpus", (int)o->ncpus, "seconds", o->seconds,
                     "busy", run_conditions_busy(o), "text",
                     run_conditions_others_text(o, text, sizeof text));
}

json_t *profile_json(const profile_run_info *info, const profile_measured *m,
                     const profile_reported *r, const run_others *others,
                     const profile_notes *notes)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < notes->count; i++)
        json_array_append_new(list, json_string(notes->text[i]));
    json_t *reported = json_pack("{s:b, s:o, s:o, s:o}", "ignored", r->ignored,
                                 "sysfs", source_json(&r->sysfs), "cpuid",
                                 source_json(&r->cpuid), "getconf", source_json(&r->getconf));
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:I, s:I, s:f, s:o, s:o, s:o, s:o}",
                     "format", PROFILE_FORMAT, "tool", "calibrate",
                     "date", info->date ? info->date : "",
                     "host", info->host ? info->host : "",
                     "cpu_model", info->cpu_model ? info->cpu_model : "",
                     "seed", (json_int_t)info->seed, "max_ws_bytes", (json_int_t)info->max_ws,
                     "seconds", m->seconds, "measured", measured_json(m), "reported", reported,
                     "conditions", conditions_json(others), "notes", list);
}

bool profile_write_file(json_t *doc, const char *path, char *err, size_t errsize)
{
    const size_t flags = JSON_INDENT(2) | JSON_REAL_PRECISION(8);
    if (!doc) {
        snprintf(err, errsize, "out of memory building the profile");
        return false;
    }
    if (strcmp(path, "-") == 0) {
        bool ok = json_dumpf(doc, stdout, flags) == 0 && fputc('\n', stdout) != EOF;
        if (!ok)
            snprintf(err, errsize, "cannot write to stdout");
        return ok;
    }
    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s.tmp.XXXXXX", path) >= (int)sizeof tmp) {
        snprintf(err, errsize, "%s: path too long", path);
        return false;
    }
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(err, errsize, "%s: %s", path, strerror(errno));
        return false;
    }
    FILE *f = fdopen(fd, "w");
    bool ok = f && json_dumpf(doc, f, flags) == 0 && fputc('\n', f) != EOF;
    ok = (f ? fclose(f) == 0 : close(fd) == 0) && ok;
    if (ok && rename(tmp, path) != 0)
        ok = false;
    if (!ok) {
        snprintf(err, errsize, "%s: %s", path, errno ? strerror(errno) : "write failed");
        unlink(tmp);
    }
    return ok;
}
