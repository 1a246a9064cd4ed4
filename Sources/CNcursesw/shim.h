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
static inline attr_t travaux_color_pair(short n) { return COLOR_PAIR(n); }
static inline int travaux_wcwidth(wchar_t c) { return wcwidth(c); }
