/*
 * report.c - the claims report: does each claim of the article hold here?
 *
 * Reads a results directory (one Google Benchmark JSON per bench, and
 * crosscheck.json when made), applies each claim's rule (src/report/rules.c,
 * described in docs/claims.md) and writes <run>/report.md: the machine,
 * then per claim its verdict (holds / does not hold / holds only when ... /
 * within noise / not measured), the deciding figures with their spread,
 * and its plots.  Prints one line per claim.
 *
 * Run:  make claims [RUN=results/<run>]   or   build/bin/report RUN_DIR
 * Exit: 0 when the report is written (whatever the verdicts), 1 when the
 *       run cannot be read (the message names the file), 2 on bad usage.
 */
#include "report/tool.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static void usage(FILE *f)
{
    fputs("usage: report [--out=FILE] [--quiet] RUN_DIR\n"
          "  Judges every claim of docs/claims.md on the results in RUN_DIR and\n"
          "  writes RUN_DIR/report.md (or FILE).\n"
          "  --out=FILE  write the report there instead\n"
          "  --quiet     do not print the one-line-per-claim summary\n",
          f);
}

int main(int argc, char **argv)
{
    const char *dir = NULL, *out = NULL;
    bool quiet = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strncmp(argv[i], "--out=", 6) == 0 && argv[i][6]) {
            out = argv[i] + 6;
        } else if (strcmp(argv[i], "--quiet") == 0) {
            quiet = true;
        } else if (argv[i][0] == '-' || dir) {
            fprintf(stderr, "report: unexpected argument '%s'\n", argv[i]);
            usage(stderr);
            return 2;
        } else {
            dir = argv[i];
        }
    }
    if (!dir) {
        usage(stderr);
        return 2;
    }
    return report_tool_run(dir, out, quiet ? NULL : stdout, stderr);
}
