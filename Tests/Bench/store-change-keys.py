"""The keys that come just as travaux reads its notes store again, after another process
added a note (docs/performance-log.md, "second session of 2026-11-23").

    python3 Tests/Bench/store-change-keys.py ROUNDS BINARY RECORD STORE

Copies STORE (which it never changes) and starts BINARY on RECORD and the copy in a 200x60
pseudo-terminal. Each round presses keys every 50 ms while `BINARY note add` runs, so no look
at the store comes before the note is in; then waits 1.02 s, 20 ms into the look that comes
after a second without keys, and presses 11 keys 20 ms apart. Prints each key's time to its
first byte of output, in ms, and the slowest key of each round.
"""
import os, select, shutil, subprocess, sys, tempfile, time
from pseudo_terminal import PseudoTerminal

rounds, binary, record, original = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
scratch = tempfile.mkdtemp(prefix="store-change-keys-")
store = scratch + "/store"
shutil.copytree(original, store)
item = subprocess.run([binary, "list", "events", "--json", "--record", record],
                      capture_output=True, text=True, check=True).stdout.split('"id"')[1].split('"')[1]
terminal = PseudoTerminal([binary, "--fresh", "--record", record, "--store", store])
terminal.drain(8)   # the store read and verified


def press(key):
    start = time.monotonic()
    terminal.press(key)
    ready, _, _ = select.select([terminal.fd], [], [], 2.0)
    elapsed = time.monotonic() - start
    if ready:
        os.read(terminal.fd, 65536)
    terminal.drain(0.01)
    return elapsed * 1000


slowest = []
for number in range(rounds):
    terminal.drain(1.5)
    other = subprocess.Popen([binary, "note", "add", item, f"another window's note {number}", "--record", record,
                              "--store", store], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while other.poll() is None:
        press(b"j"); press(b"k"); time.sleep(0.05)
    if other.returncode != 0:
        sys.exit(f"{binary} note add failed with {other.returncode}")
    press(b"j"); press(b"k")
    time.sleep(1.02)
    keys = [press(b"j")]
    for i in range(10):
        time.sleep(0.02)
        keys.append(press(b"k" if i % 2 == 0 else b"j"))
    slowest.append(max(keys))
    print(f"round {number}:", " ".join(f"{key:.1f}" for key in keys), flush=True)
terminal.quit()
shutil.rmtree(scratch, ignore_errors=True)
print("slowest key of each round (ms):", " ".join(f"{key:.1f}" for key in slowest))
