/*
 * The reserve (see reserve.h): one for the process, address space only (its pages are
 * touched as they are used), handed out in order, each block after a header giving its
 * size. Only libraries that have just failed an allocation take from it, so a lock is
 * cheap enough.
 */
#include "lib/reserve.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define RESERVE_BYTES ((size_t)64 << 20)

typedef struct reserve_head {
    size_t size;
    size_t pad; /* keeps the block after it 16-byte aligned, as malloc's are */
} reserve_head;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static char *reserve;
static size_t used;
static unsigned long open_documents;

void *pdurep_reserve_alloc(size_t n)
{
    void *block = NULL;
    size_t need = (sizeof(reserve_head) + n + 15) & ~(size_t)15;
    pthread_mutex_lock(&lock);
    if (!reserve) {
        void *m = mmap(NULL, RESERVE_BYTES, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (m != MAP_FAILED)
            __atomic_store_n(&reserve, (char *)m, __ATOMIC_RELEASE);
    }
    if (reserve && need > n && RESERVE_BYTES - used >= need) {
        reserve_head *h = (reserve_head *)(reserve + used);
        used += need;
        h->size = n;
        block = h + 1;
    }
    pthread_mutex_unlock(&lock);
    return block;
}

void *pdurep_reserve_calloc(size_t n, size_t size)
{
    void *p = size && n > SIZE_MAX / size ? NULL : pdurep_reserve_alloc(n * size);
    if (p)
        memset(p, 0, n * size); /* a reserve used before holds what it held */
    return p;
}

void pdurep_reserve_free(void *p)
{
    if (!pdurep_reserve_owns(p))
        free(p);
}

int pdurep_reserve_owns(const void *p)
{
    const char *r = __atomic_load_n(&reserve, __ATOMIC_ACQUIRE);
    return r && (const char *)p >= r && (const char *)p < r + RESERVE_BYTES;
}

size_t pdurep_reserve_size(const void *p)
{
    return ((const reserve_head *)p - 1)->size;
}

void pdurep_reserve_begin(void)
{
    pthread_mutex_lock(&lock);
    open_documents++;
    pthread_mutex_unlock(&lock);
}

void pdurep_reserve_end(void)
{
    pthread_mutex_lock(&lock);
    if (open_documents && !--open_documents)
        used = 0;
    pthread_mutex_unlock(&lock);
}
