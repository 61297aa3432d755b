# doctor.mk - make doctor: the noise preflight (scripts/doctor.sh) with one
# sentence of advice per check and a noise grade.  make bench runs it too,
# before any program runs: the grade and what warned on the terminal (two
# lines at most), the full text into the run as doctor.txt.
#
# make bench gets the preflight as a prerequisite rather than as a line of
# its recipe, so the shared Makefile stays as it is; the grade goes to
# build/noise-grade and, through BENCH_NOISE_GRADE in the environment of
# bench's recipe, to the bench programs (src/harness/cli.c can put it in each
# result's context).  "private": the prerequisites (every compile) do not
# inherit the variable.  After the run, noise-stamp copies the preflight's
# full text (build/doctor.txt) into the run directory as doctor.txt.

.PHONY: doctor noise-preflight noise-stamp

doctor:
	@CC="$(CC)" CFLAGS="$(CFLAGS)" RUN="$(RUN)" scripts/doctor.sh

noise-preflight:
	@mkdir -p build
	@CC="$(CC)" CFLAGS="$(CFLAGS)" RUN="$(RUN)" \
	    scripts/doctor.sh --summary --save=build/doctor.txt --grade-file=build/noise-grade

# Only into a run written after the preflight: when a make bench produced
# no result, RUN (results/latest) is an older run that the preflight did
# not describe.
noise-stamp:
	@if [ -f build/doctor.txt ] && [ -d "$(RUN)" ] && [ "$(RUN)/" -nt build/doctor.txt ]; then \
	    cp build/doctor.txt "$(RUN)/doctor.txt"; \
	fi

BENCH_AFTER += noise-stamp

bench: noise-preflight
bench: private export BENCH_NOISE_GRADE = $(shell cat build/noise-grade 2>/dev/null)

HELP_CODE += doctor
HELP.doctor := noise preflight: governor, boost, load, THP, VM, flags; advice and a grade A-D
