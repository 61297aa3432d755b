/* levels.c - the cache sizes the gallery uses, and which level a size is in. */
#include "levels.h"

#include <stdint.h>
#include <unistd.h>

gallery_levels gallery_levels_pick(machine_caches sysfs, machine_caches cpuid)
{
    static const size_t fallback[3] = {GALLERY_FALLBACK_L1, GALLERY_FALLBACK_L2,
                                       GALLERY_FALLBACK_L3};
    size_t from_sysfs[3] = {sysfs.l1d, sysfs.l2, sysfs.l3};
    size_t from_cpuid[3] = {cpuid.l1d, cpuid.l2, cpuid.l3};
    gallery_levels l;
    for (int k = 0; k < 3; k++) {
        size_t limit = k == 2 ? GALLERY_MAX_OWN_L3 : SIZE_MAX;
        size_t below = k ? l.bytes[k - 1] : 0;
        if (from_sysfs[k] && from_sysfs[k] <= limit && from_sysfs[k] > below) {
            l.bytes[k] = from_sysfs[k];
            l.source[k] = "sysfs";
        } else if (from_cpuid[k] && from_cpuid[k] <= limit && from_cpuid[k] > below) {
            l.bytes[k] = from_cpuid[k];
            l.source[k] = "cpuid";
        } else {
            l.bytes[k] = fallback[k] > below ? fallback[k] : 2 * below;
            l.source[k] = "fallback";
        }
    }
    return l;
}

/* glibc answers these from CPUID on x86; 0 or -1 when it cannot. */
static size_t sysconf_size(int name)
{
    long v = sysconf(name);
    return v > 0 ? (size_t)v : 0;
}

gallery_levels gallery_levels_now(void)
{
    machine_caches cpuid = {sysconf_size(_SC_LEVEL1_DCACHE_SIZE),
                            sysconf_size(_SC_LEVEL2_CACHE_SIZE),
                            sysconf_size(_SC_LEVEL3_CACHE_SIZE)};
    return gallery_levels_pick(machine_cache_sizes(), cpuid);
}

int gallery_level_of(const gallery_levels *l, size_t ws)
{
    for (int k = 0; k < 3; k++)
        if (ws <= l->bytes[k])
            return k + 1;
    return 4;
}

int gallery_level_inside(const gallery_levels *l, size_t ws)
{
    int k = gallery_level_of(l, ws);
    size_t below = k > 1 ? l->bytes[k - 2] : 0;
    if (ws < 2 * below || (k < 4 && ws > l->bytes[k - 1] / 2))
        return 0;
    return k;
}
