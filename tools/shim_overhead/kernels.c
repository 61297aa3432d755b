/* kernels.c - setup shared by both sides of the shim-overhead comparison. */
#include "kernels.h"

#include "alloc/alloc.h"

#include <stdlib.h>

__attribute__((noinline)) void kernels_tick(long *counter)
{
    ++*counter;
}

layout *kernels_make_aos(size_t n)
{
    struct user *users = malloc(n * sizeof *users);
    layout *l = malloc(sizeof *l);
    if (!users || !l || (user_generate(users, n, 42),
                         !layout_build(l, layout_find("aos"), users, n, 42, alloc_libc()))) {
        free(users);
        free(l);
        return NULL;
    }
    free(users);
    return l;
}

void kernels_free_aos(layout *l)
{
    layout_destroy(l, alloc_libc());
    free(l);
}
