/* child.c - one growth case alone in a process, and its resident memory. */
#include "growth/child.h"

#include "growth/append_case.h"
#include "growth/views.h"
#include "harness/case_rss.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int growth_child_run(const char *spec)
{
    char what[64];
    size_t count;
    const char *colon = strrchr(spec, ':');
    if (!colon || sscanf(colon + 1, "%zu", &count) != 1)
        return 2;
    if (strncmp(spec, "append:", 7) == 0) {
        size_t len = (size_t)(colon - (spec + 7));
        if (len >= sizeof what)
            return 2;
        memcpy(what, spec + 7, len);
        what[len] = '\0';
        append_cases_make();
        const append_case *c = append_case_find(what);
        if (!c)
            return 2;
        growable g;
        bool ok = append_case_build(c, alloc_libc(), count, &g) && c->kind->check(&g, count);
        growable_release(&g);
        return ok ? 0 : 1;
    }
    if (strncmp(spec, "views:", 6) == 0) {
        const view_case *v = view_case_prefixing(spec + 6);
        slice_i64 *kept = v ? calloc(count, sizeof *kept) : NULL;
        if (!kept)
            return v ? 1 : 2;
        bool ok = keep_views(v, alloc_libc(), kept, count) && views_hold_their_values(kept, count);
        if (ok)
            release_views(kept, count, alloc_libc());
        free(kept);
        return ok ? 0 : 1;
    }
    return 2;
}

size_t growth_child_rss(const char *spec)
{
    case_rss r = case_rss_measure(spec);
    if (r.status != 0)
        fprintf(stderr, "growth: child '%s' or the baseline failed (status %d)\n", spec,
                r.status);
    return case_rss_over_baseline(&r);
}
