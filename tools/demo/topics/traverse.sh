# traverse.sh - demo-traverse: the same records as an array of structs, an
# array of pointers, a linked list and boxed objects (claims L1, L3, L4, L5).
# shellcheck shell=bash disable=SC2034  # settings read by tools/demo/run.sh
DEMO_SUMMARY="array of structs vs pointers vs linked list vs boxed objects: ns per record"
DEMO_QUESTION="Summing one field of N records is O(N) whatever the layout. Does the layout
change the time per record, and does the answer depend on N?"
DEMO_PREDICT="rank the layouts (aos, aop, list, boxed; in order vs scattered) at 4 KiB
and at 64 MiB. How many times slower than the array of structs is the scattered
list once the data is far larger than the caches?"
# Each layout stops where its own working set reaches --max-ws; 256M lets
# every one reach 2.8M records, 64 MiB as an array of structs (past the
# last cache), and the demo compares them at the sizes they all reach.
DEMO_FLAGS=(--quick --max-ws=256M)
# The seven layouts, not the sums over aos's and soa's bytes that run
# beside them past the last level (the report's "At memory's pace?").
DEMO_FILTER='^traverse/(aos|soa|aop_inorder|aop_scattered|list_inorder|list_scattered|boxed)/'
DEMO_COMMON_ARGS=1
DEMO_QUICK_FLAGS=(--quick --max-ws=256K)
DEMO_XLABEL="N records (log scale)"
DEMO_ITEM=record
DEMO_PLOTS="traverse traverse_bytes"
