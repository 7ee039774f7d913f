"""Misreads an adversarial review of the reading layer found, end to end: each must stay fixed.

Each case changes one thing in the compliant sample (or the violations sample) as a real file would, and checks
that the value is refused or read right, and that no violation appears or disappears without a word.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from compliance.check import check
from compliance.input.validate import validate
from compliance.input.workbook import InputError, read_workbook

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
AS_OF = dt.date(2025, 1, 15)


def _edit(tmp_path: Path, sample: str, sheet: str, edit) -> Path:
    book = openpyxl.load_workbook(SAMPLES / f"{sample}.xlsx")
    edit(book[sheet], [c.value for c in book[sheet][1]])
    path = tmp_path / "edited.xlsx"
    book.save(path)
    return path


def _rename(header: str, to: str):
    def edit(ws, names):
        ws.cell(1, names.index(header) + 1).value = to
    return edit


def _set(column: str, row: int, value: object):
    def edit(ws, names):
        ws.cell(row, names.index(column) + 1).value = value
    return edit


def _keys(report) -> Counter:
    return Counter((f.worker_id, f.rule_id, f.outcome.value) for f in report.findings)


def test_a_daily_wage_header_is_not_read_as_the_monthly_wage(tmp_path):
    path = _edit(tmp_path, "compliant-agency", "contracts", _rename("monthly_wage", "Wage (per day)"))
    data = validate(read_workbook(path))
    assert all(c.monthly_wage is None for c in data.contracts)
    assert any(p.column == "monthly_wage" and p.type.value == "missing-column" for p in data.problems)


def test_a_duration_in_years_is_converted_and_said(tmp_path):
    def edit(ws, names):
        ws.cell(1, names.index("duration_months") + 1).value = "Duration (years)"
        for r in range(2, ws.max_row + 1):
            cell = ws.cell(r, names.index("duration_months") + 1)
            if cell.value is not None:
                cell.value = cell.value / 12
    data = validate(read_workbook(_edit(tmp_path, "compliant-agency", "contracts", edit)))
    base = validate(read_workbook(SAMPLES / "compliant-agency.xlsx"))
    assert [c.duration_months for c in data.contracts] == [c.duration_months for c in base.contracts]
    [col] = [c for c in data.readings.columns if c.column == "duration_months"]
    assert any("years" in note for note in col.notes)


def test_a_percentage_header_on_money_is_refused_cell_by_cell(tmp_path):
    path = _edit(tmp_path, "compliant-agency", "wage_payments", _rename("deductions", "Deductions (%)"))
    data = validate(read_workbook(path))
    assert all(w.deductions is None for w in data.wage_payments)
    assert any(p.column == "deductions" and "percent" in p.message for p in data.problems)


def test_a_birth_date_with_a_two_digit_year_never_makes_a_child(tmp_path):
    path = _edit(tmp_path, "compliant-agency", "workers", _set("date_of_birth", 2, "05-Mar-65"))
    report = check(path, as_of=AS_OF, evaluator="reference")
    assert not [f for f in report.findings if f.rule_id == "FR-CHD-001" and f.outcome.value == "violation"]
    assert [f.outcome.value for f in report.findings if f.rule_id == "FR-CHD-001"] == ["insufficient_evidence"]


def test_the_exactly_named_sheet_wins_over_an_old_copy(tmp_path):
    book = openpyxl.load_workbook(SAMPLES / "compliant-agency.xlsx")
    old = book.copy_worksheet(book["workers"])
    old.title = "Workers (old)"
    book.move_sheet(old, offset=-book.index(old))  # first in the file
    old.cell(2, 2).value = "Somebody Else"
    path = tmp_path / "two.xlsx"
    book.save(path)
    raw = read_workbook(path)
    assert raw.sheets["workers"].name == "workers"
    assert "Workers (old)" in raw.other_sheets  # listed as not read, never read in place of the exact one


def test_two_look_alike_sheets_stop_the_run_asking_which(tmp_path):
    book = openpyxl.load_workbook(SAMPLES / "compliant-agency.xlsx")
    book["fees"].title = "Fees 2024"
    book.copy_worksheet(book["Fees 2024"]).title = "Fees 2023"
    path = tmp_path / "two.xlsx"
    book.save(path)
    with pytest.raises(InputError, match="all look like fees"):
        read_workbook(path)


def test_a_column_proving_both_date_orders_refuses_the_cells_that_fit_both(tmp_path):
    def edit(ws, names):
        at = names.index("paid_on") + 1
        for r, text in zip(range(2, 7), ["25/03/2024", "26/03/2024", "03/25/2024", "05/03/2024", "04/06/2024"],
                           strict=False):
            ws.cell(r, at).value = text
    data = validate(read_workbook(_edit(tmp_path, "compliant-agency", "fees", edit)))
    paid = {f.row: f.paid_on for f in data.fees}
    assert paid[2] == dt.date(2024, 3, 25) and paid[4] == dt.date(2024, 3, 25)  # each proves itself
    assert paid[5] is None and paid[6] is None  # fit both orders: refused, not read by the majority


def test_a_semicolon_csv_does_not_make_kwd_1_500_fifteen_hundred(tmp_path):
    folder = tmp_path / "csv"
    folder.mkdir()
    book = openpyxl.load_workbook(SAMPLES / "compliant-agency.xlsx")
    for ws in book.worksheets:
        if ws.title == "instructions":
            continue
        lines = []
        for r, row in enumerate(ws.iter_rows(values_only=True)):
            cells = ["" if v is None else (v.isoformat() if isinstance(v, dt.date) else str(v)) for v in row]
            if ws.title == "fees" and r == 1:
                names = [c.value for c in ws[1]]
                cells[names.index("amount")] = "1.500"
                cells[names.index("currency")] = "KWD"
            lines.append(";".join(cells))
        (folder / f"{ws.title}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    data = validate(read_workbook(folder))
    assert next(f for f in data.fees if f.row == 2).amount is None
    assert any(p.sheet == "fees" and p.row == 2 and p.column == "amount" for p in data.problems)


def test_a_fee_deducted_from_salary_is_never_read_as_paid_by_the_employer(tmp_path):
    path = _edit(tmp_path, "agency-with-violations", "fees", _set("paid_by", 2, "Employer (deducted from salary)"))
    data = validate(read_workbook(path))
    assert next(f for f in data.fees if f.row == 2).paid_by is None
    report = check(path, as_of=AS_OF, evaluator="reference")
    about = [f for f in report.findings if any(e.sheet == "fees" and e.row == 2 for e in f.evidence)]
    assert about, "the fee must not become silent"


def test_a_formula_with_no_saved_value_is_unknown_not_nothing_refunded(tmp_path):
    path = _edit(tmp_path, "agency-with-violations", "fees", _set("reimbursed_amount", 2, "=E11"))
    base = check(SAMPLES / "agency-with-violations.xlsx", as_of=AS_OF, evaluator="reference")
    report = check(path, as_of=AS_OF, evaluator="reference")
    fee_row = [f for f in report.findings if any(e.sheet == "fees" and e.row == 2 for e in f.evidence)]
    assert fee_row and all(f.outcome.value == "insufficient_evidence" for f in fee_row if f.unreadable)
    assert any(p.sheet == "fees" and p.row == 2 and p.column == "reimbursed_amount" for p in report.input_problems)
    # what the unknown refund could change is not counted as owed
    assert sum(report.summary.to_reimburse.values()) <= sum(base.summary.to_reimburse.values())


@pytest.mark.parametrize("language", ["Nepali/English", "Nepali and English", "Bilingual (Nepali-English)",
                                      "Nepalese"])
def test_a_contract_language_written_as_a_list_or_a_variant_is_never_a_foreign_language_violation(tmp_path,
                                                                                                  language):
    path = _edit(tmp_path, "compliant-agency", "contracts", _set("language", 2, language))
    report = check(path, as_of=AS_OF, evaluator="reference")
    assert not [f for f in report.findings if f.rule_id == "FR-CON-002" and f.outcome.value == "violation"]


def test_an_unreadable_document_type_held_by_the_agency_is_reported_not_dropped(tmp_path):
    def edit(ws, names):
        ws.cell(2, names.index("document") + 1).value = "Passport + visa"
        ws.cell(2, names.index("held_by") + 1).value = "agency"
        ws.cell(2, names.index("worker_consent") + 1).value = "no"
    path = _edit(tmp_path, "compliant-agency", "documents", edit)
    report = check(path, as_of=AS_OF, evaluator="reference")
    about = [f for f in report.findings if any(e.sheet == "documents" and e.row == 2 for e in f.evidence)]
    assert about and all(f.outcome.value == "insufficient_evidence" for f in about)
    assert any(c.column == "document" and c.value == "Passport + visa" for f in about for c in f.unreadable)


def test_a_units_row_under_the_header_is_read_as_hints_not_as_a_record(tmp_path):
    def edit(ws, names):
        ws.insert_rows(2)
        ws.cell(2, names.index("amount") + 1).value = "(NPR '000)"
        ws.cell(2, names.index("paid_on") + 1).value = "(dd/mm/yyyy)"
        for r in range(3, ws.max_row + 1):
            cell = ws.cell(r, names.index("amount") + 1)
            if isinstance(cell.value, int | float):
                cell.value = cell.value / 1000
    path = _edit(tmp_path, "agency-with-violations", "fees", edit)
    base = check(SAMPLES / "agency-with-violations.xlsx", as_of=AS_OF, evaluator="reference")
    report = check(path, as_of=AS_OF, evaluator="reference")
    assert report.summary.worker_paid_by_category == base.summary.worker_paid_by_category
    assert report.summary.to_reimburse == base.summary.to_reimburse
    assert any("units and formats" in n for n in report.interpretations.notices)


def test_real_dates_among_day_first_text_are_flagged_as_possibly_swapped_by_excel(tmp_path):
    def edit(ws, names):
        at = names.index("paid_on") + 1
        ws.cell(2, at).value = "25/03/2024"
        ws.cell(3, at).value = dt.date(2024, 3, 5)  # what a month-first Excel makes of "03/05/2024" (3 May)
    raw = read_workbook(_edit(tmp_path, "compliant-agency", "fees", edit))
    assert any("day and month swapped" in n for n in raw.readings.notices)


def _base_report():
    return check(SAMPLES / "agency-with-violations.xlsx", as_of=AS_OF, evaluator="reference")


def test_a_worker_id_merged_over_its_fee_rows_is_read_on_every_row(tmp_path):
    def merge(ws, names):  # rows 2-5 are W-101's four fees: one merged cell, as many ledgers write it
        col = names.index("worker_id") + 1
        for row in (3, 4, 5):
            ws.cell(row, col).value = None
        ws.merge_cells(start_row=2, start_column=col, end_row=5, end_column=col)
    report = check(_edit(tmp_path, "agency-with-violations", "fees", merge), as_of=AS_OF, evaluator="reference")
    base = _base_report()
    assert _keys(report) == _keys(base)
    assert report.summary.to_reimburse == base.summary.to_reimburse
    assert not [p for p in report.input_problems if p.sheet == "fees" and p.row in (3, 4, 5)]


def test_an_amount_merged_over_two_rows_is_never_counted_twice_nor_given_to_one_fee(tmp_path):
    def merge(ws, names):  # rows 4-5: W-101's placement fee (120,000) and medical (8,000) under one amount
        col = names.index("amount") + 1
        ws.cell(4, col).value = 128000
        ws.cell(5, col).value = None
        ws.merge_cells(start_row=4, start_column=col, end_row=5, end_column=col)
    path = _edit(tmp_path, "agency-with-violations", "fees", merge)
    data = validate(read_workbook(path))
    assert [f.amount for f in data.fees if f.row in (4, 5)] == [None, None]  # whose share is whose is not written
    report = check(path, as_of=AS_OF, evaluator="reference")
    assert {p.row for p in report.input_problems if p.sheet == "fees" and p.column == "amount"} == {4, 5}
    assert sum(report.summary.to_reimburse.values()) <= sum(_base_report().summary.to_reimburse.values())


def test_a_subtotal_row_under_a_workers_fees_is_skipped_and_listed_not_read_as_a_fee(tmp_path):
    def subtotal(ws, names):
        ws.insert_rows(6)  # under W-101's four fees
        for column, value in (("worker_id", "W-101"), ("category", "Subtotal"), ("amount", 128800)):
            ws.cell(6, names.index(column) + 1).value = value
    path = _edit(tmp_path, "agency-with-violations", "fees", subtotal)
    report = check(path, as_of=AS_OF, evaluator="reference")
    base = _base_report()
    assert _keys(report) == _keys(base)
    assert report.summary.to_reimburse == base.summary.to_reimburse
    skipped = [s for r in report.interpretations.sheets if r.sheet == "fees" for s in r.skipped_rows]
    assert [s.row for s in skipped] == [6] and "subtotal" in skipped[0].reason


@pytest.mark.parametrize(("name", "letter"), [("wοrkers", "GREEK SMALL LETTER OMICRON"),
                                              ("Wоrkers", "CYRILLIC SMALL LETTER O")])
def test_a_sheet_name_spelt_with_a_look_alike_letter_is_named_in_the_missing_sheet_error(tmp_path, name, letter):
    def rename(ws, _names):
        ws.title = name
    with pytest.raises(InputError) as caught:
        check(_edit(tmp_path, "agency-with-violations", "workers", rename), as_of=AS_OF, evaluator="reference")
    assert f"sheet '{name}' looks like 'workers'" in str(caught.value) and letter in str(caught.value)


def test_a_full_width_sheet_name_is_the_sheet(tmp_path):
    def rename(ws, _names):
        ws.title = "ｗｏｒｋｅｒｓ"
    report = check(_edit(tmp_path, "agency-with-violations", "workers", rename), as_of=AS_OF, evaluator="reference")
    assert _keys(report) == _keys(_base_report())


def _hide_sheet_name_and_headers(ws, names):
    """A payroll export under a name and headers no table knows: the sheet cannot be recognised."""
    ws.title = "XQ_EXPORT"
    for i in range(len(names)):
        ws.cell(1, i + 1).value = f"Field {i + 1:02d}"


def test_a_sheet_that_is_not_recognised_is_listed_and_the_rules_of_the_missing_sheet_are_not_judged(tmp_path):
    path = _edit(tmp_path, "agency-with-violations", "wage_payments", _hide_sheet_name_and_headers)
    report = check(path, as_of=AS_OF, evaluator="reference")
    base = _base_report()
    assert [p.sheet for p in report.input_problems if p.type.value == "unrecognised-sheet"] == ["XQ_EXPORT"]
    wage_rules = {k[1] for k in _keys(base) if k[1].startswith("FR-WAGE")}
    assert wage_rules, "the base sample must have wage violations"
    unread = [f for f in report.findings if "XQ_EXPORT" in f.message]
    assert {f.worker_id for f in unread} == {w.worker_id for w in report.workers}  # every worker, once
    assert len(unread) == len(report.workers)
    assert all(f.outcome.value == "insufficient_evidence" for f in unread)
    assert wage_rules <= {r for f in unread for r in (f.rule_id, *f.also_rules)}
    for rule in wage_rules:  # no worker is compliant with a rule whose records may be in the unread sheet
        assert report.summary.verdicts_by_rule[rule]["compliant"] == 0
    lost = {k for k in _keys(base) - _keys(report) if k[2] in ("violation", "warning")}
    covered = {(f.worker_id, r) for f in report.findings if f.outcome.value == "insufficient_evidence"
               for r in (f.rule_id, *f.also_rules)}
    assert lost and all((w, r) in covered for w, r, _ in lost)


def test_a_workbook_without_the_optional_sheet_and_no_other_sheet_has_nothing_to_judge(tmp_path):
    def drop(ws, _names):
        ws.parent.remove(ws)
    report = check(_edit(tmp_path, "agency-with-violations", "wage_payments", drop), as_of=AS_OF,
                   evaluator="reference")
    assert not [p for p in report.input_problems if p.type.value == "unrecognised-sheet"]
    assert not [f for f in report.findings if "did not recognise" in f.message]
    assert any(p.type.value == "missing-sheet" and "nothing to check" in p.message for p in report.input_problems)


def _add_amount_copy(header: str, factor: float, hide: str):
    """A second amount column beside `amount` (x factor); `hide` says which of the two is hidden in the file."""
    def edit(ws, names):
        src = names.index("amount") + 1
        dst = len(names) + 1
        ws.cell(1, dst).value = header
        for r in range(2, ws.max_row + 1):
            v = ws.cell(r, src).value
            ws.cell(r, dst).value = v * factor if isinstance(v, int | float) else v
        letter = openpyxl.utils.get_column_letter(dst if hide == "copy" else src)
        ws.column_dimensions[letter].hidden = True
    return edit


def test_a_hidden_column_that_disagrees_with_a_visible_one_is_not_read(tmp_path):
    path = _edit(tmp_path, "agency-with-violations", "fees", _add_amount_copy("Amount paid", 1000, hide="copy"))
    report = check(path, as_of=AS_OF, evaluator="reference")
    base = _base_report()
    assert _keys(report) == _keys(base) and report.summary.to_reimburse == base.summary.to_reimburse
    assert any("'Amount paid' is hidden in the file, so the visible 'amount' is read" in n
               for n in report.interpretations.notices)


def test_the_visible_column_is_read_when_the_exactly_named_one_is_hidden(tmp_path):
    def edit(ws, names):  # the visible copy holds the true amounts; the hidden 'amount' is 1,000 times too big
        _add_amount_copy("Amount paid", 1, hide="amount")(ws, names)
        col = names.index("amount") + 1
        for r in range(2, ws.max_row + 1):
            if isinstance(v := ws.cell(r, col).value, int | float):
                ws.cell(r, col).value = v * 1000
    report = check(_edit(tmp_path, "agency-with-violations", "fees", edit), as_of=AS_OF, evaluator="reference")
    base = _base_report()
    assert _keys(report) == _keys(base) and report.summary.to_reimburse == base.summary.to_reimburse


def test_a_hidden_column_read_alone_is_said(tmp_path):
    def edit(ws, names):
        ws.column_dimensions[openpyxl.utils.get_column_letter(names.index("amount") + 1)].hidden = True
    report = check(_edit(tmp_path, "agency-with-violations", "fees", edit), as_of=AS_OF, evaluator="reference")
    assert _keys(report) == _keys(_base_report())
    assert any("hidden in the file are read" in n and "read as amount" in n for n in report.interpretations.notices)


def test_a_sheet_the_mapping_marks_as_ignore_no_longer_keeps_the_missing_sheets_rules_from_being_judged(tmp_path):
    path = _edit(tmp_path, "agency-with-violations", "wage_payments", _hide_sheet_name_and_headers)
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text('fairrecruit-mapping: 1\nsheets:\n  "XQ_EXPORT": {as: ignore}\n', encoding="utf-8")
    report = check(path, as_of=AS_OF, evaluator="reference", mapping=mapping)
    assert not [p for p in report.input_problems if p.type.value == "unrecognised-sheet"]
    assert not [f for f in report.findings if "XQ_EXPORT" in f.message]


def test_a_sign_off_line_under_the_fees_is_skipped_and_listed_not_read_as_a_fee(tmp_path):
    def sign(ws, _names):
        row = ws.max_row + 2
        ws.cell(row, 1).value = "制表人：王芳"
        ws.cell(row, 3).value = "审核人：李强"
        ws.cell(row + 1, 1).value = "Checked by: R. Thapa"
    report = check(_edit(tmp_path, "agency-with-violations", "fees", sign), as_of=AS_OF, evaluator="reference")
    base = _base_report()
    assert _keys(report) == _keys(base)
    assert all(p.action.value == "notice" and "sign-off" in p.message for p in report.input_problems)
    skipped = [s for r in report.interpretations.sheets if r.sheet == "fees" for s in r.skipped_rows]
    assert len(skipped) == 2 and all("sign-off" in s.reason for s in skipped)


def test_a_fee_row_with_a_colon_in_one_cell_is_still_a_fee(tmp_path):
    report = check(_edit(tmp_path, "agency-with-violations", "fees", _set("category", 4, "Placement: agent")),
                   as_of=AS_OF, evaluator="reference")
    assert report.input_counts["fees"].read == _base_report().input_counts["fees"].read


def test_a_birth_date_giving_an_age_over_100_is_an_input_problem_not_an_age(tmp_path):
    """Issue 10: an impossible age is a typo (1924 for 1994), reported at its cell; the age rule says it cannot
    judge rather than pass or fail the worker."""
    from compliance.input.validate import validate
    from tests import rulecases
    world = rulecases.world({"rows": {"workers": [{"worker_id": "W1", "date_of_birth": dt.date(1920, 5, 1)}]}})
    data = validate(rulecases.workbook(world))
    assert data.workers["W1"].date_of_birth is None
    assert any(p.column == "date_of_birth" and "over 100" in p.message for p in data.problems)
