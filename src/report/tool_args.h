/*
 * tool_args.h - the command line of a tool with --name=VALUE options,
 * flags and at most one operand (report, page, explain_traverse): one
 * loop, so each tool lists its options instead of writing the loop again.
 */
#ifndef REPORT_TOOL_ARGS_H
#define REPORT_TOOL_ARGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* One option: a name ending in '=' takes a value ("--out="), written to
 * *value; any other name is a flag ("--quiet"), which sets *flag. */
typedef struct tool_option {
    const char *name;
    const char **value;
    bool *flag;
    bool empty_ok;   /* the value may be empty ("--base="); else refused */
} tool_option;

typedef struct tool_cli {
    const char *prog;          /* the name its messages start with */
    void (*usage)(FILE *);
    const tool_option *opts;
    size_t nopts;
    /* The one argument that is not an option (RUN_DIR), required; it must
     * point to NULL.  NULL: the tool takes none. */
    const char **operand;
} tool_cli;

/*
 * Parses argv[1..argc-1].  Returns -1 when the tool goes on with what it
 * got; else the status main should return: 0 after printing the usage to
 * out for --help or -h; 2 after printing the usage to err for an unknown
 * option, an option's empty value, a second operand ("<prog>: unexpected
 * argument 'x'"; for a tool without operands, "<prog>: unknown option
 * 'x'"), or a missing operand.
 */
int tool_args_parse(const tool_cli *cli, int argc, char **argv, FILE *out, FILE *err);

#endif /* REPORT_TOOL_ARGS_H */
