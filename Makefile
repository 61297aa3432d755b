# Makefile - the core: build, run and plot the benchmarks, run the tests.
#
# make help lists every target and variable, the daily ones first.  Bench
# programs are built optimized (CFLAGS, default -O2 -g, portable: no
# -march=native); tests are built separately with AddressSanitizer and
# UndefinedBehaviorSanitizer.  Targets that belong to one experiment or one
# tool live in mk/<topic>.mk; each fragment uses only what this file
# defines, so any of them can be dropped or included in any order
# (tests/cli/make-fragments.sh checks it).

CC       ?= cc
CXX      ?= c++
CFLAGS   ?= -O2 -g
CXXFLAGS ?= -O2 -g
LDFLAGS  ?=
WERROR   ?= 0
V        ?= 0

QUICK    ?= 0
BENCH    ?= $(BENCHES)
BENCH_FLAGS ?=
MAX_WS   ?=
RUN      ?= results/latest
PLOT_TERM ?=
RESULTS  ?= results

# Make's built-in CC is "cc"; keep a user's CC=clang from the command line.
ifeq ($(origin CC),default)
CC := cc
endif
ifeq ($(origin CXX),default)
CXX := c++
endif

BENCHES  := $(sort $(basename $(notdir $(wildcard benches/*.c))))
# Programs that are not benchmarks (the claims report, ...): tools/<name>.c.
TOOLS    := $(sort $(basename $(notdir $(wildcard tools/*.c))))
SRC_C    := $(sort $(shell find src -name "*.c"))
SHIM_CC  := src/shim/bench.cc
TESTS_C  := $(sort $(wildcard tests/*.c))
# Test support code linked into the unit tests (the fuzz oracle, the
# threaded cases, ...): every tests/<dir>/*.c but programs with a main.
TEST_SUPPORT_C := $(sort $(filter-out tests/helpers/% tests/fuzz/fuzz_% %_main.c, \
                                      $(wildcard tests/*/*.c)))

WARN     := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wformat=2 -Wvla
ifeq ($(WERROR),1)
WARN     += -Werror
endif
STD      := -std=c11 -D_GNU_SOURCE
INCLUDES := -Isrc -Ibuild
SAN      := -fsanitize=address,undefined -fno-sanitize-recover=all \
            -fno-omit-frame-pointer

REL      := build/release
ASAN     := build/asan
BIN      := build/bin

REL_OBJS  := $(SRC_C:%.c=$(REL)/%.o) $(REL)/src/shim/bench.o
ASAN_OBJS := $(SRC_C:%.c=$(ASAN)/%.o) $(ASAN)/src/shim/bench.o
TEST_OBJS := $(TESTS_C:%.c=$(ASAN)/%.o) $(TEST_SUPPORT_C:%.c=$(ASAN)/%.o)
BENCH_BINS := $(BENCHES:%=$(BIN)/%)
TOOL_BINS  := $(TOOLS:%=$(BIN)/%)
UNIT     := $(ASAN)/tests/unit
PROBE    := $(ASAN)/tests/helpers/child_probe
# The bench programs tests/cli/bad-input.sh runs (make coverage builds its own).
CLI_BENCHES := traverse lines

# Dependency checks before anything compiles, so a missing package is named
# (and installed when we may) instead of failing as a compiler error.
# $(call deps,GROUP...): see scripts/check-deps.sh for the groups.
deps = @CC="$(CC)" CXX="$(CXX)" scripts/check-deps.sh $(1)
# Steps two make runs in one checkout must not do at once (the build).
LOCK := build/.lock
# A sub-make, for the steps of make bench and make test.
SUBMAKE := $(MAKE) --no-print-directory

.PHONY: all build bench plots test test-unit test-cli deps help \
        clean asm check-build-deps check-test-deps FORCE
.DEFAULT_GOAL := all

all: build

build: check-build-deps $(BENCH_BINS) $(TOOL_BINS)

check-build-deps:
	$(call deps,build)

check-test-deps:
	$(call deps,build test)

## --- build rules -------------------------------------------------------------

# Switching compilers or flags rebuilds everything: objects do not name the
# compiler in their path, so without this a "make bench CC=clang" after a
# gcc build would relink gcc's objects while the results' context said
# clang.  The stamp is rewritten only when a compiler, version or flag
# changes (compared before anything is written, so a checkout the user
# cannot write to still runs make claims); its temporary name is per
# process, as two makes may run at once.
COMPILER_STAMP := build/compiler.txt

$(COMPILER_STAMP): FORCE
	@mkdir -p build
	@new=$$({ echo "CC=$(CC) CFLAGS=$(CFLAGS)"; echo "CXX=$(CXX) CXXFLAGS=$(CXXFLAGS)"; \
	   $(CC) --version 2>/dev/null | head -n 1; $(CXX) --version 2>/dev/null | head -n 1; }); \
	if [ -f $@ ] && [ "$$(cat $@)" = "$$new" ]; then :; else \
	    tmp=$@.tmp.$$$$; printf '%s\n' "$$new" > $$tmp && mv -f $$tmp $@; fi

$(REL_OBJS) $(ASAN_OBJS) $(TEST_OBJS) $(BENCHES:%=$(REL)/benches/%.o) \
    $(TOOLS:%=$(REL)/tools/%.o): $(COMPILER_STAMP)

build/build_info.h: FORCE
	@mkdir -p build
	@scripts/build-info.sh $@ "$(CC)" "$(CFLAGS)"

# Order-only: the dependency check runs (once) before any compile, and
# does not make an object out of date.
$(REL)/%.o: %.c | build/build_info.h check-build-deps
	@mkdir -p $(dir $@)
	$(CC) $(STD) $(CFLAGS) $(WARN) $(INCLUDES) -MMD -MP -c $< -o $@

$(REL)/src/shim/bench.o: $(SHIM_CC) | check-build-deps
	@mkdir -p $(dir $@)
	$(CXX) -std=c++17 $(CXXFLAGS) -Wall -Wextra $(if $(filter 1,$(WERROR)),-Werror) \
	    -Isrc -MMD -MP -c $< -o $@

$(REL)/libmemlayout.a: $(REL_OBJS)
	@rm -f $@
	ar rcs $@ $^

# Boehm GC (libgc-dev): only the gc program and the test binaries (which
# link every object, src/gc's too) need it.
$(BIN)/gc $(UNIT) $(PROBE): GC_LIBS := -lgc

$(BIN)/%: $(REL)/benches/%.o $(REL)/libmemlayout.a
	@mkdir -p $(dir $@)
	$(CXX) $(LDFLAGS) $^ -o $@ $(GC_LIBS) -ljansson -lz -lbenchmark -lpthread -lm

$(BIN)/%: $(REL)/tools/%.o $(REL)/libmemlayout.a
	@mkdir -p $(dir $@)
	$(CXX) $(LDFLAGS) $^ -o $@ -ljansson -lz -lbenchmark -lpthread -lm

$(ASAN)/%.o: %.c | build/build_info.h check-test-deps
	@mkdir -p $(dir $@)
	$(CC) $(STD) -O1 -g $(SAN) $(WARN) $(INCLUDES) -MMD -MP -c $< -o $@

$(ASAN)/src/shim/bench.o: $(SHIM_CC) | check-test-deps
	@mkdir -p $(dir $@)
	$(CXX) -std=c++17 -O1 -g $(SAN) -Wall -Wextra -Isrc -MMD -MP -c $< -o $@

$(UNIT): $(TEST_OBJS) $(ASAN_OBJS)
	$(CXX) $(SAN) $^ -o $@ $(GC_LIBS) -lcriterion -ljansson -lz -lbenchmark -lpthread -lm

$(PROBE): $(ASAN)/tests/helpers/child_probe.o $(ASAN_OBJS)
	$(CXX) $(SAN) $^ -o $@ $(GC_LIBS) -ljansson -lz -lbenchmark -lpthread -lm

-include $(shell find build -name '*.d' 2>/dev/null)

## --- help --------------------------------------------------------------------

# Every target's help is one variable, HELP.<target> := text, and the
# target's name in one of the sections below; make help prints each
# section in turn, so a target is listed once and a dropped fragment takes
# its lines with it.  Texts are printed between single quotes: none in them.
HELP_DAILY_ORDER := bench test claims demo compare help deps
HELP_DAILY := bench test help deps
HELP_RUNS  := plots
HELP_CODE  := build test-unit test-cli asm clean
HELP_VARS  := QUICK BENCH BENCH_FLAGS MAX_WS RUN RESULTS PLOT_TERM V CC CFLAGS WERROR

HELP.bench := build, run every bench program, plot and judge the claims (results/<UTC>-<host>/)
HELP.test  := unit tests under AddressSanitizer + UBSan, then the command-line tests
HELP.help  := this text
HELP.deps  := install every Debian package the suite and its tools use (apt-get)
HELP.plots := redraw the plots of RUN
HELP.build := build the bench programs and tools into $(BIN)/ (also: make all)
HELP.test-unit := the unit tests alone, under AddressSanitizer + UBSan (part of make test)
HELP.test-cli := bad input, full disks, concurrent runs, the make fragments, failure sweeps (part of make test)
HELP.asm   := SRC=f.c: assembly of one source file with the compiler notes, to check a kernel
HELP.clean := remove build/ (never touches results/)

HELP.QUICK       := =1: fewer sizes and shorter runs (a few minutes)
HELP.BENCH       := ="name ...": run only these programs (now: $(BENCHES))
HELP.BENCH_FLAGS := ="--benchmark_filter=aos ...": extra flags for every bench program
HELP.MAX_WS      := =SIZE: largest working set, e.g. 256M or 2G (default 1G)
HELP.RUN         := =dir: the run a target reads (default results/latest)
HELP.RESULTS     := =dir: where make bench puts its runs (default results)
HELP.PLOT_TERM   := =dumb: draw plots in the terminal instead of PNG+SVG
HELP.V           := =1: show every command, and the library output of make bench, live
HELP.CC          := , CXX: compilers (e.g. CC=clang CXX=clang++)
HELP.CFLAGS      := , CXXFLAGS: optimization flags for the bench programs (default -O2 -g)
HELP.WERROR      := =1: treat warnings as errors (CI does)

# The fragments: sorted, but any order and any subset works.
MK_FRAGMENTS ?= $(sort $(wildcard mk/*.mk))
BENCH_AFTER :=
# Steps of BENCH_AFTER that read the verdicts, so run after claims.
BENCH_AFTER_CLAIMS :=
# Steps that add results to the run (crosscheck.json), so run before the
# plots are drawn, in steps.log like the others.
BENCH_RESULTS :=
include $(MK_FRAGMENTS)

help_target = printf '  %-20s %s\n' 'make $(1)' '$(HELP.$(1))';
help_section = echo '$(1)'; $(foreach t,$(2),$(call help_target,$(t)))

help:
	@$(call help_section,Every day:,$(foreach t,$(HELP_DAILY_ORDER),$(filter $(t),$(HELP_DAILY))) \
	    $(filter-out $(HELP_DAILY_ORDER),$(HELP_DAILY)))
	@$(call help_section,Looking at a run (RUN=results/<dir>):,$(HELP_RUNS))
	@$(call help_section,Checking the code and the machine:,$(HELP_CODE))
	@echo 'Variables:'
	@$(foreach v,$(HELP_VARS),printf '  %s%s\n' '$(v)' '$(HELP.$(v))';)
	@echo 'Each program also runs alone: build/bin/<name> --help'

## --- running -----------------------------------------------------------------

# The run's directory goes from run-benches.sh to every later step (plots,
# claims, ...): another make bench in the same checkout may move
# results/latest meanwhile.  The build takes a lock, so two runs never
# compile the same object at once.  BENCH_AFTER (from the fragments) runs in
# order, its output kept in the run's steps.log; the claims report comes
# last, on the terminal, so its one line per claim ends the output, with
# the few paths to open (not every plot: a full run draws dozens); only
# the steps that read its verdicts (BENCH_AFTER_CLAIMS: the page) follow
# it, quietly.  The whole stays under 60 lines (tests/cli/bench-output.sh).
# Each of BENCH_FLAGS as one shell word, so a filter's regex stays as written.
bench_flags = $(foreach f,$(BENCH_FLAGS),'$(f)')
# The steps after the plots, claims aside: one line names them all, their
# output goes to the run's steps.log.
bench_steps = $(filter-out claims $(BENCH_AFTER_CLAIMS),$(BENCH_AFTER))
bench_after_claims = $(filter $(BENCH_AFTER_CLAIMS),$(BENCH_AFTER))
bench_comma := ,
# Plots drawn in the terminal are shown; files are only logged.
plot_log = $(if $(filter dumb%,$(PLOT_TERM)),,>>"$$run/steps.log" 2>&1)

bench: check-build-deps
	$(call deps,plot)
	@mkdir -p build
	@echo "==> building the bench programs and tools ($(BIN)/)"
	+@flock $(LOCK) $(SUBMAKE) $(if $(filter 1,$(V)),,-s) build
	+@set -e; runfile=$$(mktemp); trap 'rm -f "$$runfile"' EXIT; \
	status=0; QUICK="$(QUICK)" MAX_WS="$(MAX_WS)" V="$(V)" RUN_FILE="$$runfile" \
	    scripts/run-benches.sh $(BIN) "$(RESULTS)" "$(BENCH)" $(bench_flags) || status=$$?; \
	run=$$(cat "$$runfile"); \
	if [ -z "$$run" ]; then exit $$status; fi; \
	echo "==> $(if $(strip $(BENCH_RESULTS)),$(strip $(BENCH_RESULTS)) then )plots$(if $(bench_steps)$(bench_after_claims),$(bench_comma) then $(strip $(bench_steps) $(bench_after_claims))) (output: $$run/steps.log)"; \
	for step in $(BENCH_RESULTS); do \
	    $(SUBMAKE) $$step RUN="$$run" >>"$$run/steps.log" 2>&1 || \
	        { echo "make bench: $$step failed; see $$run/steps.log" >&2; exit 1; }; \
	done; \
	PLOT_TERM="$(PLOT_TERM)" scripts/plot.sh "$$run" $(BENCH) $(BENCH_RESULTS) $(plot_log) || \
	    { echo "make bench: plotting failed; see $$run/steps.log" >&2; exit 1; }; \
	for step in $(bench_steps); do \
	    $(SUBMAKE) $$step RUN="$$run" >>"$$run/steps.log" 2>&1 || \
	        { echo "make bench: $$step failed; see $$run/steps.log" >&2; exit 1; }; \
	done; \
	$(if $(filter claims,$(BENCH_AFTER)),$(SUBMAKE) claims RUN="$$run";) \
	for step in $(bench_after_claims); do \
	    $(SUBMAKE) $$step RUN="$$run" >>"$$run/steps.log" 2>&1 || \
	        { echo "make bench: $$step failed; see $$run/steps.log" >&2; exit 1; }; \
	done; \
	echo "==> open:"; \
	for f in "$$run/index.html" "$$run/report.md"; do \
	    if [ -e "$$f" ]; then echo "    $$f"; fi; \
	done; \
	pngs=$$(find "$$run/plots" -name '*.png' 2>/dev/null | wc -l); \
	if [ "$$pngs" -gt 0 ]; then echo "    $$run/plots/ ($$pngs plots)"; fi; \
	exit $$status

# A target that reads a run says so when there is none yet, rather than
# failing inside a script.
need_run = @[ -d "$(RUN)" ] || { echo "make $@: no run in '$(RUN)': run make bench first, or give RUN=results/<dir>" >&2; exit 2; }

plots:
	$(call deps,plot)
	$(need_run)
	@PLOT_TERM="$(PLOT_TERM)" scripts/plot.sh "$(RUN)"

test: check-test-deps
	@mkdir -p build
	@echo "==> building the tests and the programs (V=1 shows each command)"
	+@flock $(LOCK) $(SUBMAKE) $(if $(filter 1,$(V)),,-s) $(UNIT) $(PROBE) build
	+@$(SUBMAKE) test-unit
	+@$(SUBMAKE) test-cli

test-unit: check-test-deps $(UNIT) $(PROBE)
	CHILD_PROBE=$(PROBE) ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    $(UNIT) --jobs=2

# Bad input (bad-input.sh), hostile results (hostile.sh), full disks and
# concurrent runs (plots-full-disk.sh, run-safety.sh, which runs make bench,
# so it needs every program), library flags (library-flags.sh), that
# every make fragment stands alone (make-fragments.sh), 10^5 cases
# through report and compare in seconds (large-run.sh), and the committed
# layout pictures are what the build draws (layout-figures.sh).
test-cli: check-test-deps build
	@tests/cli/bad-input.sh $(BIN)
	@tests/cli/hostile.sh $(BIN)
	@tests/cli/plots-full-disk.sh
	@tests/cli/library-flags.sh $(BIN)
	@tests/cli/run-safety.sh $(BIN)
	@tests/cli/make-fragments.sh
	@tests/cli/large-run.sh $(BIN)
	@tests/cli/read-only.sh
	@tests/cli/layout-figures.sh $(BIN)
	@tests/cli/noise-hints.sh
	@tests/cli/plot-leave-out.sh
	@tests/cli/oom-audit.sh > build/oom-audit.txt || { grep MISSING build/oom-audit.txt; exit 1; }

# Assembly of one source with the compiler's notes, to check what a kernel
# compiles to: make asm SRC=src/traverse/aos.c  (writes build/asm/...s)
SRC ?= src/traverse/aos.c
asm: check-build-deps build/build_info.h
	@mkdir -p build/asm
	$(CC) $(STD) $(CFLAGS) $(INCLUDES) -S -fverbose-asm $(SRC) \
	    -o build/asm/$(notdir $(SRC:.c=.s))
	@echo "wrote build/asm/$(notdir $(SRC:.c=.s))"

deps:
	@scripts/check-deps.sh --install-all

clean:
	rm -rf build
