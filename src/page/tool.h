/*
 * tool.h - build/bin/page's command line, as a function the tests call:
 *     page [--against=DIR] [--out=FILE] RUN_DIR
 * writes RUN_DIR/index.html (or FILE).  Messages go to out and err.
 * Returns the exit status: 0 written; 1 a run cannot be read (no
 * report.json, malformed, a schema this page does not know) or the page
 * cannot be written; 2 bad usage.  --help prints the usage to out, 0.
 */
#ifndef PAGE_TOOL_H
#define PAGE_TOOL_H

#include <stdio.h>

int page_tool_main(int argc, char **argv, FILE *out, FILE *err);

#endif /* PAGE_TOOL_H */
