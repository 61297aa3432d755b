/*
 * cache_checks.c - part (d): the student's column sums, right first (in
 * the grader, under the sanitizers), then their simulated D1 misses (the
 * probe under valgrind's cachegrind: simulated, so the same count on
 * every run and every machine for one build).
 */
#include "../lab.h"
#include "parts.h"

#include "cachegrind_count.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

const char *lab_cache_probe;
const char *lab_cache_skip_reason = "no probe program given (--probe)";

/* Small whole numbers: every order of adding them gives the same double. */
static double value(size_t i, size_t j)
{
    return (double)((i * 31 + j * 17) % 101) - 50.0;
}

static bool sums_one(size_t rows, size_t cols, lab_why *why)
{
    double *m = malloc(rows * cols * sizeof *m);
    double *sums = malloc((cols + 1) * sizeof *sums);
    if (!m || !sums) {
        free(m);
        free(sums);
        return lab_fail(why, "the grader is out of memory");
    }
    for (size_t i = 0; i < rows; i++)
        for (size_t j = 0; j < cols; j++)
            m[i * cols + j] = value(i, j);
    for (size_t j = 0; j <= cols; j++)
        sums[j] = 12345.0; /* not zero: the function must set every sum */
    lab_column_sums(m, rows, cols, sums);
    bool ok = true;
    for (size_t j = 0; j < cols && ok; j++) {
        double want = 0.0;
        for (size_t i = 0; i < rows; i++)
            want += value(i, j);
        if (sums[j] != want)
            ok = lab_fail(why, "%zu x %zu matrix: column %zu sums to %g, not %g", rows,
                          cols, j, sums[j], want);
    }
    if (ok && sums[cols] != 12345.0)
        ok = lab_fail(why, "%zu x %zu matrix: wrote past sums[%zu]", rows, cols, cols - 1);
    free(m);
    free(sums);
    return ok;
}

static bool sums_are_right(lab_why *why)
{
    static const size_t shapes[][2] = {
        {1, 1}, {1, 100}, {100, 1}, {3, 7}, {7, 3}, {LAB_CACHE_ROWS, LAB_CACHE_COLS},
    };
    for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++)
        if (!sums_one(shapes[k][0], shapes[k][1], why))
            return false;
    return true;
}

/* Runs valgrind on lab_cache_probe (set, or this check is skipped); its output file goes to 'out'.  Returns
 * the exit status, or -1 with errno when it could not be started. */
static int run_cachegrind(const char *out, const char *log)
{
    char outopt[4200], logopt[4200];
    snprintf(outopt, sizeof outopt, "--cachegrind-out-file=%s", out);
    snprintf(logopt, sizeof logopt, "--log-file=%s", log);
    /* The simulated caches are fixed here, not guessed from the host's
     * CPUID (a virtual machine may report the whole host's L3). */
    char *argv[] = {
        "valgrind", "--tool=cachegrind", "--cache-sim=yes", "--I1=32768,8,64",
        "--D1=32768,8,64", "--LL=33554432,16,64", outopt, logopt,
        (char *)lab_cache_probe, NULL,
    };
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        execvp(argv[0], argv);
        _exit(127);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static bool misses_are_few(lab_why *why)
{
    char dir[] = "/tmp/lab-cachegrind.XXXXXX";
    if (!mkdtemp(dir))
        return lab_fail(why, "the grader cannot make a directory in /tmp: %s", strerror(errno));
    char out[sizeof dir + 16], log[sizeof dir + 16];
    snprintf(out, sizeof out, "%s/cg.out", dir);
    snprintf(log, sizeof log, "%s/cg.log", dir);
    int status = run_cachegrind(out, log);
    cg_counts n;
    FILE *f = status == 0 ? fopen(out, "r") : NULL;
    bool read = f && cg_count_source(f, "traverse.c", &n);
    if (f)
        fclose(f);
    remove(out);
    remove(log);
    rmdir(dir);
    if (status == 127 || status < 0)
        return lab_fail(why, "valgrind could not be started (apt-get install valgrind)");
    if (status != 0)
        return lab_fail(why, "the probe under cachegrind exited with status %d "
                        "(wrong sums, or a crash)", status);
    if (!read)
        return lab_fail(why, "no cache simulation in cachegrind's output");
    /* The lines the data spans: the matrix, and the sums. */
    uint64_t lines = ((uint64_t)LAB_CACHE_ROWS * LAB_CACHE_COLS + LAB_CACHE_COLS) *
                     sizeof(double) / 64;
    uint64_t bound = lines * LAB_CACHE_MISS_PERCENT / 100 + LAB_CACHE_MISS_SLACK;
    uint64_t misses = n.d1_read_misses + n.d1_write_misses;
    if (misses > bound)
        return lab_fail(why, "%" PRIu64 " simulated D1 misses in traverse.c (bound %" PRIu64
                        "; the data spans %" PRIu64 " lines)", misses, bound, lines);
    return lab_note(why, "%" PRIu64 " simulated D1 misses (bound %" PRIu64 ")", misses, bound);
}

const lab_check lab_cache_checks[] = {
    {"d1", 5, "column sums right for 1x1 up to 512x512, nothing written past them", sums_are_right, NULL},
    {"d2", 10, "simulated D1 misses of traverse.c within 125% of the lines, + 1024", misses_are_few,
     &lab_cache_skip_reason},
    {NULL, 0, NULL, NULL, NULL},
};
