# ratios.jq - medians of each shim_overhead case and the shim/native ratios.
def med(name): [.benchmarks[] | select(.run_type == "aggregate" and .aggregate_name == "median"
                                      and (.run_name | startswith(name)))][0].real_time;
"median ns per iteration over 10 interleaved repetitions",
( ["trivial: native", med("shim_overhead/native_trivial")],
  ["trivial: shim, batch 1", med("shim_overhead/shim_trivial_batch1")],
  ["trivial: shim, batch 64", med("shim_overhead/shim_trivial_batch64")],
  ["real 32 KiB: native", med("shim_overhead/native_real/1365")],
  ["real 32 KiB: shim", med("shim_overhead/shim_real/1365")],
  ["real 1 MiB: native", med("shim_overhead/native_real/43690")],
  ["real 1 MiB: shim", med("shim_overhead/shim_real/43690")]
  | "  \(.[0]): \(.[1] * 1000 | round / 1000) ns" ),
"ratios shim/native:",
"  trivial, batch 1:  \(med("shim_overhead/shim_trivial_batch1") / med("shim_overhead/native_trivial") * 1000 | round / 1000)",
"  trivial, batch 64: \(med("shim_overhead/shim_trivial_batch64") / med("shim_overhead/native_trivial") * 1000 | round / 1000)",
"  real, 32 KiB:      \(med("shim_overhead/shim_real/1365") / med("shim_overhead/native_real/1365") * 10000 | round / 10000)",
"  real, 1 MiB:       \(med("shim_overhead/shim_real/43690") / med("shim_overhead/native_real/43690") * 10000 | round / 10000)"
