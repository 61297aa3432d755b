/*
 * card.h - the machine card at the top of the page: the cache levels the
 * run measured beside the sizes the system reported, the compiler,
 * allocator and noise grade, and the warnings of the calibration.
 */
#ifndef PAGE_CARD_H
#define PAGE_CARD_H

#include "page/load.h"

#include <stdio.h>

/* Writes the card (a <div class="card">) for run; a run without
 * machine.json gets a card that says so. */
void page_machine_card(FILE *out, const page_run *run);

#endif /* PAGE_CARD_H */
