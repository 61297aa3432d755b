/* line.c - the measured line before the reported one, each checked. */
#include "line.h"

#include <stdbool.h>

/* The line a fallback assumes: the x86-64 and most arm64 line. */
#define FALLBACK_LINE 64

static bool usable(size_t bytes, size_t page_bytes)
{
    size_t most = page_bytes < GALLERY_LINE_MAX ? page_bytes : GALLERY_LINE_MAX;
    return bytes >= GALLERY_LINE_MIN && bytes <= most && (bytes & (bytes - 1)) == 0;
}

gallery_line gallery_line_pick(const machine_profile *profile, size_t reported,
                               size_t page_bytes)
{
    gallery_line l = {FALLBACK_LINE, "fallback",
                      usable(reported, page_bytes) ? reported : 0};
    if (profile && profile->measured && usable(profile->line_bytes, page_bytes)) {
        l.bytes = profile->line_bytes;
        l.source = "measured";
    } else if (l.reported) {
        l.bytes = l.reported;
        l.source = "reported";
    }
    return l;
}
