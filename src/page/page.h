/*
 * page.h - a run's report as one self-contained HTML page (index.html):
 * the verdict of every claim in one line each at the top, the machine
 * card, then a section per claim with its plots inline.  Styles and the
 * one script are inline; a Content-Security-Policy lets the page load
 * nothing from anywhere and run only its own script (by a nonce made per
 * page), so even text that escaped escaping could not run.
 */
#ifndef PAGE_PAGE_H
#define PAGE_PAGE_H

#include "page/load.h"

#include <stdbool.h>
#include <stdio.h>

/*
 * Writes the page of run (with against not NULL, both runs side by
 * side) to out.  link_base goes before the relative links to the run's
 * files ("" when the page is written into the run directory).  nonce is
 * the script's CSP nonce: [A-Za-z0-9+/=]{1,64}, or NULL for a fresh one.
 * Returns false when a write failed.
 */
bool page_write(FILE *out, const page_run *run, const page_run *against,
                const char *link_base, const char *nonce);

/*
 * Writes the page to path through a temporary file in the same
 * directory, renamed when complete: a reader never sees half a page, a
 * full disk leaves the old one.  False with a message in err.
 */
bool page_write_file(const char *path, const page_run *run, const page_run *against,
                     const char *link_base, char *err, size_t errsize);

#endif /* PAGE_PAGE_H */
