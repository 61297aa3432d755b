/* tsan_main.c - runs every case of cases.h once, for make test-tsan: prints
 * each result and exits 1 if any case failed (a data race makes
 * ThreadSanitizer end the run itself, with both stacks). */
#include "cases.h"

#include <stdio.h>

int main(void)
{
    int failures = 0;
    for (size_t i = 0; i < threaded_case_count; i++) {
        const char *problem = threaded_cases[i].run();
        printf("%-28s %s%s\n", threaded_cases[i].name, problem ? "FAIL: " : "ok",
               problem ? problem : "");
        failures += problem != NULL;
    }
    printf("%zu cases, %d failed\n", threaded_case_count, failures);
    return failures ? 1 : 0;
}
