// Where a keystroke's time goes inside an ncurses program, without changing the program:
// preloaded (LD_PRELOAD), this records when the key is woken for (poll on several
// descriptors, or read from the terminal), when the program first hands cells to ncurses
// (mvwadd_wchnstr, waddnwstr, wchgat), when it asks ncurses to refresh (wnoutrefresh, wrefresh),
// and when it writes to the terminal. The events go to $KEY_PHASES_OUT when it exits;
// key-phases.py reads them. Built by key-phases.sh:
//   gcc -O2 -shared -fPIC -o key-phases.so key-phases.c -ldl
#define _GNU_SOURCE
#define NCURSES_WIDECHAR 1
#include <dlfcn.h>
#include <ncursesw/curses.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#undef mvwadd_wchnstr
#undef waddnwstr
#undef wnoutrefresh
#undef wrefresh
#undef wchgat

enum { capacity = 1 << 20 };
static double times[capacity];
static char kinds[capacity];
static int count;

static void record(char kind) {
    if (count == capacity) return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    times[count] = now.tv_sec * 1e3 + now.tv_nsec / 1e6;
    kinds[count++] = kind;
}

#define NEXT(name) static __typeof__(name) *next; if (!next) next = dlsym(RTLD_NEXT, #name)

ssize_t read(int fd, void *buffer, size_t size) {
    NEXT(read);
    ssize_t got = next(fd, buffer, size);
    if (fd == 0 && got > 0) record('R');   // a key read from the terminal
    return got;
}

int poll(struct pollfd *fds, nfds_t n, int timeout) {
    NEXT(poll);
    int ready = next(fds, n, timeout);
    if (n > 1 && ready > 0) record('P');     // woken while waiting on the terminal and more
    return ready;
}

ssize_t write(int fd, const void *buffer, size_t size) {
    NEXT(write);
    ssize_t written = next(fd, buffer, size);
    if (fd == 1) record('W');
    return written;
}

int mvwadd_wchnstr(WINDOW *window, int y, int x, const cchar_t *cells, int n) {
    NEXT(mvwadd_wchnstr);
    record('A');
    return next(window, y, x, cells, n);
}

int waddnwstr(WINDOW *window, const wchar_t *text, int n) {
    NEXT(waddnwstr);
    record('A');
    return next(window, text, n);
}

int wchgat(WINDOW *window, int n, attr_t attributes, NCURSES_PAIRS_T pair, const void *options) {
    NEXT(wchgat);
    record('A');   // cells restyled in place (the selection bar moved)
    return next(window, n, attributes, pair, options);
}

int wnoutrefresh(WINDOW *window) {
    NEXT(wnoutrefresh);
    record('N');
    return next(window);
}

int wrefresh(WINDOW *window) {
    NEXT(wrefresh);
    record('N');
    return next(window);
}

__attribute__((destructor)) static void save(void) {
    const char *path = getenv("KEY_PHASES_OUT");
    if (!path) return;
    FILE *file = fopen(path, "w");
    if (!file) return;
    for (int i = 0; i < count; i++) fprintf(file, "%c %.4f\n", kinds[i], times[i]);
    fclose(file);
}
