/*
 * layout_map.c - print where every field of the suite's records lies, and
 * which 64-byte cache line each field of the first elements lands on.
 *
 * Run:    make layout            (or build/bin/layout_map [--elements=N])
 * Output: plain text on stdout.  Per record (the article's User, the list
 *         node, the boxed objects, the arena and pool headers): each
 *         field's offset, size and the padding after it, all from
 *         offsetof/sizeof/alignof in this build.  Then maps of the User's
 *         first elements stored as an array of structs, an array of
 *         pointers and a struct of arrays; the cache lines the traverse
 *         loop reads per element in each layout (a model, see
 *         src/traverse/model.h); and two reorderings of User with
 *         what they save per element and per cache line.
 * Claims: L3, L4, L5 (docs/claims.md); docs/experiments/traverse.md says
 *         how to read it.
 */
#include "traverse/record_layout.h"
#include "traverse/record_catalog.h"
#include "traverse/model.h"
#include "traverse/user.h"
#include "build_info.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: layout_map [--elements=N]\n"
            "Prints each record's fields (offset, size, padding) and the cache lines\n"
            "the first N elements (default 8, at most 64) of struct user occupy as an\n"
            "array of structs, an array of pointers and a struct of arrays.\n");
}

static void print_record(const record_desc *r)
{
    size_t pad = record_padding(r);
    printf("%s  (%s)\n", r->name, r->where);
    printf("  sizeof %zu, alignof %zu: %zu bytes of data, %zu of padding (%.0f%%);\n"
           "  line: the cache line of each field when the record starts a line\n",
           r->size, r->align, record_payload(r), pad,
           100.0 * (double)pad / (double)r->size);
    printf("  %6s %5s %5s  %-14s %-26s %s\n", "offset", "size", "line", "field",
           "type", "padding after");
    for (size_t i = 0; i < r->nfields; i++) {
        const record_field *f = &r->fields[i];
        size_t after = record_padding_after(r, i);
        line_span s = line_span_of(f->offset, f->size);
        char line[16];
        if (s.first == s.last)
            snprintf(line, sizeof line, "L%zu", s.first);
        else
            snprintf(line, sizeof line, "L%zu-%zu", s.first, s.last);
        printf("  %6zu %5zu %5s  %-14s ", f->offset, f->size, line, f->name);
        if (after)
            printf("%-26s %zu (bytes %zu..%zu)\n", f->type, after, f->offset + f->size,
                   f->offset + f->size + after - 1);
        else
            printf("%s\n", f->type);
    }
    printf("\n");
}

/* The letter that marks field f's bytes in a strip: the field name's
 * first letter, upper case for even elements and lower case for odd ones,
 * so neighbouring elements can be told apart. */
static char field_mark(const record_desc *r, size_t f, size_t element)
{
    char c = r->fields[f].name[0];
    return element % 2 ? (char)(c | 0x20) : (char)(c & ~0x20);
}

/* Fills strip[0..len) for records of r placed every 'stride' bytes from
 * byte 'first' on, each preceded by 'head' bytes marked 'm' (malloc's size
 * word); bytes no record uses stay '.'. */
static void fill_strip(char *strip, size_t len, const record_desc *r,
                       size_t first, size_t stride, size_t head)
{
    memset(strip, '.', len);
    for (size_t e = 0; first + e * stride < len; e++) {
        size_t base = first + e * stride;
        for (size_t b = base >= head ? base - head : 0; b < base && b < len; b++)
            strip[b] = 'm';
        for (size_t f = 0; f < r->nfields; f++)
            for (size_t b = 0; b < r->fields[f].size; b++)
                if (base + r->fields[f].offset + b < len)
                    strip[base + r->fields[f].offset + b] = field_mark(r, f, e);
    }
}

static void print_strip(const char *label, const char *strip, size_t lines)
{
    for (size_t l = 0; l < lines; l++)
        printf("  %-14s line %zu |%.*s|\n", l ? "" : label, l, CACHE_LINE,
               strip + l * CACHE_LINE);
}

static void print_aos(const record_desc *r, size_t n)
{
    printf("Array of structs (%s users[n]): element i starts at byte i * %zu;\n"
           "%.2f elements per line.  Line (byte range) of each field:\n",
           r->name, r->size, record_per_line(r));
    printf("  %7s", "element");
    for (size_t f = 0; f < r->nfields; f++)
        printf("  %-16s", r->fields[f].name);
    printf("\n");
    for (size_t i = 0; i < n; i++) {
        printf("  %7zu", i);
        for (size_t f = 0; f < r->nfields; f++) {
            line_span s = record_aos_field_lines(r, i, f);
            size_t at = i * r->size + r->fields[f].offset;
            char cell[32];
            if (s.first == s.last)
                snprintf(cell, sizeof cell, "L%zu [%zu,%zu)", s.first, at,
                         at + r->fields[f].size);
            else
                snprintf(cell, sizeof cell, "L%zu-L%zu SPLIT", s.first, s.last);
            printf("  %-16s", cell);
        }
        printf("\n");
    }
    size_t lines = (n * r->size + CACHE_LINE - 1) / CACHE_LINE;
    char *strip = malloc(lines * CACHE_LINE);
    if (!strip)
        return;
    fill_strip(strip, lines * CACHE_LINE, r, 0, r->size, 0);
    printf("  Bytes of each line (I/i id, A/a active, S/s score, upper/lower case\n"
           "  alternate between elements, '.' padding):\n");
    print_strip("users[]", strip, lines);
    free(strip);
    printf("\n");
}

static void print_aop(const record_desc *r, size_t n)
{
    size_t chunk = malloc_chunk_model(r->size);
    printf("Array of pointers (%s *ptrs[n], each record its own allocation):\n"
           "  ptrs[i] lies in line i / 8 of the pointer array (8 pointers per line).\n",
           r->name);
    printf("  Each record is a separate malloc block; glibc gives a %zu-byte block a\n"
           "  %zu-byte chunk (an 8-byte size word, 'm' below, then the data, rounded\n"
           "  to 16).  Allocated in order on a fresh heap the chunks follow each other,\n"
           "  %zu bytes apart (traverse reports the real figure as heap_bytes_per_elem).\n"
           "  malloc returns 16-byte aligned data; shown with the first record 16 bytes\n"
           "  into a line, one of the four places it can start:\n",
           r->size, chunk, chunk);
    size_t lines = (16 + n * chunk + CACHE_LINE - 1) / CACHE_LINE;
    char *strip = malloc(lines * CACHE_LINE);
    if (!strip)
        return;
    fill_strip(strip, lines * CACHE_LINE, r, 16, chunk, 8);
    print_strip("in order", strip, lines);
    free(strip);
    printf("  Scattered (visited in shuffled order), consecutive pointers lead to\n"
           "  unrelated chunks: every element costs a line of its own, and the\n"
           "  active..score bytes cross into a second line when the data starts 48\n"
           "  bytes into a line (one chunk in four): %.2f lines per element.\n\n",
           lines_touched_expected(r->fields[1].offset,
                                  r->fields[2].offset + r->fields[2].size -
                                      r->fields[1].offset,
                                  16));
}

static void print_soa(const record_desc *r)
{
    printf("Struct of arrays (one array per field): element i of a field of s bytes\n"
           "lies in line i * s / 64 of that field's own array.  First line of each:\n");
    char strip[CACHE_LINE];
    for (size_t f = 0; f < r->nfields; f++) {
        size_t size = r->fields[f].size;
        for (size_t b = 0; b < CACHE_LINE; b++)
            strip[b] = field_mark(r, f, b / size);
        char label[32];
        snprintf(label, sizeof label, "%s[]", r->fields[f].name);
        printf("  %-14s line 0 |%.*s|  %zu elements\n", label, CACHE_LINE, strip,
               CACHE_LINE / size);
    }
    size_t used = r->fields[1].size + r->fields[2].size;
    printf("  A loop over active and score reads %zu bytes per element, %.1f%% of the\n"
           "  %zu an array of structs streams, and never loads id.\n\n",
           used, 100.0 * (double)used / (double)r->size, r->size);
}

static void print_model(void)
{
    printf("Cache lines the traverse loop (sum score of active users) reads per\n"
           "element, by layout (model: src/traverse/model.h):\n");
    printf("  %-15s %10s %10s %9s %9s %9s %6s %8s %s\n", "layout", "bytes/el",
           "heap B/el", "allocs/el", "seq lines", "rnd lines", "loads", "vs aos",
           "next address");
    for (size_t i = 0; i < traverse_model_layout_count; i++) {
        traverse_model m;
        if (!traverse_model_of(traverse_model_layouts[i], &m))
            continue;
        printf("  %-15s %10.1f %10.1f %9.0f %9.3f %9.3f %6d %7.2fx %s\n", m.layout,
               m.bytes_per_elem, m.heap_bytes_per_elem, m.allocs_per_elem,
               m.seq_lines_per_elem, m.rand_lines_per_elem, m.loads_to_value,
               traverse_model_ratio(m.layout, "aos"),
               m.chained ? "from this element's load" : "from the index");
    }
    printf("  seq lines stream in address order (the prefetcher can run ahead);\n"
           "  rnd lines are at unpredictable addresses; loads = dependent loads from\n"
           "  the index to the score; vs aos = lines / aos lines, the time ratio the\n"
           "  model predicts when memory bandwidth is the limit.\n\n");
}

static void compare_user(const record_desc *alt, const char *what)
{
    const record_desc *u = &record_user;
    double per_line_u = record_per_line(u), per_line_a = record_per_line(alt);
    printf("%s: %zu bytes (%zu padding) against %zu (%zu padding).\n", alt->name,
           alt->size, record_padding(alt), u->size, record_padding(u));
    printf("  %s\n", what);
    printf("  Saves %zu bytes per element (%.0f%%); %.2f elements per line instead of\n"
           "  %.2f; %.0f lines instead of %.0f for a million users.\n\n",
           u->size - alt->size, 100.0 * (double)(u->size - alt->size) / (double)u->size,
           per_line_a, per_line_u, 1e6 / per_line_a, 1e6 / per_line_u);
}

int main(int argc, char **argv)
{
    size_t n = 8;
    for (int i = 1; i < argc; i++) {
        char *end;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(stdout);
            return 0;
        }
        if (strncmp(argv[i], "--elements=", 11) == 0) {
            unsigned long v = strtoul(argv[i] + 11, &end, 10);
            if (*end == '\0' && end != argv[i] + 11 && v >= 1 && v <= 64) {
                n = v;
                continue;
            }
            fprintf(stderr, "layout_map: --elements wants a number from 1 to 64, not '%s'\n",
                    argv[i] + 11);
            return 2;
        }
        fprintf(stderr, "layout_map: unknown option '%s'\n", argv[i]);
        usage(stderr);
        return 2;
    }

    printf("Struct layout map: offsets from offsetof, sizes from sizeof, alignment\n"
           "from alignof, as compiled by %s (%s).  Cache line: %d bytes.\n\n",
           BUILD_COMPILER, BUILD_CFLAGS, CACHE_LINE);
    for (size_t i = 0; i < suite_record_count; i++)
        print_record(suite_records[i]);

    printf("== Where the first %zu users lie ==\n\n", n);
    print_aos(&record_user, n);
    print_aop(&record_user, n);
    print_soa(&record_user);
    print_model();

    printf("== Reordering User ==\n\n");
    compare_user(&record_user_reordered,
                 "Largest fields first: the 7 padding bytes move from after active to\n"
                 "  the end, because sizeof must stay a multiple of alignof (8) so that\n"
                 "  the next element's id and score are aligned.  Reordering helps a\n"
                 "  record with several small fields to group; User has one.");
    compare_user(&record_user_narrow,
                 "Largest first and id narrowed to int32_t: the small fields now\n"
                 "  share one 8-byte slot.");
    return 0;
}
