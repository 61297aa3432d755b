# stream.sh - demo-stream: peak resident memory of reading a file whole
# versus streaming it, against the file size (claims S1, S2).
# shellcheck shell=bash disable=SC2034  # settings read by tools/demo/run.sh
DEMO_SUMMARY="peak memory vs file size: read whole vs chunks vs lines vs mmap"
DEMO_QUESTION="Counting the lines of a file: read it whole into memory, or stream it in
fixed-size pieces. How much memory does each need as the file grows?"
DEMO_PREDICT="peak resident memory of each method for a 64 MiB file; which grows with the
file and which stays flat? Which is faster?"
DEMO_QUICK_FLAGS=(--quick --max-ws=2M)
# Warm page cache only (the cold cases evict the file before every pass).
DEMO_FILTER='^stream/(slurp|chunks|reader|getline|mmap)/'
# The case's own peak resident memory: the child's, less what it held
# when the pass began (stream.c's rss_over_baseline).
DEMO_METRIC='^rss_over_baseline$'
DEMO_TABLE=largest
DEMO_ITEM=byte
DEMO_COLUMNS='^(rss_over_baseline|alloc_peak_bytes|lines|faults)$'
# slurp's fresh buffer faults in page by page on every pass: the
# calibrated cost of a fault says how much of its time that is, per pass
# (lib.jq fault_note).  mmap's faults map pages the page cache already
# holds, not fresh ones, so the calibrated cost does not price them.
DEMO_FAULTS=1
DEMO_ITERATION=pass
DEMO_FAULT_VARIANTS='^(slurp|chunks|reader|getline)$'
DEMO_ARGNAME="file"
DEMO_ARGKIND=bytes
DEMO_XLABEL="file size (log scale)"
DEMO_YLABEL="peak resident bytes over a process reading nothing"
DEMO_PLOTS="stream stream_memory"
