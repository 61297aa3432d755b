/*
 * fmt.c - the page's number formats (fmt.h).
 */
#include "page/fmt.h"

#include "page/html.h"

#include <math.h>

void fmt_bytes(FILE *out, double bytes)
{
    static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    if (!isfinite(bytes) || bytes < 0) {
        fputc('?', out);
        return;
    }
    size_t k = 0;
    while (bytes >= 1024 && k + 1 < sizeof units / sizeof *units) {
        bytes /= 1024;
        k++;
    }
    /* Whole sizes (32 KiB) without a decimal; others to one. */
    if (bytes == floor(bytes) || k == 0)
        fprintf(out, "%.0f %s", bytes, units[k]);
    else
        fprintf(out, "%.1f %s", bytes, units[k]);
}

void fmt_number(FILE *out, double v)
{
    if (!isfinite(v))
        fputc('?', out);
    else if (v == floor(v) && fabs(v) < 1e15)
        fprintf(out, "%.0f", v);
    else
        fprintf(out, "%.4g", v);
}

void fmt_cell(FILE *out, const json_t *cell)
{
    if (json_is_integer(cell))
        fprintf(out, "%" JSON_INTEGER_FORMAT, json_integer_value(cell));
    else if (json_is_real(cell))
        fmt_number(out, json_real_value(cell));
    else if (json_is_string(cell))
        html_text(out, json_string_value(cell));
    else if (json_is_null(cell) || !cell)
        fputs("&ndash;", out);
    else if (json_is_boolean(cell))
        fputs(json_is_true(cell) ? "yes" : "no", out);
    else
        fputc('?', out);
}
