"""A word arriving at the / prompt in one burst, and the same word typed a key at a time
(docs/performance-log.md, "fourth session of 2026-11-24").

    python3 Tests/Bench/search-burst.py ROUNDS BINARY RECORD STORE [WORD]

Starts BINARY on RECORD and STORE (only read) in a 200x60 pseudo-terminal, ROUNDS times.
Each round starts it twice; each start waits 8 s for the store to be read and prepared and
opens the search with `/`. The first start is sent WORD (default `verification`) in one
write, as a terminal that does not mark pastes sends a paste, or as keys typed while a
search runs reach the program, and the time until the screen goes quiet for 80 ms (its last
byte) is printed. The second is sent WORD a key at a time, each key timed the same way.
"""
import os, select, sys, time
from pseudo_terminal import PseudoTerminal

rounds, binary, record, store = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
word = (sys.argv[5] if len(sys.argv) > 5 else "verification").encode()


def until_quiet(terminal, quiet=0.08, limit=5.0):
    """Milliseconds from now to the last byte before `quiet` seconds of silence."""
    start = time.monotonic()
    ready, _, _ = select.select([terminal.fd], [], [], limit)
    if not ready:
        return None
    os.read(terminal.fd, 65536)
    last = time.monotonic()
    while time.monotonic() - start < limit:
        ready, _, _ = select.select([terminal.fd], [], [], quiet)
        if not ready:
            return (last - start) * 1000
        os.read(terminal.fd, 65536)
        last = time.monotonic()
    return None


def timed(terminal, keys):
    """Milliseconds from writing `keys` to the screen's last byte after them."""
    terminal.press(keys)
    return until_quiet(terminal)


def started():
    terminal = PseudoTerminal([binary, "--fresh", "--record", record, "--store", store])
    terminal.drain(8)
    terminal.press(b"/")
    until_quiet(terminal)
    return terminal


def quit(terminal):
    """Esc twice (the prompt, then the search), and q."""
    for _ in range(2):
        terminal.press(b"\x1b")
        terminal.drain(0.3)
    terminal.quit()


bursts, singles = [], []
for number in range(rounds):
    # Each in a fresh start: the answers kept for the words typed before would serve the other.
    terminal = started()
    bursts.append(timed(terminal, word))
    quit(terminal)
    terminal = started()
    keys = [timed(terminal, bytes([letter])) for letter in word]
    singles.append(sum(keys))
    quit(terminal)
    print(f"round {number}: burst {bursts[-1]:.1f} ms; key by key", " ".join(f"{key:.1f}" for key in keys), flush=True)
bursts.sort()
singles.sort()
print(f"{len(word)} letters in one burst, median {bursts[len(bursts) // 2]:.1f} ms; "
      f"key by key, the sum of a start's keys, median {singles[len(singles) // 2]:.1f} ms")
