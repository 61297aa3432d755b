# cachegrind.mk - make cachegrind BENCH=traverse: SIMULATED D1 and LL cache
# misses per element of each variant at a small, a medium and a large
# working set, counting only the kernel (scripts/cachegrind.sh).  This is
# how the suite shows cache misses on machines without hardware counters.
#
# A bench takes part by accepting --child=VARIANT/ELEMENTS/PASSES and by
# listing its variants and element counts here.

# traverse: 1 Ki records (24 KiB of array-of-structs data: inside a 32 KiB
# D1), 64 Ki (1.5 MiB: past D1, inside the simulated 32 MiB LL) and 2 Mi
# (48 MiB: past the LL).
CG_VARIANTS_traverse := aos soa aop_inorder aop_scattered list_inorder list_scattered boxed
CG_SIZES_traverse    := 1024 65536 2097152

# Only the benches that take part, unless BENCH names others.
CG_BENCH := $(if $(filter command line environment,$(origin BENCH)),$(BENCH),traverse)

cachegrind: build
	@scripts/check-deps.sh plot valgrind
	@$(foreach b,$(CG_BENCH),\
	    $(if $(CG_VARIANTS_$(b)),,$(error make cachegrind: $(b) has no CG_VARIANTS_$(b) in mk/cachegrind.mk)) \
	    PLOT_TERM="$(PLOT_TERM)" scripts/cachegrind.sh $(BIN) "$(RESULTS)" $(b) \
	        "$(CG_VARIANTS_$(b))" "$(CG_SIZES_$(b))" &&) true

HELP_CODE += cachegrind
HELP.cachegrind := BENCH=traverse: SIMULATED D1/LL misses per element (valgrind)
.PHONY: cachegrind
