/* test_curve_points.c - the shared precondition of stride's curve fits. */
#include "stride/curve_points.h"

#include <criterion/criterion.h>
#include <math.h>

Test(curve_points, positive_increasing_points_pass)
{
    const double x[] = {1, 2, 4}, y[] = {3, 3, 9};
    cr_assert(curve_points_valid(x, y, 3));
    cr_assert(curve_points_valid(x, y, 0), "no points: the caller's count decides");
}

Test(curve_points, each_defect_fails)
{
    const double y[] = {1, 1, 1};
    cr_assert_not(curve_points_valid(NULL, y, 3));
    cr_assert_not(curve_points_valid(y, NULL, 3));
    cr_assert_not(curve_points_valid((const double[]){1, 1, 2}, y, 3), "x repeats");
    cr_assert_not(curve_points_valid((const double[]){2, 1, 3}, y, 3), "x falls");
    cr_assert_not(curve_points_valid((const double[]){0, 1, 2}, y, 3), "x = 0");
    cr_assert_not(curve_points_valid((const double[]){1, 2, INFINITY}, y, 3));
    cr_assert_not(curve_points_valid((const double[]){1, 2, 3}, (const double[]){1, -1, 1}, 3));
    cr_assert_not(curve_points_valid((const double[]){1, 2, 3}, (const double[]){1, NAN, 1}, 3));
}
