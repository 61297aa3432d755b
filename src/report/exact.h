/*
 * exact.h - verdicts from exact counts, checked case by case.
 *
 * Some claims are decided by counts, not timings: objects still allocated,
 * allocations per call, bytes held at the peak.  The counting allocator
 * makes them exact, so there is no spread to weigh: each case either meets
 * the rule or does not.  An exact_check collects those outcomes, with a
 * label per case ("4096 objects"), and turns them into a verdict: holds
 * when every case does, does not hold when none does, and otherwise holds
 * only at the cases that did (named).  A case the rule needs that is
 * missing, failed its check, or lacks the counter makes it "not measured".
 */
#ifndef REPORT_EXACT_H
#define REPORT_EXACT_H

#include "run.h"
#include "verdict.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct exact_check {
    size_t held, failed;
    text held_at;     /* labels of the cases that met the rule, ", "-joined */
    text failed_at;   /* the others, each with why */
    text missing;     /* the first case that could not be read, and why */
} exact_check;

#define EXACT_CHECK_INIT {0, 0, TEXT_INIT, TEXT_INIT, TEXT_INIT}

void exact_check_free(exact_check *c);

/*
 * The median over repetitions of counter 'counter' of case 'name' into
 * *out.  Returns false when the case is missing, failed, or has no such
 * counter; the first such problem is kept in c->missing (the verdict is
 * then "not measured").  With 'whole' non-NULL, the whole summary is
 * stored there too (counts that vary between repetitions, such as a
 * queue's peak, are judged at their worst).
 */
bool exact_read(exact_check *c, const report_run *run, const char *name,
                const char *counter, double *out, summary *whole);

/*
 * exact_read of the case "<family>/<arg>" ("gc/temp", 10000 ->
 * "gc/temp/10000"): the name every rule builds for one size of a sweep.
 * A name too long to build is recorded as missing (cut short, it could
 * name another case).
 */
bool exact_read_at(exact_check *c, const report_run *run, const char *family, double arg,
                   const char *counter, double *out, summary *whole);

/*
 * The numeric last parts of the cases "<prefix>/<number>", ascending, at
 * most cap of them (report_run_args, cut to cap).  When there is none,
 * c->missing says "no case <prefix>/<what> in the run" (what names the
 * number: "items", "file bytes"), so the verdict is "not measured".
 */
size_t exact_args(exact_check *c, const report_run *run, const char *prefix,
                  const char *what, double *args, size_t cap);

/* Records one case's outcome under a printf-formatted label. */
void exact_record(exact_check *c, bool ok, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The verdict of everything recorded (see the top of this file); 'what'
 * names the cases for "no case" ("alloc/refcount/<objects>"). */
void exact_verdict(const exact_check *c, const char *what, verdict *v);

/* The outcome column of an exact rule's table of deciding counts
 * (table_md.h): "as the rule says" or "against the rule". */
const char *exact_outcome(bool ok);

/* Appends to body the markdown lines of a part decided by exact counts:
 * the verdict's reason when not measured, and where it failed. */
void exact_markdown(const exact_check *c, const verdict *v, text *body);

#endif /* REPORT_EXACT_H */
