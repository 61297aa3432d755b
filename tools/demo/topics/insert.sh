# insert.sh - demo-insert: inserts and removals at random positions, an
# array that shifts its tail against a linked list that walks (claim L2).
# shellcheck shell=bash disable=SC2034  # settings read by tools/demo/run.sh
DEMO_SUMMARY="insert at a random position: array with memmove vs linked list walk"
DEMO_QUESTION="Inserting in the middle is O(N) for an array (shift the tail) and O(1) for a
linked list once you are there, but finding the place is O(N) for the list.
Both are O(N) per operation: which one is faster, and does it change with N?"
DEMO_PREDICT="ns per insert+remove for the array and the list at N = 100 and N = 100 000;
is there an N where the list wins?"
DEMO_FLAGS=(--quick)
DEMO_QUICK_FLAGS=(--quick --max-ws=64K)
DEMO_XLABEL="N elements (log scale)"
DEMO_ITEM=operation
DEMO_PLOTS="insert insert_ratio"
