/* summary_print.c - stride's measured cache levels, as text for a reader. */
#include "stride/summary_print.h"

#include "harness/sizes.h"

void stride_print_summary(FILE *out, const stride_summary *sum, machine_caches c,
                          size_t line_bytes, size_t page_bytes)
{
    char sz[32], rep[32];
    size_t reported[] = {c.l1d, c.l2, c.l3};
    const levels_fit *fit = &sum->levels;
    fprintf(out, "stride: cache levels measured (pointer chase, %s pages):\n",
            sum->levels_pages == PAGES_HUGE ? "huge" : "base");
    for (size_t k = 0; k < fit->count; k++)
        fprintf(out, "  L%zu      %6.1f ns  up to %-10s (the system reports L%zu: %s)\n",
                k + 1, fit->ns[k], size_format((size_t)fit->bytes[k], sz, sizeof sz), k + 1,
                k < 3 && reported[k] ? size_format(reported[k], rep, sizeof rep) : "none");
    fprintf(out, "  memory  %6.1f ns\n", fit->ns[fit->count]);
    if (sum->have_bend)
        fprintf(out, "stride: the read curve bends at a stride of %.0f B "
                "(reported line %zu B, page %zu B)\n",
                sum->bend.x, line_bytes, page_bytes);
}
