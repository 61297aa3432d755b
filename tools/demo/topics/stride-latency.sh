# stride-latency.sh - demo-stride-latency: the time of one dependent load (a pointer
# chase over one random cycle) as the working set outgrows each cache
# (the stride experiment, claim L6 and the latency every lesson uses).
# shellcheck shell=bash disable=SC2034  # settings read by tools/demo/run.sh
DEMO_SUMMARY="latency of one dependent load from L1 to DRAM (pointer chase)"
DEMO_QUESTION="Each load's address comes from the previous load, so nothing overlaps and
the prefetcher cannot guess. How long does one load take when the data fits
in L1, in L2, in the last cache, and when it does not fit anywhere?"
DEMO_PREDICT="ns per load at 16 KiB and at 128 MiB; how many steps will the curve have?"
# Not --quick: a chase case is cheap, and the full run's time per case
# and five repetitions give a steadier median (--quick's 0.005 s is meant
# for a smoke test; stride.c sets it per case, over --benchmark_min_time).
DEMO_FLAGS=(--max-ws=128M)
DEMO_QUICK_FLAGS=(--quick --max-ws=256K)
DEMO_SIZES=8
DEMO_FILTER='^stride/chase'
DEMO_ARGNAME=ws
DEMO_ARGKIND=bytes
DEMO_XLABEL="working set (log scale)"
DEMO_ITEM=load
DEMO_PLOTS="stride_latency"
