/*
 * check.h - one graded check, and the runner that isolates it.
 *
 * A check is a function that sets up what it needs, calls the student's
 * code, and compares exact counts.  Each runs in a child process of its
 * own with a time limit, so a crash, an AddressSanitizer report or an
 * endless loop in the student's code costs that check's points and no
 * others.
 */
#ifndef LAB_CHECK_H
#define LAB_CHECK_H

#include <stdbool.h>
#include <stddef.h>

/* Where a failing check explains itself: one line, shown to the student;
 * for a crash, also the first frames of the sanitizer's stack trace. */
typedef struct lab_why {
    char text[256];
    char frames[1024];
} lab_why;

/* Writes a printf-style reason into *why and returns false, so a check
 * can end with: return lab_fail(why, "...", ...). */
bool lab_fail(lab_why *why, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The same for a check that passed: a figure worth showing; returns true. */
bool lab_note(lab_why *why, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

typedef struct lab_check {
    const char *id;       /* "a1", "b3", ...: stable, named in docs/lab.md */
    int points;
    const char *what;     /* what passing means, one line */
    bool (*run)(lab_why *why);
    /* NULL, or where the grader says why this check cannot run here (a
     * tool missing): a non-NULL reason there skips it, and its points
     * leave the total. */
    const char *const *skip;
} lab_check;

/* A part of the lab: its checks, in order, ending with a NULL run. */
typedef struct lab_part {
    const char *name;     /* "growth", "pool", "cycle", "cachegrind" */
    const char *title;
    const lab_check *checks;
} lab_part;

typedef enum lab_outcome {
    LAB_PASSED,
    LAB_FAILED,           /* the check said why */
    LAB_CRASHED,          /* a signal, a sanitizer report, an exit */
    LAB_TIMED_OUT,
    LAB_NOT_RUN           /* the runner itself could not start it */
} lab_outcome;

/* Seconds a check may take before it counts as an endless loop. */
#define LAB_CHECK_SECONDS 20

/*
 * Runs one check in a child process.  Its reason (or, for a crash, the
 * line of the child's stderr that names the error, and the first frames
 * of the stack trace under it) goes to 'why'.  Never exits: every outcome
 * is returned.
 */
lab_outcome lab_run_check(const lab_check *c, lab_why *why);

#endif /* LAB_CHECK_H */
