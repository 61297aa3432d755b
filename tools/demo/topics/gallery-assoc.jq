# gallery-assoc.jq - demo-gallery-assoc's takeaway: the power-of-two pitch
# against the same pitch plus a line, and the pitches that spiked.
include "lib";

def ns_at($pitch): map(select(.variant == "assoc" and .arg == $pitch)) | .[0].ns // null;

# The rule's threshold (src/report/rules/gallery.c, X3_MIN_RATIO): a pitch
# at 1.5x the padded pitch's cost or more is a spike.
def spike: 1.5;

def takeaway:
  . as $rows
  | (ns_at(4096)) as $p2 | (ns_at(4160)) as $pad
  | if $p2 == null or $pad == null or $pad == 0 then generic_takeaway("ns"; "took"; "time per load")
    else ([$rows[] | select(.variant == "assoc" and .arg != null and .ns >= spike * $pad)
           | .arg | bytes_h]) as $spikes
    | "rows 4096 B apart took \($p2 | sig3) ns per load, 4160 B apart \($pad | sig3) ns "
      + "(\(($p2 / $pad) | times_h)): "
      + (if $p2 >= spike * $pad
         then "at a power-of-two pitch all 16 lines fall in one cache set, more than its ways hold, so they come from the next level"
         else "no conflict showed at 4096 B here (more ways than 16 rows, or sets chosen by a hash)" end)
      + "; pitches at \(spike)x the padded one or more: "
      + (if ($spikes | length) == 0 then "none" else ($spikes | join(", ")) end) end;
