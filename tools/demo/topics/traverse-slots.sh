# traverse-slots.sh - demo-traverse-slots: the same records as instances of
# a class with __slots__ and of a plain class, in the real CPython: bytes
# per object and the time of a loop over them (claim L7; the traverse
# experiment's cross-check, tools/crosscheck.py, run as a bench program).
# shellcheck shell=bash disable=SC2034  # settings read by tools/demo/run.sh
DEMO_BENCH=crosscheck
DEMO_SUMMARY="__slots__ against dict-backed objects in CPython: bytes and time per object"
DEMO_QUESTION="A Python list of User records (id, active, score), once as a class with
__slots__ and once as a plain class. How many bytes does each object cost,
and how long does a loop summing the score of active users take per object?"
DEMO_PREDICT="bytes per object of each (the boxed C model asks for 96), and which loop
is faster, by how much. Does the answer change with the number of objects?"
DEMO_FILTER='^crosscheck/(object_list|dict_object_list)/'
DEMO_FLAGS=()
DEMO_QUICK_FLAGS=(--quick)
DEMO_SIZES=3
DEMO_COMMON_ARGS=1
DEMO_TABLE=largest
DEMO_COLUMNS='^bytes_per_elem$'
DEMO_ITEM=object
DEMO_ARGNAME=objects
DEMO_LOGY=0
DEMO_XLABEL="objects in the list (log scale)"
DEMO_PLOTS="crosscheck"
