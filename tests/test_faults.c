/* test_faults.c - the fault counters count first touches: this process's
 * own when it writes to fresh pages, and a child's once it has been
 * waited for (not before); counts only, never a time. */
#include "harness/faults.h"

#include <criterion/criterion.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGES 256

/* Maps PAGES fresh base pages (no huge pages: one fault each). */
static unsigned char *fresh_pages(size_t *bytes)
{
    *bytes = PAGES * (size_t)sysconf(_SC_PAGESIZE);
    void *p = mmap(NULL, *bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    cr_assert_neq(p, MAP_FAILED);
    madvise(p, *bytes, MADV_NOHUGEPAGE);
    return p;
}

/* One write per page: each the first touch of that page. */
static void touch(volatile unsigned char *p, size_t bytes)
{
    for (size_t i = 0; i < bytes; i += (size_t)sysconf(_SC_PAGESIZE))
        p[i] = 1;
}

Test(faults, a_first_touch_of_each_fresh_page_is_a_fault)
{
    size_t bytes;
    unsigned char *p = fresh_pages(&bytes);
    uint64_t before = minor_faults();
    touch(p, bytes);
    uint64_t first = minor_faults() - before;
    /* Touched again: the pages are mapped, no new fault for them. */
    before = minor_faults();
    touch(p, bytes);
    uint64_t again = minor_faults() - before;
    munmap(p, bytes);
    cr_assert_geq(first, PAGES, "%llu faults for %d fresh pages", (unsigned long long)first,
                  PAGES);
    cr_assert_lt(again, PAGES / 4, "%llu faults touching mapped pages again",
                 (unsigned long long)again);
}

Test(faults, a_childs_faults_count_once_it_is_waited_for)
{
    size_t bytes;
    unsigned char *p = fresh_pages(&bytes);
    uint64_t before = minor_faults_of_children();
    pid_t pid = fork();
    cr_assert_neq(pid, -1);
    if (pid == 0) {
        touch(p, bytes);   /* the parent's pages, private: each write faults */
        _exit(0);
    }
    /* The child runs (or has run) but is not waited for yet: not counted. */
    cr_assert_eq(minor_faults_of_children(), before);
    int status;
    cr_assert_eq(waitpid(pid, &status, 0), pid);
    cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    uint64_t counted = minor_faults_of_children() - before;
    munmap(p, bytes);
    cr_assert_geq(counted, PAGES, "%llu faults for the child's %d pages",
                  (unsigned long long)counted, PAGES);
}
