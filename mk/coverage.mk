# coverage.mk - make coverage: line and branch coverage of src/ by the
# unit tests and tests/cli/bad-input.sh (gcov, summarised by gcovr; HTML
# in build/coverage/html/).
#
# A fourth build, without optimization or sanitizers, into build/coverage/
# (gcov's counts are per object file, so the objects must be its own).
# The shim (C++) is left out of the figures: Google Benchmark's templates
# would swamp them, and test_shim covers its behaviour.

COV := build/coverage
COV_OBJS := $(SRC_C:%.c=$(COV)/%.o) $(COV)/src/shim/bench.o
COV_TEST_OBJS := $(TESTS_C:%.c=$(COV)/%.o) $(TEST_SUPPORT_C:%.c=$(COV)/%.o)
COV_UNIT := $(COV)/tests/unit
COV_PROBE := $(COV)/tests/helpers/child_probe

$(COV)/%.o: %.c $(COMPILER_STAMP) | build/build_info.h check-test-deps
	@mkdir -p $(dir $@)
	$(CC) $(STD) -O0 -g --coverage $(WARN) $(INCLUDES) -MMD -MP -c $< -o $@

$(COV)/src/shim/bench.o: $(SHIM_CC) $(COMPILER_STAMP) | check-test-deps
	@mkdir -p $(dir $@)
	$(CXX) -std=c++17 -O1 -g -Wall -Wextra -Isrc -MMD -MP -c $< -o $@

$(COV_UNIT): $(COV_TEST_OBJS) $(COV_OBJS)
	$(CXX) --coverage $^ -o $@ -lgc -lcriterion -ljansson -lz -lbenchmark -lpthread -lm

$(COV_PROBE): $(COV)/tests/helpers/child_probe.o $(COV_OBJS)
	$(CXX) --coverage $^ -o $@ -lgc -ljansson -lz -lbenchmark -lpthread -lm

# The command-line paths (cli.c, machine.c, heap.c) are exercised by the
# bench programs, not the unit tests: tests/cli/bad-input.sh runs this
# build's programs too.
$(COV)/bin/%: $(COV)/benches/%.o $(COV_OBJS)
	@mkdir -p $(dir $@)
	$(CXX) --coverage $^ -o $@ -lgc -ljansson -lz -lbenchmark -lpthread -lm

coverage: check-test-deps $(COV_UNIT) $(COV_PROBE) $(CLI_BENCHES:%=$(COV)/bin/%)
	$(call deps,gcovr)
	@find $(COV) -name '*.gcda' -delete
	CHILD_PROBE=$(COV_PROBE) $(COV_UNIT) --jobs=2
	@tests/cli/bad-input.sh $(COV)/bin >/dev/null
	@mkdir -p $(COV)/html
	gcovr --root . --object-directory $(COV) --filter 'src/' --exclude 'src/shim/' \
	    --html-details $(COV)/html/index.html --txt $(COV)/coverage.txt \
	    --print-summary
	@echo "coverage: per file in $(COV)/coverage.txt, annotated sources in $(COV)/html/index.html" >&2

HELP_CODE += coverage
HELP.coverage := line and branch coverage of src/ by the tests (gcovr)
.PHONY: coverage
