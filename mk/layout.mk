# layout.mk - make layout: where every record's fields lie and which cache
# lines they fill (tools/layout_map.c), then, when RUN holds traverse
# results, the traverse model's predicted ratios beside the measured ones
# (tools/explain_traverse.c).  docs/experiments/traverse.md says how to
# read both.

.PHONY: layout

layout: check-build-deps $(BIN)/layout_map $(BIN)/explain_traverse
	@$(BIN)/layout_map
	@echo
	@if [ -f "$(RUN)/traverse.json" ]; then \
	    $(BIN)/explain_traverse --run="$(RUN)"; \
	else \
	    echo "(No $(RUN)/traverse.json: run 'make bench BENCH=traverse' for the"; \
	    echo " predicted-versus-measured table, or give RUN=results/<run>.)"; \
	fi

HELP_RUNS += layout
HELP.layout := field offsets and cache-line maps of every record; predicted vs measured on RUN
