# queue-speedup.jq - demo-queue-speedup's takeaway: each pool size's
# speedup over one worker (wall-clock time per message), and the fewest
# workers within 10% of the fastest.
include "lib";

def takeaway:
  . as $rows
  | [.[] | select(.variant == "workers" and .ns != null)] | sort_by(.arg) as $w
  | ($w | map(select(.arg == 1)) | .[0]) as $one
  | if $one == null then ($rows | generic_takeaway("ns"; "took"; "time per message"))
    else ($w | min_by(.ns)) as $best
      | ([$w[] | select(.ns <= 1.1 * $best.ns)] | .[0].arg) as $knee
      | "on \($one.c.cpus_online // "?") CPUs, speedup over one worker: "
        + ([$w[] | "\(.arg) workers \($one.ns / .ns | . * 100 | round / 100)x"] | join(", "))
        + "; adding workers stopped helping at \($knee) (the fewest within 10% of the fastest)"
    end;
