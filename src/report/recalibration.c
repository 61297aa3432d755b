/* recalibration.c - judge a run's calibration by its cases' host checks. */
#include "recalibration.h"

#include "host_speed.h"
#include "run.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

bool recalibration_read(const char *dir, recalibration *out, char *err, size_t errsize)
{
    *out = (recalibration){.reference_ns = NAN};
    char path[4096];
    snprintf(path, sizeof path, "%s/machine.json", dir);
    if (!profile_load(path, &out->profile)) {
        /* The reason, without the fallback a bench would then assume. */
        char *assumed = strstr(out->profile.source, "; assumed");
        if (assumed)
            *assumed = '\0';
        snprintf(err, errsize, "%s", out->profile.source);
        return false;
    }
    report_run run;
    if (!report_run_load(&run, dir, err, errsize))
        return false;
    out->reference_ns = run.host_reference_ns;
    report_run_free(&run);
    out->slowed = host_speed_calibration_slowed(out->profile.host_check_ns,
                                                out->profile.host_gate_gave_up, out->reference_ns);
    return true;
}

bool recalibration_may_replace(const recalibration *r, double check_ns, size_t gave_up)
{
    return !host_speed_calibration_slowed(check_ns, gave_up, r->reference_ns);
}
