# queue.jq - demo-queue's takeaway: at the largest input both queues
# handled, the unbounded queue's peak heap bytes against the bounded one's
# (queue.c's peak_queued_bytes, exact) and how each grew from the smallest
# input; then a thread per message against the worker pool, in time and in
# peak resident memory (rss_over_baseline).
include "lib";

# The peak as the report judges S3 (src/report/rules/queue.c): the
# unbounded queue's smallest repetition, the bounded one's largest, so
# that the claim rests on its least favourable figures.
def peak: if .variant == "unbounded" then .lo.peak_queued_bytes // .c.peak_queued_bytes
          else .hi.peak_queued_bytes // .c.peak_queued_bytes end;

# "grew 95x from 1k to 100k messages" for one variant's rows.
def growth($v):
  [.[] | select(.variant == $v and peak != null)] | sort_by(.arg)
  | if length < 2 then null
    else .[0] as $s | .[-1] as $l
    | (($l | peak) / ([$s | peak, 1] | max)) as $r
    | "\($v) " + (if $r < 1.1 then "stayed within 10%" else "grew \($r | times_h)" end)
      + " from \($s.arg | count_h) to \($l.arg | count_h) messages" end;

def takeaway:
  . as $rows
  | ([.[] | select(.variant == "bounded" or .variant == "unbounded")] | common_largest_arg) as $n
  | ($rows | at("bounded"; $n)) as $b | ($rows | at("unbounded"; $n)) as $u
  | ([.[] | select(.variant == "pool" or .variant == "thread_per_item")] | common_largest_arg) as $m
  | ($rows | at("pool"; $m)) as $p | ($rows | at("thread_per_item"; $m)) as $t
  | [ (if $b == null or $u == null or ($b | peak) == null then empty else
         "with \($n | count_h) messages, "
         + compare_sentence("the unbounded queue"; "the bounded one"; ($u | peak); ($b | peak);
                            "held"; "peak heap bytes"; bytes_h)
         + " (its smallest repetition against the bounded one's largest, as the report)"
         + ([($rows | growth("unbounded")), ($rows | growth("bounded"))] | map(select(. != null))
            | if length == 0 then "" else " (" + join(", ") + ")" end) end),
      (if $p == null or $t == null then empty else
         "with \($m | count_h) messages, "
         + compare_sentence("a thread per message"; "the pool"; $t.ns; $p.ns;
                            "took"; "time per message"; time_h)
         + (if $t.c.rss_over_baseline == null or $p.c.rss_over_baseline == null then ""
            else " and " + compare_sentence("it"; "the pool"; $t.c.rss_over_baseline; $p.c.rss_over_baseline;
                                            "held"; "peak resident memory"; bytes_h)
                           | sub("^ and it and the pool"; " and both") end) end) ]
  | if length == 0 then ($rows | generic_takeaway("ns"; "took"; "time per message"))
    else join("; ") end;
