# demo.mk - classroom targets: make demo lists the demonstrations, make
# demo-<topic> runs one (tools/demo/run.sh; under a minute each), make
# lessons fills the figures of docs/lessons/*.md from results/reference/,
# make test-demo runs every demo in quick mode and checks its output;
# make test-lessons (part of make test) checks that every lesson's figures
# block and the numbers its prose quotes agree with the run it names.

DEMO_TOPICS := $(sort $(basename $(notdir $(wildcard tools/demo/topics/*.sh))))
REFERENCE   ?= results/reference

.PHONY: demo lessons test-demo test-lessons $(DEMO_TOPICS:%=demo-%)

demo:
	@tools/demo/run.sh --list

# The topic's bench program is built first when its source exists; a demo
# whose experiment has not landed yet says so and exits 0.
$(DEMO_TOPICS:%=demo-%): demo-%:
	@b=$$(tools/demo/run.sh --bench $*) && \
	 if [ -f benches/$$b.c ]; then \
	     $(MAKE) -s --no-print-directory check-build-deps $(BIN)/$$b; fi
	@tools/demo/run.sh $*

lessons:
	@tools/demo/lesson_figures.sh $(REFERENCE) docs/lessons

test-demo: check-build-deps $(BENCH_BINS)
	$(call deps,plot)
	@tests/demo/run-demos.sh

test-lessons: $(BIN)/report
	$(call deps,plot)
	@tests/demo/lesson-numbers.sh docs/lessons

# make test runs the lesson check with the command-line tests (its clock
# checks compare scripts/slow-limit.sh with the report: hence report).
test-cli: test-lessons

HELP_DAILY += demo
HELP.demo := list the classroom demonstrations; make demo-TOPIC runs one
HELP_RUNS += lessons
HELP.lessons := fill the figures of docs/lessons from REFERENCE (default results/reference)
HELP_CODE += test-demo
HELP.test-demo := every demo with DEMO_QUICK=1 exits 0 and prints its table and takeaway
HELP_CODE += test-lessons
HELP.test-lessons := the figures block of every lesson and the numbers its prose quotes agree with the run it names
