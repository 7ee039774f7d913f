"""Write tables of cells out the way real files hold them: .xlsx workbooks or folders of CSV files.

A Table is one sheet as it will appear in the file: rows above the header, an optional merged group row,
the header, the body and rows below it. It remembers which base row each body row came from (`origins`)
and which cells a transform changed (`changed`), so a test can say which cell of the file it is talking
about. Nothing here knows about variants; transforms.py builds the tables.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table as ExcelTable
from openpyxl.worksheet.table import TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet


@dataclass
class Table:
    name: str  # sheet name in the workbook, or the CSV file's stem
    columns: list[str]  # per position: the contract column it holds ("" for a column outside the contract)
    header: list[object]  # the column names as written
    body: list[list[object]]
    # contract sheet -> base row index -> body index: where each base record was written
    origins: dict[str, dict[int, int]] = field(default_factory=dict)
    groups: list[tuple[str, int]] = field(default_factory=list)  # merged labels over the header: (label, span)
    above: list[list[object]] = field(default_factory=list)
    below: list[list[object]] = field(default_factory=list)
    merge_above: bool = False  # merge each non-blank row above the header across the table's width
    hidden: bool = False
    excel_table: bool = False  # format the header, body and rows below as an Excel table (totals row = below)
    # (contract sheet, base row index, contract column): cells a transform wrote differently from the base
    changed: set[tuple[str, int, str]] = field(default_factory=set)
    # Drop-down lists: (contract column, formula of the allowed values), e.g. ("category", "=Lists!$A$2:$A$20")
    dropdowns: list[tuple[str, str]] = field(default_factory=list)
    indent: int = 0  # blank columns left of the table

    @property
    def header_row(self) -> int:
        """1-based row number of the column names."""
        return len(self.above) + (2 if self.groups else 1)

    def file_row(self, body_index: int) -> int:
        return self.header_row + 1 + body_index

    def position(self, column: str) -> int:
        return self.columns.index(column)

    def rows(self) -> list[list[object]]:
        """Every row of the sheet, top to bottom."""
        out = [list(r) for r in self.above]
        if self.groups:
            group_row: list[object] = []
            for label, span in self.groups:
                group_row += [label] + [None] * (span - 1)
            out.append(group_row)
        out += [list(self.header)] + [list(r) for r in self.body] + [list(r) for r in self.below]
        return [[None] * self.indent + r if any(v is not None for v in r) else r for r in out]


# ---------------------------------------------------------------------------------------------- xlsx


def write_xlsx(tables: list[Table], path: Path) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for table in tables:
        ws = wb.create_sheet(table.name)
        for row in table.rows():
            ws.append(row)
        for cells in ws.iter_rows():
            for cell in cells:
                if isinstance(cell.value, dt.date):  # a real date cell, shown as a date
                    cell.number_format = "yyyy-mm-dd"
        _merge(ws, table)
        if table.excel_table:
            _add_excel_table(ws, table)
        for column, formula in table.dropdowns:
            _add_dropdown(ws, table, column, formula)
        if table.hidden:
            ws.sheet_state = "hidden"
    wb.save(path)
    return path


def _merge(ws: Worksheet, table: Table) -> None:
    width = len(table.header)
    if table.merge_above and width > 1:
        for i, row in enumerate(table.above, start=1):
            if any(v is not None for v in row):
                ws.merge_cells(start_row=i, start_column=1 + table.indent, end_row=i, end_column=width + table.indent)
    if table.groups:
        at = len(table.above) + 1
        col = 1 + table.indent
        for _, span in table.groups:
            if span > 1:
                ws.merge_cells(start_row=at, start_column=col, end_row=at, end_column=col + span - 1)
            col += span


def _add_excel_table(ws: Worksheet, table: Table) -> None:
    last_row = table.header_row + len(table.body) + len(table.below)
    first, last = get_column_letter(1 + table.indent), get_column_letter(len(table.header) + table.indent)
    ref = f"{first}{table.header_row}:{last}{last_row}"
    excel = ExcelTable(displayName=f"T_{table.name.replace(' ', '_')}", ref=ref,
                       totalsRowCount=len(table.below) or None)
    excel.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(excel)


def _add_dropdown(ws: Worksheet, table: Table, column: str, formula: str) -> None:
    letter = get_column_letter(table.position(column) + 1 + table.indent)
    first, last = table.file_row(0), table.file_row(max(len(table.body) - 1, 0))
    dv = DataValidation(type="list", formula1=formula, allow_blank=True)
    dv.add(f"{letter}{first}:{letter}{last}")
    ws.add_data_validation(dv)


# ---------------------------------------------------------------------------------------------- csv


def csv_text(value: object) -> str:
    """A cell as Excel writes it to CSV in an ISO-date locale."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def write_csv_folder(tables: list[Table], folder: Path, encoding: str = "utf-8", delimiter: str = ",") -> Path:
    """One file per table. `encoding` is a Python codec: 'utf-8-sig' adds the BOM Excel's "CSV UTF-8"
    writes, 'utf-16' writes a BOM then little-endian text as Excel's "Unicode Text" does."""
    folder.mkdir(parents=True, exist_ok=True)
    for table in tables:
        with (folder / f"{table.name}.csv").open("w", encoding=encoding, newline="") as fh:
            writer = csv.writer(fh, delimiter=delimiter, lineterminator="\r\n")
            for row in table.rows():
                writer.writerow([csv_text(v) for v in row])
    return folder
