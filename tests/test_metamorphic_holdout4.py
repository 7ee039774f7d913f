"""Metamorphic FOURTH HOLDOUT of the reading layer: the violations sample as ten more offices keep it (a Nepali
manpower company, a Gulf WPS payroll export, an NGO case log with its mapping file, a Vietnamese labour-export
enterprise's semicolon CSV, a Cambodian PRA's UTF-16 text, a Japanese TITP supervising organisation, a Hong Kong
agency in traditional Chinese, a mainland ERP's GBK CSV, a European NGO's Windows-1252 CSV, a clerk filling the
template) and, for the eight with their own headers, the same cells and layout under the contract's names (the
"-values" twins), written blind to the reader's vocabularies and to the earlier holdouts
(tests/metamorphic/holdout4.py).

Every variant must be SAFE: refused with the missing required columns named, or read without inventing a finding,
misreading a field or hiding a cell it could not read. The exact test (same findings, owed totals and fees by
category) is a measure: a variant that fails it today is a strict xfail naming what is not read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.input.sheets import SHEETS_BY_NAME
from tests.metamorphic import holdout4
from tests.metamorphic.compare import (
    Observation,
    explain,
    misread_fields,
    record_pairs,
    run_variant,
    strong_failures,
    weak_failures,
)
from tests.metamorphic.holdout4 import HOLDOUT4, HOLDOUT4_VALUES, PAY_MONTH, Variant
from tests.metamorphic.render import Table
from tests.metamorphic.transforms import Rows

ALL = HOLDOUT4 + HOLDOUT4_VALUES


def test_every_fourth_holdout_variant_has_its_own_id() -> None:
    ids = [v.id for v in ALL]
    assert len(ids) == len(set(ids)) and 10 <= len(HOLDOUT4) <= 14


def test_each_system_names_every_template_column_once_per_sheet() -> None:
    assert set(holdout4.HEADERS) == set(SHEETS_BY_NAME)
    for sheet, columns in holdout4.HEADERS.items():
        template = {c.name for c in SHEETS_BY_NAME[sheet].template_columns()}
        assert set(columns) == template, f"{sheet}: {sorted(set(columns) ^ template)}"
        assert all(len(named) == len(holdout4.SYSTEMS) for named in columns.values()), sheet
        for at, system in enumerate(holdout4.SYSTEMS):
            names = [named[at] for named in columns.values() if named[at] != PAY_MONTH]
            assert len(set(names)) == len(names), f"{system} {sheet}: two columns share a header"


def test_each_system_names_its_nine_sheets_distinctly() -> None:
    assert set(holdout4.SHEET_NAMES) == set(holdout4.SYSTEMS)
    for system, names in holdout4.SHEET_NAMES.items():
        assert len(names) == len(SHEETS_BY_NAME) == len(set(names)), system


def test_numeric_dates_are_proved_by_their_column_their_sheet_or_their_workbook(rows: Rows) -> None:
    assert [gap for v in ALL for gap in holdout4.order_proofs(v, rows)] == []


def test_value_spellings_only_rename_codes_of_their_column() -> None:
    choices = {c.name: set(c.choices) for s in SHEETS_BY_NAME.values() for c in s.columns if c.choices}
    for system, columns in holdout4.VALUES.items():
        for column, forms in columns.items():
            name = column.split(".")[-1]
            allowed = choices[name] | ({"airfare"} if name == "category" else set())
            assert set(forms) <= allowed, (system, column, set(forms) - allowed)
            codes_of: dict[str, set[str]] = {}
            for code, words in forms.items():
                for w in words:
                    codes_of.setdefault(str(w).casefold(), set()).add(code)
            assert all(len(c) == 1 for c in codes_of.values()), (system, column, "one word, two codes")


def test_the_flat_log_maps_every_header_it_writes(rows: Rows, tmp_path: Path) -> None:
    variant = next(v for v in HOLDOUT4 if v.id == "h4-ngo-flat")
    rendered = variant.build(rows, tmp_path)
    log = next(t for t in rendered.tables if t.name == holdout4.FLAT_NAME)
    assert rendered.mapping is not None
    listed = holdout4.flat_mapping(rendered.tables)["sheets"][holdout4.FLAT_NAME]["columns"]
    assert set(listed) == set(log.header)


# ---------------------------------------------------------------------------------------------- safety

# The safety checks of tests/test_metamorphic_holdout3.py, unchanged.
# A whole-file refusal is safe when it names what it lacks: required sheets or columns not found, or two headers
# taken to mean one column (the reader refuses rather than choose).
_PLAIN_REFUSALS = ("missing required column", "missing required sheet", "could not be recognised")


def silent_misreads(base: Observation, seen: Observation, tables: list[Table]) -> list[str]:
    """Every field of every base record read as ANOTHER value (headers renamed, not only cells changed)."""
    return [m for _t, sheet, row, want, got in record_pairs(base, seen, tables) if got is not None
            for m in misread_fields(sheet, row, want, got)]


def _reported(seen: Observation, table: Table, sheet: str, row: int, column: str | None, unread: set[str]) -> bool:
    """A problem names this cell (its row, or its whole column), or the record keeps the field as unreadable."""
    assert seen.report is not None
    if column is not None and column in unread:
        return True
    header = str(table.header[table.position(column)]) if column in table.columns else None
    for p in seen.report.input_problems:
        if p.sheet not in (sheet, table.name):
            continue
        if column is None and p.row is None and p.type.value == "unrecognised-sheet":
            return True  # the whole sheet is named as not read
        if column is None or column not in table.columns:  # a lost row, or a field with no column of its own here
            if p.row == row:
                return True
        elif p.row in (row, None) and p.column in (column, header):
            return True
    return False


def unreported_losses(base: Observation, seen: Observation, tables: list[Table]) -> list[str]:
    """Every base record or field the variant did not read, that nothing in the report names."""
    out = []
    for table, sheet, row, want, got in record_pairs(base, seen, tables):
        if got is None:
            if not _reported(seen, table, sheet, row, None, set()):
                out.append(f"{table.name!r} row {row} ({sheet}): no record read and nothing reported")
            continue
        unread = {f for f, _ in got.unread}
        lost = [k for k, v in want.model_dump().items()
                if k not in ("row", "unread") and v is not None and getattr(got, k) is None]
        out += [f"{table.name!r} row {row} {k}: not read and not reported (base {getattr(want, k)!r})"
                for k in lost if not _reported(seen, table, sheet, row, k, unread)]
    return out


def safety_failures(base: Observation, seen: Observation, tables: list[Table]) -> list[str]:
    if seen.error is not None:
        return [] if any(s in seen.error for s in _PLAIN_REFUSALS) else ["refused without naming what is missing"]
    # weak_failures only takes a problem at the cell's own row as reporting it; unreported_losses also takes the
    # notice naming a column the reader did not recognise (every cell of it unknown), so its verdict on lost cells
    # replaces weak_failures' one.
    weak = [f for f in weak_failures(base, seen, tables) if ": not read and not reported" not in f]
    return [*weak, *silent_misreads(base, seen, tables), *unreported_losses(base, seen, tables)]


# Safety failures found today: a fee's category read as ANOTHER code than the one its word means (the rule that
# fires is the same, but the fees by category and the evidence name the wrong cost). Each is for the lead to fix
# (or to rule that the word is ambiguous and leave it unread); strict, so a fix shows here.
# Safety failures this holdout found, fixed since (介紹費 and 岗位介绍费 were read as recruitment_fee, 'Guarantee
# Money' as bond; fees.yaml now reads them as placement_fee and deposit): empty, kept so a new one has its place.
SAFETY_BUGS: dict[str, str] = {}


def _safety_params(variants: list[Variant]) -> list[object]:
    return [pytest.param(v, id=v.id, marks=pytest.mark.xfail(strict=True, reason=SAFETY_BUGS[v.id]))
            if v.id in SAFETY_BUGS else pytest.param(v, id=v.id) for v in variants]


@pytest.mark.parametrize("variant", _safety_params(ALL))
def test_fourth_holdout_variant_is_safe(variant: Variant, base: Observation, rows: Rows, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    seen, tables = run_variant(variant, rows, tmp_path, monkeypatch)
    failures = safety_failures(base, seen, tables)
    assert not failures, explain(variant.id, variant.what, base, seen, tables, failures)


# ---------------------------------------------------------------------------------------------- exact

# Measured, not tuned away: strict, so a variant that starts passing fails here and this list only shrinks.
NOT_READ_YET: dict[str, str] = {
    # First run (blind): 4 of 18 exact. Since tuned on: h4-kh, h4-cn, h4-eu, h4-kh-values, h4-jp-values,
    # h4-hk-values and h4-cn-values read exactly. What is left is left on purpose, each could be read two ways.
    "h4-np": "refused: 'Agency Reg. Code' (the agency's key, or its registration number?) and text-dated 'Salary "
             "From'/'Salary To' not read",
    "h4-wps": "stage 'Qatar Contract' not read (it may be the version signed at a Qatar Visa Centre before departure); "
              "'Return Air Ticket' and 'Contract Registered' not read",
    "h4-vn": "refused: sheet 'Enterprises' and 'Enterprise Code' (the agency or the employer?) not read",
    "h4-jp": "refused: 'Date of Conclusion' (signed, or ended?) not read as signed_on",
    "h4-hk": "refused: 收據編號 (a receipt may cover several fees) not read as fee_id",
    "h4-wps-values": "stage 'Qatar Contract' not read (it may be the version signed before departure)",
    "h4-vn-values": "bare 'Enterprise' (the agency or the employer?) in held_by and lender not read",
}


def _exact_params(variants: list[Variant]) -> list[object]:
    return [pytest.param(v, id=v.id, marks=pytest.mark.xfail(strict=True, reason=NOT_READ_YET[v.id]))
            if v.id in NOT_READ_YET else pytest.param(v, id=v.id) for v in variants]


@pytest.mark.parametrize("variant", _exact_params(ALL))
def test_fourth_holdout_variant_reads_exactly_as_the_base(variant: Variant, base: Observation, rows: Rows,
                                                          tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen, tables = run_variant(variant, rows, tmp_path, monkeypatch)
    failures = strong_failures(base, seen)
    assert not failures, explain(variant.id, variant.what, base, seen, tables, failures)


def test_known_lists_name_only_fourth_holdout_variants() -> None:
    ids = {v.id for v in ALL}
    assert set(NOT_READ_YET) <= ids and set(SAFETY_BUGS) <= ids
