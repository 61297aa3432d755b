/*
 * paragraph.h - prose filled to a width, for --help.
 *
 * A program's purpose is written one source line per paragraph, never
 * broken by hand: a sentence a user reads in --help is then found whole
 * by grep, and an edit does not leave ragged lines to reflow.  This fills
 * it to the terminal's columns when it is printed.
 */
#ifndef PARAGRAPH_H
#define PARAGRAPH_H

#include <stddef.h>

/*
 * Writes 'text' into out (cap bytes, always terminated when cap > 0) with
 * line breaks so that no line is longer than 'width' columns, unless one
 * word alone is.  A '\n' in text is kept as a break; the spaces between
 * two words on one line are kept as written (two after a full stop stay
 * two), those where a line is broken are dropped, and spaces that begin
 * a line of text (an indent) are kept.  Returns the length the filled
 * text needs, not counting the terminator, like snprintf: a value >= cap
 * means out was cut short.  width 0 is taken as 1.
 */
size_t paragraph_fill(const char *text, size_t width, char *out, size_t cap);

#endif /* PARAGRAPH_H */
