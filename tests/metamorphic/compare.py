"""Run the checker on a rendered variant and say, in one message, everything that differs from the base.

The findings are compared as a Counter of (worker_id, rule_id, outcome): evidence rows legitimately move
when rows move. The typed records the run read are captured too (by wrapping the validate step check()
calls), so a failure can name the cells read differently from the base, not only the findings that moved.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import compliance.check as check_module
from compliance.check import check
from compliance.input.sheets import SHEETS_BY_NAME
from compliance.report.model import Report
from tests.metamorphic.render import Table

# The evaluation date of every run: the sample's findings do not depend on it from 2025 on.
AS_OF = dt.date(2025, 1, 15)
Key = tuple[str, str, str]
_SHOWN = 25  # lines per section of a failure message


@dataclass
class Observation:
    report: Report | None
    dataset: Any | None  # compliance.input.validate.Dataset, when the run could be observed
    error: str | None = None
    findings: Counter[Key] = field(default_factory=Counter)


def observe(path: Path, monkeypatch: pytest.MonkeyPatch, mapping: Path | None = None) -> Observation:
    captured: list[Any] = []
    original = getattr(check_module, "validate", None)
    if original is not None:
        def capturing(*args: Any, **kwargs: Any) -> Any:
            result = original(*args, **kwargs)
            captured.append(result)
            return result
        monkeypatch.setattr(check_module, "validate", capturing)
    kwargs: dict[str, Any] = {"mapping": mapping} if mapping is not None else {}
    try:
        report = check(path, as_of=AS_OF, evaluator="reference", **kwargs)
    except Exception as exc:  # a crash or a refusal of the whole file is itself the finding of this variant
        hint = " (check() does not take a mapping file yet)" if mapping is not None and isinstance(exc, TypeError) \
            else ""
        return Observation(None, None, f"check() raised {type(exc).__name__}: {exc}{hint}")
    found = Counter((f.worker_id, f.rule_id, f.outcome.value) for f in report.findings)
    return Observation(report, captured[-1] if captured else None, None, found)


# ---------------------------------------------------------------------------------------------- records


def _records(dataset: Any, sheet: str) -> list[Any]:
    held = getattr(dataset, sheet, None) or []
    return list(held.values()) if isinstance(held, dict) else list(held)


def base_record(base: Observation, sheet: str, index: int) -> Any:
    # The committed sample has its header in row 1 and no blank rows: base row i is spreadsheet row i + 2.
    return next((r for r in _records(base.dataset, sheet) if r.row == index + 2), None)


def variant_record(seen: Observation, sheet: str, base_rec: Any, file_row: int) -> Any:
    """The record the variant read for a base record: by its key where the sheet has one (merged rows of a
    flat log keep their key, not their row), else by the row it was written to."""
    key = SHEETS_BY_NAME[sheet].key
    for rec in _records(seen.dataset, sheet):
        # a sheet without its own id column names each record by its row (compliance/input/references.py)
        by_row = not key or getattr(rec, key) == f"row {rec.row}"
        if rec.row == file_row if by_row else getattr(rec, key) == getattr(base_rec, key):
            return rec
    return None


def _fields(rec: Any) -> dict[str, Any]:
    # `row` moves with the layout; `unread` repeats what the input problems already say.
    return {k: v for k, v in rec.model_dump().items() if k not in ("row", "unread", "maybe")}


def record_pairs(base: Observation, seen: Observation,
                 tables: list[Table]) -> Iterator[tuple[Table, str, int, Any, Any | None]]:
    """Each base record a variant wrote, with (table, sheet, file row) and the record the variant read there
    (None: no record read)."""
    if base.dataset is None or seen.dataset is None:
        return
    for table in tables:
        for sheet, placed in table.origins.items():
            for index, body_index in placed.items():
                row = table.file_row(body_index)
                want = base_record(base, sheet, index)
                yield table, sheet, row, want, variant_record(seen, sheet, want, row)


def misread_fields(sheet: str, row: int, want: Any, got: Any) -> list[str]:
    """Fields the variant read as another value than the base's (a blank is a loss, not a misread)."""
    w, g = want.model_dump(), got.model_dump()
    # a sheet without its own id column names each record by its row, said: not a reading of the id
    named_by_row = {k for k in (SHEETS_BY_NAME[sheet].key,) if k and g.get(k) == f"row {g['row']}"}
    return [f"{sheet!r} row {row} {k}: MISREAD as {g[k]!r} (base {v!r})"
            for k, v in w.items()
            if k not in ("row", "unread", "maybe", *named_by_row) and g.get(k) is not None and g[k] != v]


def misreadings(base: Observation, seen: Observation, tables: list[Table]) -> list[str]:
    """Every field of every base record that the variant read differently (or not at all)."""
    out = []
    for table, sheet, row, want, got in record_pairs(base, seen, tables):
        if got is None:
            out.append(f"{table.name!r} row {row} ({sheet}): no record read")
        else:
            out += misread_fields(sheet, row, want, got)
    return out


def run_variant(variant: Any, rows: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                ) -> tuple[Observation, list[Table]]:
    """Render a variant (variants.Variant) of the base rows and observe its check."""
    rendered = variant.build(rows, tmp_path)
    return observe(rendered.path, monkeypatch, rendered.mapping), rendered.tables


# ---------------------------------------------------------------------------------------------- messages


def _listed(title: str, lines: list[str]) -> list[str]:
    if not lines:
        return [f"{title}: none"]
    more = [f"    ... and {len(lines) - _SHOWN} more"] if len(lines) > _SHOWN else []
    return [f"{title} ({len(lines)}):", *(f"    {line}" for line in lines[:_SHOWN]), *more]


def _counted(c: Counter[Key]) -> list[str]:
    return [f"{k}" + (f" x{n}" if n > 1 else "") for k, n in sorted(c.items())]


def problems_of(seen: Observation) -> list[str]:
    if seen.report is None:
        return []
    return [f"{p.location()} [{p.type.value}, {p.action.value}]"
            + (f" value {p.value!r}" if p.value is not None else "") + f": {p.message}"
            for p in seen.report.input_problems]


def explain(variant_id: str, what: str, base: Observation, seen: Observation, tables: list[Table],
            failures: list[str]) -> str:
    """The whole story of one variant: what was changed, what broke, and what the checker said."""
    lines = [f"variant {variant_id!r}: {what}", *(f"FAILED: {f}" for f in failures)]
    if seen.error:
        return "\n".join([*lines, seen.error])
    assert base.report is not None and seen.report is not None
    lines += _listed("findings lost (in the base, not here)", _counted(base.findings - seen.findings))
    lines += _listed("findings gained (here, not in the base)", _counted(seen.findings - base.findings))
    lines.append(f"owed (to_reimburse): base {base.report.summary.to_reimburse} -> here "
                 f"{seen.report.summary.to_reimburse}")
    if base.report.summary.worker_paid_by_category != seen.report.summary.worker_paid_by_category:
        lines.append(f"worker_paid_by_category: base {base.report.summary.worker_paid_by_category} -> here "
                     f"{seen.report.summary.worker_paid_by_category}")
    lines += _listed("input problems reported", problems_of(seen))
    if seen.dataset is None:
        lines.append("cells read differently from the base: not observable (check() no longer calls validate)")
    else:
        lines += _listed("cells read differently from the base", misreadings(base, seen, tables))
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------- assertions


def _written(table: Table, column: str) -> str:
    """The header the column has in the file (a problem may name the column as the user wrote it)."""
    return str(table.header[table.position(column)]) if column in table.columns else column


def strong_failures(base: Observation, seen: Observation) -> list[str]:
    """The variant says exactly what the base says."""
    if seen.report is None or base.report is None:
        return ["the file could not be checked"]
    out = []
    if seen.findings != base.findings:
        out.append("the findings differ from the base")
    if seen.report.summary.to_reimburse != base.report.summary.to_reimburse:
        out.append("the owed totals differ from the base")
    if seen.report.summary.worker_paid_by_category != base.report.summary.worker_paid_by_category:
        out.append("worker_paid_by_category differs from the base")
    return out


def weak_failures(base: Observation, seen: Observation, tables: list[Table]) -> list[str]:
    """Unreadable is allowed; inventing or hiding is not: no new violation or warning, every changed cell
    either read as in the base or reported where it is, every lost finding downgraded to insufficient
    evidence for the same worker and rule."""
    if seen.report is None or base.report is None:
        return ["the file could not be checked"]
    out = [f"new {k[2]} {k}" for k in seen.findings - base.findings if k[2] in ("violation", "warning")]
    # One unreadable cell gives one finding under the gravest rule it blocks, naming the others in also_rules.
    blocked = {(f.worker_id, r) for f in seen.report.findings if f.outcome.value == "insufficient_evidence"
               for r in (f.rule_id, *f.also_rules)}
    out += [f"{k} disappeared without an insufficient_evidence finding of {k[1]} for {k[0]}"
            for k in base.findings - seen.findings if (k[0], k[1]) not in blocked]
    if seen.dataset is None:
        return [*out, "the records read cannot be observed: the changed cells cannot be checked"]
    reported = {(p.sheet, p.row, p.column) for p in seen.report.input_problems}
    for table in tables:
        for sheet, index, column in sorted(table.changed):
            row = table.file_row(table.origins[sheet][index])
            want = getattr(base_record(base, sheet, index), column)
            rec = variant_record(seen, sheet, base_record(base, sheet, index), row)
            got = getattr(rec, column, None) if rec is not None else None
            if got == want:
                continue
            if got is not None:
                out.append(f"{table.name!r} row {row} {column}: MISREAD as {got!r} (base {want!r})")
            elif not {(s, row, c) for s in (sheet, table.name) for c in (column, _written(table, column))} & reported:
                out.append(f"{table.name!r} row {row} {column}: not read and not reported (base {want!r})")
    return out
