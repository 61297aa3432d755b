/* child.c - one stream method over one file, alone, its totals checked. */
#include "stream/child.h"

#include "alloc/counting.h"
#include "stream/limit.h"

#include <inttypes.h>
#include <stdio.h>

int stream_child_spec(char *out, size_t cap, const filescan_method *method,
                      const test_file *f, bool too_long_allowed)
{
    return snprintf(out, cap, "%s:%" PRIu64 ":%" PRIu64 ":%d:%s", method->name,
                    f->totals.lines, f->totals.sum, too_long_allowed, f->path);
}

int stream_child_run(const char *spec)
{
    /* "limit:<budget>:<spec>": the same run under a memory limit. */
    size_t budget;
    int spec_at = 0;
    if (sscanf(spec, "limit:%zu:%n", &budget, &spec_at) == 1 && spec_at > 0) {
        if (limit_apply(budget) != 0) {
            perror("stream: cannot set the memory limit");
            return 2;
        }
        spec += spec_at;
    }
    char name[32];
    unsigned long long lines, sum;
    int allow_too_long, path_at = 0;
    if (sscanf(spec, "%31[^:]:%llu:%llu:%d:%n", name, &lines, &sum, &allow_too_long,
               &path_at) != 4 || path_at == 0) {
        fprintf(stderr, "stream: bad child spec '%s'\n", spec);
        return 2;
    }
    const filescan_method *m = filescan_find(name);
    if (!m) {
        fprintf(stderr, "stream: no method '%s'\n", name);
        return 2;
    }
    counting_allocator c;
    counting_init(&c, alloc_libc());
    records_totals t = {0, 0};
    filescan_status s = filescan_run(m, spec + path_at, &c.base, &t);
    /* On long lines an error or a short read is S2's outcome, judged by
     * the report: its memory is measured all the same. */
    if (allow_too_long && (s == FILESCAN_OK || s == FILESCAN_LINE_TOO_LONG))
        return 0;
    if (s != FILESCAN_OK) {
        fprintf(stderr, "stream: %s: %s\n", name, filescan_status_message(s));
        return s == FILESCAN_NO_MEMORY ? STREAM_CHILD_NO_MEMORY : 1;
    }
    if (t.lines != lines || t.sum != sum) {
        fprintf(stderr, "stream: %s: %" PRIu64 " lines, sum %" PRIu64
                        "; expected %llu, %llu\n", name, t.lines, t.sum, lines, sum);
        return 1;
    }
    return 0;
}
