#!/bin/sh
# packages.sh - the Debian packages the suite needs, one list for make deps
# and for CI, so the two cannot drift apart.
#
#   build-essential     gcc, g++, make: compile the suite
#   clang               the second compiler (make CC=clang) and libFuzzer
#   libbenchmark-dev    Google Benchmark: timing, repetitions, JSON output
#   libcriterion-dev    Criterion: the unit tests
#   libjansson-dev      jansson: reads benchmark JSON (tests, claims report)
#   zlib1g-dev          zlib: the report and compare read the reference run's *.json.gz
#   gnuplot-nox         gnuplot: every plot (PNG, SVG, terminal)
#   jq                  flattens benchmark JSON into TSV for gnuplot
#   valgrind            cachegrind (simulated cache misses), memcheck
#   python3             the crosscheck against a real CPython
#   libjemalloc2        make bench ALLOC=jemalloc (the alloc bench's allocators)
#   libmimalloc2.0      make bench ALLOC=mimalloc
#   libbenchmark-tools  compare.py for make compare
#   python3-scipy       compare.py's U test
#   gcovr               make coverage
#   pngquant            make reference: palette PNGs keep the committed run small
#   libgc-dev           the Boehm-Demers-Weiser collector: the gc experiment (C1-C4)
echo build-essential clang libbenchmark-dev libcriterion-dev libjansson-dev zlib1g-dev \
     gnuplot-nox jq valgrind python3 libjemalloc2 libmimalloc2.0 \
     libbenchmark-tools python3-scipy gcovr pngquant libgc-dev
