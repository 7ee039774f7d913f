"""Per-column reading conventions, decided from evidence: the decimal separator and the date order each column
proves (then its sheet, then the workbook), and the hints its header carries (currency, scale, calendar, date
format). What is decided is what the validator reads the cells with, and what the report lists."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from compliance.input import formats, headers
from compliance.input.mapping import SheetMapping
from compliance.input.readings import ColumnReading
from compliance.input.sheets import SHEETS_BY_NAME, Kind, SheetSpec
from compliance.input.workbook import Grid, RawSheet

STYLED = (Kind.AMOUNT, Kind.NUMBER)
DATED = (Kind.DATE, Kind.PERIOD)


@dataclass
class ColumnContext:
    """What the validator needs to read one column's cells."""

    number: formats.NumberStyle | None = None
    date: formats.DateStyle | None = None
    hint_currency: str | None = None  # from a header such as "Amount paid (NPR)"
    scale: float | None = None  # "Amount (NPR '000)": every cell is in thousands
    calendar: str | None = None  # "Date (B.S.)": not the Gregorian calendar, so its dates are refused
    conflicts: frozenset[int] = frozenset()  # row numbers whose cells prove the other convention
    values: dict[str, str] | None = None  # a mapping file's value table: cell text -> code





def decide_columns(raw: RawSheet, spec: SheetSpec, fields: dict[str, headers.ColumnMatch],
                   plan: SheetMapping | None, g: Grid) -> list[ColumnReading]:
    """Decide each column's number or date convention from its own cells, then from the sheet's other columns."""
    values = {c.key: [r.values.get(c.key) for r in raw.rows] for c in raw.columns}
    numbers: dict[str, formats.Decision] = {}
    dates: dict[str, formats.Decision] = {}
    for col in spec.columns:
        if col.name not in values:
            continue
        if col.kind in STYLED:
            numbers[col.name] = formats.decide_number_style(values[col.name])
        elif col.kind in DATED:
            dates[col.name] = formats.decide_date_style(values[col.name])
    plan_numbers = plan.number_style() if plan else None
    plan_dates = plan.date_style() if plan else None
    sheet_number = _sheet_style(numbers, "sheet") or (
        formats.NumberStyle(",", None, "file: semicolon-separated CSV") if g.decimal_comma_hint and any(
            _has_separator_text(v) for v in values.get(next(iter(numbers), ""), ())) else None)
    sheet_date = _sheet_style(dates, "sheet")
    out: list[ColumnReading] = []
    by_field = {c.key: c for c in raw.columns}
    for col in spec.columns:
        m = fields.get(col.name)
        if col.name not in by_field:
            out.append(ColumnReading(sheet=spec.name, source=raw.name, column=col.name, header=None, how="missing"))
            continue
        ctx = ColumnContext()
        described = None
        if col.name in numbers:
            d = numbers[col.name]
            ctx.number = plan_numbers or d.style or sheet_number
            ctx.conflicts = _conflict_rows(raw, d)
            described = _describe(ctx.number, "numbers")
        if col.name in dates:
            d = dates[col.name]
            ctx.date = plan_dates or d.style or sheet_date or _dotted(values[col.name])
            ctx.conflicts = _conflict_rows(raw, d)
            described = _describe(ctx.date, "dates")
        _apply_hint(ctx, m.cell.hint if m is not None else None, col.kind)
        if plan is not None:
            ctx.values = plan.values.get(col.name)
        raw.context[col.name] = ctx
        c = by_field[col.name]
        out.append(ColumnReading(
            sheet=spec.name, source=raw.name, column=col.name, header=c.name, letter=c.letter,
            how=m.how if m else "mapping", score=round(m.score, 1) if m else None,
            hint=f"{m.cell.hint[0]} {m.cell.hint[1]}" if m and m.cell.hint else None, format=described))
    return out


def _apply_hint(ctx: ColumnContext, hint: tuple[str, str] | None, kind: Kind) -> None:
    if hint is None:
        return
    what, value = hint
    if what == "currency" and kind is Kind.AMOUNT and len(value) == 3 and value.isalpha() and value.isupper():
        ctx.hint_currency = value  # only an ISO code; "Rs" or "$" in a header does not name one currency
    elif what == "scale" and kind in STYLED:
        ctx.scale = float(value)
    elif what == "calendar" and value != "gregorian" and kind in DATED:
        ctx.calendar = value
    elif what == "format" and kind in DATED and ctx.date is None:
        text = value.casefold()
        if text.index("d") < text.index("m") if "d" in text and "m" in text else False:
            ctx.date = formats.DateStyle("dmy", value, "header")
        elif "d" in text and "m" in text:
            ctx.date = formats.DateStyle("mdy", value, "header")


_DOTTED = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}")


def _dotted(column: list[object]) -> formats.DateStyle | None:
    """dd.mm.yyyy: numeric dates with dots are written day first wherever they are used (no locale writes
    month-first dates with dots), so a column of them that proves nothing else is read day first."""
    texts = [v.strip() for v in column if isinstance(v, str) and any(ch.isdigit() for ch in v)]
    if texts and all(_DOTTED.fullmatch(t) for t in texts):
        return formats.DateStyle("dmy", None, "dotted dates (dd.mm.yyyy), which are written day first")
    return None


def _has_separator_text(v: object) -> bool:
    return isinstance(v, str) and any(ch in v for ch in ".,")


def _sheet_style(decisions: dict[str, formats.Decision], source: str) -> Any:
    styles = [d.style for d in decisions.values() if d.style is not None]
    kinds = {getattr(s, "decimal", None) or getattr(s, "order", None) for s in styles}
    if len(kinds) != 1:
        return None  # nothing proved, or the columns disagree: each column stands on its own evidence
    s = styles[0]
    return type(s)(next(iter(kinds)), s.proof, source)  # type: ignore[call-arg]


def _conflict_rows(raw: RawSheet, d: formats.Decision) -> frozenset[int]:
    return frozenset(raw.rows[i].number for i in d.conflicts)


def _describe(style: formats.NumberStyle | formats.DateStyle | None, what: str) -> str | None:
    if style is None:
        return None
    if isinstance(style, formats.NumberStyle):
        name = "decimal comma (1.234,50)" if style.decimal == "," else "decimal point (1,234.50)"
    else:
        name = "day first (31/12/2024)" if style.order == "dmy" else "month first (12/31/2024)"
    return f"{name}: {formats.origin(style)}"


def decide_dates_across_book(sheets: dict[str, RawSheet]) -> None:
    """A date column that proves nothing takes the order every other proving column of the workbook agrees on."""
    styles = [c.date for s in sheets.values() for c in s.context.values() if c.date is not None]
    orders = {s.order for s in styles}
    if len(orders) != 1:
        return
    proof = next(s.proof for s in styles)
    book_style = formats.DateStyle(next(iter(orders)), proof, "workbook")
    for s in sheets.values():
        for name, ctx in s.context.items():
            if ctx.date is None and _kind(SHEETS_BY_NAME[s.key], name) in DATED:
                ctx.date = book_style


def _kind(spec: SheetSpec, key: str) -> Kind | None:
    return next((c.kind for c in spec.columns if c.name == key), None)
