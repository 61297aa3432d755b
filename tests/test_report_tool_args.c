/* test_report_tool_args.c - the shared command line of report, page and
 * explain_traverse: options, flags, the operand, and every refusal. */
#include "report/tool_args.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fputs("usage: t [--out=FILE] [--quiet] [--base=NAME] DIR\n", f);
}

/* What one parse wrote, and what it set. */
typedef struct {
    int status;
    char *out, *err;
    const char *dir, *file, *base;
    bool quiet;
} parsed;

static parsed parse(bool with_operand, int argc, char **argv)
{
    parsed p = {.base = "aos"};
    size_t nout, nerr;
    FILE *out = open_memstream(&p.out, &nout), *err = open_memstream(&p.err, &nerr);
    cr_assert(out && err);
    const tool_option opts[] = {
        {.name = "--out=", .value = &p.file},
        {.name = "--quiet", .flag = &p.quiet},
        {.name = "--base=", .value = &p.base, .empty_ok = true},
    };
    const tool_cli cli = {"t", usage, opts, sizeof opts / sizeof opts[0],
                          with_operand ? &p.dir : NULL};
    p.status = tool_args_parse(&cli, argc, argv, out, err);
    fclose(out);
    fclose(err);
    return p;
}

static void done(parsed *p)
{
    free(p->out);
    free(p->err);
}

#define ARGS(...) (int)(sizeof (char *[]){"t", __VA_ARGS__} / sizeof(char *)), \
                  (char *[]){"t", __VA_ARGS__}

Test(report_tool_args, options_flags_and_the_operand_in_any_order)
{
    parsed p = parse(true, ARGS("--quiet", "run", "--out=x.md", "--base="));
    cr_assert_eq(p.status, -1, "the tool goes on");
    cr_assert_str_eq(p.dir, "run");
    cr_assert_str_eq(p.file, "x.md");
    cr_assert(p.quiet);
    cr_assert_str_eq(p.base, "", "an empty value where the option allows it");
    cr_assert_str_eq(p.out, "");
    cr_assert_str_eq(p.err, "");
    done(&p);

    p = parse(true, ARGS("run"));
    cr_assert_eq(p.status, -1);
    cr_assert_null(p.file, "an option not given keeps its default");
    cr_assert_not(p.quiet);
    cr_assert_str_eq(p.base, "aos");
    done(&p);
}

Test(report_tool_args, help_wins_wherever_it_stands)
{
    parsed p = parse(true, ARGS("run", "--help", "--bogus"));
    cr_assert_eq(p.status, 0);
    cr_assert_str_eq(p.out, "usage: t [--out=FILE] [--quiet] [--base=NAME] DIR\n");
    cr_assert_str_eq(p.err, "");
    done(&p);
    p = parse(false, ARGS("-h"));
    cr_assert_eq(p.status, 0);
    cr_assert_neq(strstr(p.out, "usage: t"), NULL);
    done(&p);
}

Test(report_tool_args, refusals_name_the_argument_and_print_the_usage)
{
    static const char *const cases[][3] = {
        /* first argument, second argument (or NULL), the message */
        {"--bogus", NULL, "t: unexpected argument '--bogus'\n"},
        {"--out=", "run", "t: unexpected argument '--out='\n"},   /* empty value */
        {"--out", "run", "t: unexpected argument '--out'\n"},     /* no '=' */
        {"--quiet=1", "run", "t: unexpected argument '--quiet=1'\n"},
        {"run", "extra", "t: unexpected argument 'extra'\n"},     /* a second operand */
        {"-", "run", "t: unexpected argument '-'\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *argv[] = {"t", (char *)cases[i][0], (char *)cases[i][1], NULL};
        parsed p = parse(true, cases[i][1] ? 3 : 2, argv);
        cr_assert_eq(p.status, 2, "%s", cases[i][0]);
        cr_assert_str_eq(p.out, "");
        cr_assert_eq(strncmp(p.err, cases[i][2], strlen(cases[i][2])), 0, "%s", p.err);
        cr_assert_neq(strstr(p.err, "\nusage: t"), NULL, "then the usage");
        done(&p);
    }
}

Test(report_tool_args, a_missing_operand_is_bad_usage)
{
    parsed p = parse(true, ARGS("--quiet"));
    cr_assert_eq(p.status, 2);
    cr_assert_str_eq(p.err, "usage: t [--out=FILE] [--quiet] [--base=NAME] DIR\n",
                     "the usage alone: nothing was wrong but what is missing");
    done(&p);
    p = parse(true, 1, (char *[]){"t", NULL});
    cr_assert_eq(p.status, 2);
    done(&p);
}

Test(report_tool_args, a_tool_without_operands_calls_any_other_argument_unknown)
{
    parsed p = parse(false, 1, (char *[]){"t", NULL});
    cr_assert_eq(p.status, -1, "no operand asked, none missing");
    done(&p);
    p = parse(false, ARGS("run"));
    cr_assert_eq(p.status, 2);
    cr_assert_eq(strncmp(p.err, "t: unknown option 'run'\n", 24), 0, "%s", p.err);
    done(&p);
    p = parse(false, ARGS("--base=soa", "--bogus"));
    cr_assert_eq(p.status, 2);
    cr_assert_str_eq(p.base, "soa", "what came before the refusal was read");
    cr_assert_eq(strncmp(p.err, "t: unknown option '--bogus'\n", 28), 0);
    done(&p);
}
