# claims.mk - make claims [RUN=dir]: judge every claim of docs/claims.md on
# a run and write RUN/report.md and RUN/report.json (build/bin/report, from
# tools/report.c and src/report/).  make bench ends with it: first the CPython cross-check
# when traverse ran (mk/crosscheck.mk), then the report and its summary.

claims: $(BIN)/report
	$(need_run)
	@$(BIN)/report "$(RUN)"

BENCH_AFTER += claims
HELP_DAILY += claims
HELP.claims := does each claim hold on RUN: writes RUN/report.md and report.json, prints a line per claim
.PHONY: claims


# make claims-diff RUN=a AGAINST=b: the verdicts of two runs side by side
# (from their report.json; judged from the results when there is none, as
# for results/reference), and which stayed, moved or flipped
# (tools/claims_diff.c).
claims-diff: $(BIN)/claims_diff
	@test -n "$(AGAINST)" || { echo "make claims-diff: say which run to compare with: AGAINST=results/<run>" >&2; exit 2; }
	@$(BIN)/claims_diff "$(RUN)" "$(AGAINST)"

HELP_RUNS += claims-diff
HELP.claims-diff := RUN=a AGAINST=b: which verdicts stayed, moved or flipped between two runs
.PHONY: claims-diff
