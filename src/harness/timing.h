/*
 * timing.h - a monotonic wall clock and the process's CPU clock in
 * seconds, for figures a bench program computes itself (Google Benchmark
 * keeps its own timings).
 */
#ifndef TIMING_H
#define TIMING_H

#include <time.h>

/* Seconds since an arbitrary fixed point; never goes backwards. */
static inline double timing_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* CPU seconds of this process so far (all threads), the clock Google
 * Benchmark's cpu_time uses: a figure compared with cpu_time reads this. */
static inline double timing_cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* CPU seconds of the calling thread only: a figure that other threads of
 * the process must not inflate (the calibration's timer). */
static inline double timing_thread_cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

#endif /* TIMING_H */
