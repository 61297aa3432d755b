# gallery-mountain.jq - demo-gallery-mountain's takeaway: for each stride,
# the time per read at the smallest and the largest working set, and how
# much one read per line costs against every element at the largest.
include "lib";

def takeaway:
  . as $rows
  | ([.[] | select(.arg != null) | .arg] | max) as $big
  | ([.[] | select(.arg != null) | .arg] | min) as $small
  | ($rows | at("mountain/s1"; $big)) as $e | ($rows | at("mountain/s16"; $big)) as $l
  | ($rows | at("mountain/s1"; $small)) as $es | ($rows | at("mountain/s16"; $small)) as $ls
  | if $e == null or $l == null or $es == null or $ls == null
    then generic_takeaway("ns"; "took"; "time per read")
    else "reading every element took \($es.ns | sig3) ns per read at \($small | bytes_h) and "
      + "\($e.ns | sig3) ns at \($big | bytes_h); one element per line \($ls.ns | sig3) ns and "
      + "\($l.ns | sig3) ns (\(($l.ns / $ls.ns) | times_h)): at \($big | bytes_h) one read per "
      + "line costs \(($l.ns / $e.ns) | times_h) a read of the next element" end;
