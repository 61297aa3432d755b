/*
 * table_md.h - a report table (data_table.h) shown in report.md.
 *
 * A rule that decides by exact counts writes its deciding counts once, as
 * a data_table of its claim_result (report.json's "tables"), and shows
 * that same table in report.md from here: the page and the data cannot
 * disagree, since one is printed from the other.
 */
#ifndef REPORT_TABLE_MD_H
#define REPORT_TABLE_MD_H

#include "data_table.h"
#include "text.h"

/*
 * Appends t to out as a Markdown table, headed by its title in italics;
 * a collapsed table is folded in <details>.  Whole numbers print whole
 * (counts and bytes read exactly: 1048576), others with four significant
 * digits; an empty cell prints as "-"; titles, column names and strings
 * are escaped (md_escape.h).  A table without columns appends nothing.
 */
void data_table_markdown(const data_table *t, text *out);

#endif /* REPORT_TABLE_MD_H */
