/* list.h - the linked list's node, shared so tools can print its layout. */
#ifndef LIST_H
#define LIST_H

#include "user.h"

/* One record and the address of the next node; the last node's next is
 * NULL.  Each node is its own allocation (list.c). */
struct user_node {
    struct user user;
    struct user_node *next;
};

#endif /* LIST_H */
