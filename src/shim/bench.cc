// bench.cc - the C API of bench.h, forwarded to Google Benchmark 1.7.
//
// Each function is a one-line forward; the only logic is checking a
// bench_def before registering it, and checking that the --benchmark_out
// file was written whole (the library does not: on a full disk it exits 0
// with the file cut short).  bench_state* is a benchmark::State* under
// another name, so no wrapper object sits in the timed loop.

#include "bench.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <ostream>
#include <string>

// The library's own flags, defined (and exported) by libbenchmark 1.7; its
// header does not declare them.
namespace benchmark {
extern std::string FLAGS_benchmark_out;
extern std::string FLAGS_benchmark_out_format;
}  // namespace benchmark

namespace {

// bench_set_prologue's function: run before every case's own code.
void (*case_prologue)(bench_state *) = nullptr;

benchmark::State &state_of(bench_state *s)
{
    return *reinterpret_cast<benchmark::State *>(s);
}

const benchmark::State &state_of(const bench_state *s)
{
    return *reinterpret_cast<const benchmark::State *>(s);
}

bench_state *handle_of(benchmark::State &st)
{
    return reinterpret_cast<bench_state *>(&st);
}

benchmark::Counter::Flags flags_of(bench_counter_kind kind)
{
    switch (kind) {
    case BENCH_COUNTER_RATE:
        return benchmark::Counter::kIsRate;
    case BENCH_COUNTER_PER_ITERATION:
        return benchmark::Counter::kAvgIterations;
    case BENCH_COUNTER_INVARIANT_RATE:
        return benchmark::Counter::kIsIterationInvariantRate;
    case BENCH_COUNTER_PLAIN:
    default:
        return benchmark::Counter::kDefaults;
    }
}

int invalid(const bench_def *def, const char *why)
{
    std::fprintf(stderr, "bench_register: %s: %s\n",
                 def && def->name ? def->name : "(no name)", why);
    return -1;
}

// The --benchmark_out reporter the library would make (JSON, CSV or
// console), wrapped so that the stream it writes is checked once the run
// ends.  The library owns the file stream and closes it without looking;
// this reporter is handed that stream and flushes and checks it in
// Finalize(), while the file is still open.
class CheckedFileReporter : public benchmark::BenchmarkReporter {
public:
    explicit CheckedFileReporter(std::unique_ptr<benchmark::BenchmarkReporter> inner)
        : inner_(std::move(inner)) {}

    bool ReportContext(const Context &context) override
    {
        inner_->SetOutputStream(&GetOutputStream());
        inner_->SetErrorStream(&GetErrorStream());
        return inner_->ReportContext(context);
    }
    void ReportRuns(const std::vector<Run> &runs) override { inner_->ReportRuns(runs); }
    void Finalize() override
    {
        inner_->Finalize();
        GetOutputStream().flush();
        failed_ = !GetOutputStream().good();
    }
    bool failed() const { return failed_; }

private:
    std::unique_ptr<benchmark::BenchmarkReporter> inner_;
    bool failed_ = false;
};

std::unique_ptr<benchmark::BenchmarkReporter> reporter_for(const std::string &format)
{
    if (format == "console")
        return std::unique_ptr<benchmark::BenchmarkReporter>(
            new benchmark::ConsoleReporter(benchmark::ConsoleReporter::OO_None));
    if (format == "csv") {
        // Deprecated upstream, still what --benchmark_out_format=csv means.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
        return std::unique_ptr<benchmark::BenchmarkReporter>(new benchmark::CSVReporter);
#pragma GCC diagnostic pop
    }
    return std::unique_ptr<benchmark::BenchmarkReporter>(new benchmark::JSONReporter);
}

}  // namespace

extern "C" {

void bench_set_prologue(void (*prologue)(bench_state *state))
{
    case_prologue = prologue;
}

int bench_register(const bench_def *def)
{
    if (!def || !def->name || !def->name[0])
        return invalid(def, "a name is required");
    if (!def->run)
        return invalid(def, "a function is required");
    bool has_list = def->nargs > 0;
    bool has_range = def->range_lo != 0 || def->range_hi != 0;
    if (has_list && !def->args)
        return invalid(def, "nargs > 0 but args is NULL");
    if (has_list && has_range)
        return invalid(def, "give either an argument list or a range, not both");
    if (has_range && (def->range_lo <= 0 || def->range_hi < def->range_lo ||
                      def->range_mult < 2))
        return invalid(def, "a range needs 0 < lo <= hi and mult >= 2");
    if (def->min_time < 0 || def->iterations < 0 || def->repetitions < 0)
        return invalid(def, "min_time, iterations and repetitions must not be negative");
    if (def->min_time > 0 && def->iterations > 0)
        return invalid(def, "give either min_time or iterations, not both");

    bench_fn fn = def->run;
    const void *user = def->user;
    benchmark::internal::Benchmark *b = benchmark::RegisterBenchmark(
        def->name, [fn, user](benchmark::State &st) {
            if (case_prologue)
                case_prologue(handle_of(st));
            fn(handle_of(st), user);
        });
    b->UseRealTime();
    if (has_list)
        for (size_t i = 0; i < def->nargs; i++)
            b->Arg(def->args[i]);
    if (has_range)
        b->RangeMultiplier(def->range_mult)->Range(def->range_lo, def->range_hi);
    if (def->min_time > 0)
        b->MinTime(def->min_time);
    if (def->iterations > 0)
        b->Iterations(def->iterations);
    if (def->repetitions > 0)
        b->Repetitions(def->repetitions);
    return 0;
}

void bench_initialize(int *argc, char **argv, void (*help)(void))
{
    if (help)
        benchmark::Initialize(argc, argv, help);
    else
        benchmark::Initialize(argc, argv);
}

void bench_print_library_help(void)
{
    benchmark::PrintDefaultHelp();
}

size_t bench_run(void)
{
    const std::string out = benchmark::FLAGS_benchmark_out;
    if (out.empty())
        return benchmark::RunSpecifiedBenchmarks();
    CheckedFileReporter file(reporter_for(benchmark::FLAGS_benchmark_out_format));
    size_t n = benchmark::RunSpecifiedBenchmarks(nullptr, &file);
    if (file.failed()) {
        // As the library does when it cannot open the file: say so, exit 1.
        // A caller that kept going would report success over a cut file.
        // (The stream keeps no errno: a full disk is the usual cause.)
        std::fprintf(stderr, "writing --benchmark_out '%s' failed (disk full? I/O error?); "
                     "the file is incomplete\n", out.c_str());
        std::fflush(stdout);
        std::exit(1);
    }
    return n;
}

void bench_shutdown(void)
{
    benchmark::Shutdown();
}

void bench_add_context(const char *key, const char *value)
{
    benchmark::AddCustomContext(key, value ? value : "");
}

bool bench_keep_running(bench_state *s, int64_t batch)
{
    return state_of(s).KeepRunningBatch(batch);
}

int64_t bench_arg(const bench_state *s, int index)
{
    return state_of(s).range(index);
}

int64_t bench_iterations(const bench_state *s)
{
    return state_of(s).iterations();
}

void bench_pause_timing(bench_state *s)
{
    state_of(s).PauseTiming();
}

void bench_resume_timing(bench_state *s)
{
    state_of(s).ResumeTiming();
}

void bench_set_items_processed(bench_state *s, int64_t items)
{
    state_of(s).SetItemsProcessed(items);
}

void bench_set_bytes_processed(bench_state *s, int64_t bytes)
{
    state_of(s).SetBytesProcessed(bytes);
}

void bench_set_counter(bench_state *s, const char *name, double value,
                       bench_counter_kind kind)
{
    state_of(s).counters[name] = benchmark::Counter(value, flags_of(kind));
}

void bench_set_label(bench_state *s, const char *label)
{
    state_of(s).SetLabel(label ? label : "");
}

void bench_skip_with_error(bench_state *s, const char *message)
{
    state_of(s).SkipWithError(message ? message : "error");
}

bool bench_error_occurred(const bench_state *s)
{
    return state_of(s).error_occurred();
}

}  // extern "C"
