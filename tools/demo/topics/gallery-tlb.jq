# gallery-tlb.jq - demo-gallery-tlb's takeaway: what crossing pages adds
# to a random walk, and what huge pages take off it.
include "lib";

def row_of($v): map(select(.variant == $v)) | .[0] // null;

# The rule's threshold (src/report/rules/gallery.c, X6_MIN_RATIO).
def visible: 1.2;

def takeaway:
  (row_of("tlb/within_base")) as $w | (row_of("tlb/across_base")) as $a
  | (row_of("tlb/across_huge")) as $h
  | if $w == null or $a == null or $w.ns == 0 then generic_takeaway("ns"; "took"; "time per load")
    else "at random within each 4 KiB page a load took \($w.ns | sig3) ns, across pages "
      + "\($a.ns | sig3) ns (\(($a.ns / $w.ns) | times_h)): "
      + (if $a.ns >= visible * $w.ns
         then "most loads across pages also miss the TLB and wait for a page walk"
         else "crossing pages cost little here (a large TLB, or a walk the caches serve)" end)
      + (if $h == null or $h.ns == 0 then ""
         elif ($h.c.huge_fraction // 0) < 0.9
         then "; the huge-page walk got only \((($h.c.huge_fraction // 0) * 100) | round)% huge pages, so it says little (\($h.ns | sig3) ns)"
         else "; on 2 MiB pages the walk across took \($h.ns | sig3) ns: huge pages took "
           + "\(($a.ns / $h.ns) | times_h) off it" end) end;
