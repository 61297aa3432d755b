/*
 * line.h - the line the gallery spaces its chases and counts its items by.
 *
 * What one miss brings in is what the run's machine profile measured
 * (harness/profile.h: calibrate's stride curve, line_bytes in
 * machine.json), as the stride bench counts it: a machine whose hardware
 * fetches lines in pairs moves 128 bytes per miss though the system
 * reports 64-byte lines, and a chase over 64-byte nodes would then get
 * every second node for free.  The reported line (sysfs, harness/machine.h)
 * is used only without a measured profile, and otherwise only printed
 * beside the measured one.
 */
#ifndef GALLERY_LINE_H
#define GALLERY_LINE_H

#include "harness/profile.h"

#include <stddef.h>

/* The sizes a line may have: a chase node holds a pointer, and a page
 * holds whole lines (the page-local orders need both). */
#define GALLERY_LINE_MIN 16
#define GALLERY_LINE_MAX 4096

typedef struct gallery_line {
    size_t bytes;          /* the line used */
    const char *source;    /* "measured", "reported" or "fallback" */
    size_t reported;       /* what the system reports, 0 = nothing usable */
} gallery_line;

/*
 * The line from a profile (NULL or not measured: none) and what the
 * system reports (0: nothing): the measured line when it is a power of
 * two within [GALLERY_LINE_MIN, min(GALLERY_LINE_MAX, page_bytes)], else
 * the reported one under the same test, else 64 ("fallback").  A
 * reported size that fails the test is kept as 0.
 */
gallery_line gallery_line_pick(const machine_profile *profile, size_t reported,
                               size_t page_bytes);

#endif /* GALLERY_LINE_H */
