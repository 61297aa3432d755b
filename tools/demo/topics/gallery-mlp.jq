# gallery-mlp.jq - demo-gallery-mlp's takeaway: ns per load alone and with
# the most chases, and the fewest chases within 10% of the most.
include "lib";

def takeaway:
  ([.[] | select(.variant == "mlp" and .ns != null)] | sort_by(.arg)) as $r
  | if ($r | length) < 2 then generic_takeaway("ns"; "took"; "time per load")
    else $r[0] as $one | $r[-1] as $most
      | ([$r[] | select(.ns <= 1.1 * $most.ns)][0]) as $off
      | "one chase took \($one.ns | sig3) ns per load, \($most.arg) chases \($most.ns | sig3) ns "
        + "(\(($one.ns / $most.ns) | times_h) less per load); it levels off from "
        + "\($off.arg) chases, where the core's misses in flight (or memory) are full" end;
