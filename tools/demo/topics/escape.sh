# escape.sh - demo-escape: a function returning a record by value against
# one returning a pointer to a record it allocated (claim A4).
# shellcheck shell=bash disable=SC2034  # settings read by tools/demo/run.sh
DEMO_SUMMARY="return a record by value vs through a heap pointer: ns and allocations per call"
DEMO_QUESTION="A function builds a 24-byte record and gives it to its caller: by value
(the x86-64 System V ABI returns a struct over 16 bytes through a hidden
pointer to space the caller provides, usually in its own stack frame) or
through a pointer to a heap block the caller frees later. What does the
escape to the heap cost per call?"
DEMO_PREDICT="ns per call by value and through the heap; how many allocations per call?
And with a bump arena instead of malloc?"
# The program's own sizes: the working set is one record.
DEMO_FLAGS=(--quick)
DEMO_QUICK_FLAGS=(--quick)
DEMO_SIZES=0
DEMO_QUICK_SIZES=0
DEMO_TABLE=largest
DEMO_ITEM=call
DEMO_COLUMNS='^(allocs_per_call|malloc_per_call|peak_bytes)$'
DEMO_ARGNAME=record
DEMO_ARGKIND=bytes
DEMO_PLOTS="escape"
