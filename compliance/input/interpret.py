"""Interpret grids of cells as the contract's sheets: which sheet is which, where the header is, which column is
which, which rows are data, and which number and date conventions each column proves.

Everything decided here is recorded in `Readings` for the report. Nothing is guessed where the file does not
tell: a required column that is not recognised stops the run with one error naming every such column of every
sheet and its closest candidates; an ambiguous cell is left for the validator to refuse.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from compliance.input import headers
from compliance.input.cells import normalize_header
from compliance.input.conventions import decide_columns, decide_dates_across_book
from compliance.input.header_names import header_hint
from compliance.input.mapping import Mapping, SheetMapping
from compliance.input.problems import Action, InputProblem, ProblemType
from compliance.input.readings import ColumnReading, Readings, SheetReading
from compliance.input.references import decide_references
from compliance.input.rows import clean, data_rows, shifted_rows, split_rows
from compliance.input.sheets import SHEETS_BY_NAME, Kind
from compliance.input.workbook import (
    Book,
    Column,
    Grid,
    InputError,
    RawSheet,
    RawWorkbook,
    WorkbookError,
    column_letter,
)

# An unrecognised header this close (closest_headers' score) to a column whose blank means none makes that column
# unknown rather than none: "Amount refunded so far" is probably the refunds ("Remarks" scores 59).
LOOKS_LIKE = 65.0
# Sheets that summarise other sheets: read, they would count every payment twice.
_SUMMARY_NAMES = {"summary", "pivot", "dashboard", "totals", "report", "overview", "汇总", "合计", "总结", "摘要"}
_MAX_REPEATS = 5  # more columns than this meaning one field is not a choice to make column by column
# Sheets that explain the workbook (the template's own 'instructions'): skipped, never "not recognised" records.
_GUIDE_NAMES = {"instructions", "instruction", "readme", "read me", "how to fill", "guide", "help", "说明", "填写说明",
                "填表说明", "使用说明"}


@dataclass
class _Placed:
    grid: Grid
    sheet: str
    how: str
    plan: SheetMapping | None


def interpret(book: Book, mapping: Mapping | None = None) -> RawWorkbook:
    readings = Readings()
    notices = [f"{g.name}: {g.notice}" for g in book.grids if g.notice]
    placed, others, sheet_readings = _place(book, mapping, notices)
    sheets: dict[str, RawSheet] = {}
    columns: list[ColumnReading] = []
    problems: list[InputProblem] = []
    errors: list[str] = []
    for p in placed:
        built = _build(p, book, errors, problems, notices)
        if built is None:
            continue
        raw, reading, cols = built
        sheets[p.sheet] = raw
        sheet_readings.append(reading)
        columns.extend(cols)
    decide_references(sheets, columns, notices, frozenset(p.sheet for p in placed if p.plan is not None))
    decide_dates_across_book(sheets, one_file=book.format != "csv")
    if errors:
        raise InputError(f"{book.path.name}: {len(errors)} column(s) or sheet(s) could not be recognised: "
                         + "; ".join(errors), errors)
    readings = Readings(sheets=sheet_readings, columns=columns, notices=notices)
    filled = {g.name: n for g in book.grids
              if (n := sum(1 for row in g.cells if any(clean(v) is not None for v in row)))}
    unrecognised = {r.source: filled[r.source] for r in sheet_readings
                    if r.sheet is None and r.how == "not recognised" and r.source in filled}
    return RawWorkbook(book.path, book.sha256, sheets, book.format, others, readings, problems,
                       unrecognised_sheets=unrecognised)


# ---------------------------------------------------------------------------------------------- sheets


def _place(book: Book, mapping: Mapping | None,
           notices: list[str]) -> tuple[list[_Placed], list[str], list[SheetReading]]:
    readings: list[SheetReading] = []
    others: list[str] = []
    placed: list[_Placed] = []
    candidates: dict[str, Grid] = {}
    for g in book.grids:
        plan = mapping.sheet(g.name) if mapping else None
        if plan is not None:
            if plan.ignore:
                readings.append(SheetReading(source=g.name, sheet=None, how="mapping: ignore"))
                others.append(g.name)
            else:
                placed.extend(_Placed(g, t, "mapping" + (" (split)" if plan.split else ""), plan)
                              for t in plan.targets)
            continue
        if mapping is not None and mapping.only_listed:
            others.append(g.name)
            continue
        exact = normalize_header(g.name)
        if g.pivot and exact not in SHEETS_BY_NAME:
            notices.append(f"sheet '{g.name}' holds a pivot table: skipped (a summary would count payments twice)")
            readings.append(SheetReading(source=g.name, sheet=None, how="skipped: pivot table"))
            others.append(g.name)
            continue
        if normalize_header(g.name).replace("_", " ") in _SUMMARY_NAMES:
            notices.append(f"sheet '{g.name}' looks like a summary: skipped")
            readings.append(SheetReading(source=g.name, sheet=None, how="skipped: summary sheet"))
            others.append(g.name)
            continue
        if normalize_header(g.name).replace("_", " ") in _GUIDE_NAMES:
            notices.append(f"sheet '{g.name}' looks like instructions: skipped")
            readings.append(SheetReading(source=g.name, sheet=None, how="skipped: instructions"))
            others.append(g.name)
            continue
        candidates[g.name] = g
    exact_names: dict[str, str] = {}
    for name in candidates:
        key = normalize_header(name)
        if key in SHEETS_BY_NAME:
            if key in exact_names:
                raise WorkbookError(f"sheets {exact_names[key]!r} and {name!r} both mean {key!r}; keep only one")
            exact_names[key] = name
    taken: set[str] = set()
    for p in placed:
        if p.sheet in taken:
            raise WorkbookError(f"the mapping reads two sheets as {p.sheet}; keep only one")
        taken.add(p.sheet)
    found = _one_per_sheet(headers.identify_sheets({n: g.cells for n, g in candidates.items()}), notices)
    for name, g in candidates.items():
        sheet, how, _ = found.get(name, (None, "none", 0.0))
        if sheet is not None and sheet in taken:
            sheet, how = None, f"duplicate:{sheet}"
        if sheet is None:
            reason = "not recognised" if how == "none" else how.replace("duplicate:", "another sheet is read as ")
            if g.hidden:
                notices.append(f"sheet '{name}' is hidden and is not a sheet of the input contract: skipped")
                reason = "skipped: hidden"
            readings.append(SheetReading(source=name, sheet=None, how=reason))
            others.append(name)
            continue
        if g.hidden:
            notices.append(f"sheet '{name}' is hidden; read as {sheet} because of its name")
        taken.add(sheet)
        placed.append(_Placed(g, sheet, how if how != "exact" else "exact", None))
    return placed, others, readings


def _one_per_sheet(found: dict[str, tuple[str | None, str, float]],
                   notices: list[str]) -> dict[str, tuple[str | None, str, float]]:
    """Two sheets that both look like one contract sheet ("Workers (old)" and "Workers", "Fees 2023" and "Fees
    2024"): the one named exactly wins and the other is skipped, said; otherwise which is meant cannot be told, and
    the run stops asking for a mapping file rather than read whichever comes first."""
    claims: dict[str, list[str]] = {}
    for name, (sheet, how, _) in found.items():
        winner = how.split(":", 1)[1] if how.startswith("duplicate:") else None  # the sheet that beat this one
        target = sheet or (found.get(winner, (None,))[0] if winner else None)
        if target:
            claims.setdefault(target, []).append(name)
    out = dict(found)
    lines = []
    for target, names in claims.items():
        if len(names) < 2:
            continue
        exact = [n for n in names if normalize_header(n) == target]
        if len(exact) == 1:
            out[exact[0]] = (target, "exact", 100.0)
            for n in names:
                if n != exact[0]:
                    out[n] = (None, f"duplicate:{target}", 0.0)
                    notices.append(f"sheet '{n}' also looks like {target}; '{exact[0]}' is read as {target}, "
                                   f"and '{n}' is not read")
        else:
            lines.append(f"sheets {', '.join(repr(n) for n in names)} all look like {target}: say which one to read "
                         "in a mapping file (fairrecruit map), or rename the others")
    if lines:
        raise InputError("; ".join(lines), lines)
    return out


# ---------------------------------------------------------------------------------------------- one sheet


def _build(p: _Placed, book: Book, errors: list[str], problems: list[InputProblem],
           notices: list[str]) -> tuple[RawSheet, SheetReading, list[ColumnReading]] | None:
    g, spec = p.grid, SHEETS_BY_NAME[p.sheet]
    row0, col0 = g.start
    merged = [((a - row0, b - col0), (c - row0, d - col0)) for (a, b), (c, d) in g.merged]
    if not any(any(clean(c) is not None for c in r) for r in g.cells):
        return RawSheet(g.name, p.sheet, [], [], 0), SheetReading(source=g.name, sheet=p.sheet, how=p.how), []
    header = _header(p, merged)
    if header is None:  # nothing looks like a header: the first non-blank row is, and its columns are reported
        first_row = next(i for i, r in enumerate(g.cells) if any(clean(c) is not None for c in r))
        header = headers.header_from_rows(g.cells, (first_row,), merged, p.sheet)
        notices.append(f"sheet '{g.name}': no row looks like a header of the {p.sheet} sheet; row "
                       f"{row0 + first_row + 1} is read as the header")
    matches = _matches(p, header)
    first = max(header.rows) + 1
    if first < len(g.cells) and (units := _hint_row(g.cells[first])):
        # "(NPR '000)", "(dd/mm/yyyy)" in the row under the names: hints for those columns, not a record. Read as
        # a record, the amounts would be 1,000 times too small and the row rejected.
        matches = [headers.ColumnMatch(replace(m.cell, hint=units[m.cell.index]), m.field, m.how, m.score,
                                       m.candidates) if m.cell.index in units and m.cell.hint is None else m
                   for m in matches]
        notices.append(f"sheet '{g.name}': row {row0 + first + 1} holds units and formats for the columns above; "
                       "read as part of the header")
        first += 1
    pairs = headers.duplicate_columns(header, p.sheet) if p.plan is None else []
    repeated = Counter(field for field, *_ in pairs)
    for field, n in repeated.items():
        if n >= _MAX_REPEATS:  # a name repeated across the sheet (a pasted row, a generated file): one line
            cols = [column_letter(col0 + c.index) for f, a, b, _ in pairs if f == field for c in (a, b)]
            errors.append(f"sheet '{g.name}': {n + 1:,} columns ({cols[0]} to {cols[-1]}) all mean {field}; keep "
                          "the one that holds it")
    for field, a, b, even in pairs:
        if repeated[field] >= _MAX_REPEATS:
            continue
        blank = [c for c in (a, b) if not any(_at(r, c.index) is not None for r in g.cells[first:])]
        if len(blank) == 1:  # an empty column beside a filled one: the filled one is the column
            keep = b if blank[0] is a else a
            matches = [_rematch(m, keep, blank[0], field, p.sheet) for m in matches]
            notices.append(f"sheet '{g.name}': columns '{a.text}' and '{b.text}' both mean {field}; "
                           f"'{blank[0].text}' is empty, so '{keep.text}' is read")
            continue
        if _hidden(g, col0 + a.index) != _hidden(g, col0 + b.index):  # read what a person sees
            shown_cell, hidden_cell = (b, a) if _hidden(g, col0 + a.index) else (a, b)
            matches = [_rematch(m, shown_cell, hidden_cell, field, p.sheet) for m in matches]
            notices.append(f"sheet '{g.name}': columns '{a.text}' and '{b.text}' both mean {field}; "
                           f"'{hidden_cell.text}' is hidden in the file, so the visible '{shown_cell.text}' is read")
            continue
        kept = next((m.cell for m in matches if m.field == field), a)
        other = b if kept is a else a
        free_text = spec.column(field).kind is Kind.TEXT  # notes beside remarks: both kept to read, one is read
        if not even and (free_text or not _adds_to(g, first, kept.index, other.index)):
            # the exact name is the column; the synonym beside it holds nothing else, and is said, not read
            notices.append(f"sheet '{g.name}': column '{other.text}' also looks like {field}; '{kept.text}' is "
                           "read as it" + ("" if free_text else ", and it holds nothing else"))
            continue
        errors.append(f"sheet '{g.name}': columns {column_letter(col0 + a.index)} ('{a.text}') and "
                      f"{column_letter(col0 + b.index)} ('{b.text}') both mean {field} and hold different values; "
                      "rename or remove one, or say which in a mapping file")
    fields = {m.field: m for m in matches if m.field}
    hidden_read = [f"'{m.cell.text}' ({column_letter(col0 + m.cell.index)}, read as {m.field})" for m in matches
                   if m.field and _hidden(g, col0 + m.cell.index)]
    if hidden_read:
        notices.append(f"sheet '{g.name}': column(s) {', '.join(hidden_read)} hidden in the file are read; unhide "
                       "them to see what was checked")
    absent = [c for c in spec.columns if c.required_column and c.name not in fields and not _alternative(c.name,
                                                                                                         fields)]
    candidates: dict[str, str] = {}
    unmatched = [m.cell for m in matches if m.field is None]
    for col in absent:  # the validator reports them all, with every other sheet's, in one error
        near = headers.closest_headers(col.name, p.sheet, unmatched)
        candidates[col.name] = ", ".join(f"'{h}'" for h, _ in near) if near else "no similar header"
    doubtful = {}
    numeric = [c for c in unmatched if not headers.is_known_name(c.name) and _mostly_numbers(g, c.index, first)]
    for col in spec.columns:
        if col.absent_is_blank and col.name not in fields and unmatched:
            near = headers.closest_headers(col.name, p.sheet, unmatched)
            if near and near[0][1] >= LOOKS_LIKE:
                doubtful[col.name] = near[0][0]
            elif numeric:  # "Total Potongan": an unread column of amounts may be these, in words no table knows
                doubtful[col.name] = numeric[0].text
    columns, seen = [], {c.name for c in spec.columns}
    for m in matches:
        key = m.field or normalize_header(m.cell.text)
        if not m.field and (not key or key in seen):
            continue  # an unnamed or clashing extra column is not read; listed below
        seen.add(key)
        columns.append(Column(m.cell.text, key, col0 + m.cell.index, column_letter(col0 + m.cell.index)))
    rows, blank, skipped = data_rows(g, spec, columns, first, notices)
    read = len(rows)
    if g.csv:
        rows = shifted_rows(rows, g, header, p.sheet, first, problems)
    refused = read - len(rows)
    if p.plan is not None and p.plan.split:
        rows = split_rows(rows, spec, g.name, problems)
    _unnamed_columns(g, header, matches, first, notices)
    raw = RawSheet(g.name, p.sheet, columns, rows, blank, candidates=candidates, doubtful=doubtful,
                   refused=0 if p.plan is not None and p.plan.split else refused)
    col_readings = decide_columns(raw, spec, fields, p.plan, notices)
    reading = SheetReading(source=g.name, sheet=p.sheet, how=p.how, header_rows=[row0 + r + 1 for r in header.rows],
                           skipped_rows=skipped,
                           note=None if header.rows == (0,) else f"header found in row {row0 + header.rows[-1] + 1}")
    for s in skipped:
        problems.append(InputProblem(type=ProblemType.INCONSISTENT, action=Action.NOTICE, sheet=p.sheet, row=s.row,
                                     message=f"row {s.row} {s.reason}: not read as a record"))
    return raw, reading, col_readings


def _hidden(g: Grid, column: int) -> bool:
    return any(low <= column <= high for low, high in g.hidden_columns)


def _mostly_numbers(g: Grid, index: int, first: int) -> bool:
    """Whether most filled cells of a column are numbers (or number text): amounts, not remarks."""
    filled = [v for r in g.cells[first:] if (v := _at(r, index)) is not None]
    numbers = sum(1 for v in filled if (isinstance(v, int | float) and not isinstance(v, bool))
                  or (isinstance(v, str) and _NUMBERISH.fullmatch(v)))
    return bool(filled) and numbers * 2 > len(filled)


_NUMBERISH = re.compile(r"[^\d]{0,4}\d[\d.,' ]*(?:/-)?[^\d]{0,4}")


def _hint_row(cells: list[object]) -> dict[int, tuple[str, str]]:
    """{column: hint} when every filled cell of the row is a unit, currency, scale, calendar or date format."""
    found = {}
    for i, v in enumerate(cells):
        text = clean(v)
        if text is None:
            continue
        if not isinstance(text, str) or (hint := header_hint(text)) is None:
            return {}
        found[i] = hint
    return found


def _adds_to(g: Grid, first: int, kept: int, other: int) -> bool:
    """Whether column `other` holds a value that column `kept` does not (a hidden column, an old and a new one)."""
    for r in g.cells[first:]:
        b = _at(r, other)
        if b is not None and b != _at(r, kept):
            return True
    return False


def _rematch(m: headers.ColumnMatch, keep: headers.HeaderCell, drop: headers.HeaderCell, field: str,
             sheet: str) -> headers.ColumnMatch:
    if m.cell is keep:
        hit = headers.match_columns(headers.HeaderRow((0,), (keep,), 0.0), sheet)[0]
        return headers.ColumnMatch(keep, field, hit.how, hit.score, ())
    if m.cell is drop:
        return headers.ColumnMatch(drop, None, "none", 0.0, ())
    return m


def _alternative(name: str, fields: dict[str, Any]) -> bool:
    # A pay month in one column stands for both ends of the pay period.
    return name in ("period_start", "period_end") and "period" in fields


def _header(p: _Placed, merged: list[tuple[tuple[int, int], tuple[int, int]]]) -> headers.HeaderRow | None:
    if p.plan is not None and p.plan.header_rows:
        rows = tuple(r - 1 - p.grid.start[0] for r in p.plan.header_rows)
        try:
            return headers.header_from_rows(p.grid.cells, rows, merged, p.sheet)
        except ValueError:
            raise WorkbookError(f"the mapping file says the header of '{p.grid.name}' is in row(s) "
                                f"{p.plan.header_rows}, but the sheet has no such rows") from None
    return headers.find_header(p.grid.cells, p.sheet, merged)


def _matches(p: _Placed, header: headers.HeaderRow) -> list[headers.ColumnMatch]:
    if p.plan is None or not p.plan.columns:
        return headers.match_columns(header, p.sheet)
    return p.plan.match(header, p.sheet)


def _at(row: list[object], index: int) -> object:
    """The cleaned cell of a grid row at a column index; None beyond the row's end (CSV rows vary in length)."""
    return clean(row[index]) if index < len(row) else None


def _unnamed_columns(g: Grid, header: headers.HeaderRow, matches: list[headers.ColumnMatch], first: int,
                     notices: list[str]) -> None:
    named = {m.cell.index for m in matches}
    width = max((len(r) for r in g.cells[first:]), default=0)
    for index in range(width):
        if index in named:
            continue
        if any(_at(r, index) is not None for r in g.cells[first:]):
            letter = column_letter(g.start[1] + index)
            notices.append(f"sheet '{g.name}', column {letter} has values but no header: not read")
