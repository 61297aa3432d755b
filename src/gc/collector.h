/*
 * collector.h - the Boehm-Demers-Weiser collector (Debian's libgc-dev),
 * started once per process, and a clock of what it did.
 *
 * The collector is conservative: it scans the stacks, registers and
 * static data for anything that looks like a pointer into its heap, and
 * the objects it allocated with GC_MALLOC for more; memory from malloc is
 * never scanned, so a pointer to a collected object must not live only
 * there.  How it marks (one thread or several, all at once or in
 * increments) is fixed when it starts: a process that wants another mode
 * must be a fresh one (pause.h runs such children).
 *
 * The clock counts collections (GC_get_gc_no) and times, from the
 * collector's own events (GC_set_on_collection_event), how long the world
 * was stopped for each (PRE_STOP_WORLD to POST_START_WORLD: the pause a
 * single-threaded program sees) and how long marking took (MARK_START to
 * MARK_END).  Timing the events costs two clock reads per collection.
 */
#ifndef GC_COLLECTOR_H
#define GC_COLLECTOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum gc_mode {
    GC_MODE_STOP_WORLD,   /* one marker thread, the whole mark at once */
    GC_MODE_INCREMENTAL,  /* marking in small steps at allocations
                             (GC_enable_incremental), one marker */
    GC_MODE_PARALLEL,     /* the whole mark at once, by 2 marker threads */
} gc_mode;

/* "stw", "incremental", "parallel"; NULL for a bad mode. */
const char *gc_mode_name(gc_mode m);

/* The mode named 'name' into *out; false for an unknown name. */
bool gc_mode_parse(const char *name, gc_mode *out);

/*
 * Starts the collector in mode m, once per process; later calls with the
 * same mode do nothing.  Returns false when the collector is already
 * running in another mode, or the mode was refused (incremental mode the
 * collector could not enable, no marker thread started).  Call from the
 * main thread, before any other collector call.
 */
bool gc_start(gc_mode m);

/* The library's version, "8.2.2", into buf; returns buf. */
const char *gc_library_version(char *buf, size_t cap);

/* The mode the collector runs in (meaningful after gc_start). */
gc_mode gc_running_mode(void);

typedef struct gc_clock {
    uint64_t collections;   /* completed collections */
    uint64_t stopped_ns;    /* world stopped, summed */
    uint64_t longest_stop_ns;
    uint64_t mark_ns;       /* marking, summed */
    uint64_t stops;         /* times the world was stopped */
    uint64_t median_stop_ns; /* of the first GC_CLOCK_STOPS_KEPT stops */
    uint64_t marks;         /* mark phases completed */
    uint64_t median_mark_ns; /* of the first GC_CLOCK_STOPS_KEPT mark phases */
} gc_clock;

/* Stops whose length is kept for the median. */
#define GC_CLOCK_STOPS_KEPT 4096

/* Starts counting from zero (the collector's own counters are not
 * touched). */
void gc_clock_reset(void);

/* What happened since the last reset. */
gc_clock gc_clock_read(void);

/* A full collection now (GC_gcollect), as an explicit call in a program
 * would: counted by the clock like any other. */
void gc_collect(void);

/* Bytes of the collector's heap, and of them those in use by objects
 * that survived the last collection (heap size less free bytes). */
size_t gc_heap_bytes(void);
size_t gc_live_bytes(void);

/* Overwrites 256 KiB of the stack below the caller with zeros, so that
 * no stale copy of a pointer there keeps an object alive: a conservative
 * collector cannot tell an old value from a live one.  Tests and the
 * exact counts call it before collecting. */
void gc_clear_stack(void);

#endif /* GC_COLLECTOR_H */
