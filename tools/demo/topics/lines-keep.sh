# lines-keep.sh - demo-lines-keep: keep every line past later reads, as the
# view the reader hands out (its buffer is reused) or as a copy, and see
# what the kept lines read when the text ends (claim A6).
# shellcheck shell=bash disable=SC2034  # settings read by tools/demo/run.sh
DEMO_SUMMARY="lines kept as views into a reused buffer, or as copies: which still read their line"
DEMO_QUESTION="Collecting every line of a text in an array: keep the slice the scanner hands
out (Go's scanner.Bytes()), or a copy of it (scanner.Text()). After the
last read, how many of the kept lines still read what they read when they
were handed out?"
DEMO_PREDICT="of the views kept from a 32 KiB text and from a 1 MiB one (the reader's
buffer is 64 KiB), how many still read their own line at the end? And the
copies? What does a copy cost per line?"
DEMO_FLAGS=(--quick)
DEMO_QUICK_FLAGS=(--quick)
DEMO_FILTER='^lines/keep_(copy|view)/(short|medium)/'
DEMO_SIZES=2
DEMO_METRIC='^kept_intact$'
DEMO_TABLE=largest
DEMO_ITEM=line
DEMO_COLUMNS='^(lines|kept_intact|kept_later_text|first_overwritten)$'
DEMO_ARGNAME=text
DEMO_ARGKIND=bytes
DEMO_XLABEL="text size (log scale)"
DEMO_YLABEL="kept lines still reading their own line"
DEMO_PLOTS="lines_keep"
