"""Read an input spreadsheet into raw rows keyed by normalised header.

Only structure is checked here (a header row, unique headers, no data without a header); cell values
are left raw for the validator, which parses them against the contract in sheets.py. Every structural
problem raises WorkbookError with one plain-language line, never a traceback.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

import python_calamine

from compliance.input.cells import normalize_header
from compliance.input.sheets import SHEETS_BY_NAME

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
_SUPPORTED = "an Excel file (.xlsx, .xlsm, .xls), a LibreOffice file (.ods) or a folder of .csv files"


class WorkbookError(Exception):
    """A structural problem with the input file; str() is one plain-language line."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        # The underlying library's message, for a --verbose log or a bug report; not shown to users.
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Column:
    name: str  # the header as written in the file
    key: str  # normalised header
    index: int  # 0-based position in the sheet (column A is 0)
    letter: str  # column letter as the user sees it


@dataclass(slots=True)
class RawRow:
    number: int  # row number the user sees in the spreadsheet, 1-based
    values: dict[str, object]  # normalised header key -> raw cell value (None when blank)


@dataclass
class RawSheet:
    name: str  # as in the file
    key: str  # normalised
    columns: list[Column]
    rows: list[RawRow]
    blank_rows: int


@dataclass
class RawWorkbook:
    path: Path
    sha256: str
    sheets: dict[str, RawSheet]  # by normalised key; only sheets the contract knows
    format: str  # 'xlsx', 'xlsm', 'xls', 'ods' or 'csv'
    # Sheets whose names the contract does not know; not read, listed so the caller can mention them
    # (a misspelt "worker" sheet would otherwise silently look missing).
    other_sheets: list[str] = field(default_factory=list)


def column_letter(index: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA'."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters


def read_workbook(path: Path) -> RawWorkbook:
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


# ---------------------------------------------------------------------------------------------- spreadsheets


def _read_spreadsheet(path: Path, fmt: str) -> RawWorkbook:
    book = _open_spreadsheet(path, fmt)
    with book:
        sha256 = _file_sha256(path)
        errors = _xlsx_error_cells(path) if fmt in ("xlsx", "xlsm") else {}
        wanted, others = _pick_sheets(
            meta.name for meta in book.sheets_metadata if meta.typ == python_calamine.SheetTypeEnum.WorkSheet
        )
        sheets: dict[str, RawSheet] = {}
        for key, name in wanted.items():
            try:
                sheet = book.get_sheet_by_name(name)
                grid = sheet.to_python()
                start = sheet.start or (0, 0)
            except Exception as exc:
                raise WorkbookError(f"cannot read sheet {name!r} in {path.name}: it is damaged",
                                    detail=_short(exc)) from None
            sheets[key] = _build_sheet(name, key, grid, start, errors.get(name, {}))
    return RawWorkbook(path, sha256, sheets, fmt, others)


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


def _pick_sheets(names: Iterable[str]) -> tuple[dict[str, str], list[str]]:
    """Contract sheets by normalised key, and the names of the other sheets."""
    wanted: dict[str, str] = {}
    others: list[str] = []
    for name in names:
        key = normalize_header(name)
        if key not in SHEETS_BY_NAME:
            others.append(name)
        elif key in wanted:
            raise WorkbookError(f"sheets {wanted[key]!r} and {name!r} both mean {key!r}; keep only one")
        else:
            wanted[key] = name
    return wanted, others


# python-calamine reads error cells (#N/A, #VALUE!) as empty strings, indistinguishable from blanks
# (dimastbk/python-calamine#105). A blank means "not known" to the rules, so an error must not become
# one: for .xlsx/.xlsm we find error cells in the sheet XML. The scan is a byte search that only
# parses a sheet when it actually contains an error cell.
_ERROR_MARK = re.compile(rb"""t=["']e["']""")
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
            if _ERROR_MARK.search(tail + chunk):
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
                if elem.get("t") == "e" and (m := _CELL_REF.fullmatch(elem.get("r", ""))):
                    value = elem.find("m:v", _NS)
                    found[(int(m[2]) - 1, _letters_to_index(m[1]))] = (value.text or "#ERROR") \
                        if value is not None else "#ERROR"
                elem.clear()
    return found


def _letters_to_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - ord("A") + 1
    return index - 1


# ---------------------------------------------------------------------------------------------- csv


def _read_csv_folder(folder: Path) -> RawWorkbook:
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.casefold() == ".csv")
    if not files:
        raise WorkbookError(f"the folder {folder} has no .csv files; give {_SUPPORTED}")
    digest = hashlib.sha256()
    wanted, others = _pick_sheets(p.stem for p in files)
    texts: dict[str, str] = {}
    for p in files:
        data = p.read_bytes()
        digest.update(p.name.encode() + b"\0" + data + b"\0")
        if normalize_header(p.stem) in wanted:
            texts[p.stem] = _decode_csv(p.name, data)
    sheets = {
        key: _build_sheet(stem, key, _csv_grid(f"{stem}.csv", texts[stem]), (0, 0), {})
        for key, stem in wanted.items()
    }
    return RawWorkbook(folder, digest.hexdigest(), sheets, "csv", others)


def _decode_csv(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")  # Excel's "CSV UTF-8" adds a BOM
    except UnicodeDecodeError:
        raise WorkbookError(f"{name} is not in UTF-8; in Excel use Save As > 'CSV UTF-8 (Comma delimited)'"
                            ) from None


def _csv_grid(name: str, text: str) -> list[list[object]]:
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    # Excel in many European locales saves with semicolons; tab-separated files come from copy-paste.
    delimiter = max((",", ";", "\t"), key=first_line.count)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise WorkbookError(f"cannot read {name}: it is not a valid CSV file", detail=_short(exc)) from None


# ---------------------------------------------------------------------------------------------- rows


def _clean(value: object) -> object:
    if isinstance(value, str):
        return value.strip() or None
    return value


def _header_text(value: object) -> str:
    value = _clean(value)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _build_sheet(
    name: str, key: str, grid: Sequence[Sequence[object]], start: tuple[int, int],
    errors: dict[tuple[int, int], str],
) -> RawSheet:
    row0, col0 = start
    rows = iter(enumerate(grid))
    header_at = -1
    for i, cells in rows:
        if any(_clean(c) is not None for c in cells):
            header_at = i
            break
    if header_at < 0:
        return RawSheet(name, key, [], [], 0)
    header = grid[header_at]
    columns, unnamed = _columns(name, header, col0)
    raw_rows: list[RawRow] = []
    blank = 0
    for i, cells in rows:
        number = row0 + i + 1
        values = {c.key: _clean(cells[c.index - col0]) if c.index - col0 < len(cells) else None
                  for c in columns}
        if errors:
            _restore_errors(values, errors, number - 1, columns)
        _check_unnamed(name, unnamed, cells, col0, len(header))
        if all(v is None for v in values.values()):
            blank += 1
        else:
            raw_rows.append(RawRow(number, values))
    return RawSheet(name, key, columns, raw_rows, blank)


def _restore_errors(
    values: dict[str, object], errors: dict[tuple[int, int], str], row: int, columns: list[Column]
) -> None:
    for col in columns:
        if (text := errors.get((row, col.index))) is not None:
            values[col.key] = text


def _columns(sheet: str, header: Sequence[object], col0: int) -> tuple[list[Column], list[int]]:
    columns: list[Column] = []
    unnamed: list[int] = []
    seen: dict[str, Column] = {}
    for offset, cell in enumerate(header):
        index = col0 + offset
        text = _header_text(cell)
        key = normalize_header(text)
        if not key:
            unnamed.append(index)
            continue
        col = Column(text, key, index, column_letter(index))
        if key in seen:
            first = seen[key]
            raise WorkbookError(f"sheet {sheet!r}: columns {first.letter} ({first.name!r}) and {col.letter} "
                                f"({col.name!r}) have the same header; rename or remove one")
        seen[key] = col
        columns.append(col)
    return columns, unnamed


def _check_unnamed(sheet: str, unnamed: list[int], cells: Sequence[object], col0: int, width: int) -> None:
    # Cells right of the header row can only occur in CSV files, whose rows may be longer than the header.
    beyond = range(col0 + width, col0 + len(cells)) if len(cells) > width else range(0)
    for index in (*unnamed, *beyond):
        offset = index - col0
        if offset < len(cells) and _clean(cells[offset]) is not None:
            raise WorkbookError(f"sheet {sheet!r}, column {column_letter(index)} has values but no header; "
                                "add a header or delete the values")
