/*
 * page.c - a run's report in a browser: writes <run>/index.html, one
 * self-contained page (plots inline, styles and script inline, nothing
 * fetched) from <run>/report.json, the machine profile and the run's plot
 * SVGs (src/page/).  With --against, both runs side by side.
 *
 * Run:  make report RUN=results/<run> [AGAINST=results/<other>]
 *       build/bin/page [--against=DIR] [--out=FILE] RUN_DIR
 * Exit: 0 when the page is written; 1 when a run cannot be read (the
 *       message names the file: no report.json, a schema this page does
 *       not know, malformed JSON) or the page cannot be written; 2 on bad
 *       usage.
 */
#include "page/tool.h"

#include <stdio.h>

int main(int argc, char **argv)
{
    return page_tool_main(argc, argv, stdout, stderr);
}
