# report.mk - the report in a browser: make report RUN=dir [AGAINST=dir]
# writes RUN/index.html (with AGAINST, RUN/against.html: both runs side
# by side), one self-contained page built from RUN/report.json, the
# machine profile and the plots (build/bin/page, from tools/page.c and
# src/page/).  make bench writes index.html after the claims (the step
# "page", which says so and goes on when the run has no report.json).
# make test-browser opens pages in headless Chromium (tests/browser/).

AGAINST ?=

report: $(BIN)/page
	$(need_run)
	@if [ -n "$(AGAINST)" ]; then \
	    $(BIN)/page --against="$(AGAINST)" --out="$(RUN)/against.html" "$(RUN)"; \
	else $(BIN)/page "$(RUN)"; fi

page: $(BIN)/page
	$(need_run)
	@if [ -e "$(RUN)/report.json" ] || [ -e "$(RUN)/report.json.gz" ]; then \
	    $(BIN)/page "$(RUN)"; \
	else echo "page: $(RUN) has no report.json (make claims writes it): no index.html"; fi

# The pages of a fixture with hostile names, of a fresh QUICK run (or
# BROWSER_RUN=dir) and of results/reference when it has report.json.
test-browser: check-build-deps $(BIN)/page
	$(call deps,plot chromium)
	@tests/browser/check.sh $(BIN)

BENCH_AFTER += page
BENCH_AFTER_CLAIMS += page
HELP_RUNS += report
HELP_CODE += test-browser
HELP.report := RUN=dir [AGAINST=dir]: the report as one page for a browser (RUN/index.html; RUN/against.html)
HELP.test-browser := open the fixture, a QUICK run and the reference pages in headless Chromium
.PHONY: report page test-browser
