# alloc-arena.jq - demo-alloc-arena's takeaway: malloc/free per object against the
# bump arena at the largest N both reached, phase by phase (alloc.c's
# build_ns, walk_ns and teardown_ns counters, ns per object), and the
# malloc calls each made.  Without phase counters, the whole cycle.
include "lib";

def phase_sentence($m; $a; $phase):
  ($m.c[$phase + "_ns"]) as $x | ($a.c[$phase + "_ns"]) as $y
  | if $x == null or $y == null then empty
    else "\($phase) \($x | sig3) vs \($y | sig3) ns"
         + (if $y > 0 and ($x / $y >= 1.1 or $x / $y <= 1 / 1.1)
            then " (\(($x / $y) | times_h))" else " (about the same)" end) end;

def takeaway:
  . as $rows
  | ([.[] | select(.variant == "malloc" or .variant == "arena")] | common_largest_arg) as $n
  | ($rows | at("malloc"; $n)) as $m | ($rows | at("arena"; $n)) as $a
  | if $m == null or $a == null then generic_takeaway("ns"; "took"; "time per object")
    else "for N=\($n | count_h) objects, "
         + compare_sentence("malloc/free"; "the arena"; $m.ns; $a.ns; "took";
                            "time per object"; sig3 + " ns")
         + ([phase_sentence($m; $a; "build", "walk", "teardown")] as $p
            | if ($p | length) == 0 then ""
              else "; malloc vs arena per object: " + ($p | join(", ")) end)
         + (if $m.c.malloc_calls != null and $a.c.malloc_calls != null
            then "; malloc calls: \($m.c.malloc_calls | count_h) vs \($a.c.malloc_calls | count_h)"
            else "" end)
    end;
