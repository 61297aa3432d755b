#!/bin/sh
# check-deps.sh - say which Debian packages are missing, and how to get them,
# before a build fails with a raw compiler error.
#
# Usage: scripts/check-deps.sh [build] [test] [plot]   (default: all three)
# Exits 0 when everything asked for is present, 1 otherwise.
set -u
CC=${CC:-cc}
CXX=${CXX:-c++}
missing=""

has_header() { # compiler language header
    printf '#include <%s>\n' "$3" | $1 -x "$2" -E - >/dev/null 2>&1
}
need() { missing="$missing $1"; echo "missing: $1 ($2)" >&2; }

for what in ${*:-build test plot}; do
    case $what in
    build)
        command -v "$CC" >/dev/null 2>&1 || need gcc "C compiler '$CC'"
        command -v "$CXX" >/dev/null 2>&1 || need g++ "C++ compiler '$CXX' for the Google Benchmark shim"
        command -v make >/dev/null 2>&1 || need make "make"
        has_header "$CXX" c++ benchmark/benchmark.h ||
            need libbenchmark-dev "Google Benchmark: timing, repetitions, JSON output"
        ;;
    test)
        has_header "$CC" c criterion/criterion.h ||
            need libcriterion-dev "Criterion: the unit test framework"
        has_header "$CC" c jansson.h ||
            need libjansson-dev "jansson: reads benchmark JSON in the tests"
        ;;
    plot)
        command -v gnuplot >/dev/null 2>&1 || need gnuplot-nox "gnuplot: draws every plot"
        command -v jq >/dev/null 2>&1 || need jq "jq: flattens benchmark JSON for gnuplot"
        ;;
    *) echo "check-deps.sh: unknown group '$what'" >&2; exit 2 ;;
    esac
done

if [ -n "$missing" ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo "
    echo "Install with:  ${sudo}apt-get update && ${sudo}apt-get install -y$missing" >&2
    echo "          or:  make deps" >&2
    exit 1
fi
