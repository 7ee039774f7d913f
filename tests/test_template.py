from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from compliance.input.sheets import SHEETS, Kind
from compliance.input.workbook import read_workbook
from compliance.template import INSTRUCTIONS_SHEET, write_template


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "input.xlsx"
    write_template(path)
    return path


def test_template_round_trips_with_every_contract_column_and_no_rows(template):
    book = read_workbook(template)
    assert list(book.sheets) == [spec.name for spec in SHEETS]
    for spec in SHEETS:
        sheet = book.sheets[spec.name]
        assert [c.key for c in sheet.columns] == [c.name for c in spec.template_columns()]
        assert sheet.rows == []
        assert sheet.blank_rows == 0


def test_template_sheets_are_instructions_then_contract_order(template):
    book = openpyxl.load_workbook(template)
    assert book.sheetnames == [INSTRUCTIONS_SHEET, *(spec.name for spec in SHEETS)]


def test_template_refuses_to_overwrite_an_existing_file(tmp_path):
    path = tmp_path / "mine.xlsx"
    path.write_bytes(b"precious data")
    with pytest.raises(FileExistsError, match="already exists"):
        write_template(path)
    assert path.read_bytes() == b"precious data"


def test_template_must_be_an_xlsx_name(tmp_path):
    with pytest.raises(ValueError, match=r"\.xlsx"):
        write_template(tmp_path / "input.ods")
    assert not (tmp_path / "input.ods").exists()


def test_headers_are_bold_frozen_commented_and_wide_enough(template):
    book = openpyxl.load_workbook(template)
    for spec in SHEETS:
        ws = book[spec.name]
        assert ws.freeze_panes == "A2"
        for index, col in enumerate(spec.template_columns(), start=1):
            cell = ws.cell(1, index)
            assert cell.value == col.name
            assert cell.font.bold
            assert cell.comment is not None and col.help in cell.comment.text
            assert ws.column_dimensions[cell.column_letter].width >= len(col.name)


def _validations(ws) -> dict[str, str]:
    """Column letter -> drop-down formula."""
    found = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            assert (rng.min_row, rng.max_row) == (2, 5000)
            found[rng.coord.split(":")[0].rstrip("0123456789")] = dv.formula1
    return found


def test_choice_and_yes_no_columns_have_drop_downs(template):
    book = openpyxl.load_workbook(template)
    for spec in SHEETS:
        drops = _validations(book[spec.name])
        for index, col in enumerate(spec.template_columns(), start=1):
            letter = openpyxl.utils.get_column_letter(index)
            if col.kind is Kind.CHOICE:
                assert drops[letter] == '"' + ",".join(col.choices) + '"'
            elif col.kind is Kind.YESNO:
                assert drops[letter] == '"yes,no"'
            else:
                assert letter not in drops


def test_drop_downs_warn_rather_than_block_so_synonyms_can_be_typed(template):
    ws = openpyxl.load_workbook(template)["fees"]
    assert {dv.errorStyle for dv in ws.data_validations.dataValidation} == {"warning"}


def _instruction_text(template: Path) -> str:
    ws = openpyxl.load_workbook(template)[INSTRUCTIONS_SHEET]
    return "\n".join(str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None)


def test_instructions_describe_every_sheet_and_column(template):
    text = _instruction_text(template)
    for spec in SHEETS:
        assert f"Sheet: {spec.name}" in text
        assert spec.help in text
        for col in spec.template_columns():
            assert col.name in text
            assert col.help in text
    assert "optional sheet" in text and "required sheet" in text


@pytest.mark.parametrize(
    "phrase",
    ["2024-03-05", "05/03/2024", "day first", "Thousands separators", "currency column", "是", "否",
     "worker_id", "ignored", "insufficient evidence", "not known"],
)
def test_instructions_explain_how_to_fill_in_cells(template, phrase):
    assert phrase in _instruction_text(template)
