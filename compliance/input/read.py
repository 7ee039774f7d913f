"""Read one cell against its column: the decided conventions, the vocabularies, the row's currency.

One entry point for the validator, so that every cell is read the same way and every interpretation comes back
with it: `Read.note` says how a cell was interpreted (None: read as written), `Read.mapped` which code a free-text
value was mapped to and by what.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any, NamedTuple

from compliance.input import answer_pairs, cells, dates, letters, values
from compliance.input.cells import CellError
from compliance.input.sheets import ColumnSpec, Kind

# The currency column each amount column is in (the workers sheet names its own).
CURRENCY_OF = {"first_month_earnings": "earnings_currency"}


class Read(NamedTuple):  # a tuple, not a dataclass: one is made per cell, a million per big workbook
    value: Any
    note: str | None = None
    mapped: tuple[str, str, str | None] | None = None  # (code, how, matched vocabulary entry)
    currency: str | None = None  # a currency the cell or its header named, for a row whose currency is blank


def read_cell(v: object, spec: ColumnSpec, sheet: str, ctx: Any = None, currency: str | None = None) -> Read:
    """`ctx` is the column's conventions.ColumnContext (None for hand-built sheets); `currency` the row's currency
    column as written. Raises CellError for a cell that cannot be read or stays ambiguous."""
    kind = spec.kind
    if ctx is not None and ctx.refuse and cells.parse_text(v) is not None:
        raise CellError(ctx.refuse)
    if kind is Kind.ID or kind is Kind.REF:
        return Read(cells.parse_id(v))
    if kind is Kind.TEXT:
        return Read(cells.parse_text(v))
    if kind is Kind.DATE and type(v) is dt.date and 1900 <= v.year <= 2100 and (ctx is None or not ctx.calendar):
        return Read(v)  # a real date cell, the common case: nothing to decide
    if kind is Kind.CURRENCY:
        return _currency(v)
    if kind is Kind.CHOICE:
        return _choice(v, spec, sheet, ctx)
    if kind is Kind.YESNO:
        if ctx is not None and ctx.values and (code := _mapped(v, ctx.values)) is not None:
            return Read(code == "yes", None, (code, "mapping", None))
        if ctx is not None and ctx.answers and (code := ctx.answers.get(answer_pairs.key(v) or "")) is not None:
            return Read(code == "yes", None, (code, "pair", answer_pairs.key(v)))
        if _hashable(v):
            got, error = _cached_yes_no(v, sheet, spec.name)
        else:
            got, error = values.read_yes_no(v, sheet, spec.name), None
        if error is not None:
            raise CellError(error)
        if got is None:
            return Read(None)
        flag, how = got
        return Read(flag, None, None if how.how == "code" else (how.code, how.how, how.matched))
    if kind in (Kind.DATE, Kind.PERIOD):
        if kind is Kind.DATE and ctx is not None and ctx.calendar in dates.CALENDARS_READ:
            r = dates.read_date(v, ctx.date, calendar=ctx.calendar)  # a text date in the calendar its header names
            return Read(r.value, r.note)
        if ctx is not None and ctx.calendar == "unclear" and cells.parse_text(v) is not None:
            raise CellError("the column header names two calendars; give Gregorian dates (e.g. 2024-03-05)")
        if ctx is not None and ctx.calendar and cells.parse_text(v) is not None:
            raise CellError(f"the column header says the {ctx.calendar.replace('_', ' ').title()} calendar; give "
                            "Gregorian dates (e.g. 2024-03-05)")
        reader = cells.read_date if kind is Kind.DATE else cells.read_period
        r = reader(v, ctx.date if ctx else None)
        return Read(r.value, r.note)
    if kind is Kind.NUMBER:
        r = cells.read_number(v, ctx.number if ctx else None)
        return _scaled(Read(r.value, r.note), ctx)
    if kind is Kind.AMOUNT:
        return _scaled(_amount(v, ctx, currency), ctx)
    return Read(cells.parse_cell(v, spec))


def _scaled(r: Read, ctx: Any) -> Read:
    """A header such as "Amount (NPR '000)" says every cell is in thousands."""
    if ctx is None or not ctx.scale or r.value is None:
        return r
    note = f"x {ctx.scale:,.0f} (" + (ctx.scale_reason or f"the header says the amounts are in {ctx.scale:,.0f}s") + ")"
    return Read(r.value * ctx.scale, f"{r.note}; {note}" if r.note else note, r.mapped, r.currency)


def _currency(v: object) -> Read:
    r = cells.read_currency(v)
    return Read(r.value) if r.note is None else Read(r.value, None, (r.value, "synonym", r.note))


@lru_cache(maxsize=1024)
def _row_currencies(currency: str | None) -> frozenset[str]:
    """The codes the row's currency cell can mean ("Rs" is four), as the currency column is read."""
    text = (currency or "").strip()
    if not text:
        return frozenset()
    return frozenset(cells.currency_codes(text)) or frozenset({text.upper()})


def _amount(v: object, ctx: Any, currency: str | None) -> Read:
    row_codes = _row_currencies(currency)
    row_currency = next(iter(row_codes)) if len(row_codes) == 1 else None
    hint = ctx.hint_currency if ctx is not None else None
    r = cells.read_amount(v, ctx.number if ctx else None, row_currency or hint)
    named = set(r.currencies)
    if hint:
        named = named & {hint} if named else {hint}
        if not named:
            raise CellError(f"{str(v).strip()!r} names another currency than the column header ({hint})")
    if not named:
        return Read(r.value, r.note)
    if row_codes:
        if not row_codes & named:
            raise CellError(f"{str(v).strip()!r} is in {' or '.join(sorted(named))}, but the currency column says "
                            f"{currency.strip() if currency else ''}")
        return Read(r.value, r.note)
    # The row's currency is blank: the cell or its header says it, when it can mean only one currency.
    only = next(iter(named)) if len(named) == 1 else None
    return Read(r.value, r.note, currency=only)


@lru_cache(maxsize=65536)
def _cached_choice(v: object, sheet: str, column: str) -> tuple[values.ChoiceReading | None, CellError | None]:
    """Records repeat a few spellings thousands of times: each is read once (and refused once)."""
    try:
        return values.read_choice(v, sheet, column), None
    except CellError as e:
        return None, e


@lru_cache(maxsize=4096)
def _cached_yes_no(v: object, sheet: str | None, column: str) -> tuple[tuple[bool, values.ChoiceReading] | None,
                                                                        str | None]:
    try:
        return values.read_yes_no(v, sheet, column), None
    except CellError as e:
        return None, e.reason


def _hashable(v: object) -> bool:
    # Only text is cached: 1, 1.0 and True are equal keys to a cache but not the same cell.
    return isinstance(v, str)


def _mapped(v: object, table: dict[str, str]) -> str | None:
    text = cells.parse_text(v)
    if text is None:
        return None
    return table.get(" ".join(text.split()).casefold())


def _choice(v: object, spec: ColumnSpec, sheet: str, ctx: Any) -> Read:
    if ctx is not None and ctx.values and (code := _mapped(v, ctx.values)) is not None:
        if code not in spec.choices:
            raise CellError(f"the mapping file maps {cells.parse_text(v)!r} to {code!r}, which is not one of "
                            f"{', '.join(spec.choices)}")
        return Read(code, None, (code, "mapping", None))
    # A consent column's "Hindi" beside the workbook's "Oo" (answer_pairs.py): its no, as in a yes/no column.
    if ctx is not None and ctx.answers and (code := ctx.answers.get(answer_pairs.key(v) or "")) in spec.choices:
        return Read(code, ctx.answers_note, (code, "pair", answer_pairs.key(v)))
    if ctx is not None and ctx.answers and ctx.answers.get(answer_pairs.key(v) or "") == letters.REFUSED:
        raise letters.refuse_letter(str(v).strip(), ctx.answers_note or "")
    got, error = _cached_choice(v, sheet, spec.name) if _hashable(v) else (values.read_choice(v, sheet, spec.name),
                                                                          None)
    if error is not None:
        raise CellError(error.reason, error.candidates)
    if got is None:
        return Read(None)
    return Read(got.code, None, None if got.how == "code" else (got.code, got.how, got.matched))
