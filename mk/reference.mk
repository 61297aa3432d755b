# reference.mk - make reference: one full run of every bench, kept as the
# committed results/reference/ (under 2 MiB), and the lessons' figures
# refilled from it.  Run it on a quiet machine; it takes the full bench time.

.PHONY: reference reference-from

reference: bench
	@scripts/make-reference.sh $(RESULTS)/latest results/reference
	@$(MAKE) --no-print-directory lessons REFERENCE=results/reference

# The same from an existing run: make reference-from RUN=results/<dir>
reference-from:
	@scripts/make-reference.sh $(RUN) results/reference
	@$(MAKE) --no-print-directory lessons REFERENCE=results/reference

HELP_EXTRA += "  make reference    full run of every bench, kept as the committed results/reference\n"
