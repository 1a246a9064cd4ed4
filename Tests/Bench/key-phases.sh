#!/usr/bin/env bash
# Where a keystroke's time goes inside travaux and inside the C floor (docs/performance.md):
# each program runs in a 200×60 pseudo-terminal with key-phases.so preloaded, which notes the
# wake for a key, the first cells handed to ncurses, the refresh and the last write. The
# program's own work, ncurses' and the total are timed in the process, so the harness's
# reading of the terminal, and much of a busy machine's noise, stay out of the figures. The
# wake, from the harness's write of the key to the program's wake, is the kernel's and the
# hypervisor's part, shown apart.
# Options by environment: PRESSES (200), ROUNDS (2, interleaved).
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED=${SHARED:-../shared/bench}
PRESSES=${PRESSES:-200}
ROUNDS=${ROUNDS:-2}
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/travaux-key-phases-XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT

swift build -c release --product travaux >&2
"$SHARED/build-floors.sh" "$SCRATCH/floors" >&2
gcc -O2 -Wall -shared -fPIC -o "$SCRATCH/key-phases.so" Tests/Bench/key-phases.c -ldl
mkdir -p "$SCRATCH/store" "$SCRATCH/cache"
export TRAVAUX_STORE="$SCRATCH/store" XDG_CACHE_HOME="$SCRATCH/cache" XDG_STATE_HOME="$SCRATCH/state"
RESULTS="$SCRATCH/results.jsonl"
run() { python3 Tests/Bench/key-phases.py "$1" "$PRESSES" "$SCRATCH/key-phases.so" -- "${@:2}" >> "$RESULTS"; }
for _ in $(seq "$ROUNDS"); do
    run floor-c "$SCRATCH/floors/floor" "$SCRATCH/floors/items-300.txt"
    run travaux-one-pane .build/release/travaux --fresh --record Data/record --one-pane
    run travaux .build/release/travaux --fresh --record Data/record
done
python3 - "$RESULTS" <<'PY'
import json, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    r = json.loads(line)
    rows.setdefault(r["label"], []).append(r)
def med(label, key, q="median"):
    return statistics.median(r[key][q] for r in rows[label])
print("%-18s %9s %9s %9s %9s %9s %9s" % ("program", "work", "cells", "refresh", "total", "total p25", "wake"))
for label in rows:
    print("%-18s %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f" % (label, med(label, "work_ms"), med(label, "cells_ms"),
          med(label, "refresh_ms"), med(label, "total_ms"), med(label, "total_ms", "p25"), med(label, "wake_ms")))
floor = med("floor-c", "total_ms")
for label in rows:
    if label != "floor-c":
        print("%s: total %.2f × the C floor's (p25 %.2f ×)" % (label, med(label, "total_ms") / floor,
              med(label, "total_ms", "p25") / med("floor-c", "total_ms", "p25")))
PY
