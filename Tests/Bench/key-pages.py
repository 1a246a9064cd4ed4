#!/usr/bin/env python3
"""How many memory pages one keystroke touches, and where they are (docs/performance.md).

Usage: key-pages.py LABEL PRESSES -- COMMAND...

After the program slept, a key pays for every page it touches: on this virtual machine a
page whose translation has left the caches costs 0.1-0.2 us more than its line, and 0.4-0.7 us
when the page sits in a 2 MiB region of its own (Tests/Bench/cold-latency.c). This counts the
pages exactly, with no timing at all: before each key the kernel forgets which pages the
program used (/proc/PID/clear_refs), and after it /proc/PID/smaps says which it used since
(Referenced). Starts COMMAND in a 200x60 pseudo-terminal, presses j and k (25 of each in turn)
PRESSES times 100 ms apart, quits with q, and prints one JSON line: per key, the median
number of 4 KiB pages touched in all, and by place: the program's code and its data, the
heap, the stack, other anonymous memory, each shared library's code and data, the locale.
The first 3 keys are left out. Needs permission to write the program's clear_refs (the same
user, or root).
"""
import collections, json, os, statistics, sys

from pseudo_terminal import PseudoTerminal, nth_key


def main():
    label, presses = sys.argv[1], int(sys.argv[2])
    command = sys.argv[sys.argv.index("--") + 1:]
    program = os.path.realpath(command[0]) if os.path.exists(command[0]) else command[0]
    terminal = PseudoTerminal(command)
    pid = terminal.pid

    def place(path, permissions):
        if path == program:
            return "program code" if "x" in permissions else "program data"
        if path in ("[heap]", "[stack]"):
            return path[1:-1]
        if path in ("", "[anon]"):
            return "other anonymous"
        if path.startswith("["):
            return path[1:-1]                # vdso, vvar
        name = os.path.basename(path)
        if "locale" in path or name.startswith("LC_"):
            return "locale"
        return name + (" code" if "x" in permissions else " data")

    def touched():
        pages = collections.Counter()
        current = None
        with open(f"/proc/{pid}/smaps") as smaps:
            for line in smaps:
                fields = line.split()
                if "-" in fields[0] and ":" not in fields[0]:
                    current = place(fields[5] if len(fields) > 5 else "", fields[1])
                elif fields[0] == "Referenced:" and current is not None:
                    pages[current] += int(fields[1]) // 4
        return pages

    terminal.drain(3.0)
    keys = []
    for i in range(presses):
        with open(f"/proc/{pid}/clear_refs", "w") as clear:
            clear.write("1")
        terminal.drain(0.05)
        terminal.press(nth_key(i))
        terminal.drain(0.05)
        keys.append(touched())
    terminal.quit()

    keys = keys[3:]
    places = sorted({p for k in keys for p in k}, key=lambda p: -statistics.median(k[p] for k in keys))
    print(json.dumps({
        "label": label, "keys": len(keys),
        "pages": statistics.median(sum(k.values()) for k in keys),
        "by_place": {p: statistics.median(k[p] for k in keys) for p in places if statistics.median(k[p] for k in keys) > 0},
    }))


main()
