# layout.mk - make layout: where every record's fields lie and which cache
# lines they fill (tools/layout_map.c), the same as pictures of each
# traverse layout (tools/layout_svg.c: SVG; with LAYOUT_PNG=1 also PNG,
# by rsvg-convert or chromium when one is installed: chromium takes
# seconds a figure, so it is asked for), then, when RUN holds traverse results, the
# traverse model's predicted ratios beside the measured ones
# (tools/explain_traverse.c).  docs/experiments/traverse.md says how to
# read them.  The pictures are drawn with the cache line RUN's
# machine.json measured, into RUN/layouts/; without a profile, with
# 64-byte lines into build/layouts/.  make layout-figures redraws the
# committed ones (docs/figures/layouts/, 64-byte lines), which
# tests/cli/layout-figures.sh checks are up to date.

.PHONY: layout layout-figures

LAYOUT_FIGURES := docs/figures/layouts
LAYOUT_PNG ?= 0
layout_png = $(if $(filter 1,$(LAYOUT_PNG)),--png)

layout: check-build-deps $(BIN)/layout_map $(BIN)/layout_svg $(BIN)/explain_traverse
	@$(BIN)/layout_map
	@echo
	@if [ -f "$(RUN)/machine.json" ]; then \
	    echo "Layout pictures, with the cache line measured in $(RUN)/machine.json:"; \
	    $(BIN)/layout_svg --out="$(RUN)/layouts" --machine="$(RUN)/machine.json" $(layout_png); \
	else \
	    echo "Layout pictures (64-byte lines: no $(RUN)/machine.json):"; \
	    mkdir -p build && $(BIN)/layout_svg --out=build/layouts $(layout_png); \
	fi
	@echo
	@if [ -f "$(RUN)/traverse.json" ]; then \
	    $(BIN)/explain_traverse --run="$(RUN)"; \
	else \
	    echo "(No $(RUN)/traverse.json: run 'make bench BENCH=traverse' for the"; \
	    echo " predicted-versus-measured table, or give RUN=results/<run>.)"; \
	fi

layout-figures: check-build-deps $(BIN)/layout_svg
	@$(BIN)/layout_svg --out=$(LAYOUT_FIGURES)

HELP_RUNS += layout
HELP_CODE += layout-figures
HELP_VARS += LAYOUT_PNG
HELP.LAYOUT_PNG := =1: make layout also converts its pictures to PNG (rsvg-convert or chromium)
HELP.layout := field offsets, cache-line maps and pictures of every layout; predicted vs measured on RUN
HELP.layout-figures := redraw the committed layout pictures in docs/figures/layouts/ (after a struct changes)
