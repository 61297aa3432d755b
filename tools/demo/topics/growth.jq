# growth.jq - demo-growth's takeaway: at the largest N both x2 and
# prealloc reached, what doubling reallocated and copied per byte appended
# (the preallocated array's final size is the bytes appended), which policy
# copied the most at that N (plus_k may stop earlier: its copying grows as
# N squared), and x2's time per append against prealloc's.  Counters
# from growth.c: reallocs, bytes_copied, peak_bytes.
include "lib";

def short: sub("^u64/"; "") | sub("/copy$"; "");

def takeaway:
  . as $rows
  | ([.[] | select(.variant | test("prealloc|(^|/)x2(/|$)"))] | common_largest_arg) as $n
  | [.[] | select(.arg == $n)] as $at
  | ($at | map(select(.variant | test("prealloc"))) | .[0]) as $pre
  | ($at | map(select(.variant | test("(^|/)x2(/|$)"))) | .[0]) as $x2
  | ($at | map(select(.c.bytes_copied != null)) | max_by(.c.bytes_copied)) as $most
  | if $pre == null or $x2 == null or $x2.c.bytes_copied == null or ($pre.c.peak_bytes // 0) == 0
    then generic_takeaway("ns"; "took"; "time per append")
    else ($pre.c.peak_bytes) as $appended
    | "at N=\($n | count_h) appends (\($appended | bytes_h)), x2 reallocated "
      + "\($x2.c.reallocs | count_h) times and copied \($x2.c.bytes_copied / $appended | sig3) "
      + "bytes per byte appended"
      + (if $most.variant == $x2.variant then ", the most of all policies"
         else "; \($most.variant | short) copied the most, \($most.c.bytes_copied / $appended | sig3) "
              + "per byte in \($most.c.reallocs | count_h) reallocations" end)
      + "; " + compare_sentence("x2"; "prealloc"; $x2.ns; $pre.ns; "took"; "time per append"; sig3 + " ns")
    end;
