"""Readers of single spreadsheet cells.

Each reader takes a raw cell value as the workbook reader delivers it (str, int, float, bool, date, datetime or
None). The read_* readers return a Reading: the value, plus a note whenever the cell was interpreted rather than
read as written (a currency taken out, a decimal comma proved elsewhere in the column, an Excel serial), so the
report can list it. Numbers and dates follow the style formats.py decided for the column; a value that stays
ambiguous is refused with CellError and a plain reason, never guessed. The older parse_* functions return the bare
value and refuse anything that would need a note, since they cannot pass one on. A blank cell is never an error
here: it means "not known" and every reader returns None for it.

Dates and pay periods are read in dates.py, choice and yes/no cells through the vocabularies of values.py; their
readers are importable from here too.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from functools import lru_cache

from compliance.input import values
from compliance.input.celltext import Reading, as_written, is_blank, join_notes, parse_id, parse_text
from compliance.input.dates import parse_date, parse_period, read_date, read_period
from compliance.input.formats import (
    ARTICLE,
    CellError,
    NumberStyle,
    choose_reading,
    currency_candidates,
    currency_in,
    fmt_num,
    split_number,
)
from compliance.input.sheets import SHEETS, ColumnSpec, Kind

__all__ = [
    "CellError", "Reading", "currency_codes", "normalize_header", "parse_amount", "parse_cell", "parse_choice",
    "parse_currency", "parse_date", "parse_id", "parse_list", "parse_number", "parse_period", "parse_text",
    "parse_yes_no", "read_amount", "read_currency", "read_date", "read_number", "read_period",
]


# ---------------------------------------------------------------------------------------------- numbers


@lru_cache(maxsize=4096)
def _currency_text(text: str) -> Reading:
    codes = currency_candidates(text)
    if len(codes) == 1:
        return Reading(codes[0], None if text == codes[0] else text)  # the note is the spelling read
    if codes:
        raise CellError(f"{text!r} can mean {', '.join(codes)}: write the ISO code (e.g. {codes[0]})")
    if len(text) == 3 and text.isascii() and text.isalpha():
        return Reading(text.upper())  # an ISO code the table does not list is kept as written
    raise CellError(f"not a currency: {text!r} (write the ISO code, e.g. NPR, QAR, USD)")


def read_currency(v: object) -> Reading:
    """A currency column's cell: "NPR", "npr", "Nepali rupees", "QR", "৳" -> the ISO code (note: the spelling);
    "Rs" (four currencies) is refused."""
    text = parse_text(v)
    return Reading(None) if text is None else _currency_text(" ".join(text.split()))


def parse_currency(v: object) -> str | None:
    return read_currency(v).value  # type: ignore[return-value]


def currency_codes(text: str) -> tuple[str, ...]:
    """The ISO codes a currency cell can mean: "NPR", "Rs", "रु", "Nepali rupees", "QR" ...; () when unknown."""
    return currency_candidates(text) if isinstance(text, str) else ()


# "Nil" is the zero of South Asian and British accounts ("Deductions: Nil", "Amount paid: Nil"), read so in money
# columns only (with a note). Elsewhere it is not a number: "Rest days: Nil" is left to the user. "-" and "none"
# stay refused in every column: they may mean not recorded.
NIL_AMOUNT = frozenset({"nil"})


def _read_quantity(v: object, noun: str, style: NumberStyle | None, currency: str | None, money: bool) -> Reading:
    what = ARTICLE[noun]
    if is_blank(v):
        return Reading(None)
    note, codes = None, ()
    if isinstance(v, bool):
        raise CellError(f"not {what}: {parse_text(v)}")
    if isinstance(v, float):
        value = v
    elif isinstance(v, int):
        value = float(v) if abs(v) < 10**300 else math.inf  # float() of a huge int raises OverflowError
    elif isinstance(v, str):
        s = v.strip()
        if money and s.casefold().rstrip(".") in NIL_AMOUNT:
            return Reading(0.0, f"{s!r} read as 0")
        parts = split_number(s)
        if parts.whole and not money:
            raise CellError(f"not {what}: {s!r} (type only the number)")
        codes, note = currency_in(parts, s, money)
        chosen, how = choose_reading(s, parts, noun, style, (currency,) if currency else codes)
        value, note = (-chosen.value if parts.sign in ("-", "−") else chosen.value), join_notes(note, how)
    elif isinstance(v, dt.date):
        raise CellError(f"not {what}: the cell holds a date ({parse_text(v)})")
    else:
        raise CellError(f"not {what}: {str(v)!r}")
    if not math.isfinite(value):
        raise CellError(f"not {what}: {fmt_num(value)}")
    if value < 0:
        raise CellError(f"negative {noun}: {fmt_num(value)}")
    return Reading(value + 0.0, note, codes)  # + 0.0 turns -0.0 into 0.0


def read_amount(v: object, style: NumberStyle | None = None, currency: str | None = None) -> Reading:
    """Money: a currency may be written in the cell (Reading.currencies); `currency` (the row's currency column)
    settles "120.000" by its minor units when nothing else does."""
    return _read_quantity(v, "amount", style, currency, money=True)


def read_number(v: object, style: NumberStyle | None = None) -> Reading:
    return _read_quantity(v, "number", style, None, money=False)


def parse_amount(v: object) -> float | None:
    return as_written(read_amount(v), v)


def parse_number(v: object) -> float | None:
    return as_written(read_number(v), v)


# ---------------------------------------------------------------------------------------------- yes/no and choices
# Read through values.py, as the checker reads them, but only by an exact entry (the code itself or a spelling
# listed in vocab/values/): a keyword, a leading yes/no word or a typo is an interpretation, which a parse_*
# function cannot report.

# The contract's own columns, so that a ColumnSpec of sheets.py finds its vocabulary (a hand-built one has none).
_CONTRACT_COLUMNS: dict[ColumnSpec, tuple[str, str]] = {
    c: (s.name, c.name) for s in reversed(SHEETS) for c in s.columns if c.kind in (Kind.CHOICE, Kind.YESNO)}


def _exact(reading: values.ChoiceReading, text: str) -> str:
    if reading.how in ("code", "synonym"):
        return reading.code
    if reading.how == "fuzzy":
        raise CellError(f"{text!r} looks like a typo of {reading.matched!r} ({reading.code}): write it in full")
    raise CellError(f"{text!r} would be read as {reading.code} by its word {reading.matched!r} alone, which is not "
                    f"written in full: write {reading.code}")


def parse_yes_no(v: object, spec: ColumnSpec | None = None) -> bool | None:
    """True/False from a yes/no cell, through the yes/no vocabulary of `spec`'s column when it is the contract's."""
    sheet, column = _CONTRACT_COLUMNS.get(spec, (None, None)) if spec is not None else (None, None)
    got = values.read_yes_no(v, sheet, column)
    if got is None:
        return None
    _exact(got[1], str(v).strip())
    return got[0]


_MAX_LISTED = 8


def _accepted(choices: tuple[str, ...]) -> str:
    if len(choices) <= _MAX_LISTED:
        return ", ".join(choices[:-1]) + f" or {choices[-1]}" if len(choices) > 1 else choices[0]
    return ", ".join(choices[:_MAX_LISTED]) + f", ... ({len(choices)} in all, see the instructions sheet)"


def parse_choice(v: object, spec: ColumnSpec) -> str | None:
    """The code of a choice cell: a contract column reads its vocabulary (vocab/values/); a hand-built column
    reads its codes only, in any case and spacing."""
    text = parse_text(v)
    if text is None:
        return None
    if (where := _CONTRACT_COLUMNS.get(spec)) is not None:
        reading = values.read_choice(text, *where)
        return None if reading is None else _exact(reading, text)
    norm = re.sub(r"_+", "_", re.sub(r"[\s\-]+", "_", text.casefold())).strip("_")
    if norm in spec.choices:
        return norm
    raise CellError(f"not an accepted value: {text!r} (use {_accepted(spec.choices)})")


# ---------------------------------------------------------------------------------------------- lists

_LIST_SEPARATORS = re.compile(r"[,;/、，；]|\s+and\s+", re.IGNORECASE)


def parse_list(v: object) -> tuple[str, ...] | None:
    text = parse_text(v)
    if text is None:
        return None
    items: dict[str, str] = {}
    for part in _LIST_SEPARATORS.split(text):
        item = " ".join(part.split())
        if item:
            items.setdefault(item.casefold(), item)  # first spelling wins
    return tuple(items.values()) or None


# ---------------------------------------------------------------------------------------------- headers


def normalize_header(text: str) -> str:
    return re.sub(r"_+", "_", re.sub(r"[\s\-.]+", "_", text.casefold().strip())).strip("_")


_PARSERS: dict[Kind, Callable[[object], object]] = {
    Kind.ID: parse_id,
    Kind.REF: parse_id,
    Kind.TEXT: parse_text,
    Kind.DATE: parse_date,
    Kind.AMOUNT: parse_amount,
    Kind.NUMBER: parse_number,
    Kind.LIST: parse_list,
    Kind.CURRENCY: parse_currency,
    Kind.PERIOD: parse_period,
}


def parse_cell(v: object, spec: ColumnSpec) -> object:
    if spec.kind is Kind.CHOICE:
        return parse_choice(v, spec)
    if spec.kind is Kind.YESNO:
        return parse_yes_no(v, spec)
    return _PARSERS[spec.kind](v)
