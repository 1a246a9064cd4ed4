/* The floor for opening a notes store: list the directory and stat every file, as any
 * reader that notices changed files must; nothing is decoded. Prints milliseconds.
 * Built and run by bench-terminal.sh beside `travaux-bench --notes-store`. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: store-floor DIR REPS\n"); return 2; }
    int reps = atoi(argv[2]);
    for (int rep = 0; rep < reps; rep++) {
        double start = now_ms();
        DIR *dir = opendir(argv[1]);
        if (!dir) { perror(argv[1]); return 1; }
        struct dirent *entry;
        struct stat info;
        long files = 0;
        while ((entry = readdir(dir))) {
            size_t n = strlen(entry->d_name);
            if (n > 5 && strcmp(entry->d_name + n - 5, ".json") == 0 && fstatat(dirfd(dir), entry->d_name, &info, 0) == 0) files++;
        }
        closedir(dir);
        printf("%.3f %ld\n", now_ms() - start, files);
    }
    return 0;
}
