/*
 * grade.c - the lab's autograder: runs every check of the four parts
 * against the student's files it was linked with, and prints a score per
 * check, per part and in total.  Only exact counts decide: allocations,
 * bytes copied, leaked objects, simulated cache misses; never a time.
 *
 * Built by make lab-grade (mk/lab.mk) from the files in lab/grader/, the student's
 * growth.c, pool.c, cycle.c and traverse.c, and the suite's allocator and
 * growth code, under AddressSanitizer and UBSan.  docs/lab.md is the
 * handout; tests/lab/run.sh checks the grader against the reference
 * solution and broken ones.
 */
#include "check.h"
#include "parts.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const lab_part parts[] = {
    {"growth", "(a) a growth policy: few bytes copied, little room unused", lab_growth_checks},
    {"pool", "(b) a pool on the allocator interface", lab_pool_checks},
    {"cycle", "(c) a doubly linked list of counted nodes, without a leak", lab_cycle_checks},
    {"cachegrind", "(d) column sums the cache likes (simulated misses)", lab_cache_checks},
};
#define NPARTS (sizeof parts / sizeof parts[0])

static void usage(FILE *out, const char *argv0)
{
    fprintf(out,
            "usage: %s [--probe=PROGRAM] [--part=NAME] [--summary] [--name=TEXT]\n"
            "Grades the lab files this program was built with (make lab-grade builds it).\n"
            "  --probe=PROGRAM  the cache probe for check d2, run under valgrind's\n"
            "                   cachegrind; without it d2 is skipped\n"
            "  --part=NAME      only this part: growth, pool, cycle or cachegrind\n"
            "  --summary        print only the score lines: 'part points/max'\n"
            "  --name=TEXT      the lab directory, for the heading\n"
            "Each check runs in a process of its own for at most %d s; a crash costs\n"
            "that check only.  Exit status 0 once graded, whatever the score; 2 for\n"
            "bad usage.\n", argv0, LAB_CHECK_SECONDS);
}

typedef struct tally {
    int points, max;
} tally;

static const char *outcome_word(lab_outcome o)
{
    switch (o) {
    case LAB_PASSED:
        return "ok";
    case LAB_FAILED:
        return "FAIL";
    case LAB_CRASHED:
        return "CRASH";
    case LAB_TIMED_OUT:
        return "TIME";
    case LAB_NOT_RUN:
        return "ERROR";
    }
    return "?";
}

/* Runs a part's checks, printing each unless 'quiet'. */
static tally grade_part(const lab_part *p, int quiet)
{
    tally t = {0, 0};
    if (!quiet)
        printf("\n%s\n", p->title);
    for (const lab_check *c = p->checks; c->run; c++) {
        if (c->skip && *c->skip) {
            if (!quiet)
                printf("  %-5s  -/%-2d  %s  %s\n         skipped: %s\n", "skip", c->points,
                       c->id, c->what, *c->skip);
            continue;
        }
        lab_why why;
        lab_outcome o = lab_run_check(c, &why);
        int got = o == LAB_PASSED ? c->points : 0;
        t.points += got;
        t.max += c->points;
        if (quiet)
            continue;
        printf("  %-5s %2d/%-2d  %s  %s\n", outcome_word(o), got, c->points, c->id, c->what);
        if (why.text[0])
            printf("         %s\n", why.text);
        for (char *line = why.frames, *nl; *line; line = nl + 1) {
            nl = strchr(line, '\n');
            if (!nl)
                break;
            printf("           %.*s\n", (int)(nl - line), line);
        }
    }
    return t;
}

int main(int argc, char **argv)
{
    static const struct option opts[] = {
        {"probe", required_argument, NULL, 'p'},
        {"part", required_argument, NULL, 'P'},
        {"summary", no_argument, NULL, 's'},
        {"name", required_argument, NULL, 'n'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *only = NULL, *name = NULL;
    int summary = 0, opt;
    while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (opt) {
        case 'p':
            lab_cache_probe = optarg;
            lab_cache_skip_reason = NULL;
            break;
        case 'P':
            only = optarg;
            break;
        case 's':
            summary = 1;
            break;
        case 'n':
            name = optarg;
            break;
        case 'h':
            usage(stdout, argv[0]);
            return 0;
        default:
            usage(stderr, argv[0]);
            return 2;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "%s: unexpected argument '%s'\n", argv[0], argv[optind]);
        usage(stderr, argv[0]);
        return 2;
    }
    int found = !only;
    for (size_t i = 0; i < NPARTS && !found; i++)
        found = strcmp(parts[i].name, only) == 0;
    if (!found) {
        fprintf(stderr, "%s: no part '%s' (growth, pool, cycle, cachegrind)\n", argv[0], only);
        return 2;
    }

    if (!summary)
        printf("lab-grade: %s\n", name ? name : "the files this grader was built with");
    tally part[NPARTS], total = {0, 0};
    for (size_t i = 0; i < NPARTS; i++) {
        part[i] = (tally){0, 0};
        if (only && strcmp(parts[i].name, only) != 0)
            continue;
        part[i] = grade_part(&parts[i], summary);
        total.points += part[i].points;
        total.max += part[i].max;
    }
    if (!summary)
        printf("\nScore\n");
    /* The summary is for scripts: one space between name and score. */
    const char *indent = summary ? "" : "  ";
    int width = summary ? 0 : 11;
    for (size_t i = 0; i < NPARTS; i++)
        if (!only || strcmp(parts[i].name, only) == 0)
            printf("%s%-*s %d/%d\n", indent, width, parts[i].name, part[i].points,
                   part[i].max);
    printf("%s%-*s %d/%d\n", indent, width, "total", total.points, total.max);
    if (!summary && lab_cache_skip_reason && (!only || strcmp(only, "cachegrind") == 0))
        printf("  (d2 skipped: %s; its 10 points are not in the total)\n", lab_cache_skip_reason);
    return 0;
}
