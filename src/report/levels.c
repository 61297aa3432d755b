/* levels.c - measured cache levels of a run, and byte counts for people. */
#include "levels.h"

#include "harness/enum_text.h"
#include "harness/sizes.h"

#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

bool report_levels_from_stride(const report_run *run, machine_profile *out)
{
    double arg;
    if (report_run_args(run, "stride/levels", &arg, 1) == 0)
        return false;
    char name[64];
    report_case_name_at(name, sizeof name, arg, "stride/levels");
    summary count;
    if (report_run_summary(run, name, "levels", &count) != SAMPLE_OK ||
        !(count.median >= 1) || count.median > PROFILE_MAX_LEVELS)
        return false;
    machine_profile p;
    profile_fallback(&p, "unused");
    p.nlevels = (size_t)count.median;
    double before = 0;
    for (size_t k = 0; k < p.nlevels; k++) {
        char key[32];
        summary bytes, ns;
        snprintf(key, sizeof key, "l%zu_bytes", k + 1);
        /* Sizes must ascend: a level no larger than the one before is a
         * curve the bench misread, and no basis for a verdict. */
        if (report_run_summary(run, name, key, &bytes) != SAMPLE_OK ||
            !(bytes.median > before) || bytes.median > (double)SIZE_MAX / 2)
            return false;
        snprintf(key, sizeof key, "l%zu_ns", k + 1);
        p.level[k].bytes = (size_t)bytes.median;
        p.level[k].ns = report_run_summary(run, name, key, &ns) == SAMPLE_OK ? ns.median : NAN;
        before = bytes.median;
    }
    summary mem;
    p.memory_ns = report_run_summary(run, name, "mem_ns", &mem) == SAMPLE_OK ? mem.median : NAN;
    p.measured = true;
    snprintf(p.source, sizeof p.source, "the run's %s case (pointer chase)", name);
    *out = p;
    return true;
}

void report_levels_of_run(const report_run *run, report_levels *out)
{
    memset(out, 0, sizeof *out);
    out->reported_ignored = profile_ignore_reported();
    if (!out->reported_ignored)
        out->reported = report_run_caches(run, NULL);
    char path[4096];
    snprintf(path, sizeof path, "%s/machine.json", run->dir ? run->dir : ".");
    if (profile_load(path, &out->profile)) {
        out->source = LEVELS_MACHINE_JSON;
        return;
    }
    char why[sizeof out->profile.source];
    snprintf(why, sizeof why, "%s", out->profile.source);
    if (report_levels_from_stride(run, &out->profile)) {
        out->source = LEVELS_STRIDE_CASE;
        return;
    }
    out->source = LEVELS_FALLBACK;
    /* profile_fallback already holds the reason machine.json failed. */
    snprintf(out->profile.source, sizeof out->profile.source, "%s", why);
}

size_t level_of(const report_levels *lv, double ws)
{
    const machine_profile *p = &lv->profile;
    for (size_t k = 0; k < p->nlevels; k++)
        if (ws <= (double)p->level[k].bytes)
            return k;
    return p->nlevels;
}

const char *level_name(const report_levels *lv, size_t level)
{
    return profile_level_name(&lv->profile, level);
}

double level_size(const report_levels *lv, size_t level)
{
    return level < lv->profile.nlevels ? (double)lv->profile.level[level].bytes : 0;
}

size_t level_count(const report_levels *lv)
{
    return lv->profile.nlevels + 1;
}

const char *level_source_name(level_source s)
{
    static const char *const names[] = {
        [LEVELS_MACHINE_JSON] = "machine.json",
        [LEVELS_STRIDE_CASE] = "the run's stride/levels case",
        [LEVELS_FALLBACK] = "fallback",
    };
    return ENUM_TEXT(names, s, "fallback");
}

const char *bytes_human(double bytes, char *buf, size_t bufsize)
{
    if (!(bytes >= 0) || bytes > 1e18)
        bytes = 0;
    return size_format((size_t)llround(bytes), buf, bufsize);
}
