/*
 * cpu_pin.h - run each case on the CPU the host serves best at the time.
 *
 * On a virtual machine the vCPUs need not run equally fast.  On this
 * project's 2-vCPU EPYC guest (2026-12-05), a fixed loop took 6.4 us on
 * one vCPU and 13.7 us on the other, 2.1x, for tens of seconds; then the
 * two swapped.  The slowdown was the same in the fastest window as in the
 * median (another guest on the core's other hyperthread, not time taken
 * away), so the host speed check sees it.  A case the scheduler happened
 * to start on the slow vCPU, or moved there, measured the host, and two
 * processes of one run differed by 1.7x on the same collection.
 *
 * So before every case, the host check (host_speed.h) runs once on each
 * CPU the program may use, and the case runs pinned to the fastest.  A
 * case that starts threads of its own calls cpu_pin_release() first, so
 * they may spread over every CPU again; the next case pins anew.  Children
 * inherit the pin, and find the CPUs their program started with in
 * CPU_PIN_ENV.  MEMLAYOUT_NO_PIN=1 turns the choice off (the check still
 * runs where the scheduler put the case).
 */
#ifndef CPU_PIN_H
#define CPU_PIN_H

#include <stdbool.h>

#define CPU_PIN_ENV "MEMLAYOUT_CPUS"
#define CPU_PIN_OFF_ENV "MEMLAYOUT_NO_PIN"

/* Reads the CPUs this process may use (from CPU_PIN_ENV when a parent
 * set it, else the kernel's), and sets CPU_PIN_ENV for children.  With
 * may_pin false (a program whose cases all run threads) the choice stays
 * off.  Returns how many CPUs there are (0 when unknown). */
int cpu_pin_start(bool may_pin);

/* Whether the choice is on: cpu_pin_start was allowed to pin and found
 * more than one CPU, and CPU_PIN_OFF_ENV is not "1". */
bool cpu_pin_enabled(void);

/* Runs check() pinned to each CPU in turn and leaves the calling thread
 * pinned to the one where it took least; returns that time, and the CPU
 * in *cpu (-1 when the choice is off: then check() runs where it is). */
double cpu_pin_fastest(double (*check)(void), int *cpu);

/* Lets the calling thread (and the threads it starts) run on every CPU
 * the program started with.  False when the kernel refused. */
bool cpu_pin_release(void);

#endif /* CPU_PIN_H */
