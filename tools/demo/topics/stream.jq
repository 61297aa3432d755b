# stream.jq - demo-stream's takeaway: at the largest file every method
# read, reading it whole (slurp) against the method with the lowest peak
# resident memory (stream.c's rss_over_baseline), the other methods'
# figures, and the speeds (items are bytes of file: 1000 / ns is MB/s).
include "lib";

def rss: metric("^rss_over_baseline$");
def mbs: if .ns > 0 then "\(1000 / .ns | sig3) MB/s" else "-" end;

def takeaway:
  . as $rows
  | common_largest_arg as $n
  | [.[] | select(.arg == $n and rss != null)] as $at
  | ($at | map(select(.variant == "slurp")) | .[0]) as $whole
  | ($at | min_by(rss)) as $low
  | if $whole == null or $low == null then generic_takeaway("ns"; "took"; "time per byte")
    else "with a \($n | bytes_h) file in the page cache, "
      + compare_sentence("slurp (whole file)"; $low.variant; ($whole | rss); ($low | rss);
                         "held"; "peak resident memory"; bytes_h)
      + "; " + ([$at[] | select(.variant != "slurp" and .variant != $low.variant)
                 | "\(.variant) \(rss | bytes_h)"] | join(", "))
      + "; speed: " + ([$at[] | "\(.variant) \(mbs)"] | join(", "))
    end;
