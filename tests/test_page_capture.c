/* test_page_capture.c - memory-stream capture for the page tests
 * (test_page_capture.h); no tests of its own. */
#include "test_page_capture.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

void capture_open(capture *c)
{
    c->text = NULL;
    c->size = 0;
    c->f = open_memstream(&c->text, &c->size);
    cr_assert_not_null(c->f);
}

const char *capture_close(capture *c)
{
    cr_assert_eq(fclose(c->f), 0);
    c->f = NULL;
    return c->text;
}

void capture_free(capture *c)
{
    if (c->f)
        fclose(c->f);
    free(c->text);
    c->text = NULL;
    c->f = NULL;
}

size_t count_of(const char *hay, const char *needle)
{
    size_t n = 0, len = strlen(needle);
    for (const char *p = hay; (p = strstr(p, needle)); p += len)
        n++;
    return n;
}
