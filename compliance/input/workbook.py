"""Read an input spreadsheet, or a folder of CSV files, into grids of cells: the first step, before interpreting.

Nothing is interpreted here: cells stay raw (interpret.py finds headers and columns, validate.py reads values).
What the file itself tells about its structure is kept (merged ranges, hidden sheets, Excel tables' totals rows,
pivot tables, error cells, the encoding of a CSV file). Every problem reading the file raises WorkbookError with
one plain-language line, never a traceback.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree import ElementTree

import python_calamine

from compliance.input.csvtext import CsvError, read_csv_bytes
from compliance.input.structure import xlsx_structure

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
_SUPPORTED = "an Excel file (.xlsx, .xlsm, .xls), a LibreOffice file (.ods) or a folder of .csv files"


class WorkbookError(Exception):
    """A structural problem with the input file; str() is one plain-language line."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        # The underlying library's message, for a --verbose log or a bug report; not shown to users.
        self.detail = detail


class InputError(WorkbookError):
    """The workbook cannot be checked at all (a sheet or column missing); str() is one line naming every one."""

    def __init__(self, message: str, lines: list[str] | None = None) -> None:
        super().__init__(message)
        self.lines = lines or [message]


@dataclass(frozen=True, slots=True)
class Column:
    name: str  # the header as written in the file
    key: str  # contract column name when recognised, else the normalised header
    index: int  # 0-based position in the sheet (column A is 0)
    letter: str  # column letter as the user sees it


@dataclass(slots=True)
class RawRow:
    number: int  # row number the user sees in the spreadsheet, 1-based
    values: dict[str, object]  # column key -> raw cell value (None when blank)


@dataclass
class RawSheet:
    name: str  # as in the file
    key: str  # contract sheet name
    columns: list[Column]
    rows: list[RawRow]
    blank_rows: int
    # Per contract column: what the interpreter decided (number and date styles, header hints). Empty for a
    # sheet built by hand (tests): cells are then read with no column evidence.
    context: dict[str, Any] = field(default_factory=dict)
    # Required columns not recognised -> the closest headers of the sheet, for the one error that names them all.
    candidates: dict[str, str] = field(default_factory=dict)
    # Columns whose blank means none ("reimbursed_amount") that are not in the sheet, while an unrecognised header
    # looks like them ("Amount refunded so far"): unknown, not none. Column -> that header.
    doubtful: dict[str, str] = field(default_factory=dict)


@dataclass
class RawWorkbook:
    path: Path
    sha256: str
    sheets: dict[str, RawSheet]  # by contract sheet name
    format: str  # 'xlsx', 'xlsm', 'xls', 'ods' or 'csv'
    # Sheets whose names the contract does not know; not read, listed so the caller can mention them
    # (a misspelt "worker" sheet would otherwise silently look missing).
    other_sheets: list[str] = field(default_factory=list)
    # What the interpreter decided (header rows, column and value mappings, formats), for the report.
    readings: Any = None
    # Problems found while interpreting (skipped totals rows, conflicting repeated facts), before validation.
    problems: list[Any] = field(default_factory=list)


@dataclass
class Grid:
    """One sheet (or CSV file) as cells, before any interpretation."""

    name: str  # sheet name as in the file; a CSV file's stem
    cells: list[list[object]]  # rows of cells from `start`
    start: tuple[int, int] = (0, 0)  # 0-based (row, column) of cells[0][0]
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)  # absolute, inclusive
    errors: dict[tuple[int, int], str] = field(default_factory=dict)  # absolute (row, col) -> '#N/A'
    hidden: bool = False
    pivot: bool = False
    totals_rows: frozenset[int] = frozenset()  # absolute rows that are an Excel table's totals row
    notice: str | None = None  # e.g. the encoding a CSV file was read in
    csv: bool = False  # a CSV file: a row longer than its header has shifted fields (an unquoted "50,000")


@dataclass
class Book:
    path: Path
    sha256: str
    format: str
    grids: list[Grid]


def column_letter(index: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA'."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters


def read_book(path: Path) -> Book:
    """Every sheet of a workbook (or CSV file of a folder) as cells; structure errors raise WorkbookError."""
    path = Path(path)
    if not path.exists():
        raise WorkbookError(f"file not found: {path}")
    if path.is_dir():
        return _read_csv_folder(path)
    suffix = path.suffix.casefold()
    if suffix == ".csv":
        raise WorkbookError(f"{path.name} is a single CSV file; put one CSV file per sheet in a folder "
                            "(workers.csv, fees.csv, ...) and give the folder")
    if suffix not in SPREADSHEET_SUFFIXES:
        raise WorkbookError(f"cannot read {path.name}: give {_SUPPORTED}")
    return _read_spreadsheet(path, suffix.lstrip("."))


def read_workbook(path: Path, mapping: Any = None) -> RawWorkbook:
    """Read and interpret: contract sheets with recognised columns, ready for validation."""
    from compliance.input.interpret import interpret  # the interpreter builds on this module's types

    return interpret(read_book(path), mapping)


# ---------------------------------------------------------------------------------------------- spreadsheets


def _read_spreadsheet(path: Path, fmt: str) -> Book:
    book = _open_spreadsheet(path, fmt)
    with book:
        sha256 = _file_sha256(path)
        errors = _xlsx_error_cells(path) if fmt in ("xlsx", "xlsm") else {}
        structure = xlsx_structure(path) if fmt in ("xlsx", "xlsm") else {}
        grids: list[Grid] = []
        for meta in book.sheets_metadata:
            if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
                continue
            name = meta.name
            try:
                sheet = book.get_sheet_by_name(name)
                cells = sheet.to_python()
                start = sheet.start or (0, 0)
                merged = list(sheet.merged_cell_ranges or []) if fmt in ("xlsx", "xlsm", "ods") else []
            except Exception as exc:
                raise WorkbookError(f"cannot read sheet {name!r} in {path.name}: it is damaged",
                                    detail=_short(exc)) from None
            info = structure.get(name)
            hidden = meta.visible != python_calamine.SheetVisibleEnum.Visible
            grids.append(Grid(name, cells, tuple(start), merged, errors.get(name, {}), hidden,
                              bool(info and info.pivot), info.totals_rows if info else frozenset()))
    return Book(path, sha256, fmt, grids)


def _open_spreadsheet(path: Path, fmt: str) -> python_calamine.CalamineWorkbook:
    try:
        # from_path, not from_filelike: it picks the format from the extension and so reports the real
        # problem instead of "cannot detect file format".
        return python_calamine.CalamineWorkbook.from_path(str(path))
    except python_calamine.PasswordError:
        raise WorkbookError(f"{path.name} is password-protected; save a copy without a password") from None
    except PermissionError:
        raise WorkbookError(f"cannot open {path.name}: permission denied (is it open in another program?)"
                            ) from None
    except Exception as exc:  # calamine, zip and OS errors alike: the user needs one line, not a trace
        raise WorkbookError(f"cannot read {path.name}: {_diagnose(path, fmt)}", detail=_short(exc)) from None
    except BaseException as exc:  # a Rust panic inside calamine surfaces as pyo3's PanicException
        if type(exc).__name__ != "PanicException":
            raise
        raise WorkbookError(f"cannot read {path.name}: {_diagnose(path, fmt)}", detail=_short(exc)) from None


_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def _diagnose(path: Path, fmt: str) -> str:
    """The likeliest plain reason a file with a spreadsheet extension cannot be read."""
    try:
        with path.open("rb") as fh:
            head = fh.read(1 << 20)
    except OSError:
        head = b""
    # Excel stores a password-protected .xlsx inside an old-style (OLE) container.
    if head.startswith(_OLE_SIGNATURE) and _ENCRYPTED_PACKAGE in head:
        return "it is password-protected; save a copy without a password"
    if head.startswith(_OLE_SIGNATURE) and fmt != "xls":
        return f"it is an old-style .xls file named .{fmt}; rename it to .xls"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return "it is a web page (HTML), not a spreadsheet; open it in Excel and save it as .xlsx"
    return f"it is not a .{fmt} spreadsheet or it is damaged"


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:120] or type(exc).__name__


# python-calamine reads error cells (#N/A, #VALUE!) as empty strings, indistinguishable from blanks
# (dimastbk/python-calamine#105). A blank means "not known" to the rules, so an error must not become
# one: for .xlsx/.xlsm we find error cells in the sheet XML. So too a formula with no saved value (files
# written by openpyxl or an ERP export store <f>E11</f> and no <v>): calamine reads it as blank, but its value is
# unknown. The scan is a byte search that only parses a sheet when it holds an error cell or a formula.
_MARKS = (b't="e"', b"t='e'", b"<f>", b"<f ", b"<f/")  # byte searches: a regex alternation is 5x slower here
_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_CELL_REF = re.compile(r"([A-Z]+)(\d+)")


def _xlsx_error_cells(path: Path) -> dict[str, dict[tuple[int, int], str]]:
    """Sheet name -> {(row, col) 0-based: error text}. Empty when unreadable: calamine already read it."""
    try:
        with zipfile.ZipFile(path) as zf:
            flagged = [n for n in zf.namelist() if n.startswith("xl/worksheets/") and _has_error(zf, n)]
            if not flagged:
                return {}
            paths = _sheet_paths(zf)
            return {name: _errors_in(zf, part) for name, part in paths.items() if part in flagged}
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError):
        return {}


def _has_error(zf: zipfile.ZipFile, member: str) -> bool:
    tail = b""
    with zf.open(member) as fh:
        while chunk := fh.read(1 << 20):
            window = tail + chunk
            if any(mark in window for mark in _MARKS):
                return True
            tail = chunk[-8:]  # a mark split across two chunks
    return False


def _sheet_paths(zf: zipfile.ZipFile) -> dict[str, str]:
    rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    book = ElementTree.fromstring(zf.read("xl/workbook.xml"))
    paths: dict[str, str] = {}
    for sheet in book.iterfind("m:sheets/m:sheet", _NS):
        target = targets.get(sheet.get(_REL_NS), "")
        part = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        paths[sheet.get("name", "")] = part
    return paths


def _errors_in(zf: zipfile.ZipFile, part: str) -> dict[tuple[int, int], str]:
    found: dict[tuple[int, int], str] = {}
    with zf.open(part) as fh:
        for _, elem in ElementTree.iterparse(fh):
            if elem.tag.endswith("}c"):
                m = _CELL_REF.fullmatch(elem.get("r", ""))
                value = elem.find("m:v", _NS)
                if m and elem.get("t") == "e":
                    found[(int(m[2]) - 1, _letters_to_index(m[1]))] = (value.text or "#ERROR") \
                        if value is not None else "#ERROR"
                elif m and (formula := elem.find("m:f", _NS)) is not None and (value is None or value.text is None) \
                        and elem.get("t") != "inlineStr":
                    found[(int(m[2]) - 1, _letters_to_index(m[1]))] = f"={formula.text or ''} (no saved value)"
                elem.clear()
    return found


def _letters_to_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - ord("A") + 1
    return index - 1


# ---------------------------------------------------------------------------------------------- csv


def _read_csv_folder(folder: Path) -> Book:
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.casefold() == ".csv")
    if not files:
        raise WorkbookError(f"the folder {folder} has no .csv files; give {_SUPPORTED}")
    digest = hashlib.sha256()
    grids: list[Grid] = []
    failures: list[str] = []
    for p in files:
        data = p.read_bytes()
        digest.update(p.name.encode() + b"\0" + data + b"\0")
        try:
            text = read_csv_bytes(p.name, data)
        except CsvError as exc:
            failures.append(str(exc))  # every file's problem in one run, not one file per run
            continue
        grids.append(Grid(p.stem, [list(r) for r in text.rows], notice=text.encoding_notice, csv=True))
    if failures:
        more = f" (and {len(failures) - 1} more: " + "; ".join(failures[1:]) + ")" if len(failures) > 1 else ""
        raise WorkbookError(failures[0] + more)
    return Book(folder, digest.hexdigest(), "csv", grids)


