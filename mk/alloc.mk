# alloc.mk - other mallocs for the benches, and the alloc bench under each.
#
# make bench ALLOC=jemalloc (or mimalloc) runs the bench programs with that
# malloc preloaded (LD_PRELOAD), so every malloc and free in them, and in
# the child processes that measure resident memory, goes to it; the JSON
# context's "allocator" entry then names the library.  ALLOC=glibc (or
# nothing) is the C library's own malloc.  Debian packages: libjemalloc2,
# libmimalloc2.0.
#
# make alloc-compare runs make bench BENCH=alloc under glibc, jemalloc and
# mimalloc (three runs), then draws them side by side into a new
# directory RESULTS/<UTC>-<host>-allocators/ (plots/alloc_allocators.gp).

ALLOC ?=
ALLOC_SONAME_jemalloc  := libjemalloc.so.2
ALLOC_SONAME_mimalloc  := libmimalloc.so.2
ALLOC_PACKAGE_jemalloc := libjemalloc2
ALLOC_PACKAGE_mimalloc := libmimalloc2.0
# Debian installs them under the multiarch directory (x86_64-linux-gnu, ...).
alloc_find = $(firstword $(wildcard /usr/lib/*/$(1) /usr/lib64/$(1) /usr/lib/$(1)))

ifneq ($(filter-out glibc,$(strip $(ALLOC))),)
ifeq ($(ALLOC_SONAME_$(ALLOC)),)
$(error ALLOC=$(ALLOC) is not known: use ALLOC=jemalloc, ALLOC=mimalloc or ALLOC=glibc)
endif
ALLOC_LIB := $(call alloc_find,$(ALLOC_SONAME_$(ALLOC)))
ifeq ($(ALLOC_LIB),)
$(error ALLOC=$(ALLOC): $(ALLOC_SONAME_$(ALLOC)) is not installed; install it with: apt-get install $(ALLOC_PACKAGE_$(ALLOC)))
endif
# Only the bench recipe (and what it runs) sees the preload.  Make passes
# it to the prerequisites' recipes too (the build), which is harmless:
# the compilers then run on that malloc.
bench: export LD_PRELOAD := $(ALLOC_LIB)
endif

ALLOC_COMPARE ?= glibc jemalloc mimalloc
alloc_comma := ,

alloc-compare: build
	@set -e; runs=""; \
	for a in $(ALLOC_COMPARE); do \
	    $(MAKE) --no-print-directory bench BENCH=alloc ALLOC=$$a \
	        QUICK="$(QUICK)" MAX_WS="$(MAX_WS)" RESULTS="$(RESULTS)" PLOT_TERM="$(PLOT_TERM)"; \
	    runs="$$runs $(RESULTS)/$$(readlink "$(RESULTS)/latest")"; \
	done; \
	$(MAKE) --no-print-directory alloc-compare-plot RUNS="$$runs"

# Side by side from existing runs of the alloc bench (RUNS="dir dir ..."):
# each run's data/alloc_largest.tsv (written by plot.sh) without the ring
# cases, one block per run, the malloc's short name in front.  The
# allocator's name and the machine line come from results files, which
# people share: they reach gnuplot's program text only after everything
# but letters, digits and a few punctuation marks is dropped, so no quote
# can end the string and no system() call can be written.
RUNS ?=
alloc-compare-plot:
	@set -e; [ -n "$(strip $(RUNS))" ] || { echo "usage: make alloc-compare-plot RUNS='run1 run2 ...'" >&2; exit 2; }; \
	out=$(RESULTS)/$$(date -u +%Y%m%dT%H%M%SZ)-$$(hostname -s 2>/dev/null || hostname)-allocators; \
	mkdir -p "$$out/data" "$$out/plots"; out=$$(cd "$$out" && pwd -P); \
	tsv="$$out/data/alloc_allocators.tsv"; names=""; first=""; \
	for r in $(RUNS); do \
	    [ -f "$$r/alloc.json" ] && [ -f "$$r/data/alloc_largest.tsv" ] || \
	        { echo "alloc-compare-plot: $$r has no alloc.json and plotted data" >&2; exit 1; }; \
	    name=$$(jq -r '.context.allocator // "glibc malloc"' "$$r/alloc.json" | \
	            sed 's,.*/,,; s/^lib//; s/\.so.*//; s/^glibc malloc$$/glibc/' | \
	            tr -cd 'A-Za-z0-9._+-'); name=$${name:-unknown}; \
	    names="$$names $$name"; first=$${first:-$$r/alloc.json}; \
	    grep -v -e '^cycle_' -e '^#' "$$r/data/alloc_largest.tsv" | sed "s/^/$$name\t/"; \
	    printf '\n\n'; \
	    cp "$$r/alloc.json" "$$out/alloc-$$name.json"; \
	done > "$$tsv"; \
	machine=$$(jq -r '"\(.context.host_name), \(.context.num_cpus) CPUs, \(.context.mode // "?") run, \(.context.date[0:16])"' \
	          "$$first" | tr -cd 'A-Za-z0-9 ._:,?()+-'); \
	for term in $$(echo "$(or $(PLOT_TERM),png$(alloc_comma)svg)" | tr , ' '); do \
	    gnuplot -e "term='$$term'; datafile='$$tsv'; outdir='$$out/plots'; \
	                allocators='$$names'; machine='$$machine'; l1=0; l2=0; l3=0" \
	            -e "cd '$(CURDIR)/plots'" '$(CURDIR)/plots/alloc_allocators.gp'; \
	done; \
	echo "alloc-compare: side by side in $$out" >&2

HELP_VARS += ALLOC
HELP.ALLOC := =jemalloc: make bench with that malloc preloaded (or mimalloc, glibc)
HELP_RUNS += alloc-compare alloc-compare-plot
HELP.alloc-compare := the alloc bench under glibc, jemalloc, mimalloc, plotted side by side
HELP.alloc-compare-plot := RUNS=dirs: the same plot from existing runs of the alloc bench
.PHONY: alloc-compare alloc-compare-plot
