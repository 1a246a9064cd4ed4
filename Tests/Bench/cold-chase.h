// Pointer chasing for cold-latency.c and cold-regions.c: 200 lines linked into one cycle in a
// random order, so that no load can start before the one before it ends, and the median of
// the cost per load over 15 rounds.
#ifndef COLD_CHASE_H
#define COLD_CHASE_H
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { lines = 200, rounds = 15 };

static double now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

// Links the `lines` slots into one cycle in a random order; returns where to start.
static void **chain_slots(char **slot) {
    int order[lines];
    for (int i = 0; i < lines; i++) order[i] = i;
    for (int i = lines - 1; i > 0; i--) {
        int j = rand() % (i + 1), t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    for (int i = 0; i < lines; i++) *(void **)slot[order[i]] = slot[order[(i + 1) % lines]];
    return (void **)slot[order[0]];
}

// Nanoseconds per load, following the cycle once.
static double chase(void **p) {
    double start = now_ns();
    for (int i = 0; i < lines; i++) p = (void **)*p;
    double end = now_ns();
    if (p == NULL) puts("");
    return (end - start) / lines;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *values) {
    qsort(values, rounds, sizeof *values, compare);
    return values[rounds / 2];
}
#endif
