/*
 * child.h - growth's --child runner: one case alone in a fresh process,
 * for its peak resident memory (harness/case_rss.h).
 */
#ifndef GROWTH_CHILD_H
#define GROWTH_CHILD_H

#include <stddef.h>

/* Runs "append:<variant>:<N>" (one build of that append case, checked) or
 * "views:<keep_view|keep_copy>:<M>" (M buffers kept, checked, released)
 * over libc.  Returns 0, 1 on a failed check or allocation, 2 on a spec
 * it does not understand.  Calls append_cases_make itself. */
int growth_child_run(const char *spec);

/* Peak resident bytes of a child running 'spec' alone, less a child that
 * runs nothing; 0 when a child failed (then said on stderr). */
size_t growth_child_rss(const char *spec);

#endif /* GROWTH_CHILD_H */
