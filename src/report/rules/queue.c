/* rules/queue.c - the rules of the claims the queue bench decides (S3, S4, S6). */
#include "report/exact.h"
#include "report/rules.h"
#include "report/significance.h"
#include "report/sweep.h"
#include "report/table_md.h"

#include <math.h>

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
                "counts of the counting allocator).\n\n", S3_MIN_GROWTH);
    claim_result_measure(out, "bytes", S3_MIN_GROWTH);
    static const char *const columns[] = {
        "messages", "bounded: peak messages", "bounded: peak bytes", "producer waits",
        "unbounded: peak messages", "unbounded: peak bytes", "outcome"};
    data_table *t = claim_result_add_table(out, "Every number of messages", false);
    data_table_columns(t, columns, sizeof columns / sizeof columns[0]);
    double capacity = -1, last_b = 0, last_u = 0, last_items = 0;
    size_t tested = 0;
    for (size_t i = 0; i < n; i++) {
        static const char *const b = "queue/bounded", *const u = "queue/unbounded";
        double waits, dummy;
        summary bi, bb, ui, ub;
        if (!exact_read_at(&c, run, b, args[i], "producer_waits", &waits, NULL) ||
            !exact_read_at(&c, run, b, args[i], "peak_queued_items", &dummy, &bi) ||
            !exact_read_at(&c, run, b, args[i], "peak_queued_bytes", &dummy, &bb) ||
            !exact_read_at(&c, run, u, args[i], "peak_queued_items", &dummy, &ui) ||
            !exact_read_at(&c, run, u, args[i], "peak_queued_bytes", &dummy, &ub))
            break;
        const double row[] = {args[i], bi.max, bb.max, waits, ui.min, ub.min};
        for (size_t k = 0; k < sizeof row / sizeof row[0]; k++)
            data_table_number(t, row[k]);
        /* NAN from runs older than the counter. */
        double cap = report_run_median_at(run, b, args[i], "queue_capacity");
        bool have_cap = !isnan(cap);
        /* Up to its capacity a bounded queue holds every message: the bound
         * untested. */
        if (have_cap ? args[i] <= cap : waits == 0) {
            data_table_text(t, "within the capacity: not judged");
            continue;
        }
        tested++;
        if (have_cap)
            capacity = cap;
        else if (capacity < 0)
            capacity = bi.max;
        bool ok = bi.max <= capacity && ub.min >= S3_MIN_GROWTH * bb.max;
        exact_record(&c, ok, "%.0f messages (bounded %.0f messages, unbounded "
                     "%.1fx its bytes)", args[i], bi.max, ub.min / bb.max);
        data_table_text(t, exact_outcome(ok));
        last_b = bb.max;
        last_u = ub.min;
        last_items = args[i];
    }
    data_table_markdown(t, &out->body);
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

/* Beside S4's memory table: how many threads were alive at once, which a
 * thread per message's memory depends on (each holds a stack), per number
 * of messages; nothing for runs without the counter. */
static void s4_threads_at_once(const report_run *run, const double *args, size_t n,
                               text *body)
{
    text per = TEXT_INIT;
    summary pool = {0};
    bool have_pool = false;
    for (size_t i = 0; i < n; i++) {
        char t[96], p[96];
        summary s;
        report_case_name_at(t, sizeof t, args[i], "queue/thread_per_item");
        report_case_name_at(p, sizeof p, args[i], "queue/pool");
        if (report_run_summary(run, t, "peak_threads", &s) == SAMPLE_OK)
            text_printf(&per, "%s%.0f (%.0f-%.0f) at %.0f messages", per.len ? ", " : "",
                        s.median, s.min, s.max, args[i]);
        if (!have_pool && report_run_summary(run, p, "peak_threads", &pool) == SAMPLE_OK)
            have_pool = true;
    }
    if (per.len) {
        text_printf(body, "Threads alive at once (`peak_threads`, median and range over "
                    "the repetitions): a thread per message %s", text_str(&per));
        if (have_pool)
            text_printf(body, "; the pool %.0f", pool.median);
        text_printf(body, ". Each of those threads holds a stack of its own while "
                    "it runs; the pool starts no threads but its workers.\n\n");
    }
    text_free(&per);
}

/* The memory half of S4: peak resident memory, thread per message against
 * the pool, compared like a time (significance.h: medians at least
 * RULE_MIN_RATIO apart, their 95% interval clear of 1).  Each repetition
 * ran the case in its own fresh process: how many threads are alive at
 * once depends on scheduling, and at 1000 messages the two came out 168
 * against 192 KiB in one run and 240 against 212 in the next, each from a
 * single child (measured against an idle child then, peak_rss.h).  A
 * size's outcome is read as significance.h says; the part holds at every
 * size that holds, and is within noise when none does. */
static void s4_memory(const report_run *run, verdict *v, claim_result *out)
{
    double args[QUEUE_MAX_SIZES];
    exact_check c = EXACT_CHECK_INIT;
    size_t n = exact_args(&c, run, "queue/pool", "items", args, QUEUE_MAX_SIZES);
    size_t held = 0, noise = 0, measured = 0;
    text held_at = TEXT_INIT, other_at = TEXT_INIT;
    summary last_t = {0}, last_p = {0};
    text_printf(&out->body, "#### Memory\n\nRule: peak resident memory over its "
                "baseline (`rss_over_baseline`, a fresh process per repetition; "
                "docs/measuring.md says what the baseline is), "
                "thread per message against the pool: medians at least %.2fx apart, "
                "their ratio's 95%% bootstrap interval clear of 1.\n\n| messages | "
                "thread per message: median (range) | pool | ratio [95%% interval] | "
                "outcome |\n|---|---|---|---|---|\n", RULE_MIN_RATIO);
    for (size_t i = 0; i < n; i++) {
        char t[96], p[96];
        report_case_name_at(t, sizeof t, args[i], "queue/thread_per_item");
        report_case_name_at(p, sizeof p, args[i], "queue/pool");
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
    s4_threads_at_once(run, args, measured, &out->body);
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
    verdict_combine_free(&out->v, parts, names, 2);
}

/* S6 (S4's purpose): the pool's work by k workers, wall-clock ns per
 * message.  Two parts, thresholds fixed before measuring:
 *   speedup      one worker against as many workers as CPUs: a timing
 *                comparison (RULE_MIN_RATIO, interval above 1)
 *   past the CPUs  as many workers as CPUs against the most workers run:
 *                holds when the interval of that ratio lies below
 *                RULE_MIN_RATIO (any further gain is under 10%), does not
 *                hold when it is a real gain of at least that much, and
 *                is within noise otherwise
 * Where adding workers stops helping (the fewest workers whose median is
 * within 10% of the fastest) is shown, not judged. */
#define S6_MAX_K 16

static void s6_speedup(const report_run *run, double cpus, verdict *v, text *body)
{
    char one[64], all[64];
    report_case_name_at(one, sizeof one, 1, "queue/workers");
    report_case_name_at(all, sizeof all, cpus, "queue/workers");
    case_comparison cmp;
    sample_status st = compare_cases(run, one, all, "ns_per_item", RULE_MIN_RATIO, &cmp);
    if (st != SAMPLE_OK) {
        verdict_set(v, VERDICT_NOT_MEASURED, "no %s or %s (%s)", one, all,
                    st == SAMPLE_FAILED ? "failed its check" : "missing");
        return;
    }
    char ci[96] = "no interval", over[32];
    if (cmp.has_ci)
        stats_ratio_ci_format(&cmp.ci, ci, sizeof ci);
    text_printf(body, "Speedup of %.0f workers (one per CPU) over one: %s%s; outcome: %s "
                "(the rule asks for at least %.2fx, interval above 1).\n\n", cpus, ci,
                compare_processes_note(&cmp, over, sizeof over), compare_status_name(cmp.status),
                RULE_MIN_RATIO);
    verdict_set(v, compare_verdict_kind(cmp.status), NULL);
    if (cmp.status == COMPARE_SMALL || cmp.status == COMPARE_AGAINST)
        text_printf(&v->note, "%.2fx: %s",
                    cmp.has_ci ? cmp.ci.ratio : cmp.costly.median / cmp.cheap.median,
                    compare_status_name(cmp.status));
}

static void s6_past_cpus(const report_run *run, double cpus, double most, verdict *v,
                         text *body)
{
    if (most <= cpus) {
        verdict_set(v, VERDICT_NOT_MEASURED, "no run with more workers than the %.0f "
                    "CPUs", cpus);
        return;
    }
    char at[64], past[64];
    report_case_name_at(at, sizeof at, cpus, "queue/workers");
    report_case_name_at(past, sizeof past, most, "queue/workers");
    case_comparison cmp;
    sample_status st = compare_cases(run, at, past, "ns_per_item", RULE_MIN_RATIO, &cmp);
    if (st != SAMPLE_OK || !cmp.has_ci) {
        verdict_set(v, VERDICT_NOT_MEASURED, "%s or %s %s", at, past,
                    st == SAMPLE_OK ? "has too few repetitions for an interval"
                    : st == SAMPLE_FAILED ? "failed its check" : "is missing");
        return;
    }
    char ci[96], over[32];
    stats_ratio_ci_format(&cmp.ci, ci, sizeof ci);
    verdict_kind k = cmp.ci.hi < RULE_MIN_RATIO ? VERDICT_HOLDS
                   : cmp.status == COMPARE_HOLDS ? VERDICT_DOES_NOT_HOLD
                   : VERDICT_WITHIN_NOISE;
    verdict_set(v, k, NULL);
    if (k == VERDICT_DOES_NOT_HOLD)
        text_printf(&v->note, "%.0f workers still %.2fx faster than %.0f", most,
                    cmp.ci.ratio, cpus);
    text_printf(body, "Gain of %.0f workers over %.0f (one per CPU): %s%s; the rule asks "
                "for its interval to lie below %.2fx (any further gain under 10%%); outcome: %s.\n\n",
                most, cpus, ci, compare_processes_note(&cmp, over, sizeof over), RULE_MIN_RATIO,
                verdict_kind_name(k));
}

/* What caps the speedup, and what more workers than CPUs can gain.  The
 * calling thread makes every message itself (Google Benchmark's cpu_time
 * is its alone), so k workers share the CPUs with it.  Runs since
 * 2026-12-06 count the whole process's CPU time (producer and workers,
 * user and kernel: process_cpu_ns_per_item): over cpus times the wall
 * time, that is how busy the CPUs were with k workers, and the rest the
 * threads spent waiting for each other, which more threads than CPUs can
 * fill.  No bound is drawn from it: with more workers the waits, and the
 * kernel's time for them, shrink, so one worker's CPU time per message
 * is no floor for the others.  Older runs get the older bound, which
 * took the lone worker as busy all along, and are told when a pool beat
 * it.  Shown, not judged; said only when the producer was off the CPU
 * part of the time (else its CPU time is not its own). */
static void s6_producer_note(const report_run *run, const double *ks, const summary *per,
                             const bool *have, size_t n, summary one, double cpus,
                             double best, text *body)
{
    summary cpu;
    if (one.median <= 0 || report_run_summary(run, "queue/workers/1", "cpu_ns_per_item",
                                              &cpu) != SAMPLE_OK ||
        cpu.median <= 0 || cpu.median >= one.median)
        return;
    double share = cpu.median / one.median;
    text_printf(body, "The calling thread makes the messages: with one worker it was "
                "on a CPU %.0f%% of the wall time (%.0f of %.0f ns per message), so "
                "k workers share the %.0f CPUs with a producer", 100 * share, cpu.median,
                one.median, cpus);
    size_t shown = 0;
    for (size_t i = 0; i < n; i++) {
        char name[64];
        summary process;
        report_case_name_at(name, sizeof name, ks[i], "queue/workers");
        if (!have[i] || per[i].median <= 0 ||
            report_run_summary(run, name, "process_cpu_ns_per_item", &process) != SAMPLE_OK ||
            process.median <= 0)
            continue;
        text_printf(body, "%s%.0f %s %.0f%%", shown ? ", " : ". The whole process "
                    "(producer and workers, user and kernel time) kept the CPUs busy this "
                    "share of the wall time: ", ks[i], ks[i] == 1 ? "worker" : "workers",
                    100 * process.median / (per[i].median * cpus));
        shown++;
    }
    if (shown) {
        text_printf(body, " (CPU ns per message over %.0f times the wall-clock ns). For the "
                    "rest the threads waited for each other (hand-offs through the ring, "
                    "wake-ups): time that more workers than CPUs can fill.\n\n", cpus);
        return;
    }
    double ceiling = cpus / (1 + share);
    text_printf(body, ", and with the worker busy all along no pool can run more than "
                "%.2fx faster than one worker here, before any contention for the "
                "ring's lock.", ceiling);
    if (best > 0 && one.median / best > ceiling)
        text_printf(body, " The fastest pool ran %.2fx faster, so the lone worker was "
                    "not busy all along: it also waited for the producer.",
                    one.median / best);
    text_printf(body, "\n\n");
}

void judge_s6(const report_run *run, claim_result *out)
{
    static const char *const names[2] = {"speedup", "past the CPUs"};
    verdict parts[2] = {VERDICT_INIT, VERDICT_INIT};
    double ks[S6_MAX_K];
    size_t n = report_run_args(run, "queue/workers", ks, S6_MAX_K);
    if (n > S6_MAX_K)
        n = S6_MAX_K;
    summary cpus_s;
    text_printf(&out->body, "Rule: the same messages (240-byte lines, each hashed %s) "
                "processed by a pool of k workers, wall-clock ns per message. "
                "*Speedup:* one worker against one per CPU, a timing comparison "
                "(at least %.2fx, 95%% bootstrap interval above 1). *Past the CPUs:* "
                "one worker per CPU against the most workers run: the interval of "
                "that ratio must lie below %.2fx. Where adding workers stops helping "
                "(the fewest whose median is within 10%% of the fastest) is shown, "
                "not judged.\n\n", "16 times", RULE_MIN_RATIO, RULE_MIN_RATIO);
    if (n == 0 || report_run_summary(run, "queue/workers/1", "cpus_online", &cpus_s) !=
                      SAMPLE_OK) {
        verdict_set(&out->v, VERDICT_NOT_MEASURED, "no case queue/workers/<k> with "
                    "cpus_online in the run (k = 1 needed)");
        text_printf(&out->body, "Not measured: %s.\n\n", text_str(&out->v.condition));
        return;
    }
    double cpus = cpus_s.median;
    claim_result_measure(out, "ns per message", RULE_MIN_RATIO);
    text_printf(&out->body, "| workers | ns per message: median (range) | speedup over "
                "one worker |\n|---|---|---|\n");
    summary one = {0};
    double best = 0, knee = 0;
    summary per[S6_MAX_K];
    bool have[S6_MAX_K];
    for (size_t i = 0; i < n; i++) {
        char name[64];
        report_case_name_at(name, sizeof name, ks[i], "queue/workers");
        have[i] = report_run_summary(run, name, "ns_per_item", &per[i]) == SAMPLE_OK;
        if (!have[i])
            continue;
        if (ks[i] == 1)
            one = per[i];
        if (best == 0 || per[i].median < best)
            best = per[i].median;
    }
    for (size_t i = 0; i < n; i++) {
        if (!have[i])
            continue;
        if (knee == 0 && per[i].median <= 1.10 * best)
            knee = ks[i];
        text_printf(&out->body, "| %.0f | %.0f (%.0f-%.0f) | %.2fx |\n", ks[i],
                    per[i].median, per[i].min, per[i].max,
                    one.median > 0 ? one.median / per[i].median : 0);
    }
    text_printf(&out->body, "\nThis machine has %.0f CPUs online; adding workers "
                "stopped helping at %.0f (the fewest within 10%% of the fastest).\n\n",
                cpus, knee);
    s6_producer_note(run, ks, per, have, n, one, cpus, best, &out->body);
    if (cpus < 2)
        verdict_set(&parts[0], VERDICT_NOT_MEASURED, "one CPU online: no parallel "
                    "speedup to measure");
    else
        s6_speedup(run, cpus, &parts[0], &out->body);
    s6_past_cpus(run, cpus, ks[n - 1], &parts[1], &out->body);
    verdict_combine_free(&out->v, parts, names, 2);
    if (one.median > 0 && best > 0)
        text_printf(&out->figures, "%.0f CPUs: best %.2fx one worker's speed; more "
                    "workers stopped helping at %.0f", cpus, one.median / best, knee);
}
