/*
 * claims_diff.c - do two runs on one machine give the same verdicts?
 *
 * Reads each run's report.json (a run without one, such as the committed
 * reference stored as *.json.gz, is judged from its results as the claims
 * report would) and prints a markdown table: each claim's verdict in each
 * run and whether it stayed (same kind, same outcome in every level),
 * moved (same kind; which level or the condition changed) or flipped
 * (src/report/stability.h).
 *
 * Run:  make claims-diff RUN=results/<a> AGAINST=results/<b>
 *       (or build/bin/claims_diff RUN_A RUN_B)
 * Exit: 0 when both runs were compared (whatever the outcome), 1 when a
 *       run cannot be read, its report.json has a schema this tool does not
 *       know, or the table cannot be written; 2 on bad usage.
 */
#include "report/stability.h"
#include "report/two_args.h"

#include <stdio.h>

static void usage(FILE *f)
{
    fputs("usage: claims_diff RUN_A RUN_B\n"
          "  Reads the verdicts of both result directories (their report.json, or\n"
          "  judged from their results when there is none) and prints, claim by\n"
          "  claim, both verdicts and whether each stayed (same kind and level\n"
          "  outcomes), moved (same kind; says what changed) or flipped.\n",
          f);
}

int main(int argc, char **argv)
{
    return two_args_run(argc, argv, usage, stability_report);
}
