# memcheck.mk - make memcheck: the test suite and a quick bench subset
# under valgrind's memcheck, zero errors and zero leaks required.
#
# valgrind cannot run AddressSanitizer binaries, so the tests are built a
# third time, without sanitizers, into build/plain/.  Criterion runs each
# test in a child process: --trace-children=yes follows them, and --jobs=1
# keeps their reports apart.  Suppressions, each explained, are in
# tests/valgrind.supp.

PLAIN := build/plain
PLAIN_OBJS := $(SRC_C:%.c=$(PLAIN)/%.o) $(PLAIN)/src/shim/bench.o
PLAIN_TEST_OBJS := $(TESTS_C:%.c=$(PLAIN)/%.o) $(TEST_SUPPORT_C:%.c=$(PLAIN)/%.o)
PLAIN_UNIT := $(PLAIN)/tests/unit
PLAIN_PROBE := $(PLAIN)/tests/helpers/child_probe

$(PLAIN)/%.o: %.c $(COMPILER_STAMP) | build/build_info.h check-test-deps
	@mkdir -p $(dir $@)
	$(CC) $(STD) -O1 -g $(WARN) $(INCLUDES) -MMD -MP -c $< -o $@

$(PLAIN)/src/shim/bench.o: $(SHIM_CC) $(COMPILER_STAMP) | check-test-deps
	@mkdir -p $(dir $@)
	$(CXX) -std=c++17 -O1 -g -Wall -Wextra -Isrc -MMD -MP -c $< -o $@

$(PLAIN_UNIT): $(PLAIN_TEST_OBJS) $(PLAIN_OBJS)
	$(CXX) $^ -o $@ -lgc -lcriterion -ljansson -lz -lbenchmark -lpthread -lm

$(PLAIN_PROBE): $(PLAIN)/tests/helpers/child_probe.o $(PLAIN_OBJS)
	$(CXX) $^ -o $@ -lgc -ljansson -lz -lbenchmark -lpthread -lm

# --error-exitcode makes any error or leak (definite, indirect or
# possible) fail the target.  A test starts /nonexistent/program to check
# the error path of a program that cannot start; valgrind must not trace
# it, or the status it checks would be valgrind's.
MEMCHECK := valgrind --tool=memcheck --quiet --error-exitcode=99 \
    --leak-check=full --show-leak-kinds=definite,indirect,possible \
    --errors-for-leak-kinds=definite,indirect,possible \
    --suppressions=tests/valgrind.supp --trace-children=yes \
    --trace-children-skip='/nonexistent/*'

# valgrind runs for minutes.  When make itself is killed (a timeout, a CI
# job cancelled) its recipes' children are not, and valgrind went on alone
# for minutes.  The recipe's shell execs it, so make is its parent, and
# setpriv asks the kernel to send it SIGTERM when that parent dies.
ORPHAN_GUARD := setpriv --pdeathsig TERM

# Tests memcheck cannot judge, left to make test (ASan and UBSan):
# - gc/*: the Boehm collector scans stacks and registers conservatively,
#   reading uninitialised words by design (GC_push_all_eager, GC_init);
# - figure_png/* and child_output's program that cannot start: under
#   valgrind, posix_spawn cannot report a failed exec to its caller (the
#   traced child exits 127 instead), so the error path they check is
#   valgrind's, not ours.
MEMCHECK_FILTER := !(gc/*|figure_png/*|child_output/a_program_that_cannot_start*)

memcheck: check-test-deps $(PLAIN_UNIT) $(PLAIN_PROBE) $(BIN)/traverse
	$(call deps,valgrind)
	@echo "==> memcheck: unit tests" >&2
	CHILD_PROBE=$(PLAIN_PROBE) exec $(ORPHAN_GUARD) $(MEMCHECK) $(PLAIN_UNIT) --jobs=1 --filter='$(MEMCHECK_FILTER)'
	@echo "==> memcheck: traverse, every layout at two small sizes" >&2
	exec $(ORPHAN_GUARD) $(MEMCHECK) $(BIN)/traverse --max-ws=64K --benchmark_repetitions=2 \
	    --benchmark_min_time=0.001 --benchmark_out=/dev/null >/dev/null
	@echo "==> memcheck: no errors, no leaks" >&2

HELP_CODE += memcheck
HELP.memcheck := tests and a quick bench subset under valgrind memcheck
.PHONY: memcheck
