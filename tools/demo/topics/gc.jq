# gc.jq - demo-gc's takeaway: at the largest N both loops reached, the
# collections and ms in the collector of each (gc.c's collections and
# gc_ms counters, per pass) and the time per item.
include "lib";

def takeaway:
  . as $rows
  | ([.[] | select(.variant == "temp" or .variant == "reuse")] | common_largest_arg) as $n
  | ($rows | at("temp"; $n)) as $t | ($rows | at("reuse"; $n)) as $r
  | if $t == null or $r == null then
      # Renamed variants: compare the collections when the rows still
      # count them, else the time, as every other demo does.
      (if metric_name("collections"; $rows) != null
       then generic_takeaway("collections"; "made"; "collections")
       else generic_takeaway("ns"; "took"; "time per item") end)
    else "for N=\($n | count_h) items, a temporary per item made the collector run "
         + "\($t.c.collections | sig3) times (\($t.c.gc_ms | sig3) ms with the program stopped), "
         + "the reused buffer \($r.c.collections | sig3) times; "
         + compare_sentence("the temporaries"; "the reused buffer"; $t.ns; $r.ns; "took";
                            "time per item"; sig3 + " ns")
    end;
