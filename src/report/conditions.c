/* conditions.c - other programs' share of the CPUs during a run, from
 * <run>/conditions.json. */
#include "conditions.h"

#include "harness/run_conditions.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>

void report_run_share(const char *dir, run_share *out)
{
    *out = (run_share){.recorded = false, .share = NAN, .seconds = NAN};
    char path[4096];
    snprintf(path, sizeof path, "%s/conditions.json", dir ? dir : ".");
    json_error_t err;
    json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &err);
    if (!root) {
        snprintf(out->why, sizeof out->why, "conditions.json: %s", err.text);
        return;
    }
    json_t *share = json_object_get(root, "others_cpu_share");
    json_t *seconds = json_object_get(root, "seconds");
    double s = json_is_number(share) ? json_number_value(share) : NAN;
    double t = json_is_number(seconds) ? json_number_value(seconds) : NAN;
    if (!(s >= 0 && s <= 1) || !(t > 0)) {
        snprintf(out->why, sizeof out->why,
                 "conditions.json wants \"others_cpu_share\" (0..1) and \"seconds\" (> 0)");
    } else {
        out->recorded = true;
        out->share = s;
        out->seconds = t;
    }
    json_decref(root);
}

bool report_run_busy(const run_share *s)
{
    return s->recorded && s->share >= RUN_OTHERS_WARN_SHARE;
}
