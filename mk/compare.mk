# compare.mk - make compare A=<run> B=<run>: two runs side by side, case
# by case (two machines, two compilers, two allocators): which verdicts
# stayed, moved or flipped (tools/claims_diff.c, from report.json), then the
# ratio B/A of medians with a 95% bootstrap interval and whether it is
# beyond the noise (tools/compare.c), and Google Benchmark's compare.py
# when it is installed.  Reads gzipped runs too (results/reference).
# Writes results/compare/<A>-vs-<B>.md.

A ?=
B ?=

compare: $(BIN)/compare $(BIN)/claims_diff
	@if [ -z "$(A)" ] || [ -z "$(B)" ]; then \
	    echo "usage: make compare A=results/<run> B=results/<run>" >&2; exit 2; fi
	@scripts/compare.sh $(BIN) "$(RESULTS)" "$(A)" "$(B)"

HELP_DAILY += compare
HELP.compare := A=run B=run: per case B/A with a 95% interval, beyond noise or not
.PHONY: compare
