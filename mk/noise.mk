# noise.mk - make noise-summary: which cases of a run were too noisy to
# trust (CV of the repetitions above 5%), with a hint at why.  make bench
# runs it after every run (BENCH_AFTER).

noise-summary:
	@scripts/check-deps.sh plot
	@scripts/noise-summary.sh $(RUN)

BENCH_AFTER += noise-summary
HELP_EXTRA += "  make noise-summary  CV of every case of RUN, cases above 5% flagged (RUN/summary.txt)\n"
.PHONY: noise-summary
