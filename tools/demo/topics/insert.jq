# insert.jq - demo-insert's takeaway: the list against the array at the
# largest N both reached, and the Ns at which the list was faster, if any.
include "lib";

def takeaway:
  . as $rows
  | ([.[] | select(.variant == "array" or .variant == "list")] | common_largest_arg) as $n
  | ($rows | at("array"; $n)) as $a | ($rows | at("list"; $n)) as $l
  | [ $rows[] | select(.variant == "list") | . as $x
      | ($rows | at("array"; $x.arg)) as $y | select($y != null and $x.ns < $y.ns) | .arg ] as $wins
  | if $a == null or $l == null then generic_takeaway("ns"; "took"; "time per operation")
    else "at N=\($n | count_h), "
      + compare_sentence("the list"; "the array"; $l.ns; $a.ns; "took"; "time per operation"; time_h)
      + (if ($wins | length) == 0 then "; the list was faster at none of the N measured"
         else "; the list was faster at N = " + ($wins | map(count_h) | join(", ")) end)
    end;
