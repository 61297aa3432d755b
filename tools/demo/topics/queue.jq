# queue.jq - demo-queue's takeaway: at the largest input every variant
# handled, the variant holding the most memory at its peak against the one
# holding the least (counter names matched loosely: queued, peak, rss).
include "lib";

def takeaway:
  . as $rows
  | metric_name("queued|peak|rss"; $rows) as $name
  | common_largest_arg as $n
  | extremes("queued|peak|rss"; $n) as $e
  | if $name == null or $e == null then generic_takeaway("ns"; "took"; "time per item")
    else "with N=\($n | count_h) items, "
         + compare_sentence($e.hi.variant; $e.lo.variant; $e.hi.v; $e.lo.v;
                            "held"; "memory at its peak (\($name))"; figure_h($name)) end;
