/* Kernel stacks with an unmapped guard page below each (mm/kstack.c). */
#ifndef CAIRN_MM_KSTACK_H
#define CAIRN_MM_KSTACK_H

/* Returns the lowest address of a new KSTACK_SIZE stack, or NULL. */
void *kstack_alloc(void);
void kstack_free(void *stack);

#endif
