/*
 * growth.c - reference solution of part (a): capacity * 7 / 4.
 *
 * Growing by a factor r from a full array copies c + c/r + c/r^2 + ...
 * = c * r / (r - 1) bytes by the time c + 1 have been appended, so the
 * copy bound of 2.5 needs r / (r - 1) <= 2.5, r >= 5/3; right after a
 * growth (r - 1) / r of the capacity is unused, so 45% needs r <= 1/0.55,
 * about 1.82.  1.75 sits between them with a margin for the rounding down
 * (floor(c * 7 / 4)): the worst case measured is 2.34 bytes and 43%.
 * x2 leaves 50% unused; x1.5 copies up to 3 bytes per byte; 5/3 copies
 * 2.502 at 444 appends, because rounding down makes some steps smaller.
 */
#include "lab.h"

const growth_policy lab_growth_policy = {
    .name = "lab",
    .rule = "capacity * 7 / 4 (or what is needed, if more)",
    .base = GROWTH_FROM_CAPACITY,
    .large = {7, 4, 0},
    .shortfall = GROWTH_TAKE_NEED,
};
