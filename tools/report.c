/*
 * report.c - the claims report: does each claim of the article hold here?
 *
 * Reads a results directory (one Google Benchmark JSON per bench, and
 * crosscheck.json when made; <bench>.json.gz as the committed reference is
 * stored), applies each claim's rule (src/report/rules.c, described in
 * docs/claims.md) and writes <run>/report.md: one line per claim, the
 * machine, then per claim its verdict (holds / does not hold / holds only
 * when ... / within noise / not measured), the deciding figures with their
 * spread, and its plots; and <run>/report.json, the same verdicts as data
 * (docs/report-json.md).  Prints the same one line per claim.
 *
 * Run:  make claims [RUN=results/<run>]   or   build/bin/report RUN_DIR
 * Exit: 0 when both reports are written (whatever the verdicts), 1 when
 *       the run cannot be read (the message names the file) or a report
 *       cannot be written whole, 2 on bad usage.
 */
#include "report/tool.h"
#include "report/tool_args.h"

#include <stdbool.h>
#include <stdio.h>

static void usage(FILE *f)
{
    fputs("usage: report [--out=FILE] [--quiet] RUN_DIR\n"
          "  Judges every claim of docs/claims.md on the results in RUN_DIR\n"
          "  (<bench>.json or <bench>.json.gz) and writes RUN_DIR/report.md and,\n"
          "  the verdicts as data, RUN_DIR/report.json (docs/report-json.md).\n"
          "  --out=FILE  write the report there instead (x.md: x.json beside it)\n"
          "  --quiet     do not print the one-line-per-claim summary\n",
          f);
}

int main(int argc, char **argv)
{
    const char *dir = NULL, *out = NULL;
    bool quiet = false;
    const tool_option opts[] = {
        {.name = "--out=", .value = &out},
        {.name = "--quiet", .flag = &quiet},
    };
    const tool_cli cli = {"report", usage, opts, sizeof opts / sizeof opts[0], &dir};
    int status = tool_args_parse(&cli, argc, argv, stdout, stderr);
    if (status >= 0)
        return status;
    return report_tool_run(dir, out, quiet ? NULL : stdout, stderr);
}
