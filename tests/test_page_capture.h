/* test_page_capture.h - what a page writer wrote, as a string: the tests of
 * src/page/ call a writer on a memory stream and look for fragments. */
#ifndef TESTS_TEST_PAGE_CAPTURE_H
#define TESTS_TEST_PAGE_CAPTURE_H

#include <stdio.h>

typedef struct capture {
    char *text;
    size_t size;
    FILE *f;
} capture;

/* Opens a memory stream in c (asserts it opened). */
void capture_open(capture *c);

/* Closes the stream: c->text holds what was written (NUL-terminated). */
const char *capture_close(capture *c);

void capture_free(capture *c);

/* How many times needle occurs in hay. */
size_t count_of(const char *hay, const char *needle);

#endif /* TESTS_TEST_PAGE_CAPTURE_H */
