"""Cells, styles and layout of report.xlsx, for a workbook written in openpyxl's write-only (streaming) mode.

A write-only sheet is written row after row and never read back, so everything that depends on the content
(column widths, wrapping, row heights) is decided before a row is appended: small sheets are built in a `Grid`
(random access, then flushed in row order); big tables are measured on their first rows (`Layout.measure`), then
streamed (xlsx.py).

Every cell is made by `new_cell`: text that a spreadsheet would run as a formula (starting with = + - @, a tab or
a carriage return) is prefixed with ' and stored as a string, so the saved sheets contain no formula at all.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from compliance.i18n import Catalog
from compliance.report.writers.common import FORMULA_STARTS
from compliance.rules.ruleset import Severity

Value = str | int | float | date | datetime | None

# (fill, font colour): critical dark red, high red, medium amber, low blue-ish.
SEVERITY_COLOURS = {Severity.CRITICAL: ("7B0000", "FFFFFF"), Severity.HIGH: ("D9302C", "FFFFFF"),
                    Severity.MEDIUM: ("FFC000", "000000"), Severity.LOW: ("9DC3E6", "000000")}
MONEY = "#,##0.00"
FONT = "Calibri"  # the workbook default; a Font without a name prints in a serif fallback
BOLD = Font(name=FONT, bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE3EA")
CELL_TEXT_LIMIT = 32_767  # Excel's limit on the characters of one cell: longer text makes it "repair" the file
_MAX_WIDTH = 70
_MIN_WIDTH = 8
_CHARS_PER_WIDTH = 1.15  # text characters are narrower on average than the "0" a column width counts
_LINE_PT = 15  # height of one line of 11 pt text
_MAX_ROW_PT = 409  # Excel's highest row
_ALIGN = {(h, w): Alignment(horizontal=h, vertical="top", wrap_text=w)
          for h in (None, "left", "center") for w in (False, True)}


def safe_text(value: str) -> str:
    """Text a spreadsheet shows as text: illegal control characters dropped, a formula start quoted, and at most
    Excel's 32,767 characters (the JSON and CSV reports hold the whole text)."""
    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    text = "'" + text if text.startswith(FORMULA_STARTS) else text
    return text if len(text) <= CELL_TEXT_LIMIT else text[: CELL_TEXT_LIMIT - 1] + "…"


def new_cell(ws: WriteOnlyWorksheet, value: Value, fmt: str | None = None) -> Cell:
    """The one way a cell is made: strings are always stored as strings, never as formulas."""
    cell = WriteOnlyCell(ws)
    if isinstance(value, str):
        cell.value = safe_text(value)
        cell.data_type = "s"
    else:
        cell.value = value
    if fmt:
        cell.number_format = fmt
    return cell


def header_cells(ws: WriteOnlyWorksheet, values: Sequence[str]) -> list[Cell]:
    cells = [new_cell(ws, v) for v in values]
    for cell in cells:
        cell.font = BOLD
        cell.fill = HEADER_FILL
    return cells


def colour(cell: Cell, colours: tuple[str, str]) -> None:
    fill, font = colours
    cell.fill = PatternFill("solid", fgColor=fill)
    cell.font = Font(name=FONT, color=font, bold=True)


def severity_cell(ws: WriteOnlyWorksheet, severity: Severity | None, c: Catalog) -> Cell:
    cell = new_cell(ws, c.severity(severity) if severity else "")
    if severity:
        colour(cell, SEVERITY_COLOURS[severity])
    return cell


def text_width(text: str) -> int:
    """Display width of the longest line: CJK characters take two columns."""
    return max((sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
                for line in text.split("\n")), default=0)


def _shown(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, datetime | date):
        return "0000-00-00 00:00:00"
    return str(value)


class Layout:
    """Column widths and wrapping measured on some rows, then applied to every row as it is written."""

    def __init__(self) -> None:
        self.widths: dict[int, int] = {}
        self.wrap: set[int] = set()

    def measure(self, rows: Iterable[Sequence[Cell | None]]) -> None:
        for row in rows:
            for col, cell in enumerate(row, 1):
                if cell is None or cell.value is None:
                    continue
                text = _shown(cell.value)
                width = text_width(text) + 2
                if width > _MAX_WIDTH or "\n" in text:
                    self.wrap.add(col)
                self.widths[col] = max(self.widths.get(col, _MIN_WIDTH), min(width, _MAX_WIDTH))

    def apply_widths(self, ws: WriteOnlyWorksheet) -> None:
        """Before the first row is appended: a write-only sheet writes its columns first."""
        for col, width in self.widths.items():
            ws.column_dimensions[get_column_letter(col)].width = width

    def fit_row(self, ws: WriteOnlyWorksheet, row_idx: int, row: Sequence[Cell | None]) -> None:
        """Top-aligned cells, wrapped in wrapping columns, the row made tall enough (Excel and LibreOffice do not
        grow rows of a generated file by themselves). Call before the row is appended."""
        lines = 1
        for col, cell in enumerate(row, 1):
            if cell is not None and cell.value is not None and col in self.wrap:
                text = str(cell.value)
                room = max(self.widths.get(col, _MIN_WIDTH) * _CHARS_PER_WIDTH, 1)
                if "\n" in text or len(text) * 2 > room:  # else surely one line: skip measuring the characters
                    lines = max(lines, sum(math.ceil(max(text_width(part), 1) / room) for part in text.split("\n")))
        if lines > 1:
            ws.row_dimensions[row_idx].height = min(_LINE_PT * lines + 2, _MAX_ROW_PT)
        for col, cell in enumerate(row, 1):
            # In a one-line row the vertical alignment shows nothing: left unset, it costs no style lookup per
            # cell (a large share of the time on a sheet of a million rows).
            if cell is not None and cell.value is not None and (lines > 1 or col in self.wrap):
                cell.alignment = _ALIGN[(cell.alignment.horizontal, col in self.wrap)]


class Grid:
    """A small sheet built in any order (label/value pairs, stacked tables), then written row by row."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        self.ws = ws
        self.cells: dict[int, dict[int, Cell]] = {}

    def put(self, row: int, col: int, value: Value, fmt: str | None = None) -> Cell:
        cell = new_cell(self.ws, value, fmt)
        self.cells.setdefault(row, {})[col] = cell
        return cell

    def row(self, row: int, values: Sequence[Value], col: int = 1) -> list[Cell]:
        return [self.put(row, col + i, v) for i, v in enumerate(values)]

    def header(self, row: int, values: Sequence[str], col: int = 1) -> None:
        for cell in self.row(row, values, col):
            cell.font = BOLD
            cell.fill = HEADER_FILL

    def get(self, row: int, col: int) -> Cell:
        return self.cells.get(row, {}).get(col) or self.put(row, col, None)

    def flush(self, fit_from: int = 1, fit_until: int | None = None) -> None:
        """Write every row; widths are measured on rows fit_from..fit_until (long titles and notes outside that
        range run across the columns instead of widening the first one)."""
        last = max(self.cells, default=0)
        dense = [[self.cells.get(r, {}).get(c) for c in range(1, max(self.cells.get(r, {0: None})) + 1)]
                 for r in range(1, last + 1)]
        layout = Layout()
        layout.measure(dense[fit_from - 1: fit_until])
        layout.apply_widths(self.ws)
        for r, row in enumerate(dense, 1):
            if fit_from <= r <= (fit_until or last):
                layout.fit_row(self.ws, r, row)
            self.ws.append(row)


def page_setup(ws: WriteOnlyWorksheet | Worksheet, catalog: Catalog, header: bool) -> None:
    """Printable as filed: landscape A4, one page wide, the header row repeated, page numbers in the footer."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = catalog.t("xlsx.footer")
    if header:
        ws.print_title_rows = "1:1"
