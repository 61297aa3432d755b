/* faults.c - this process's minor page faults so far. */
#include "harness/faults.h"

#include <sys/resource.h>

uint64_t minor_faults(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0)
        return 0;
    return (uint64_t)ru.ru_minflt;
}
