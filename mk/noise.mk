# noise.mk - make noise-summary: which cases of a run were too noisy to
# trust (CV of the repetitions above 5%), with a hint at why.  make bench
# runs it after every run (BENCH_AFTER).

noise-summary:
	$(call deps,plot)
	$(need_run)
	@scripts/noise-summary.sh "$(RUN)"

BENCH_AFTER += noise-summary
HELP_RUNS += noise-summary
HELP.noise-summary := CV of every case of RUN, cases above 5% flagged (RUN/summary.txt)
.PHONY: noise-summary
