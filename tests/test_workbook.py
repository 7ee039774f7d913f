from __future__ import annotations

import datetime as dt
import hashlib
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from compliance.input.workbook import RawWorkbook, WorkbookError, column_letter, read_workbook

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _xlsx(path: Path, sheets: dict[str, dict[str, object]]) -> Path:
    """Write an xlsx from {sheet name: {cell ref: value}}."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, cells in sheets.items():
        ws = book.create_sheet(name)
        for ref, value in cells.items():
            ws[ref] = value
    book.save(path)
    return path


@pytest.fixture
def workers_xlsx(tmp_path: Path) -> Path:
    # Data starts at B3, with a blank row in between, an unknown column and an error cell.
    return _xlsx(tmp_path / "input.xlsx", {
        "Workers ": {
            "B3": "Worker ID", "C3": "Date of birth", "D3": "Favourite colour", "E3": "first month earnings",
            "B4": 1001, "C4": dt.date(1996, 4, 12), "D4": "  blue ", "E4": "#N/A",
            "B6": "W-2", "C6": "12/04/1996", "D6": None, "E6": 1200.5,
        },
        "Notes": {"A1": "anything", "C7": "free text"},
    })


def test_sheet_is_found_by_normalised_name(workers_xlsx):
    book = read_workbook(workers_xlsx)
    assert isinstance(book, RawWorkbook)
    assert list(book.sheets) == ["workers"]
    assert book.sheets["workers"].name == "Workers "
    assert book.format == "xlsx"


def test_sheets_outside_the_contract_are_listed_not_read(workers_xlsx):
    assert read_workbook(workers_xlsx).other_sheets == ["Notes"]


def test_offset_range_gives_true_row_numbers_and_column_letters(workers_xlsx):
    sheet = read_workbook(workers_xlsx).sheets["workers"]
    assert [(c.key, c.letter, c.index) for c in sheet.columns] == [
        ("worker_id", "B", 1), ("date_of_birth", "C", 2), ("favourite_colour", "D", 3),
        ("first_month_earnings", "E", 4),
    ]
    assert sheet.columns[0].name == "Worker ID"
    assert [r.number for r in sheet.rows] == [4, 6]


def test_blank_rows_are_skipped_and_counted(workers_xlsx):
    sheet = read_workbook(workers_xlsx).sheets["workers"]
    assert len(sheet.rows) == 2
    assert sheet.blank_rows == 1


def test_cell_values_stay_raw(workers_xlsx):
    first, second = read_workbook(workers_xlsx).sheets["workers"].rows
    assert first.values["worker_id"] == 1001.0  # number-looking ID: cells.parse_id turns it into "1001"
    assert first.values["date_of_birth"] == dt.date(1996, 4, 12)
    assert second.values["date_of_birth"] == "12/04/1996"
    assert second.values["first_month_earnings"] == 1200.5


def test_strings_are_stripped_and_blank_cells_are_none(workers_xlsx):
    first, second = read_workbook(workers_xlsx).sheets["workers"].rows
    assert first.values["favourite_colour"] == "blue"
    assert second.values["favourite_colour"] is None


def test_unknown_columns_are_kept(workers_xlsx):
    row = read_workbook(workers_xlsx).sheets["workers"].rows[0]
    assert "favourite_colour" in row.values


def test_excel_error_cell_is_kept_as_its_text(workers_xlsx):
    row = read_workbook(workers_xlsx).sheets["workers"].rows[0]
    assert row.values["first_month_earnings"] == "#N/A"


def test_error_cells_in_several_sheets_are_each_kept(tmp_path):
    path = _xlsx(tmp_path / "e.xlsx", {
        "fees": {"A1": "fee_id", "B1": "amount", "A2": "F1", "B2": "#VALUE!"},
        "workers": {"A1": "worker_id", "B1": "name", "A2": "#REF!", "B2": "x"},
    })
    book = read_workbook(path)
    assert book.sheets["fees"].rows[0].values["amount"] == "#VALUE!"
    assert book.sheets["workers"].rows[0].values["worker_id"] == "#REF!"


def test_real_datetime_cell_is_kept_as_datetime(tmp_path):
    path = _xlsx(tmp_path / "d.xlsx", {"fees": {"A1": "paid_on", "A2": dt.datetime(2024, 3, 10, 9, 30)}})
    assert read_workbook(path).sheets["fees"].rows[0].values["paid_on"] == dt.datetime(2024, 3, 10, 9, 30)


def test_whole_float_stays_float(tmp_path):
    path = _xlsx(tmp_path / "f.xlsx", {"fees": {"A1": "amount", "A2": 15000}})
    value = read_workbook(path).sheets["fees"].rows[0].values["amount"]
    assert value == 15000
    assert isinstance(value, float)


def test_boolean_cell_is_kept_as_bool(tmp_path):
    path = _xlsx(tmp_path / "b.xlsx", {"contracts": {"A1": "written", "A2": True}})
    assert read_workbook(path).sheets["contracts"].rows[0].values["written"] is True


def test_blank_header_column_with_data_is_not_read_and_is_said(tmp_path):
    path = _xlsx(tmp_path / "h.xlsx", {
        "fees": {"A1": "fee_id", "B1": "amount", "F1": None, "A2": "F1", "B2": 5, "F2": "stray"},
    })
    book = read_workbook(path)
    assert "sheet 'fees', column F has values but no header: not read" in book.readings.notices
    assert [c.key for c in book.sheets["fees"].columns] == ["fee_id", "amount"]


def test_blank_header_column_without_data_is_ignored(tmp_path):
    path = _xlsx(tmp_path / "h.xlsx", {"fees": {"A1": "fee_id", "C1": "amount", "A2": "F1", "C2": 5}})
    sheet = read_workbook(path).sheets["fees"]
    assert [c.letter for c in sheet.columns] == ["A", "C"]
    assert sheet.rows[0].values == {"fee_id": "F1", "amount": 5.0}


def test_duplicate_headers_are_an_error_naming_both(tmp_path):
    path = _xlsx(tmp_path / "dup.xlsx", {"fees": {"A1": "Worker ID", "B1": "amount", "C1": "worker_id"}})
    with pytest.raises(WorkbookError) as info:
        read_workbook(path)
    message = str(info.value)
    assert "'Worker ID'" in message and "'worker_id'" in message
    assert "A" in message and "C" in message


def test_two_sheets_with_the_same_normalised_name_are_an_error(tmp_path):
    path = _xlsx(tmp_path / "two.xlsx", {"Workers": {"A1": "worker_id"}, "workers ": {"A1": "worker_id"}})
    with pytest.raises(WorkbookError, match="both mean 'workers'"):
        read_workbook(path)


def test_empty_sheet_has_no_columns_and_no_rows(tmp_path):
    path = _xlsx(tmp_path / "empty.xlsx", {"fees": {}})
    sheet = read_workbook(path).sheets["fees"]
    assert (sheet.columns, sheet.rows, sheet.blank_rows) == ([], [], 0)


def test_header_only_sheet_has_zero_rows(tmp_path):
    path = _xlsx(tmp_path / "h.xlsx", {"fees": {"A1": "fee_id", "B1": "amount"}})
    sheet = read_workbook(path).sheets["fees"]
    assert [c.key for c in sheet.columns] == ["fee_id", "amount"]
    assert sheet.rows == []


def test_number_header_is_read_as_text(tmp_path):
    path = _xlsx(tmp_path / "n.xlsx", {"fees": {"A1": "fee_id", "B1": 2024, "A2": "F1", "B2": 1}})
    assert [c.key for c in read_workbook(path).sheets["fees"].columns] == ["fee_id", "2024"]


def test_sha256_is_of_the_file_bytes(workers_xlsx):
    assert read_workbook(workers_xlsx).sha256 == hashlib.sha256(workers_xlsx.read_bytes()).hexdigest()


def test_xlsm_is_read_like_xlsx(tmp_path):
    source = _xlsx(tmp_path / "a.xlsx", {"fees": {"A1": "fee_id", "A2": "F1"}})
    path = source.rename(tmp_path / "a.xlsm")
    book = read_workbook(path)
    assert book.format == "xlsm"
    assert book.sheets["fees"].rows[0].values == {"fee_id": "F1"}


@pytest.mark.parametrize(("index", "letter"), [(0, "A"), (5, "F"), (25, "Z"), (26, "AA"), (701, "ZZ"),
                                                (702, "AAA")])
def test_column_letters(index, letter):
    assert column_letter(index) == letter


# ---------------------------------------------------------------------------------------------- ods

_ODS_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet><table:table table:name="Workers">
<table:table-row><table:table-cell table:number-columns-repeated="2"/>
 <table:table-cell office:value-type="string"><text:p>Worker ID</text:p></table:table-cell>
 <table:table-cell office:value-type="string"><text:p>Date of birth</text:p></table:table-cell>
</table:table-row>
<table:table-row><table:table-cell table:number-columns-repeated="2"/>
 <table:table-cell office:value-type="float" office:value="101"><text:p>101</text:p></table:table-cell>
 <table:table-cell office:value-type="date" office:date-value="1996-04-12"><text:p>12/04/96</text:p>
 </table:table-cell></table:table-row>
<table:table-row><table:table-cell table:number-columns-repeated="4"/></table:table-row>
<table:table-row><table:table-cell table:number-columns-repeated="2"/>
 <table:table-cell office:value-type="string"><text:p> W-2 </text:p></table:table-cell></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"""

_ODS_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
<manifest:file-entry manifest:full-path="/"
 manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""


def _ods(path: Path) -> Path:
    # A minimal OpenDocument spreadsheet written by hand: no LibreOffice needed.
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("META-INF/manifest.xml", _ODS_MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
        # Real ODS files have no whitespace between cells, and calamine does not accept it.
        content = re.sub(r">\s+<", "><", _ODS_CONTENT)
        zf.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


def test_ods_is_read_with_true_positions(tmp_path):
    book = read_workbook(_ods(tmp_path / "input.ods"))
    assert book.format == "ods"
    sheet = book.sheets["workers"]
    assert [(c.key, c.letter) for c in sheet.columns] == [("worker_id", "C"), ("date_of_birth", "D")]
    assert [(r.number, r.values) for r in sheet.rows] == [
        (2, {"worker_id": 101.0, "date_of_birth": dt.date(1996, 4, 12)}),
        (4, {"worker_id": "W-2", "date_of_birth": None}),
    ]
    assert sheet.blank_rows == 1


# ---------------------------------------------------------------------------------------------- csv


def test_csv_folder_with_semicolons_and_bom_is_read(tmp_path):
    folder = tmp_path / "input"
    folder.mkdir()
    (folder / "Fees.csv").write_bytes(
        "\ufefffee_id;Amount;paid by\r\nF-1; 1.234,50 ;worker\r\n;;\r\nF-2;15000;\r\n".encode()
    )
    (folder / "workers.csv").write_text("worker_id,name\nW-1,\"Rai, Asha\"\n", encoding="utf-8")
    (folder / "readme.txt").write_text("ignored", encoding="utf-8")
    book = read_workbook(folder)
    assert book.format == "csv"
    assert set(book.sheets) == {"fees", "workers"}
    fees = book.sheets["fees"]
    assert [c.key for c in fees.columns] == ["fee_id", "amount", "paid_by"]
    assert [(r.number, r.values) for r in fees.rows] == [
        (2, {"fee_id": "F-1", "amount": "1.234,50", "paid_by": "worker"}),
        (4, {"fee_id": "F-2", "amount": "15000", "paid_by": None}),
    ]
    assert fees.blank_rows == 1
    assert book.sheets["workers"].rows[0].values == {"worker_id": "W-1", "name": "Rai, Asha"}


def test_csv_row_longer_than_its_header_is_said(tmp_path):
    (tmp_path / "fees.csv").write_text("fee_id,amount\nF-1,5,stray\n", encoding="utf-8")
    assert "sheet 'fees', column C has values but no header: not read" in read_workbook(tmp_path).readings.notices


def test_csv_row_shorter_than_its_header_has_blank_cells(tmp_path):
    (tmp_path / "fees.csv").write_text("fee_id,amount,currency\nF-1,5\n", encoding="utf-8")
    row = read_workbook(tmp_path).sheets["fees"].rows[0]
    assert row.values == {"fee_id": "F-1", "amount": "5", "currency": None}


def test_tab_separated_csv_is_read(tmp_path):
    (tmp_path / "fees.csv").write_text("fee_id\tamount\nF-1\t5\n", encoding="utf-8")
    assert read_workbook(tmp_path).sheets["fees"].rows[0].values == {"fee_id": "F-1", "amount": "5"}


def test_csv_folder_hash_covers_names_and_contents(tmp_path):
    (tmp_path / "fees.csv").write_text("fee_id\nF-1\n", encoding="utf-8")
    first = read_workbook(tmp_path).sha256
    (tmp_path / "fees.csv").write_text("fee_id\nF-2\n", encoding="utf-8")
    second = read_workbook(tmp_path).sha256
    (tmp_path / "fees.csv").rename(tmp_path / "fee.csv")
    third = read_workbook(tmp_path).sha256
    assert len({first, second, third}) == 3


def test_csv_in_a_windows_code_page_is_read_with_a_notice_naming_it(tmp_path):
    (tmp_path / "workers.csv").write_bytes("worker_id,name\nW-1,Jos\xe9\n".encode("cp1252"))
    book = read_workbook(tmp_path)
    assert book.sheets["workers"].rows[0].values["name"] == "José"
    assert any("Windows-1252" in n and n.startswith("workers:") for n in book.readings.notices)


def test_folder_without_csv_files_is_an_error(tmp_path):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(WorkbookError, match=r"no \.csv files"):
        read_workbook(tmp_path)


def test_single_csv_file_explains_to_use_a_folder(tmp_path):
    path = tmp_path / "workers.csv"
    path.write_text("worker_id\nW-1\n", encoding="utf-8")
    with pytest.raises(WorkbookError, match="folder"):
        read_workbook(path)


# ---------------------------------------------------------------------------------------------- bad files


def test_missing_file_is_an_error(tmp_path):
    with pytest.raises(WorkbookError, match="file not found"):
        read_workbook(tmp_path / "nope.xlsx")


@pytest.mark.parametrize("name", ["input.docx", "input.pdf", "input"])
def test_unsupported_extension_names_the_supported_ones(tmp_path, name):
    path = tmp_path / name
    path.write_text("x", encoding="utf-8")
    with pytest.raises(WorkbookError, match=r"\.xlsx.*\.ods.*\.csv"):
        read_workbook(path)


@pytest.mark.parametrize("name", ["input.xlsx", "input.xlsm", "input.xls", "input.ods"])
def test_text_file_with_spreadsheet_extension_is_an_error_not_a_traceback(tmp_path, name):
    path = tmp_path / name
    path.write_text("this is not a spreadsheet\n", encoding="utf-8")
    with pytest.raises(WorkbookError, match=r"not a \.\w+ spreadsheet or it is damaged"):
        read_workbook(path)


def test_zip_that_is_not_a_workbook_is_an_error(tmp_path):
    path = tmp_path / "input.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(WorkbookError, match="damaged"):
        read_workbook(path)


def test_truncated_workbook_is_an_error(tmp_path, workers_xlsx):
    path = tmp_path / "cut.xlsx"
    path.write_bytes(workers_xlsx.read_bytes()[:300])
    with pytest.raises(WorkbookError):
        read_workbook(path)


def test_html_saved_as_xls_is_explained(tmp_path):
    path = tmp_path / "export.xls"
    path.write_text("<html><body><table><tr><td>worker_id</td></tr></table></body></html>", encoding="utf-8")
    with pytest.raises(WorkbookError, match=r"web page \(HTML\)"):
        read_workbook(path)


def test_encrypted_excel_container_is_reported_as_password_protected(tmp_path):
    # Excel wraps a password-protected .xlsx in an OLE container holding an "EncryptedPackage" stream.
    path = tmp_path / "locked.xlsx"
    path.write_bytes(OLE_SIGNATURE + b"\0" * 512 + "EncryptedPackage".encode("utf-16-le"))
    with pytest.raises(WorkbookError, match="password-protected"):
        read_workbook(path)


def test_old_xls_renamed_to_xlsx_is_explained(tmp_path):
    path = tmp_path / "old.xlsx"
    path.write_bytes(OLE_SIGNATURE + b"\0" * 512)
    with pytest.raises(WorkbookError, match=r"rename it to \.xls"):
        read_workbook(path)


def test_library_detail_is_kept_off_the_message(tmp_path):
    path = tmp_path / "input.xlsx"
    path.write_text("plain text", encoding="utf-8")
    with pytest.raises(WorkbookError) as info:
        read_workbook(path)
    assert info.value.detail
    assert info.value.detail not in str(info.value)


def test_error_messages_are_one_line(tmp_path):
    path = tmp_path / "input.xlsx"
    path.write_bytes(b"\x00\x01 binary\n garbage\r\n")
    with pytest.raises(WorkbookError) as info:
        read_workbook(path)
    assert "\n" not in str(info.value)


# ---------------------------------------------------------------------------------------------- size


def test_large_sheet_is_read(tmp_path):
    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("fees")
    ws.append([f"col {i}" for i in range(15)])
    for i in range(20_000):
        ws.append([f"F-{i}", i * 1.5, "worker", dt.date(2024, 1, 1)] + [i] * 11)
    path = tmp_path / "big.xlsx"
    book.save(path)
    sheet = read_workbook(path).sheets["fees"]
    assert len(sheet.rows) == 20_000
    assert sheet.rows[-1].number == 20_001
    assert sheet.rows[-1].values["col_0"] == "F-19999"
