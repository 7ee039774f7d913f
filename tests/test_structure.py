from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.table import Table

from compliance.input import structure
from compliance.input.structure import SheetStructure, looks_like_totals_row, xlsx_structure

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def _fees_book(path: Path) -> Path:
    """Fees as an Excel table at B3:D7 with a totals row, an unlisted table, a hidden and a very hidden sheet."""
    book = openpyxl.Workbook()
    fees = book.active
    fees.title = "Fees"
    for r, row in enumerate([("fee_id", "worker_id", "amount"), ("F1", "W1", 100), ("F2", "W2", 200),
                             ("F3", "W3", 300), ("Total", None, 600)], start=3):
        for c, value in enumerate(row, start=2):
            fees.cell(r, c, value)
    fees.add_table(Table(displayName="FeeTable", ref="B3:D7", totalsRowCount=1))
    workers = book.create_sheet("Workers")
    workers.append(["worker_id", "name"])
    workers.append(["W1", "Asha"])
    workers.add_table(Table(displayName="WorkerTable", ref="A1:B2", totalsRowShown=True))
    book.create_sheet("Lists").sheet_state = "hidden"
    book.create_sheet("Secret").sheet_state = "veryHidden"
    book.save(path)
    return path


def _package(path: Path, parts: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, text in parts.items():
            zf.writestr(name, text)
    return path


def _pivot_parts(pivot_target: str = "../pivotTables/pivotTable1.xml", main: str = MAIN, rel: str = REL
                 ) -> dict[str, str]:
    """A minimal hand-written package: sheet 'Pivot' linked to a pivot table, sheet 'Data' plain."""
    rel_type = rel  # relationship types are this namespace plus "/worksheet", "/pivotTable", ...
    return {
        "_rels/.rels": f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
                       f'Type="{rel_type}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
                           '<sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Pivot" sheetId="2" r:id="rId2"/>'
                           "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{PKG}">'
                                      f'<Relationship Id="rId1" Type="{rel_type}/worksheet" '
                                      'Target="worksheets/sheet1.xml"/>'
                                      f'<Relationship Id="rId2" Type="{rel_type}/worksheet" '
                                      'Target="worksheets/sheet2.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{main}"><sheetData/></worksheet>',
        "xl/worksheets/sheet2.xml": f'<worksheet xmlns="{main}"><sheetData/></worksheet>',
        "xl/worksheets/_rels/sheet2.xml.rels": f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
                                               f'Type="{rel_type}/pivotTable" Target="{pivot_target}"/>'
                                               "</Relationships>",
        "xl/pivotTables/pivotTable1.xml": f'<pivotTableDefinition xmlns="{main}" name="PivotTable1" '
                                          'cacheId="1"><location ref="A3:B7" firstHeaderRow="1" '
                                          'firstDataRow="1" firstDataCol="1"/></pivotTableDefinition>',
    }


# ---------------------------------------------------------------------------------------------- xlsx


def test_excel_table_totals_row_is_its_last_row_in_absolute_indexes(tmp_path):
    fees = xlsx_structure(_fees_book(tmp_path / "fees.xlsx"))["Fees"]
    assert fees.table_ranges == ((2, 1, 6, 3),)
    assert fees.totals_rows == frozenset({6})
    assert not fees.pivot and not fees.hidden


def test_totals_row_shown_once_but_now_hidden_marks_no_row(tmp_path):
    workers = xlsx_structure(_fees_book(tmp_path / "fees.xlsx"))["Workers"]
    assert workers.table_ranges == ((0, 0, 1, 1),)
    assert workers.totals_rows == frozenset()


def test_hidden_and_very_hidden_sheets_are_hidden(tmp_path):
    found = xlsx_structure(_fees_book(tmp_path / "fees.xlsx"))
    assert list(found) == ["Fees", "Workers", "Lists", "Secret"]
    assert [name for name, s in found.items() if s.hidden] == ["Lists", "Secret"]


def test_pivot_table_is_detected_on_its_sheet_only(tmp_path):
    found = xlsx_structure(_package(tmp_path / "pivot.xlsx", _pivot_parts()))
    assert found == {"Data": SheetStructure(), "Pivot": SheetStructure(pivot=True)}


def test_strict_ooxml_namespaces_are_understood(tmp_path):
    parts = _pivot_parts(main="http://purl.oclc.org/ooxml/spreadsheetml/main",
                         rel="http://purl.oclc.org/ooxml/officeDocument/relationships")
    assert xlsx_structure(_package(tmp_path / "strict.xlsx", parts))["Pivot"].pivot is True


def test_pivot_relationship_to_a_missing_part_is_ignored(tmp_path):
    parts = _pivot_parts(pivot_target="../pivotTables/pivotTable9.xml")
    assert xlsx_structure(_package(tmp_path / "dangling.xlsx", parts))["Pivot"].pivot is False


def test_malformed_table_part_is_ignored_and_the_other_table_still_read(tmp_path):
    path = _fees_book(tmp_path / "fees.xlsx")
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(damaged, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, b"<table ref=" if b"WorkerTable" in data and "tables/" in info.filename else data)
    found = xlsx_structure(damaged)
    assert found["Fees"].totals_rows == frozenset({6})
    assert found["Workers"].table_ranges == ()


def test_member_over_the_size_limit_is_skipped(tmp_path, monkeypatch):
    parts = _pivot_parts()
    parts["xl/pivotTables/pivotTable1.xml"] = parts["xl/pivotTables/pivotTable1.xml"].replace(
        "<location", "<!--" + "x" * 5000 + "--><location")
    monkeypatch.setattr(structure, "_MAX_MEMBER", 4000)  # the other parts are far smaller
    found = xlsx_structure(_package(tmp_path / "big.xlsx", parts))
    assert found == {"Data": SheetStructure(), "Pivot": SheetStructure(pivot=False)}


@pytest.mark.parametrize("content", [b"not a zip file", b"PK\x03\x04broken"])
def test_file_that_is_not_a_readable_package_gives_nothing(tmp_path, content):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    assert xlsx_structure(path) == {}


def test_package_without_workbook_part_gives_nothing(tmp_path):
    assert xlsx_structure(_package(tmp_path / "empty.xlsx", {"docProps/app.xml": "<Properties/>"})) == {}


# ---------------------------------------------------------------------------------------------- content

ID, NAME, AMOUNT = 0, 1, 2


@pytest.mark.parametrize("label", ["Total", "TOTAL:", "Totals", "Grand Total", "grand  total :", "Sum",
                                   "Subtotal", "Sub-total", "合计", "总计", "小计：", "जम्मा", "মোট", "Ｔｏｔａｌ"])
def test_totals_label_in_the_id_column_with_an_amount_is_a_totals_row(label):
    assert looks_like_totals_row([label, None, 600], [ID], [AMOUNT]) is True


def test_totals_label_under_the_names_with_blank_id_is_a_totals_row():
    assert looks_like_totals_row([None, "Total", 600.0], [ID], [AMOUNT]) is True


def test_worker_called_total_with_a_real_id_is_not_a_totals_row():
    assert looks_like_totals_row(["W7", "Total", 600], [ID], [AMOUNT]) is False
    assert looks_like_totals_row([1007, "Total", 600], [ID], [AMOUNT]) is False


def test_totals_label_without_any_amount_is_not_a_totals_row():
    assert looks_like_totals_row(["Total", None, "  "], [ID], [AMOUNT]) is False


def test_label_that_only_starts_with_total_is_not_recognised():
    assert looks_like_totals_row(["Total fees", None, 600], [ID], [AMOUNT]) is False


def test_every_filled_id_cell_must_be_a_label():
    fee_id, worker_id = 0, 1
    assert looks_like_totals_row([None, "Total", 600], [fee_id, worker_id], [AMOUNT]) is True
    assert looks_like_totals_row(["F9", "Total", 600], [fee_id, worker_id], [AMOUNT]) is False


def test_without_id_columns_the_first_filled_cell_is_the_label():
    assert looks_like_totals_row(["", "Sum", 10], [], [AMOUNT]) is True
    assert looks_like_totals_row(["Asha", "Total", 10], [], [AMOUNT]) is False


def test_columns_beyond_the_row_are_blank():
    assert looks_like_totals_row(["Total"], [ID], [AMOUNT, 7]) is False
