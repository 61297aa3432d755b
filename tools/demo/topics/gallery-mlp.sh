# gallery-mlp.sh - demo-gallery-mlp: 1, 2, 4, 8, 16 independent pointer
# chases advanced in turn past the caches: ns per load (claim X2).
# shellcheck shell=bash disable=SC2034  # settings read by tools/demo/run.sh
DEMO_SUMMARY="memory-level parallelism: ns per load with 1 to 16 independent chases"
DEMO_QUESTION="One pointer chase through 64 MiB waits for every miss. If the same loop
advances k independent chases in turn, each load still misses. What happens
to the time per load as k goes from 1 to 16?"
DEMO_PREDICT="ns per load with 1, 4 and 16 chases. Where does it stop improving?"
DEMO_SIZES=5
DEMO_FILTER='^gallery/mlp/'
DEMO_ARGNAME=chases
DEMO_ITEM=load
DEMO_XLABEL="independent chases (log scale)"
DEMO_PLOTS="gallery_mlp"
