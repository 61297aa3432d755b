/* crosscheck.c - the boxed model and the real CPython, side by side (L4). */
#include "crosscheck.h"

#include "traverse/boxed.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>

#define MAX_SIZES 512

/* The median of metric for case "<prefix>/<arg>"; NAN when absent. */
static double median_of(const report_run *run, const char *prefix, double arg,
                        const char *metric)
{
    char name[128];
    snprintf(name, sizeof name, "%s/%.0f", prefix, arg);
    summary s;
    return report_run_summary(run, name, metric, &s) == SAMPLE_OK ? s.median : NAN;
}

/* A table cell's value with 3 significant digits ("-" when absent),
 * then 'after' (the cell's end or a separator). */
static void cell(text *out, double v, const char *after)
{
    if (isnan(v))
        text_printf(out, " -%s", after);
    else
        text_printf(out, " %.3g%s", v, after);
}

void crosscheck_markdown(const report_run *run, text *body)
{
    text_printf(body, "#### The model beside CPython\n\n");
    if (!report_run_has_bench(run, "crosscheck")) {
        text_printf(body, "Not cross-checked: no crosscheck.json in this run "
                          "(`make crosscheck RUN=%s` measures the real interpreter "
                          "at the model's sizes).\n\n",
                    run->dir);
        return;
    }
    double args[MAX_SIZES];
    size_t n = report_run_args(run, "crosscheck/object_list", args, MAX_SIZES);
    if (n > MAX_SIZES)
        n = MAX_SIZES;
    const char *python = report_run_context(run, "crosscheck", "python");
    text_printf(body, "Measured with %s (`tools/crosscheck.py`): bytes per element "
                      "from tracemalloc (small sizes only; - elsewhere) and from "
                      "sys.getsizeof; CPU time per element of the loop `for x in "
                      "xs: total += x` (for objects, the model's loop: the score "
                      "of active users; in brackets, `sum(xs)`), medians over "
                      "repetitions; the model's and the array's CPU time too.\n\n"
                      "| elements | model B/elem (asked; held by malloc) | CPython "
                      "objects B/elem (tracemalloc; getsizeof) | model CPU ns/elem | "
                      "CPython objects CPU ns/elem | CPython ints CPU ns/elem | "
                      "CPython floats CPU ns/elem | array of records CPU ns/elem |\n"
                      "|---|---|---|---|---|---|---|---|\n",
                python ? python : "python3");
    double last_traced = 0;
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        double a = args[i];
        double model_ns = median_of(run, "traverse/boxed", a, "cpu_ns_per_item");
        if (isnan(model_ns))
            continue;   /* a size the model did not run (another sweep) */
        double traced = median_of(run, "crosscheck/object_list", a, "bytes_per_elem");
        any = true;
        if (!isnan(traced))
            last_traced = a;
        text_printf(body, "| %.0f |", a);
        cell(body, median_of(run, "traverse/boxed", a, "bytes_per_elem"), ";");
        cell(body, median_of(run, "traverse/boxed", a, "heap_bytes_per_elem"), " |");
        cell(body, traced, ";");
        cell(body, median_of(run, "crosscheck/object_list", a, "getsizeof_bytes_per_elem"),
             " |");
        cell(body, model_ns, " |");
        cell(body, median_of(run, "crosscheck/object_list", a, "cpu_ns_per_item"), " |");
        cell(body, median_of(run, "crosscheck/int_list", a, "cpu_ns_per_item"), " [");
        cell(body, median_of(run, "crosscheck/int_list", a, "builtin_sum_ns_per_elem"), "] |");
        cell(body, median_of(run, "crosscheck/float_list", a, "cpu_ns_per_item"), " [");
        cell(body, median_of(run, "crosscheck/float_list", a, "builtin_sum_ns_per_elem"),
             "] |");
        cell(body, median_of(run, "traverse/aos", a, "cpu_ns_per_item"), " |\n");
    }
    if (!any) {
        text_printf(body, "\nNo size was measured by both the model and CPython.\n\n");
        return;
    }
    text_printf(body, "\n");
    if (last_traced > 0) {
        double mb = median_of(run, "traverse/boxed", last_traced, "bytes_per_elem");
        double mh = median_of(run, "traverse/boxed", last_traced, "heap_bytes_per_elem");
        double pb = median_of(run, "crosscheck/object_list", last_traced, "bytes_per_elem");
        /* Like with like: tracemalloc counts the bytes CPython asks its
         * allocator for, so it is set against the bytes the model asks
         * for; malloc's headers and rounding have no CPython figure here. */
        text_printf(body, "Memory, at %.0f elements, bytes asked for per element: "
                          "CPython's list of objects %.0f (tracemalloc), the model "
                          "%.0f, %.0f%% of CPython's. ", last_traced, pb, mb,
                    100 * mb / pb);
        if (!isnan(mh))
            text_printf(body, "malloc holds %.0f for the model's; what CPython's "
                              "allocator holds is not measured, so held bytes are "
                              "not compared. ", mh);
    }
    /* Time: the ratio CPython / model at every size both measured, as a
     * median and a range, so that one disturbed size does not decide. */
    double ratios[MAX_SIZES];
    size_t nr = 0;
    for (size_t i = 0; i < n; i++) {
        double mt = median_of(run, "traverse/boxed", args[i], "cpu_ns_per_item");
        double pt = median_of(run, "crosscheck/object_list", args[i], "cpu_ns_per_item");
        if (!isnan(mt) && !isnan(pt) && mt > 0)
            ratios[nr++] = pt / mt;
    }
    summary r = summary_of(ratios, nr);
    text_printf(body, "Time: over the %zu sizes both measured, CPython's loop "
                      "takes %.3gx the model's time per element (median; from "
                      "%.3gx to %.3gx).\n\n",
                r.n, r.median, r.min, r.max);
    double py_int = report_run_context_number(run, "crosscheck", "sizeof_int");
    double py_float = report_run_context_number(run, "crosscheck", "sizeof_float");
    double py_obj = report_run_context_number(run, "crosscheck", "sizeof_object");
    text_printf(body, "Why they differ: the model keeps CPython's shape (a list of "
                      "pointers; each object a refcount and a type pointer; the "
                      "fields pointing to boxed numbers) but not every byte. "
                      "sys.getsizeof gives %.0f bytes for an int of this size, %.0f "
                      "for a float and %.0f for a User object (the cycle collector's "
                      "header included); the model's are %zu, %zu and %zu. In time, "
                      "the model has only the memory side of the cost: for each "
                      "element CPython also runs several bytecodes, looks the "
                      "attribute up through the type and updates reference counts",
                py_int, py_float, py_obj, sizeof(struct box_int),
                sizeof(struct box_float), sizeof(struct box_user));
    if (r.median >= 1.5)
        text_printf(body, ", which is why its loop is slower than the model's.\n\n");
    else
        text_printf(body, "; yet here the model's loop was about as slow as "
                          "CPython's, so the memory stalls the model measures cost "
                          "as much as that work on this run.\n\n");
}
