"""What a spreadsheet says about its own structure that the grid of cells does not.

An .xlsx knows which of its rows are the totals row of an Excel table, which sheets hold a pivot table and
which are hidden; a reader that sees only cells would take a totals row for one more worker's fee. This is
read from the package itself (zipfile + ElementTree), defensively: a part that is missing, too big or
malformed is ignored and never raises, since the cells were already read by another library.

scan_sheet() streams one sheet's XML before calamine reads it: the real extent of its cells (what calamine will
allocate), whether it holds error cells or formulas, and its negative numbers (see workbook.py).

For CSV files and sheets without tables, looks_like_totals_row() recognises a totals row by its content.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.etree import ElementTree

from compliance.input.limits import (
    EXCEL_COLUMNS,
    EXCEL_ROWS,
    beyond_excel,
    beyond_pattern,
    column_letters,
    column_number,
    limits,
)

_MAX_MEMBER = 50 * 1024 * 1024  # uncompressed; zipfile never reads past a member's declared size
_COLS_HEAD = 256 * 1024  # bytes of a sheet part searched for <cols> (it precedes the cells)
_COL = re.compile(rb"<(?:\w+:)?col\b([^>]*)/?>")
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_MIN, _MAX = re.compile(rb'\bmin="(\d{1,5})"'), re.compile(rb'\bmax="(\d{1,5})"')


@dataclass(frozen=True)
class SheetStructure:
    totals_rows: frozenset[int] = frozenset()  # 0-based absolute rows that are the totals row of an Excel table
    table_ranges: tuple[tuple[int, int, int, int], ...] = ()  # (row0, col0, row1, col1), 0-based inclusive
    pivot: bool = False  # the sheet holds a pivot table
    hidden: bool = False  # sheet state hidden or veryHidden
    hidden_columns: tuple[tuple[int, int], ...] = ()  # 0-based inclusive column ranges hidden in the sheet


def xlsx_structure(path: Path) -> dict[str, SheetStructure]:
    """Sheet name as in the workbook -> its structure; {} when the file is not a readable .xlsx/.xlsm."""
    try:
        with zipfile.ZipFile(path) as zf:
            return _Package(zf).sheets()
    except Exception:  # a damaged or foreign file: the grid reader reports it, this layer adds nothing
        return {}


class _Package:
    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        self.names = {info.filename: info for info in zf.infolist()}

    def sheets(self) -> dict[str, SheetStructure]:
        book_part = self._workbook_part()
        book = self.xml(book_part)
        if book is None:
            return {}
        targets = self.relations(book_part)
        found: dict[str, SheetStructure] = {}
        for sheet in _children(book, "sheets", "sheet"):
            name = sheet.get("name")
            if not name or name in found:
                continue
            part = targets.get(_relation_id(sheet) or "", ("", ""))[1]
            found[name] = self._sheet(part, sheet.get("state") in ("hidden", "veryHidden"))
        return found

    def _workbook_part(self) -> str:
        for kind, part in self.relations("").values():
            if kind == "officeDocument":
                return part
        return "xl/workbook.xml"

    def _sheet(self, part: str, hidden: bool) -> SheetStructure:
        tables: list[tuple[int, int, int, int]] = []
        totals: set[int] = set()
        pivot = False
        for kind, target in self.relations(part).values():
            if kind == "table" and (table := self._table(target)):
                tables.append(table[0])
                totals.update(table[1])
            elif kind == "pivotTable":
                root = self.xml(target)
                pivot = pivot or (root is not None and _local(root.tag) == "pivotTableDefinition")
        return SheetStructure(frozenset(totals), tuple(tables), pivot, hidden, self._hidden_columns(part))

    def _hidden_columns(self, part: str) -> tuple[tuple[int, int], ...]:
        """The <col hidden="1"> ranges of a sheet. <cols> comes before <sheetData>: only the part's head is read."""
        info = self.names.get(part)
        if info is None:
            return ()
        try:
            with self.zf.open(info) as fh:
                head = fh.read(_COLS_HEAD)
        except Exception:  # the grid reader reports a damaged part
            return ()
        cols = head[:head.find(b"<sheetData")] if b"<sheetData" in head else head
        out = []
        for attrs in _COL.findall(cols):
            if not _HIDDEN.search(attrs):
                continue
            low, high = _MIN.search(attrs), _MAX.search(attrs)
            if low and high and 1 <= int(low[1]) <= int(high[1]):
                out.append((int(low[1]) - 1, int(high[1]) - 1))
        return tuple(out)

    def _table(self, part: str) -> tuple[tuple[int, int, int, int], range] | None:
        root = self.xml(part)
        if root is None or _local(root.tag) != "table":
            return None
        area = _parse_range(root.get("ref", ""))
        count = root.get("totalsRowCount", "0")
        if area is None or not count.isdigit():
            return None
        # totalsRowCount says how many totals rows the table has now. totalsRowShown only says one was shown
        # at some time: with totalsRowCount absent the range holds no totals row.
        row0, _, row1, _ = area
        return area, range(max(row0, row1 - int(count) + 1), row1 + 1)

    def relations(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id -> (type's last word, resolved target part) for the part ('' for the package)."""
        folder, file = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", f"{file}.rels"))
        found: dict[str, tuple[str, str]] = {}
        for rel in root if root is not None else ():
            rel_id, kind, target = rel.get("Id"), rel.get("Type", ""), rel.get("Target")
            if rel_id and target and rel.get("TargetMode") != "External":
                resolved = _resolve(folder, target)
                if resolved is not None:
                    found[rel_id] = (kind.rsplit("/", 1)[-1], resolved)
        return found

    def xml(self, part: str) -> ElementTree.Element | None:
        info = self.names.get(part)
        if info is None or info.file_size > _MAX_MEMBER:
            return None
        try:
            data = self.zf.read(info)
            return None if b"<!DOCTYPE" in data or b"<!ENTITY" in data else ElementTree.fromstring(data)
        except Exception:  # bad XML, bad compression, encrypted member: ignore the part
            return None


def _local(tag: str) -> str:
    """The tag without its namespace: transitional and strict OOXML use different ones."""
    return tag.rsplit("}", 1)[-1]


def _children(root: ElementTree.Element, parent: str, child: str) -> list[ElementTree.Element]:
    return [c for p in root if _local(p.tag) == parent for c in p if _local(c.tag) == child]


def _relation_id(elem: ElementTree.Element) -> str | None:
    for key, value in elem.attrib.items():
        if key.endswith("}id") and "relationships" in key:
            return value
    return None


def _resolve(folder: str, target: str) -> str | None:
    path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
    path = posixpath.normpath(path)
    return None if path.startswith("..") or path == "." else path


_CELL = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")


def _parse_range(ref: str) -> tuple[int, int, int, int] | None:
    parts = ref.split(":")
    corners: list[tuple[int, int]] = []
    for part in parts if len(parts) <= 2 else ():
        if (m := _CELL.fullmatch(part.strip())) is None:
            return None
        corners.append((int(m[2]) - 1, _column(m[1])))
    if not corners:
        return None
    (r0, c0), (r1, c1) = corners[0], corners[-1]
    if min(r0, c0) < 0 or r1 < r0 or c1 < c0:
        return None
    return r0, c0, r1, c1


def _column(letters: str) -> int:
    index = 0
    for ch in letters.upper():
        index = index * 26 + ord(ch) - ord("A") + 1
    return index - 1


# ---------------------------------------------------------------------------------------------- xlsx sheets

_CHUNK = 1 << 20
_TAIL = 96  # bytes kept between chunks: a cell reference or a mark cut in two is seen whole in the next window
_PREFIX = re.compile(rb"(?:[A-Za-z_][\w.-]*:)?")
_DIMENSION = re.compile(rb'dimension ref="([^"]{1,40})"')  # searched before <sheetData> only
_REF = re.compile(rb'([A-Za-z]+)(\d+)"')
# A negative number in a cell (possibly after its formula): read again from the XML when calamine turned it into
# a time of day (a date-formatted negative serial), see guard.negative_dates.
_NEGATIVE = re.compile(rb'<c r="([A-Za-z]+)(\d+)"[^>]*>(?:<f[^>]*/>|<f[^>]*>[^<]*</f>)?<v>(-[^<]{1,40})</v>')
MAX_NEGATIVES = 100_000  # past that, the others keep calamine's reading: a refusal for a time of day
_WIDEST = (0, 26, 702, EXCEL_COLUMNS)  # the last column with 0, 1, 2, 3 letters


@dataclass
class SheetScan:
    """What a streaming read of one sheet's XML found."""

    rows: int = 0  # last row holding a cell (1-based): the block's height from row 1
    cols: int = 0  # last column holding a cell (1-based)
    far: str = "A1"  # the cell reference that set rows or cols last
    stored: int = 0  # cells counted (once the block may be past sparse_cells: the density test needs them)
    marks: bool = False  # an error cell or a formula somewhere (workbook.py then parses the sheet for them)
    negatives: dict[tuple[int, int], float] = dataclasses.field(default_factory=dict)  # 0-based (row, col)
    dimension: str | None = None  # as declared: never trusted, only quoted
    exact: bool = False  # the extent was measured cell by cell (cells without r=, or a block near a limit)

    def bound(self) -> int:
        """The largest block the fast scan cannot tell from this one: any row with as many digits as the last
        row, any column with as many letters as the last column."""
        rows = min(10 ** len(str(self.rows)) - 1, EXCEL_ROWS)
        return rows * _WIDEST[min(len(column_letters(self.cols)), 3)]


def scan_sheet(zf: zipfile.ZipFile, part: str, sheet: str) -> SheetScan:
    """Stream the sheet XML: its real extent, error/formula marks, negative numbers. Raises TooBig for a cell
    beyond Excel's grid, ValueError for a DTD (which Excel never writes, and which could expand).

    Cheap on honest files: each window is searched once for a cell whose reference has more letters or digits
    than the extent so far (or no r=); only such a window is read reference by reference. When the block could
    be near a limit, the sheet is measured exactly in a second pass."""
    scan = SheetScan()
    prefix: bytes | None = None
    tail = b""
    single = False
    lim = limits()
    with zf.open(part) as fh:
        while chunk := fh.read(_CHUNK):
            window = tail + chunk
            if not tail and (b"<!DOCTYPE" in window or b"<!ENTITY" in window):  # a DTD precedes the root
                raise ValueError("a DTD (<!DOCTYPE>), which Excel never writes")
            at = window.find(b"sheetData") if prefix is None else -1
            while at > 0 and prefix is None:  # the first one that is a start tag (not a comment's word)
                prefix = _prefix(window, at)
                if prefix is not None and (m := _DIMENSION.search(window, 0, at)):
                    scan.dimension = m[1].decode("ascii", "replace")
                at = window.find(b"sheetData", at + 9)
            if not tail:  # attributes in single quotes: rare, and every cell then takes the exact scan
                single = b" r='" in window
            if not scan.marks:
                # A sheet with formulas has a </f>: even a shared formula's cells follow the one that holds its text.
                scan.marks = b't="e"' in window or b"</f>" in window or (single and b"t='e'" in window)
            if prefix is not None and not scan.exact:
                scan.exact = not _extent(window, prefix, scan, sheet)
                if scan.bound() > lim.sparse_cells:
                    scan.stored += chunk.count(b"<" + prefix + b"c ")
            if b"<v>-" in window and len(scan.negatives) < MAX_NEGATIVES:
                _negatives(window, scan)
            tail = window[-_TAIL:]
    bound = scan.bound()
    if scan.exact or prefix is None:  # positions to infer, as calamine does: token by token
        scan.exact = True
        _exact_extent(zf, part, prefix or b"", scan, sheet)
    elif bound > lim.max_sheet_cells or (bound > lim.sparse_cells and scan.stored < lim.min_density * bound):
        scan.exact = True  # the block may be past a limit: every reference is looked at
        _measure(zf, part, prefix, scan, sheet)
    return scan


def _measure(zf: zipfile.ZipFile, part: str, prefix: bytes, scan: SheetScan, sheet: str) -> None:
    scan.stored = 0
    tail = b""
    with zf.open(part) as fh:
        while chunk := fh.read(_CHUNK):
            window = tail + chunk
            _last_reference(window, prefix, scan, sheet)
            _references(window, 0, len(window) - _TAIL // 2, prefix, scan, sheet)
            scan.stored += chunk.count(b"<" + prefix + b"c ")
            tail = window[-_TAIL:]


def _prefix(window: bytes, at: int) -> bytes | None:
    """The namespace prefix of <sheetData> found at `at` (b"" for none; None when it is not a start tag)."""
    lt = window.rfind(b"<", max(0, at - 64), at)
    if lt < 0 or window[at + 9:at + 10] not in (b" ", b">", b"/"):
        return None
    name = window[lt + 1:at]
    return name if _PREFIX.fullmatch(name) else None


@lru_cache(maxsize=64)
def _unusual(prefix: bytes, letters: int, digits: int) -> re.Pattern[bytes]:
    """A cell tag without a leading r=, or whose reference has more letters or digits than given."""
    tag = re.escape(prefix.decode())
    return re.compile(f'<{tag}c(?![^ >/]| r="[A-Za-z]{{1,{max(letters, 1)}}}\\d{{1,{max(digits, 1)}}}")'.encode())


def _extent(window: bytes, prefix: bytes, scan: SheetScan, sheet: str) -> bool:
    """Update the extent from the window; False when a cell has no leading r= (positions are then inferred)."""
    _last_reference(window, prefix, scan, sheet)
    edge = len(window) - _TAIL // 2  # a match in the last bytes may be a tag cut short: the next window has it
    pattern = _unusual(prefix, len(column_letters(scan.cols)), len(str(scan.rows)))
    if (m := pattern.search(window)) is None or m.start() >= edge:
        return True
    return _references(window, m.start(), edge, prefix, scan, sheet)


def _last_reference(window: bytes, prefix: bytes, scan: SheetScan, sheet: str) -> None:
    """In a sheet written in order, the window's last whole reference has its largest row."""
    start = b"<" + prefix + b'c r="'
    pos = window.rfind(start)
    while pos >= 0:
        if (m := _REF.match(window, pos + len(start))) is not None:
            _update(scan, m[1], m[2], sheet)
            return
        pos = window.rfind(start, 0, pos)


def _references(window: bytes, at: int, edge: int, prefix: bytes, scan: SheetScan, sheet: str) -> bool:
    """Every reference of the window from `at` past the extent so far."""
    start = b"<" + prefix + b'c r="'
    pattern = beyond_pattern(prefix, scan.rows, scan.cols)
    recompiles = 32  # a new pattern when the extent grows, a few times per window (a wide header row)
    while (m := pattern.search(window, at)) is not None and m.start() < edge:
        ref = _REF.match(window, m.start() + len(start)) if window.startswith(start, m.start()) else None
        if ref is None:
            return False
        before = (scan.rows, scan.cols)
        _update(scan, ref[1], ref[2], sheet)
        if (scan.rows, scan.cols) != before and recompiles:
            recompiles -= 1
            pattern = beyond_pattern(prefix, scan.rows, scan.cols)
        at = m.end()
    return True


def _update(scan: SheetScan, letters: bytes, digits: bytes, sheet: str) -> None:
    row, col = int(digits), column_number(letters)
    beyond_excel(sheet, (letters + digits).decode("ascii"), row, col)
    if row > scan.rows or col > scan.cols:
        scan.far = (letters + digits).decode("ascii")
        scan.rows, scan.cols = max(scan.rows, row), max(scan.cols, col)


def _negatives(window: bytes, scan: SheetScan) -> None:
    for m in _NEGATIVE.finditer(window):
        try:
            value = float(m[3])
        except ValueError:
            continue
        scan.negatives[(int(m[2]) - 1, column_number(m[1]) - 1)] = value
        if len(scan.negatives) >= MAX_NEGATIVES:
            return


_TOKEN = re.compile(rb"<(/?)([A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])([^>]*)")
_R_ATTR = re.compile(rb'\sr\s*=\s*["\']([A-Za-z]*)(\d+)["\']')


def _exact_extent(zf: zipfile.ZipFile, part: str, prefix: bytes, scan: SheetScan, sheet: str) -> None:
    """Cell positions as calamine infers them when a cell or row has no r=: the next column, the next row."""
    lim = limits()
    row = col = 0
    scan.stored = 0
    tail = b""
    with zf.open(part) as fh:
        while chunk := fh.read(_CHUNK):
            window = tail + chunk
            cut = window.rfind(b"<")
            body, tail = window[:cut], window[cut:]
            for m in _TOKEN.finditer(body):
                if (m[2] or b"") != prefix:
                    continue
                r = _R_ATTR.search(m[4])
                if m[3] == b"row" and not m[1]:
                    row = int(r[2]) if r else row + 1
                    col = 0
                elif m[3] == b"c" and not m[1]:
                    scan.stored += 1
                    if r and r[1]:
                        row, col = int(r[2]), column_number(r[1])
                    else:
                        col += 1
                    _update(scan, column_letters(col).encode(), str(row).encode(), sheet)
                    if scan.rows * scan.cols > lim.max_sheet_cells:
                        return  # already past the limit: check_cells refuses it


# ---------------------------------------------------------------------------------------------- content

# Labels of a totals row in the languages of the project's users, compared after NFKC and casefold.
TOTALS_WORDS = frozenset({
    "total", "totals", "grand total", "sum", "subtotal", "sub-total", "sub total", "total general",
    "total général", "jumlah",
    "合计", "总计", "小计", "合計", "總計", "小計", "総計",
    "जम्मा", "कुल", "कुल जम्मा", "योग", "कुल योग",
    # the same in Latin letters, as Nepali, Hindi and Bengali clerks type them in English sheets
    "jamma", "kul jamma", "kul", "kul yog", "yog", "mot", "sarbomot", "sorbomot",
    "মোট", "সর্বমোট",
    "المجموع", "الإجمالي", "المجموع الكلي",
    "รวม", "ยอดรวม", "รวมทั้งหมด",
})


def looks_like_totals_row(cells: Sequence[object], id_columns: Sequence[int], amount_columns: Sequence[int]) -> bool:
    """True when the row is labelled as a total where its id belongs and carries an amount.

    The label is read from the id cells; only when every id cell is blank from the first non-blank cell
    (the usual "Total" under the names). A row with a real id is a record even if its name is "Total".
    Whole-cell matches only ("Total fees" is not recognised): a row wrongly taken for a total would vanish.
    """
    ids = [text for i in id_columns if (text := _text(_cell(cells, i)))]
    if ids:
        labelled = all(is_totals_word(text) for text in ids)
    else:
        first = next((text for c in cells if (text := _text(c))), "")
        labelled = is_totals_word(first)
    return labelled and any(_text(_cell(cells, i)) for i in amount_columns)


def _cell(cells: Sequence[object], index: int) -> object:
    return cells[index] if 0 <= index < len(cells) else None


def _text(value: object) -> str:
    if value is None:
        return ""
    return str(value).strip()


def is_totals_word(text: str) -> bool:
    label = unicodedata.normalize("NFKC", text).casefold().strip().rstrip(":").strip()
    return " ".join(label.split()) in TOTALS_WORDS
