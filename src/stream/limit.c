/* limit.c - a reading method in a child under RLIMIT_AS, and how it ended. */
#include "stream/limit.h"

#include "harness/child_output.h"
#include "harness/enum_text.h"
#include "harness/machine.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

/* The child's report descriptor (harness/peak_rss.h): its VmHWM, sent by
 * bench_cli_start after child_main, whatever the status. */
#define REPORT_FD 3

static const char *const end_names[] = {
    [LIMIT_COMPLETED] = "completed",
    [LIMIT_NO_MEMORY] = "allocation failed",
    [LIMIT_KILLED] = "killed by a signal",
    [LIMIT_FAILED] = "failed",
};

const char *limit_end_name(limit_end e)
{
    return ENUM_TEXT(end_names, e, "unknown");
}

limit_outcome limit_outcome_of(int status, size_t peak_rss)
{
    limit_outcome o = {.status = status, .peak_rss = peak_rss};
    if (status == 0)
        o.end = LIMIT_COMPLETED;
    else if (status == STREAM_CHILD_NO_MEMORY)
        o.end = LIMIT_NO_MEMORY;
    else if (status > 128 && status < 128 + 65) {
        o.end = LIMIT_KILLED;
        o.signal = status - 128;
    } else
        o.end = LIMIT_FAILED;
    return o;
}

int limit_run_child(const char *program, size_t budget, const char *spec,
                    limit_outcome *out)
{
    char arg[512];
    int len = snprintf(arg, sizeof arg, "--child=limit:%zu:%s", budget, spec);
    if (len < 0 || (size_t)len >= sizeof arg) {
        fprintf(stderr, "stream: the limit child's spec is too long\n");
        return -1;
    }
    char report[64], why[256] = "";
    int status = child_output(program, arg, REPORT_FD, report, sizeof report, why,
                              sizeof why);
    if (status == 127 && why[0]) {
        fprintf(stderr, "stream: %s\n", why);
        return -1;
    }
    char *end;
    unsigned long long peak = strtoull(report, &end, 10);
    *out = limit_outcome_of(status, end != report && *end == '\n' ? (size_t)peak : 0);
    return 0;
}

int limit_apply(size_t budget)
{
    size_t now = machine_proc_kib_field("/proc/self/status", "VmSize");
    if (now == 0) {
        errno = ENOENT;
        return -1;
    }
    if (budget > SIZE_MAX - now) {
        errno = EINVAL;
        return -1;
    }
    struct rlimit rl = {.rlim_cur = now + budget, .rlim_max = now + budget};
    return setrlimit(RLIMIT_AS, &rl);
}
