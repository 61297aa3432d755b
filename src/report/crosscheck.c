/* crosscheck.c - the boxed model and the real CPython, side by side (L4). */
#include "crosscheck.h"

#include "traverse/boxed.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>

#define MAX_SIZES 512
/* The model's cases and CPython's list of objects, which most figures set
 * side by side. */
#define BOXED "traverse/boxed"
#define OBJECTS "crosscheck/object_list"

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
    /* A row's cells after its size, in the order of the columns. */
    static const struct {
        const char *prefix, *metric, *after;
    } row[] = {
        {BOXED, "bytes_per_elem", ";"},
        {BOXED, "heap_bytes_per_elem", " |"},
        {OBJECTS, "bytes_per_elem", ";"},
        {OBJECTS, "getsizeof_bytes_per_elem", " |"},
        {BOXED, "cpu_ns_per_item", " |"},
        {OBJECTS, "cpu_ns_per_item", " |"},
        {"crosscheck/int_list", "cpu_ns_per_item", " ["},
        {"crosscheck/int_list", "builtin_sum_ns_per_elem", "] |"},
        {"crosscheck/float_list", "cpu_ns_per_item", " ["},
        {"crosscheck/float_list", "builtin_sum_ns_per_elem", "] |"},
        {"traverse/aos", "cpu_ns_per_item", " |\n"},
    };
    double last_traced = 0;
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        double a = args[i];
        double model_ns = report_run_median_at(run, BOXED, a, "cpu_ns_per_item");
        if (isnan(model_ns))
            continue;   /* a size the model did not run (another sweep) */
        double traced = report_run_median_at(run, OBJECTS, a, "bytes_per_elem");
        any = true;
        if (!isnan(traced))
            last_traced = a;
        text_printf(body, "| %.0f |", a);
        for (size_t c = 0; c < sizeof row / sizeof row[0]; c++)
            cell(body, report_run_median_at(run, row[c].prefix, a, row[c].metric),
                 row[c].after);
    }
    if (!any) {
        text_printf(body, "\nNo size was measured by both the model and CPython.\n\n");
        return;
    }
    text_printf(body, "\n");
    if (last_traced > 0) {
        double mb = report_run_median_at(run, BOXED, last_traced, "bytes_per_elem");
        double mh = report_run_median_at(run, BOXED, last_traced, "heap_bytes_per_elem");
        double pb = report_run_median_at(run, OBJECTS, last_traced, "bytes_per_elem");
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
        double mt = report_run_median_at(run, BOXED, args[i], "cpu_ns_per_item");
        double pt = report_run_median_at(run, OBJECTS, args[i], "cpu_ns_per_item");
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
