# queue.sh - demo-queue: a fast producer and a slow consumer over a
# bounded ring versus an unbounded queue; peak memory held in the queue
# against the input size (claims S3, S4).
# shellcheck shell=bash disable=SC2034  # settings read by tools/demo/run.sh
DEMO_BENCH=queue
DEMO_SUMMARY="bounded vs unbounded queue: peak memory held as the input grows"
DEMO_QUESTION="A producer makes items faster than the consumer can take them. With a
bounded queue the producer waits when it is full; with an unbounded one it
never waits. What happens to memory as the input grows?"
DEMO_PREDICT="peak bytes queued for each queue at the largest input; how do they scale?"
DEMO_FLAGS=(--quick --max-ws=64M)
DEMO_QUICK_FLAGS=(--quick --max-ws=1M)
DEMO_SIZES=4
DEMO_METRIC='queued|peak|rss'
DEMO_TABLE=largest
DEMO_ITEM=item
DEMO_COLUMNS='queued|peak|rss'
DEMO_XLABEL="items (log scale)"
DEMO_YLABEL="peak bytes held"
# Plots of the full run the lesson shows (make lessons).
DEMO_PLOTS="queue"
