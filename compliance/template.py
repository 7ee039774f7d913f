"""Write a blank input workbook: an instructions sheet, then one sheet per contract sheet.

Everything written here comes from sheets.py, so the template cannot drift from what the loader
reads. The instructions are for inspectors and caseworkers, not programmers.
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from compliance.input.sheets import SHEETS, ColumnSpec, Kind, SheetSpec

INSTRUCTIONS_SHEET = "instructions"
_LAST_VALIDATED_ROW = 5000
_MAX_LIST_FORMULA = 255  # Excel rejects an inline drop-down list longer than this
_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)
_WRAP = Alignment(wrap_text=True, vertical="top")

_INTRO = (
    "This workbook is the input for the fair-recruitment compliance checker.",
    "Fill in one sheet per kind of record (agencies, workers, fees, ...), one row per record.",
    "The checker tests every worker's recruitment against the ILO fair recruitment principles and "
    "reports, for each rule, whether it is met, not met, or cannot be decided from the data.",
)

_NOTES = (
    ("Dates", "Use real date cells, or type 2024-03-05 (year-month-day) or 05/03/2024 (day first). "
              "Two-digit years such as 05/03/24 are not accepted."),
    ("Amounts", "Type only the number: 15000, 15,000 or 1 234.50. Thousands separators are allowed; "
                "currency symbols or codes are not: put the currency in the currency column."),
    ("Yes/no cells", "Type yes, no, true, false, y, n, 1, 0, 是 or 否."),
    ("Column headers", "Headers are matched ignoring upper/lower case, and spaces are the same as "
                       "underscores: 'Worker ID' is read as worker_id. Columns can be in any order."),
    ("Extra columns", "Columns the checker does not know are kept in your file and ignored."),
    ("Blank cells", "A blank cell means 'not known'. Rules that need it report insufficient evidence; "
                    "a blank is never counted as compliance."),
)


def write_template(path: Path) -> None:
    path = Path(path)
    if path.suffix.casefold() != ".xlsx":
        raise ValueError(f"the template is an Excel file: give a name ending in .xlsx, not {path.name!r}")
    if path.exists():
        raise FileExistsError(f"{path} already exists; choose another name or move the old file first")
    book = Workbook()
    _write_instructions(book.active)
    for spec in SHEETS:
        _write_sheet(book.create_sheet(spec.name), spec)
    buffer = io.BytesIO()
    book.save(buffer)
    try:
        with path.open("xb") as fh:  # "x": never overwrite, even if the file appeared meanwhile
            fh.write(buffer.getvalue())
    except FileExistsError:
        raise FileExistsError(f"{path} already exists; choose another name or move the old file first"
                              ) from None


# ---------------------------------------------------------------------------------------------- instructions


def _requirement(col: ColumnSpec) -> str:
    if col.required_value:
        return "yes, every row"
    if col.required_column:
        return "column required; cell may be blank"
    return "optional"


def _what_to_put(col: ColumnSpec) -> str:
    text = col.described()
    if col.kind is Kind.REF and col.refers_to:
        text += f" Must match an id in the {col.refers_to} sheet."
    return text


def _write_instructions(ws: Worksheet) -> None:
    ws.title = INSTRUCTIONS_SHEET
    ws.append(["Fair recruitment compliance checker: input workbook"])
    ws["A1"].font = _TITLE
    for line in _INTRO:
        ws.append([line])
    ws.append([])
    ws.append(["How to fill in cells"])
    ws.cell(ws.max_row, 1).font = _BOLD
    for topic, text in _NOTES:
        ws.append([topic, text])
    for spec in SHEETS:
        _write_sheet_help(ws, spec)
    for letter, width in zip("ABCD", (24, 34, 70, 22), strict=True):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = _WRAP


def _write_sheet_help(ws: Worksheet, spec: SheetSpec) -> None:
    ws.append([])
    required = "required sheet" if spec.required_sheet else "optional sheet"
    ws.append([f"Sheet: {spec.name}", required, spec.help])
    ws.cell(ws.max_row, 1).font = _TITLE
    ws.append(["column", "required?", "what to put", "example"])
    for cell in ws[ws.max_row]:
        cell.font = _BOLD
    for col in spec.template_columns():
        ws.append([col.name, _requirement(col), _what_to_put(col), col.example])


# ---------------------------------------------------------------------------------------------- data sheets


def _write_sheet(ws: Worksheet, spec: SheetSpec) -> None:
    ws.append([col.name for col in spec.template_columns()])
    for index, col in enumerate(spec.template_columns(), start=1):
        cell = ws.cell(1, index)
        cell.font = _BOLD
        cell.comment = _comment(col)
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = min(max(len(col.name), len(col.example), 8) + 4, 40)
        _add_drop_down(ws, col, letter)
    ws.freeze_panes = "A2"


def _comment(col: ColumnSpec) -> Comment:
    text = f"{_what_to_put(col)}\nRequired: {_requirement(col)}."
    if col.example:
        text += f"\nExample: {col.example}"
    comment = Comment(text, "fairrecruit")
    comment.width, comment.height = 300, 120
    return comment


def _add_drop_down(ws: Worksheet, col: ColumnSpec, letter: str) -> None:
    if col.kind is Kind.YESNO:
        values: tuple[str, ...] = ("yes", "no")
    elif col.kind is Kind.CHOICE and col.choices:
        values = col.choices
    else:
        return
    formula = '"' + ",".join(values) + '"'
    if len(formula) > _MAX_LIST_FORMULA:
        return  # the comment and the instructions still list the values
    # A warning, not a stop: the checker also accepts synonyms (是, broker, ...) the list cannot show.
    validation = DataValidation(
        type="list", formula1=formula, allow_blank=True, showErrorMessage=True, errorStyle="warning",
        errorTitle="Unusual value", error="This is not one of the listed values. Keep it only if it is "
        "a synonym the checker accepts (see the instructions sheet).",
    )
    validation.add(f"{letter}2:{letter}{_LAST_VALIDATED_ROW}")
    ws.add_data_validation(validation)
