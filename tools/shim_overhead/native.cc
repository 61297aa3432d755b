// native.cc - the reference side: the same kernels written directly against
// Google Benchmark in C++, as its user guide shows.
#include "kernels.h"

#include <benchmark/benchmark.h>

static void native_trivial(benchmark::State &st)
{
    long x = 0;
    for (auto _ : st)
        kernels_tick(&x);
    benchmark::DoNotOptimize(x);
}
BENCHMARK(native_trivial)->Name("shim_overhead/native_trivial");

static void native_real(benchmark::State &st)
{
    layout *l = kernels_make_aos(static_cast<size_t>(st.range(0)));
    if (!l) {
        st.SkipWithError("out of memory");
        return;
    }
    for (auto _ : st) {
        double s = layout_sum(l);
        benchmark::DoNotOptimize(s);
    }
    st.SetItemsProcessed(st.iterations() * st.range(0));
    kernels_free_aos(l);
}
BENCHMARK(native_real)->Name("shim_overhead/native_real")->Arg(1365)->Arg(43690);
