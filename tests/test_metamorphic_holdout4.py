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
    run_variant,
    strong_failures,
)
from tests.metamorphic.holdout4 import HOLDOUT4, HOLDOUT4_VALUES, PAY_MONTH, Variant
from tests.metamorphic.safety import safety_failures
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
    "h4-wps": "stage 'Qatar Contract' not read (it may be the version signed at a Qatar Visa Centre before departure); "
              "'Return Air Ticket' and 'Contract Registered' not read",
    "h4-vn": "refused: sheet 'Enterprises' and 'Enterprise Code' (the agency or the employer?) not read",
    "h4-jp": "refused: 'Date of Conclusion' (signed, or ended?) not read as signed_on",
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
