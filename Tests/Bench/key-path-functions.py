#!/usr/bin/env python3
"""Writes the list of travaux's own functions that a keystroke runs, busiest first, which the
release build's linker uses to put them next to each other (Package.swift,
Sources/travaux/key-path-functions.txt, docs/performance.md).

Usage: key-path-functions.py BINARY > Sources/travaux/key-path-functions.txt

BINARY is a release build of travaux. Runs it under valgrind's callgrind in a 200x60
pseudo-terminal, on the shipped record with one pane and then with the list and the reader,
twice each: once pressing j and k (25 of each in turn) 50 times, once 150 times. A function's
cost in the longer run minus the shorter is what the 100 keys more cost; every function of
the binary with a cost there is printed, one mangled name per line, the one-pane key's
functions first. Needs valgrind, and a store and a cache the runs may use (TRAVAUX_STORE,
XDG_CACHE_HOME).
"""
import collections, os, re, subprocess, sys, tempfile

from pseudo_terminal import PseudoTerminal, nth_key


# The shipped record, wherever the script is run from.
RECORD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Data", "record")


def run(binary, arguments, presses, output):
    terminal = PseudoTerminal(["valgrind", "--tool=callgrind", f"--callgrind-out-file={output}", binary, *arguments])
    terminal.drain(10.0)   # callgrind starts slowly
    for i in range(presses):
        terminal.press(nth_key(i))
        terminal.drain(0.05)
    terminal.quit(3.0)


def self_cost(path):
    """Instructions run in each function itself (calls excluded), by name."""
    names, cost, function, skip = {}, collections.Counter(), None, False
    for line in open(path, errors="replace"):
        match = re.match(r"(c?fn)=\((\d+)\)(?: (.*))?", line.rstrip("\n"))
        if match:
            if match.group(3) is not None:
                names[match.group(2)] = match.group(3)
            if match.group(1) == "fn":
                function = names[match.group(2)].split("'")[0]
            continue
        if line.startswith("calls="):
            skip = True   # the next line is the call's inclusive cost
            continue
        if line[:1].isdigit() or line[:1] in "+-*":
            if skip:
                skip = False
                continue
            fields = line.split()
            if len(fields) > 1:
                cost[function] += int(fields[1])
    return cost


def main():
    binary = sys.argv[1]
    defined = set()
    for line in subprocess.run(["nm", "--defined-only", binary], capture_output=True, text=True, check=True).stdout.splitlines():
        fields = line.split()
        if len(fields) == 3 and fields[1] in "tTwW":
            defined.add(fields[2])
    ordered = []
    with tempfile.TemporaryDirectory() as scratch:
        for layout in (["--one-pane"], []):
            runs = []
            for presses in (50, 150):
                output = os.path.join(scratch, f"callgrind-{len(ordered)}-{presses}")
                run(binary, ["--fresh", "--record", RECORD, *layout], presses, output)
                runs.append(self_cost(output))
            extra = {name: runs[1][name] - runs[0].get(name, 0) for name in runs[1]}
            for name, _ in sorted(extra.items(), key=lambda item: -item[1]):
                if extra[name] > 0 and name in defined and name not in ordered:
                    ordered.append(name)
    print("\n".join(ordered))


main()
