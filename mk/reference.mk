# reference.mk - make reference: one full run of every bench, kept as the
# committed results/reference/ (under 5 MiB), its page for the browser
# (index.html, plots inline), and the lessons' figures refilled from it.  Run it on a quiet machine; it takes the full bench time.

.PHONY: reference reference-from

reference: bench $(BIN)/page
	@PAGE=$(BIN)/page scripts/make-reference.sh "$(RESULTS)/latest" results/reference
	@tools/demo/lesson_figures.sh results/reference docs/lessons

# The same from an existing run: make reference-from RUN=results/<dir>
reference-from: $(BIN)/page
	$(need_run)
	@PAGE=$(BIN)/page scripts/make-reference.sh "$(RUN)" results/reference
	@tools/demo/lesson_figures.sh results/reference docs/lessons

HELP_RUNS += reference reference-from
HELP.reference := full run of every bench, kept as the committed results/reference
HELP.reference-from := the same from the run in RUN
