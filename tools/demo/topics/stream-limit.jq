# stream-limit.jq - demo-stream-limit's takeaway: under the limit, how each
# method's child ended, and the peak resident memory of those that
# completed.
include "lib";

def ended:
  if .c.completed == 1 then "completed"
  elif (.c.killed_by_signal // 0) > 0 then "killed by signal \(.c.killed_by_signal)"
  elif .c.allocation_failed == 1 then "allocation failed"
  else "did not complete" end;

def takeaway:
  . as $rows
  | [.[] | select(.c.limit_bytes != null)] as $at
  | if ($at | length) == 0 then generic_takeaway("ns"; "took"; "time per run")
    else "a \($at[0].arg | bytes_h) file under a \($at[0].c.limit_bytes | bytes_h) limit: "
      + ([$at[] | "\(.variant | sub("^limit_"; "")) \(ended)"
          + (if .c.completed == 1 and .c.peak_rss_bytes != null
             then " (\(.c.peak_rss_bytes | bytes_h) resident)" else "" end)] | join(", "))
    end;
