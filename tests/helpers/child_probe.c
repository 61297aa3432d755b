/* child_probe.c - a minimal bench program for test_peak_rss.c: started as
 * --child=touch:<MiB>, it allocates and touches that much memory; as
 * --child=map_kib:<KiB>, it maps that much fresh memory and touches every
 * page (no allocator between, so the growth is exactly that); as
 * --child=exit:<code>, it exits with that status; as --child=crash, it
 * is killed by SIGKILL. */
#include "harness/cli.h"
#include "shim/bench.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

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
    if (strncmp(spec, "map_kib:", 8) == 0) {
        size_t bytes = (size_t)strtoul(spec + 8, NULL, 10) << 10;
        char *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            return 1;
        memset(p, 1, bytes);
        bench_do_not_optimize(p);
        return munmap(p, bytes) == 0 ? 0 : 1;
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
