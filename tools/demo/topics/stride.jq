# stride.jq - demo-stride's takeaway: for the first variant (base pages),
# the time per read at the smallest
# stride, at the stride nearest 64 bytes, and at the largest, with how much
# the stride and the time grew between them.
include "lib";

def takeaway:
  . as $rows
  | (variant_order[0]) as $v
  | ([.[] | select(.variant == $v and .arg != null)] | sort_by(.arg)) as $r
  | ($r | min_by(.arg)) as $s
  | ($r | max_by(.arg)) as $l
  | ($r | min_by((.arg / 64 | log) | fabs)) as $m
  | if ($r | length) < 2 then generic_takeaway("ns"; "took"; "time per read")
    else (if $s.c.ws_bytes then "over a \($s.c.ws_bytes | bytes_h) buffer, " else "" end)
      + "a read every \($s.arg | bytes_h) took \($s.ns | sig3) ns"
      + (if $m.arg != $s.arg and $m.arg != $l.arg
         then ", every \($m.arg | bytes_h) \($m.ns | sig3) ns (\(($m.ns / $s.ns) | times_h) the time for "
              + "\(($m.arg / $s.arg) | times_h) the stride)" else "" end)
      + ", every \($l.arg | bytes_h) \($l.ns | sig3) ns (\(($l.ns / $s.ns) | times_h) the time for "
      + "\(($l.arg / $s.arg) | times_h) the stride)"
    end;
