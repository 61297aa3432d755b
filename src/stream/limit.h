/*
 * limit.h - one reading method run in a child under a memory limit
 * smaller than the file, and how the child ended (S1 as the article tells
 * it: "production gets a 10GB file, and the process gets killed").
 *
 * The limit is RLIMIT_AS, set by the child on itself before it reads:
 * the address space it already has (code, libraries, the benchmark
 * library) plus a budget.  Past it an allocation or a mapping fails with
 * ENOMEM: what a Python MemoryError or a Go "out of memory" fatal error
 * come from.  A memory cgroup would instead let the allocation succeed
 * and have the kernel kill the process with SIGKILL when its pages pass
 * the limit; cgroups need a writable hierarchy that a benchmark run
 * cannot count on (this machine's is version 1 and belongs to its
 * container), so the limit here is the one every process may set.  A
 * child killed by a signal is recorded as such all the same.
 */
#ifndef STREAM_LIMIT_H
#define STREAM_LIMIT_H

#include <stddef.h>

/* The exit status of a child whose reading method could not allocate
 * (stream_child_run). */
#define STREAM_CHILD_NO_MEMORY 3

typedef enum limit_end {
    LIMIT_COMPLETED,     /* read the whole file, totals right */
    LIMIT_NO_MEMORY,     /* an allocation or mapping was refused */
    LIMIT_KILLED,        /* ended by a signal */
    LIMIT_FAILED,        /* anything else: a bad spec, a wrong total, I/O */
} limit_end;

/* "completed", "allocation failed", "killed by a signal", "failed". */
const char *limit_end_name(limit_end e);

typedef struct limit_outcome {
    limit_end end;
    int status;          /* the child's exit status, 128 + signal when killed */
    int signal;          /* LIMIT_KILLED: the signal; else 0 */
    size_t peak_rss;     /* the child's VmHWM in bytes; 0 when it sent none
                            (a child killed by a signal cannot) */
} limit_outcome;

/*
 * Runs 'program' as "--child=limit:<budget>:<spec>" (spec as
 * stream_child_spec writes it), waits, and fills *out.  Returns 0, or -1
 * when the child could not be started (a reason on stderr).
 */
int limit_run_child(const char *program, size_t budget, const char *spec,
                    limit_outcome *out);

/*
 * In the child: limits this process's address space to what it has now
 * plus 'budget' bytes.  Returns 0, or -1 with errno when the current size
 * cannot be read or setrlimit refuses.
 */
int limit_apply(size_t budget);

/* The outcome of a child that exited with 'status' (as child_output
 * returns it) and reported 'peak_rss' (0: none). */
limit_outcome limit_outcome_of(int status, size_t peak_rss);

#endif /* STREAM_LIMIT_H */
