# gallery-writes.jq - demo-gallery-writes's takeaway: a write pass against
# a read pass (write-allocate) and against streaming stores.
include "lib";

def ns_of($v): map(select(.variant == $v)) | .[0].ns // null;

# The rule's threshold (src/report/rules/gallery.c, X7_MIN_RATIO).
def visible: 1.25;

def takeaway:
  (ns_of("writes/read")) as $r | (ns_of("writes/write")) as $w
  | (ns_of("writes/rmw")) as $m | (ns_of("writes/stream")) as $s
  | if $r == null or $w == null or $r == 0 then generic_takeaway("ns"; "took"; "time per line")
    else "a plain write pass took \($w | sig3) ns per line, a read pass \($r | sig3) ns "
      + "(\(($w / $r) | times_h)): "
      + (if $w >= visible * $r
         then "each store first read its line into the cache (write-allocate), then wrote it back"
         else "write-allocate did not show here (the core may skip the read for whole-line stores, or memory was not the limit)" end)
      + (if $m == null then "" else "; read-modify-write \($m | sig3) ns" end)
      + (if $s == null or $s == 0 then ""
         elif $w >= visible * $s
         then "; streaming stores \($s | sig3) ns, \(($w / $s) | times_h) faster than plain stores: they skip that read"
         else "; streaming stores \($s | sig3) ns: no faster than plain stores here" end)
    end;
