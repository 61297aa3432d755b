# stream-limit.sh - demo-stream-limit: read a file under a memory limit
# smaller than the file, whole and streamed, and see how each ended
# (claim S5, S1 as the article tells it).
# shellcheck shell=bash disable=SC2034  # settings read by tools/demo/run.sh
DEMO_SUMMARY="a file 4x the memory limit: read whole vs streamed, how each ended"
DEMO_QUESTION="A process may grow its memory by a quarter of a file's size (RLIMIT_AS),
no more. It reads the file whole, in fixed chunks, line by line, with
getline, or maps it. Which ones finish?"
DEMO_PREDICT="for a 64 MiB file under a 16 MiB limit: which methods complete, which
fail, and how much resident memory do the ones that complete use?"
DEMO_FILTER='^stream/limit_'
DEMO_QUICK_FLAGS=(--quick --max-ws=4M)
DEMO_SIZES=1
DEMO_QUICK_SIZES=1
DEMO_METRIC='^peak_rss_bytes$'
DEMO_TABLE=largest
DEMO_ITEM=run
DEMO_COLUMNS='^(limit_bytes|completed|allocation_failed|killed_by_signal|peak_rss_bytes)$'
DEMO_ARGNAME="file"
DEMO_ARGKIND=bytes
DEMO_XLABEL="file size (log scale)"
DEMO_YLABEL="peak resident bytes of the limited child"
DEMO_PLOTS="stream_limit"
