"""A note saved in the Notes pane of a large store, timed as a person sees it: from Ctrl-S to
the frame that says "note saved" (docs/performance-log.md, "third session of 2026-11-23").

    python3 Tests/Bench/notes-pane-save.py SAVES BINARY RECORD STORE [timeline]

Copies STORE (which it never changes) and starts BINARY on RECORD and the copy in a 200x60
pseudo-terminal, opens the Notes pane, and SAVES times edits the selected note (`e`, one
letter typed, Ctrl-S); with `timeline`, stays in the Timeline and writes a new note on the
selected event each time (`a`). Prints each save's time to the end of the frame that says
so, in ms, and their median. The time includes writing the note (two fsyncs).
"""
import os, select, shutil, statistics, sys, tempfile, time
from pseudo_terminal import PseudoTerminal

saves, binary, record, original = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
in_timeline = sys.argv[5:] == ["timeline"]
scratch = tempfile.mkdtemp(prefix="notes-pane-save-")
store = scratch + "/store"
shutil.copytree(original, store)
terminal = PseudoTerminal([binary, "--fresh", "--record", record, "--store", store])
terminal.drain(8)   # the store read and verified
if not in_timeline:
    terminal.press(b"5")
    terminal.drain(2)


def until(text, timeout=5.0):
    """Reads output until `text` has been seen and 30 ms pass without more; the time of its last byte."""
    seen, last, end = b"", None, time.monotonic() + timeout
    while time.monotonic() < end:
        wait = 0.03 if text in seen else end - time.monotonic()
        ready, _, _ = select.select([terminal.fd], [], [], max(0, wait))
        if not ready:
            if text in seen:
                return last
            continue
        seen += os.read(terminal.fd, 65536)
        last = time.monotonic()
    sys.exit(f"no {text!r} within {timeout} s")


times = []
for number in range(saves):
    terminal.press(b"a" if in_timeline else b"e")
    terminal.drain(0.3)
    terminal.press(b"x")
    terminal.drain(0.3)
    start = time.monotonic()
    terminal.press(b"\x13")   # Ctrl-S
    times.append((until(b"note saved") - start) * 1000)
    print(f"save {number}: {times[-1]:.1f} ms", flush=True)
    terminal.drain(0.5)
terminal.quit()
shutil.rmtree(scratch, ignore_errors=True)
print(f"median of {saves} saves: {statistics.median(times):.1f} ms")
