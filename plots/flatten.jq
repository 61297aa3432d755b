# flatten.jq - one TSV row per case from a Google Benchmark JSON file.
#
# Usage: jq -r --arg counters "elements,ws_bytes" --arg output rows \
#           -f plots/flatten.jq run/x.json
#        (--arg output variants prints only the variants, one per line,
#        in block order: gnuplot's legend titles.  --argjson slow_limit NS
#        leaves out the repetitions whose host check took NS or more, where
#        two others of the case remain: the report's rule, src/report/run.h;
#        scripts/plot.sh passes scripts/slow-limit.sh's.  --arg leave_out
#        REGEX leaves out the variants it matches: a plot script's
#        "# leave out:" line, for cases a program runs beside others that
#        the plot does not draw.)
#
# Case names are <bench>/<variant>/<arg> (then the library's suffixes).  Rows come in blocks, one block
# per variant in the order the program registered them, separated by two blank
# lines (gnuplot's "index"); within a block, by arg ascending.  Columns:
#   variant arg ns_med ns_min ns_max reps <counters...>
# ns_* are nanoseconds per item over the repetitions: median, smallest,
# largest, by the clock the claims report judges the case by (CPU time,
# or wall time for threaded and child-process cases: cases.jq).  Each counter is its median over
# the repetitions; a counter named NAME.min or NAME.max is the smallest or
# largest of NAME over them (the spread a plot draws as bars).  Failed cases (error_occurred) are left out, and so
# are cases whose last part is not a number.
#
# Names come from a file anyone may have written, so a variant is printed
# as text that keeps the TSV and gnuplot's word lists whole (shown, below);
# gnuplot reads it as data (plots/draw.gp), never as code.

# A variant as one TSV field and one gnuplot word: control characters
# (a tab or a newline would cut the row) as visible escapes, quotes (which
# group words in gnuplot's word()) as typographic ones, spaces as no-break
# spaces.  Printed, the name reads the same.
include "cases" {search: "./"};

def shown:
  gsub("\t"; "\\t") | gsub("\n"; "\\n") | gsub("\r"; "\\r")
  | gsub("[[:cntrl:]]"; "?")
  | gsub("'"; "\u2019") | gsub("\""; "\u201d") | gsub(" "; "\u00a0");

# One counter's column over the repetitions of one case.
def counter_column($c):
  if ($c | endswith(".min")) then map(.[$c[:-4]]) | map(select(. != null)) | min
  elif ($c | endswith(".max")) then map(.[$c[:-4]]) | map(select(. != null)) | max
  else map(.[$c]) | map(select(. != null)) | median end;

# Nanoseconds per item of one repetition by the clock the report judges
# the case by (cases.jq): CPU time, or wall time for the threaded and
# child-process cases.
def ns_per_item:
  ns_of(.run_name | case_parts | join("/") | report_clock);

($ARGS.named.slow_limit // null) as $limit
| ($counters | split(",") | map(select(length > 0))) as $cols
| [ .benchmarks[]
    | select(.run_type == "iteration" and ((.error_occurred // false) | not)
             and (.run_name | type) == "string")
    | (.run_name | case_parts) as $parts
    | . + { variant: ($parts[1:-1] | join("/") | shown), arg: ($parts[-1] | tonumber? // null) }
    | select(.arg != null)
    | select(($ARGS.named.leave_out // "") as $skip
             | $skip == "" or (.variant | test($skip) | not)) ]
# Registration order, not the order of the file: with interleaved
# repetitions a case is written when its last repetition ends, in an order
# that changes from run to run (and with it the legend and the colours).
| sort_by(.family_index // 0, .per_family_instance_index // 0)
| (reduce .[].variant as $v ([]; if any(.[]; . == $v) then . else . + [$v] end)) as $order
| if $output == "variants" then $order[] else
  ("# " + (["variant", "arg", "ns_med", "ns_min", "ns_max", "reps"] + $cols | join("\t"))),
  ( $order[] as $v
    | ( [ .[] | select(.variant == $v) ]
        | group_by(.arg)
        | map( unslowed($limit)
               | (map(ns_per_item) | map(select(. != null))) as $ns
               | [ $v, .[0].arg, ($ns | median), ($ns | min), ($ns | max), length ]
                 + [ $cols[] as $c | counter_column($c) ] )
        | .[] | map(if . == null then "NaN" else tostring end) | join("\t") ),
      "", "" )
  end
