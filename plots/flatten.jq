# flatten.jq - one TSV row per case from a Google Benchmark JSON file.
#
# Usage: jq -r --arg counters "elements,ws_bytes" --arg output rows \
#           -f plots/flatten.jq run/x.json
#        (--arg output variants prints only the variants, space-separated,
#        in block order: gnuplot's legend titles.)
#
# Case names are <bench>/<variant>/<arg> (then the library's suffixes).  Rows come in blocks, one block
# per variant in the order the program registered them, separated by two blank
# lines (gnuplot's "index"); within a block, by arg ascending.  Columns:
#   variant arg ns_med ns_min ns_max reps <counters...>
# ns_* are nanoseconds per item (1e9 / items_per_second) over the
# repetitions: median, smallest, largest.  Each counter is its median over
# the repetitions.  Failed cases (error_occurred) are left out.

# The parts of a case name, without the suffixes Google Benchmark adds for
# its own options ("real_time", "threads:2", ...).
def case_parts:
  split("/") | map(select(test("^(real_time|manual_time|process_time)$|:") | not));

def median:
  sort | if length == 0 then null
         elif length % 2 == 1 then .[(length - 1) / 2]
         else (.[length / 2 - 1] + .[length / 2]) / 2 end;

def ns_per_item:
  if .items_per_second then 1e9 / .items_per_second else null end;

($counters | split(",") | map(select(length > 0))) as $cols
| [ .benchmarks[]
    | select(.run_type == "iteration" and ((.error_occurred // false) | not))
    | (.run_name | case_parts) as $parts
    | . + { variant: ($parts[1:-1] | join("/")), arg: ($parts[-1] | tonumber) } ]
# Registration order, not the order of the file: with interleaved
# repetitions a case is written when its last repetition ends, in an order
# that changes from run to run (and with it the legend and the colours).
| sort_by(.family_index // 0, .per_family_instance_index // 0)
| (reduce .[].variant as $v ([]; if any(.[]; . == $v) then . else . + [$v] end)) as $order
| if $output == "variants" then ($order | join(" ")) else
  ("# " + (["variant", "arg", "ns_med", "ns_min", "ns_max", "reps"] + $cols | join("\t"))),
  ( $order[] as $v
    | ( [ .[] | select(.variant == $v) ]
        | group_by(.arg)
        | map( (map(ns_per_item) | map(select(. != null))) as $ns
               | [ $v, .[0].arg, ($ns | median), ($ns | min), ($ns | max), length ]
                 + [ $cols[] as $c | (map(.[$c]) | map(select(. != null)) | median) ] )
        | .[] | map(if . == null then "NaN" else tostring end) | join("\t") ),
      "", "" )
  end
