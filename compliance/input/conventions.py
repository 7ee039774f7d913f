"""Per-column reading conventions, decided from evidence: the decimal separator and the date order each column
proves (then its sheet, then the workbook), and the hints its header carries (currency, scale, calendar, date
format). What is decided is what the validator reads the cells with, and what the report lists."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from compliance.input import answer_pairs, formats, headers
from compliance.input.letters import decide_sex_letters
from compliance.input.mapping import SheetMapping
from compliance.input.readings import ColumnReading
from compliance.input.sheets import SHEETS_BY_NAME, ColumnSpec, Kind, SheetSpec
from compliance.input.vocabulary import YES_NO, vocabulary_for
from compliance.input.workbook import RawSheet

STYLED = (Kind.AMOUNT, Kind.NUMBER)
DATED = (Kind.DATE, Kind.PERIOD)


@dataclass
class ColumnContext:
    """What the validator needs to read one column's cells."""

    number: formats.NumberStyle | None = None
    date: formats.DateStyle | None = None
    hint_currency: str | None = None  # from a header such as "Amount paid (NPR)"
    scale: float | None = None  # "Amount (NPR '000)": every cell is in thousands
    scale_reason: str | None = None  # why, when not thousands: "the header says years; duration_months is in months"
    refuse: str | None = None  # the header says the column holds something else ("per day"): every cell refused
    calendar: str | None = None  # "Date (B.S.)": not the Gregorian calendar, so its dates are refused
    conflicts: frozenset[int] = frozenset()  # row numbers whose cells prove the other convention
    values: dict[str, str] | None = None  # a mapping file's value table: cell text -> code
    answers: dict[str, str] | None = None  # yes/no answers the column's own cells prove (answer_pairs.py)
    answers_note: str | None = None  # why, when the workbook decided them: the column's reading does not say it


def _answers(sheet: str, col: ColumnSpec) -> bool:
    """A column answered yes or no: a yes/no column, or a consent column (written, yes or no), whose vocabulary
    reads every yes/no answer."""
    return col.kind is Kind.YESNO or _consent(sheet, col)


def _consent(sheet: str, col: ColumnSpec) -> bool:
    return col.kind is Kind.CHOICE and vocabulary_for(sheet, col.name).base == YES_NO





def decide_columns(raw: RawSheet, spec: SheetSpec, fields: dict[str, headers.ColumnMatch],
                   plan: SheetMapping | None, notices: list[str]) -> list[ColumnReading]:
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
    # A semicolon CSV proves nothing on its own: Excel writes ';' in many locales, and a
    # guess from it would read "1.500" KWD as 1,500. Only cells decide.
    sheet_number = _sheet_style(numbers, "sheet")
    sheet_date = _sheet_style(dates, "sheet")
    answers = answer_pairs.decide_sheet(spec.name, {c.name: values[c.name] for c in spec.columns
                                                    if _answers(spec.name, c) and c.name in values},
                                        [r.number for r in raw.rows])
    out: list[ColumnReading] = []
    by_field = {c.key: c for c in raw.columns}
    for col in spec.columns:
        m = fields.get(col.name)
        if col.name not in by_field:
            out.append(ColumnReading(sheet=spec.name, source=raw.name, column=col.name, header=None, how="missing"))
            continue
        ctx = ColumnContext()
        described = None
        # Precedence: the mapping file, then the column's own cells, then its header, then the sheet, then the
        # workbook. A column whose cells prove both conventions (or contradict its header) has none: each proving
        # cell is read by itself, and a cell that fits both is refused.
        if col.name in numbers:
            d = numbers[col.name]
            ctx.number = plan_numbers or (None if d.conflicts else d.style or sheet_number)
            ctx.conflicts = _conflict_rows(raw, d)
            described = _describe(ctx.number)
        if col.name in dates:
            d = dates[col.name]
            header = _header_date(m)
            if plan_dates is None and header is not None and d.style is not None and d.style.order != header.order:
                ctx.conflicts = frozenset(raw.rows[i].number for i in d.proofs)
            else:
                ctx.conflicts = _conflict_rows(raw, d)
                ctx.date = plan_dates or (None if d.conflicts else
                                          d.style or header or sheet_date or _dotted(values[col.name]))
            described = _describe(ctx.date)
            if d.style is not None and d.style.order == "dmy" and _converted(values[col.name]):
                notices.append(f"sheet '{raw.name}', column '{by_field[col.name].name}': real date cells sit among "
                               "day-first text dates; if this file was a CSV opened in Excel with month-first "
                               "settings, real dates with a day of 12 or less may have day and month swapped: check "
                               "them against the source")
        if _answers(spec.name, col) and (pair := answers.get(col.name)):
            ctx.answers, described = pair.reads, pair.said
        if (spec.name, col.name) == ("workers", "sex") and (letters := decide_sex_letters(values[col.name])):
            ctx.answers, ctx.answers_note = letters
            described = letters[1]
        _apply_hint(ctx, m.cell.hint if m is not None else None, col.kind, col.name)
        if col.kind in DATED and (named := header_calendar(by_field[col.name].name)) and ctx.calendar != named:
            # the header names the Buddhist era or the ROC calendar; beside another calendar hint it is unclear
            ctx.calendar = named if ctx.calendar is None and not _says_gregorian(m) else "unclear"
        if plan is not None:
            ctx.values = plan.values.get(col.name)
        raw.context[col.name] = ctx
        c = by_field[col.name]
        out.append(ColumnReading(
            sheet=spec.name, source=raw.name, column=col.name, header=c.name, letter=c.letter,
            how=m.how if m else "mapping", score=round(m.score, 1) if m else None,
            hint=f"{m.cell.hint[0]} {m.cell.hint[1]}" if m and m.cell.hint else None, format=described))
    return out


# The unit each number column is in; a header naming another unit is refused, or converted where exact.
NATIVE_UNITS = {"duration_months": "months", "annual_leave_days": "days", "rest_days_per_week": "days",
                "hours_per_week": "hours", "hours_worked": "hours", "monthly_wage": "months"}
CONVERSIONS = {("duration_months", "years"): 12.0}


def _apply_hint(ctx: ColumnContext, hint: tuple[str, str] | None, kind: Kind, column: str) -> None:
    if hint is None:
        return
    what, value = hint
    if what == "currency" and kind is Kind.AMOUNT and len(value) == 3 and value.isalpha() and value.isupper():
        ctx.hint_currency = value  # only an ISO code; "Rs" or "$" in a header does not name one currency
    elif what == "scale" and kind in STYLED:
        ctx.scale = float(value)
    elif what == "unit" and kind in STYLED:
        native = NATIVE_UNITS.get(column)
        if value == native:
            return
        if (column, value) in CONVERSIONS:
            ctx.scale = CONVERSIONS[(column, value)]
            ctx.scale_reason = f"the header says {value}; {column} is in {native}"
        else:  # a daily wage in a monthly column is a 30-fold error: refused, never converted by a guess
            ctx.refuse = f"the column header says {value}" + (f", and {column} is in {native}" if native else "")
    elif what == "calendar" and value != "gregorian" and kind in DATED:
        ctx.calendar = value


# Calendars a date header names in its own words, beside the header hints (vocab/headers/_hints.yaml): the Buddhist
# era of Thai records ("Birth Date (B.E.)", "พ.ศ."), the ROC (Minguo) calendar of Taiwan records ("日期 (民國)",
# "Date (ROC)"). A bare "BE" or "ROC" outside brackets is not read (the Republic of Korea is the ROK; "BE" a code).
_HEADER_CALENDARS = (
    ("buddhist_era", re.compile(r"[(\[（]\s*b\.\s?e\.?\s*[)\]）]|[(\[（]\s*be\s*[)\]）]|buddhist\s+era|พ\.\s?ศ\.?")),
    ("roc", re.compile(r"[(\[（]\s*roc\s*(?:year|calendar)?\s*[)\]）]|\broc\s+(?:year|calendar|date)s?\b"
                       r"|民[國国]|minguo")),
)


def header_calendar(header: str | None) -> str | None:
    """The one calendar a date header names in its own words (None: none, or both)."""
    text = (header or "").casefold()
    found = [name for name, pattern in _HEADER_CALENDARS if pattern.search(text)]
    return found[0] if len(found) == 1 else None


def _says_gregorian(m: headers.ColumnMatch | None) -> bool:
    return m is not None and m.cell.hint == ("calendar", "gregorian")


def _converted(column: list[object]) -> bool:
    """The signature of a day-first CSV opened by a month-first Excel: what Excel could read as a date it made one
    (day and month swapped where the day is 12 or less); what it could not stayed text."""
    return any(isinstance(v, dt.date) and v.day <= 12 for v in column)


def _header_date(m: headers.ColumnMatch | None) -> formats.DateStyle | None:
    """The date order a header states: "Departed on (MM/DD/YYYY)"."""
    if m is None or m.cell.hint is None or m.cell.hint[0] != "format":
        return None
    text = m.cell.hint[1].casefold()
    if "d" not in text or "m" not in text:
        return None
    return formats.DateStyle("dmy" if text.index("d") < text.index("m") else "mdy", m.cell.hint[1], "header")


_DOTTED = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}")


def _dotted(column: list[object]) -> formats.DateStyle | None:
    """dd.mm.yyyy: numeric dates with dots are written day first wherever they are used (no locale writes
    month-first dates with dots), so a column of them that proves nothing else is read day first."""
    texts = [v.strip() for v in column if isinstance(v, str) and any(ch.isdigit() for ch in v)]
    if texts and all(_DOTTED.fullmatch(t) for t in texts):
        return formats.DateStyle("dmy", None, "dotted dates (dd.mm.yyyy), which are written day first")
    return None


def _sheet_style(decisions: dict[str, formats.Decision], source: str) -> Any:
    styles = [d.style for d in decisions.values() if d.style is not None]
    kinds = {getattr(s, "decimal", None) or getattr(s, "order", None) for s in styles}
    if len(kinds) != 1:
        return None  # nothing proved, or the columns disagree: each column stands on its own evidence
    s = styles[0]
    return type(s)(next(iter(kinds)), s.proof, source)  # type: ignore[call-arg]


def _conflict_rows(raw: RawSheet, d: formats.Decision) -> frozenset[int]:
    return frozenset(raw.rows[i].number for i in d.conflicts)


def _describe(style: formats.NumberStyle | formats.DateStyle | None) -> str | None:
    if style is None:
        return None
    if isinstance(style, formats.NumberStyle):
        name = "decimal comma (1.234,50)" if style.decimal == "," else "decimal point (1,234.50)"
    else:
        name = "day first (31/12/2024)" if style.order == "dmy" else "month first (12/31/2024)"
    return f"{name}: {formats.origin(style)}"


def decide_dates_across_book(sheets: dict[str, RawSheet], one_file: bool = True) -> None:
    """A date column that proves nothing takes the order every other proving column of the workbook agrees on.
    Not across the files of a CSV folder: they are often exports of different systems. (Also decides the consent
    columns' answers across the workbook: the interpreter's one workbook-wide step.)"""
    decide_answers_across_book(sheets, one_file)
    if not one_file:
        return
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


def decide_answers_across_book(sheets: dict[str, RawSheet], one_file: bool = True) -> None:
    """A consent column with no answer pair of its own or of its sheet ("Hindi" in a payroll's deduction consent,
    the only answer column there) takes the one pair every answer column of the workbook proves (its "Oo" cells).
    Consent columns only: a yes/no column such as in_worker_language may name the Hindi language, and only its
    own sheet's answers show otherwise. Not across a CSV folder's files, as for dates."""
    if not one_file:
        return
    columns = [(s.name, next((c.name for c in s.columns if c.key == col.name), col.name),
                [r.values.get(col.name) for r in s.rows], [r.number for r in s.rows])
               for s in sheets.values() for col in SHEETS_BY_NAME[s.key].columns
               if col.name in s.context and _answers(s.key, col)]
    if (found := answer_pairs.decide_book(columns)) is None:
        return
    pair, where = found
    for s in sheets.values():
        for col in SHEETS_BY_NAME[s.key].columns:
            ctx = s.context.get(col.name)
            if ctx is None or ctx.answers is not None or not _consent(s.key, col) or \
                    f"{s.key}.{col.name}" in pair.exceptions:
                continue
            ctx.answers, ctx.answers_note = pair.reads, answer_pairs.said(pair, where)
