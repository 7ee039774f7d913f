"""Readers of single spreadsheet cells.

Each reader takes a raw cell value as the workbook reader delivers it (str, int, float, bool, date, datetime or
None). The read_* readers return a Reading: the value, plus a note whenever the cell was interpreted rather than
read as written (a currency taken out, a decimal comma proved elsewhere in the column, an Excel serial), so the
report can list it. Numbers and dates follow the style formats.py decided for the column; a value that stays
ambiguous is refused with CellError and a plain reason, never guessed. The older parse_* functions return the bare
value and refuse anything that would need a note, since they cannot pass one on. A blank cell is never an error
here: it means "not known" and every reader returns None for it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from compliance.input.formats import (
    ARTICLE,
    CellError,
    DateStyle,
    NumberStyle,
    ascii_digits,
    choose_reading,
    currency_candidates,
    currency_in,
    decide_date_style,
    fmt_num,
    order_proved,
    origin,
    split_number,
)
from compliance.input.sheets import ColumnSpec, Kind


def _is_blank(v: object) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


# ---------------------------------------------------------------------------------------------- text


def parse_text(v: object) -> str | None:
    if _is_blank(v):
        return None
    if isinstance(v, str):
        return v.strip()
    if isinstance(v, bool):  # before int: bool is an int subclass
        return "TRUE" if v else "FALSE"
    if isinstance(v, float):
        # IDs typed in Excel arrive as floats (123.0); the user typed 123.
        return fmt_num(v)
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v).strip()


def parse_id(v: object) -> str | None:
    text = parse_text(v)
    # "W  001" and "W 001" are the same worker; stray double spaces are typing noise.
    return " ".join(text.split()) if text is not None else None


# ---------------------------------------------------------------------------------------------- readings


@dataclass(frozen=True)
class Reading:
    """A cell's value and, when it was interpreted rather than read as written, a note saying how (for the report)."""

    value: object
    note: str | None = None
    currencies: tuple[str, ...] = ()  # ISO codes the currency written in the cell can mean


def _notes(*notes: str | None) -> str | None:
    return "; ".join(n for n in notes if n) or None


def _as_written(reading: Reading, v: object, harmless: str | None = None) -> Any:
    """The value of a reading that needed no interpretation; the parse_* wrappers cannot report a note.
    Notes starting with `harmless` only describe the reading ("month 'May 2024' read as ...")."""
    if reading.currencies:
        raise CellError(f"{str(v).strip()!r} includes a currency; put only the number here and the currency "
                        "in the currency column")
    if note := _notes(*(n for n in (reading.note or "").split("; ") if not harmless or not n.startswith(harmless))):
        raise CellError(f"{str(v).strip()!r} is not read as written ({note}); type it in full")
    return reading.value


# ---------------------------------------------------------------------------------------------- dates

_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")
_MONTHS = {n: i for i, m in enumerate(_MONTH_NAMES, 1) for n in (m.casefold(), m[:3].casefold())} | {"sept": 9}
_TIME = r"(?:[ t]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[ap]\.?m\.?)?)?"  # CSV exports often add 00:00:00
_ISO = re.compile(rf"(\d{{4}})([-/.])(\d{{1,2}})\2(\d{{1,2}}){_TIME}")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_NUMERIC = re.compile(rf"(\d{{1,2}})([-/.])(\d{{1,2}})\2(\d{{4}}){_TIME}")
_NUMERIC_SHORT_YEAR = re.compile(rf"\d{{1,2}}([-/.])\d{{1,2}}\1\d{{2}}{_TIME}")
_DAY_MONTH_NAME = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?[-/. ]+([a-z]+)\.?,?[-/. ]+(\d{{4}}|\d{{2}}){_TIME}")
_MONTH_NAME_DAY = re.compile(rf"([a-z]+)\.?[-/. ]+(\d{{1,2}})(?:st|nd|rd|th)?,?[-/. ]+(\d{{4}}){_TIME}")
_YEAR_MONTH_NAME = re.compile(rf"(\d{{4}})[-/. ]+([a-z]+)\.?[-/. ]+(\d{{1,2}}){_TIME}")
_CHINESE = re.compile(rf"(\d{{4}})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*[日号號]?{_TIME}")
_NUMBER_TEXT = re.compile(r"[-+]?\d+(?:\.\d+)?")
_NUMBER_NOT_DATE = "a number, not a date; format the cell as a date or type 2024-03-05"
_EPOCH = dt.date(1899, 12, 30)  # Excel's 1900 date system, counted so that its 1900-02-29 bug drops out
_SERIALS = ((dt.date(1950, 1, 1) - _EPOCH).days, (dt.date(2100, 12, 31) - _EPOCH).days)


class _NotADate(CellError):
    """Nothing like a date (rather than an impossible or ambiguous one): a period reader says "not a period"."""


def _in_range(d: dt.date) -> dt.date:
    if not 1900 <= d.year <= 2100:
        raise CellError(f"year {d.year} is out of range (expected 1900 to 2100)")
    return d


def _checked_date(y: int, m: int, d: int, text: str) -> dt.date:
    try:
        date = dt.date(y, m, d)
    except ValueError:
        raise CellError(f"not a date: {text!r}") from None
    return _in_range(date)


def _full_year(yy: str) -> tuple[int, str | None]:
    if len(yy) == 4:
        return int(yy), None
    year = 2000 + int(yy) if int(yy) <= 69 else 1900 + int(yy)
    return year, f"two-digit year {yy} read as {year}"


def _numeric_date(m: re.Match[str], text: str, style: DateStyle | None) -> Reading:
    first, second, year = int(m[1]), int(m[3]), int(m[4])
    proved = order_proved(first, second)
    if first == second or min(first, second) > 12:
        return Reading(_checked_date(year, first, second, text))
    if proved and style and proved != style.order:
        raise CellError(f"{text!r} is written {_ORDER_WORDS[proved]}, but this column is {_ORDER_WORDS[style.order]} "
                        f"({origin(style)}); check the cell")
    order = proved or (style.order if style else None)
    if order is None:
        a, b = (dt.date(year, second, first), dt.date(year, first, second))
        raise CellError(f"ambiguous date: {text!r} could be {a.day} {_MONTH_NAMES[a.month - 1]} or {b.day} "
                        f"{_MONTH_NAMES[b.month - 1]} {year}; no cell in this column shows the order: write "
                        f"{a.isoformat()} or {b.isoformat()}")
    day, month = (first, second) if order == "dmy" else (second, first)
    note = None if proved or style is None else f"read {_ORDER_WORDS[order]} ({origin(style)})"
    return Reading(_checked_date(year, month, day, text), note)


_ORDER_WORDS = {"dmy": "day first", "mdy": "month first"}


def _named_date(y: str, month: str, d: str, text: str) -> Reading | None:
    if month not in _MONTHS:
        return None
    if len(y) != 4:  # "05-Mar-65" is 1965 or 2065: a birth date read in the wrong century makes a child of an adult
        raise CellError(f"two-digit year in {text!r}: write the full year (e.g. {d}-{month.title()}-19{y} or 20{y})")
    return Reading(_checked_date(int(y), _MONTHS[month], int(d), text))


def _date_from_text(s: str, style: DateStyle | None, serials: bool) -> Reading:
    low = " ".join(ascii_digits(s).casefold().split())
    for pattern in (_ISO, _COMPACT, _CHINESE):  # year first, then month: nothing to decide
        if m := pattern.fullmatch(low):
            year, month, day = (int(g) for g in m.groups() if g.isdigit())
            return Reading(_checked_date(year, month, day, s))
    if m := _NUMERIC.fullmatch(low):
        return _numeric_date(m, s, style)
    named = (
        ((m := _DAY_MONTH_NAME.fullmatch(low)) and _named_date(m[3], m[2], m[1], s))
        or ((m := _MONTH_NAME_DAY.fullmatch(low)) and _named_date(m[3], m[1], m[2], s))
        or ((m := _YEAR_MONTH_NAME.fullmatch(low)) and _named_date(m[1], m[2], m[3], s))
    )
    if named:
        return named
    if _NUMERIC_SHORT_YEAR.fullmatch(low):
        raise CellError(f"two-digit year in {s!r} is ambiguous; type the full year, e.g. 05/03/2024")
    if _NUMBER_TEXT.fullmatch(low):  # a CSV keeps an unformatted date as its serial number, as text
        return _serial(float(low), serials)
    raise _NotADate(f"not a date: {s!r} (type it like 2024-03-05)")


def _serial(x: float, serials: bool) -> Reading:
    if serials and math.isfinite(x) and _SERIALS[0] <= x < _SERIALS[1] + 1:
        date = _EPOCH + dt.timedelta(days=int(x))
        dropped = "" if x.is_integer() else " (its time of day dropped)"
        return Reading(date, f"Excel serial {fmt_num(x)} read as {date.isoformat()}{dropped}")
    # Outside 1950..2100 a number is more likely a mistake than a date: guessing would hide it.
    raise _NotADate(f"{fmt_num(x)} is {_NUMBER_NOT_DATE}")


def read_date(v: object, style: DateStyle | None = None, *, serials: bool = True) -> Reading:
    """A date cell. Numbers are Excel serials when `serials`; d/m/y text follows the cell's own proof or `style`."""
    if _is_blank(v):
        return Reading(None)
    if isinstance(v, bool):
        raise _NotADate(f"not a date: {parse_text(v)}")
    if isinstance(v, dt.datetime):  # before date: datetime is a date subclass
        return Reading(_in_range(v.date()))
    if isinstance(v, dt.date):
        return Reading(_in_range(v))
    if isinstance(v, int | float):
        return _serial(float(v) if abs(v) < 1e300 else math.inf, serials)
    if isinstance(v, str):
        return _date_from_text(v.strip(), style, serials)
    raise _NotADate(f"not a date: {str(v)!r}")


def parse_date(v: object) -> dt.date | None:
    return _as_written(read_date(v, serials=False), v)


# ---------------------------------------------------------------------------------------------- periods

_YEAR_MONTH = re.compile(r"(\d{4})[-/.](\d{1,2})|(\d{4})(\d{2})|(\d{4})\s*年\s*(\d{1,2})\s*月份?")
_MONTH_YEAR = re.compile(r"(\d{1,2})[-/.](\d{4})")
_NAME_YEAR = re.compile(r"([a-z]+)\.?(?:[-/ ,]+|\s*['’])(\d{4})|([a-z]+)\.?(?:-|\s*['’])(\d{2})")
_RANGE = re.compile(r"(.+?)(?:\s+(?:-|to|till|until)\s+|\s*[–—~～至到]\s*)(.+)")


def _month(year: int, month: int, text: str) -> tuple[dt.date, dt.date]:
    if not 1 <= month <= 12:
        raise CellError(f"not a month: {text!r} (type it like 2024-05)")
    first = _in_range(dt.date(year, month, 1))
    return first, (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)


def _month_text(s: str) -> Reading | None:
    low = " ".join(ascii_digits(s).casefold().split())
    year_note = None
    if m := _YEAR_MONTH.fullmatch(low):
        year, month = (int(g) for g in m.groups() if g is not None)
    elif m := _MONTH_YEAR.fullmatch(low):
        year, month = int(m[2]), int(m[1])
    elif (m := _NAME_YEAR.fullmatch(low)) and (m[1] or m[3]) in _MONTHS:
        year, year_note = _full_year(m[2] or m[4])
        month = _MONTHS[m[1] or m[3]]
    else:
        return None
    first, last = _month(year, month, s)
    return Reading((first, last), _notes(year_note, f"month {s!r} read as {first.isoformat()}..{last.isoformat()}"))


def _range(a: str, b: str, style: DateStyle | None) -> Reading:
    if style is None:  # one half may prove the order of the other: "01/05/2024 - 31/05/2024"
        style = decide_date_style([a, b], source="cell").style
    first, last = read_date(a, style, serials=False), read_date(b, style, serials=False)
    if first.value > last.value:  # type: ignore[operator]
        raise CellError(f"the period {a!r} to {b!r} ends before it starts")
    return Reading((first.value, last.value), _notes(first.note, last.note))


def read_period(v: object, style: DateStyle | None = None) -> Reading:
    """A pay period in one cell: a month ("May 2024", "2024-05", "Aug-24") or a range of two dates ->
    Reading((first_day, last_day)). A single date means the month that contains it, with a note."""
    if _is_blank(v):
        return Reading(None)
    yyyymm = isinstance(v, int) and not isinstance(v, bool) and 190001 <= v <= 210012  # 202405 in a General cell
    try:  # an ambiguous or impossible date keeps its own reason
        if isinstance(v, str) or yyyymm:
            s = str(v).strip()
            if month := _month_text(s):
                return month
            if m := _RANGE.fullmatch(s):
                return _range(m[1].strip(), m[2].strip(), style)
        day = read_date(v, style)
    except _NotADate:
        raise CellError(f"not a period: {str(v).strip()!r} (type a month like 2024-05, or two dates like "
                        "2024-05-01 to 2024-05-31)") from None
    first, last = _month(day.value.year, day.value.month, str(v))  # type: ignore[union-attr]
    note = f"date {day.value.isoformat()} taken as its month {first.isoformat()}..{last.isoformat()}"  # type: ignore
    return Reading((first, last), _notes(day.note, note))


def parse_period(v: object) -> tuple[dt.date, dt.date] | None:
    return _as_written(read_period(v), v, harmless="month '")


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


def _read_quantity(v: object, noun: str, style: NumberStyle | None, currency: str | None, money: bool) -> Reading:
    what = ARTICLE[noun]
    if _is_blank(v):
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
        parts = split_number(s)
        if parts.whole and not money:
            raise CellError(f"not {what}: {s!r} (type only the number)")
        codes, note = currency_in(parts, s, money)
        chosen, how = choose_reading(s, parts, noun, style, (currency,) if currency else codes)
        value, note = (-chosen.value if parts.sign in ("-", "−") else chosen.value), _notes(note, how)
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
    return _as_written(read_amount(v), v)


def parse_number(v: object) -> float | None:
    return _as_written(read_number(v), v)


# ---------------------------------------------------------------------------------------------- yes/no

_YES = {"yes", "y", "true", "1", "是"}
_NO = {"no", "n", "false", "0", "否"}


def parse_yes_no(v: object) -> bool | None:
    if _is_blank(v):
        return None
    if isinstance(v, bool):
        return v
    if isinstance(v, int | float) and v in (0, 1):
        return bool(v)
    word = parse_text(v) or ""
    if word.casefold() in _YES:
        return True
    if word.casefold() in _NO:
        return False
    raise CellError(f"not yes or no: {word!r} (use yes, no, true, false, y, n, 1, 0, 是 or 否)")


# ---------------------------------------------------------------------------------------------- choices

_MAX_LISTED = 8


def _normalize_choice(text: str) -> str:
    return re.sub(r"_+", "_", re.sub(r"[\s\-]+", "_", text.casefold().strip()))


def _accepted(choices: tuple[str, ...]) -> str:
    if len(choices) <= _MAX_LISTED:
        return ", ".join(choices[:-1]) + f" or {choices[-1]}" if len(choices) > 1 else choices[0]
    return ", ".join(choices[:_MAX_LISTED]) + f", ... ({len(choices)} in all, see the instructions sheet)"


def parse_choice(v: object, spec: ColumnSpec) -> str | None:
    text = parse_text(v)
    if text is None:
        return None
    norm = _normalize_choice(text)
    if norm in spec.choices:
        return norm
    for key in (norm, text, text.casefold()):
        if key in spec.synonyms:
            return spec.synonyms[key]
    # Slow path, only for misses: synonym keys written with spaces or hyphens in the contract.
    normalized = {_normalize_choice(k): c for k, c in spec.synonyms.items()}
    if norm in normalized:
        return normalized[norm]
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
    Kind.YESNO: parse_yes_no,
    Kind.LIST: parse_list,
    Kind.CURRENCY: parse_currency,
    Kind.PERIOD: parse_period,
}


def parse_cell(v: object, spec: ColumnSpec) -> object:
    if spec.kind is Kind.CHOICE:
        return parse_choice(v, spec)
    return _PARSERS[spec.kind](v)
