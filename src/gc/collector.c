/* collector.c - start the Boehm collector in one mode; time its collections. */
#define GC_THREADS /* GC_set_markers_count, GC_start_mark_threads */
#include "collector.h"

#include <gc/gc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const mode_names[] = {"stw", "incremental", "parallel"};

static bool started;
static gc_mode running;

/* Written by the collection-event callback, which runs in the thread
 * that collects, with the collector's lock held; read between
 * collections by the same (only) mutator thread. */
static gc_clock clock_now;
static uint64_t stop_began, mark_began;
static GC_word gc_no_at_reset;
/* malloc'd, not static: the collector scans the program's static data
 * as roots at every collection, and 64 KiB of lengths would add to the
 * time being measured. */
static uint64_t *stop_lengths, *mark_lengths;

const char *gc_mode_name(gc_mode m)
{
    return (unsigned)m < sizeof mode_names / sizeof mode_names[0] ? mode_names[m] : NULL;
}

bool gc_mode_parse(const char *name, gc_mode *out)
{
    for (unsigned i = 0; i < sizeof mode_names / sizeof mode_names[0]; i++)
        if (strcmp(name, mode_names[i]) == 0) {
            *out = (gc_mode)i;
            return true;
        }
    return false;
}

static uint64_t now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

/* One more stop or mark phase that began at 'began': summed, counted,
 * and kept for the median while there is room.  Returns its length. */
static uint64_t record_length(uint64_t began, uint64_t *lengths, uint64_t *count,
                              uint64_t *sum)
{
    uint64_t d = now_ns() - began;
    if (*count < GC_CLOCK_STOPS_KEPT)
        lengths[*count] = d;
    *sum += d;
    ++*count;
    return d;
}

static void on_event(GC_EventType e)
{
    switch (e) {
    case GC_EVENT_PRE_STOP_WORLD:
        stop_began = now_ns();
        break;
    case GC_EVENT_POST_START_WORLD: {
        uint64_t d = record_length(stop_began, stop_lengths, &clock_now.stops,
                                   &clock_now.stopped_ns);
        if (d > clock_now.longest_stop_ns)
            clock_now.longest_stop_ns = d;
        break;
    }
    case GC_EVENT_MARK_START:
        mark_began = now_ns();
        break;
    case GC_EVENT_MARK_END:
        record_length(mark_began, mark_lengths, &clock_now.marks, &clock_now.mark_ns);
        break;
    default:
        break;
    }
}

bool gc_start(gc_mode m)
{
    if (started)
        return m == running;
    if (!gc_mode_name(m))
        return false;
    /* The number of markers is read once, at initialisation: one for the
     * stop-the-world and incremental modes, so they measure marking
     * alone, two (this machine's cores) for the parallel one. */
    if (!stop_lengths)
        stop_lengths = calloc(GC_CLOCK_STOPS_KEPT, sizeof *stop_lengths);
    if (!mark_lengths)
        mark_lengths = calloc(GC_CLOCK_STOPS_KEPT, sizeof *mark_lengths);
    if (!stop_lengths || !mark_lengths)
        return false;
    GC_set_markers_count(m == GC_MODE_PARALLEL ? 2 : 1);
    GC_INIT();
    if (m == GC_MODE_INCREMENTAL) {
        GC_enable_incremental();
        if (!GC_is_incremental_mode())
            return false;
    }
    if (m == GC_MODE_PARALLEL) {
        /* The markers otherwise start with the program's first thread. */
        GC_start_mark_threads();
        if (GC_get_parallel() < 1)
            return false;
    }
    GC_set_on_collection_event(on_event);
    started = true;
    running = m;
    gc_clock_reset();
    return true;
}

const char *gc_library_version(char *buf, size_t cap)
{
    unsigned v = GC_get_version();
    snprintf(buf, cap, "%u.%u.%u", v >> 16, (v >> 8) & 0xff, v & 0xff);
    return buf;
}

gc_mode gc_running_mode(void)
{
    return running;
}

void gc_clock_reset(void)
{
    clock_now = (gc_clock){0};
    gc_no_at_reset = GC_get_gc_no();
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* The upper middle of the first 'count' lengths kept (0 for none). */
static uint64_t median_kept(const uint64_t *lengths, uint64_t count)
{
    size_t kept = count < GC_CLOCK_STOPS_KEPT ? (size_t)count : GC_CLOCK_STOPS_KEPT;
    if (kept == 0)
        return 0;
    uint64_t sorted[GC_CLOCK_STOPS_KEPT];
    memcpy(sorted, lengths, kept * sizeof *sorted);
    qsort(sorted, kept, sizeof *sorted, cmp_u64);
    return sorted[kept / 2];
}

gc_clock gc_clock_read(void)
{
    gc_clock c = clock_now;
    c.collections = (uint64_t)(GC_get_gc_no() - gc_no_at_reset);
    c.median_stop_ns = median_kept(stop_lengths, c.stops);
    c.median_mark_ns = median_kept(mark_lengths, c.marks);
    return c;
}

void gc_collect(void)
{
    GC_gcollect();
}

size_t gc_heap_bytes(void)
{
    return GC_get_heap_size();
}

size_t gc_live_bytes(void)
{
    size_t heap = GC_get_heap_size(), free_bytes = GC_get_free_bytes();
    return heap > free_bytes ? heap - free_bytes : 0;
}

/* noinline: the zeros must land in the frames below the caller's, where
 * the callees that made the objects ran. */
__attribute__((noinline)) void gc_clear_stack(void)
{
    volatile char zeros[262144];
    memset((char *)zeros, 0, sizeof zeros);
    __asm__ volatile("" : : "r"(zeros) : "memory");
}
