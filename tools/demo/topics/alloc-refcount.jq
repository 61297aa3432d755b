# alloc-refcount.jq - demo-alloc-refcount's takeaway: what dropping the root of the
# largest refcounted tree left live, and what each ring left leaked, from
# alloc.c's exact counters (live_after_drop, freed_by_drop,
# leaked_objects, leaked_bytes).
include "lib";

def takeaway:
  . as $rows
  | ([.[] | select(.variant == "refcount" and .c.live_after_drop != null)] | max_by(.arg)) as $tree
  | ([.[] | select(.variant == "cycle_refcount")] | max_by(.arg)) as $ring
  | ($rows | at("cycle_arena"; $ring.arg)) as $arena
  | if $tree == null and $ring == null then generic_takeaway("ns"; "took"; "time per object")
    else [ (if $tree == null then empty else
              "dropping the root of a \($tree.arg | count_h)-node refcounted tree freed "
              + "\($tree.c.freed_by_drop | count_h) nodes at once and left "
              + "\($tree.c.live_after_drop | count_h) live" end),
           (if $ring == null then empty else
              "a refcounted ring of \($ring.arg | count_h) objects, dropped, leaked "
              + "\($ring.c.leaked_objects | count_h) objects (\($ring.c.leaked_bytes | bytes_h))" end),
           (if $arena == null then empty else
              "the same ring in an arena left \($arena.c.leaked_objects | count_h) objects "
              + "(\($arena.c.leaked_bytes | bytes_h)) after the arena's release" end) ]
         | join("; ") end;
