/*
 * md_escape.h - text from a results file, made safe to put into Markdown.
 *
 * Host names, compiler strings, case names and error messages come from
 * JSON files people share; written as they are, a '|' splits a table
 * cell, a newline ends a table, and "<script>" or "[x](javascript:...)"
 * becomes markup in a viewer.  Escaped, they show as the text they are.
 */
#ifndef REPORT_MD_ESCAPE_H
#define REPORT_MD_ESCAPE_H

#include "text.h"

#include <stdbool.h>

/*
 * Appends s to out so that Markdown shows it literally.  Outside a code
 * span (in_code false): '\\', '`', '*', '[' and ']' (code, emphasis,
 * links) get a backslash; '_' does not, since GitHub's Markdown leaves
 * it alone inside words like list_pool; '<', '>' and '&' become entities, control characters
 * (newlines, tabs) become spaces.  Inside a code span (in_code true),
 * where a backslash is shown as is: a backtick becomes an apostrophe, '|'
 * becomes "\|" (a table still splits on it), control characters spaces.
 * NULL appends nothing.
 */
void md_escape(text *out, const char *s, bool in_code);

#endif /* REPORT_MD_ESCAPE_H */
