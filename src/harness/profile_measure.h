/*
 * profile_measure.h - measure this machine's memory in a few seconds: the
 * cache levels (size and latency), the transfer unit, sequential read
 * bandwidth and the cost of a first-touch page fault.
 *
 * Every figure is the median of short repeats (about a millisecond each)
 * of one kernel.  A repeat whose wall time exceeds its thread's CPU time
 * lost the CPU to another program (or to the host) part-way and is done
 * again, up to as many times as there are repeats: on a machine shared
 * with compilers, the median of the repeats that ran alone is what this
 * process would see on a quiet machine, while a count of the redone
 * repeats says how disturbed the calibration was.  Another program can
 * also slow a whole point down through the shared caches and memory
 * without taking the CPU: a point of the latency or stride curve more
 * than 30% slower than both its neighbours is measured again (twice at
 * most), since no cache effect makes a size slower than a larger one.
 *
 *   levels     a dependent-load pointer chase (stride/chase.h) over one
 *              random single cycle (Sattolo, rng.h) through the 64-byte
 *              blocks of working sets from 4 KiB to max_ws, three sizes per
 *              doubling, on huge pages when the kernel gives them (so TLB
 *              misses do not add steps of their own); the curve's plateaus
 *              and boundaries come from stride/latency_levels.h.
 *   line       one 4-byte read every S bytes (stride/strided.h), S = 8 B ..
 *              2 KiB, over a region four times the last measured cache
 *              (at least PROFILE_LINE_MIN_REGION): time per read rises
 *              with S until each read needs a transfer of its own; the
 *              bend (stride/knee.h) is the unit the memory system moves,
 *              the line or a pair of lines.
 *   bandwidth  a sum of every 8-byte word (harness/read_sum.h), over 1 MiB,
 *              2 MiB, .. the whole buffer: bytes per second of one thread
 *              reading sequentially; the whole buffer's is memory's.
 *   faults     fresh base pages from mmap, one byte written per page:
 *              microseconds per first touch (zeroing the page, and on a
 *              virtual machine the host backing it).
 */
#ifndef PROFILE_MEASURE_H
#define PROFILE_MEASURE_H

#include "alloc/alloc.h"
#include "stride/latency_levels.h"

/* The least region the line is measured over: 128 MiB, four times the
 * 32 MiB last-level cache a 2-vCPU guest of this project reports for its
 * host.  Over 64 MiB, six calibrations run back to back on that guest,
 * quiet (2026-12-05), read the step from 64 to 128 B as 1.04-1.62x and
 * put the bend at 64 B twice and 128 B four times (in the four full
 * runs before: 512, 128, 64 and 64 B); over 128 MiB, six read it as
 * 1.78-2.06x and all found 128 B, as the stride bench's 1 GiB did
 * (2.1-2.4x, 128 B in each of those four runs): part of 64 MiB was still
 * served from that cache.  The line phase took 0.16-0.20 s instead of
 * 0.08-0.15 s. */
#define PROFILE_LINE_MIN_REGION ((size_t)128 << 20)

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Spacing of the chase's links: the smallest line of current CPUs, so a
 * working set of W bytes fills W bytes of cache whatever the line size. */
#define PROFILE_CHASE_SPACING 64

/* No cache answers a dependent load in 60 ns or more (an L3 takes 10-40
 * ns), and no DRAM does it faster (70-120 ns on a quiet machine): a
 * plateau this slow is memory, and a later, slower one is not a cache but
 * address translation (page walks, the host's pages on a virtual
 * machine), which grows with the working set. */
#define PROFILE_MEMORY_NS 60.0

/*
 * The least latency step between two cache levels of a calibration.  In
 * 29 calibrations on the project's EPYC guest (2026-12-04 and 05), 25
 * found three cache levels, each at least 2.95x slower than the one below
 * (L1 to L2 3.3-4.0x, L2 to L3 2.95-4.9x); the other 4 split the L3 in
 * two, the second part 1.63-2.07x slower than the first (e.g. 5.1 MiB at
 * 14.7 ns, then 12.1 MiB at 27.6 ns).  The host's L3 is shared with other
 * guests, and the part of it this guest keeps answers more slowly the
 * more its neighbours use it: a step within one level, not another level.
 * Counted as a level, it moved the sizes between 5 and 12 MiB from "L3"
 * to "L4" in one run of four and changed the levels every verdict names.
 * Such a step is merged into the level below it (levels.merged says how
 * many were).
 */
#define PROFILE_LEVEL_MIN_STEP 2.2

#define PROFILE_MAX_POINTS 96
#define PROFILE_MAX_STRIDES 16

/* --- the timer ------------------------------------------------------------ */

typedef struct profile_repeats {
    int repeats;        /* wanted per figure, >= 1 */
    size_t done;        /* repeats run, over every figure timed with it */
    size_t redone;      /* ...of which lost the CPU and were run again */
    /* The host gate (profile_host_gate): when check is set, each repeat
     * first waits while the host shares this core. */
    double (*check)(void);  /* host_speed_check_ns, or a test's; NULL: no gate */
    double fastest_ns;      /* the fastest check seen so far (0: none yet) */
    double wait_left_s;     /* what may still be spent waiting */
    size_t waits;           /* sleeps taken */
    size_t gave_up;         /* repeats run slowed: the budget was spent */
} profile_repeats;

/* A check at least this much slower than the fastest seen means another
 * thread shares the core: cases run 1.4-1.6x slower then, and the caches
 * hold less (docs/measuring.md). */
#define PROFILE_HOST_GATE 1.15
/* How long one wait sleeps, and how long calibration may wait in all. */
#define PROFILE_HOST_NAP_S 0.01
#define PROFILE_HOST_WAIT_S 5.0

/*
 * Before a repeat: runs r->check and, while it takes PROFILE_HOST_GATE
 * times the fastest seen or more, sleeps PROFILE_HOST_NAP_S and checks
 * again, until r->wait_left_s is spent (then the repeat runs anyway and
 * counts in r->gave_up).  Nothing when r->check is NULL.  The levels a
 * calibration measures while another thread shares the core are that
 * thread's leftovers (one run measured L1 34 KiB and L2 652 KiB against
 * 44 KiB and 855-911 KiB in the others).
 */
void profile_host_gate(profile_repeats *r);

/* True when a repeat that took 'wall' seconds while its thread ran 'cpu'
 * seconds lost the CPU part-way: more than 3% and 20 us of difference. */
bool profile_lost_cpu(double wall, double cpu);

/*
 * Runs run(ctx) r->repeats times and returns the median wall time in
 * seconds of the repeats that kept the CPU (redoing a lost one, at most
 * r->repeats more runs in all; when they run out, the lost ones count
 * too), each after profile_host_gate.  Adds to r->done and r->redone.
 * NAN when r->repeats < 1 or run is NULL.
 */
double profile_time(void (*run)(void *ctx), void *ctx, profile_repeats *r);

/* --- the measurements ------------------------------------------------------- */

typedef struct profile_measure_params {
    size_t max_ws;         /* largest chase working set, bytes, >= 1 MiB */
    uint64_t seed;         /* of the chase's cycles */
    int repeats;           /* per figure, >= 1 */
    double repeat_s;       /* target length of one repeat, > 0 */
    allocator *buffer;     /* the buffer of max_ws bytes: alloc_pages(PAGES_HUGE) */
    allocator *heap;       /* the cycle's order (8 bytes per 64-byte block) */
    allocator *fresh;      /* pages for the fault cost: alloc_pages(PAGES_SMALL) */
    bool host_gate;        /* wait while the host shares the core (profile_host_gate) */
} profile_measure_params;

typedef struct profile_measured {
    /* Latency curve and the levels found in it. */
    size_t npoints;
    double curve_bytes[PROFILE_MAX_POINTS], curve_ns[PROFILE_MAX_POINTS];
    bool have_levels;
    levels_fit levels;               /* count cache levels; ns[count] is memory */
    double beyond_bytes, beyond_ns;  /* a slower step past memory: from where, how
                                        slow (0 when none) */
    size_t levels_merged;            /* cache plateaus merged into the level below:
                                        under PROFILE_LEVEL_MIN_STEP slower */
    double huge_fraction;            /* share of the buffer on huge pages */
    /* Stride curve and the transfer unit. */
    size_t nstrides;
    double stride_bytes[PROFILE_MAX_STRIDES], stride_ns[PROFILE_MAX_STRIDES];
    bool line_found;
    size_t line_bytes;               /* the bend; PROFILE_CHASE_SPACING when none */
    size_t region_bytes;             /* what the stride passes read */
    /* Sequential read bandwidth by region size; the last is memory's. */
    size_t nregions;
    double bw_region_bytes[PROFILE_MAX_STRIDES], bw_bytes_per_s[PROFILE_MAX_STRIDES];
    double read_bytes_per_s;         /* over the whole buffer */
    double fault_us;                 /* per base page */
    double host_check_ns;            /* the host speed check (host_speed.h):
                                        the fastest the gate saw, else the
                                        median of several runs */
    size_t page_bytes;
    profile_repeats repeats;
    size_t remeasured;               /* points measured again: slower than both neighbours */
    size_t boundary_remeasured;      /* points around the levels' ends measured again at
                                        the end (profile_boundary_points) */
    bool first_had_levels;           /* the first pass's levels, before that: */
    levels_fit first_levels;         /* the note says what it moved */
    double phase_s[4];               /* seconds of levels, line, bandwidth, faults */
    double seconds;                  /* the whole measurement, wall clock */
} profile_measured;
/* The levels of m's latency curve (curve_bytes, curve_ns, npoints):
 * plateaus (stride/latency_levels.h, LEVELS_CALIBRATE), a slower step past
 * memory set apart as beyond_*, and steps under PROFILE_LEVEL_MIN_STEP
 * merged into the level below.  Sets have_levels, levels, beyond_*,
 * levels_merged. */
void profile_levels_from_curve(profile_measured *m);

/*
 * The points of m's latency curve that decide where the cache levels
 * below the last one end: for each, from the last point of its plateau to
 * the first point of the next.  Writes at most cap indexes, ascending and
 * each once, into idx and returns how many; 0 when m has fewer than two
 * levels.  Those levels are the core's own (L1, L2), and another thread
 * on the core only ever slows a chase through them: it makes a level look
 * smaller, never larger.  So profile_measure times these points once more
 * at its end, keeps the faster of the two, and finds the levels again.
 * The last level is left as first measured: it is shared with other
 * programs (on a virtual machine, other guests), and the share this
 * process gets is a state of the machine that the benches run under too;
 * timed again, it read 8.7 MiB, then 14.4 MiB, a second apart.
 */
size_t profile_boundary_points(const profile_measured *m, size_t *idx, size_t cap);

/* The defaults calibrate uses: 128 MiB, 5 repeats of 1 ms, huge pages for
 * the buffer, malloc for the order, base pages for the faults. */
profile_measure_params profile_measure_defaults(void);

/*
 * Measures everything above.  Returns false with a message in err for
 * bad parameters or when an allocation fails (nothing is then held);
 * a curve with no levels or no bend is not a failure (have_levels,
 * line_found say so).
 */
bool profile_measure(const profile_measure_params *p, profile_measured *out,
                     char *err, size_t errsize);

/*
 * Microseconds per first touch of a base page, the median over p->repeats
 * fresh mappings of 'bytes' (from p->fresh); NAN when an allocation
 * fails.
 */
double profile_fault_us(const profile_measure_params *p, size_t bytes,
                        profile_repeats *r);

#endif /* PROFILE_MEASURE_H */
