/*
 * two_args.h - the command line of a tool that takes two inputs
 * (compare A.json B.json, claims_diff RUN_A RUN_B): --help, or exactly two
 * arguments that are not options, handed to the tool's work.
 */
#ifndef REPORT_TWO_ARGS_H
#define REPORT_TWO_ARGS_H

#include <stdio.h>

/*
 * Checks argv.  Returns -1 when argv[1] and argv[2] are the two inputs;
 * otherwise the status main should return: 0 after printing usage to
 * stdout for --help or -h, 2 after printing it to stderr for anything
 * else (an option, too few or too many arguments).
 */
int two_args_check(int argc, char **argv, void (*usage)(FILE *));

/* What such a tool does with its two inputs: writes to out, messages to
 * err, and returns the status main should return (stability_report,
 * run_compare_files). */
typedef int two_args_work(const char *a, const char *b, FILE *out, FILE *err);

/*
 * The whole main of such a tool: two_args_check, then, when argv holds
 * the two inputs, work(argv[1], argv[2], stdout, stderr).  Returns the
 * status main should return.
 */
int two_args_run(int argc, char **argv, void (*usage)(FILE *), two_args_work *work);

#endif /* REPORT_TWO_ARGS_H */
