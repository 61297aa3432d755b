# stride.sh - demo-stride: read one 4-byte value every S bytes of a buffer
# far larger than the caches; the cost per read against S (claim L6).
# shellcheck shell=bash disable=SC2034  # settings read by tools/demo/run.sh
DEMO_SUMMARY="one 4-byte read every S bytes: ns per read as the stride grows"
DEMO_QUESTION="Reading every value of a big buffer, then every 2nd, 4th, ... 4096th: each
pass reads fewer values. Does each read cost the same whatever the stride?"
DEMO_PREDICT="ns per read at stride 4 B, 64 B and 4 KiB. Where does the curve bend,
and why there?"
# Not --quick: a pass is cheap, and the full run's time per case and five
# repetitions give a steadier median.
DEMO_FLAGS=(--max-ws=128M)
DEMO_SIZES=8               # 4 B, 16 B, 64 B, ... 64 KiB
DEMO_FILTER='^stride/read/'
DEMO_ARGNAME=S
DEMO_ARGKIND=bytes
DEMO_XLABEL="stride S (log scale)"
DEMO_ITEM=read
DEMO_PLOTS="stride stride_bandwidth"
