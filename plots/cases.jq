# cases.jq - what a case's name and its times mean, as the claims report
# reads them (src/report/run.c): one copy for the plots (flatten.jq) and
# the demos and lessons (tools/demo/lib.jq), so that a plot, a lesson and
# the report quote the same statistic.

# The parts of a case name, without the suffixes Google Benchmark adds for
# its own options ("real_time", "threads:2", ...).
def case_parts:
  split("/") | map(select(test("^(real_time|manual_time|process_time)$|:") | not));

def median:
  sort | if length == 0 then null
         elif length % 2 == 1 then .[(length - 1) / 2]
         else (.[length / 2 - 1] + .[length / 2]) / 2 end;

# The cases timed by the wall clock: their work runs on threads, or in a
# child process, that the benchmark's main thread only waits for, and
# Google Benchmark's CPU time is the main thread's alone.  The report
# times the queue's (S3, S4, S6: src/report/rules/queue.c) and false
# sharing's two threads (X4: src/report/rules/gallery.c) so; the memory
# limit's and the collector pauses' children (S5, C4) it does not time
# at all, and their CPU time would be the waiting parent's, near zero.
# Every other case is judged on CPU time (docs/claims.md, "The decision
# rule").  Input: a case name without Google Benchmark's suffixes.
def wall_clock_case: test("^(queue|gallery/falseshare|stream/limit_|gc/pause_)");

# Nanoseconds per item of one repetition by one clock ("cpu_time" or
# "real_time"), as the report's run.c reads it: Google Benchmark computes
# items_per_second by the clock the case was timed with (real time when
# its name says /real_time or /manual_time, else CPU time), so the other
# clock's figure is that one rescaled by the ratio of the two times.
# Without an item count, the clock's time per iteration in ns.
def ns_of($clock):
  ({"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[.time_unit // "ns"] // 1) as $unit
  | if (.items_per_second // 0) > 0 then
      (if (.run_name // .name // "") | test("/(real|manual)_time(/|$)")
       then "real_time" else "cpu_time" end) as $rated
      | if $rated == $clock then 1e9 / .items_per_second
        elif (.[$rated] // 0) > 0 and (.[$clock] | type) == "number"
        then 1e9 / .items_per_second * .[$clock] / .[$rated]
        else null end
    elif (.[$clock] | type) == "number" then .[$clock] * $unit
    else null end;

# The clock the report judges a case by (the case name without Google
# Benchmark's suffixes): "real_time" for the wall-clock cases, else
# "cpu_time".
def report_clock: if wall_clock_case then "real_time" else "cpu_time" end;

# The repetitions of one case (an array of its records) that its figures
# use: without those whose host check took $limit ns or more (they ran
# while the host was slow: scripts/slow-limit.sh), where at least two
# others remain, as src/report/run.c leaves them out.  $limit null: all.
def unslowed($limit):
  if $limit == null then .
  else (map(select((.host_check_ns // 0) < $limit))) as $fast
       | if ($fast | length) >= 2 then $fast else . end
  end;
