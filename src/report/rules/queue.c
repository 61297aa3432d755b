/* rules/queue.c - the rules of the claims the queue bench decides (S3, S4). */
#include "report/exact.h"
#include "report/rules.h"
#include "report/significance.h"
#include "report/sweep.h"

#include <stdio.h>

#define QUEUE_MAX_SIZES 16

/* At sizes above the bounded queue's capacity, the unbounded queue's peak
 * must be at least this many times the bounded one's to count as grown. */
#define S3_MIN_GROWTH 2.0

/* A bounded queue against an unbounded one, under a slow consumer.  The
 * sizes with more messages than the bounded queue's capacity (counter
 * queue_capacity) test the bound: there the bounded queue's peak must
 * stay within its capacity, and the unbounded queue's peak bytes must be
 * at least S3_MIN_GROWTH times the bounded one's.  A run without the
 * counter (older benches) tests the sizes where the producer waited, and
 * takes the first such size's peak as the capacity.  The peaks vary
 * between repetitions (they depend on scheduling), so each is taken at its
 * worst for the claim: the bounded queue's largest, the unbounded one's
 * smallest. */
void judge_s3(const report_run *run, claim_result *out)
{
    double args[QUEUE_MAX_SIZES];
    exact_check c = EXACT_CHECK_INIT;
    size_t n = exact_args(&c, run, "queue/bounded", "items", args, QUEUE_MAX_SIZES);
    text_printf(&out->body, "Rule: at every number of messages above the bounded "
                "queue's capacity, the bounded queue's largest peak (over "
                "repetitions) is at most its capacity, and the unbounded queue's "
                "smallest peak in bytes is at least %.0fx the bounded one's (exact "
                "counts of the counting allocator).\n\n"
                "| messages | bounded: peak messages | bounded: peak bytes | "
                "producer waits | unbounded: peak messages | unbounded: peak bytes |\n"
                "|---|---|---|---|---|---|\n", S3_MIN_GROWTH);
    double capacity = -1, last_b = 0, last_u = 0, last_items = 0;
    size_t tested = 0;
    for (size_t i = 0; i < n; i++) {
        char b[96], u[96];
        snprintf(b, sizeof b, "queue/bounded/%.0f", args[i]);
        snprintf(u, sizeof u, "queue/unbounded/%.0f", args[i]);
        double waits, dummy;
        summary bi, bb, ui, ub;
        if (!exact_read(&c, run, b, "producer_waits", &waits, NULL) ||
            !exact_read(&c, run, b, "peak_queued_items", &dummy, &bi) ||
            !exact_read(&c, run, b, "peak_queued_bytes", &dummy, &bb) ||
            !exact_read(&c, run, u, "peak_queued_items", &dummy, &ui) ||
            !exact_read(&c, run, u, "peak_queued_bytes", &dummy, &ub))
            break;
        text_printf(&out->body, "| %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |\n", args[i],
                    bi.max, bb.max, waits, ui.min, ub.min);
        summary cap;
        bool have_cap = report_run_summary(run, b, "queue_capacity", &cap) == SAMPLE_OK;
        /* Up to its capacity a bounded queue holds every message: the bound
         * untested. */
        if (have_cap ? args[i] <= cap.median : waits == 0)
            continue;
        tested++;
        if (have_cap)
            capacity = cap.median;
        else if (capacity < 0)
            capacity = bi.max;
        bool ok = bi.max <= capacity && ub.min >= S3_MIN_GROWTH * bb.max;
        exact_record(&c, ok, "%.0f messages (bounded %.0f messages, unbounded "
                     "%.1fx its bytes)", args[i], bi.max, ub.min / bb.max);
        last_b = bb.max;
        last_u = ub.min;
        last_items = args[i];
    }
    text_printf(&out->body, "\n");
    exact_verdict(&c, "queue/<bounded|unbounded>/<items>", &out->v);
    if (out->v.kind != VERDICT_NOT_MEASURED && tested == 0)
        verdict_set(&out->v, VERDICT_NOT_MEASURED, "no size had more messages "
                    "than the bounded queue holds, so its bound was not tested");
    if (out->v.kind != VERDICT_NOT_MEASURED)
        text_printf(&out->figures, "at %.0f messages, peak queued bytes: unbounded "
                    "%.0f, bounded %.0f (%.0f messages at most, at every size past "
                    "its capacity)", last_items, last_u, last_b, capacity);
    exact_markdown(&c, &out->v, &out->body);
    exact_check_free(&c);
}

/* The memory half of S4: peak resident memory, thread per message against
 * the pool, compared like a time (significance.h: medians at least
 * RULE_MIN_RATIO apart, their 95% interval clear of 1).  Each repetition
 * ran the case in its own fresh process: how many threads are alive at
 * once depends on scheduling, and at 1000 messages the two came out 168
 * against 192 KiB in one run and 240 against 212 in the next, each from a
 * single child.  A size whose interval contains 1 is within noise; the part
 * holds at every size that holds, and is within noise when none does. */
static void s4_memory(const report_run *run, verdict *v, claim_result *out)
{
    double args[QUEUE_MAX_SIZES];
    exact_check c = EXACT_CHECK_INIT;
    size_t n = exact_args(&c, run, "queue/pool", "items", args, QUEUE_MAX_SIZES);
    size_t held = 0, noise = 0, measured = 0;
    text held_at = TEXT_INIT, other_at = TEXT_INIT;
    summary last_t = {0}, last_p = {0};
    text_printf(&out->body, "#### Memory\n\nRule: peak resident memory over a process "
                "doing nothing (`rss_over_baseline`, a fresh process per repetition), "
                "thread per message against the pool: medians at least %.2fx apart, "
                "their ratio's 95%% bootstrap interval clear of 1.\n\n| messages | "
                "thread per message: median (range) | pool | ratio [95%% interval] | "
                "outcome |\n|---|---|---|---|---|\n", RULE_MIN_RATIO);
    for (size_t i = 0; i < n; i++) {
        char t[96], p[96];
        snprintf(t, sizeof t, "queue/thread_per_item/%.0f", args[i]);
        snprintf(p, sizeof p, "queue/pool/%.0f", args[i]);
        double mt, mp;
        summary st, sp;
        if (!exact_read(&c, run, t, "rss_over_baseline", &mt, &st) ||
            !exact_read(&c, run, p, "rss_over_baseline", &mp, &sp))
            break;
        case_comparison cmp;
        compare_cases(run, t, p, "rss_over_baseline", RULE_MIN_RATIO, &cmp);
        compare_status cs = cmp.status;
        text *at = cs == COMPARE_HOLDS ? &held_at : &other_at;
        text_printf(at, "%s%.0f messages", at->len ? ", " : "", args[i]);
        if (cs != COMPARE_HOLDS)
            text_printf(at, " %s", compare_status_name(cs));
        held += cs == COMPARE_HOLDS;
        noise += cs == COMPARE_NOISE;
        measured++;
        char ci[96] = "no interval";
        if (cmp.has_ci)
            stats_ratio_ci_format(&cmp.ci, ci, sizeof ci);
        text_printf(&out->body, "| %.0f | %.0f KiB (%.0f-%.0f) | %.0f KiB (%.0f-%.0f) | "
                    "%s | %s |\n", args[i], st.median / 1024, st.min / 1024,
                    st.max / 1024, sp.median / 1024, sp.min / 1024, sp.max / 1024, ci,
                    compare_status_name(cs));
        last_t = st;
        last_p = sp;
    }
    text_printf(&out->body, "\n");
    if (c.missing.len) {
        verdict_set(v, VERDICT_NOT_MEASURED, "%s", text_str(&c.missing));
        text_printf(&out->body, "Not measured: %s.\n\n", text_str(&c.missing));
    } else if (held == measured) {
        verdict_set(v, VERDICT_HOLDS, NULL);
    } else if (held) {
        verdict_set(v, VERDICT_HOLDS_ONLY_WHEN, "at %s", text_str(&held_at));
        text_printf(&v->note, "%s", text_str(&other_at));
    } else {
        verdict_set(v, noise == measured ? VERDICT_WITHIN_NOISE : VERDICT_DOES_NOT_HOLD,
                    NULL);
        text_printf(&v->note, "%s", text_str(&other_at));
    }
    if (v->kind != VERDICT_NOT_MEASURED)
        text_printf(&out->figures, "%smemory at %.0f messages: thread per message "
                    "%.0f KiB, pool %.0f KiB (medians)", out->figures.len ? "; " : "",
                    args[measured - 1], last_t.median / 1024, last_p.median / 1024);
    text_free(&held_at);
    text_free(&other_at);
    exact_check_free(&c);
}

/* A thread per message against a fixed pool: wall-clock time per message
 * (Google Benchmark's CPU time is the main thread's alone, which for the
 * pool leaves out all the work done by its workers) and peak resident
 * memory. */
void judge_s4(const report_run *run, claim_result *out)
{
    static const sweep_spec time = {
        .bench = "queue", .metric = "ns_per_item", .ws_counter = "peak_queued_bytes",
        .min_ratio = RULE_MIN_RATIO, .unit = "ns per message", .no_levels = true,
        .pairs = {{"thread_per_item", "pool", "thread per message / pool"}}, .npairs = 1,
    };
    static const char *const names[2] = {"time per message", "memory"};
    verdict parts[2] = {VERDICT_INIT, VERDICT_INIT};
    sweep_claim_part(&time, run, names[0], &parts[0], out);
    s4_memory(run, &parts[1], out);
    verdict_combine(&out->v, parts, names, 2);
    verdict_free(&parts[0]);
    verdict_free(&parts[1]);
}
