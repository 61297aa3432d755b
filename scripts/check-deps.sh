#!/bin/sh
# check-deps.sh - name the Debian packages a target needs and lacks, and
# install them when we may, before a build fails with a raw compiler error.
#
# Usage: scripts/check-deps.sh GROUP...     check (and install) these groups
#        scripts/check-deps.sh --install-all   every package of packages.sh
# Groups: build (compilers, Google Benchmark, jansson, zlib, the Boehm
# collector), test (Criterion, jansson, jq), plot (gnuplot, jq), valgrind,
# gcovr, clang, python3, chromium.
# Env:   DEPS_INSTALL=0 never installs, only says what to run.
# Missing packages are installed with apt-get when running as root or with
# passwordless sudo; otherwise the one apt-get line to run is printed.
# Exits 0 when everything asked for is present (or was installed), 1 when
# something is still missing, 2 for an unknown group.
set -u
CC=${CC:-cc}
CXX=${CXX:-c++}
cd "$(dirname "$0")/.." || exit 1

has_header() { # compiler language header
    command -v "$1" >/dev/null 2>&1 &&
        printf '#include <%s>\n' "$3" | $1 -x "$2" -E - >/dev/null 2>&1
}
has() { command -v "$1" >/dev/null 2>&1; }

missing="" why=""
need() { # package reason
    case " $missing " in *" $1 "*) return ;; esac
    missing="$missing $1"
    why="$why
  $1: $2"
}

check() {
    missing="" why=""
    for what in "$@"; do
        case $what in
        build)
            has "$CC" || need gcc "C compiler '$CC'"
            has "$CXX" || need g++ "C++ compiler '$CXX' for the Google Benchmark shim"
            has make || need make "make"
            has_header "$CXX" c++ benchmark/benchmark.h ||
                need libbenchmark-dev "Google Benchmark: timing, repetitions, JSON output"
            has_header "$CC" c jansson.h ||
                need libjansson-dev "jansson: the claims report and tools read benchmark JSON"
            has_header "$CC" c zlib.h ||
                need zlib1g-dev "zlib: the report and compare read gzipped runs (results/reference)"
            has_header "$CC" c gc/gc.h ||
                need libgc-dev "the Boehm collector: the gc experiment and its tests"
            ;;
        test)
            has_header "$CC" c criterion/criterion.h ||
                need libcriterion-dev "Criterion: the unit test framework"
            has_header "$CC" c jansson.h ||
                need libjansson-dev "jansson: reads benchmark JSON in the tests"
            has jq || need jq "jq: the command-line tests read benchmark JSON"
            ;;
        plot)
            has gnuplot || need gnuplot-nox "gnuplot: draws every plot"
            has jq || need jq "jq: flattens benchmark JSON for gnuplot"
            ;;
        valgrind) has valgrind || need valgrind "valgrind: memcheck and cachegrind" ;;
        gcovr)    has gcovr || need gcovr "gcovr: summarises the coverage" ;;
        clang)    has clang || need clang "clang: libFuzzer" ;;
        python3)  has python3 || need python3 "python3: the CPython crosscheck" ;;
        chromium) has "${CHROMIUM:-chromium}" || need chromium "Chromium: make test-browser opens the pages headless" ;;
        *) echo "check-deps.sh: unknown group '$what'" >&2; exit 2 ;;
        esac
    done
}

# How to run apt-get here: as root, with passwordless sudo, or not at all.
sudo_prefix() {
    if [ "$(id -u)" -eq 0 ]; then echo ""
    elif has sudo && sudo -n true 2>/dev/null; then echo "sudo "
    else return 1
    fi
}

# apt-get update, then install $*; waits for another apt-get to finish.
install() {
    prefix=$1
    shift
    echo "check-deps: installing$(printf ' %s' "$@") (apt-get)" >&2
    export DEBIAN_FRONTEND=noninteractive
    # apt-get and dpkg print dozens of lines even with -qq: kept in a log,
    # shown only when the install fails.
    log=$(mktemp "${TMPDIR:-/tmp}/check-deps.XXXXXX")
    if ${prefix}apt-get -o DPkg::Lock::Timeout=300 update -qq >>"$log" 2>&1 &&
        ${prefix}apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
            --no-install-recommends "$@" >>"$log" 2>&1; then
        rm -f "$log"
        return 0
    fi
    cat "$log" >&2
    rm -f "$log"
    return 1
}

if [ "${1:-}" = --install-all ]; then
    # shellcheck disable=SC2046
    set -- $(scripts/packages.sh)
    prefix=$(sudo_prefix) || {
        echo "make deps needs root or passwordless sudo; run:" >&2
        echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends $*" >&2
        exit 1
    }
    install "$prefix" "$@"
    exit
fi

check "$@"
[ -z "$missing" ] && exit 0

echo "check-deps: missing Debian packages:$why" >&2
# shellcheck disable=SC2086
if [ "${DEPS_INSTALL:-1}" != 0 ] && prefix=$(sudo_prefix) && install "$prefix" $missing; then
    check "$@"
    [ -z "$missing" ] && { echo "check-deps: installed; carrying on" >&2; exit 0; }
    echo "check-deps: still missing after apt-get:$missing" >&2
fi
sudo="sudo "
[ "$(id -u)" -eq 0 ] && sudo=""
echo "Install them with:" >&2
echo "  ${sudo}apt-get update && ${sudo}apt-get install -y$missing" >&2
exit 1
