# topic.sh - reads a demo topic's settings over the defaults: the one
# place the settings are documented, for tools/demo/run.sh (make demo-X)
# and tools/demo/lesson_figures.sh (make lessons), so that a lesson's
# table is the demo's.  Sourced, not run.
# shellcheck shell=bash disable=SC2034  # the settings are read by the callers

topics_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/topics

# One topic name a line: the TOPIC of every topics/TOPIC.sh.
topics() { for f in "$topics_dir"/*.sh; do basename "$f" .sh; done; }

# Reads a topic's settings; exits 2 for a topic that does not exist or
# lacks one of the three settings every topic gives.  The defaults below
# are the settings' documentation: a topic states only where it differs
# from them, so that what its file says is its own.
load_topic() {
    local t=$1 v
    [[ $t =~ ^[a-z][a-z_-]*$ && -f $topics_dir/$t.sh ]] || {
        echo "demo: no topic '$t'; topics: $(topics | tr '\n' ' ')" >&2; exit 2; }
    # The bench program: that of the experiment the topic is named after
    # (X, for a topic X or X-what).
    DEMO_BENCH=${t%%-*}
    # Every topic gives these: the line make demo prints, the question,
    # and what to predict before looking.
    DEMO_SUMMARY='' DEMO_QUESTION='' DEMO_PREDICT=''
    # Which cases run: the program's --quick sizes up to 64 MiB, past the
    # caches of the machines a class runs on (the size the questions
    # name); with DEMO_QUICK=1 up to 1 MiB, seconds for the tests.  A
    # topic that wants the program's own --quick limit gives (--quick).
    DEMO_FLAGS=(--quick --max-ws=64M)      # the program's flags in the normal demo
    DEMO_QUICK_FLAGS=(--quick --max-ws=1M) # ... with DEMO_QUICK=1
    DEMO_FILTER=.             # which listed cases the demo may pick from
    DEMO_SIZES=4              # args per variant in the normal demo (0: all)
    DEMO_QUICK_SIZES=2        # ... with DEMO_QUICK=1
    DEMO_COMMON_ARGS=0        # 1: only sizes every variant reaches
    # The table.
    DEMO_TABLE=sweep          # sweep: variants x args; largest: counters
    DEMO_METRIC=ns            # "ns" or a regex naming a counter
    DEMO_COLUMNS=.            # counters shown by a "largest" table
    DEMO_ARGNAME=N            # what the last part of a case name is
    DEMO_ARGKIND=count        # count or bytes: how it reads
    DEMO_ITEM=item            # what the bench counts as an item (ns/item)
    # The plot.
    DEMO_XLABEL="N (log scale)"
    DEMO_YLABEL=''            # empty: "ns per DEMO_ITEM"
    DEMO_LOGY=1
    # The page-fault note (lib.jq fault_note).
    DEMO_FAULTS=0             # 1: say what first-touch faults cost
    DEMO_ITERATION=iteration  # what one iteration is ("build": per build)
    DEMO_FAULT_VARIANTS=''    # regex: the variants it weighs (empty: all)
    # Plots of the full run the lesson shows: names of RUN/plots/*.png
    # (make lessons reads it; tools/demo/lesson_figures.sh).
    DEMO_PLOTS=''
    # shellcheck source=/dev/null
    source "$topics_dir/$t.sh"
    for v in DEMO_BENCH DEMO_SUMMARY DEMO_QUESTION DEMO_PREDICT; do
        [ -n "${!v}" ] || { echo "demo: tools/demo/topics/$t.sh sets no $v" >&2; exit 2; }
    done
    [ -n "$DEMO_YLABEL" ] || DEMO_YLABEL="ns per $DEMO_ITEM"
    # What lib.jq and the topic's .jq read: they see the environment.
    export DEMO_ARGNAME DEMO_ARGKIND DEMO_COMMON_ARGS DEMO_ITEM DEMO_ITERATION DEMO_FAULT_VARIANTS
}
