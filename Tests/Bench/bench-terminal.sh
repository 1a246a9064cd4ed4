#!/usr/bin/env bash
# travaux as a person feels it, beside the floors, in one run (docs/performance.md):
#   - time to the first full frame, keystroke latency, bytes per key and peak memory, in a
#     200×60 pseudo-terminal (../shared/bench/ttfb.py), for the C, Swift and Swift+Foundation
#     floors and for travaux on the shipped record (1×) and a synthetic 100× record, started
#     from the record's snapshot and without one, and with one pane at a time (--one-pane);
#   - opening a store of 100,000 notes, beside a C program that only lists and stats it.
# Prints the table and the ratios the budgets are written in. Options by environment:
#   REPS (5), PRESSES (30), NOTES=0 to skip the store, KEEP=1 to keep the scratch directory.
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED=${SHARED:-../shared/bench}
REPS=${REPS:-5}
PRESSES=${PRESSES:-30}
NOTES=${NOTES:-1}
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/travaux-bench-terminal-XXXXXX")
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$SCRATCH"' EXIT

echo "building (release) and preparing data in $SCRATCH" >&2
swift build -c release --product travaux >&2
swift build -c release --product travaux-bench >&2
"$SHARED/build-floors.sh" "$SCRATCH/floors" >&2
.build/release/travaux-bench --scale 100 --write-record "$SCRATCH/record-100x" >&2
mkdir -p "$SCRATCH/store"
export TRAVAUX_STORE="$SCRATCH/store"   # never a real store
export XDG_STATE_HOME="$SCRATCH/state"  # nor the user's last place; with --fresh, every run starts alike

RESULTS="$SCRATCH/results.jsonl"
OPTS=(--cols 200 --rows 60 --reps "$REPS" --warmup 1 --presses "$PRESSES" --settle-ms 150 --gap-ms 100 --timeout 60)
measure() {   # LABEL EXPECT -- COMMAND...
    local label=$1 expect=$2; shift 3
    echo "measuring $label" >&2
    python3 "$SHARED/ttfb.py" --label "$label" "${OPTS[@]}" --expect "$expect" --key j --quit q -- "$@" >> "$RESULTS"
}
F="$SCRATCH/floors"
measure floor-c 'item 1/300\b' -- "$F/floor" "$F/items-300.txt"
measure floor-swift 'item 1/300\b' -- "$F/floor-swift" "$F/items-300.txt"
measure floor-swift-foundation 'item 1/300\b' -- "$F/floor-swift-foundation" "$F/items-300.txt"
# The record's snapshots go to the scratch directory. A start with a snapshot is every start
# but the first after the record changed; the 100× record was just written, so it waits out
# the 2 s margin for coarse file times, then one CLI run saves each snapshot.
export XDG_CACHE_HOME="$SCRATCH/cache"
sleep 2
.build/release/travaux --record Data/record list works >/dev/null
.build/release/travaux --record "$SCRATCH/record-100x" list works >/dev/null
measure travaux-1x 'q quit' -- .build/release/travaux --fresh --record Data/record
measure travaux-100x 'q quit' -- .build/release/travaux --fresh --record "$SCRATCH/record-100x"
# One pane at a time (z): the list alone, so a key moves only its highlight.
measure travaux-1x-one-pane 'q quit' -- .build/release/travaux --fresh --record Data/record --one-pane
measure travaux-100x-one-pane 'q quit' -- .build/release/travaux --fresh --record "$SCRATCH/record-100x" --one-pane
# Without a snapshot (a cache directory that cannot be made): the first start after a change.
XDG_CACHE_HOME=/dev/null/none measure travaux-1x-cold 'q quit' -- .build/release/travaux --fresh --record Data/record
XDG_CACHE_HOME=/dev/null/none measure travaux-100x-cold 'q quit' -- .build/release/travaux --fresh --record "$SCRATCH/record-100x"

STORE_RESULTS="$SCRATCH/store.txt"
if [ "$NOTES" != 0 ]; then
    echo "writing a store of 100,000 notes" >&2
    .build/release/travaux-bench --scale 100 --write-store "$SCRATCH/notes-100k" >&2
    cc -O2 -o "$SCRATCH/store-floor" Tests/Bench/store-floor.c
    .build/release/travaux-bench --scale 1 --only notes.load --notes-store "$SCRATCH/notes-100k" --iterations 1 >/dev/null 2>&1  # writes its cache
    "$SCRATCH/store-floor" "$SCRATCH/notes-100k" "$REPS" > "$STORE_RESULTS.floor"
    .build/release/travaux-bench --scale 1 --only notes.load,notes.open --notes-store "$SCRATCH/notes-100k" --iterations "$REPS" --json > "$STORE_RESULTS.travaux" 2>/dev/null
fi

python3 - "$RESULTS" "$STORE_RESULTS" <<'PY'
import json, os, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    d = json.loads(line)
    rows[d["label"]] = d
def med(d, key):
    v = d.get(key) or {}
    return v.get("median")
def p90(d, key):
    v = d.get(key) or {}
    return v.get("p90")
def least(d, key):
    v = d.get(key) or {}
    return v.get("min")
# The smallest key is what a key costs when nothing else runs: on a busy machine, medians of
# the floor and of travaux move with the other load, and the smallest keys still compare.
print(f"{'program':24} {'first frame ms':>15} {'key ms':>8} {'key p90':>8} {'key min':>8} {'bytes/key':>10} {'peak RSS MiB':>13}")
for label, d in rows.items():
    if d.get("errors"):
        print(f"{label:24} errors: {d['errors'][:1]}")
        continue
    rss = med(d, "rss_kb")
    print(f"{label:24} {med(d,'ttff_ms'):15.1f} {med(d,'key_last_ms'):8.2f} {p90(d,'key_last_ms'):8.2f} {least(d,'key_last_ms'):8.2f} {med(d,'key_bytes'):10.0f} {rss/1024:13.1f}")
def ratio(a, ka, b, kb):
    try:
        return med(rows[a], ka) / med(rows[b], kb)
    except (KeyError, TypeError, ZeroDivisionError):
        return float("nan")
print()
print("budgets (ratios measured in this run):")
checks = [
    ("first frame 1× / Swift+Foundation floor", ratio("travaux-1x", "ttff_ms", "floor-swift-foundation", "ttff_ms"), 1.3),
    ("key latency 1× / C floor", ratio("travaux-1x", "key_last_ms", "floor-c", "key_last_ms"), 1.3),
    ("bytes per key 1× / C floor", ratio("travaux-1x", "key_bytes", "floor-c", "key_bytes"), 1.5),
    ("peak memory 1× / Swift+Foundation floor", ratio("travaux-1x", "rss_kb", "floor-swift-foundation", "rss_kb"), 1.5),
    ("key latency 100× / C floor", ratio("travaux-100x", "key_last_ms", "floor-c", "key_last_ms"), 1.3),
    ("one pane: key latency 1× / C floor", ratio("travaux-1x-one-pane", "key_last_ms", "floor-c", "key_last_ms"), 1.3),
    ("one pane: bytes per key 1× / C floor", ratio("travaux-1x-one-pane", "key_bytes", "floor-c", "key_bytes"), 1.5),
    ("one pane: key latency 100× / C floor", ratio("travaux-100x-one-pane", "key_last_ms", "floor-c", "key_last_ms"), 1.3),
]
smallest = lambda a: least(rows.get(a, {}), "key_last_ms") / least(rows["floor-c"], "key_last_ms") if a in rows and "floor-c" in rows else float("nan")
checks += [
    ("(smallest keys) key 1× / C floor", smallest("travaux-1x"), 1.3),
    ("(smallest keys) one pane: key 1× / C floor", smallest("travaux-1x-one-pane"), 1.3),
]
for name, value, budget in checks:
    print(f"  {name:42} {value:6.2f}  (budget {budget}) {'met' if value <= budget else 'MISSED'}")
ff100 = med(rows.get("travaux-100x", {}), "ttff_ms")
if ff100 is not None:
    print(f"  {'first frame 100× (ms)':42} {ff100:6.1f}  (budget 120) {'met' if ff100 <= 120 else 'MISSED'}")
cold1 = ratio("travaux-1x-cold", "ttff_ms", "floor-swift-foundation", "ttff_ms")
cold100 = med(rows.get("travaux-100x-cold", {}), "ttff_ms")
if cold100 is not None:
    print(f"  without the record's snapshot (the first start after the record changed):")
    print(f"  {'  first frame 1× / Swift+Foundation floor':42} {cold1:6.2f}  (budget 1.3) {'met' if cold1 <= 1.3 else 'MISSED'}")
    print(f"  {'  first frame 100× (ms)':42} {cold100:6.1f}  (budget 120) {'met' if cold100 <= 120 else 'MISSED'}")
floor_path, travaux_path = sys.argv[2] + ".floor", sys.argv[2] + ".travaux"
if os.path.exists(floor_path) and os.path.exists(travaux_path):
    floor = statistics.median(float(l.split()[0]) for l in open(floor_path) if l.strip())
    report = json.load(open(travaux_path))
    load = next(r["median_ms"] for r in report["results"] if r["name"] == "notes.load")
    opened = next(r["median_ms"] for r in report["results"] if r["name"] == "notes.open")
    print()
    print(f"store of 100,000 notes: list+stat floor (C) {floor:.1f} ms; verifying load {load:.1f} ms ({load / floor:.2f}×);")
    print(f"  the interface's open from the cache {opened:.1f} ms; budget 300 ms {'met' if opened <= 300 else 'MISSED'}")
PY
