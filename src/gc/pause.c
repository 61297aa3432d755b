/* pause.c - time steps of allocation over a fixed live heap, per mode. */
#include "pause.h"

#include "figures_line.h"

#include "harness/child_output.h"
#include "harness/cpu_pin.h"
#include "harness/rng.h"

#include <gc/gc.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>


struct pause_obj {
    struct pause_obj *next;   /* a pointer field, so each object is scanned */
    uint64_t value;
};

static uint64_t now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

bool gc_pause_run(size_t live, uint64_t seed, gc_pause_figures *out)
{
    *out = (gc_pause_figures){0};
    if (live == 0 || live > SIZE_MAX / sizeof(struct pause_obj *))
        return false;
    struct pause_obj **slots = GC_MALLOC(live * sizeof *slots);
    size_t steps = live * GC_PAUSE_ALLOC_FACTOR / GC_PAUSE_STEP_ALLOCS + 1;
    /* From malloc: times, not pointers, and never scanned. */
    uint64_t *times = malloc(steps * sizeof *times);
    if (!slots || !times) {
        free(times);
        return false;
    }
    for (size_t i = 0; i < live; i++) {
        slots[i] = GC_MALLOC(sizeof **slots);
        if (!slots[i]) {
            free(times);
            return false;
        }
        slots[i]->value = i;
    }
    gc_collect();   /* start from a heap holding the live objects only */
    rng r = rng_seeded(seed);
    gc_clock_reset();
    uint64_t t_all = now_ns();
    for (size_t s = 0; s < steps; s++) {
        uint64_t t0 = now_ns();
        for (int k = 0; k < GC_PAUSE_STEP_ALLOCS; k++) {
            struct pause_obj *o = GC_MALLOC(sizeof *o);
            if (!o) {
                free(times);
                return false;
            }
            size_t j = (size_t)rng_below(&r, live);
            o->value = j;
            o->next = slots[(j + 1) % live];
            slots[j] = o;
        }
        times[s] = now_ns() - t0;
    }
    uint64_t total = now_ns() - t_all;
    gc_clock c = gc_clock_read();
    gc_collect();
    size_t live_bytes = gc_live_bytes();
    /* The slots must still be reachable at that collection: this says
     * they are used after it. */
    __asm__ volatile("" : : "r"(slots) : "memory");
    qsort(times, steps, sizeof *times, cmp_u64);
    *out = (gc_pause_figures){
        .live = live, .steps = steps,
        .step_p50_ns = times[steps / 2], .step_p99_ns = times[steps * 99 / 100],
        .step_max_ns = times[steps - 1], .collections = c.collections,
        .stopped_ns = c.stopped_ns, .longest_stop_ns = c.longest_stop_ns,
        .median_stop_ns = c.median_stop_ns,
        .total_ns = total, .heap_bytes = gc_heap_bytes(), .live_bytes = live_bytes,
    };
    free(times);
    return true;
}

#define PAUSE_FIELD(name) offsetof(gc_pause_figures, name)
static const size_t pause_fields[] = {
    PAUSE_FIELD(live), PAUSE_FIELD(steps), PAUSE_FIELD(step_p50_ns), PAUSE_FIELD(step_p99_ns),
    PAUSE_FIELD(step_max_ns), PAUSE_FIELD(collections), PAUSE_FIELD(stopped_ns),
    PAUSE_FIELD(longest_stop_ns), PAUSE_FIELD(median_stop_ns), PAUSE_FIELD(total_ns),
    PAUSE_FIELD(heap_bytes), PAUSE_FIELD(live_bytes),
};
#define PAUSE_FIELDS (sizeof pause_fields / sizeof pause_fields[0])

int gc_pause_format(const gc_pause_figures *f, char *buf, size_t cap)
{
    return figures_line_format(f, pause_fields, PAUSE_FIELDS, buf, cap);
}

bool gc_pause_parse(const char *line, gc_pause_figures *out)
{
    gc_pause_figures f;
    if (!figures_line_parse(line, &f, pause_fields, PAUSE_FIELDS) || f.live == 0 ||
        f.steps == 0)
        return false;
    *out = f;
    return true;
}

int gc_pause_child_main(const char *spec)
{
    char mode_name[16];
    size_t live;
    uint64_t seed;
    int used = 0;
    gc_mode m;
    if (strncmp(spec, "pause:", 6) != 0 ||
        !figures_spec_plain(spec) ||
        sscanf(spec, "pause:%15[a-z]:%zu:%" SCNu64 "%n", mode_name, &live, &seed, &used) != 3 ||
        spec[used] != '\0' || live == 0 || !gc_mode_parse(mode_name, &m))
        return 2;
    /* The parallel markers need every CPU; the parent's case was pinned
     * to one (harness/cpu_pin.h). */
    if (m == GC_MODE_PARALLEL && !cpu_pin_release())
        return 1;
    if (!gc_start(m))
        return 1;
    gc_pause_figures f;
    if (!gc_pause_run(live, seed, &f))
        return 1;
    char line[256];
    gc_pause_format(&f, line, sizeof line);
    return fputs(line, stdout) >= 0 && fflush(stdout) == 0 ? 0 : 1;
}

int gc_pause_in_child(const char *program, gc_mode mode, size_t live, uint64_t seed,
                      gc_pause_figures *out)
{
    *out = (gc_pause_figures){0};
    char arg[96];
    if (!gc_mode_name(mode))
        return 127;
    snprintf(arg, sizeof arg, "--child=pause:%s:%zu:%" PRIu64, gc_mode_name(mode), live, seed);
    char line[256];
    int code = child_output(program, arg, STDOUT_FILENO, line, sizeof line, NULL, 0);
    if (code != 0)
        return code;
    return gc_pause_parse(line, out) ? 0 : 127;
}
