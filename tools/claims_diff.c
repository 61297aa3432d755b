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
 *       cannot be read or the table cannot be written, 2 on bad usage.
 */
#include "report/stability.h"
#include "report/two_args.h"

#include <stdio.h>

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
    int status = two_args_check(argc, argv, usage);
    if (status >= 0)
        return status;
    return stability_report(argv[1], argv[2], stdout, stderr);
}
