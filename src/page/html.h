/*
 * html.h - text from a results file, made safe to put into HTML.
 *
 * Run names, case names, host and compiler strings come from JSON files
 * people share.  Written as they are, "<script>" runs, a quote ends an
 * attribute and an '&' starts an entity; escaped, each shows as the text
 * it is.  The page never puts such a string inside a <script> or a
 * style: only in element text and quoted attribute values, through these.
 */
#ifndef PAGE_HTML_H
#define PAGE_HTML_H

#include <stdbool.h>
#include <stdio.h>

/*
 * Writes s so that HTML shows it literally, in element text or inside a
 * double- or single-quoted attribute value: '&', '<', '>', '"' and '\''
 * become entities; control characters but newline and tab become U+FFFD
 * (a NUL byte cannot occur: s is a C string); bytes that are not UTF-8
 * are written as U+FFFD too, so a hostile file cannot make the page's
 * encoding misread what follows.  NULL writes nothing.
 *
 * The output is also well-formed XML 1.0 text (its entities are XML's
 * too, and U+FFFE and U+FFFF, which XML forbids, become U+FFFD): the SVG
 * writer (figure/svg.h) escapes with it, so the suite has one escaper.
 */
void html_text(FILE *out, const char *s);

/* The same for the first n bytes of s (which may hold no NUL). */
void html_text_n(FILE *out, const char *s, size_t n);

/*
 * An optional piece of text in its markup: when s is neither NULL nor
 * empty, writes before, s escaped (html_text) and after, the caller's
 * markup as it is; else nothing, so no empty element is left behind.
 * Returns whether it wrote.
 */
bool html_text_in(FILE *out, const char *before, const char *s, const char *after);

/*
 * Writes a file path as a relative or absolute URL path: bytes other
 * than [A-Za-z0-9/._~-] as %XX, so a '#', '?', '%', quote or space in a
 * directory name neither ends the attribute nor changes the link.
 */
void html_url_path(FILE *out, const char *path);

/*
 * True when name is a plain file-name part: 1 to 64 characters of
 * [A-Za-z0-9_-].  Plot and bench names from report.json are opened as
 * files and linked as relative URLs only when they pass: "../x" or
 * "javascript:" never reach a path or an href.
 */
bool html_plain_name(const char *name);

/*
 * Writes an element id (and the fragment that links to it) made from a
 * claim id: "claim-" then the id's [A-Za-z0-9_-] characters as they are
 * and every other byte as ".XX" (hex), so distinct claim ids give
 * distinct anchors and no id needs escaping.  NULL or "" gives
 * "claim-.none".
 */
void html_claim_anchor(FILE *out, const char *claim_id);

#endif /* PAGE_HTML_H */
