# stride-latency.jq - demo-stride-latency's takeaway: for each variant, the time per load
# at its smallest and at its largest working set, and their ratio.
include "lib";

def takeaway:
  . as $rows
  | variant_order
  | map(. as $v | [$rows[] | select(.variant == $v and .arg != null)] | sort_by(.arg)
        | select(length >= 2)
        | .[0] as $s | .[-1] as $l
        | "\($v): a load took \($s.ns | sig3) ns with \($s.arg | arg_h) and "
          + "\($l.ns | sig3) ns with \($l.arg | arg_h), "
          + (if $s.ns > 0 then "\(($l.ns / $s.ns) | times_h) as long" else "" end))
  | if length == 0 then ($rows | generic_takeaway("ns"; "took"; "time per load"))
    else join("; ") end;
