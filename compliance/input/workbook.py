"""Read an input spreadsheet, or a folder of CSV files, into grids of cells: the first step, before interpreting.

Nothing is interpreted here: cells stay raw (interpret.py finds headers and columns, validate.py reads values).
What the file itself tells about its structure is kept (merged ranges, hidden sheets, Excel tables' totals rows,
pivot tables, error cells, the encoding of a CSV file). Every problem reading the file raises WorkbookError with
one plain-language line, never a traceback.

The native reader (calamine) is contained: the package is checked against limits.py before it reads (zip sizes,
each sheet's real extent, .ods repeats, DTDs), every call into it goes through guard.native(), and a binary .xls
is read in a child process (guard.read_isolated). guard.read_guarded() is the entry point that promises to raise
nothing but WorkbookError.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree import ElementTree

import python_calamine

from compliance.input import guard
from compliance.input.csvtext import CsvError, folder_legacy_codec, read_csv_bytes
from compliance.input.limits import (
    TooBig,
    check_cells,
    check_package,
    check_shared_strings,
    column_number,
    limits,
    scan_ods,
)
from compliance.input.structure import SheetScan, scan_sheet, xlsx_structure

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
    # Rows refused whole before their cells were read (a CSV row shifted by an unquoted comma): counted as read
    # and rejected, each listed as a problem.
    refused: int = 0


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
    # Sheets with rows the interpreter could not recognise as any contract sheet (not skipped as a summary, pivot
    # or hidden sheet): a missing optional sheet may be one of them.
    # Name -> rows with a value.
    unrecognised_sheets: dict[str, int] = field(default_factory=dict)


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
    hidden_columns: tuple[tuple[int, int], ...] = ()  # absolute 0-based inclusive column ranges hidden in the file
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
    if fmt == "xls" and os.environ.get(guard.CHILD_ENV) != "1":
        # The binary .xls format cannot be measured before calamine reads it: if it crashes, not in this process.
        return guard.read_isolated(path)
    sha256 = _file_sha256(path)
    pre = _prescan(path, fmt)  # limits, DTDs, error cells: before calamine sees the file
    structure = xlsx_structure(path) if fmt in ("xlsx", "xlsm") else {}
    book = _open_spreadsheet(path, fmt)
    failure = f"cannot read {path.name}: {_diagnose(path, fmt)}"
    with book:
        metas = guard.native(lambda: [(m.name, m.typ == python_calamine.SheetTypeEnum.WorkSheet,
                                       m.visible != python_calamine.SheetVisibleEnum.Visible)
                                      for m in book.sheets_metadata], failure)
        grids: list[Grid] = []
        for name, worksheet, hidden in metas:
            if not worksheet:
                continue
            scan = pre.scans.get(name)
            cells, start, merged = guard.load_sheet(book, path, fmt, name, pre.parts.get(name))
            if scan is not None and scan.negatives:
                guard.negative_dates(cells, start, scan.negatives)
            info = structure.get(name)
            grids.append(Grid(name, cells, start, merged, pre.errors.get(name, {}), hidden,
                              bool(info and info.pivot), info.totals_rows if info else frozenset(),
                              hidden_columns=info.hidden_columns if info else ()))
    return Book(path, sha256, fmt, grids)


@dataclass
class _Prescan:
    scans: dict[str, SheetScan] = field(default_factory=dict)  # by sheet name
    errors: dict[str, dict[tuple[int, int], str]] = field(default_factory=dict)
    parts: dict[str, str] = field(default_factory=dict)  # sheet name -> its XML part


def _prescan(path: Path, fmt: str) -> _Prescan:
    """Check the package against the limits before calamine reads it; refuse it in one line if past them."""
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):  # not a zip: opening it with calamine says why
        return _Prescan()
    with zf:
        try:
            check_package(zf)
            if fmt == "ods":
                if "content.xml" in zf.NameToInfo:
                    scan_ods(zf)
                return _Prescan()
            return _xlsx_prescan(zf)
        except TooBig as exc:
            raise WorkbookError(f"cannot read {path.name}: {exc}") from None
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError) as exc:
            raise WorkbookError(f"cannot read {path.name}: it is damaged (a part of the file cannot be unpacked)",
                                detail=_short(exc)) from None


def _xlsx_prescan(zf: zipfile.ZipFile) -> _Prescan:
    try:
        parts = sheet_parts(zf)
    except (KeyError, ElementTree.ParseError):
        return _Prescan()  # no readable workbook part: calamine's open says the file is damaged
    except ValueError as exc:  # a DTD, or a workbook part too big to be one
        raise TooBig(f"{exc}; save the file again from Excel") from None
    check_shared_strings(zf)
    pre = _Prescan(parts=parts)
    cells = 0
    for name, part in parts.items():
        if part not in zf.NameToInfo:
            continue
        try:
            scan = scan_sheet(zf, part, name)
        except ValueError as exc:
            raise TooBig(f"sheet {name!r} has {exc}; save the file again from Excel") from None
        pre.scans[name] = scan
        cells += check_cells(name, scan.rows, scan.cols, scan.stored, scan.far, cells)
        if scan.marks:
            try:
                pre.errors[name] = error_cells(zf, part)
            except ElementTree.ParseError as exc:  # calamine may read what expat refuses: errors would be lost
                raise TooBig(f"sheet {name!r} is not well-formed XML ({exc}); save the file again from Excel") from None
    return pre


def _open_spreadsheet(path: Path, fmt: str) -> python_calamine.CalamineWorkbook:
    def open_book() -> python_calamine.CalamineWorkbook | str:
        try:
            if _utf8(str(path)):
                # from_path, not from_filelike: it picks the format from the extension and so reports the real
                # problem instead of "cannot detect file format".
                return python_calamine.CalamineWorkbook.from_path(str(path))
            # A name that is not valid UTF-8 (a file from an old Windows share) cannot cross into Rust as a path.
            with path.open("rb") as fh:
                return python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(fh.read()))
        except python_calamine.PasswordError:
            return "password"
        except PermissionError:
            return "permission"

    try:
        book = guard.native(open_book, "")
    except WorkbookError as exc:  # calamine, zip and OS errors alike, and panics: one line, not a trace
        raise WorkbookError(f"cannot read {path.name}: {_diagnose(path, fmt)}", detail=exc.detail) from None
    if book == "password":
        raise WorkbookError(f"{path.name} is password-protected; save a copy without a password")
    if book == "permission":
        raise WorkbookError(f"cannot open {path.name}: permission denied (is it open in another program?)")
    assert not isinstance(book, str)
    return book


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


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


_MAX_XML = 50 * 1024 * 1024  # a workbook or relationships part; a real one is a few kilobytes
# python-calamine reads error cells (#N/A, #VALUE!) as empty strings, indistinguishable from blanks
# (dimastbk/python-calamine#105). A blank means "not known" to the rules, so an error must not become
# one: for .xlsx/.xlsm we find error cells in the sheet XML. So too a formula with no saved value (files
# written by openpyxl or an ERP export store <f>E11</f> and no <v>): calamine reads it as blank, but its value is
# unknown. scan_sheet's byte search finds them; error_cells() parses only a sheet that holds one.
_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_CELL_REF = re.compile(r"([A-Za-z]+)(\d+)")


def sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its XML part. KeyError, ElementTree.ParseError or ValueError (a DTD, a part too big)."""
    rels = _small_xml(zf, "xl/_rels/workbook.xml.rels")
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    book = _small_xml(zf, "xl/workbook.xml")
    paths: dict[str, str] = {}
    for sheet in book.iterfind("m:sheets/m:sheet", _NS):
        target = targets.get(sheet.get(_REL_NS), "")
        part = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        paths[sheet.get("name", "")] = part
    return paths


def _small_xml(zf: zipfile.ZipFile, name: str) -> ElementTree.Element:
    info = zf.getinfo(name)
    if info.file_size > _MAX_XML:
        raise ValueError(f"{name} is {info.file_size:,} bytes")
    data = zf.read(info)
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:  # Excel never writes a DTD; expat would expand it
        raise ValueError(f"{name} has a DTD")
    return ElementTree.fromstring(data)


def error_cells(zf: zipfile.ZipFile, part: str) -> dict[tuple[int, int], str]:
    """(row, col) 0-based -> '#N/A' or '=F1 (no saved value)' for the sheet part (ElementTree.ParseError if its
    XML is not well-formed; scan_sheet has refused a DTD before)."""
    found: dict[tuple[int, int], str] = {}
    with zf.open(part) as fh:
        for _, elem in ElementTree.iterparse(fh):
            if elem.tag.endswith("}c"):
                m = _CELL_REF.fullmatch(elem.get("r", ""))
                value = elem.find("m:v", _NS)
                if m and elem.get("t") == "e":
                    found[(int(m[2]) - 1, column_number(m[1].encode()) - 1)] = (value.text or "#ERROR") \
                        if value is not None else "#ERROR"
                elif m and (formula := elem.find("m:f", _NS)) is not None and (value is None or value.text is None) \
                        and elem.get("t") != "inlineStr":
                    found[(int(m[2]) - 1, column_number(m[1].encode()) - 1)] = f"={formula.text or ''} (no saved value)"
                elem.clear()
    return found


# ---------------------------------------------------------------------------------------------- csv


def _read_csv_folder(folder: Path) -> Book:
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix.casefold() == ".csv")
    except OSError as exc:
        raise WorkbookError(f"cannot read the folder {folder}: {exc.strerror or exc}") from None
    if not files:
        raise WorkbookError(f"the folder {folder} has no .csv files; give {_SUPPORTED}")
    digest = hashlib.sha256()
    grids: list[Grid] = []
    failures: list[str] = []
    contents = [(p, _csv_file(p)) for p in files]
    legacy = folder_legacy_codec([(p.name, d) for p, d in contents if isinstance(d, bytes)])
    for p, data in contents:
        if isinstance(data, str):
            failures.append(data)
            continue
        digest.update(os.fsencode(p.name) + b"\0" + data + b"\0")
        try:
            text = read_csv_bytes(p.name, data, legacy)
        except CsvError as exc:
            failures.append(str(exc))  # every file's problem in one run, not one file per run
            continue
        grids.append(Grid(p.stem, [list(r) for r in text.rows], notice=text.encoding_notice, csv=True))
    if failures:
        more = f" (and {len(failures) - 1} more: " + "; ".join(failures[1:]) + ")" if len(failures) > 1 else ""
        raise WorkbookError(failures[0] + more)
    return Book(folder, digest.hexdigest(), "csv", grids)


def _csv_file(p: Path) -> bytes | str:
    """The file's bytes, or one line saying why it cannot be read: a link that loops or points nowhere, a folder,
    a pipe (reading it would wait for ever), a file too big or not readable is not "a missing sheet"."""
    try:
        st = p.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return f"{p.name} is a symbolic link that loops back on itself; replace it with the file"
        if p.is_symlink():
            return f"{p.name} is a symbolic link to {os.readlink(p)}, which does not exist"
        return f"cannot read {p.name}: {exc.strerror or exc}"
    if stat.S_ISDIR(st.st_mode):
        return f"{p.name} is a folder, not a CSV file"
    if not stat.S_ISREG(st.st_mode):
        return f"{p.name} is not a regular file (a pipe or a device); copy the CSV file itself into the folder"
    if st.st_size > limits().max_csv_bytes:
        return (f"{p.name} is {st.st_size:,} bytes (limit {limits().max_csv_bytes:,}); split it, or raise the limit "
                "(FAIRRECRUIT_LIMITS, see 'Limits' in the README)")
    try:
        return p.read_bytes()
    except PermissionError:
        return f"cannot read {p.name}: permission denied"
    except OSError as exc:
        return f"cannot read {p.name}: {exc.strerror or exc}"
