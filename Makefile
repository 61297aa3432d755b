# Makefile - build, run and plot the memory-layout benchmarks; run the tests.
#
# make help lists every target and variable.  Bench programs are built
# optimized (CFLAGS, default -O2 -g, portable: no -march=native); tests are
# built separately with AddressSanitizer and UndefinedBehaviorSanitizer.

CC       ?= cc
CXX      ?= c++
CFLAGS   ?= -O2 -g
CXXFLAGS ?= -O2 -g
LDFLAGS  ?=
WERROR   ?= 0

QUICK    ?= 0
BENCH    ?= $(BENCHES)
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
TEST_OBJS := $(TESTS_C:%.c=$(ASAN)/%.o)
BENCH_BINS := $(BENCHES:%=$(BIN)/%)
TOOL_BINS  := $(TOOLS:%=$(BIN)/%)
UNIT     := $(ASAN)/tests/unit
PROBE    := $(ASAN)/tests/helpers/child_probe

.PHONY: all build bench plots test deps check-deps help clean asm \
        shim-overhead check-build-deps check-test-deps FORCE
.DEFAULT_GOAL := all

all: build

build: check-build-deps $(BENCH_BINS) $(TOOL_BINS)

check-build-deps:
	@CC="$(CC)" CXX="$(CXX)" scripts/check-deps.sh build

## --- build rules -------------------------------------------------------------

build/build_info.h: FORCE
	@mkdir -p build
	@scripts/build-info.sh $@ "$(CC)" "$(CFLAGS)"

$(REL)/%.o: %.c | build/build_info.h
	@mkdir -p $(dir $@)
	$(CC) $(STD) $(CFLAGS) $(WARN) $(INCLUDES) -MMD -MP -c $< -o $@

$(REL)/src/shim/bench.o: $(SHIM_CC)
	@mkdir -p $(dir $@)
	$(CXX) -std=c++17 $(CXXFLAGS) -Wall -Wextra $(if $(filter 1,$(WERROR)),-Werror) \
	    -Isrc -MMD -MP -c $< -o $@

$(REL)/libmemlayout.a: $(REL_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(BIN)/%: $(REL)/benches/%.o $(REL)/libmemlayout.a
	@mkdir -p $(dir $@)
	$(CXX) $(LDFLAGS) $^ -o $@ -lbenchmark -lpthread -lm

$(BIN)/%: $(REL)/tools/%.o $(REL)/libmemlayout.a
	@mkdir -p $(dir $@)
	$(CXX) $(LDFLAGS) $^ -o $@ -ljansson -lbenchmark -lpthread -lm

$(ASAN)/%.o: %.c | build/build_info.h
	@mkdir -p $(dir $@)
	$(CC) $(STD) -O1 -g $(SAN) $(WARN) $(INCLUDES) -MMD -MP -c $< -o $@

$(ASAN)/src/shim/bench.o: $(SHIM_CC)
	@mkdir -p $(dir $@)
	$(CXX) -std=c++17 -O1 -g $(SAN) -Wall -Wextra -Isrc -MMD -MP -c $< -o $@

$(UNIT): $(TEST_OBJS) $(ASAN_OBJS)
	$(CXX) $(SAN) $^ -o $@ -lcriterion -ljansson -lbenchmark -lpthread -lm

$(PROBE): $(ASAN)/tests/helpers/child_probe.o $(ASAN_OBJS)
	$(CXX) $(SAN) $^ -o $@ -ljansson -lbenchmark -lpthread -lm

-include $(shell find build -name '*.d' 2>/dev/null)

# Targets that belong to one experiment (fuzzing, other allocators, ...)
# live in mk/<topic>.mk, each with its own help lines in HELP_EXTRA.
# BENCH_AFTER names targets make bench runs once results and plots exist;
# the claims report comes last, so its summary ends the output.
HELP_EXTRA :=
BENCH_AFTER :=
-include $(sort $(wildcard mk/*.mk))

## --- running -----------------------------------------------------------------

bench: build
	@CC="$(CC)" scripts/check-deps.sh plot
	@QUICK="$(QUICK)" MAX_WS="$(MAX_WS)" scripts/run-benches.sh $(BIN) $(RESULTS) "$(BENCH)"
	@PLOT_TERM="$(PLOT_TERM)" scripts/plot.sh $(RESULTS)/latest $(BENCH)
	@$(if $(strip $(BENCH_AFTER)),$(MAKE) --no-print-directory \
	    $(filter-out claims,$(BENCH_AFTER)) $(filter claims,$(BENCH_AFTER)) RUN=$(RESULTS)/latest)

plots:
	@scripts/check-deps.sh plot
	@PLOT_TERM="$(PLOT_TERM)" scripts/plot.sh $(RUN)

test: check-test-deps $(UNIT) $(PROBE)
	CHILD_PROBE=$(PROBE) ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    $(UNIT) --jobs=2
	@$(MAKE) --no-print-directory test-cli

check-test-deps:
	@CC="$(CC)" CXX="$(CXX)" scripts/check-deps.sh build test

# Assembly of one source with the compiler's notes, to check what a kernel
# compiles to: make asm SRC=src/traverse/aos.c  (writes build/asm/...s)
SRC ?= src/traverse/aos.c
asm: build/build_info.h
	@mkdir -p build/asm
	$(CC) $(STD) $(CFLAGS) $(INCLUDES) -S -fverbose-asm $(SRC) \
	    -o build/asm/$(notdir $(SRC:.c=.s))
	@echo "wrote build/asm/$(notdir $(SRC:.c=.s))"

deps:
	@if [ "$$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then \
	    echo "make deps needs root (or sudo) to run apt-get" >&2; exit 1; fi
	$$( [ "$$(id -u)" -ne 0 ] && echo sudo ) apt-get update
	$$( [ "$$(id -u)" -ne 0 ] && echo sudo ) apt-get install -y --no-install-recommends \
	    $$(scripts/packages.sh)

clean:
	rm -rf build

help:
	@echo "Targets:"
	@echo "  make bench        build, run every bench program, plot (results/<UTC>-<host>/)"
	@echo "  make test         Criterion tests under AddressSanitizer + UBSan"
	@echo "  make build        build the bench programs into $(BIN)/ (also: make all)"
	@echo "  make plots        redraw the plots of RUN (default results/latest)"
	@echo "  make asm SRC=f.c  assembly of one source file, to check a kernel"
	@echo "  make shim-overhead  time the C shim against Google Benchmark used from C++"
	@echo "  make deps         install the Debian packages the suite needs (apt-get)"
	@echo "  make clean        remove build/ (never touches results/)"
	@echo "  make help         this text"
	@echo "Variables:"
	@echo "  QUICK=1           fewer sizes and shorter runs (about a minute)"
	@echo "  BENCH=name ...    run only these programs (now: $(BENCHES))"
	@echo "  MAX_WS=SIZE       largest working set, e.g. 256M or 2G (default 1G)"
	@echo "  RUN=dir           the run 'make plots' draws (default results/latest)"
	@echo "  PLOT_TERM=dumb    draw plots in the terminal instead of PNG+SVG"
	@echo "  CC, CXX           compilers (e.g. CC=clang CXX=clang++)"
	@echo "  CFLAGS, CXXFLAGS  optimization flags for the bench programs (default -O2 -g)"
	@echo "  WERROR=1          treat warnings as errors (CI does)"
	@printf "%b" $(HELP_EXTRA)
	@echo "Each program also runs alone: build/bin/<name> --help"
