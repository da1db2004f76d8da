#ifndef KUBEC_HEAP_TUNING_H
#define KUBEC_HEAP_TUNING_H

/// Tells glibc's allocator that this process keeps what it allocates until it exits: grow the heap in large
/// steps, never map a large block on its own, never hand memory back while running.
void kubec_keep_heap(void);

#endif
