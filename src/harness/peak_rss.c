/* peak_rss.c - a child's own peak resident set, reported through a pipe. */
#include "peak_rss.h"

#include "child_output.h"
#include "machine.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* The child writes its figure to this descriptor; the parent sets it up. */
#define REPORT_FD 3

size_t peak_rss_self(void)
{
    return machine_proc_kib_field("/proc/self/status", "VmHWM");
}

void peak_rss_report_to_parent(void)
{
    if (fcntl(REPORT_FD, F_GETFD) < 0)
        return;
    char buf[32];
    int len = snprintf(buf, sizeof buf, "%zu\n", peak_rss_self());
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
                        size_t *peak_bytes, int *exit_status)
{
    *peak_bytes = 0;
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
    char *end;
    unsigned long long bytes = strtoull(report, &end, 10);
    if (code == 0 && (end == report || *end != '\n'))
        code = 127;
    if (exit_status)
        *exit_status = code;
    if (code != 0)
        return -1;
    *peak_bytes = (size_t)bytes;
    return 0;
}

int peak_rss_of_child(const char *spec, size_t *peak_bytes, int *exit_status)
{
    return peak_rss_of_program("/proc/self/exe", spec, peak_bytes, exit_status);
}
