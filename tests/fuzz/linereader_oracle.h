/*
 * linereader_oracle.h - a plainly correct line splitter, and a check that
 * runs the real line reader (src/stream/linereader.c) on the same bytes and
 * compares every result.
 *
 * Used by the libFuzzer harness (fuzz_linereader.c, make fuzz) and by
 * tests/test_linereader.c, which replays every kept case in
 * tests/fuzz/cases/ under make test.
 */
#ifndef LINEREADER_ORACLE_H
#define LINEREADER_ORACLE_H

#include "stream/linereader.h"

#include <stddef.h>
#include <stdint.h>

/* One result the reader should give: a line (LINE_OK, at input + offset,
 * len bytes) or LINE_TOO_LONG. */
typedef struct oracle_line {
    line_status status;
    size_t offset, len;
} oracle_line;

/*
 * Splits input[0, n) the obvious way, one byte at a time, following the
 * rules in linereader.h.  Writes at most 'cap' results to out and returns
 * how many there are in all (the caller compares with cap).
 */
size_t oracle_split(const char *input, size_t n, size_t max_line,
                    oracle_line *out, size_t cap);

/* How one check runs, decoded from a fuzz input's first bytes. */
typedef struct oracle_params {
    size_t capacity;     /* initial buffer, 1..64 */
    size_t max_line;     /* 0..255 */
    uint64_t chunk_seed; /* 0: reads as large as asked; else random sizes */
    size_t max_chunk;    /* largest random read size, 1..16 */
    uint64_t fail_alloc; /* 0: none; k: the k-th allocation fails once */
    uint64_t fail_read;  /* 0: none; k: the k-th read fails with EIO */
} oracle_params;

/* Bytes at the start of a fuzz input that choose the parameters. */
#define ORACLE_HEADER 5

/* Decodes the header; the rest of the data is the reader's input.
 * Inputs shorter than the header use defaults for the missing bytes. */
oracle_params oracle_decode(const uint8_t *data, size_t size,
                            const uint8_t **input, size_t *input_len);

/*
 * Runs the reader over input with the given parameters and compares with
 * oracle_split: same lines, same bytes, same too-long reports, then
 * LINE_END; an injected allocation failure must give LINE_NO_MEMORY and
 * the retry the same results as without it; an injected read failure
 * must give LINE_IO_ERROR after a prefix of the right results, and again
 * on every later call; the buffer never grows past what the limit needs;
 * nothing leaks.  Returns NULL when all holds, else what went wrong (in a
 * static buffer, overwritten by the next call).
 */
const char *oracle_check(const oracle_params *p, const char *input, size_t n);

/* oracle_decode then oracle_check: the fuzz target's whole body. */
const char *oracle_check_encoded(const uint8_t *data, size_t size);

#endif /* LINEREADER_ORACLE_H */
