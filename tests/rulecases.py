"""Run the rule cases kept as data next to the rules (rulesets/<name>/tests/*.yaml).

Each case starts from base.yaml, changes some rows, evaluates with both the engine and the reference
evaluator, and must give exactly the expected findings of the rule under test (checkov-style exact sets).
"""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from compliance.check import evaluate
from compliance.input.sheets import SHEETS
from compliance.input.validate import Dataset, validate
from compliance.input.workbook import Column, RawRow, RawSheet, RawWorkbook, column_letter
from compliance.report.model import Finding
from compliance.rules.ruleset import Ruleset

CASES_DIR = Path(__file__).resolve().parent.parent / "rulesets" / "baseline" / "tests"
# Rows of sheets without an id column are matched on these fields.
_ROW_KEYS = {"documents": ("worker_id", "document"), "wage_payments": ("worker_id", "period_start"),
             "events": ("worker_id", "event", "date")}


@dataclass(frozen=True)
class RuleCase:
    file: str
    rule: str
    name: str
    spec: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.rule}:{self.name}"


def base() -> dict[str, Any]:
    return yaml.safe_load((CASES_DIR / "base.yaml").read_text(encoding="utf-8"))


def load_cases() -> list[RuleCase]:
    out = []
    for file in sorted(CASES_DIR.glob("*.yaml")):
        if file.name == "base.yaml":
            continue
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        for rule, cases in data.items():
            out.extend(RuleCase(file.name, rule, c["name"], c) for c in cases)
    return out


def _key(sheet: str, row: dict[str, Any]) -> tuple[Any, ...]:
    spec = next(s for s in SHEETS if s.name == sheet)
    if spec.key:
        return (row.get(spec.key),)
    return tuple(row.get(k) for k in _ROW_KEYS[sheet])


def world(case: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    sheets = copy.deepcopy(base()["sheets"])
    for sheet, keys in (case.get("remove") or {}).items():
        drop = {tuple(k) if isinstance(k, list) else (k,) for k in keys}
        sheets[sheet] = [r for r in sheets[sheet] if _key(sheet, r) not in drop]
    for sheet, rows in (case.get("rows") or {}).items():
        for row in rows:
            target = next((r for r in sheets[sheet] if _key(sheet, r) == _key(sheet, row)), None)
            if target is None:
                sheets[sheet].append(dict(row))
            else:
                target.update(row)
    return sheets


def workbook(sheets: dict[str, list[dict[str, Any]]]) -> RawWorkbook:
    """A RawWorkbook as the reader would produce it: header row 1, data from row 2, blanks as None."""
    raw: dict[str, RawSheet] = {}
    for spec in SHEETS:
        names = [c.name for c in spec.columns]
        cols = [Column(name=n, key=n, index=i, letter=column_letter(i)) for i, n in enumerate(names)]
        rows = [RawRow(number=i + 2, values={n: r.get(n) for n in names})
                for i, r in enumerate(sheets.get(spec.name, []))]
        raw[spec.name] = RawSheet(name=spec.name, key=spec.name, columns=cols, rows=rows, blank_rows=0)
    return RawWorkbook(path=Path("case.xlsx"), sha256="0" * 64, sheets=raw, format="xlsx")


def run(case: dict[str, Any], ruleset: Ruleset, evaluator: str) -> tuple[Dataset, list[Finding]]:
    data = validate(workbook(world(case)))
    findings, _ = evaluate(data, ruleset, evaluator=evaluator)
    return data, findings


def as_of() -> date:
    return base()["as_of"]


def outcomes(findings: list[Finding], rule: str) -> Counter[tuple[str, str]]:
    return Counter((f.worker_id, f.outcome.value) for f in findings if f.rule_id == rule)


def expected(case: dict[str, Any]) -> Counter[tuple[str, str]]:
    return Counter((e["worker"], e["outcome"]) for e in case.get("expect") or [])
