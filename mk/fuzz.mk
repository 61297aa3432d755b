# fuzz.mk - make fuzz: the line reader (src/stream/linereader.c) against a plainly
# correct splitter under clang's libFuzzer, for FUZZ_TIME seconds.
#
# New inputs that cover new code go to build/fuzz/corpus (kept between
# runs, never committed); a failing input is written to build/fuzz/ and
# the run stops.  Once fixed, copy it into tests/fuzz/cases/: make test
# replays every file there (tests/test_linereader.c).

FUZZ_CC    ?= clang
FUZZ_TIME  ?= 60
FUZZ_DIR   := build/fuzz
FUZZ_BIN   := $(FUZZ_DIR)/fuzz_linereader
FUZZ_SRCS  := tests/fuzz/fuzz_linereader.c tests/fuzz/linereader_oracle.c \
              src/stream/linereader.c src/alloc/counting.c src/alloc/libc.c src/harness/rng.c
FUZZ_HDRS  := tests/fuzz/linereader_oracle.h src/stream/linereader.h src/alloc/alloc.h \
              src/alloc/counting.h src/harness/rng.h

.PHONY: fuzz

$(FUZZ_BIN): $(FUZZ_SRCS) $(FUZZ_HDRS)
	$(call deps,clang)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(STD) -O1 -g -fsanitize=fuzzer,address,undefined \
	    -fno-sanitize-recover=all $(WARN) -Isrc $(FUZZ_SRCS) -o $@

fuzz: $(FUZZ_BIN)
	@mkdir -p $(FUZZ_DIR)/corpus
	$(FUZZ_BIN) -max_total_time=$(FUZZ_TIME) -print_final_stats=1 \
	    -artifact_prefix=$(FUZZ_DIR)/ $(FUZZ_DIR)/corpus tests/fuzz/corpus tests/fuzz/cases

HELP_CODE += fuzz
HELP.fuzz := the line reader under libFuzzer for FUZZ_TIME seconds (default 60; clang)
