/*
 * claim_titles.h - each claim's heading in docs/claims.md, by id: the
 * "title" of report.json (tests/test_report_json.c checks that the two
 * agree, so a heading reworded in the docs fails a test until it is
 * reworded here too).
 */
#ifndef REPORT_CLAIM_TITLES_H
#define REPORT_CLAIM_TITLES_H

/* "A linked list is slower to walk than an array" for "L1"; "" for an id
 * without a heading. */
const char *claim_title(const char *id);

#endif /* REPORT_CLAIM_TITLES_H */
