"""Reading cost (read + validate) of this checkout against an earlier revision, on one generated workbook. Not a test.

    python bench/reading.py [--base f3eba33] [--workers 10000] [--rounds 3] [--record]

Issue 8 asks that reading stay within 1.5x of its cost before issue 8 (revision f3eba33). Figures from different
days are not comparable (this machine's speed varies by a factor of two between sessions), so both revisions
are measured here, on the same workbook, alternately, each run in its own process; the figure kept for each is
the least CPU time (process time, less disturbed by other work on the machine than wall time) over the rounds.
`--record` appends the result to bench/results.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate, write_xlsx  # noqa: E402

TARGET = 1.5
_CHILD = """
import json, sys, time
from pathlib import Path
from compliance.input.workbook import read_workbook
from compliance.input.validate import validate
t0, c0 = time.perf_counter(), time.process_time()
raw = read_workbook(Path(sys.argv[1]))
t1, c1 = time.perf_counter(), time.process_time()
data = validate(raw)
t2, c2 = time.perf_counter(), time.process_time()
print(json.dumps({"read_cpu": c1 - c0, "validate_cpu": c2 - c1, "wall": t2 - t0, "workers": len(data.workers),
                  "problems": len(data.problems)}))
"""


def _export(revision: str, into: Path) -> Path:
    """The files of `revision` (git archive), so it runs beside this checkout without touching it."""
    data = subprocess.run(["git", "archive", revision], cwd=ROOT, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into


def _measure(tree: Path, workbook: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", _CHILD, str(workbook)], cwd=tree, capture_output=True, text=True,
                          env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"}, check=False)
    if done.returncode != 0:
        raise SystemExit(f"error: reading failed in {tree}: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _commit() -> str:
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "compliance"], cwd=ROOT, capture_output=True, text=True)
    return head.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--base", default="f3eba33", help="the revision to compare with (default: before issue 8)")
    p.add_argument("--workers", type=int, default=10_000)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--record", action="store_true")
    args = p.parse_args(argv)
    commit = _commit()
    with tempfile.TemporaryDirectory() as tmp:
        workbook = Path(tmp) / "bench.xlsx"
        rows = write_xlsx(generate(args.workers, 1, dt.date(2025, 6, 1)), workbook)
        base = _export(args.base, Path(tmp) / "base")
        runs: dict[str, list[dict[str, float]]] = {"base": [], "head": []}
        for _ in range(args.rounds):
            runs["base"].append(_measure(base, workbook))
            runs["head"].append(_measure(ROOT, workbook))
    best = {k: min(v, key=lambda r: r["read_cpu"] + r["validate_cpu"]) for k, v in runs.items()}
    cost = {k: b["read_cpu"] + b["validate_cpu"] for k, b in best.items()}
    ratio = cost["head"] / cost["base"]
    lines = [f"reading {args.workers:,} workers ({rows:,} rows), least CPU time of {args.rounds} alternate runs:"]
    for k, label in (("base", f"before ({args.base})"), ("head", f"now ({commit})")):
        b = best[k]
        lines.append(f"  {label:<22} read {b['read_cpu']:.2f} s + validate {b['validate_cpu']:.2f} s = {cost[k]:.2f} s"
                     f" CPU ({b['wall']:.2f} s wall); {int(b['workers']):,} workers, {int(b['problems'])} problems")
    lines.append(f"  ratio {ratio:.2f}x (target at most {TARGET}x): {'within' if ratio <= TARGET else 'OVER'}")
    print("\n".join(lines))
    if args.record:
        with (ROOT / "bench" / "results.md").open("a", encoding="utf-8") as fh:
            fh.write(f"\n## {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M}: reading cost against {args.base}\n\n```\n"
                     + "\n".join(lines) + "\n```\n")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
