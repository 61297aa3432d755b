/* rules/escape.c - the rule of the claim the escape bench decides (A4). */
#include "report/exact.h"
#include "report/rules.h"
#include "report/sweep.h"

/* The allocations half of A4: the function returning a pointer asks the
 * allocator once per call, the one returning a value never (exact). */
static void a4_allocations(const report_run *run, verdict *v, claim_result *out)
{
    exact_check c = EXACT_CHECK_INIT;
    double heap, value, arena, arena_malloc;
    if (exact_read(&c, run, "escape/heap/24", "allocs_per_call", &heap, NULL) &&
        exact_read(&c, run, "escape/value/24", "allocs_per_call", &value, NULL)) {
        exact_record(&c, heap >= 1, "heap: %.3g allocations per call", heap);
        exact_record(&c, value == 0, "value: %.3g allocations per call", value);
    }
    exact_verdict(&c, "escape/<heap|value>/24", v);
    text_printf(&out->body, "#### Allocations\n\nRule: the record returned "
                "through a heap pointer costs at least one allocation per call, "
                "the record returned by value none (exact counts).\n\n");
    if (v->kind != VERDICT_NOT_MEASURED) {
        text_printf(&out->figures, "allocations per call: heap %.3g, value %.3g",
                    heap, value);
        text_printf(&out->body, "Allocations per call: heap %.3g, value %.3g.",
                    heap, value);
        summary s;
        if (report_run_summary(run, "escape/arena/24", "allocs_per_call", &s) == SAMPLE_OK) {
            arena = s.median;
            arena_malloc = report_run_summary(run, "escape/arena/24", "malloc_per_call",
                                              &s) == SAMPLE_OK ? s.median : -1;
            text_printf(&out->body, " Beside them, the same escape on a bump "
                        "arena: %.3g allocations per call", arena);
            if (arena_malloc >= 0)
                text_printf(&out->body, ", of which %.4g reach malloc", arena_malloc);
            text_printf(&out->body, ".");
        }
        text_printf(&out->body, "\n\n");
    }
    exact_markdown(&c, v, &out->body);
    exact_check_free(&c);
}

/* A value that escapes costs an allocation and time: allocations per call
 * (exact), and CPU time per call of the heap version against the value
 * version (at least RULE_MIN_RATIO, the ratio's bootstrap interval above
 * 1: sweep.h). */
void judge_a4(const report_run *run, claim_result *out)
{
    static const sweep_spec time = {
        .bench = "escape", .metric = "cpu_ns_per_item", .ws_counter = "peak_bytes",
        .min_ratio = RULE_MIN_RATIO, .unit = "ns per call", .no_levels = true,
        .pairs = {{"heap", "value", "heap / value"}}, .npairs = 1,
    };
    static const char *const names[2] = {"allocations", "time per call"};
    verdict parts[2] = {VERDICT_INIT, VERDICT_INIT};
    a4_allocations(run, &parts[0], out);
    sweep_claim_part(&time, run, names[1], &parts[1], out);
    verdict_combine_free(&out->v, parts, names, 2);
}
