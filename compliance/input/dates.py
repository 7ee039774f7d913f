"""Readers of date and pay-period cells.

A date is read from a real date cell, an Excel serial number, or text in the common written forms (ISO, d/m/y or
m/d/y, day and month name, Chinese). A d/m/y date whose order the cell itself does not prove follows the style
formats.py decided for the column, with a note; without one it is refused, naming both readings. A pay period is a
month in any common form, a range of two dates, or a date taken as its month (with a note).
"""

from __future__ import annotations

import datetime as dt
import math
import re

from compliance.input.celltext import Reading, as_written, is_blank, join_notes, parse_text
from compliance.input.formats import (
    CellError,
    DateStyle,
    ascii_digits,
    decide_date_style,
    fmt_num,
    order_proved,
    origin,
)

# ---------------------------------------------------------------------------------------------- dates

_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")
# Month names of the languages the records come in, each the same month in every language that has the word.
# Indonesian (Januari ... Desember; abbreviated Agu/Agt/Ags, Okt, Des), Malay (Mac, Julai, Ogos, Disember;
# abbreviated Ogo, Dis) and Filipino (Enero ... Disyembre, Spanish-derived, also spelt Febrero). Names they share
# with English (April, November ...) are the English ones.
_LOCAL_MONTHS = (
    ("januari", "enero"), ("februari", "pebrero", "febrero"), ("maret", "mac", "marso"), ("abril",),
    ("mei", "mayo"), ("juni", "hunyo"), ("juli", "julai", "hulyo"),
    ("agustus", "agu", "agt", "ags", "ogos", "ogo", "agosto"), ("setyembre", "septiyembre"),
    ("oktober", "okt", "oktubre"), ("nobyembre",), ("desember", "des", "disember", "dis", "disyembre"))
_MONTHS = ({n: i for i, m in enumerate(_MONTH_NAMES, 1) for n in (m.casefold(), m[:3].casefold())} | {"sept": 9}
           | {n: i for i, names in enumerate(_LOCAL_MONTHS, 1) for n in names})
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
    if m := _ROC_CELL.fullmatch(low):  # the cell names its calendar: 民國113年4月15日
        return _roc(m, s)
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


# Calendars read only where the file names them: a ROC (Minguo) year with 民國/民国 written in the cell, or a column
# whose header names the calendar (conventions.py). Never from the size of the year: 113/04/15 without 民國 in a
# column that does not say ROC stays refused, as a Buddhist-era 2539 in a column that does not say B.E.
_ROC_OFFSET = 1911  # 民國1年 is 1912
_BE_OFFSET = 543  # พ.ศ. 2567 is 2024
_ROC_CELL = re.compile(rf"(?:中華|中华)?民[國国]\s*(\d{{1,3}})\s*(?:年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*[日号號]?"
                       rf"|([-/.])(\d{{1,2}})\4(\d{{1,2}})){_TIME}")
_ROC_COLUMN = re.compile(rf"(\d{{2,3}})(?:\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*[日号號]?"
                         rf"|([-/.])(\d{{1,2}})\4(\d{{1,2}})){_TIME}")
_YEAR4 = re.compile(r"(?<!\d)(\d{4})(?!\d)")
CALENDARS_READ = ("buddhist_era", "roc")


def _roc(m: re.Match[str], text: str) -> Reading:
    roc_year = int(m[1])
    month, day = (int(m[2]), int(m[3])) if m[2] else (int(m[5]), int(m[6]))
    if roc_year < 1:
        raise CellError(f"not a date: {text!r}")
    date = _checked_date(roc_year + _ROC_OFFSET, month, day, text)
    return Reading(date, f"ROC (民國) year {roc_year} read as {date.year}")


def _calendar_date(s: str, style: DateStyle | None, calendar: str) -> Reading:
    """Text in a column whose header names a calendar other than the Gregorian one."""
    low = " ".join(ascii_digits(s).casefold().split())
    if calendar == "roc":
        if m := _ROC_CELL.fullmatch(low) or _ROC_COLUMN.fullmatch(low):
            return _roc(m, s)
        raise CellError(f"not a ROC (民國) date: {s!r}; the column header says the ROC calendar (write 113/04/15 or "
                        "民國113年4月15日, or a Gregorian date as 2024-04-15 under a header that does not say ROC)")
    years = _YEAR4.findall(low)
    if len(years) != 1 or not 1900 + _BE_OFFSET <= int(years[0]) <= 2100 + _BE_OFFSET:
        raise CellError(f"the column header says the Buddhist era (B.E.), but {s!r} has no Buddhist-era year "
                        f"({1900 + _BE_OFFSET} to {2100 + _BE_OFFSET}); check the cell")
    be = int(years[0])
    gregorian = _YEAR4.sub(str(be - _BE_OFFSET), low)
    r = _date_from_text(gregorian, style, serials=False)
    return Reading(r.value, join_notes(r.note, f"Buddhist-era year {be} read as {be - _BE_OFFSET}"))


def read_date(v: object, style: DateStyle | None = None, *, serials: bool = True,
              calendar: str | None = None) -> Reading:
    """A date cell. Numbers are Excel serials when `serials`; d/m/y text follows the cell's own proof or `style`.
    `calendar` ("buddhist_era", "roc"): the column's header names it, and only text cells are read, converted."""
    if is_blank(v):
        return Reading(None)
    if calendar is not None:
        if calendar not in CALENDARS_READ or not isinstance(v, str):  # a real date cell: which calendar was typed?
            raise CellError(f"the column header says the {calendar.replace('_', ' ').title()} calendar; give "
                            "Gregorian dates (e.g. 2024-03-05) under a header that does not name a calendar")
        return _calendar_date(v.strip(), style, calendar)
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
    return as_written(read_date(v, serials=False), v)


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
    return Reading((first, last), join_notes(year_note, f"month {s!r} read as {first.isoformat()}..{last.isoformat()}"))


def _range(a: str, b: str, style: DateStyle | None) -> Reading:
    if style is None:  # one half may prove the order of the other: "01/05/2024 - 31/05/2024"
        style = decide_date_style([a, b], source="cell").style
    first, last = read_date(a, style, serials=False), read_date(b, style, serials=False)
    if first.value > last.value:  # type: ignore[operator]
        raise CellError(f"the period {a!r} to {b!r} ends before it starts")
    return Reading((first.value, last.value), join_notes(first.note, last.note))


def read_period(v: object, style: DateStyle | None = None) -> Reading:
    """A pay period in one cell: a month ("May 2024", "2024-05", "Aug-24") or a range of two dates ->
    Reading((first_day, last_day)). A single date means the month that contains it, with a note."""
    if is_blank(v):
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
    return Reading((first, last), join_notes(day.note, note))


def parse_period(v: object) -> tuple[dt.date, dt.date] | None:
    return as_written(read_period(v), v, harmless="month '")
