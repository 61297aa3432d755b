# queue-speedup.sh - demo-queue-speedup: the same per-line work by a pool
# of 1, 2, 4 and 8 workers: the speedup over one, and where more workers
# stop helping (claim S6, S4's purpose).
# shellcheck shell=bash disable=SC2034  # settings read by tools/demo/run.sh
DEMO_SUMMARY="a pool of 1, 2, 4, 8 workers on the same lines: speedup, and where it stops"
DEMO_QUESTION="A pool of workers processes lines of text (each hashed 16 times). How much
faster are 2 workers than 1, and 4 or 8 than 2, on this machine?"
DEMO_PREDICT="the speedup over one worker for 2, 4 and 8 workers. Where does adding
workers stop helping, and why there?"
DEMO_FLAGS=(--quick)
DEMO_QUICK_FLAGS=(--quick)
DEMO_FILTER='^queue/workers/'
DEMO_QUICK_SIZES=4
DEMO_ITEM=message
DEMO_ARGNAME=workers
DEMO_LOGY=0
DEMO_XLABEL="workers in the pool (log scale)"
DEMO_YLABEL="ns per message (wall clock)"
DEMO_PLOTS="queue_speedup"
