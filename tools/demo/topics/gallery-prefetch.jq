# gallery-prefetch.jq - demo-gallery-prefetch's takeaway: each order's time
# per line against the random walk's.
include "lib";

def ns_of($v): map(select(.variant == $v)) | .[0].ns // null;

def takeaway:
  (ns_of("prefetch/sequential")) as $s | (ns_of("prefetch/stride")) as $t
  | (ns_of("prefetch/random")) as $r
  | if $s == null or $t == null or $r == null or $s == 0 then generic_takeaway("ns"; "took"; "time per load")
    else "sequential took \($s | sig3) ns per line, every 8th line \($t | sig3) ns, random "
      + "\($r | sig3) ns (\(($r / $s) | times_h) sequential): "
      + (if $r >= 2 * $s and $r >= 2 * $t
         then "the prefetcher fetched the predictable lines ahead"
         else "the prefetcher did not hide the latency of both patterns here" end) end;
