# lines.jq - demo-lines' takeaway: for each line-length distribution, the
# copy against the view at the largest text both read, in time per line,
# with the copy's allocations per line.
include "lib";

def takeaway:
  . as $rows
  | variant_order | map(select(startswith("copy/")))
  | map(. as $c | ($c | sub("^copy/"; "view/")) as $w
        | ([$rows[] | select(.variant == $c or .variant == $w)] | common_largest_arg) as $n
        | ($rows | at($c; $n)) as $x | ($rows | at($w; $n)) as $y
        | select($x != null and $y != null)
        | "\($c | sub("^copy/"; "")) lines: "
          + (($x.ns / $y.ns) as $r
             | if $r < 1.1 and $r > 1 / 1.1 then "about the same"
               else "copy \($r | times_h) the view's time" end)
          + " (\($x.ns | time_h) vs \($y.ns | time_h), \($x.c.allocs_per_line | sig3) vs "
          + "\($y.c.allocs_per_line | sig3) allocations a line)")
  | if length == 0 then ($rows | generic_takeaway("ns"; "took"; "time per line"))
    else "reading the \($rows | [.[].arg] | max | bytes_h) text, " + join("; ") end;
