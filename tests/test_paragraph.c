/* test_paragraph.c - --help's paragraph filling: breaks, kept spaces,
 * long words, hard breaks, indents, and output cut short. */
#include "harness/paragraph.h"

#include <criterion/criterion.h>
#include <string.h>

static const char *filled(const char *text, size_t width)
{
    static char out[512];
    size_t need = paragraph_fill(text, width, out, sizeof out);
    cr_assert_eq(need, strlen(out), "'%s' fits the buffer", text);
    return out;
}

Test(paragraph, empty_and_one_word)
{
    cr_assert_str_eq(filled("", 10), "");
    cr_assert_str_eq(filled("word", 10), "word");
    cr_assert_str_eq(filled("   ", 10), "", "trailing spaces alone write nothing");
}

Test(paragraph, breaks_before_the_word_that_would_pass_the_width)
{
    /* "one two" is 7 columns: at width 7 it fits, at 6 it breaks. */
    cr_assert_str_eq(filled("one two three", 7), "one two\nthree");
    cr_assert_str_eq(filled("one two three", 6), "one\ntwo\nthree");
    cr_assert_str_eq(filled("one two three", 13), "one two three");
}

Test(paragraph, keeps_the_gaps_it_does_not_break_at)
{
    cr_assert_str_eq(filled("End.  Next one.", 40), "End.  Next one.");
    cr_assert_str_eq(filled("End.  Next", 5), "End.\nNext", "the gap at a break is dropped");
}

Test(paragraph, a_word_longer_than_the_width_stands_alone)
{
    cr_assert_str_eq(filled("a verylongword b", 5), "a\nverylongword\nb");
    cr_assert_str_eq(filled("ab cd", 0), "ab\ncd", "width 0 is 1");
}

Test(paragraph, hard_breaks_and_indents_are_kept)
{
    cr_assert_str_eq(filled("one two\n\nthree four", 7), "one two\n\nthree\nfour");
    cr_assert_str_eq(filled("list:\n  item one", 40), "list:\n  item one");
    cr_assert_str_eq(filled("trailing  \nnext", 40), "trailing\nnext");
}

Test(paragraph, output_cut_short_is_terminated_and_counted)
{
    char out[6];
    memset(out, 'x', sizeof out);
    size_t need = paragraph_fill("one two three", 7, out, sizeof out);
    cr_assert_eq(need, strlen("one two\nthree"));
    cr_assert_str_eq(out, "one t");
    cr_assert_eq(paragraph_fill("abc", 7, NULL, 0), 3, "cap 0 only counts");
}
