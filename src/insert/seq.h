/*
 * seq.h - what an insert or a removal at a position can answer.
 *
 * Shared by the two sequences of the insert experiment (seq_array.h, a
 * dynamic array that shifts its tail with memmove, and seq_list.h, a
 * linked list that walks to the position), so a caller handles both the
 * same way.
 */
#ifndef SEQ_H
#define SEQ_H

typedef enum seq_status {
    SEQ_OK = 0,
    SEQ_NO_MEMORY,      /* the allocator refused; the sequence is unchanged */
    SEQ_BAD_POSITION,   /* position past the end; the sequence is unchanged */
} seq_status;

#endif /* SEQ_H */
