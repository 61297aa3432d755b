/*
 * enum_text.h - an enum value's text, looked up in a table indexed by the
 * enum.
 *
 * The tables are written with designated initializers, [VALUE] = "text",
 * so each text stands beside its enumerator.  A table cannot be checked
 * for completeness the way a switch is, and a caller may pass a value
 * cast from outside the enum: both give the fallback text, never a read
 * past the table or a NULL.
 */
#ifndef ENUM_TEXT_H
#define ENUM_TEXT_H

#include <stddef.h>

/* texts[value], or 'fallback' when value is out of range or has no text. */
static inline const char *enum_text(const char *const *texts, size_t count,
                                    long long value, const char *fallback)
{
    if (value < 0 || (unsigned long long)value >= count || !texts[value])
        return fallback;
    return texts[value];
}

/* enum_text over a whole array 'texts'. */
#define ENUM_TEXT(texts, value, fallback) \
    enum_text((texts), sizeof(texts) / sizeof((texts)[0]), (value), (fallback))

#endif /* ENUM_TEXT_H */
