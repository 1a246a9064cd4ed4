// What a cold page costs by where it sits (docs/performance.md): a page's translation takes
// a walk through the page tables, and on this virtual machine the walk is dearer when the
// page shares its table with no other page touched. Chases pointers through 200 lines in a
// random order, warm and after sleeping 50 ms (as between two keys), with the lines packed in
// four pages; one per page, the pages side by side; one page in each 2 MiB region (a page
// table of its own); one page in each 1 GiB region. Prints the median per load over 15 rounds.
//   cc -O2 -o cold-regions Tests/Bench/cold-regions.c && ./cold-regions
#define _GNU_SOURCE
#include <sys/mman.h>
#include <unistd.h>

#include "cold-chase.h"

enum { layouts = 4 };

// An address range reserved, not backed: only the pages written get memory.
static char *reserve(size_t size) {
    char *base = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (base == MAP_FAILED) return NULL;
    madvise(base, size, MADV_NOHUGEPAGE);
    return base;
}

int main(void) {
    char *packed = aligned_alloc(4096, lines * 64), *paged = aligned_alloc(4096, (size_t)lines * 4096);
    char *regions = reserve((size_t)lines << 21), *far = reserve((size_t)lines << 30);
    if (!packed || !paged || !regions || !far) return 1;
    char *slot[layouts][lines];
    for (int i = 0; i < lines; i++) {
        slot[0][i] = packed + i * 64;
        slot[1][i] = paged + (size_t)i * 4096;
        // Not always the region's first page, so the tables' own lines differ too.
        slot[2][i] = regions + ((size_t)i << 21) + (size_t)(i % 7) * 4096;
        slot[3][i] = far + ((size_t)i << 30) + (size_t)(i % 7) * 4096;
    }
    void **start[layouts];
    for (int k = 0; k < layouts; k++) start[k] = chain_slots(slot[k]);
    double warm[layouts][rounds], cold[layouts][rounds];
    for (int r = 0; r < rounds; r++) {
        for (int k = 0; k < layouts; k++) {
            chase(start[k]);
            warm[k][r] = chase(start[k]);
            usleep(50000);
            cold[k][r] = chase(start[k]);
        }
    }
    const char *name[layouts] = {
        "lines packed in four pages", "a page per line, side by side",
        "a page in each 2 MiB region", "a page in each 1 GiB region",
    };
    printf("%-32s %8s %18s\n", "ns per load", "warm", "after 50 ms asleep");
    for (int k = 0; k < layouts; k++) printf("%-32s %8.1f %18.1f\n", name[k], median(warm[k]), median(cold[k]));
    return 0;
}
