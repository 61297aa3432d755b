# gallery-prefetch.jq - demo-gallery-prefetch's takeaway: each order's time
# per line against the random walk's, and what the pages change.
include "lib";

def ns_of($v): map(select(.variant == $v)) | .[0].ns // null;

def takeaway:
  (ns_of("prefetch/sequential")) as $s | (ns_of("prefetch/stride")) as $t
  | (ns_of("prefetch/random")) as $r | (ns_of("tlb/within_base")) as $w
  | (ns_of("tlb/across_base")) as $a | (ns_of("tlb/across_huge")) as $h
  | if $s == null or $t == null or $r == null then generic_takeaway("ns"; "took"; "time per load")
    else "sequential took \($s | sig3) ns per line, every 8th line \($t | sig3) ns, random "
      + "\($r | sig3) ns (\(($r / $s) | times_h) sequential): the prefetcher fetched the "
      + "predictable lines ahead"
      + (if $w == null or $a == null or $h == null then "" else
         "; at random within each page \($w | sig3) ns, across pages \($a | sig3) ns, "
         + "across huge pages \($h | sig3) ns: crossing 4 KiB pages costs "
         + "\(($a / $w) | times_h)" end) end;
