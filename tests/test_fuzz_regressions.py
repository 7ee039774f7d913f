"""Every crasher bench/fuzz.py saved in tests/fuzz_crashers/ now ends cleanly through the real command line.

The clean contract is bench/fuzz.py's `classify` (exit 0/1/2, one "error:" line on exit 2, no signal, no hang, the
input unchanged, rows counted, a parsable report). A saved input the product does not handle yet is listed in
KNOWN_FAILING with the reason; remove its entry when the fix lands (the xfail is not strict, so a fixed one shows
as XPASS until then).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.fuzz import MARKER, MAX_FILE, Case, Run, classify, fingerprint, run_saved, saved_crashers

CRASHERS = Path(__file__).parent / "fuzz_crashers"

KNOWN_FAILING: dict[str, str] = {}


def _params() -> list[object]:
    return [pytest.param(p, id=p.name, marks=[pytest.mark.xfail(strict=False, reason=KNOWN_FAILING[p.name])]
                         if p.name in KNOWN_FAILING else []) for p in saved_crashers(CRASHERS)]


@pytest.mark.parametrize("saved", _params())
def test_saved_fuzz_crasher_ends_cleanly_through_the_cli(saved: Path, tmp_path: Path) -> None:
    verdict, symptom, run = run_saved(saved, tmp_path)
    assert verdict == "clean", f"{verdict}: {symptom} (exit {run.code}, {run.seconds:.1f} s, {run.rss_mb:.0f} MB)"


def test_every_known_failing_entry_names_a_saved_crasher() -> None:
    names = {p.name for p in saved_crashers(CRASHERS)}
    assert sorted(set(KNOWN_FAILING) - names) == []


def test_every_saved_crasher_is_small_and_has_its_sidecar_and_readme_line() -> None:
    readme = (CRASHERS / "README.md").read_text(encoding="utf-8")
    for saved in saved_crashers(CRASHERS):
        size = sum(p.lstat().st_size for p in saved.rglob("*")) if saved.is_dir() else saved.stat().st_size
        assert size < MAX_FILE, saved.name
        info = json.loads(Path(f"{saved}.json").read_text(encoding="utf-8"))
        assert info["class"] and info["steps"], saved.name
        assert f"`{saved.name}`" in readme, saved.name


# ---- the contract itself, on made-up runs (no CLI): each clause catches what it is for

def _report(tmp_path: Path, counts: dict, problems: list | None = None, workers: int = 1, md: str = "",
            name: str = "out") -> Path:
    """A folder holding the three reports of a made-up run."""
    import openpyxl

    out = tmp_path / name
    out.mkdir()
    openpyxl.Workbook().save(out / "out.xlsx")
    report = {"input_counts": counts, "input_problems": problems or [], "summary": {"workers_checked": workers},
              "interpretations": {"sheets": [{"sheet": s, "skipped_rows": []} for s in counts]}}
    (out / "out.json").write_text(json.dumps(report), encoding="utf-8")
    (out / "out.md").write_text(md, encoding="utf-8")
    return out


def _verdict(tmp_path: Path, run: Run, out: Path, case: Case | None = None) -> str:
    case = case or Case(tmp_path / "input.csvdir")
    case.input.mkdir(exist_ok=True)
    return classify(case, run, out, fingerprint(case.input), max_rss_mb=500)[0]


def _ok(code: int = 0, stderr: str = "") -> Run:
    return Run(code, stderr, 1.0, 80.0, False)


def test_contract_accepts_a_one_line_error_and_a_consistent_report(tmp_path: Path) -> None:
    assert _verdict(tmp_path, _ok(2, "error: cannot read x.xlsx: it is damaged\n"), tmp_path) == "clean"
    out = _report(tmp_path, {"fees": {"read": 3, "evaluated": 2, "rejected": 1}},
                  [{"sheet": "fees", "row": 4, "action": "row-rejected"}])
    assert _verdict(tmp_path, _ok(1), out) == "clean"


def test_contract_names_signals_hangs_tracebacks_and_long_errors(tmp_path: Path) -> None:
    assert _verdict(tmp_path, _ok(-6, "memory allocation of 549755813888 bytes failed"), tmp_path) == "signal-SIGABRT"
    assert _verdict(tmp_path, Run(-9, "", 20.0, 80.0, True), tmp_path) == "timeout"
    assert _verdict(tmp_path, _ok(1, "Traceback (most recent call last):\nPanicException: x"), tmp_path) == "traceback"
    assert _verdict(tmp_path, _ok(2, "error: a\nerror: b"), tmp_path) == "stderr-shape"
    assert _verdict(tmp_path, _ok(2, "error: internal error (KeyError: 'x'); please report it"), tmp_path) \
        == "internal-error"


def test_contract_catches_rows_not_counted_and_rows_lost(tmp_path: Path) -> None:
    out = _report(tmp_path, {"employers": {"read": 0, "evaluated": 0, "rejected": 0}},
                  [{"sheet": "employers", "row": 2, "action": "row-rejected"}])
    assert _verdict(tmp_path, _ok(0), out) == "rows-invariant"
    lost = _report(tmp_path, {"workers": {"read": 4, "evaluated": 4, "rejected": 0}}, name="lost")
    case = Case(tmp_path / "input.csvdir", expect_rows={"workers": 5})
    assert _verdict(tmp_path, _ok(0), lost, case) == "rows-lost"


def test_contract_catches_raw_html_nothing_checked_and_leftover_reports(tmp_path: Path) -> None:
    out = _report(tmp_path, {}, md=f"| {MARKER} |")
    assert _verdict(tmp_path, _ok(1), out) == "md-raw-html"
    assert _verdict(tmp_path, _ok(0), _report(tmp_path, {}, workers=0, name="none")) == "nothing-checked"
    left = _report(tmp_path, {}, name="left")
    (left / "out.md").unlink()  # the last writer failed
    assert _verdict(tmp_path, _ok(2, "error: cannot write 'out.md'"), left) == "partial-output"


def test_contract_catches_an_overwritten_input(tmp_path: Path) -> None:
    case = Case(tmp_path / "input.xlsx")
    case.input.write_bytes(b"original")
    before = fingerprint(case.input)
    case.input.write_bytes(b"a report")
    assert classify(case, _ok(1), tmp_path, before, max_rss_mb=500)[0] == "input-overwritten"
