"""The sample workbooks a new user runs: each reports exactly what it was built to show."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from python_calamine import CalamineWorkbook

from compliance.check import check
from compliance.report.model import Report
from compliance.rules.ruleset import Outcome

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def expected(name: str) -> dict[str, Any]:
    return yaml.safe_load((SAMPLES / "expected" / f"{name}.yaml").read_text(encoding="utf-8"))


def planted(name: str) -> Counter[tuple[str, str, str]]:
    return Counter((w, e["rule"], e["outcome"]) for w, es in expected(name)["findings"].items() for e in es)


def found(report: Report) -> Counter[tuple[str, str, str]]:
    return Counter((f.worker_id, f.rule_id, f.outcome.value) for f in report.findings)


@pytest.mark.parametrize("evaluator", ["engine", "reference"])
def test_violations_sample_reports_exactly_the_planted_findings(evaluator: str) -> None:
    report = check(SAMPLES / "agency-with-violations.xlsx", evaluator=evaluator)
    assert found(report) == planted("agency-with-violations")
    assert report.summary.to_reimburse == expected("agency-with-violations")["to_reimburse"]
    assert report.input_problems == []


def test_violations_sample_exercises_every_implemented_rule() -> None:
    from compliance.rules.ruleset import load_ruleset

    fired = {rule for _, rule, outcome in planted("agency-with-violations")
             if outcome in (Outcome.VIOLATION.value, Outcome.WARNING.value)}
    assert sorted({r.id for r in load_ruleset().rules} - fired) == []


def test_violations_sample_findings_cite_their_evidence_rows() -> None:
    report = check(SAMPLES / "agency-with-violations.xlsx")
    bribe = next(f for f in report.findings if f.rule_id == "FR-FEE-009")
    assert [(e.sheet, e.record_id) for e in bribe.evidence] == [("workers", "W-107"), ("fees", "F-107-B")]
    assert bribe.to_reimburse is not None and (bribe.to_reimburse.amount, bribe.to_reimburse.currency) == (300, "USD")
    assert any("A/RES/73/195" in s for s in bribe.sources)


def test_compliant_sample_reports_nothing() -> None:
    report = check(SAMPLES / "compliant-agency.xlsx")
    assert report.findings == []
    assert report.input_problems == []
    assert report.summary.workers_checked == 5
    verdicts = report.summary.verdicts_by_rule
    assert all(v[Outcome.VIOLATION.value] == 0 for v in verdicts.values())


def test_messy_sample_reports_every_bad_row_and_loses_none() -> None:
    report = check(SAMPLES / "messy-input.xlsx")
    got = [{"sheet": p.sheet, "row": p.row, "column": p.column, "action": p.action.value}
           for p in report.input_problems]
    assert got == expected("messy-input")["problems"]
    assert found(report) == planted("messy-input")
    for sheet, counts in report.input_counts.items():
        rejected = sum(1 for p in report.input_problems if p.sheet == sheet and p.action.value == "row-rejected")
        assert counts.read == counts.evaluated + counts.rejected
        assert counts.rejected == rejected, sheet


def test_committed_samples_match_their_builder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import samples.build as build

    monkeypatch.setattr(build, "HERE", tmp_path)
    build.main()
    for name in ("agency-with-violations.xlsx", "compliant-agency.xlsx", "messy-input.xlsx"):
        assert _cells(SAMPLES / name) == _cells(tmp_path / name), f"{name} is stale: run python samples/build.py"


def _cells(path: Path) -> str:
    wb = CalamineWorkbook.from_path(str(path))
    return json.dumps({n: wb.get_sheet_by_name(n).to_python() for n in wb.sheet_names}, default=str)
