"""Time and peak memory of the checker on each small hostile file of tests/test_hostile_input.py. Not a test.

    python bench/hostile.py [--record]

Runs those tests (they build every file and run `cli.py check` in a child process) with FAIRRECRUIT_HOSTILE_FIGURES
set, so each child run appends its wall time and peak RSS; prints one line a run and the worst figures against
the targets (2 s and 300 MB a file); `--record` appends the summary to bench/hostile-results.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_S, TARGET_MB = 2.0, 300.0
RESULTS = ROOT / "bench" / "hostile-results.md"


def _commit() -> str:
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout
    return head.stdout.strip() + ("+dirty" if dirty.strip() else "") if head.returncode == 0 else "?"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--record", action="store_true", help=f"append the summary to {RESULTS.name}")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "figures.jsonl"
        env = {**os.environ, "FAIRRECRUIT_HOSTILE_FIGURES": str(log)}
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                               "tests/test_hostile_input.py"], cwd=ROOT, env=env, capture_output=True, text=True)
        runs = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []
    if not runs:
        print(done.stdout[-2000:], done.stderr[-2000:], sep="\n")
        return 1
    for r in sorted(runs, key=lambda r: -r["seconds"]):
        size = f"{r['bytes'] / 1024:,.0f} KB" if r["bytes"] else "folder"
        print(f"{r['seconds']:6.2f} s {r['peak_mb']:7.1f} MB  exit {r['code']}  {size:>10}  {r['test']}")
    worst_s, worst_mb = max(r["seconds"] for r in runs), max(r["peak_mb"] for r in runs)
    over = [r["test"] for r in runs if r["seconds"] > TARGET_S or r["peak_mb"] > TARGET_MB]
    line = (f"{len(runs)} runs: slowest {worst_s:.2f} s, peak {worst_mb:.0f} MB "
            f"(targets {TARGET_S:.0f} s, {TARGET_MB:.0f} MB): {'all within' if not over else f'{len(over)} over'}")
    print(line)
    print("tests:", done.stdout.strip().splitlines()[-1] if done.stdout.strip() else "?")
    if args.record:
        commit = _commit()  # before this file is written
        if not RESULTS.exists():
            RESULTS.write_text("# Hostile files: time and memory\n\nAppended by `python bench/hostile.py --record`."
                               "\n\n| date | result | commit |\n|---|---|---|\n", encoding="utf-8")
        with RESULTS.open("a", encoding="utf-8") as fh:
            fh.write(f"| {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} | {line} | {commit} |\n")
    return 0 if not over else 1


if __name__ == "__main__":
    raise SystemExit(main())
