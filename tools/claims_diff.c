/*
 * claims_diff.c - do two runs on one machine give the same verdicts?
 *
 * Judges every claim of docs/claims.md on both runs (as the claims report
 * does) and prints a markdown table: each claim's verdict in each run and
 * whether it stayed the same, only a boundary size moved, the condition
 * moved, or the verdict flipped (src/report/stability.h).
 *
 * Run:  make claims-diff RUN=results/<a> AGAINST=results/<b>
 *       (or build/bin/claims_diff RUN_A RUN_B)
 * Exit: 0 when both runs were judged (whatever the outcome), 1 when a run
 *       cannot be read, 2 on bad usage.
 */
#include "report/stability.h"

#include <stdio.h>
#include <string.h>

static void usage(FILE *f)
{
    fputs("usage: claims_diff RUN_A RUN_B\n"
          "  Judges every claim on both result directories and prints, claim by\n"
          "  claim, both verdicts and whether they are the same, only a boundary\n"
          "  size moved, the condition moved, or the verdict flipped.\n",
          f);
}

int main(int argc, char **argv)
{
    if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        usage(stdout);
        return 0;
    }
    if (argc != 3 || argv[1][0] == '-' || argv[2][0] == '-') {
        usage(stderr);
        return 2;
    }
    return stability_report(argv[1], argv[2], stdout, stderr);
}
