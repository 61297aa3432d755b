/*
 * claim_line.h - a claim's verdict in one line: "L3  holds only when ...".
 *
 * The same line opens report.md, ends make claims on the terminal, and is
 * "line" in report.json, so it is built once, here.  A verdict whose
 * condition and note run long (a combined claim's parts) is cut to fit
 * CLAIM_LINE_MAX characters with "..."; the claim's section and
 * report.json's "condition" and "note" keep the whole of it.
 */
#ifndef REPORT_CLAIM_LINE_H
#define REPORT_CLAIM_LINE_H

#include "text.h"
#include "verdict.h"

/* The longest line, in bytes (the issue asks for under 140 characters). */
#define CLAIM_LINE_MAX 139

/* Appends to out the id padded to 3 characters, a space, and the verdict
 * with its note ("holds (L2, L3; within noise in L1)"), at most
 * CLAIM_LINE_MAX bytes in all; a cut never splits a UTF-8 character. */
void claim_line(const char *id, const verdict *v, text *out);

#endif /* REPORT_CLAIM_LINE_H */
