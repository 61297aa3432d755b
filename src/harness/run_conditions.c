/* run_conditions.c - CPU model, governor, load average, and others' CPU time during a run. */
#include "run_conditions.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *unreadable(char *buf, size_t size)
{
    snprintf(buf, size, "unreadable");
    return buf;
}

const char *run_conditions_first_line(const char *path, char *buf, size_t size)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return unreadable(buf, size);
    bool ok = fgets(buf, (int)size, f) != NULL;
    fclose(f);
    if (!ok)
        return unreadable(buf, size);
    buf[strcspn(buf, "\n")] = '\0';
    return buf[0] ? buf : unreadable(buf, size);
}

const char *run_conditions_cpu_model(char *buf, size_t size)
{
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (!f)
        return unreadable(buf, size);
    char line[512];
    const char *found = NULL;
    while (!found && fgets(line, sizeof line, f)) {
        if (strncmp(line, "model name", 10) != 0)
            continue;
        char *colon = strchr(line, ':');
        if (!colon)
            continue;
        colon += 1 + (colon[1] == ' ');
        colon[strcspn(colon, "\n")] = '\0';
        snprintf(buf, size, "%s", colon);
        found = buf;
    }
    fclose(f);
    return found && found[0] ? found : unreadable(buf, size);
}

const char *run_conditions_governor(char *buf, size_t size)
{
    return run_conditions_first_line(
        "/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", buf, size);
}

const char *run_conditions_loadavg(char *buf, size_t size)
{
    double load[3];
    if (getloadavg(load, 3) != 3)
        return unreadable(buf, size);
    snprintf(buf, size, "%.2f %.2f %.2f", load[0], load[1], load[2]);
    return buf;
}

/* The "cpu " line of /proc/stat: user nice system idle iowait irq softirq
 * steal (guest and guest_nice are inside user and nice already). */
static bool parse_proc_stat(const char *text, run_cpu_sample *out)
{
    unsigned long long v[8] = {0};
    if (strncmp(text, "cpu ", 4) != 0)
        return false;
    const char *p = text + 4;
    for (int i = 0; i < 8; i++) {
        char *end;
        v[i] = strtoull(p, &end, 10);
        if (end == p) {
            if (i < 4) /* steal and the rest came with later kernels */
                return false;
            break;
        }
        p = end;
    }
    out->total = v[0] + v[1] + v[2] + v[3] + v[4] + v[5] + v[6] + v[7];
    out->busy = out->total - v[3] - v[4];
    out->cpus = 0;
    for (const char *line = strchr(text, '\n'); line; line = strchr(line + 1, '\n'))
        if (strncmp(line + 1, "cpu", 3) == 0 && line[4] >= '0' && line[4] <= '9')
            out->cpus++;
    return out->cpus > 0;
}

/* Fields 14-17 of /proc/<pid>/stat: utime stime cutime cstime.  The
 * command name (field 2) may hold spaces and parentheses: fields are
 * counted from the last ')'. */
static bool parse_self_stat(const char *text, run_cpu_sample *out)
{
    const char *p = strrchr(text, ')');
    if (!p)
        return false;
    p++;
    unsigned long long own = 0;
    for (int field = 3; field <= 17; field++) {
        while (*p == ' ')
            p++;
        if (!*p || *p == '\n')
            return false;
        const char *start = p;
        while (*p && *p != ' ' && *p != '\n')
            p++;
        if (field >= 14) {
            char *end;
            long long t = strtoll(start, &end, 10);
            if (end != p || t < 0) /* cutime and cstime are signed in the kernel */
                return false;
            own += (unsigned long long)t;
        }
    }
    out->own = own;
    return true;
}

bool run_conditions_parse_sample(const char *proc_stat, const char *self_stat,
                                 run_cpu_sample *out)
{
    run_cpu_sample s = {0};
    s.ok = proc_stat && self_stat && parse_proc_stat(proc_stat, &s) &&
           parse_self_stat(self_stat, &s);
    *out = s;
    return s.ok;
}

/* The whole of a small /proc file into buf; false when unreadable. */
static bool slurp(const char *path, char *buf, size_t size)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    size_t n = fread(buf, 1, size - 1, f);
    fclose(f);
    buf[n] = '\0';
    return n > 0;
}

run_cpu_sample run_conditions_sample(void)
{
    /* /proc/stat is about 1 KiB per CPU before the interrupt lines: the
     * cpu lines of a 64-CPU machine fit. */
    static char stat_text[65536];
    char self_text[1024];
    run_cpu_sample s = {0};
    if (slurp("/proc/stat", stat_text, sizeof stat_text) &&
        slurp("/proc/self/stat", self_text, sizeof self_text))
        run_conditions_parse_sample(stat_text, self_text, &s);
    return s;
}

run_others run_conditions_others(const run_cpu_sample *start, const run_cpu_sample *end,
                                 double ticks_per_second)
{
    run_others o = {0};
    if (!start->ok || !end->ok || end->total < start->total || end->busy < start->busy ||
        !(ticks_per_second > 0))
        return o;
    o.known = true;
    o.ncpus = end->cpus;
    double total = (double)(end->total - start->total);
    double busy = (double)(end->busy - start->busy);
    double own = end->own >= start->own ? (double)(end->own - start->own) : 0;
    /* Per-process and per-CPU ticks are counted apart: ours can come out
     * a tick above the busy total. */
    double others = busy > own ? busy - own : 0;
    o.share = total > 0 ? others / total : 0;
    o.cpus = o.share * o.ncpus;
    o.seconds = o.ncpus ? total / o.ncpus / ticks_per_second : 0;
    return o;
}

bool run_conditions_busy(const run_others *o)
{
    return o->known && o->share >= RUN_OTHERS_WARN_SHARE;
}

const char *run_conditions_others_text(const run_others *o, char *buf, size_t size)
{
    if (!o->known)
        return unreadable(buf, size);
    snprintf(buf, size, "others %.0f%% of %u CPUs (%.2f CPU) over %.1f s", o->share * 100,
             o->ncpus, o->cpus, o->seconds);
    return buf;
}

const char *run_conditions_others_since(const run_cpu_sample *start, char *buf, size_t size)
{
    run_cpu_sample now = run_conditions_sample();
    long hz = sysconf(_SC_CLK_TCK);
    run_others o = run_conditions_others(start, &now, hz > 0 ? (double)hz : 100);
    return run_conditions_others_text(&o, buf, size);
}

bool run_conditions_write(const char *path, const char *name, const run_others *o)
{
    json_t *rec = json_pack("{s:s, s:o, s:f}", "name", name, "others_cpu_share",
                            o->known ? json_real(o->share) : json_null(), "seconds",
                            o->known ? o->seconds : 0.0);
    /* JSON_REAL_PRECISION: 0.03, not 0.029999999999999999. */
    if (!rec)
        return false;
    bool ok = json_dump_file(rec, path, JSON_REAL_PRECISION(4)) == 0;
    json_decref(rec);
    if (!ok)
        remove(path); /* a cut-off file would break the merge */
    return ok;
}
