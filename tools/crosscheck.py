#!/usr/bin/env python3
"""crosscheck.py - ground the boxed model of claim L4 in the real CPython,
and measure __slots__ against dict-backed instances (claim L7).

The traverse bench models a Python list of objects in C (src/traverse/boxed.h).
This measures the real thing with the machine's python3, standard library
only, at the model's sizes (the element counts of traverse/boxed/<n> in
RUN/traverse.json): a list of ints, a list of floats and a list of small
objects (a class with __slots__ id, active, score, like the model's User);
and, for L7, a list of the same objects from a class without __slots__
(its attributes in a per-instance dict), at the sizes traced only.

  bytes per element  tracemalloc: what building the list allocates, over n;
                     and sys.getsizeof summed over the list and its objects.
                     Both up to 128 Ki elements only: tracing makes building
                     several times slower, and the figures no longer change
                     by then
  ns per element     timeit of the article's loop "for x in xs: total += x"
                     (for objects, the model's loop: the score of active
                     users), in wall-clock and CPU time, per repetition;
                     and of sum(xs) for the numbers (CPU time, median).
                     Up to 128 Ki elements the kinds of a size take turns,
                     each repetition on a list built afresh (L7 compares
                     them there); past it, repetitions run back to back.

Writes RUN/crosscheck.json in Google Benchmark's format (cases
crosscheck/<int_list|float_list|object_list|dict_object_list>/<n>/real_time,
one record per
repetition, with real_time and cpu_time), so the claims report reads it
like any bench.

Run:   make crosscheck [RUN=results/<run>]   or   tools/crosscheck.py RUN_DIR

As a bench program (make demo-traverse-slots; build/bin/crosscheck is a
link to this file): given Google Benchmark's flags and no RUN_DIR, it
answers the few the demos use (--benchmark_list_tests, _filter, _out,
_out_format=json, _format, _repetitions, and --quick) over L7's cases
only, crosscheck/<object_list|dict_object_list>/<n> at n = 1 Ki to 128 Ki
by 4 (1 Ki and 4 Ki with --quick), whatever any run holds.
Sizes: the model's, at least 1.4x apart (its sweep is dense near the cache
       sizes, which matter to the C layouts, not to the interpreter), up to
       4 Mi elements (1 Mi with --quick, the default when traverse.json is a
       quick run); larger lists only take longer and say nothing new, since
       bytes per element no longer change and the model's memory effects are
       already past every cache.
Exit:  0 written; 1 when RUN has no usable traverse.json (or, as a bench
       program, the output cannot be written); 2 bad usage.
"""

import argparse
import datetime
import gc
import json
import os
import platform
import random
import re
import socket
import statistics
import sys
import time
import timeit
import tracemalloc

FULL_MAX_ELEMENTS = 1 << 22
QUICK_MAX_ELEMENTS = 1 << 20
TRACE_MAX_ELEMENTS = 1 << 17
SPACING = 1.4
FULL_REPETITIONS = 5
QUICK_REPETITIONS = 3
# Each timed repetition runs the loop enough times to last about this long,
# so that timer resolution and call overhead stay far below 1%.
FULL_MIN_TIME_S = 0.005
QUICK_MIN_TIME_S = 0.003


class User:
    """The article's User record, as compact as plain Python makes it."""

    __slots__ = ("id", "active", "score")

    def __init__(self, id_, active, score):
        self.id = id_
        self.active = active
        self.score = score


class DictUser:
    """The same record as a plain class writes it: its attributes live in
    a per-instance dictionary (L7's costly side)."""

    def __init__(self, id_, active, score):
        self.id = id_
        self.active = active
        self.score = score


# Values like the model's: ids are distinct ints beyond CPython's cache of
# small ints (-5..256), scores exact multiples of 0.25, about half active.
def make_ints(n, rng):
    return [1_000_000 + i for i in range(n)]


def make_floats(n, rng):
    r = rng.random   # a C call; randrange would cost more than the build
    return [int(r() * 400) * 0.25 for _ in range(n)]


def make_objects(n, rng, cls=User):
    r = rng.random
    return [cls(1_000_000 + i, r() < 0.5, int(r() * 400) * 0.25) for i in range(n)]


def make_dict_objects(n, rng):
    return make_objects(n, rng, DictUser)


def loop_numbers(xs):
    total = 0
    for x in xs:
        total += x
    return total


def loop_objects(users):
    total = 0.0
    for u in users:
        if u.active:
            total += u.score
    return total


def getsizeof_numbers(xs):
    return sys.getsizeof(xs) + sum(sys.getsizeof(x) for x in xs)


def getsizeof_objects(users):
    # True and False are shared singletons: they cost nothing per element.
    # For a dict-backed instance sys.getsizeof does not see where its
    # attributes live (reading __dict__ to ask would build the dictionary
    # and change what is measured): tracemalloc's figure is the one L7 uses.
    return sys.getsizeof(users) + sum(
        sys.getsizeof(u) + sys.getsizeof(u.id) + sys.getsizeof(u.score) for u in users)


KINDS = [
    # name, build, loop, sizes, has builtin sum, largest n (0: every size)
    ("int_list", make_ints, loop_numbers, getsizeof_numbers, True, 0),
    ("float_list", make_floats, loop_numbers, getsizeof_numbers, True, 0),
    ("object_list", make_objects, loop_objects, getsizeof_objects, False, 0),
    # L7 compares bytes where they are traced, and time at the same sizes,
    # every one of them: its time is judged per measured cache level, and a
    # level with one or two sizes gave an interval whose end crossed the
    # 1.10 threshold in one run and not the next (sizes 2x apart, until
    # 2026-12-06: one size in L1, none to two past the last level).
    ("dict_object_list", make_dict_objects, loop_objects, getsizeof_objects, False,
     TRACE_MAX_ELEMENTS),
]


def fail(msg, status=1):
    print(f"crosscheck: {msg}", file=sys.stderr)
    sys.exit(status)


def model_sizes(run):
    """Element counts of traverse/boxed/<n>, and traverse.json's context."""
    path = os.path.join(run, "traverse.json")
    try:
        with open(path) as f:
            data = json.load(f)
    except FileNotFoundError:
        fail(f"{path} not found: run the traverse bench first "
             "(make bench BENCH=traverse), then make crosscheck RUN=<its run>")
    except (OSError, json.JSONDecodeError) as e:
        fail(f"{path}: cannot read it: {e}")
    sizes = set()
    for rec in data.get("benchmarks", []):
        parts = [p for p in rec.get("run_name", rec.get("name", "")).split("/")
                 if p not in ("real_time", "manual_time", "process_time") and ":" not in p]
        if len(parts) == 3 and parts[0] == "traverse" and parts[1] == "boxed":
            try:
                sizes.add(int(parts[2]))
            except ValueError:
                pass
    if not sizes:
        fail(f"{path} has no traverse/boxed/<n> case to cross-check")
    return sorted(sizes), data.get("context", {})


def bytes_per_element(build, n, rng):
    """tracemalloc's count of what building the list allocates, over n."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    xs = build(n, rng)
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return xs, (after - before) / n


def calls_per_repetition(fn, xs, min_time):
    """How many calls of fn(xs) one timed repetition makes: enough to last
    min_time."""
    t0 = time.perf_counter()
    fn(xs)
    once = max(time.perf_counter() - t0, 1e-9)
    return max(1, int(min_time / once))


def time_calls(fn, xs, n, number):
    """One timed repetition of number calls of fn(xs), per element:
    (wall ns, CPU ns).  CPU time is kept beside wall time because on a
    machine shared with other programs wall time also counts the time
    spent waiting for a CPU."""
    timer = timeit.Timer(lambda: fn(xs))   # timeit turns the collector off
    c0 = time.process_time()
    wall = timer.timeit(number)
    cpu = time.process_time() - c0
    return wall / (number * n) * 1e9, cpu / (number * n) * 1e9


def repetition_rng(seed, n, repetition):
    """The values of one repetition's list: the same for every kind of a
    size, so that kinds differ in layout only; fixed by the run's seed."""
    return random.Random(seed + n + (repetition << 40))


def measure_cases(cases, repetitions, min_time, seed):
    """Google Benchmark records for each (kind, n) of cases: one per
    repetition, with the counters of the kind at that size.

    Up to the traced sizes (where L7 judges), the kinds of one size run
    interleaved, one repetition of each in turn (the order reversed every
    other time), and every repetition times a list built afresh: a
    repetition then samples the list's placement as well as the moment,
    and the two kinds share the moments.  Timed one after the other on
    one list each, dict-backed / __slots__ read 1.01x to 1.12x from one
    process to the next in the caches, around L7's threshold of 1.10x
    (docs/claims.md, L7)."""
    sizes = {}
    for kind, n in cases:
        sizes.setdefault(n, []).append(kind)
    records = []
    for n, kinds in sizes.items():
        numbers, extras, times = {}, {}, {}
        for (name, build, loop, sizeof, has_sum, _) in kinds:
            rng = repetition_rng(seed, n, 0)
            extra = {}
            if n <= TRACE_MAX_ELEMENTS:
                xs, extra["bytes_per_elem"] = bytes_per_element(build, n, rng)
                extra["getsizeof_bytes_per_elem"] = sizeof(xs) / n
                # What the list and its objects hold: L7's working set.
                extra["ws_bytes"] = extra["bytes_per_elem"] * n
            else:
                xs = build(n, rng)
            numbers[name] = calls_per_repetition(loop, xs, min_time)
            if has_sum:
                calls = calls_per_repetition(sum, xs, min_time)
                extra["builtin_sum_ns_per_elem"] = statistics.median(
                    time_calls(sum, xs, n, calls)[1] for _ in range(repetitions))
            extras[name], times[name] = extra, []
            if n > TRACE_MAX_ELEMENTS:
                # Past the traced sizes only L4's table reads the times (no
                # rule judges them), and a fresh list would cost more time
                # than timing it: one list, its repetitions back to back.
                times[name] = [time_calls(loop, xs, n, numbers[name])
                               for _ in range(repetitions)]
            del xs   # one list alive at a time, in the timed loops too
        interleaved = kinds if n <= TRACE_MAX_ELEMENTS else []
        for rep in range(repetitions):
            for (name, build, loop, *_) in (interleaved if rep % 2 == 0
                                            else interleaved[::-1]):
                xs = build(n, repetition_rng(seed, n, rep))
                times[name].append(time_calls(loop, xs, n, numbers[name]))
                del xs
        for (name, *_) in kinds:
            # Named like a Google Benchmark case timed in real time, whose
            # rates come from wall-clock time; cpu_time sits beside it.
            case = f"crosscheck/{name}/{n}"
            for i, (wall, cpu) in enumerate(times[name]):
                records.append({
                    "name": case + "/real_time",
                    "run_name": case + "/real_time",
                    "run_type": "iteration",
                    "repetitions": repetitions,
                    "repetition_index": i,
                    "threads": 1,
                    "iterations": numbers[name],
                    "real_time": wall * n,
                    "cpu_time": cpu * n,
                    "time_unit": "ns",
                    "elements": n,
                    "items_per_second": 1e9 / wall,
                    **extras[name],
                })
    return records


def measure(sizes, quick, seed):
    repetitions = QUICK_REPETITIONS if quick else FULL_REPETITIONS
    min_time = QUICK_MIN_TIME_S if quick else FULL_MIN_TIME_S
    cases = []
    for kind in KINDS:
        largest = kind[5]
        cases += [(kind, n) for n in sizes if not largest or n <= largest]
    return measure_cases(cases, repetitions, min_time, seed)


# --- as a bench program: the demo's view of L7 ------------------------------

BENCH_SIZES = [1 << 10, 1 << 12, 1 << 14, 1 << 16, TRACE_MAX_ELEMENTS]
BENCH_QUICK_SIZES = [1 << 10, 1 << 12]
BENCH_KINDS = ("object_list", "dict_object_list")
BENCH_FLAGS = ("list_tests", "filter", "out", "out_format", "format", "repetitions")
BENCH_SEED = 0x5EED


def bench_args(argv):
    """The flags of a bench program: {flag: value}, "quick" for --quick.
    Exits 2, naming it, on a flag it does not answer."""
    opts = {}
    for arg in argv:
        m = re.fullmatch(r"--benchmark_([a-z_]+)=(.*)", arg)
        if arg == "--quick":
            opts["quick"] = True
        elif m and m.group(1) in BENCH_FLAGS:
            opts[m.group(1)] = m.group(2)
        else:
            fail(f"as a bench program, '{arg}' is not a flag it answers "
                 "(--quick, --benchmark_" + "=, --benchmark_".join(BENCH_FLAGS) + "=)", 2)
    if opts.get("out_format", "json") != "json":
        fail("--benchmark_out_format: only json", 2)
    return opts


def bench_main(argv):
    """Runs L7's cases as a Google Benchmark program would (see the top)."""
    opts = bench_args(argv)
    quick = opts.get("quick", False)
    try:
        pattern = re.compile(opts.get("filter", "."))
    except re.error as e:
        fail(f"--benchmark_filter: not a regular expression: {e}", 2)
    try:
        repetitions = int(opts.get("repetitions",
                                   QUICK_REPETITIONS if quick else FULL_REPETITIONS))
    except ValueError:
        repetitions = 0
    if repetitions < 1:
        fail("--benchmark_repetitions must be a positive number", 2)
    kinds = {k[0]: k for k in KINDS}
    cases = [(kinds[name], n) for name in BENCH_KINDS
             for n in (BENCH_QUICK_SIZES if quick else BENCH_SIZES)
             if pattern.search(f"crosscheck/{name}/{n}/real_time")]
    if opts.get("list_tests") == "true":
        for (kind, n) in cases:
            print(f"crosscheck/{kind[0]}/{n}/real_time")
        return
    if not cases:
        fail(f"no case matches the filter '{opts.get('filter')}'")
    records = measure_cases(cases, repetitions,
                            QUICK_MIN_TIME_S if quick else FULL_MIN_TIME_S, BENCH_SEED)
    for r in records:
        print(f"{r['name']:<45} {r['real_time'] / r['elements']:9.1f} ns per object "
              f"{r.get('bytes_per_elem', 0):7.1f} bytes per object")
    if "out" in opts:
        context = {
            "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "host_name": socket.gethostname(),
            "executable": sys.executable,
            "num_cpus": os.cpu_count(),
            "load_avg": list(os.getloadavg()),
            "suite_program": "crosscheck",
            "mode": "quick" if quick else "full",
            "python": f"{platform.python_implementation()} {platform.python_version()}",
            "seed": str(BENCH_SEED),
        }
        try:
            with open(opts["out"], "w") as f:
                json.dump({"context": context, "benchmarks": records}, f, indent=1)
                f.write("\n")
        except OSError as e:
            fail(f"cannot write {opts['out']}: {e}")


def main():
    if any(a.startswith("--benchmark_") for a in sys.argv[1:]):
        bench_main(sys.argv[1:])
        return
    ap = argparse.ArgumentParser(
        description="Measure a real CPython list of ints, floats and small objects "
                    "at the boxed model's sizes; write RUN/crosscheck.json.  "
                    "With Google Benchmark's flags (--benchmark_...) and no RUN, "
                    "a bench program of L7's cases (make demo-traverse-slots).")
    ap.add_argument("run", help="run directory holding traverse.json")
    ap.add_argument("--quick", action="store_true",
                    help=f"at most {QUICK_MAX_ELEMENTS} elements, fewer repetitions "
                         "(default when traverse.json is a quick run)")
    ap.add_argument("--max-elements", type=int, default=0,
                    help="largest list measured (default "
                         f"{FULL_MAX_ELEMENTS}, {QUICK_MAX_ELEMENTS} quick)")
    args = ap.parse_args()
    if args.max_elements < 0:
        ap.error("--max-elements must be positive")
    if not os.path.isdir(args.run):
        fail(f"no run directory '{args.run}'")

    sizes, context = model_sizes(args.run)
    quick = args.quick or context.get("mode") == "quick"
    cap = args.max_elements or (QUICK_MAX_ELEMENTS if quick else FULL_MAX_ELEMENTS)
    # The model's sweep is dense near the cache sizes, where the C curves
    # bend; the interpreter's cost per element does not care, so about two
    # sizes per doubling are enough (and keep a full run under a minute).
    kept, skipped = [], []
    for n in sizes:
        if n <= cap and (not kept or n >= SPACING * kept[-1]):
            kept.append(n)
        else:
            skipped.append(n)
    if not kept:
        fail(f"every model size is above {cap} elements (--max-elements)")
    try:
        seed = int(context.get("seed", 0))
    except ValueError:
        seed = 0

    load_at_start = os.getloadavg()
    start = time.monotonic()
    print(f"crosscheck: {platform.python_implementation()} {platform.python_version()}, "
          f"{len(kept)} sizes from {kept[0]} to {kept[-1]} elements"
          + (f" ({len(skipped)} of the model's sizes left out)" if skipped else ""),
          file=sys.stderr)
    records = measure(kept, quick, seed)
    out = {
        "context": {
            "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "host_name": socket.gethostname(),
            "executable": sys.executable,
            "suite_program": "crosscheck",
            "mode": "quick" if quick else "full",
            "python": f"{platform.python_implementation()} {platform.python_version()}",
            "sizes_from": "traverse.json: traverse/boxed/<n>",
            "max_elements": str(cap),
            "traced_max_elements": str(TRACE_MAX_ELEMENTS),
            "skipped_sizes": " ".join(str(n) for n in skipped),
            "seed": str(seed),
            "repetitions": str(QUICK_REPETITIONS if quick else FULL_REPETITIONS),
            "load_avg_at_start": " ".join(f"{x:.2f}" for x in load_at_start),
            "num_cpus": os.cpu_count(),
            # The machine's, as traverse.json has it (the lessons print it).
            "mhz_per_cpu": context.get("mhz_per_cpu"),
            "sizeof_int": sys.getsizeof(1_000_000),
            "sizeof_float": sys.getsizeof(0.25),
            "sizeof_object": sys.getsizeof(User(1_000_000, True, 0.25)),
            "sizeof_dict_object": sys.getsizeof(DictUser(1_000_000, True, 0.25)),
            "caches": context.get("caches", []),
        },
        "benchmarks": records,
    }
    path = os.path.join(args.run, "crosscheck.json")
    tmp = path + ".part"
    with open(tmp, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    os.replace(tmp, path)
    print(f"crosscheck: wrote {path} in {time.monotonic() - start:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
