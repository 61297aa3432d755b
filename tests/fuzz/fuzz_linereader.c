/*
 * fuzz_linereader.c - libFuzzer target: the line reader against a plainly
 * correct splitter (linereader_oracle.c) on any bytes, any buffer size and
 * limit, any read sizes, with injected allocation and read failures.
 *
 * Run: make fuzz (FUZZ_TIME=seconds).  A failing input is written to
 * build/fuzz/; once the bug is fixed, copy it into tests/fuzz/cases/ so
 * make test replays it for good.
 */
#include "linereader_oracle.h"

#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *problem = oracle_check_encoded(data, size);
    if (problem) {
        fprintf(stderr, "fuzz_linereader: %s\n", problem);
        abort(); /* libFuzzer saves the input as a crash */
    }
    return 0;
}
