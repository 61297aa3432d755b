/*
 * compare.c - two results of one bench, case by case: the ratio of medians
 * and whether it is beyond the noise.
 *
 * For every case in both files (same name, e.g. traverse/aos/43690) it
 * takes each repetition's time per item (1e9 / items_per_second; the time
 * per iteration when the case sets no items), and prints the median of A
 * and of B, the ratio B/A with its 95% bootstrap interval
 * (src/stats/bootstrap.h), and a verdict: "B faster" or "B slower" when
 * the interval excludes 1, "within noise" when it contains it.  The column
 * "ranges" says whether the repetitions' min-max ranges overlap, the
 * rougher rule of docs/measuring.md.  The work is src/report/run_compare.c;
 * the files are read by the claims report's reader (src/report/run.h).
 *
 * Run:   make compare A=results/<run> B=results/<run>   (every bench in both)
 *        build/bin/compare A.json B.json
 * Out:   a Markdown table on stdout; a case in only one file is listed
 *        under the table.
 * Exit:  0 when the table is printed (whatever it shows), 1 when a file
 *        cannot be read or the table cannot be written, 2 on bad usage.
 */
#include "report/run_compare.h"
#include "report/two_args.h"

#include <stdio.h>

static void usage(FILE *f)
{
    fputs("usage: compare A.json B.json\n"
          "  Per case of both files: median time per item of A and B, the ratio B/A\n"
          "  with its 95% bootstrap interval, and whether it is beyond the noise.\n",
          f);
}

int main(int argc, char **argv)
{
    return two_args_run(argc, argv, usage, run_compare_files);
}
