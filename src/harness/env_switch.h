/*
 * env_switch.h - the suite's on/off environment switches
 * (MEMLAYOUT_NO_PIN, MEMLAYOUT_IGNORE_REPORTED,
 * MEMLAYOUT_RSS_BASELINE_CHILD: README's table).
 *
 * One rule for all of them, so that what the README says (=1) is what
 * every program does: a switch is on when its value is exactly "1".  Any
 * other value, the empty string included, leaves it off; a typo such as
 * "yes" or "true" is not taken for a wish the suite might misread.
 */
#ifndef HARNESS_ENV_SWITCH_H
#define HARNESS_ENV_SWITCH_H

#include <stdbool.h>

/* Whether the environment variable name is set to exactly "1". */
bool env_switch_on(const char *name);

#endif /* HARNESS_ENV_SWITCH_H */
