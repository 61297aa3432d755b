/* latency_model.c - lines per element times measured latency and bandwidth. */
#include "latency_model.h"

static bool levels_usable(const machine_levels *lv)
{
    if (lv->count > LATENCY_MAX_LEVELS || !(lv->line_bytes > 0))
        return false;
    for (size_t k = 0; k < lv->count; k++) {
        if (!(lv->ns[k] > 0) || lv->bytes[k] == 0)
            return false;
        if (k > 0 && (lv->bytes[k] <= lv->bytes[k - 1] || lv->ns[k] < lv->ns[k - 1]))
            return false;
    }
    return true;
}

bool latency_predict(const traverse_model *m, double ws_bytes,
                     const machine_levels *lv, latency_prediction *out)
{
    if (!m || !lv || !out || !levels_usable(lv))
        return false;
    int level = -1;
    for (size_t k = 0; k < lv->count; k++)
        if (ws_bytes <= (double)lv->bytes[k]) {
            level = (int)k;
            break;
        }
    double lat = level >= 0 ? lv->ns[level] : lv->mem_ns;
    if (!(lat > 0))
        return false;
    latency_prediction p = {.level = level, .latency_ns = lat};
    if (level < 0 && lv->mem_bytes_per_ns > 0)
        p.stream_ns = m->seq_lines_per_elem * lv->line_bytes / lv->mem_bytes_per_ns;
    p.random_ns = m->rand_lines_per_elem * lat;
    p.total_ns = p.stream_ns + p.random_ns;
    p.upper_bound = !m->chained && m->rand_lines_per_elem > 0;
    *out = p;
    return true;
}
