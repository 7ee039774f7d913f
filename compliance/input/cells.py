"""Pure parsers for single spreadsheet cells.

Each parser takes a raw cell value as the workbook reader delivers it (str, int, float, bool, date,
datetime or None) and returns the parsed value or raises CellError with a short plain reason. A blank
cell is never an error here: it means "not known" and every parser returns None for it. Whether a
blank is acceptable is decided by the validator, which knows the column.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable

from compliance.input.sheets import ColumnSpec, Kind


class CellError(ValueError):
    """A cell that cannot be read; str() is one plain-language reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _is_blank(v: object) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _fmt_num(x: float) -> str:
    # Show -5 rather than -5.0: users typed -5.
    return str(int(x)) if math.isfinite(x) and x.is_integer() else repr(x)


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
        return _fmt_num(v)
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v).strip()


def parse_id(v: object) -> str | None:
    text = parse_text(v)
    # "W  001" and "W 001" are the same worker; stray double spaces are typing noise.
    return " ".join(text.split()) if text is not None else None


# ---------------------------------------------------------------------------------------------- dates

_MONTHS = {
    name: i + 1
    for i, names in enumerate((
        ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
        ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
        ("oct", "october"), ("nov", "november"), ("dec", "december"),
    ))
    for name in names
}
_TIME = r"(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"  # CSV exports often add 00:00:00
_ISO = re.compile(rf"(\d{{4}})([-/.])(\d{{1,2}})\2(\d{{1,2}}){_TIME}")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DAY_FIRST = re.compile(rf"(\d{{1,2}})([-/.])(\d{{1,2}})\2(\d{{4}}){_TIME}")
_TWO_DIGIT_YEAR = re.compile(r"\d{1,2}([-/.])\d{1,2}\1\d{2}|\d{1,2}[-/. ]+[a-z]+\.?[-/. ]+\d{2}")
_DAY_MONTH_NAME = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[-/. ]+([a-z]+)\.?,?[-/. ]+(\d{4})")
_MONTH_NAME_DAY = re.compile(r"([a-z]+)\.?[-/. ]+(\d{1,2})(?:st|nd|rd|th)?,?[-/. ]+(\d{4})")
_CHINESE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?")
_NUMBER_TEXT = re.compile(r"[-+]?\d+(?:\.\d+)?")
_NUMBER_NOT_DATE = "a number, not a date; format the cell as a date or type 2024-03-05"


def _checked_date(y: int, m: int, d: int, text: str, day_first: bool = False) -> dt.date:
    try:
        date = dt.date(y, m, d)
    except ValueError:
        if day_first and 1 <= d <= 12 and 1 <= m <= 31:  # month-first would have worked: say how we read it
            raise CellError(f"not a date: {text!r} (dates are read day first, e.g. 31/12/2024)") from None
        raise CellError(f"not a date: {text!r}") from None
    return _in_range(date)


def _in_range(d: dt.date) -> dt.date:
    if not 1900 <= d.year <= 2100:
        raise CellError(f"year {d.year} is out of range (expected 1900 to 2100)")
    return d


def _date_from_text(s: str) -> dt.date:
    low = " ".join(s.casefold().split())
    if m := _ISO.fullmatch(low):
        return _checked_date(int(m[1]), int(m[3]), int(m[4]), s)
    if m := _COMPACT.fullmatch(low):
        return _checked_date(int(m[1]), int(m[2]), int(m[3]), s)
    if m := _DAY_FIRST.fullmatch(low):
        return _checked_date(int(m[4]), int(m[3]), int(m[1]), s, day_first=True)
    if m := _CHINESE.fullmatch(low):
        return _checked_date(int(m[1]), int(m[2]), int(m[3]), s)
    if (m := _DAY_MONTH_NAME.fullmatch(low)) and m[2] in _MONTHS:
        return _checked_date(int(m[3]), _MONTHS[m[2]], int(m[1]), s)
    if (m := _MONTH_NAME_DAY.fullmatch(low)) and m[1] in _MONTHS:
        return _checked_date(int(m[3]), _MONTHS[m[1]], int(m[2]), s)
    if _TWO_DIGIT_YEAR.fullmatch(low):
        raise CellError(f"two-digit year in {s!r} is ambiguous; type the full year, e.g. 05/03/2024")
    if _NUMBER_TEXT.fullmatch(low):
        raise CellError(f"{s} is {_NUMBER_NOT_DATE}")
    raise CellError(f"not a date: {s!r} (type it like 2024-03-05)")


def parse_date(v: object) -> dt.date | None:
    if _is_blank(v):
        return None
    if isinstance(v, bool):
        raise CellError(f"not a date: {parse_text(v)}")
    if isinstance(v, dt.datetime):  # before date: datetime is a date subclass
        return _in_range(v.date())
    if isinstance(v, dt.date):
        return _in_range(v)
    if isinstance(v, int | float):
        # Excel shows an unformatted date as a serial number; guessing the epoch would hide the mistake.
        raise CellError(f"{_fmt_num(float(v))} is {_NUMBER_NOT_DATE}")
    if isinstance(v, str):
        return _date_from_text(v.strip())
    raise CellError(f"not a date: {str(v)!r}")


# ---------------------------------------------------------------------------------------------- numbers

_SPACES = " \u00a0\u202f\u2009"
_PLAIN = re.compile(r"\d+(?:\.\d+)?(?:e[-+]?\d+)?|\.\d+", re.IGNORECASE)
_COMMA_GROUPS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_SPACE_GROUPS = re.compile(rf"\d{{1,3}}(?:[{_SPACES}'’]\d{{3}})+(?:\.\d+)?")
# European 1.234,50: only with exactly two decimals, so it cannot be read as thousands.
_EUROPEAN = re.compile(r"(?:\d{1,3}(?:\.\d{3})+|\d+),\d{2}")
_SIGNS = "+-−"
_ARTICLE = {"amount": "an amount", "number": "a number"}
# Currency words that are not ISO codes or symbols, as written in origin and destination countries.
_CURRENCY_WORDS = {
    "rs", "rs.", "nrs", "nrs.", "रु", "रु.", "रू", "元", "块", "tk", "tk.", "rp", "rp.", "rm", "sr",
}


def _number_from_core(core: str) -> float | None:
    if _PLAIN.fullmatch(core):
        return float(core)
    if _COMMA_GROUPS.fullmatch(core):
        return float(core.replace(",", ""))
    if _SPACE_GROUPS.fullmatch(core):
        return float(re.sub(rf"[{_SPACES}'’]", "", core))
    if _EUROPEAN.fullmatch(core):
        return float(core.replace(".", "").replace(",", "."))
    return None


def _looks_like_currency(token: str) -> bool:
    token = token.strip()
    return (
        (len(token) == 3 and token.isascii() and token.isalpha())
        or token.casefold() in _CURRENCY_WORDS
        or any(unicodedata.category(ch) == "Sc" for ch in token)
    )


def _starts_number(s: str, i: int) -> bool:
    # ".5" starts a number; the dot in "Rs. 500" does not.
    return s[i].isdigit() or (s[i] == "." and s[i + 1 : i + 2].isdigit())


def _split_affixes(s: str) -> tuple[str, str, str, str]:
    """Split '-NPR 1,000' into sign, prefix, numeric core and suffix."""
    sign = ""
    if s and s[0] in _SIGNS:
        sign, s = s[0], s[1:].lstrip()
    start = 0
    while start < len(s) and not _starts_number(s, start):
        start += 1
    end = len(s)
    while end > start and not s[end - 1].isdigit():
        end -= 1
    prefix, core, suffix = s[:start].strip(), s[start:end].strip(), s[end:].strip()
    if not sign and prefix and prefix[-1] in _SIGNS:  # "$-5"
        sign, prefix = prefix[-1], prefix[:-1].strip()
    return sign, prefix, core, suffix


def _number_from_text(s: str, noun: str, money: bool) -> float:
    what = _ARTICLE[noun]
    if money and s.endswith("/-"):  # South Asian "15,000/-": the "/-" marks a whole amount, nothing more
        s = s[:-2].rstrip()
    sign, prefix, core, suffix = _split_affixes(s)
    value = _number_from_core(core) if core else None
    if value is not None and (prefix or suffix):
        if money and all(_looks_like_currency(t) for t in (prefix, suffix) if t):
            raise CellError(f"{s!r} includes a currency; put only the number here and the currency "
                            "in the currency column")
        raise CellError(f"not {what}: {s!r} (type only the number)")
    if value is None:
        if "," in core and not _COMMA_GROUPS.fullmatch(core):
            raise CellError(f"ambiguous {noun}: {s!r}; use a dot for decimals and commas only between "
                            "thousands, e.g. 1,234.50")
        raise CellError(f"not {what}: {s!r}")
    return -value if sign in ("-", "−") else value


def _parse_non_negative(v: object, noun: str, money: bool) -> float | None:
    what = _ARTICLE[noun]
    if _is_blank(v):
        return None
    if isinstance(v, bool):
        raise CellError(f"not {what}: {parse_text(v)}")
    if isinstance(v, float):
        value = v
    elif isinstance(v, int):
        value = float(v) if abs(v) < 10**300 else math.inf  # float() of a huge int raises OverflowError
    elif isinstance(v, str):
        value = _number_from_text(v.strip(), noun, money)
    elif isinstance(v, dt.date):
        raise CellError(f"not {what}: the cell holds a date ({parse_text(v)})")
    else:
        raise CellError(f"not {what}: {str(v)!r}")
    if not math.isfinite(value):
        raise CellError(f"not {what}: {_fmt_num(value)}")
    if value < 0:
        raise CellError(f"negative {noun}: {_fmt_num(value)}")
    return value + 0.0  # turns -0.0 into 0.0


def parse_amount(v: object) -> float | None:
    return _parse_non_negative(v, "amount", money=True)


def parse_number(v: object) -> float | None:
    return _parse_non_negative(v, "number", money=False)


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
}


def parse_cell(v: object, spec: ColumnSpec) -> object:
    if spec.kind is Kind.CHOICE:
        return parse_choice(v, spec)
    return _PARSERS[spec.kind](v)
