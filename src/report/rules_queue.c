/* rules_queue.c - the rules of the claims the queue bench decides (S3, S4). */
#include "exact.h"
#include "rules.h"
#include "sweep.h"

#include <stdio.h>

#define QUEUE_MAX_SIZES 16

/* At sizes where the bounded queue filled up, the unbounded queue's peak
 * must be at least this many times the bounded one's to count as grown. */
#define S3_MIN_GROWTH 2.0

/* A bounded queue against an unbounded one, under a slow consumer.  Only
 * the sizes where the bounded queue's producer had to wait test the
 * bound (below its capacity both queues hold every message); there, the
 * bounded queue's peak must stay at the same number of messages (its
 * capacity) at every size, and the unbounded queue's peak bytes must be
 * at least S3_MIN_GROWTH times the bounded one's.  The peaks vary between
 * repetitions (they depend on scheduling), so each is taken at its worst
 * for the claim: the bounded queue's largest, the unbounded one's
 * smallest. */
void judge_s3(const report_run *run, claim_result *out)
{
    double args[QUEUE_MAX_SIZES];
    size_t n = report_run_args(run, "queue/bounded", args, QUEUE_MAX_SIZES);
    if (n > QUEUE_MAX_SIZES)
        n = QUEUE_MAX_SIZES;
    exact_check c = EXACT_CHECK_INIT;
    if (n == 0)
        text_printf(&c.missing, "no case queue/bounded/<items> in the run");
    text_printf(&out->body, "Rule: at every number of messages where the bounded "
                "queue's producer waited for room, the bounded queue's largest "
                "peak (over repetitions) is the same number of messages (its "
                "capacity) at every such size, and the unbounded queue's smallest "
                "peak in bytes is at least %.0fx the bounded one's (exact counts "
                "of the counting allocator).\n\n"
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
        if (waits == 0)
            continue;   /* the bounded queue never filled: the bound untested */
        tested++;
        if (capacity < 0)
            capacity = bi.max;
        bool ok = bi.max == capacity && ub.min >= S3_MIN_GROWTH * bb.max;
        exact_record(&c, ok, "%.0f messages (bounded %.0f messages, unbounded "
                     "%.1fx its bytes)", args[i], bi.max, ub.min / bb.max);
        last_b = bb.max;
        last_u = ub.min;
        last_items = args[i];
    }
    text_printf(&out->body, "\n");
    exact_verdict(&c, "queue/<bounded|unbounded>/<items>", &out->v);
    if (out->v.kind != VERDICT_NOT_MEASURED && tested == 0)
        verdict_set(&out->v, VERDICT_NOT_MEASURED, "the bounded queue never "
                    "filled (no producer wait at any size), so its bound was not tested");
    if (out->v.kind != VERDICT_NOT_MEASURED)
        text_printf(&out->figures, "at %.0f messages, peak queued bytes: unbounded "
                    "%.0f, bounded %.0f (%.0f messages at most, at every size it "
                    "filled)", last_items, last_u, last_b, capacity);
    exact_markdown(&c, &out->v, &out->body);
    exact_check_free(&c);
}

/* The memory half of S4: the peak resident memory (one run in a fresh
 * process, no spread) of a thread per message must be at least
 * RULE_MIN_RATIO times the pool's, at every size. */
static void s4_memory(const report_run *run, verdict *v, claim_result *out)
{
    double args[QUEUE_MAX_SIZES];
    size_t n = report_run_args(run, "queue/pool", args, QUEUE_MAX_SIZES);
    if (n > QUEUE_MAX_SIZES)
        n = QUEUE_MAX_SIZES;
    exact_check c = EXACT_CHECK_INIT;
    if (n == 0)
        text_printf(&c.missing, "no case queue/pool/<items> in the run");
    double last_t = 0, last_p = 0;
    for (size_t i = 0; i < n; i++) {
        char t[96], p[96];
        snprintf(t, sizeof t, "queue/thread_per_item/%.0f", args[i]);
        snprintf(p, sizeof p, "queue/pool/%.0f", args[i]);
        double rt, rp;
        if (!exact_read(&c, run, t, "rss_over_baseline", &rt, NULL) ||
            !exact_read(&c, run, p, "rss_over_baseline", &rp, NULL))
            break;
        exact_record(&c, rp > 0 ? rt >= RULE_MIN_RATIO * rp : rt > 0,
                     "%.0f messages (thread per message %.0f KiB, pool %.0f KiB)",
                     args[i], rt / 1024, rp / 1024);
        last_t = rt;
        last_p = rp;
    }
    exact_verdict(&c, "queue/<thread_per_item|pool>/<items>", v);
    text_printf(&out->body, "#### Memory\n\nRule: peak resident memory of one run "
                "in a fresh process over a process doing nothing "
                "(`rss_over_baseline`), thread per message at least %.2fx the "
                "pool's at every size.\n\n", RULE_MIN_RATIO);
    if (c.held)
        text_printf(&out->body, "Met at %s.\n\n", text_str(&c.held_at));
    if (v->kind != VERDICT_NOT_MEASURED)
        text_printf(&out->figures, "%smemory at %.0f messages: thread per message "
                    "%.0f KiB, pool %.0f KiB", out->figures.len ? "; " : "", args[n - 1], last_t / 1024, last_p / 1024);
    exact_markdown(&c, v, &out->body);
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
        .min_ratio = RULE_MIN_RATIO,
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
