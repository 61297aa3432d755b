/* fresh.c - C2's values and C3's cache, each measured in a fresh process. */
#include "fresh.h"

#include "cache.h"
#include "collector.h"
#include "figures_line.h"

#include "harness/child_output.h"
#include "harness/timing.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/personality.h>
#include <unistd.h>

/* Statics, so the collector finds their roots among the program's data. */
static gc_values fresh_values;
static gc_cache fresh_cache;

bool gc_fresh_fixed_layout(void)
{
    int current = personality(0xffffffff);
    return current != -1 && personality((unsigned long)current | ADDR_NO_RANDOMIZE) != -1;
}

/* Full collections with the structure alive, timed by the collector's own
 * events; the first one, untimed, takes what building left behind.  The
 * median of them, not the mean: a collection the host preempted would
 * otherwise count in full. */
static void time_collections(gc_fresh_figures *f)
{
    gc_collect();
    gc_clock_reset();
    double start = timing_now();
    unsigned done = 0;
    do {
        gc_collect();
        done++;
    } while (done < GC_FRESH_MIN_COLLECTIONS ||
             (done < GC_FRESH_MAX_COLLECTIONS &&
              (timing_now() - start) * 1e9 < GC_FRESH_MIN_NS));
    gc_clock c = gc_clock_read();
    f->collections = c.collections;
    f->mark_ns = c.median_mark_ns;
    f->stopped_ns = c.median_stop_ns;
    f->live_bytes = gc_live_bytes();
}

/* What is live before the structure: the collector's own, and the
 * program's, with no stale copy of an earlier pointer on the stack. */
static void start_clean(gc_fresh_figures *out, size_t n)
{
    *out = (gc_fresh_figures){.n = n};
    gc_clear_stack();
    gc_collect();
    out->live_before_bytes = gc_live_bytes();
}

bool gc_fresh_values(gc_layout layout, size_t n, gc_fresh_figures *out)
{
    start_clean(out, n);
    if (n == 0 || !gc_layout_name(layout) || !gc_values_build(&fresh_values, layout, n))
        return false;
    time_collections(out);
    out->objects = gc_values_objects(layout, n);
    out->intact = gc_values_sum(&fresh_values) == (uint64_t)n * (n - 1) / 2;
    gc_values_free(&fresh_values);
    out->heap_bytes = gc_heap_bytes();
    return true;
}

bool gc_fresh_cache(bool keeps_all, size_t steps, size_t result_bytes,
                    gc_fresh_figures *out)
{
    start_clean(out, steps);
    if (steps == 0 || !gc_cache_init(&fresh_cache, keeps_all, result_bytes))
        return false;
    gc_clock_reset();
    double start = timing_now();
    for (size_t s = 0; s < steps; s++)
        if (!gc_cache_step(&fresh_cache)) {
            gc_cache_drop(&fresh_cache);
            return false;
        }
    out->run_ns = (uint64_t)((timing_now() - start) * 1e9);
    gc_clock run = gc_clock_read();
    out->run_collections = run.collections;
    out->run_stopped_ns = run.stopped_ns;
    time_collections(out);
    size_t held = 0;
    uint64_t sum = gc_cache_held_sum(&fresh_cache, &held);
    uint64_t first = keeps_all || steps <= GC_CACHE_KEEP ? 0 : steps - GC_CACHE_KEEP;
    out->objects = held;
    out->intact = held == steps - first &&
                  sum == (first + steps - 1) * (steps - first) / 2;
    gc_cache_drop(&fresh_cache);
    out->heap_bytes = gc_heap_bytes();
    return true;
}

#define FRESH_FIELD(name) offsetof(gc_fresh_figures, name)
static const size_t fresh_fields[] = {
    FRESH_FIELD(n), FRESH_FIELD(collections), FRESH_FIELD(mark_ns), FRESH_FIELD(stopped_ns),
    FRESH_FIELD(run_ns), FRESH_FIELD(run_collections), FRESH_FIELD(run_stopped_ns),
    FRESH_FIELD(objects), FRESH_FIELD(heap_bytes), FRESH_FIELD(live_bytes),
    FRESH_FIELD(live_before_bytes), FRESH_FIELD(intact),
};
#define FRESH_FIELDS (sizeof fresh_fields / sizeof fresh_fields[0])

int gc_fresh_format(const gc_fresh_figures *f, char *buf, size_t cap)
{
    return figures_line_format(f, fresh_fields, FRESH_FIELDS, buf, cap);
}

bool gc_fresh_parse(const char *line, gc_fresh_figures *out)
{
    gc_fresh_figures f;
    if (!figures_line_parse(line, &f, fresh_fields, FRESH_FIELDS) || f.n == 0 ||
        f.collections == 0 || f.intact > 1)
        return false;
    *out = f;
    return true;
}

/* "<word>:<n>" after the prefix: the word into word[cap], n > 0. */
static bool parse_word_count(const char *rest, char *word, size_t *n)
{
    int used = 0;
    return sscanf(rest, "%15[a-z]:%zu%n", word, n, &used) == 2 && rest[used] == '\0' &&
           *n > 0 && figures_spec_plain(rest);
}

int gc_fresh_child_main(const char *spec, size_t result_bytes)
{
    char word[16];
    size_t n;
    gc_fresh_figures f;
    bool measured;
    if (strncmp(spec, "values:", 7) == 0 && parse_word_count(spec + 7, word, &n)) {
        gc_layout layout = GC_LAYOUT_COUNT;
        for (int l = 0; l < GC_LAYOUT_COUNT; l++)
            if (strcmp(word, gc_layout_name((gc_layout)l)) == 0)
                layout = (gc_layout)l;
        if (layout == GC_LAYOUT_COUNT)
            return 2;
        if (!gc_start(GC_MODE_STOP_WORLD))
            return 1;
        measured = gc_fresh_values(layout, n, &f);
    } else if (strncmp(spec, "cache:", 6) == 0 && parse_word_count(spec + 6, word, &n)) {
        if (strcmp(word, "keep") != 0 && strcmp(word, "drop") != 0)
            return 2;
        if (!gc_start(GC_MODE_STOP_WORLD))
            return 1;
        measured = gc_fresh_cache(word[0] == 'k', n, result_bytes, &f);
    } else {
        return 2;
    }
    if (!measured)
        return 1;
    char line[320];
    gc_fresh_format(&f, line, sizeof line);
    return fputs(line, stdout) >= 0 && fflush(stdout) == 0 ? 0 : 1;
}

int gc_fresh_in_child(const char *program, const char *spec, gc_fresh_figures *out)
{
    *out = (gc_fresh_figures){0};
    char arg[96];
    if (snprintf(arg, sizeof arg, "--child=%s", spec) >= (int)sizeof arg)
        return 127;
    char line[320];
    int code = child_output(program, arg, STDOUT_FILENO, line, sizeof line, NULL, 0);
    if (code != 0)
        return code;
    return gc_fresh_parse(line, out) ? 0 : 127;
}
