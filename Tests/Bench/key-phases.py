#!/usr/bin/env python3
"""Where a keystroke's time goes inside an ncurses program (see key-phases.c).

Usage: key-phases.py LABEL PRESSES PRELOAD -- COMMAND...

Starts COMMAND in a 200x60 pseudo-terminal with PRELOAD (key-phases.so) preloaded, waits
for it to settle, presses j and k (25 of each in turn) PRESSES times 50 ms apart, quits with
q, and prints one JSON line: per key, median and first quartile (ms) of
  work     from the wake for the key to the first cells handed to ncurses: the program's own
           reading of the key and working out of the frame;
  cells    from there to the refresh: handing the changed cells to ncurses;
  refresh  from there to the last write to the terminal: ncurses working out and writing
           the update;
  total    from the wake to the last write;
  wake     from the harness's write of the key to the wake: the kernel's and, in a virtual
           machine, the hypervisor's part, which the program does not control.
The first 5 keys and the last 2 are left out.
"""
import json, os, statistics, sys, tempfile, time

from pseudo_terminal import PseudoTerminal, nth_key

def main():
    label, presses, preload = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    command = sys.argv[sys.argv.index("--") + 1:]
    out = tempfile.NamedTemporaryFile(prefix="key-phases-", suffix=".txt", delete=False).name
    terminal = PseudoTerminal(command, {"LD_PRELOAD": preload, "KEY_PHASES_OUT": out})
    terminal.drain(3.0)
    # Times on the same clock as the preloaded library's (CLOCK_MONOTONIC, in ms).
    def now_ms():
        return time.clock_gettime(time.CLOCK_MONOTONIC) * 1e3
    written = []
    for i in range(presses):
        written.append(now_ms())
        terminal.press(nth_key(i))
        terminal.drain(0.05)
    terminal.quit()
    events = [(line[0], float(line[2:])) for line in open(out)]
    os.unlink(out)

    keys, current = [], None
    for kind, at in events:
        if kind in "PR" and (current is None or "W" in current):
            if current:
                keys.append(current)
            current = {"S": at}
        elif current is not None:
            if kind == "W" or kind not in current:
                current[kind] = at
    if current:
        keys.append(current)
    for key, write in zip(keys, written):
        key["written"] = write
    keys = [k for k in keys[5:-2] if "W" in k and "A" in k and "N" in k and "written" in k]

    def figure(values):
        values = sorted(values)
        return {"median": round(statistics.median(values), 4), "p25": round(values[len(values) // 4], 4)}

    print(json.dumps({"label": label, "keys": len(keys),
                      "work_ms": figure(k["A"] - k["S"] for k in keys),
                      "cells_ms": figure(k["N"] - k["A"] for k in keys),
                      "refresh_ms": figure(k["W"] - k["N"] for k in keys),
                      "total_ms": figure(k["W"] - k["S"] for k in keys),
                      "wake_ms": figure(k["S"] - k["written"] for k in keys)}))

main()
