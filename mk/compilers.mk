# compilers.mk - switching compilers or flags rebuilds everything.
#
# Objects do not name the compiler in their path, so without this a
# "make bench CC=clang" after a gcc build would relink gcc's objects while
# the results' context said clang.  build/compiler.txt holds the compilers,
# their versions and flags; it is rewritten only when one of them changes,
# and every object depends on it.

COMPILER_STAMP := build/compiler.txt

$(COMPILER_STAMP): FORCE
	@mkdir -p build
	@{ echo "CC=$(CC) CFLAGS=$(CFLAGS)"; echo "CXX=$(CXX) CXXFLAGS=$(CXXFLAGS)"; \
	   $(CC) --version 2>/dev/null | head -n 1; $(CXX) --version 2>/dev/null | head -n 1; } > $@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv -f $@.tmp $@; fi

$(REL_OBJS) $(ASAN_OBJS) $(TEST_OBJS) $(BENCHES:%=$(REL)/benches/%.o) \
    $(TOOLS:%=$(REL)/tools/%.o): $(COMPILER_STAMP)
