"""Benchmark the checker on a generated workbook with known planted violations. Not a test.

    python bench/run.py [--workers N] [--seed S] [--as-of YYYY-MM-DD] [--keep DIR] [--record]

Generates N workers (about 6 rows each), plants one problem in about 5% of them, runs the full check with
the durable-rules engine and with the pure-Python reference evaluator, writes the JSON report, and prints
the timings, the peak memory and whether exactly the planted findings were reported.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent), str(BENCH)]

from generate import Dataset, generate, write_xlsx  # noqa: E402

from compliance.check import Timings, check  # noqa: E402
from compliance.report.model import Report  # noqa: E402
from compliance.report.writers.json import write_json  # noqa: E402
from compliance.rules.ruleset import load_ruleset  # noqa: E402

Key = tuple[str, str, str]  # (worker_id, rule_id, outcome)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def found_keys(report: Report) -> Counter[Key]:
    return Counter((f.worker_id, f.rule_id, f.outcome.value) for f in report.findings)


def finding_set(report: Report) -> set[tuple[object, ...]]:
    return {(f.worker_id, f.rule_id, f.outcome.value, f.clause, tuple((e.sheet, e.row) for e in f.evidence))
            for f in report.findings}


def compare(data: Dataset, report: Report) -> tuple[bool, list[str]]:
    """Planted findings against reported ones, exactly (as multisets of (worker, rule, outcome))."""
    expected, found = data.expected, found_keys(report)
    missing, unexpected = expected - found, found - expected
    hit = sum((expected & found).values())
    lines = [f"planted violations found: {hit}/{sum(expected.values())} "
             f"(in {len(data.plants)} planted workers)"]
    by_kind: dict[str, list[str]] = defaultdict(list)
    for wid, kind in data.plants.items():
        by_kind[kind].append(wid)
    bad = {k[0] for k in (*missing, *unexpected)}
    lines.append(f"  {'plant kind':30} {'workers':>7} {'ok':>4}  expected findings per worker")
    for kind, wids in sorted(by_kind.items()):
        uses = [set(e) for e in data.plant_expected[kind]]
        always = set.intersection(*uses)
        exp = ", ".join(f"{r} {o}" for r, o in sorted(always))
        for r, o in sorted(set.union(*uses) - always):
            exp += f" [+{r} {o}: {sum((r, o) in u for u in uses)} of {len(uses)}]"
        lines.append(f"  {kind:30} {len(wids):7} {sum(w not in bad for w in wids):4}  {exp}")
    messages = {(f.worker_id, f.rule_id, f.outcome.value): f.message for f in report.findings}
    for title, diff in (("missing", missing), ("unexpected", unexpected)):
        if not diff:
            continue
        grouped: dict[tuple[str, str], list[str]] = defaultdict(list)
        for (wid, rule, outcome), n in diff.items():
            grouped[(rule, outcome)].extend([wid] * n)
        lines.append(f"{title} findings: {sum(diff.values())}")
        for (rule, outcome), wids in sorted(grouped.items()):
            sample = wids[0]
            detail = f"; e.g. {sample} ({data.plants.get(sample, 'unplanted')})"
            if title == "unexpected":
                detail += f": {messages[(sample, rule, outcome)]}"
            lines.append(f"  {rule} {outcome}: {len(wids)} workers{detail}")
    return not missing and not unexpected, lines


def machine() -> str:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"nproc {os.cpu_count()}, CPU {cpu}, Python {platform.python_version()}"


def run(args: argparse.Namespace, out_dir: Path) -> tuple[bool, list[str]]:
    as_of = date.fromisoformat(args.as_of)
    start = time.perf_counter()
    data = generate(args.workers, args.seed, as_of, args.plant_rate)
    book = out_dir / f"bench-{args.workers}.xlsx"
    written = write_xlsx(data, book)
    data.cases.clear()  # keep only the expectations: the peak RSS below is the checker's, not the generator's
    gen_s = time.perf_counter() - start
    rss_gen = peak_rss_mb()

    rs = load_ruleset(as_of=as_of)
    t = Timings()
    start = time.perf_counter()
    report = check(book, rs, as_of=as_of, timings=t)
    check_s = time.perf_counter() - start
    start = time.perf_counter()
    write_json(report, out_dir / f"bench-{args.workers}.json")
    write_s = time.perf_counter() - start
    rss_engine = peak_rss_mb()
    ok, plant_lines = compare(data, report)

    rt = Timings()
    ref = check(book, rs, as_of=as_of, evaluator="reference", timings=rt)
    same = finding_set(ref) == finding_set(report)
    end_to_end = check_s + write_s

    lines = [
        f"workers: {t.workers:,} (seed {args.seed}, as of {as_of}); rows read: {t.rows:,} "
        f"(written {written:,}); input problems: {len(report.input_problems)}; findings: {len(report.findings):,}",
        f"generate workbook:  {gen_s:8.2f} s  ({book.stat().st_size / 2**20:.1f} MB xlsx)",
        f"read:               {t.read_s:8.2f} s",
        f"validate:           {t.validate_s:8.2f} s",
        f"evaluate (engine):  {t.evaluate_s:8.2f} s  ({t.workers / t.evaluate_s:,.0f} workers/s)",
        f"write JSON report:  {write_s:8.2f} s",
        f"end to end:         {end_to_end:8.2f} s  ({t.workers / end_to_end:,.0f} workers/s; read+validate+"
        f"evaluate+summary+write)",
        f"peak RSS (MB):      {rss_engine:8.0f} after the engine run ({rss_gen:.0f} after generating, "
        f"{peak_rss_mb():.0f} after the reference run)",
        f"evaluate (reference): {rt.evaluate_s:6.2f} s  ({t.workers / rt.evaluate_s:,.0f} workers/s); "
        f"findings equal to the engine's: {'yes' if same else 'NO'}",
        *plant_lines,
    ]
    for p in report.input_problems[:5]:
        lines.append(f"  input problem: {p}")
    return ok and same and not report.input_problems, lines


def record(lines: list[str], args: argparse.Namespace, ok: bool) -> None:
    path = BENCH / "results.md"
    head = "" if path.exists() else "# Benchmark results\n\nAppended by `python bench/run.py --record`.\n"
    stamp = datetime.now().strftime("%Y-%m-%d %H:%M")
    body = "\n".join(lines)
    path.write_text((path.read_text() if path.exists() else head) +
                    f"\n## {stamp}: {args.workers:,} workers, seed {args.seed}\n\n"
                    f"Machine: {machine()}\n\n```\n{body}\n```\n\nResult: {'match' if ok else 'MISMATCH'}\n",
                    encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--as-of", default="2025-06-01", help="evaluation date (fixed, so results repeat)")
    parser.add_argument("--plant-rate", type=float, default=0.05, help="share of workers given one problem")
    parser.add_argument("--keep", type=Path, help="write the workbook and report here instead of a temp dir")
    parser.add_argument("--record", action="store_true", help="append the figures to bench/results.md")
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        ok, lines = run(args, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="fairrecruit-bench-") as tmp:
            ok, lines = run(args, Path(tmp))
    print("\n".join(lines))
    print(f"machine: {machine()}")
    if args.record:
        record(lines, args, ok)
        print(f"recorded in {BENCH / 'results.md'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
