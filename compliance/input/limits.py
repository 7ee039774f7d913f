"""How much a spreadsheet may cost to read, checked before the native reader (calamine) is given the file.

calamine allocates a sheet as one block of rows x columns cells, from the top-left to the bottom-right cell that
holds a value: one cell at XFD1048576 asks for 17 billion cells (512 GiB) and aborts the process; a zip member
that expands 1,000-fold, or an .ods row repeated a million times, fills memory before any error. So, before
reading, this module checks what the package declares (every zip member's expanded size, their total, their
compression ratio) and measures what each sheet would cost (the real extent of its cells, by a streaming scan of
the sheet XML, or the repeats of an .ods), and refuses, in one line naming the sheet and the far cell, a file
past a limit. Honest files are far below the defaults: a workbook of 1,000,000 rows of 40 columns passes.

The limits are the fields of `Limits` (defaults below). Change them with the environment variable
FAIRRECRUIT_LIMITS, comma-separated field=value pairs (sizes in bytes; underscores allowed), for example
FAIRRECRUIT_LIMITS="max_sheet_cells=200_000_000,max_member_bytes=8_000_000_000", or in code (a CLI option) with
apply_limits("max_sheet_cells=200_000_000") or set_limits(max_sheet_cells=...). A bad name or value raises
LimitsError naming it.
"""

from __future__ import annotations

import dataclasses
import os
import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache

GiB = 1 << 30
MiB = 1 << 20
EXCEL_ROWS, EXCEL_COLUMNS = 1_048_576, 16_384  # no real cell is beyond XFD1048576
ENV = "FAIRRECRUIT_LIMITS"


@dataclass(frozen=True)
class Limits:
    # A sheet's block of cells (rows x columns, blanks included), as calamine allocates it (32 bytes a cell).
    max_sheet_cells: int = 60_000_000
    max_book_cells: int = 120_000_000  # all sheets together
    # A block up to sparse_cells is always read (4,000,000 blank cells: about 200 MB for the whole check); a
    # bigger one must have a stored cell in every 1/min_density.
    sparse_cells: int = 4_000_000
    min_density: float = 0.05
    max_member_bytes: int = 4 * GiB  # one zip member, expanded (a 1,000,000-row sheet is about 2 GB of XML)
    max_total_bytes: int = 8 * GiB  # all members, expanded
    max_ratio: float = 250.0  # expanded / compressed, for a member of more than ratio_floor bytes
    ratio_floor: int = 32 * MiB
    max_members: int = 20_000
    max_csv_bytes: int = 2 * GiB  # one CSV file
    # .ods: cells with a value made by repeating one (LibreOffice's repeats). A repeated row with values is the same
    # record again: honest files have a few. 100,000 copies (10,000 identical rows of 10 values) is far past them;
    # 1,000,000 let a 14 KB file become one worker with 100,000 fee rows (1.5 GB, two minutes).
    max_repeated_cells: int = 100_000


class LimitsError(ValueError):
    """A bad FAIRRECRUIT_LIMITS entry or set_limits() argument; str() is one line."""


class TooBig(Exception):
    """The file is past a limit; str() is one plain line (the caller adds the file name)."""


def _parse(text: str) -> dict[str, int | float]:
    fields = {f.name: f.type for f in dataclasses.fields(Limits)}
    out: dict[str, int | float] = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        name, _, value = item.partition("=")
        name = name.strip()
        if name not in fields:
            raise LimitsError(f"{ENV}: unknown limit {name!r} (known: {', '.join(fields)})")
        try:
            number = float(value.replace("_", "")) if fields[name] == "float" else int(value.replace("_", ""))
        except ValueError:
            raise LimitsError(f"{ENV}: {name} must be a number, not {value.strip()!r}") from None
        if number <= 0:
            raise LimitsError(f"{ENV}: {name} must be more than 0")
        out[name] = number
    return out


_current: Limits | None = None


def limits() -> Limits:
    """The limits in force: set_limits() if called, else the defaults with FAIRRECRUIT_LIMITS applied."""
    global _current
    if _current is None:
        _current = Limits(**_parse(os.environ.get(ENV, "")))
    return _current


def set_limits(**changes: int | float) -> Limits:
    """Change limits for this process (e.g. from a CLI option); unknown names or values <= 0 raise LimitsError."""
    global _current
    text = ",".join(f"{k}={v}" for k, v in changes.items())
    _current = dataclasses.replace(limits(), **_parse(text))
    return _current


def apply_limits(text: str) -> Limits:
    """Change limits from text in FAIRRECRUIT_LIMITS's form (e.g. a CLI option's value: "max_sheet_cells=
    200_000_000,min_density=0.01"); LimitsError for a bad entry."""
    return set_limits(**_parse(text))


def reset_limits() -> None:
    """Back to the defaults and FAIRRECRUIT_LIMITS (for tests)."""
    global _current
    _current = None


def _n(x: float) -> str:
    return f"{x:,.0f}"


def _raise_hint() -> str:
    return f"if the file is genuine, raise the limit ({ENV}, see 'Limits' in the README)"


# ---------------------------------------------------------------------------------------------- zip packages


def check_package(zf: zipfile.ZipFile) -> None:
    """Refuse a package whose declared expanded sizes, total or compression ratios are past the limits."""
    lim = limits()
    infos = zf.infolist()
    if len(infos) > lim.max_members:
        raise TooBig(f"it has {_n(len(infos))} parts (limit {_n(lim.max_members)}): it is not a normal spreadsheet")
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        if info.compress_size > size + size // 100 + 1024:  # deflate never grows data that much: a false size
            raise TooBig(f"its part {info.filename} declares {_n(size)} bytes but holds {_n(info.compress_size)} "
                         "compressed: the file is damaged or made to crash readers")
        if size > lim.ratio_floor and size > lim.max_ratio * max(info.compress_size, 1):
            raise TooBig(f"its part {info.filename} expands {size / max(info.compress_size, 1):,.0f} times (from "
                         f"{_n(info.compress_size)} to {_n(size)} bytes; limit {lim.max_ratio:,.0f} times): it looks "
                         "like a zip bomb")
        if size > lim.max_member_bytes:
            raise TooBig(f"its part {info.filename} expands to {_n(size)} bytes (limit {_n(lim.max_member_bytes)}); "
                         + _raise_hint())
    if total > lim.max_total_bytes:
        raise TooBig(f"its parts expand to {_n(total)} bytes in all (limit {_n(lim.max_total_bytes)}); "
                     + _raise_hint())


def check_cells(sheet: str, rows: int, cols: int, stored: int, far: str, book_cells: int) -> int:
    """Refuse a sheet whose block of cells is past the limits; returns the block's size in cells."""
    lim = limits()
    block = rows * cols
    where = f"sheet {sheet!r} reaches cell {far}"
    if block > lim.max_sheet_cells:
        raise TooBig(f"{where}: reading it would take {_n(block)} cells (limit {_n(lim.max_sheet_cells)}); delete "
                     "what is beyond the data, or " + _raise_hint())
    if block > lim.sparse_cells and stored < lim.min_density * block:
        raise TooBig(f"{where}, but the file writes only {_n(stored)} of its cells: reading it would take "
                     f"{_n(block)} cells, blank or repeated; delete what is beyond the data, or " + _raise_hint())
    if book_cells + block > lim.max_book_cells:
        raise TooBig(f"{where}: with the sheets before it, reading the file would take {_n(book_cells + block)} "
                     f"cells (limit {_n(lim.max_book_cells)}); " + _raise_hint())
    return block


def beyond_excel(sheet: str, ref: str, row: int, col: int) -> None:
    if row > EXCEL_ROWS or col > EXCEL_COLUMNS:
        raise TooBig(f"sheet {sheet!r} has a cell at {ref}, beyond Excel's last cell XFD1048576: the file is "
                     "damaged or made to crash readers")


_SST_COUNT = re.compile(rb'<(?:\w+:)?sst\b[^>]*?\buniqueCount="(\d+)"')


def check_shared_strings(zf: zipfile.ZipFile) -> None:
    """calamine reserves room for the declared number of shared strings before reading one: a false count asks
    for terabytes. Each string takes at least 5 bytes of XML (<si/>), so the part's size bounds the count. The
    part is also unpacked once, which proves its declared size (zipfile stops there and checks the CRC)."""
    info = zf.NameToInfo.get("xl/sharedStrings.xml")
    if info is None:
        return
    with zf.open(info) as fh:
        head = fh.read(1 << 16)
        if (m := _SST_COUNT.search(head)) and int(m[1]) > info.file_size // 5 + 1:
            raise TooBig(f"its shared strings part claims {int(m[1]):,} strings but has room for at most "
                             f"{info.file_size // 5 + 1:,}: the file is damaged or made to crash readers")
        while fh.read(1 << 20):
            pass


# ---------------------------------------------------------------------------------------------- patterns


def column_number(letters: bytes) -> int:
    """b'A' -> 1, b'XFD' -> 16384 (1-based, as in a cell reference); lower case as calamine reads it."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n


def _greater_digits(n: int) -> str:
    """A regex for the decimal numbers greater than n (leading zeros also match: harmless, rechecked)."""
    s = str(n)
    alts = [rf"\d{{{len(s) + 1},}}"]
    for i, ch in enumerate(s):
        if ch != "9":
            rest = len(s) - i - 1
            alts.append(s[:i] + f"[{int(ch) + 1}-9]" + (rf"\d{{{rest}}}" if rest else ""))
    return "(?:" + "|".join(alts) + ")"


def _greater_letters(letters: str) -> str:
    """A regex for column letters after `letters` (any case)."""
    alts = [f"[A-Za-z]{{{len(letters) + 1},}}"]
    for i, ch in enumerate(letters):
        if ch != "Z":
            rest = len(letters) - i - 1
            nxt = chr(ord(ch) + 1)
            alts.append(f"(?i:{letters[:i]}[{nxt}-Z])" + (f"[A-Za-z]{{{rest}}}" if rest else ""))
    return "(?:" + "|".join(alts) + ")"


@lru_cache(maxsize=256)
def beyond_pattern(prefix: bytes, max_row: int, max_col: int) -> re.Pattern[bytes]:
    """Cells whose reference is past (max_row, max_col), or cells without a leading r= (positions calamine infers:
    those need the exact scan)."""
    letters = column_letters(max_col) if max_col > 0 else ""
    col = _greater_letters(letters) if letters else "[A-Za-z]+"
    row = _greater_digits(max_row)
    tag = re.escape(prefix.decode()) + "c"
    return re.compile(f'<{tag}(?:[>/]| (?!r=")| r="(?:{col}\\d+|[A-Za-z]+{row})")'.encode())


def column_letters(col: int) -> str:
    """1 -> 'A', 16384 -> 'XFD' (1-based)."""
    out = ""
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


# ---------------------------------------------------------------------------------------------- ods

_CHUNK = 1 << 20

_ROW_OPEN = b"<table:table-row"
_ROW_CLOSE = b"</table:table-row>"
_TABLE = re.compile(rb'<table:table [^>]*?table:name="([^"]*)"')
_ROWS_REPEATED = re.compile(rb'table:number-rows-repeated="(\d+)"')
_CELL = re.compile(rb"<table:(?:covered-)?table-cell([^>]*)>")
_COLS_REPEATED = re.compile(rb'table:number-columns-repeated="(\d+)"')
_FILLED = (b"office:value-type", b"table:formula")  # calamine reads a cell with neither as blank
MAX_ROW_BYTES = 256 * MiB


@dataclass
class _Table:
    name: str
    rows: int = 0  # rows from the first to the last row with a value, repeats expanded
    width: int = 0  # widest such row, up to its last value, repeats expanded
    pending: int = 0  # blank rows since the last row with a value (they count only if another follows)
    far_row: int = 0  # 1-based row number of the last row with a value (as calamine numbers it)
    seen: int = 0  # rows so far, repeats expanded
    written: int = 0  # cells as written in the XML (a repeat counts once): the density test's stored cells
    copies: int = 0  # cells with a value made by repeating a written one


def scan_ods(zf: zipfile.ZipFile) -> None:
    """Expand content.xml's row and column repeats on paper, as calamine will, and refuse a table past the limits
    (LibreOffice ends every sheet with a blank row repeated a million times: blank repeats cost nothing)."""
    book = 0
    table: _Table | None = None
    buf = b""
    with zf.open("content.xml") as fh:
        while chunk := fh.read(_CHUNK):
            buf += chunk
            pos = 0
            while (start := buf.find(_ROW_OPEN, pos)) >= 0:
                for m in _TABLE.finditer(buf, pos, start):  # the tables that begin before this row
                    book += _close(table, book)
                    table = _Table(m[1].decode("utf-8", "replace"))
                pos = start
                after = start + len(_ROW_OPEN)
                if buf[after:after + 1] not in (b" ", b">", b"/"):  # <table:table-rows>, <table:table-row-group>
                    pos = after
                    continue
                head_end = buf.find(b">", after)
                if head_end < 0:
                    break
                if buf[head_end - 1:head_end] == b"/":  # <table:table-row/>: calamine skips it
                    pos = head_end + 1
                    continue
                end = buf.find(_ROW_CLOSE, head_end)
                if end < 0:
                    break
                if table is not None:
                    _row(table, buf[start:head_end], buf[head_end + 1:end])
                pos = end + len(_ROW_CLOSE)
            buf = buf[pos:]  # a row cut by the chunk boundary, or tables not yet followed by a row
            if len(buf) > MAX_ROW_BYTES:
                raise TooBig(f"one row of sheet {table.name if table else '?'!r} is more than {_n(MAX_ROW_BYTES)} "
                             "bytes of XML")
    book += _close(table, book)


def _row(table: _Table, head: bytes, body: bytes) -> None:
    m = _ROWS_REPEATED.search(head)
    repeats = min(int(m[1]), EXCEL_ROWS) if m else 1
    width, written, filled, tags = _width(body)
    table.seen += repeats
    if width == 0:
        if table.rows:
            table.pending += repeats
        return
    table.rows += table.pending + repeats
    table.pending = 0
    table.far_row = table.seen
    table.width = max(table.width, width)
    table.written += written
    # Each copy of a repeated value is a cell of its own once read (its own string in memory), but costs nothing
    # in the file: 20 KB can stand for millions of them.
    table.copies += filled * repeats - tags
    if table.copies > limits().max_repeated_cells:
        raise TooBig(f"sheet {table.name!r} repeats its cells (table:number-rows-repeated or -columns-repeated) "
                     f"into more than {_n(limits().max_repeated_cells)} copies, up to row {_n(table.seen)}; it is "
                     "made to exhaust memory, or " + _raise_hint())


def _width(body: bytes) -> tuple[int, int, int, int]:
    """(columns up to the last cell with a value, column repeats expanded; cells written up to it; cells with a
    value, column repeats expanded; cells with a value as written). All 0 when no cell has a value."""
    if not any(mark in body for mark in _FILLED):
        return 0, 0, 0, 0
    repeats = body.count(b"-repeated")
    if repeats <= 1:
        n = body.count(b"<table:table-cell") + body.count(b"<table:covered-table-cell")
        last = body.rfind(b"<table:table-cell")
        if repeats == 1 and body.find(b"-repeated", last) > 0 and not any(m in body[last:] for m in _FILLED):
            n -= 1  # LibreOffice ends a row with one blank cell repeated to the last column: it costs nothing
        elif repeats == 1:
            return _cells_width(body)
        filled = min(n, body.count(b"office:value-type") + body.count(b"table:formula"))
        return n, n, filled, filled
    return _cells_width(body)


def _cells_width(body: bytes) -> tuple[int, int, int, int]:
    """_width() cell by cell, for a row with repeats inside it."""
    width = last = written = filled = tags = 0
    for cells, m in enumerate(_CELL.finditer(body), start=1):
        rep = _COLS_REPEATED.search(m[1])
        n = min(int(rep[1]), EXCEL_COLUMNS) if rep else 1
        width += n
        if any(mark in m[1] for mark in _FILLED):
            last, written, filled, tags = width, cells, filled + n, tags + 1
    return min(last, EXCEL_COLUMNS), written, filled, tags


def _close(table: _Table | None, book: int) -> int:
    if table is None or not table.rows:
        return 0
    # A row or cell repeated a million times costs a million rows in memory but one in the file: the density
    # test counts it once, as written, so that a 20 KB file cannot ask for gigabytes.
    far = f"{column_letters(table.width)}{table.far_row}"
    return check_cells(table.name, table.rows, table.width, table.written, far, book)
