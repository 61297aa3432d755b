/* kernels.h - the two kernels timed both through the C shim and directly
 * from C++, compiled once so both sides run identical machine code. */
#ifndef SHIM_OVERHEAD_KERNELS_H
#define SHIM_OVERHEAD_KERNELS_H

#include "traverse/layout.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The trivial kernel: one increment, out of line so that both sides run
 * the same call and the same instructions per iteration. */
void kernels_tick(long *counter);

/* A real kernel's data: the traverse array of structs with n records. */
layout *kernels_make_aos(size_t n);
void kernels_free_aos(layout *l);

#ifdef __cplusplus
}
#endif

#endif
