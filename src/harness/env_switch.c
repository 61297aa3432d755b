/* env_switch.c - the suite's on/off environment switches (env_switch.h). */
#include "harness/env_switch.h"

#include <stdlib.h>
#include <string.h>

bool env_switch_on(const char *name)
{
    const char *value = getenv(name);
    return value && strcmp(value, "1") == 0;
}
