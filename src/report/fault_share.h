/*
 * fault_share.h - how much of a case's time went on first-touch page
 * faults: its "faults" counter (per iteration: a build, a pass) times the
 * run's calibrated cost of one fault (machine.json's page_fault_us, the
 * machine card's figure), against its time per iteration.
 *
 * Shown beside a verdict, never deciding one: the calibrated cost is that
 * of a fresh anonymous page, a case's faults need not all be of that
 * kind, and the cost differs tenfold and more between machines (a virtual
 * machine whose host takes freed memory back against bare metal), which
 * is why a reader needs it to read the times.
 */
#ifndef REPORT_FAULT_SHARE_H
#define REPORT_FAULT_SHARE_H

#include "run.h"
#include "text.h"

#include <stdbool.h>

typedef struct fault_share {
    double faults;     /* per iteration, median over the repetitions */
    double fault_us;   /* the calibrated cost of one */
    double fault_ns;   /* faults * fault_us, in ns */
    double time_ns;    /* per iteration: median ns per item * items */
} fault_share;

/* The run's calibrated cost of one fault in us (its machine.json, read as
 * report_levels_of_run reads it); NAN when the run has none. */
double report_run_fault_us(const report_run *run);

/*
 * The share for case 'name', whose iterations process 'items' items each
 * (its "ns_per_item" times that is its time per iteration).  False, *out
 * untouched, when fault_us is not a positive number, items is not
 * positive, or the case is missing, failed, or lacks the counter or a
 * time.
 */
bool fault_share_of(const report_run *run, const char *name, double items,
                    double fault_us, fault_share *out);

/* Appends "19532 faults x 12.3 us = 240 ms of the 259 ms per <per> (92%)",
 * or "0 faults per <per>"; a share over 100% says that these faults cost
 * less than the calibrated one. */
void fault_share_text(text *t, const fault_share *s, const char *per);

/* One case a line names: its name, how the line calls it, and the items
 * each of its iterations processes. */
typedef struct fault_case {
    const char *name;    /* "stream/slurp/1073741824" */
    const char *label;   /* "slurp" */
    double items;
} fault_case;

/*
 * Appends one paragraph to a claim's details, "Page faults (not part of
 * the verdict): at <where>, <label> <fault_share_text>; ..." for each of
 * the n cases that has a share, or, when none has, why: the run's
 * machine.json has no fault cost, or the cases no faults counter (a run
 * made before the benches recorded it).
 */
void fault_share_paragraph(text *body, const report_run *run, const char *where,
                           const fault_case *cases, size_t n, const char *per);

#endif /* REPORT_FAULT_SHARE_H */
