"""The report's "how the input was read" section as plain tables, drawn alike by the Excel, HTML and Markdown
writers: one table of input sheets, one of contract columns, one of cell texts read as codes, and the notices.

Cells hold the readings' own values (user text included, unescaped): each writer applies its own guard (the
formula quote, autoescape, Markdown escaping). A cell that is a tuple holds several lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from compliance.i18n import Catalog
from compliance.input.readings import ColumnReading, Readings, SheetReading
from compliance.report.model import UnreadCell

TableCell = str | int | float | tuple[str, ...] | None


@dataclass(frozen=True)
class Table:
    key: str  # sheets, columns or values
    title: str
    headers: list[str]
    rows: list[list[TableCell]]


def interpretation_tables(readings: Readings, c: Catalog) -> list[Table]:
    return [_sheets(readings.sheets, c), _columns(readings.columns, c), _values(readings.columns, c)]


def how_text(how: str, c: Catalog) -> str:
    """A reading's `how` code in the reader's language; any other text (why a sheet was skipped) as written."""
    key = f"interpret.how.{how}"
    return c.t(key) if key in c.all_keys() else how


def unread_text(cell: UnreadCell, c: Catalog) -> str:
    if cell.value is None:
        return c.t("interpret.unread_column", sheet=cell.sheet, column=cell.column)
    return c.t("interpret.unread_cell", sheet=cell.sheet, row=cell.row, column=cell.column, value=cell.value)


def _headers(c: Catalog, *keys: str) -> list[str]:
    return [c.t(f"interpret.col.{k}") for k in keys]


def _sheets(sheets: list[SheetReading], c: Catalog) -> Table:
    rows: list[list[TableCell]] = [[
        s.source, s.sheet if s.sheet is not None else c.t("interpret.not_read"), how_text(s.how, c),
        ", ".join(str(r) for r in s.header_rows) or None,
        tuple(c.t("interpret.skipped_row", row=r.row, reason=r.reason) for r in s.skipped_rows), s.note,
    ] for s in sheets]
    headers = _headers(c, "source", "read_as", "how", "header_rows", "skipped_rows", "note")
    return Table("sheets", c.t("interpret.sheets"), headers, rows)


def _columns(columns: list[ColumnReading], c: Catalog) -> Table:
    rows: list[list[TableCell]] = [[
        r.sheet, r.source, r.column, r.header, r.letter,
        how_text(r.how, c), r.score, r.hint, r.format, r.as_written, r.interpreted, r.refused,
        tuple(c.t("interpret.note_count", note=note, count=n) for note, n in r.notes.items()),
    ] for r in columns]
    headers = _headers(c, "sheet", "source", "column", "header", "letter", "how", "score", "hint", "format",
                       "as_written", "interpreted", "refused", "notes")
    return Table("columns", c.t("interpret.columns"), headers, rows)


def _values(columns: list[ColumnReading], c: Catalog) -> Table:
    rows: list[list[TableCell]] = [[
        r.sheet, r.column, v.written, v.code, c.value(v.code, r.sheet, r.column), how_text(v.how, c), v.matched,
        v.cells,
    ] for r in columns for v in r.values]
    headers = _headers(c, "sheet", "column", "written", "code", "meaning", "how", "matched", "cells")
    return Table("values", c.t("interpret.values"), headers, rows)
