/* child_probe.c - a minimal bench program for test_peak_rss.c: started as
 * --child=touch:<MiB>, it allocates and touches that much memory; as
 * --child=exit:<code>, it exits with that status; as --child=crash, it
 * is killed by SIGABRT. */
#include "harness/cli.h"
#include "shim/bench.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

static int probe_child(const char *spec)
{
    if (strncmp(spec, "touch:", 6) == 0) {
        size_t bytes = (size_t)strtoul(spec + 6, NULL, 10) << 20;
        char *p = malloc(bytes);
        if (!p)
            return 1;
        memset(p, 1, bytes);
        /* Without this the compiler may drop the unused buffer entirely. */
        bench_do_not_optimize(p);
        free(p);
        return 0;
    }
    if (strncmp(spec, "exit:", 5) == 0)
        return atoi(spec + 5);
    if (strcmp(spec, "crash") == 0)
        raise(SIGKILL);
    return 2;
}

static const bench_program probe = {
    .name = "child_probe",
    .purpose = "Test helper for peak_rss: runs one child case.",
    .max_ws = {.full = 4096, .quick = 4096},
    .min_time_s = {.full = 0.01, .quick = 0.01},
    .child_main = probe_child,
};

int main(int argc, char **argv)
{
    bench_cli_start(&probe, argc, argv);
    return bench_cli_finish();
}
