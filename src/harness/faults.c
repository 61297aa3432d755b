/* faults.c - minor page faults so far, of this process or its children. */
#include "harness/faults.h"

#include <sys/resource.h>

static uint64_t minflt(int who)
{
    struct rusage ru;
    if (getrusage(who, &ru) != 0)
        return 0;
    return (uint64_t)ru.ru_minflt;
}

uint64_t minor_faults(void)
{
    return minflt(RUSAGE_SELF);
}

uint64_t minor_faults_of_children(void)
{
    return minflt(RUSAGE_CHILDREN);
}
