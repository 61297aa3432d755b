# tsan.mk - make test-tsan: the multi-threaded tests (tests/threaded/cases.c:
# the bounded ring, the linked queue, the locked allocator, and the
# producer/consumer, worker-pool and thread-per-item runs) built with
# ThreadSanitizer, which stops at the first data race it sees.
#
# A separate build in build/tsan/: ThreadSanitizer cannot be combined with
# AddressSanitizer (make test), and Criterion cannot start under it
# (Snaipe/Criterion#274), so the cases run from a plain main().  make test
# runs the same cases under AddressSanitizer (tests/test_threaded.c).

TSAN_DIR  := build/tsan
TSAN_SRCS := tests/threaded/tsan_main.c tests/threaded/cases.c \
             src/queue/ring.c src/queue/lqueue.c src/queue/pipeline.c src/alloc/locked.c \
             src/alloc/counting.c src/alloc/libc.c
TSAN_OBJS := $(TSAN_SRCS:%.c=$(TSAN_DIR)/%.o)
TSAN_BIN  := $(TSAN_DIR)/threaded

.PHONY: test-tsan

$(TSAN_DIR)/%.o: %.c | check-build-deps
	@mkdir -p $(dir $@)
	$(CC) $(STD) -O1 -g -fsanitize=thread -fno-omit-frame-pointer $(WARN) $(INCLUDES) \
	    -MMD -MP -c $< -o $@

$(TSAN_BIN): $(TSAN_OBJS)
	$(CC) -fsanitize=thread $^ -o $@ -lpthread

# halt_on_error: the first race ends the run with a non-zero status.
test-tsan: $(TSAN_BIN)
	TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 $(TSAN_BIN)

HELP_CODE += test-tsan
HELP.test-tsan := the multi-threaded tests under ThreadSanitizer
