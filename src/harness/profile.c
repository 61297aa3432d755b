/* profile.c - load machine.json, fall back when there is none, place a working set in a level. */
#include "profile.h"

#include "harness/env_switch.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void profile_fallback(machine_profile *out, const char *why)
{
    *out = (machine_profile){
        .nlevels = 3,
        .level = {{(size_t)32 << 10, NAN}, {(size_t)512 << 10, NAN}, {(size_t)8 << 20, NAN}},
        .memory_ns = NAN,
        .line_bytes = 64,
        .read_bytes_per_s = NAN,
        .fault_us = NAN,
        .host_check_ns = NAN,
        .first_check_ns = NAN,
    };
    snprintf(out->source, sizeof out->source,
             "%s; assumed L1 32 KiB, L2 512 KiB, L3 8 MiB, 64-byte lines (not measured: "
             "run build/bin/calibrate)", why);
}

/* A positive finite number from obj[key], or NAN. */
static double number(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    double d = json_is_number(v) ? json_number_value(v) : NAN;
    return isfinite(d) && d > 0 ? d : NAN;
}

/* A whole count from obj[key]: 0 when absent or not a sane count. */
static size_t count(json_t *obj, const char *key)
{
    double v = number(obj, key);
    return v >= 1 && v < 1e9 ? (size_t)v : 0;
}

/* The bandwidth curve, kept only whole: every point a positive size above
 * the one before and a positive rate, else none (nbw 0).  A profile
 * without it is still a profile; the curve is shown, it decides nothing. */
static void parse_curve(json_t *curve, machine_profile *p)
{
    p->nbw = 0;
    if (!json_is_array(curve) || json_array_size(curve) > PROFILE_MAX_BW_POINTS)
        return;
    size_t k;
    json_t *point;
    json_array_foreach(curve, k, point) {
        double bytes = number(point, "bytes"), rate = number(point, "bytes_per_second");
        if (!(bytes > 0) || !(rate > 0) || bytes > 1e15 ||
            (k > 0 && bytes <= p->bw[k - 1].bytes))
            return;
        p->bw[k].bytes = bytes;
        p->bw[k].bytes_per_s = rate;
    }
    p->nbw = json_array_size(curve);
}

/* Fills p from the "measured" object; false with the reason in why. */
static bool parse_measured(json_t *m, machine_profile *p, char *why, size_t size)
{
    json_t *levels = json_object_get(m, "levels");
    if (!json_is_array(levels) || json_array_size(levels) > PROFILE_MAX_LEVELS) {
        snprintf(why, size, "\"measured.levels\" is not an array of at most %d levels",
                 PROFILE_MAX_LEVELS);
        return false;
    }
    size_t k;
    json_t *level;
    json_array_foreach(levels, k, level) {
        double bytes = number(level, "bytes");
        if (isnan(bytes) || bytes > 1e15 || (k > 0 && bytes <= (double)p->level[k - 1].bytes)) {
            snprintf(why, size, "level %zu has no size above the level before", k + 1);
            return false;
        }
        p->level[k] = (profile_level){(size_t)bytes, number(level, "ns")};
    }
    p->nlevels = json_array_size(levels);
    p->memory_ns = number(m, "memory_ns");
    double line = number(m, "line_bytes");
    if (line > (double)PROFILE_MAX_LINE_BYTES) {
        snprintf(why, size, "\"measured.line_bytes\" %g is no cache line's size", line);
        return false;
    }
    p->line_measured = !isnan(line);
    p->line_bytes = p->line_measured ? (size_t)line : 64;
    p->read_bytes_per_s = number(m, "read_bytes_per_second");
    parse_curve(json_object_get(m, "bandwidth_curve"), p);
    p->fault_us = number(m, "page_fault_us");
    p->host_check_ns = number(m, "host_check_ns");
    p->host_gate_gave_up = count(m, "host_gate_gave_up");
    return true;
}

/* Fills p from the "first_calibration" object, when there is one. */
static void parse_first(json_t *first, machine_profile *p)
{
    p->first_check_ns = number(first, "host_check_ns");
    p->first_gate_gave_up = count(first, "host_gate_gave_up");
}

bool profile_read(const char *path, machine_profile *out, char *why, size_t size)
{
    json_error_t jerr;
    json_t *root = json_load_file(path, 0, &jerr);
    machine_profile p = {.measured = true};
    bool ok = false;
    if (!root) {
        snprintf(why, size, "%s: %s", path, jerr.text);
    } else if (!json_is_string(json_object_get(root, "format")) ||
               strcmp(json_string_value(json_object_get(root, "format")), PROFILE_FORMAT) != 0) {
        snprintf(why, size, "%s: not a machine profile (\"format\" is not \"%s\")", path,
                 PROFILE_FORMAT);
    } else if (!json_is_object(json_object_get(root, "measured"))) {
        snprintf(why, size, "%s: no \"measured\" object", path);
    } else {
        char detail[300];
        ok = parse_measured(json_object_get(root, "measured"), &p, detail, sizeof detail);
        if (!ok)
            snprintf(why, size, "%s: %s", path, detail);
        parse_first(json_object_get(root, "first_calibration"), &p);
    }
    json_decref(root);
    if (!ok)
        return false;
    snprintf(p.source, sizeof p.source, "measured: %s", path);
    *out = p;
    return true;
}

bool profile_load(const char *path, machine_profile *out)
{
    char why[400];
    if (profile_read(path, out, why, sizeof why))
        return true;
    profile_fallback(out, why);
    return false;
}

bool profile_from_env(machine_profile *out)
{
    const char *path = getenv(PROFILE_ENV);
    if (!path || !*path) {
        profile_fallback(out, PROFILE_ENV " is not set");
        return false;
    }
    return profile_load(path, out);
}

size_t profile_level_of(const machine_profile *p, size_t bytes)
{
    size_t k = 0;
    while (k < p->nlevels && bytes > p->level[k].bytes)
        k++;
    return k;
}

double profile_read_bw_at(const machine_profile *p, double bytes)
{
    if (p->nbw == 0 || !(bytes > 0))
        return NAN;
    if (bytes <= p->bw[0].bytes)
        return p->bw[0].bytes_per_s;
    for (size_t k = 1; k < p->nbw; k++)
        if (bytes <= p->bw[k].bytes) {
            double lo = p->bw[k - 1].bytes_per_s, hi = p->bw[k].bytes_per_s;
            double t = log(bytes / p->bw[k - 1].bytes) / log(p->bw[k].bytes / p->bw[k - 1].bytes);
            return lo + t * (hi - lo);
        }
    return p->bw[p->nbw - 1].bytes_per_s;
}

const char *profile_level_name(const machine_profile *p, size_t level)
{
    static const char *const names[PROFILE_MAX_LEVELS] = {"L1", "L2", "L3", "L4"};
    return level < p->nlevels && level < PROFILE_MAX_LEVELS ? names[level] : "memory";
}

bool profile_ignore_reported(void)
{
    return env_switch_on(PROFILE_IGNORE_ENV);
}
