"""What a spreadsheet says about its own structure that the grid of cells does not.

An .xlsx knows which of its rows are the totals row of an Excel table, which sheets hold a pivot table and
which are hidden; a reader that sees only cells would take a totals row for one more worker's fee. This is
read from the package itself (zipfile + ElementTree), defensively: a part that is missing, too big or
malformed is ignored and never raises, since the cells were already read by another library.

For CSV files and sheets without tables, looks_like_totals_row() recognises a totals row by its content.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

_MAX_MEMBER = 50 * 1024 * 1024  # uncompressed; zipfile never reads past a member's declared size


@dataclass(frozen=True)
class SheetStructure:
    totals_rows: frozenset[int] = frozenset()  # 0-based absolute rows that are the totals row of an Excel table
    table_ranges: tuple[tuple[int, int, int, int], ...] = ()  # (row0, col0, row1, col1), 0-based inclusive
    pivot: bool = False  # the sheet holds a pivot table
    hidden: bool = False  # sheet state hidden or veryHidden


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
        return SheetStructure(frozenset(totals), tuple(tables), pivot, hidden)

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
            return ElementTree.fromstring(self.zf.read(info))
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


# ---------------------------------------------------------------------------------------------- content

# Labels of a totals row in the languages of the project's users, compared after NFKC and casefold.
TOTALS_WORDS = frozenset({
    "total", "totals", "grand total", "sum", "subtotal", "sub-total", "sub total", "total general",
    "total général", "jumlah",
    "合计", "总计", "小计", "合計", "總計", "小計", "総計",
    "जम्मा", "कुल", "कुल जम्मा", "योग", "कुल योग",
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
        labelled = all(_is_totals_word(text) for text in ids)
    else:
        first = next((text for c in cells if (text := _text(c))), "")
        labelled = _is_totals_word(first)
    return labelled and any(_text(_cell(cells, i)) for i in amount_columns)


def _cell(cells: Sequence[object], index: int) -> object:
    return cells[index] if 0 <= index < len(cells) else None


def _text(value: object) -> str:
    if value is None:
        return ""
    return str(value).strip()


def _is_totals_word(text: str) -> bool:
    label = unicodedata.normalize("NFKC", text).casefold().strip().rstrip(":").strip()
    return " ".join(label.split()) in TOTALS_WORDS
