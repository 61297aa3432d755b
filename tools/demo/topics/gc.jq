# gc.jq - demo-gc's takeaway: at the largest N both loops reached, the
# collections and ms in the collector of each (gc.c's collections and
# gc_ms counters, per pass) and the time per item.
include "lib";

def takeaway:
  . as $rows
  | ([.[] | select(.variant == "temp" or .variant == "reuse")] | common_largest_arg) as $n
  | ($rows | at("temp"; $n)) as $t | ($rows | at("reuse"; $n)) as $r
  | if $t == null or $r == null then generic_takeaway("collections"; "made"; "collections")
    else "for N=\($n | count_h) items, a temporary per item made the collector run "
         + "\($t.c.collections | sig3) times (\($t.c.gc_ms | sig3) ms with the program stopped), "
         + "the reused buffer \($r.c.collections | sig3) times; "
         + compare_sentence("the temporaries"; "the reused buffer"; $t.ns; $r.ns; "took";
                            "time per item"; sig3 + " ns")
    end;
