"""validate(): raw rows become typed records, and every doubtful cell a located problem. Nothing is dropped silently."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance.input.problems import Action, InputProblem, ProblemType
from compliance.input.sheets import SHEETS, ColumnSpec, Kind
from compliance.input.validate import Dataset, InputError, validate
from compliance.input.workbook import RawWorkbook, read_workbook
from tests.rulecases import workbook, world


def _world(**rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The compliant base world, with rows appended to the named sheets."""
    sheets = world({})
    for sheet, extra in rows.items():
        sheets[sheet].extend(extra)
    return sheets


def _without_column(book: RawWorkbook, sheet: str, column: str) -> RawWorkbook:
    raw = book.sheets[sheet]
    raw.columns = [c for c in raw.columns if c.key != column]
    for row in raw.rows:
        row.values.pop(column, None)
    return book


def _problems(data: Dataset, sheet: str, **match: Any) -> list[InputProblem]:
    return [p for p in data.problems if p.sheet == sheet and all(getattr(p, k) == v for k, v in match.items())]


def _fee(**values: Any) -> dict[str, Any]:
    return {"fee_id": "F9", "worker_id": "W1", "category": "medical", "amount": 100, "currency": "NPR",
            "paid_by": "worker", **values}


# ---------------------------------------------------------------------------------------------- sheets, columns


def test_missing_required_sheet_raises_input_error_naming_the_sheet():
    book = workbook(_world())
    del book.sheets["fees"]
    with pytest.raises(InputError, match=r"missing required sheet\(s\): fees\b"):
        validate(book)


def test_missing_optional_complaints_sheet_is_read_as_empty():
    book = workbook(_world())
    del book.sheets["complaints"]
    data = validate(book)
    assert data.counts["complaints"].read == 0
    assert data.complaints == []
    assert data.counts["workers"].evaluated == 1


@pytest.mark.parametrize("sheet", ["complaints", "wage_payments", "events"])
def test_a_missing_optional_sheet_is_a_notice_so_silent_rules_do_not_read_as_compliant(sheet):
    book = workbook(_world())
    del book.sheets[sheet]
    (notice,) = _problems(validate(book), sheet)
    assert (notice.type, notice.action) == (ProblemType.MISSING_SHEET, Action.NOTICE)
    assert "nothing to check" in notice.message


def test_wage_period_ending_before_it_starts_is_a_located_notice():
    row = {"worker_id": "W1", "period_start": dt.date(2024, 8, 1), "period_end": dt.date(2024, 7, 31),
           "paid_on": dt.date(2024, 8, 5), "gross": 1200, "currency": "QAR"}
    data = validate(workbook(_world(wage_payments=[row])))
    (p,) = _problems(data, "wage_payments", type=ProblemType.INCONSISTENT)
    assert (p.row, p.column, p.action) == (4, "period_end", Action.NOTICE)
    assert len(data.wage_payments) == 3


def test_missing_required_column_raises_input_error_naming_sheet_and_column():
    book = _without_column(workbook(_world()), "fees", "currency")
    with pytest.raises(InputError, match=r"sheet 'fees' is missing required column\(s\): currency"):
        validate(book)


def test_missing_optional_column_is_a_notice_and_the_rows_are_still_evaluated():
    data = validate(_without_column(workbook(_world()), "contracts", "copy_given_to_worker"))
    [notice] = _problems(data, "contracts", type=ProblemType.MISSING_COLUMN)
    assert notice.action is Action.NOTICE
    assert notice.column == "copy_given_to_worker"
    assert data.counts["contracts"].evaluated == data.counts["contracts"].read == 2
    assert all(c.copy_given_to_worker is None for c in data.contracts)


# ---------------------------------------------------------------------------------------------- ids, references


def test_duplicate_id_rejects_the_second_row_citing_the_first():
    data = validate(workbook(_world(fees=[_fee(fee_id="F1", amount=7)])))
    [dup] = _problems(data, "fees", type=ProblemType.DUPLICATE_ID)
    assert (dup.action, dup.row, dup.column, dup.value) == (Action.ROW_REJECTED, 4, "fee_id", "F1")
    assert "first used in row 2" in dup.message
    assert [f.amount for f in data.fees if f.fee_id == "F1"] == [0.0]  # the first row is the one kept
    assert data.counts["fees"].rejected == 1


@pytest.mark.parametrize(("sheet", "row", "number"), [
    ("fees", _fee(worker_id="W404"), 4),
    ("contracts", {"contract_id": "C9", "worker_id": "W404", "stage": "offer"}, 4),
    ("documents", {"worker_id": "W404", "document": "passport", "held_by": "employer"}, 3),
    ("complaints", {"complaint_id": "CP9", "worker_id": "W404"}, 2),
])
def test_unknown_worker_id_rejects_the_row_with_its_location(sheet, row, number):
    data = validate(workbook(_world(**{sheet: [row]})))
    [problem] = _problems(data, sheet, type=ProblemType.UNKNOWN_REFERENCE)
    assert (problem.action, problem.row, problem.column, problem.value) == (
        Action.ROW_REJECTED, number, "worker_id", "W404")
    assert data.counts[sheet].rejected == 1
    assert all(r.row != number for r in getattr(data, sheet))


def test_unknown_agency_id_in_workers_is_a_notice_and_the_value_is_kept():
    worker = {**world({})["workers"][0], "worker_id": "W2", "agency_id": "AG404"}
    data = validate(workbook(_world(workers=[worker])))
    [problem] = _problems(data, "workers", type=ProblemType.UNKNOWN_REFERENCE)
    assert (problem.action, problem.row, problem.column, problem.value) == (Action.NOTICE, 3, "agency_id", "AG404")
    assert data.workers["W2"].agency_id == "AG404"  # blank would read as "recruited directly"
    assert data.counts["workers"].evaluated == 2


def test_unknown_agency_id_in_fees_is_a_notice_and_the_value_is_kept():
    data = validate(workbook(_world(fees=[_fee(agency_id="AG404")])))
    [problem] = _problems(data, "fees", type=ProblemType.UNKNOWN_REFERENCE)
    assert problem.action is Action.NOTICE
    assert next(f for f in data.fees if f.fee_id == "F9").agency_id == "AG404"


@pytest.mark.parametrize(("parent", "words"), [("AG404", "not in the agencies sheet"), ("AG9", "its own parent")])
def test_unknown_or_self_parent_agency_is_a_notice_on_the_agency_row(parent, words):
    data = validate(workbook(_world(agencies=[{"agency_id": "AG9", "role": "sub_agent",
                                               "parent_agency_id": parent}])))
    [problem] = _problems(data, "agencies", column="parent_agency_id")
    assert (problem.type, problem.action, problem.row, problem.value) == (
        ProblemType.UNKNOWN_REFERENCE, Action.NOTICE, 5, parent)
    assert words in problem.message
    assert data.agencies["AG9"].parent_agency_id == parent
    assert data.counts["agencies"].rejected == 0


def test_parent_agency_defined_later_in_the_sheet_is_not_a_problem():
    data = validate(workbook(_world(agencies=[{"agency_id": "AG8", "parent_agency_id": "AG9"},
                                              {"agency_id": "AG9", "role": "recruiter"}])))
    assert _problems(data, "agencies") == []


@pytest.mark.parametrize(("sheet", "row", "column"), [
    ("fees", _fee(fee_id=None), "fee_id"),
    ("fees", _fee(fee_id="   "), "fee_id"),
    ("fees", _fee(worker_id=None), "worker_id"),
    ("documents", {"worker_id": "W1", "document": None, "held_by": "worker"}, "document"),
])
def test_blank_required_id_rejects_the_row(sheet, row, column):
    data = validate(workbook(_world(**{sheet: [row]})))
    [problem] = _problems(data, sheet, action=Action.ROW_REJECTED)
    assert (problem.type, problem.column) == (ProblemType.MISSING_VALUE, column)
    assert data.counts[sheet].rejected == 1


def test_unreadable_document_type_keeps_the_row_with_the_type_unknown():
    # "Passport + visa" held by the agency is still a document held: the rules must say they cannot judge it
    data = validate(workbook(_world(documents=[{"worker_id": "W1", "document": "spaceship", "held_by": "agency"}])))
    [problem] = _problems(data, "documents")
    assert (problem.type, problem.action, problem.row, problem.value) == (
        ProblemType.BAD_VALUE, Action.VALUE_IGNORED, 3, "spaceship")
    kept = next(d for d in data.documents if d.row == 3)
    assert kept.document is None and ("document", "spaceship") in kept.unread


# ---------------------------------------------------------------------------------------------- cell values


@pytest.mark.parametrize(("column", "value"), [
    ("paid_on", "32/13/2024"),
    ("paid_on", "someday"),
    ("amount", -5),
    ("amount", "12 apples"),
    ("paid_by", "boss"),
    ("method", "barter"),
])
def test_bad_fee_value_is_ignored_with_its_location_and_the_row_still_evaluated(column, value):
    data = validate(workbook(_world(fees=[_fee(**{column: value})])))
    [problem] = _problems(data, "fees")
    assert (problem.type, problem.action, problem.row, problem.column, problem.value) == (
        ProblemType.BAD_VALUE, Action.VALUE_IGNORED, 4, column, str(value))
    fee = next(f for f in data.fees if f.fee_id == "F9")
    assert getattr(fee, column) is None
    assert data.counts["fees"] == data.counts["fees"].model_copy(update={"evaluated": 3, "rejected": 0})


def test_bad_yes_no_is_ignored_and_the_contract_still_evaluated():
    data = validate(workbook(_world(contracts=[{"contract_id": "C9", "worker_id": "W1", "stage": "offer",
                                                "written": "maybe", "copy_given_to_worker": "yes"}])))
    [problem] = _problems(data, "contracts")
    assert (problem.action, problem.row, problem.column, problem.value) == (
        Action.VALUE_IGNORED, 4, "written", "maybe")
    contract = next(c for c in data.contracts if c.contract_id == "C9")
    assert (contract.written, contract.copy_given_to_worker) == (None, True)


@pytest.mark.parametrize(("text", "amount"), [
    ("15,000", 15000.0), ("1,234,567.50", 1234567.5), ("12 500", 12500.0), ("15,000/-", 15000.0), (2500, 2500.0),
])
def test_amounts_with_thousands_separators_are_read(text, amount):
    data = validate(workbook(_world(fees=[_fee(amount=text)])))
    assert _problems(data, "fees") == []
    assert next(f for f in data.fees if f.fee_id == "F9").amount == amount


def test_chinese_yes_and_no_are_read():
    data = validate(workbook(_world(
        contracts=[{"contract_id": "C9", "worker_id": "W1", "stage": "offer", "written": "是",
                    "copy_given_to_worker": "否"}],
        documents=[{"worker_id": "W1", "document": "护照", "held_by": "employer", "worker_consent": "否"}])))
    assert data.problems == []
    contract = next(c for c in data.contracts if c.contract_id == "C9")
    assert (contract.written, contract.copy_given_to_worker) == (True, False)
    assert (data.documents[-1].document, data.documents[-1].worker_consent) == ("passport", "no")


def test_contradicting_dates_are_kept_with_a_notice():
    worker = {**world({})["workers"][0], "worker_id": "W2", "departed_on": dt.date(2023, 1, 1)}
    data = validate(workbook(_world(workers=[worker])))
    [problem] = _problems(data, "workers")
    assert (problem.type, problem.action, problem.column) == (ProblemType.INCONSISTENT, Action.NOTICE, "departed_on")
    assert data.workers["W2"].departed_on == dt.date(2023, 1, 1)


# ---------------------------------------------------------------------------------------------- real xlsx files


def _write_xlsx(path: Path, sheets: dict[str, list[dict[str, Any]]], headers: dict[tuple[str, str], str],
                extra: dict[str, dict[str, Any]]) -> Path:
    """Every contract sheet with every column; `headers` renames a column's header, `extra` adds columns."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for spec in SHEETS:
        ws = book.create_sheet(spec.name)
        names = [c.name for c in spec.columns]
        added = extra.get(spec.name, {})
        ws.append([headers.get((spec.name, n), n) for n in names] + list(added))
        for row in sheets.get(spec.name, []):
            ws.append([row.get(n) for n in names] + list(added.values()))
    book.save(path)
    return path


def test_headers_are_matched_in_a_real_xlsx_whatever_their_case_spacing_or_hyphens(tmp_path):
    path = _write_xlsx(tmp_path / "in.xlsx", _world(), {
        ("workers", "worker_id"): "Worker ID", ("fees", "worker_id"): " worker_id ",
        ("contracts", "worker_id"): "WORKER-ID", ("fees", "paid_by"): "Paid By"}, {})
    data = validate(read_workbook(path))
    assert data.problems == []
    assert list(data.workers) == ["W1"]
    assert {f.worker_id for f in data.fees} == {c.worker_id for c in data.contracts} == {"W1"}
    assert {f.paid_by for f in data.fees} == {"worker", "employer"}


def test_unknown_extra_columns_are_ignored_without_problems(tmp_path):
    path = _write_xlsx(tmp_path / "in.xlsx", _world(), {}, {
        "workers": {"Favourite colour": "blue"}, "fees": {"receipt_scan": "yes", "Notes": 12}})
    data = validate(read_workbook(path))
    assert data.problems == []
    assert data.counts["workers"].evaluated == 1
    assert data.counts["fees"].evaluated == 2


def test_dates_as_date_cells_iso_text_and_day_first_text_all_parse(tmp_path):
    # "25/03/2024" proves the column is day first, so "10/03/2024" is 10 March
    fees = [_fee(fee_id="F7", paid_on=dt.date(2024, 3, 10)), _fee(fee_id="F8", paid_on=dt.datetime(2024, 3, 10)),
            _fee(fee_id="F9", paid_on="2024-03-10"), _fee(fee_id="F10", paid_on="10/03/2024"),
            _fee(fee_id="F11", paid_on="10.03.2024"), _fee(fee_id="F12", paid_on="25/03/2024")]
    path = _write_xlsx(tmp_path / "in.xlsx", _world(fees=fees), {}, {})
    data = validate(read_workbook(path))
    assert data.problems == []
    paid = {f.fee_id: f.paid_on for f in data.fees}
    assert [paid[f"F{i}"] for i in range(7, 12)] == [dt.date(2024, 3, 10)] * 5


def test_a_date_that_fits_both_orders_is_refused_when_nothing_shows_the_order(tmp_path):
    fees = [_fee(fee_id="F7", paid_on="2024-03-10"), _fee(fee_id="F8", paid_on="10/03/2024")]
    path = _write_xlsx(tmp_path / "in.xlsx", _world(fees=fees), {}, {})
    data = validate(read_workbook(path))
    [problem] = [p for p in data.problems if p.column == "paid_on"]
    assert problem.value == "10/03/2024" and problem.action.value == "value-ignored"
    assert "order" in problem.message
    assert {f.fee_id: f.paid_on for f in data.fees}["F8"] is None


# ---------------------------------------------------------------------------------------------- nothing dropped

_IDS = {"workers": ["W1", "W2", " W1 ", "W  2", "W3"], "agencies": ["AG1", "AG2", "AG404"],
        "employers": ["EM1", "EM404"], None: ["X1", "X2", "X3"]}
_GARBAGE = st.one_of(
    st.none(), st.text(max_size=12), st.integers(-10**12, 10**12), st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(), st.dates(), st.datetimes(), st.times(), st.timedeltas(), st.sampled_from(["#N/A", "#VALUE!"]),
)
_GOOD: dict[Kind, st.SearchStrategy[Any]] = {
    Kind.DATE: st.sampled_from(["2024-01-10", "10/01/2024", dt.date(2024, 1, 10), "31/02/2024"]),
    Kind.AMOUNT: st.sampled_from([0, 12.5, "1,200", "-3", "NPR 500"]),
    Kind.NUMBER: st.sampled_from([0, 48, "7.5", "-1"]),
    Kind.YESNO: st.sampled_from(["yes", "no", "是", "否", "Y", True, 0, "maybe"]),
    Kind.LIST: st.sampled_from(["Nepali, English", "Hindi", ", ,"]),
}


def _cell(sheet: str, col: ColumnSpec) -> st.SearchStrategy[Any]:
    if col.kind is Kind.ID:
        good = st.sampled_from(_IDS.get(sheet, _IDS[None]))
    elif col.kind is Kind.REF:
        good = st.sampled_from(_IDS.get(col.refers_to, _IDS[None]))
    elif col.kind is Kind.CHOICE:
        good = st.sampled_from([*col.choices, "nonsense"])
    else:
        good = _GOOD.get(col.kind, st.text(max_size=8))
    # Identifiers are mostly good, so that rows of the other sheets find their worker and get evaluated.
    # (flatmap, not one_of: hypothesis spreads one_of's draws over its branches' many distinct values.)
    odds = 3 if col.kind in (Kind.ID, Kind.REF) else 1
    return st.integers(0, odds).flatmap(lambda i: good if i else _GARBAGE)


def _rows(sheet: str) -> st.SearchStrategy[list[dict[str, Any]]]:
    spec = next(s for s in SHEETS if s.name == sheet)
    row = st.fixed_dictionaries({c.name: _cell(sheet, c) for c in spec.columns})
    rows = st.lists(row, min_size=2 if sheet == "workers" else 0, max_size=6)
    if sheet == "workers":  # two workers always exist, so that rows of the other sheets can be evaluated
        rows = rows.map(lambda rs: [{**rs[0], "worker_id": "W1"}, {**rs[1], "worker_id": "W2"}, *rs[2:]])
    return rows


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.fixed_dictionaries({s.name: _rows(s.name) for s in SHEETS}))
def test_every_row_read_is_either_evaluated_or_rejected_with_a_located_reason(sheets):
    data = validate(workbook(sheets))
    for spec in SHEETS:
        counts = data.counts[spec.name]
        records = getattr(data, spec.name)
        records = list(records.values()) if isinstance(records, dict) else records
        rejected_rows = {p.row for p in _problems(data, spec.name, action=Action.ROW_REJECTED)}
        numbers = [r.row for r in records]
        assert counts.read == len(sheets[spec.name])
        assert counts.read == counts.evaluated + counts.rejected
        assert counts.evaluated == len(records)
        assert counts.rejected == len(rejected_rows)
        assert len(numbers) == len(set(numbers))
        assert rejected_rows.isdisjoint(numbers)
        read_rows = set(range(2, 2 + counts.read))
        assert {p.row for p in _problems(data, spec.name) if p.row is not None} <= read_rows


# ---------------------------------------------------------------------------------------------- references by name


def test_an_agency_named_where_its_id_belongs_is_read_as_its_id_and_said(tmp_path):
    agencies = world({})["agencies"]
    name = next(a["name"] for a in agencies if a["agency_id"] == "AG1")
    path = _write_xlsx(tmp_path / "in.xlsx", _world(fees=[_fee(fee_id="F8", agency_id=f"  {name.upper()} ")]), {}, {})
    data = validate(read_workbook(path))
    assert next(f for f in data.fees if f.fee_id == "F8").agency_id == "AG1"
    [col] = [c for c in data.readings.columns if c.sheet == "fees" and c.column == "agency_id"]
    assert [(v.code, v.how) for v in col.values] == [("AG1", "name")]


def test_a_name_shared_by_two_agencies_is_not_resolved(tmp_path):
    sheets = _world(fees=[_fee(fee_id="F8", agency_id="Twin Name")])
    sheets["agencies"] += [{"agency_id": "AGX", "name": "Twin Name"}, {"agency_id": "AGY", "name": "twin name"}]
    data = validate(read_workbook(_write_xlsx(tmp_path / "in.xlsx", sheets, {}, {})))
    assert next(f for f in data.fees if f.fee_id == "F8").agency_id == "Twin Name"
    assert any(p.column == "agency_id" and p.type.value == "unknown-reference" for p in data.problems)


def test_workers_are_never_looked_up_by_name(tmp_path):
    sheets = _world()
    name = sheets["workers"][0]["name"]
    sheets["fees"].append(_fee(fee_id="F8", worker_id=name))
    data = validate(read_workbook(_write_xlsx(tmp_path / "in.xlsx", sheets, {}, {})))
    assert all(f.fee_id != "F8" for f in data.fees)
    assert any(p.row is not None and p.column == "worker_id" and p.action.value == "row-rejected"
               for p in data.problems)
