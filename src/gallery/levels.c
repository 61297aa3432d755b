/* levels.c - the cache sizes the gallery uses, and which level a size is in. */
#include "levels.h"

#include <stdint.h>
#include <unistd.h>

gallery_levels gallery_levels_reported(machine_caches sysfs, machine_caches cpuid)
{
    static const size_t fallback[3] = {GALLERY_FALLBACK_L1, GALLERY_FALLBACK_L2,
                                       GALLERY_FALLBACK_L3};
    size_t from_sysfs[3] = {sysfs.l1d, sysfs.l2, sysfs.l3};
    size_t from_cpuid[3] = {cpuid.l1d, cpuid.l2, cpuid.l3};
    gallery_levels l = {.n = 3, .measured = false};
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

/* True when the profile measured at least one level: profile_load()
 * already refused sizes that are not positive and ascending. */
static bool has_measured_levels(const machine_profile *p)
{
    return p && p->measured && p->nlevels > 0;
}

gallery_levels gallery_levels_pick(const machine_profile *profile, machine_caches sysfs,
                                   machine_caches cpuid)
{
    if (!has_measured_levels(profile))
        return gallery_levels_reported(sysfs, cpuid);
    gallery_levels l = {.measured = true};
    for (size_t k = 0; k < profile->nlevels && k < GALLERY_MAX_LEVELS; k++) {
        l.bytes[k] = profile->level[k].bytes;
        l.source[k] = "measured";
        l.n = k + 1;
    }
    return l;
}

/* glibc answers these from CPUID on x86; 0 or -1 when it cannot. */
static size_t sysconf_size(int name)
{
    long v = sysconf(name);
    return v > 0 ? (size_t)v : 0;
}

gallery_levels gallery_levels_now(const machine_profile *profile)
{
    machine_caches sysfs = {0, 0, 0}, cpuid = {0, 0, 0};
    /* The reports are read only for the fallback, and not at all when
     * the user asked for them to be ignored (sysfs already reads as 0). */
    if (!has_measured_levels(profile) && !profile_ignore_reported()) {
        sysfs = machine_cache_sizes();
        cpuid = (machine_caches){sysconf_size(_SC_LEVEL1_DCACHE_SIZE),
                                 sysconf_size(_SC_LEVEL2_CACHE_SIZE),
                                 sysconf_size(_SC_LEVEL3_CACHE_SIZE)};
    }
    return gallery_levels_pick(profile, sysfs, cpuid);
}

size_t gallery_last_level(const gallery_levels *l)
{
    return l->n ? l->bytes[l->n - 1] : 0;
}

size_t gallery_past_bytes(const gallery_levels *l, size_t max_ws, size_t page_bytes)
{
    if (l->n == 0 || page_bytes == 0)
        return 0;
    return max_ws - max_ws % page_bytes;
}

bool gallery_past_short(const gallery_levels *l, size_t past)
{
    return gallery_last_level(l) > past / GALLERY_PAST_MULTIPLE;
}

int gallery_level_of(const gallery_levels *l, size_t ws)
{
    for (size_t k = 0; k < l->n; k++)
        if (ws <= l->bytes[k])
            return (int)k + 1;
    return (int)l->n + 1;
}

int gallery_level_inside(const gallery_levels *l, size_t ws)
{
    int k = gallery_level_of(l, ws);
    size_t below = k > 1 ? l->bytes[k - 2] : 0;
    bool past_all = (size_t)k > l->n;
    if (ws < 2 * below || (!past_all && ws > l->bytes[k - 1] / 2))
        return 0;
    return k;
}
