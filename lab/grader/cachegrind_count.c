/* cachegrind_count.c - adds up one source file's events in cachegrind output. */
#include "cachegrind_count.h"

#include <stdlib.h>
#include <string.h>

enum { EV_DR, EV_D1MR, EV_DW, EV_D1MW, EV_WANTED };
#define MAX_EVENTS 32

/* The column of each wanted event on the "events:" line (split in place),
 * or false when one is missing. */
static bool read_events(char *line, int col[EV_WANTED])
{
    static const char *const names[EV_WANTED] = {"Dr", "D1mr", "Dw", "D1mw"};
    for (int e = 0; e < EV_WANTED; e++)
        col[e] = -1;
    int i = 0;
    for (char *save = NULL, *tok = strtok_r(line, " \t\n", &save); tok && i < MAX_EVENTS;
         tok = strtok_r(NULL, " \t\n", &save), i++)
        for (int e = 0; e < EV_WANTED; e++)
            if (strcmp(tok, names[e]) == 0)
                col[e] = i;
    for (int e = 0; e < EV_WANTED; e++)
        if (col[e] < 0)
            return false;
    return true;
}

/* Whether the fl= path ends in the component 'source'. */
static bool is_source(const char *path, const char *source)
{
    size_t n = strlen(path), m = strlen(source);
    return n >= m && strcmp(path + n - m, source) == 0 &&
           (n == m || path[n - m - 1] == '/');
}

bool cg_count_source(FILE *f, const char *source, cg_counts *out)
{
    *out = (cg_counts){0};
    char line[4096];
    int col[EV_WANTED];
    bool have_events = false, in_source = false;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (strncmp(line, "events:", 7) == 0) {
            have_events = read_events(line + 7, col);
        } else if (strncmp(line, "fl=", 3) == 0) {
            in_source = is_source(line + 3, source);
        } else if (in_source && have_events && line[0] >= '0' && line[0] <= '9') {
            /* "<line> <count> <count> ...": counts left out at the end are 0. */
            uint64_t v[MAX_EVENTS] = {0};
            char *p = line, *end;
            strtoull(p, &end, 10); /* the source line number */
            p = end;
            for (int i = 0; i < MAX_EVENTS; i++) {
                v[i] = strtoull(p, &end, 10);
                if (end == p)
                    break;
                p = end;
            }
            out->data_reads += v[col[EV_DR]];
            out->d1_read_misses += v[col[EV_D1MR]];
            out->data_writes += v[col[EV_DW]];
            out->d1_write_misses += v[col[EV_D1MW]];
            out->lines++;
        }
    }
    return have_events;
}
