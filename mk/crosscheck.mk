# crosscheck.mk - make crosscheck [RUN=dir]: measure a real CPython list of
# ints, floats and small objects at the sizes of the traverse bench's boxed
# model (python3, standard library only) and write RUN/crosscheck.json;
# the claims report sets it beside the model for claim L4.

crosscheck:
	$(call deps,python3)
	$(need_run)
	@python3 tools/crosscheck.py "$(RUN)"

# make bench runs it when traverse is among the benches, before the plots
# (its JSON has a plot) and the claims.
BENCH_RESULTS += $(if $(filter traverse,$(BENCH)),crosscheck)
HELP_RUNS += crosscheck
HELP.crosscheck := a real CPython list beside the boxed model of L4: RUN/crosscheck.json
.PHONY: crosscheck

# The cross-check as a bench program, for make demo-traverse-slots (claim
# L7): a link to the script, which answers Google Benchmark's flags.
$(BIN)/crosscheck: tools/crosscheck.py
	@mkdir -p $(@D)
	@ln -sf ../../tools/crosscheck.py $@
demo-traverse-slots test-demo: $(BIN)/crosscheck
