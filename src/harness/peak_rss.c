/* peak_rss.c - a child's own peak resident set, reported through a pipe. */
#include "peak_rss.h"

#include "child_output.h"
#include "env_switch.h"
#include "machine.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* The child writes its figure to this descriptor; the parent sets it up. */
#define REPORT_FD 3

/* The resident set when this child's case began; 0 until it is kept. */
static size_t case_start;

size_t peak_rss_self(void)
{
    return machine_proc_kib_field("/proc/self/status", "VmHWM");
}

bool peak_rss_start_case(void)
{
    case_start = 0;
    if (env_switch_on(PEAK_RSS_BASELINE_CHILD_ENV))
        return false;
    int fd = open("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    bool reset = write(fd, "5", 1) == 1;
    close(fd);
    if (!reset)
        return false;
    /* The mark now equals the resident set; reading the mark rather than
     * VmRSS takes the start from the same counter as the peak. */
    case_start = peak_rss_self();
    return case_start > 0;
}

void peak_rss_report_to_parent(void)
{
    if (fcntl(REPORT_FD, F_GETFD) < 0)
        return;
    char buf[48];
    int len = snprintf(buf, sizeof buf, "%zu %zu\n", peak_rss_self(), case_start);
    if (write(REPORT_FD, buf, (size_t)len) != len)
        return; /* the parent then reports that no figure arrived */
}

static int fail(int *exit_status, int status)
{
    if (exit_status)
        *exit_status = status;
    return -1;
}

int peak_rss_of_program(const char *program, const char *spec,
                        peak_rss_figure *figure, int *exit_status)
{
    *figure = (peak_rss_figure){0, 0};
    char arg[256];
    int len = snprintf(arg, sizeof arg, "--child=%s", spec);
    if (len < 0 || (size_t)len >= sizeof arg)
        return fail(exit_status, 127);

    char report[64];
    char why[256] = "";
    int code = child_output(program, arg, REPORT_FD, report, sizeof report, why,
                            sizeof why);
    if (code == 127 && why[0])
        fprintf(stderr, "peak_rss: %s\n", why);
    /* "PEAK START\n"; a child built before 2026-12-06 wrote "PEAK\n". */
    char *end, *start_end;
    unsigned long long peak = strtoull(report, &end, 10), start = 0;
    if (*end == ' ') {
        start = strtoull(end + 1, &start_end, 10);
        end = start_end == end + 1 ? end : start_end;
    }
    if (code == 0 && (end == report || *end != '\n' || start > peak))
        code = 127;
    if (exit_status)
        *exit_status = code;
    if (code != 0)
        return -1;
    *figure = (peak_rss_figure){(size_t)peak, (size_t)start};
    return 0;
}

int peak_rss_of_child(const char *spec, peak_rss_figure *figure, int *exit_status)
{
    return peak_rss_of_program("/proc/self/exe", spec, figure, exit_status);
}
