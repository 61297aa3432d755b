/*
 * tool.c - the command line of build/bin/page (tool.h): arguments, the
 * runs, where the page goes and how its links start.
 */
#include "page/tool.h"

#include "page/load.h"
#include "page/page.h"
#include "report/tool_args.h"

#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fputs("usage: page [--against=DIR] [--out=FILE] RUN_DIR\n"
          "  Writes RUN_DIR/index.html: every claim's verdict, the machine card and\n"
          "  each claim's figures, tables and plots, in one self-contained page\n"
          "  built from RUN_DIR/report.json (make claims writes it).\n"
          "  --against=DIR  show the run in DIR beside it: both verdicts per claim,\n"
          "                 both runs in the traverse and stride charts\n"
          "  --out=FILE     write the page there instead (outside RUN_DIR, links to\n"
          "                 the run's files are absolute paths)\n",
          f);
}

/* "" when the page goes into the run's own directory, else the run's
 * absolute path and '/'; NULL when out of memory or the run has no path. */
static char *link_base(const char *dir, const char *out)
{
    char *run = realpath(dir, NULL), *copy = strdup(out), *page_dir = NULL, *base = NULL;
    if (run && copy)
        page_dir = realpath(dirname(copy), NULL);
    if (run && page_dir && strcmp(run, page_dir) == 0) {
        base = strdup("");
    } else if (run) {
        size_t n = strlen(run) + 2;
        if ((base = malloc(n)))
            snprintf(base, n, "%s/", run);
    }
    free(run);
    free(copy);
    free(page_dir);
    return base;
}

int page_tool_main(int argc, char **argv, FILE *out_stream, FILE *err_stream)
{
    const char *dir = NULL, *against_dir = NULL, *out = NULL;
    const tool_option opts[] = {
        {.name = "--against=", .value = &against_dir},
        {.name = "--out=", .value = &out},
    };
    const tool_cli cli = {"page", usage, opts, sizeof opts / sizeof opts[0], &dir};
    int parsed = tool_args_parse(&cli, argc, argv, out_stream, err_stream);
    if (parsed >= 0)
        return parsed;
    char err[512];
    page_run run, against;
    if (!page_run_load(&run, dir, err, sizeof err)) {
        fprintf(err_stream, "page: %s\n", err);
        return 1;
    }
    if (against_dir && !page_run_load(&against, against_dir, err, sizeof err)) {
        fprintf(err_stream, "page: %s\n", err);
        page_run_free(&run);
        return 1;
    }
    /* Links are relative to the page: from inside the run, plain; from
     * elsewhere, through the run's absolute path. */
    char *path = NULL, *base = NULL;
    if (out) {
        base = link_base(dir, out);
    } else {
        size_t n = strlen(dir) + sizeof "/index.html";
        path = malloc(n);
        if (path)
            snprintf(path, n, "%s/index.html", dir);
    }
    int status = 0;
    if ((out && !base) || (!out && !path)) {
        fprintf(err_stream, "page: out of memory\n");
        status = 1;
    } else if (!page_write_file(out ? out : path, &run, against_dir ? &against : NULL,
                                base ? base : "", err, sizeof err)) {
        fprintf(err_stream, "page: %s\n", err);
        status = 1;
    } else {
        fprintf(out_stream, "page: wrote %s\n", out ? out : path);
    }
    free(path);
    free(base);
    page_run_free(&run);
    if (against_dir)
        page_run_free(&against);
    return status;
}
