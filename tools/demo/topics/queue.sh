# queue.sh - demo-queue: a fast producer and a slow consumer over a
# bounded ring versus an unbounded queue; peak memory held in the queue
# against the input size, and a worker pool against a thread per message
# (claims S3, S4).
# shellcheck shell=bash disable=SC2034  # settings read by tools/demo/run.sh
DEMO_SUMMARY="bounded vs unbounded queue: peak memory held as the input grows"
DEMO_QUESTION="A producer makes items faster than the consumer can take them. With a
bounded queue the producer waits when it is full; with an unbounded one it
never waits. What happens to memory as the input grows?"
DEMO_PREDICT="peak bytes queued for each queue at the largest input; how do they scale?"
# Queues up to 100k messages (25 MiB of them); the pool and a thread per
# message to 10k only: at tens of microseconds a message they would take
# most of the minute.
DEMO_FILTER='^queue/((bounded|unbounded)/|(pool|thread_per_item)/(1000|10000)/)'
# S3 (bounded, unbounded) and S4 (pool, thread_per_item) of queue.c; the
# figure is the most heap bytes held at once (counting allocator, exact).
DEMO_METRIC='^peak_queued_bytes$'
DEMO_TABLE=largest
DEMO_ITEM=message
DEMO_COLUMNS='^(peak_queued_items|peak_queued_bytes|producer_waits|rss_over_baseline)$'
DEMO_XLABEL="messages (log scale)"
DEMO_YLABEL="most heap bytes held at once"
DEMO_PLOTS="queue"
