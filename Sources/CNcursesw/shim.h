// Swift sees wide-character ncurses only with these defined before the include.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Macros Swift does not import.
static inline int travaux_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int travaux_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline attr_t travaux_a_bold(void) { return A_BOLD; }
static inline attr_t travaux_a_reverse(void) { return A_REVERSE; }
static inline attr_t travaux_a_underline(void) { return A_UNDERLINE; }
static inline attr_t travaux_a_dim(void) { return A_DIM; }
static inline attr_t travaux_a_italic(void) { return A_ITALIC; }
static inline attr_t travaux_color_pair(short n) { return COLOR_PAIR(n); }
static inline int travaux_wcwidth(wchar_t c) { return wcwidth(c); }

// ---------------------------------------------------------------------------
// Additions for TravauxCurses (the only Swift module that imports this header).
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

// What setcchar makes of one spacing character, without its checks (wcslen, wcwidth), which
// were a seventh of a keystroke's drawing: the cell cleared, the attributes, the pair in the
// attributes (at most 255 there, as ncurses keeps it) and whole in ext_color. A test checks
// the result against setcchar's, byte for byte.
static inline void travaux_spacing_cchar(cchar_t *cell, wchar_t character, attr_t attributes, short pair) {
    memset(cell, 0, sizeof *cell);
    cell->attr = (attributes & ~A_COLOR) | COLOR_PAIR(pair > 255 ? 255 : pair);
    cell->chars[0] = character;
#if NCURSES_EXT_COLORS
    cell->ext_color = pair;
#endif
}

// Globals Swift 6 refuses to read (shared mutable state); read once, on the curses thread.
static inline WINDOW *travaux_stdscr(void) { return stdscr; }
static inline FILE *travaux_stdin(void) { return stdin; }
static inline FILE *travaux_stdout(void) { return stdout; }
static inline int travaux_colors(void) { return COLORS; }
static inline int travaux_color_pairs(void) { return COLOR_PAIRS; }

// Sets the locale from the environment; when that is not UTF-8 (LANG unset in CI, a
// Latin-1 locale), switches the character type alone to C.UTF-8 so that ncursesw
// counts columns of multibyte text right. Numbers stay in the C locale, so nothing
// formatted with printf-style code gains a decimal comma. Returns 1 when UTF-8.
static inline int travaux_prepare_locale(void) {
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0)) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL && setlocale(LC_CTYPE, "C.utf8") == NULL) return 0;
    codeset = nl_langinfo(CODESET);
    return codeset && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
}

// Mouse: presses and releases of three buttons and the wheel (buttons 4 and 5). Clicks
// too: a press and its release read in one burst reach the program as one click.
static inline mmask_t travaux_mouse_events(void) {
    return BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED
         | BUTTON2_PRESSED | BUTTON2_RELEASED | BUTTON2_CLICKED
         | BUTTON3_PRESSED | BUTTON3_RELEASED | BUTTON3_CLICKED
         | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
// 1, 2, 3 for a press (or click) of that button, 0 otherwise.
static inline int travaux_mouse_pressed_button(mmask_t s) {
    if (s & (BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED)) return 1;
    if (s & (BUTTON2_PRESSED | BUTTON2_CLICKED | BUTTON2_DOUBLE_CLICKED)) return 2;
    if (s & (BUTTON3_PRESSED | BUTTON3_CLICKED | BUTTON3_DOUBLE_CLICKED)) return 3;
    return 0;
}
static inline int travaux_mouse_released(mmask_t s) {
    return (s & (BUTTON1_RELEASED | BUTTON2_RELEASED | BUTTON3_RELEASED)) != 0;
}
// -1 for the wheel turned up, 1 for down, 0 otherwise.
static inline int travaux_mouse_wheel(mmask_t s) {
    if (s & BUTTON4_PRESSED) return -1;
    if (s & BUTTON5_PRESSED) return 1;
    return 0;
}

// Signals. The handler only writes the signal number to a non-blocking pipe, which is
// async-signal-safe; the run loop reads the pipe and ends or suspends the session on
// its own thread. This descriptor is the one piece of state a signal handler needs; it
// lives here, in C, so that Swift code keeps none. Being `static` in a header, each
// compiled file that uses it has its own copy: `travaux_catch_signal` sets the copy its
// own handler reads, and `travaux_forget_signal_pipe` must be called from the same Swift
// file (SignalRouting.swift) to clear it.
static volatile sig_atomic_t travaux_signal_write_fd = -1;

static inline void travaux_on_signal(int signal_number) {
    int saved_errno = errno;
    int fd = travaux_signal_write_fd;
    if (fd >= 0) {
        unsigned char byte = (unsigned char)signal_number;
        ssize_t written = write(fd, &byte, 1);
        (void)written;  // a full pipe already holds a pending signal
    }
    errno = saved_errno;
}

// A pipe whose ends are non-blocking and closed on exec; 0 on success.
static inline int travaux_make_signal_pipe(int fds[2]) {
    if (pipe(fds) != 0) return -1;
    for (int i = 0; i < 2; i++) {
        int flags = fcntl(fds[i], F_GETFL);
        if (flags < 0 || fcntl(fds[i], F_SETFL, flags | O_NONBLOCK) < 0
            || fcntl(fds[i], F_SETFD, FD_CLOEXEC) < 0) {
            close(fds[0]);
            close(fds[1]);
            return -1;
        }
    }
    return 0;
}

// Routes a signal to the pipe. No SA_RESTART: a blocking read or poll returns EINTR,
// so the run loop notices at once.
static inline int travaux_catch_signal(int signal_number, int write_fd) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = travaux_on_signal;
    sigemptyset(&action.sa_mask);
    travaux_signal_write_fd = write_fd;
    return sigaction(signal_number, &action, NULL);
}

// Unblocks a signal for the calling thread: a program started from a thread that
// blocks signals (a thread pool, some process launchers) inherits that mask, and would
// otherwise never see Ctrl-C, a resize or a request to terminate.
static inline int travaux_unblock_signal(int signal_number) {
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, signal_number);
    return pthread_sigmask(SIG_UNBLOCK, &mask, NULL);
}

static inline int travaux_signal_is_blocked(int signal_number) {
    sigset_t mask;
    if (pthread_sigmask(SIG_BLOCK, NULL, &mask) != 0) return 0;
    return sigismember(&mask, signal_number) == 1;
}

static inline int travaux_block_signal(int signal_number) {
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, signal_number);
    return pthread_sigmask(SIG_BLOCK, &mask, NULL);
}

static inline int travaux_save_signal(int signal_number, struct sigaction *previous) {
    return sigaction(signal_number, NULL, previous);
}

static inline int travaux_restore_signal(int signal_number, const struct sigaction *previous) {
    return sigaction(signal_number, previous, NULL);
}

static inline void travaux_forget_signal_pipe(void) { travaux_signal_write_fd = -1; }

static inline int travaux_default_signal(int signal_number, struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    return sigaction(signal_number, &action, previous);
}

// Job control: stops the process with the default SIGTSTP action and returns once it
// is continued (SIGCONT), with the previous SIGTSTP disposition back in place.
// `whole_group`: the Ctrl-Z key, which the terminal no longer turns into a signal, stops the
// process group as the terminal would have (a script that ran travaux stops with it, and
// its shell takes the terminal back); SIGTSTP itself already reached the group.
static inline void travaux_stop_until_continued(int whole_group) {
    struct sigaction previous;
    travaux_default_signal(SIGTSTP, &previous);
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &mask, NULL);
    kill(whole_group ? 0 : getpid(), SIGTSTP);
    sigaction(SIGTSTP, &previous, NULL);
}
