/* test_report_rules_benches.c - the rules of L2 (insert), L6 (stride) and
 * G1-G3 (growth) on fixture runs whose outcome is known: holds, fails,
 * overlapping spread, and a missing case (tests/fixtures/report/
 * <bench>_<outcome>/, from make_fixtures.py). */
#include "report_judge.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

TestSuite(report_rules_benches, .fini = judge_cleanup);

/* Asserts that claim id on fixture dir has verdict kind, and that its
 * phrase contains 'has' (when not NULL); returns the phrase. */
static const char *expect(const char *dir, const char *id, verdict_kind kind, const char *has)
{
    const claim_rule *r = claim_rule_find(id);
    cr_assert(r && r->judge, "%s has no judge", id);
    const char *p = judge(dir, id);
    cr_assert_eq(judged.v.kind, kind, "%s on %s: %s", id, dir, p);
    if (has)
        cr_assert(strstr(p, has), "%s on %s: want \"%s\" in: %s", id, dir, has, p);
    if (kind != VERDICT_NOT_MEASURED)
        cr_assert_gt(judged.figures.len, 0, "%s on %s: no figures", id, dir);
    return p;
}

/* --- L2: a list against the array at inserts in the middle ------------------ */

Test(report_rules_benches, l2_holds_when_both_lists_are_slower_at_every_n)
{
    expect(FIXTURES "insert_holds", "L2", VERDICT_HOLDS, NULL);
    cr_assert(strstr(text_str(&judged.body), "pooled list / array"));
}

Test(report_rules_benches, l2_fails_when_the_lists_are_faster)
{
    expect(FIXTURES "insert_fails", "L2", VERDICT_DOES_NOT_HOLD, NULL);
}

Test(report_rules_benches, l2_is_within_noise_when_the_ranges_overlap)
{
    expect(FIXTURES "insert_noise", "L2", VERDICT_WITHIN_NOISE, NULL);
}

Test(report_rules_benches, l2_without_the_pooled_list_is_not_measured)
{
    expect(FIXTURES "insert_missing", "L2", VERDICT_NOT_MEASURED,
           "no case insert/list_pool/<n>");
}

/* --- L6: cache lines ---------------------------------------------------------- */

Test(report_rules_benches, l6_holds_when_reads_are_cheap_and_the_bend_is_two_lines)
{
    expect(FIXTURES "stride_holds", "L6", VERDICT_HOLDS, NULL);
    cr_assert(strstr(text_str(&judged.figures), "bend at 128 B"), "%s",
              text_str(&judged.figures));
}

Test(report_rules_benches, l6_names_a_bend_past_two_lines_as_its_condition)
{
    expect(FIXTURES "stride_only_when", "L6", VERDICT_HOLDS_ONLY_WHEN,
           "closer than 1024 B");
}

Test(report_rules_benches, l6_fails_when_a_line_costs_less_than_twice_a_neighbour)
{
    expect(FIXTURES "stride_fails", "L6", VERDICT_DOES_NOT_HOLD, "1.50x");
}

Test(report_rules_benches, l6_is_within_noise_on_a_flat_overlapping_curve)
{
    expect(FIXTURES "stride_noise", "L6", VERDICT_WITHIN_NOISE, NULL);
}

Test(report_rules_benches, l6_without_the_line_stride_is_not_measured)
{
    expect(FIXTURES "stride_missing", "L6", VERDICT_NOT_MEASURED,
           "stride/read/64 is missing");
}

/* --- G1-G3: growth -------------------------------------------------------------- */

Test(report_rules_benches, growth_rules_hold_where_they_clearly_do)
{
    expect(FIXTURES "growth_holds", "G1", VERDICT_HOLDS, NULL);
    expect(FIXTURES "growth_holds", "G2", VERDICT_HOLDS, NULL);
    expect(FIXTURES "growth_holds", "G3", VERDICT_HOLDS, NULL);
}

Test(report_rules_benches, growth_rules_fail_where_they_clearly_do)
{
    /* Growing arrays that never reallocate, are faster and smaller than
     * reserved ones; views that keep no more than copies. */
    expect(FIXTURES "growth_fails", "G1", VERDICT_DOES_NOT_HOLD, "reallocations past "
           "the first capacity");
    expect(FIXTURES "growth_fails", "G2", VERDICT_DOES_NOT_HOLD, NULL);
    expect(FIXTURES "growth_fails", "G3", VERDICT_DOES_NOT_HOLD, NULL);
}

Test(report_rules_benches, exact_counts_decide_without_spread_and_timings_with_it)
{
    /* Times and resident memory overlap; reallocations, peak bytes and
     * live bytes are exact, so those parts still decide. */
    expect(FIXTURES "growth_noise", "G1", VERDICT_HOLDS, NULL);
    const char *g2 = expect(FIXTURES "growth_noise", "G2", VERDICT_HOLDS_ONLY_WHEN,
                            "grown by copy, within noise");
    cr_assert(strstr(g2, "for peak resident memory, always"), "%s", g2);
    /* The parts' names hold no comma, so a list of them reads as one. */
    cr_assert(strstr(g2, "for time of User records grown by copy, "), "%s", g2);
    cr_assert_null(strstr(g2, "time, "), "%s", g2);
    expect(FIXTURES "growth_noise", "G3", VERDICT_HOLDS_ONLY_WHEN,
           "for live heap bytes, always; for resident memory, within noise");
}

Test(report_rules_benches, growth_without_reserved_or_view_cases_is_not_measured)
{
    expect(FIXTURES "growth_missing", "G1", VERDICT_NOT_MEASURED,
           "no case growth/u64/prealloc/<N>");
    expect(FIXTURES "growth_missing", "G2", VERDICT_NOT_MEASURED, "prealloc");
    expect(FIXTURES "growth_missing", "G3", VERDICT_NOT_MEASURED,
           "no case growth/views/keep_view/<M>");
}

Test(report_rules_benches, g1_names_a_growing_case_that_failed_its_check)
{
    /* A build whose contents are wrong (a broken measurement) fails its
     * case; the rule must say which, not guess. */
    char dir[] = "/tmp/report_rules_benches_XXXXXX", path[256];
    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/growth.json", dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs("{\"context\": {}, \"benchmarks\": [{\"name\": \"growth/u64/x2/copy/10/real_time\","
          " \"run_type\": \"iteration\", \"error_occurred\": true,"
          " \"error_message\": \"growth counts differ\"}]}\n", f);
    fclose(f);
    expect(dir, "G1", VERDICT_NOT_MEASURED, "growth/u64/x2/copy/10 failed its check");
    remove(path);
    rmdir(dir);
}

/* G1's claim is the copy: grown by allocate-copy-free, every growth must
 * copy every element held.  A copy that carried half of them fails it. */
Test(report_rules_benches, g1_fails_when_growing_by_copy_copies_less_than_it_held)
{
    expect(FIXTURES "growth_copy_short", "G1", VERDICT_DOES_NOT_HOLD,
           "bytes held copied");
}

/* Growth by realloc is reported as what it did (in place, moved, moved by
 * remapping pages), not judged as a copy. */
Test(report_rules_benches, g1_says_what_realloc_did_instead_of_claiming_a_copy)
{
    expect(FIXTURES "growth_holds", "G1", VERDICT_HOLDS, NULL);
    const char *f = text_str(&judged.figures);
    cr_assert(strstr(f, "realloc at N = 100000: 0 of 17 reallocations in place, "
                        "3 moved by remapping pages, at most 128.0 KiB copied"), "%s", f);
    cr_assert(strstr(text_str(&judged.body), "not judged"), "%s", text_str(&judged.body));
}

/* G2's memory part is measured resident memory: growing builds that need
 * less than the reserved array fail it, whatever the peak bytes say. */
Test(report_rules_benches, g2_memory_fails_when_growing_needs_less_resident_memory)
{
    const char *p = judge(FIXTURES "growth_rss_less", "G2");
    cr_assert_neq(judged.v.kind, VERDICT_HOLDS, "%s", p);
    cr_assert(strstr(p, "peak resident memory"), "%s", p);
    cr_assert(strstr(text_str(&judged.figures), "grown by copy up to 0.50x"), "%s",
              text_str(&judged.figures));
    p = judge(FIXTURES "growth_holds", "G2");
    cr_assert(strstr(text_str(&judged.figures), "grown by copy up to 1.50x, by realloc "
                     "up to 1.04x"), "%s", text_str(&judged.figures));
}

/* G2's details say how much of a build went on page faults (the faults
 * counter times machine.json's cost), beside the verdict and never in
 * it; a run made before the counter existed says it has none. */
Test(report_rules_benches, g2_details_give_the_share_of_faults_not_in_the_verdict)
{
    expect(FIXTURES "growth_faults", "G2", VERDICT_HOLDS, NULL);
    const char *body = text_str(&judged.body);
    cr_assert(strstr(body, "Page faults (not part of the verdict): at N = 100000 8-byte "
                           "values, reserved 196 faults x 0.25 us = 49 us of the 100 us per "
                           "build (49%); x2 by copy 384 faults x 0.25 us = 96 us of the "
                           "200 us per build (48%); x2 by realloc 384 faults"), "%s", body);
    cr_assert_not(strstr(text_str(&judged.v.condition), "fault"));
    cr_assert_not(strstr(text_str(&judged.figures), "fault"), "%s",
                  text_str(&judged.figures));
    expect(FIXTURES "growth_holds", "G2", VERDICT_HOLDS, NULL);
    cr_assert(strstr(text_str(&judged.body), "Page faults (not part of the verdict): not "
                     "shown, these cases have no `faults` counter"), "%s",
              text_str(&judged.body));
}

/* --- G4: copied slice headers share, copied arrays do not ------------------- */

Test(report_rules_benches, g4_holds_when_only_the_header_copy_shares)
{
    expect(FIXTURES "g4_holds", "G4", VERDICT_HOLDS, NULL);
    cr_assert(strstr(text_str(&judged.figures), "header copy shares the elements: yes"));
}

Test(report_rules_benches, g4_does_not_hold_when_the_array_copy_shares_too)
{
    expect(FIXTURES "g4_fails", "G4", VERDICT_DOES_NOT_HOLD, NULL);
}

Test(report_rules_benches, g4_is_not_measured_without_its_case)
{
    expect(FIXTURES "growth_holds", "G4", VERDICT_NOT_MEASURED, "growth/slice/semantics/3");
}
