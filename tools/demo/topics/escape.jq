# escape.jq - demo-escape's takeaway: the heap-returning function against
# the value-returning one, in time and in allocations per call, and the
# arena's time against the value's.
include "lib";

def takeaway:
  . as $rows
  | ([.[] | select(.variant == "value" or .variant == "heap")] | common_largest_arg) as $n
  | ($rows | at("value"; $n)) as $v | ($rows | at("heap"; $n)) as $h
  | ($rows | at("arena"; $n)) as $a
  | if $v == null or $h == null then generic_takeaway("ns"; "took"; "time per call")
    else compare_sentence("returning through the heap"; "returning by value"; $h.ns; $v.ns;
                          "took"; "time per call"; time_h)
      + " with \($h.c.malloc_per_call // "?" | tostring) vs \($v.c.malloc_per_call // "?" | tostring) malloc calls per call"
      + (if $a == null then "" else "; the same escape on an arena: "
           + "\(($a.ns / $v.ns) | times_h) the time by value (\($a.ns | time_h)), "
           + "\($a.c.malloc_per_call | sig3) malloc calls per call" end)
    end;
