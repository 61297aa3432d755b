# doctor.mk - make doctor: the noise preflight (scripts/doctor.sh) with one
# sentence of advice per check and a noise grade.  make bench runs it too,
# briefly, once the programs are built and before any of them runs.
#
# make bench gets the preflight as a prerequisite rather than as a line of
# its recipe, so the shared Makefile stays as it is; the grade goes to
# build/noise-grade and, through BENCH_NOISE_GRADE in the environment of
# bench's recipe, to the bench programs (src/cli.c can put it in each
# result's context).  "private": the prerequisites (every compile) do not
# inherit the variable.

.PHONY: doctor noise-preflight

doctor:
	@CC="$(CC)" CFLAGS="$(CFLAGS)" RUN="$(RUN)" scripts/doctor.sh

noise-preflight:
	@CC="$(CC)" CFLAGS="$(CFLAGS)" RUN="$(RUN)" \
	    scripts/doctor.sh --brief --grade-file=build/noise-grade

bench: noise-preflight
bench: private export BENCH_NOISE_GRADE = $(shell cat build/noise-grade 2>/dev/null)

HELP_EXTRA += "  make doctor       noise preflight: governor, boost, load, busy processes, THP,\n"
HELP_EXTRA += "                    virtual machine, build flags, with advice and a noise grade A-D\n"
