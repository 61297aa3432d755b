# lines.sh - demo-lines: split a text into lines as a fresh heap string per
# line or as a view into the reader's reused buffer (claim A5).
# shellcheck shell=bash disable=SC2034  # settings read by tools/demo/run.sh
DEMO_SUMMARY="a new string per line vs a view into the buffer: ns and allocations per line"
DEMO_QUESTION="Reading a text line by line: make each line its own string (allocate, copy,
free later), or look at it where it lies in the read buffer. What does the
string per line cost, and does it depend on how long the lines are?"
DEMO_PREDICT="ns per line for copy and view with short lines (0-16 bytes) and long ones
(500-1500 bytes). Where is the copy's share of the time largest?"
DEMO_FLAGS=(--quick)
DEMO_FILTER='^lines/(copy|view)/'
DEMO_SIZES=2
DEMO_QUICK_SIZES=1
DEMO_TABLE=largest
DEMO_ITEM=line
DEMO_COLUMNS='^(allocs_per_line|peak_bytes|avg_line_bytes)$'
DEMO_ARGNAME=text
DEMO_ARGKIND=bytes
DEMO_XLABEL="text size (log scale)"
DEMO_PLOTS="lines"
