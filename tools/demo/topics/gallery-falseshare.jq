# gallery-falseshare.jq - demo-gallery-falseshare's takeaway: each
# placement's time per increment against thread-local counters.
include "lib";

def takeaway:
  . as $rows
  | [ "one_line", "next_line", "two_lines", "local" ]
  | map(. as $w | ($rows | map(select(.variant == "falseshare/" + $w)) | .[0]) as $r
        | {w: $w, ns: ($r.ns // null)})
  | (map(select(.w == "local")) | .[0].ns) as $local
  | if $local == null or any(.[]; .ns == null) then ($rows | generic_takeaway("ns"; "took"; "time per increment"))
    else "counters on one line took \(.[0].ns | sig3) ns per increment, "
      + "\(.[1].ns | sig3) ns a line apart, \(.[2].ns | sig3) ns two lines apart, "
      + "\($local | sig3) ns on each thread's stack: one shared line costs "
      + "\((.[0].ns / $local) | times_h) the thread-local increment (on a busy machine the "
      + "two threads may not run at once, which hides it)" end;
