# lab.mk - the classroom lab (docs/lab.md): make lab gives a student the
# starting files, make lab-grade grades a lab directory, and make test-lab
# (part of make test) checks the grader against the reference solution,
# the starter and broken solutions (tests/lab/run.sh).
#
# The grader (lab/grader/) and the student's files are built under
# AddressSanitizer and UBSan, with the core's flags, and linked with the
# suite's allocator and growth code; lab/grade.sh builds and runs it.

LAB_DIR ?= lab/student
LAB_CACHEGRIND ?= 1

# The suite's code the lab is built against, and the grader; cache_probe.c
# has a main of its own and is built by lab/grade.sh without sanitizers.
LAB_SUITE_SRC := src/alloc/libc.c src/alloc/counting.c src/alloc/refcount.c \
                 src/growth/policy.c src/growth/growable.c src/harness/named.c
LAB_GRADER_SRC := $(filter-out lab/grader/cache_probe.c,$(wildcard lab/grader/*.c))
LAB_OBJS := $(LAB_GRADER_SRC:%.c=$(ASAN)/%.o) $(LAB_SUITE_SRC:%.c=$(ASAN)/%.o)

# The probe's debug info is DWARF 4: valgrind 3.19 (Debian 12) cannot read
# clang's DWARF 5, and d2 counts misses by source file from it.
lab_env = CC="$(CC)" LAB_OBJS="$(LAB_OBJS)" LAB_BUILD=build/lab \
    LAB_CFLAGS="$(STD) -O1 -g $(SAN) $(WARN) -Isrc -Ilab" LAB_LDFLAGS="$(SAN)" \
    LAB_PROBE_CFLAGS="$(STD) -O2 -g -gdwarf-4 -Isrc -Ilab" LAB_CACHEGRIND="$(LAB_CACHEGRIND)"

.PHONY: lab lab-grade test-lab

lab:
	@if [ -e lab/student ]; then \
	    echo "make lab: lab/student exists already; your files are there (nothing overwritten)"; \
	else \
	    cp -R lab/starter lab/student && \
	    echo "make lab: your files are in lab/student: growth.c pool.c cycle.c traverse.c"; \
	fi
	@echo "The tasks: docs/lab.md.  The interface: lab/lab.h.  Grade: make lab-grade"

lab-grade: check-test-deps $(LAB_OBJS)
	@$(lab_env) lab/grade.sh '$(subst ','\'',$(LAB_DIR))'

test-lab: check-test-deps $(LAB_OBJS)
	@$(lab_env) tests/lab/run.sh

# make test runs the grader's own tests with the command-line ones.
test-cli: test-lab

HELP_DAILY += lab lab-grade
HELP.lab := the classroom lab: copy the starting files to lab/student (docs/lab.md)
HELP.lab-grade := LAB_DIR=dir: grade a lab directory (default lab/student), score per part
HELP_CODE += test-lab
HELP.test-lab := the lab grader against its reference, starter and broken solutions
HELP_VARS += LAB_DIR
HELP.LAB_DIR := =dir: the lab directory make lab-grade grades (default lab/student)
