/*
 * writes.h - four ways to pass over a buffer: read it, write it, read and
 * write it, or write it with non-temporal (streaming) stores.
 *
 * A plain store to a line that is not in the cache first reads the line
 * (write-allocate: the cache holds whole lines, and the store fills only
 * part of one), then writes it back when it is evicted: past the caches a
 * write pass moves each line twice, like a read-modify-write pass.  A
 * non-temporal store writes whole lines around the cache, so the line is
 * never read.  Values: words[i] = i throughout; the write passes store
 * those same values and the read-modify-write pass flips bits with a key,
 * so after an even number of its passes every pass sees the same buffer.
 */
#ifndef GALLERY_WRITES_H
#define GALLERY_WRITES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The four passes, in the order the bench registers them. */
typedef enum writes_kind { WRITES_READ, WRITES_PLAIN, WRITES_RMW, WRITES_STREAM,
                           WRITES_KINDS } writes_kind;

/* What one pass asks of memory, per line of the buffer past the caches:
 * lines read in and lines written back.  A model, not a measurement: under
 * write-allocate a plain store reads its line before writing it back, so
 * write and rmw move two lines where read and stream move one. */
typedef struct writes_traffic {
    unsigned lines_in;      /* read from memory */
    unsigned lines_out;     /* written back to memory */
} writes_traffic;

/* words[i] = i for i < n. */
void writes_fill(uint64_t *words, size_t n);

/* What the read pass returns after writes_fill: the sum of words[0..n),
 * n(n-1)/2 (mod 2^64). */
uint64_t writes_expected_sum(size_t n);

/* Plain stores: words[i] = i. */
void writes_plain(uint64_t *words, size_t n);

/* words[i] ^= key: a load and a store of every word. */
void writes_rmw(uint64_t *words, size_t n, uint64_t key);

/* words[i] = i with non-temporal stores, then a store fence so they are
 * done before it returns.  words must be 16-byte aligned.  Without SSE2
 * these are plain stores (writes_streaming() says which). */
void writes_stream(uint64_t *words, size_t n);

/* True when writes_stream() uses non-temporal stores on this build. */
bool writes_streaming(void);

/* "read", "write", "rmw", "stream": the case names; NULL for another kind. */
const char *writes_kind_name(writes_kind kind);

/* The model above for one kind; {0, 0} for another kind. */
writes_traffic writes_traffic_of(writes_kind kind);

/* Bytes a pass over n words from a line-aligned start moves to and from
 * memory under that model, for lines of line_bytes: lines_in + lines_out
 * times the bytes of the whole lines the words span.  0 for another kind
 * or line_bytes 0. */
uint64_t writes_memory_bytes(writes_kind kind, size_t n, size_t line_bytes);

/* One pass of that kind over words[0..n), touching exactly those n words
 * (key is the rmw pass's).  The read pass is the calibration's bandwidth
 * kernel (harness/read_sum.h), so its figure and machine.json's read
 * bandwidth time the same loop.  Returns the read pass's sum, 0 for the
 * others; another kind touches nothing. */
uint64_t writes_pass(writes_kind kind, uint64_t *words, size_t n, uint64_t key);

/* The first index below n where words[i] != i, or n when there is none. */
size_t writes_first_wrong(const uint64_t *words, size_t n);

#endif /* GALLERY_WRITES_H */
