# shim.mk - make shim-overhead: time the C shim against Google Benchmark
# used directly from C++, on a trivial and a real kernel.

SHIM_OVERHEAD := $(BIN)/shim_overhead
SHIM_OVERHEAD_OBJS := $(REL)/tools/shim_overhead/main.o \
                      $(REL)/tools/shim_overhead/kernels.o \
                      $(REL)/tools/shim_overhead/native.o

$(REL)/tools/shim_overhead/native.o: tools/shim_overhead/native.cc | check-build-deps
	@mkdir -p $(dir $@)
	$(CXX) -std=c++17 $(CXXFLAGS) -Wall -Wextra $(if $(filter 1,$(WERROR)),-Werror) \
	    -Isrc -Itools/shim_overhead -MMD -MP -c $< -o $@

$(SHIM_OVERHEAD): $(SHIM_OVERHEAD_OBJS) $(REL)/libmemlayout.a
	@mkdir -p $(dir $@)
	$(CXX) $(LDFLAGS) $^ -o $@ -lbenchmark -lpthread -lm

# Interleaved repetitions, so both sides see the same machine conditions.
shim-overhead: check-build-deps $(SHIM_OVERHEAD)
	$(call deps,plot)
	@mkdir -p build
	$(SHIM_OVERHEAD) --benchmark_repetitions=10 --benchmark_min_time=0.2 \
	    --benchmark_enable_random_interleaving=true \
	    --benchmark_display_aggregates_only=true \
	    --benchmark_out=build/shim_overhead.json --benchmark_out_format=json
	@jq -r -f tools/shim_overhead/ratios.jq build/shim_overhead.json

HELP_CODE += shim-overhead
HELP.shim-overhead := what the C shim costs against direct C++ (prints ratios)
