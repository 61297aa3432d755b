/* tool_args.c - options, flags and one operand of a tool's command line. */
#include "tool_args.h"

#include <string.h>

/* Whether arg is option o, storing its value or setting its flag. */
static bool take(const tool_option *o, const char *arg)
{
    size_t n = strlen(o->name);
    if (n == 0 || o->name[n - 1] != '=') {
        if (strcmp(arg, o->name) != 0)
            return false;
        *o->flag = true;
        return true;
    }
    if (strncmp(arg, o->name, n) != 0 || (!arg[n] && !o->empty_ok))
        return false;
    *o->value = arg + n;
    return true;
}

int tool_args_parse(const tool_cli *cli, int argc, char **argv, FILE *out, FILE *err)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            cli->usage(out);
            return 0;
        }
        size_t k = 0;
        while (k < cli->nopts && !take(&cli->opts[k], a))
            k++;
        if (k < cli->nopts)
            continue;
        if (cli->operand && a[0] != '-' && !*cli->operand) {
            *cli->operand = a;
            continue;
        }
        fprintf(err, "%s: %s '%s'\n", cli->prog,
                cli->operand ? "unexpected argument" : "unknown option", a);
        cli->usage(err);
        return 2;
    }
    if (cli->operand && !*cli->operand) {
        cli->usage(err);
        return 2;
    }
    return -1;
}
