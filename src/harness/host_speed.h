/*
 * host_speed.h - a fixed piece of CPU work timed before every case, to tell
 * the cases measured while the host ran this machine slower.
 *
 * On a virtual machine the host may give a vCPU less than a core for
 * minutes (another guest on the core's other hyperthread, a lower clock)
 * while the guest sees no steal time and no other process: every timing in
 * that phase is slower, and a ratio between a case measured in it and one
 * measured outside it is wrong (docs/claims.md, "How stable the verdicts
 * are": a run whose array of structs took 0.60 ns per record in L1 where
 * the others took 0.31-0.34).  The other-programs check cannot see it.
 *
 * The check is the same work every time: sums over 4 KiB, in L1 on any
 * machine, with eight running sums (harness/read_sum.h), so loads and
 * additions set its pace, as in the cache-resident kernels it stands
 * beside.  It is timed on the calling thread's CPU clock, which a vCPU
 * taken away by the host still advances.  Calibration times it at the
 * start of a run (machine.json "host_check_ns"); every case times it again
 * before its own code (counter host_check_ns); the report compares them
 * (report/host_speed.h).  It costs about 0.1 ms per call into a case, on
 * each CPU the program may use: the case then runs on the fastest
 * (cpu_pin.h).
 */
#ifndef HOST_SPEED_H
#define HOST_SPEED_H

/* The counter each case carries. */
#define HOST_SPEED_COUNTER "host_check_ns"

/* Nanoseconds the check takes: the fastest of five tries, so an
 * interrupt in one try does not count as a slow host. */
double host_speed_check_ns(void);

/* Makes every case run the check before its own code, pin itself to the
 * CPU where it was fastest, and record that time as HOST_SPEED_COUNTER
 * (shim/bench.h's prologue).  bench_cli_start calls it. */
void host_speed_install(void);

#endif /* HOST_SPEED_H */
