# lib.jq - what every demo does with a bench program's JSON: cases to
# rows, figures to short text, the table, the plot data, and the pieces a
# takeaway is built from.  Used by tools/demo/run.sh (jq -L tools/demo).
#
# A row is one case, its repetitions reduced to medians:
#   {variant, arg, ns, clock, wall_ns, reps, c: {counter: median, ...},
#    lo: {counter: min, ...}, hi: {counter: max, ...}}
# variant is the case name between the bench name and the last part; arg
# is the last part when it is a number (else null and the variant keeps
# it).  ns is the time per item the claims report judges the case by (so
# a lesson and a demo quote the report's figure): the median over the
# repetitions of CPU time per item, or of wall-clock time for the cases
# whose work runs outside the main thread (clock says which: "cpu" or
# "wall"; see wall_clock_case in plots/cases.jq); per iteration when the case sets no item
# count.
# wall_ns is the median wall-clock time per item whatever the clock (the
# report's page-fault shares read it).  Every user counter of the case is
# in c, whatever its name, so a demo works with cases it does not know by
# name; bytes_per_second appears as c.MB_per_s.  lo and hi hold each
# counter's smallest and largest repetition, for a takeaway whose claim
# the report judges on them (S3: the bounded queue's largest peak, the
# unbounded one's smallest).

include "cases" {search: "../../plots"};

# Keys of a result that are Google Benchmark's own, not user counters.
def gb_keys:
  ["name", "family_index", "per_family_instance_index", "run_name", "run_type",
   "repetitions", "repetition_index", "threads", "iterations", "real_time",
   "cpu_time", "time_unit", "label", "error_occurred", "error_message",
   "items_per_second", "bytes_per_second", "aggregate_name", "aggregate_unit"];

# Name, variant and arg of one case.
def split_name:
  (.run_name | case_parts) as $p
  | ($p[-1] | tonumber? // null) as $n
  | if $n != null and ($p | length) >= 3
    then {variant: ($p[1:-1] | join("/")), arg: $n}
    else {variant: ($p[1:] | join("/")), arg: null} end;

# The variants in the order the program ran them.
def variant_order:
  reduce .[].variant as $v ([]; if any(.[]; . == $v) then . else . + [$v] end);

def rows:
  [ .benchmarks[]
    | select(.run_type == "iteration" and ((.error_occurred // false) | not))
    | . + split_name
    | . + (if .bytes_per_second then {MB_per_s: (.bytes_per_second / 1e6)} else {} end) ]
  # Registration order: interleaved repetitions write cases in a random one.
  | sort_by(.family_index // 0, .per_family_instance_index // 0)
  | variant_order as $order
  | group_by([.variant, .arg])
  # Without the repetitions that ran while the host was slow, as the
  # report and the plots (DEMO_SLOW_LIMIT: scripts/slow-limit.sh).
  | ($ENV.DEMO_SLOW_LIMIT // "" | tonumber? // null) as $limit
  | map( unslowed($limit) | . as $reps
         | ($reps | map(to_entries[] | select(.value | type == "number")
                                     | .key | select(. as $k | gb_keys | index($k) | not))
                  | unique) as $counters
         | (if $reps[0].run_name | case_parts | join("/") | wall_clock_case
            then "wall" else "cpu" end) as $clock
         | { variant: $reps[0].variant, arg: $reps[0].arg,
             ns: ($reps | map(ns_of(if $clock == "wall" then "real_time" else "cpu_time" end)
                                | select(. != null)) | median),
             clock: $clock,
             wall_ns: ($reps | map(ns_of("real_time") | select(. != null)) | median),
             reps: ($reps | length),
             c: (reduce $counters[] as $k ({}; . + {($k): ($reps | map(.[$k] // empty) | median)})),
             lo: (reduce $counters[] as $k ({}; . + {($k): ($reps | map(.[$k] // empty) | min)})),
             hi: (reduce $counters[] as $k ({}; . + {($k): ($reps | map(.[$k] // empty) | max)})) } )
  | sort_by(.variant as $v | ($order | index($v)), .arg);

# --- numbers as short text ----------------------------------------------------

# Three significant figures, no exponent for the sizes a demo prints.
def sig3:
  if . == null then "-"
  elif . == 0 then "0"
  else (if . < 0 then -. else . end) as $a
       | (if $a >= 100 then 1 elif $a >= 10 then 10 elif $a >= 1 then 100
          elif $a >= 0.1 then 1000 else 10000 end) as $k
       | ((. * $k | round) / $k | tostring) end;

# 1536 -> "1.5 KiB"
def bytes_h:
  if . == null then "-" else
  . as $b
  | [["GiB", 1073741824], ["MiB", 1048576], ["KiB", 1024]]
  | map(select($b >= .[1])) | .[0] as $u
  | if $u == null then "\($b | round) B" else "\($b / $u[1] | sig3) \($u[0])" end end;

# 2796202 -> "2.8M" (counts of elements, objects, calls)
def count_h:
  if . == null then "-" else
  . as $n
  | [["G", 1e9], ["M", 1e6], ["k", 1e3]] | map(select($n >= .[1])) | .[0] as $u
  | if $u == null then ($n | sig3) else "\($n / $u[1] | sig3)\($u[0])" end end;

# 35290 -> "35.3 us" (a time in ns, in the unit that keeps it short)
def time_h:
  if . == null then "-"
  elif . >= 1e9 then "\(. / 1e9 | sig3) s"
  elif . >= 1e6 then "\(. / 1e6 | sig3) ms"
  elif . >= 1e3 then "\(. / 1e3 | sig3) us"
  else "\(sig3) ns" end;

# The last part of the case names: what it is called and how it reads,
# as the topic says (DEMO_ARGNAME, DEMO_ARGKIND=count|bytes in the
# environment; run.sh exports them).
def argname: $ENV.DEMO_ARGNAME // "N";
def arg_h: if ($ENV.DEMO_ARGKIND // "count") == "bytes" then bytes_h else count_h end;

# How a figure reads in a table: by the kind of counter its name suggests.
def figure_h($name):
  if $name == "ns" then time_h
  elif ($name | test("MB_per_s")) then sig3 + " MB/s"
  elif ($name | test("bytes|rss|_mem|memory"; "i")) and ($name | test("per_"; "i") | not) then bytes_h
  else count_h end;

# "23x" or "1.4x"; a ratio below 1.1 reads as about the same.
def times_h: if . >= 10 then "\(round)x" else "\(. * 10 | round / 10)x" end;

# --- choosing what to show ------------------------------------------------------

# The figure a demo plots and compares: "ns", or the first counter whose
# name matches the regex $m (null when no counter matches).
def metric($m):
  if $m == "ns" then .ns
  else ([.c | to_entries[] | select(.key | test($m; "i")) | .value][0]) end;

def metric_name($m; $rows):
  if $m == "ns" then "ns"
  else ([$rows[].c | keys[] | select(test($m; "i"))] | unique | .[0]) end;

# One row per variant: its largest arg.
def largest_rows: . as $all
  | variant_order | map(. as $v | [$all[] | select(.variant == $v)] | max_by(.arg // 0));

# The largest arg every variant reached (null when they share none).
def common_largest_arg:
  (group_by(.variant) | map(map(.arg))) as $sets
  | ($sets[0] // []) | map(select(. as $a | $sets | all(index([$a]) != null))) | max;

def at($variant; $arg): [.[] | select(.variant == $variant and .arg == $arg)][0];

# --- the table -------------------------------------------------------------------

# Pads the cells of a list of rows (lists of strings) into aligned text;
# the first column left-aligned, the others right-aligned.
def aligned:
  . as $t
  | [range(0; $t[0] | length) as $i | [$t[][$i] | length] | max] as $w
  | $t[] | [ range(0; length) as $i
             | .[$i] as $cell
             | ($w[$i] - ($cell | length)) as $pad
             | if $i == 0 then $cell + (" " * $pad // "")
               else (" " * $pad // "") + $cell end ]
  | "  " + join("   ");

# The caption under a table: which statistic its figures are, so that a
# reader can match them with the report's ("median CPU time per record,
# as the report").  $time, $mbs: whether the table shows times per item,
# and MB/s.
def caption($time; $mbs):
  ([.[].reps | numbers] | unique) as $r
  | (if ($r | length) == 0 then "medians of the repetitions"
     elif ($r | length) == 1 and $r[0] == 1 then "one repetition"
     elif ($r | length) == 1 then "medians of \($r[0]) repetitions"
     else "medians of \($r | min)-\($r | max) repetitions" end) as $med
  | ([.[].clock | strings] | unique) as $clocks
  | ($ENV.DEMO_ITEM // "item") as $item
  | "  (" + $med
    + (if ($time | not) or $clocks == [] then ""
       elif $clocks == ["wall"] then "; time per \($item): wall-clock time, as the report where it "
            + "times them: the work runs on other threads or in a child, outside the main "
            + "thread's CPU time"
       elif $clocks == ["cpu"] then "; time per \($item): CPU time, as the report"
       else "; time per \($item): CPU time, wall-clock for "
            + ([.[] | select(.clock == "wall") | .variant] | unique | join(", ")) + ", as the report" end)
    + (if $mbs then "; MB/s: bytes per second of wall-clock time" else "" end)
    + ")";

# Variants down, args across, the metric in each cell; the caption under.
def sweep_table($m):
  . as $rows
  | ([.[].arg] | unique) as $args
  | (([["variant"] + ($args | map("\(argname)=\(arg_h)"))]
      + (variant_order | map(. as $v
          | [$v] + ($args | map(. as $a | ($rows | at($v; $a)) | if . == null then "-" else (metric($m) | figure_h(metric_name($m; $rows) // $m)) end)))))
     | aligned),
    ($rows | caption($m == "ns"; $m | test("MB_per_s")));

# Each variant at its largest arg: the arg, ns per item, and the counters
# whose names match the regex $cols (all of them, up to five, when none do).
def largest_table($cols):
  . as $rows
  | ([.[].c | keys[]] | unique) as $all
  | ([$all[] | select(test($cols; "i"))] | if length == 0 then $all[0:5] else . end) as $names
  | ([["variant", argname, "ns/\($ENV.DEMO_ITEM // "item")"] + $names]
     + (largest_rows | map([.variant, (.arg | arg_h), (.ns | sig3)]
                           + (. as $r | $names | map(. as $n | $r.c[$n] | figure_h($n))))))
  | aligned, ($rows | caption(true; $names | index("MB_per_s") != null));

# --- the plot data --------------------------------------------------------------

# gnuplot blocks: one per variant (two blank lines apart), "arg<TAB>y".
def plot_tsv($m):
  . as $rows
  | variant_order[] as $v
  | ([$rows[] | select(.variant == $v and .arg != null) | [.arg, metric($m)]
       | select(.[1] != null) | map(tostring) | join("\t")] + ["", ""])[];

# --- pieces of a takeaway ---------------------------------------------------------

# "X took 23x the time per element of Y (307 ns vs 13 ns)" from two measured
# figures; "about the same" when they are within 10% of each other, so a
# sentence never claims a difference the figures do not show.  fmt formats
# one figure.
def compare_sentence($na; $nb; $a; $b; $verb; $noun; fmt):
  if $a == null or $b == null then null
  elif $b == 0 and $a == 0 then "\($na) and \($nb) both \($verb) 0 \($noun)"
  elif $b == 0 then "\($na) \($verb) \($a | fmt) \($noun), \($nb) none"
  else ($a / $b) as $r
  | if $r < 1.1 and $r > (1 / 1.1)
    then "\($na) and \($nb) \($verb) about the same \($noun) (\($a | fmt) vs \($b | fmt))"
    else "\($na) \($verb) \($r | times_h) the \($noun) of \($nb) (\($a | fmt) vs \($b | fmt))" end
  end;

# The variants with the largest and the smallest figure at one arg.
def extremes($m; $arg):
  [.[] | select(.arg == $arg) | {variant, v: metric($m)} | select(.v != null)]
  | if length == 0 then null else {hi: max_by(.v), lo: min_by(.v)} end;

# When a demo finds none of the variants it knows by name: the largest and
# smallest figure among the variants there are, at the largest arg they
# all reached, and a word that it read the cases as they came.
def generic_takeaway($m; $verb; $noun):
  . as $rows
  | (common_largest_arg // ([.[].arg] | max)) as $arg
  | metric_name($m; $rows) as $name
  | (extremes($m; $arg)) as $e
  | if $e == null or $name == null then "no case reported the figure this demo compares (\($m)); see the table"
    else "at \(argname)=\($arg | arg_h), " +
         compare_sentence($e.hi.variant; $e.lo.variant; $e.hi.v; $e.lo.v; $verb; $noun; figure_h($name)) +
         " (variants read from the results as they are)" end;

# --- choosing the cases -----------------------------------------------------------

# Up to $k of the sorted positive numbers $args, as evenly spaced on a log
# scale as they allow: for each of $k targets from the smallest to the
# largest, the arg nearest to it (sweeps are denser near cache sizes, so
# spacing by position would crowd there).
def spread_log($args; $k):
  ($args[0] | log) as $lo | ($args[-1] | log) as $hi
  | [ range(0; $k) as $i
      | ($lo + ($hi - $lo) * $i / ($k - 1)) as $t
      | $args | min_by((log - $t) | fabs) ]
  | unique;

# From the program's --benchmark_list_tests output (raw text): the cases
# at up to $k args spread over all the args listed, smallest and largest
# included (every arg when $k is 0), for every variant that has them;
# cases without a numeric arg are all kept.  With DEMO_COMMON_ARGS=1 in
# the environment, only the args every variant has (so that all variants
# are compared at the same sizes).  Rows {variant, arg, name}.
def picked($k):
  [ split("\n")[] | select(length > 0)
    | {run_name: .} | . + split_name
    | {variant, arg, name: (.run_name | case_parts | join("/"))} ]
  | variant_order as $order
  | unique_by(.name)
  | (if $ENV.DEMO_COMMON_ARGS == "1"
     then [group_by(.variant)[] | map(.arg | select(. != null)) | unique]
          | . as $sets | ($sets[0] // []) | map(select(. as $a | $sets | all(index([$a]) != null)))
     else [.[].arg | select(. != null)] | unique end) as $args
  | ($args | length) as $n
  | (if $n <= $k or $k < 1 then $args
     elif $k == 1 then [$args[-1]]
     elif $args[0] > 0 then
       # Round sizes read best in a table: powers of two when there are enough.
       ($args | map(select(. as $x | ($x | log2 | round) as $e | pow(2; $e) == $x))) as $p2
       | if ($p2 | length) >= $k then spread_log($p2; $k) else spread_log($args; $k) end
     else [range(0; $k) | $args[(. * ($n - 1) / ($k - 1)) | round]] | unique end) as $keep
  | map(select(.arg == null or (.arg as $a | $keep | index([$a]) != null)))
  | sort_by(.variant as $v | ($order | index($v)), .arg // 0);

# A --benchmark_filter that matches exactly the picked cases.
def pick_filter($k):
  picked($k) | map(.name | gsub("(?<c>[.+*?()\\[\\]{}|^$\\\\])"; "\\\(.c)"))
  | if length == 0 then "" else "^(" + join("|") + ")(/|$)" end;

# --- a stored run (the lessons' figures) --------------------------------------------

# The run's cases whose names match $re, cut down to the ones picked($k)
# would pick from them, as rows: what a demo would have run, read from a
# stored JSON file instead.
def stored_rows($re; $k):
  ([.benchmarks[] | select(.run_type == "iteration") | .run_name | case_parts | join("/")]
   | unique | map(select(test($re))) | join("\n") | picked($k) | map(.name)) as $keep
  | .benchmarks |= map(select((.run_name | case_parts | join("/")) as $n | $keep | index([$n]) != null))
  | rows;

# --- what page faults cost ------------------------------------------------------

# One sentence on how much of a case's time went on first-touch page
# faults: its faults counter (per iteration: a build, a pass) times the
# machine's calibrated cost of one fault ($fault_us, machine.json's
# page_fault_us), against its time per iteration (ns per item times the
# arg: the topics that use it count arg items per iteration; wall-clock
# time, as the report's fault shares: src/report/fault_share.c), as
# "N faults x C us = T ms of the M ms per build (P%)", for the rows with
# the fewest and the most faults at the largest arg that has any.
# The calibrated cost is that of a fresh anonymous page; a topic whose
# variants also fault in other pages (mmap's page-cache pages) names the
# ones to weigh with DEMO_FAULT_VARIANTS (a regex; every variant when
# unset), and DEMO_ITERATION says what one iteration is ("build").
# Empty without a cost; a run whose rows have no faults counter at all
# (made before the bench recorded it) says the figure needs a new run.
def fault_note($fault_us):
  ($ENV.DEMO_ITERATION // "iteration") as $per
  | if ($fault_us | type) != "number" or $fault_us <= 0 then empty
  elif all(.[]; (.c.faults | type) != "number") then
    "a first touch of a page cost \($fault_us | sig3) us on this machine (calibrated), "
    + "but these figures have no faults counter (the run predates it): how much of the "
    + "time that explains appears once the run is made again (for a lesson, at the next "
    + "reference run)"
  else
    [.[] | select((.c.faults | type) == "number" and .c.faults > 0
                  and ((.wall_ns // .ns) | type) == "number" and (.wall_ns // .ns) > 0
                  and (.arg | type) == "number"
                  and (.variant | test($ENV.DEMO_FAULT_VARIANTS // "")))]
    | (map(.arg) | max) as $n
    | [.[] | select(.arg == $n)] as $rows
    | if ($rows | length) == 0 then empty else
        def share: (.c.faults * $fault_us * 1000) as $f | ((.wall_ns // .ns) * $n) as $t
          | "\(.variant): \(.c.faults | count_h) faults x \($fault_us | sig3) us = "
            + "\($f | time_h) of the \($t | time_h) per \($per) "
            + (if $f <= $t then "(\($f / $t * 100 | floor)%)"
               else "(more than all of it: these faults cost less than the calibration's)" end);
        ($rows | min_by(.c.faults)) as $lo | ($rows | max_by(.c.faults)) as $hi
        | "a first touch of a page cost \($fault_us | sig3) us on this machine "
          + "(calibrated); at \(argname)=\($n | arg_h), "
          + ($lo | share)
          + (if $hi.variant != $lo.variant then "; " + ($hi | share) else "" end)
      end
  end;
