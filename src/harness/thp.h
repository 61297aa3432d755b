/*
 * thp.h - transparent huge pages: the mode in effect, and what a buffer got.
 *
 * Linux may back anonymous memory with 2 MiB pages instead of 4 KiB ones.
 * /sys/kernel/mm/transparent_hugepage/enabled says when: "always", only in
 * ranges a program marked with madvise(MADV_HUGEPAGE) ("madvise"), or
 * "never".  The page size changes what a random access costs past the
 * caches (the TLB covers 512 times more memory with huge pages), so
 * results record the mode, and a measurement that asked for huge pages
 * checks in /proc/self/smaps how many bytes really got them.
 */
#ifndef THP_H
#define THP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Writes the selected word of a sysfs THP line ("always [madvise] never"
 * gives "madvise") into buf.  False, with buf untouched, when the line has
 * no bracketed word or it does not fit in buf. */
bool thp_parse_mode(const char *line, char *buf, size_t size);

/* The mode of /sys/kernel/mm/transparent_hugepage/<file> ("enabled" or
 * "defrag"), written into buf; "unavailable" when the file cannot be read
 * (a kernel without THP).  Returns buf. */
const char *thp_mode(const char *file, char *buf, size_t size);

/* Bytes of [addr, addr + len) backed by transparent huge pages: the
 * AnonHugePages of every mapping in /proc/self/smaps that overlaps the
 * range, at most len (a mapping that also covers memory outside the range
 * is counted whole, up to len).  -1 when smaps cannot be read. */
long long thp_huge_bytes(const void *addr, size_t len);

/* The same, reading smaps-formatted text from 'smaps' (for tests). */
long long thp_huge_bytes_in(FILE *smaps, const void *addr, size_t len);

#endif /* THP_H */
