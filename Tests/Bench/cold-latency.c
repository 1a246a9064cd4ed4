// What one load costs when it finds nothing in the caches, on this machine: the cost a key
// pays for each line of code and data, and each page, it needs after the program slept
// (docs/performance.md). Chases pointers through 200 lines in a random order, so no load can
// start before the one before it ends, and prints the median time per load, over 15 rounds:
// warm; after sleeping 50 ms (as between two keys); after writing 64 MiB and 1 GiB elsewhere;
// with the 200 lines packed in four pages, or one per page, or one per 8 KiB inside a 2 MiB
// huge page (when the kernel grants it: MADV_HUGEPAGE).
//   cc -O2 -o cold-latency Tests/Bench/cold-latency.c && ./cold-latency
#define _GNU_SOURCE
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cold-chase.h"

// Links `lines` slots `stride` bytes apart.
static void **chain(char *base, size_t stride) {
    char *slot[lines];
    for (int i = 0; i < lines; i++) slot[i] = base + i * stride;
    return chain_slots(slot);
}

int main(void) {
    size_t huge = 2u << 20, big = 1u << 30;
    char *packed = aligned_alloc(4096, lines * 64), *paged = aligned_alloc(4096, (size_t)lines * 4096);
    char *hugepage = aligned_alloc(huge, huge), *other = malloc(big);
    if (!packed || !paged || !hugepage || !other) return 1;
    int granted = madvise(hugepage, huge, MADV_HUGEPAGE) == 0;
    memset(packed, 1, lines * 64);
    memset(paged, 1, (size_t)lines * 4096);
    memset(hugepage, 1, huge);
    memset(other, 1, big);
    void **p = chain(packed, 64), **q = chain(paged, 4096), **h = chain(hugepage, 8192);
    double r[7][rounds];
    for (int k = 0; k < rounds; k++) {
        chase(p), chase(q);
        r[0][k] = chase(p);
        r[1][k] = chase(q);
        usleep(50000);
        r[2][k] = chase(p);
        usleep(50000);
        r[3][k] = chase(q);
        usleep(50000);
        r[4][k] = chase(h);
        chase(q);
        memset(other, k, 64u << 20);
        r[5][k] = chase(q);
        chase(q);
        memset(other, k + 1, big);
        r[6][k] = chase(q);
    }
    const char *names[] = {
        "warm, four pages", "warm, a page per line", "after 50 ms asleep, four pages",
        "after 50 ms asleep, a page per line", "after 50 ms asleep, 8 KiB apart in a huge page",
        "after writing 64 MiB, a page per line", "after writing 1 GiB, a page per line",
    };
    for (int i = 0; i < 7; i++) printf("%-48s %6.1f ns per load\n", names[i], median(r[i]));
    if (!granted) puts("(no huge page granted: the huge-page line is on ordinary pages)");
    return 0;
}
