"""How a column writes its numbers and dates, decided from the evidence its cells give.

"1.400,00" proves a decimal comma; "05/31/2024" proves month first. A cell like "120.000" or "05/03/2024" proves
nothing on its own: it is read by the style its column (or sheet, or file) proves, and refused when nothing does.
A column that proves both conventions gets the style with more proofs, and the positions of the cells that prove
the other one, so each of those can be reported rather than outvoted silently.

This module also holds the currency table (vocab/currencies.yaml): the spellings of each currency and its minor
units, which settle some ambiguous amounts ("120.000" in NPR, which has 2 decimals, can only be 120,000).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Generic, Literal, TypeVar

import yaml

from compliance import yamlfile

Decimal = Literal[".", ","]
ARTICLE = {"amount": "an amount", "number": "a number"}
_SEP_NAME = {".": "point", ",": "comma"}


class CellError(ValueError):
    """A cell that cannot be read; str() is one plain-language reason. (Defined here, where the style-aware
    readings raise it; cells.py re-exports it.)"""

    def __init__(self, reason: str, candidates: tuple[str, ...] = ()) -> None:
        super().__init__(reason)
        self.reason = reason
        # The codes the cell can only be one of ('LICENSED EA': recruiter or employer_agent): the rules judge it
        # under each, and decide where every reading gives the same verdict (evaluate/unknowns.py).
        self.candidates = candidates


Order = Literal["dmy", "mdy"]


@dataclass(frozen=True)
class NumberStyle:
    decimal: Decimal
    proof: str | None  # the cell text that proved it, e.g. "1.400,00"; None when not proved by a cell
    source: str  # who decided: "column", "sheet", "file", "cell", "mapping", ...


@dataclass(frozen=True)
class DateStyle:
    order: Order
    proof: str | None  # e.g. "05/31/2024"
    source: str


S = TypeVar("S", NumberStyle, DateStyle)


@dataclass(frozen=True)
class Decision(Generic[S]):
    style: S | None  # None: nothing proves a convention, or both are proved equally often
    conflicts: tuple[int, ...]  # positions that prove the other convention (on a tie: every proving position)
    proofs: tuple[int, ...]  # positions that prove the chosen one


NumberDecision = Decision[NumberStyle]
DateDecision = Decision[DateStyle]


def fmt_num(x: float) -> str:
    # Show -5 rather than -5.0: users typed -5.
    return str(int(x)) if math.isfinite(x) and x.is_integer() else repr(x)


def origin(style: NumberStyle | DateStyle) -> str:
    """Why a style applies, in words for a note or a reason: "proved by '1.400,00' in this column"."""
    if style.proof is None:
        return f"set by the {style.source}"
    places = ("column", "sheet", "file", "workbook", "cell")
    where = f"in this {style.source}" if style.source in places else f"({style.source})"
    return f"proved by {style.proof!r} {where}"


# ---------------------------------------------------------------------------------------------- number text

SPACES = " \u00a0\u202f\u2009"
_GROUPINGS = {**dict.fromkeys(SPACES, " "), "'": "'", "’": "'", ".": ".", ",": ","}
_WESTERN = re.compile(r"[1-9]\d{0,2}(?:\|\d{3})+")
_INDIAN = re.compile(r"[1-9]\d?(?:\|\d{2})+\|\d{3}")  # 1,20,000 and 12,34,567: lakh and crore grouping
_MANTISSA = re.compile(r"(\d*)([.,]?)(\d+)[eE]([-+]?\d{1,4})")
WHOLE_MARK = "/-"  # South Asian "15,000/-": a whole amount, written where the decimal separator is a point
_SIGNS = "+-−"
_LONE_THREE = re.compile(r"^[^.,]*[.,]\d{3}$")


@dataclass(frozen=True)
class NumberReading:
    """One way of reading a number text: under decimal separator `decimal`, it is `value`, with `decimals`
    digits written after the separator."""

    decimal: Decimal
    value: float
    decimals: int


@dataclass(frozen=True)
class NumberParts:
    sign: str
    prefix: str
    core: str
    suffix: str
    whole: bool  # ended with the whole-amount mark "/-"


def ascii_digits(text: str) -> str:
    """Devanagari, Bengali, Arabic-Indic ... digits as 0-9, so "१,२००" reads like "1,200"."""
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() and not ch.isascii() else ch for ch in text)


def split_number(text: str) -> NumberParts:
    """Split '-NPR 1,000/-' into sign, prefix, numeric core, suffix and the whole-amount mark."""
    s = ascii_digits(text.strip())
    whole = s.endswith(WHOLE_MARK)
    if whole:
        s = s[: -len(WHOLE_MARK)].rstrip()
    sign = ""
    if s and s[0] in _SIGNS:
        sign, s = s[0], s[1:].lstrip()
    # ".5" starts a number; the dot of "Rs.500" does not.
    start = next((i for i, ch in enumerate(s) if ch.isdecimal() or (
        ch in ".," and s[i + 1 : i + 2].isdecimal() and not s[i - 1 : i].isalpha())), len(s))
    end = len(s)
    while end > start and not s[end - 1].isdecimal():
        end -= 1
    prefix, core, suffix = s[:start].strip(), s[start:end].strip(), s[end:].strip()
    if not sign and prefix and prefix[-1] in _SIGNS:  # "$-5"
        sign, prefix = prefix[-1], prefix[:-1].strip()
    return NumberParts(sign, prefix, core, suffix, whole)


def _grouped(integer: str, decimal: Decimal) -> str | None:
    """The digits of an integer part written with one kind of grouping separator, or None if not well formed."""
    marks = {_GROUPINGS.get(ch, "?") for ch in integer if not ch.isdecimal()}
    if not marks:
        return integer
    if len(marks) > 1 or "?" in marks or decimal in marks:
        return None
    pattern = re.sub(rf"[{re.escape(''.join(k for k, v in _GROUPINGS.items() if v in marks))}]", "|", integer)
    if _WESTERN.fullmatch(pattern) or (marks == {","} and _INDIAN.fullmatch(pattern)):
        return pattern.replace("|", "")
    return None


def number_readings(core: str) -> dict[Decimal, NumberReading]:
    """Every well-formed reading of a number text (without sign or currency), keyed by its decimal separator.

    "1.400,00" has one reading, "120.000" two (120000 and 120), "1200" two that agree, "1,23,4" none."""
    readings: dict[Decimal, NumberReading] = {}
    if m := _MANTISSA.fullmatch(core):  # 1.5E+06: a separator in a mantissa can only be the decimal one
        for dec in (".", ","):
            if m[2] in ("", dec):
                readings[dec] = NumberReading(dec, float(f"{m[1] or 0}.{m[3]}e{m[4]}" if m[2] else core), 0)
        return readings
    for dec in (".", ","):
        integer, _, fraction = core.partition(dec)
        if (fraction and not fraction.isdecimal()) or (dec in core and not fraction):
            continue
        digits = _grouped(integer, dec) if integer else ("0" if fraction else None)
        if len(fraction) == 3 and any(_GROUPINGS.get(ch) in (" ", "'") for ch in integer):
            continue  # "1 200,000": space groups, then a comma before 3 digits: mixed grouping, not a decimal
        if digits is not None:
            readings[dec] = NumberReading(dec, float(f"{digits}.{fraction or 0}"), len(fraction))
    return readings


def own_decimal(parts: NumberParts, readings: dict[Decimal, NumberReading]) -> Decimal | None:
    """The decimal separator a number text can only have been written with, if any."""
    if not ("." in parts.core or "," in parts.core):
        return None
    if parts.whole:
        return "." if "." in readings and readings["."].decimals == 0 else None
    return next(iter(readings)) if len(readings) == 1 else None


def number_proof(text: str) -> Decimal | None:
    """The decimal separator a number text proves for its column, or None when it proves nothing. A lone
    separator before exactly 3 digits never proves ("1234.567" reads one way only, but says nothing of "1.500")."""
    parts = split_number(text)
    if _LONE_THREE.search(parts.core) and not parts.whole:
        return None
    return own_decimal(parts, number_readings(parts.core))


def _ambiguous(s: str, noun: str, readings: dict[Decimal, NumberReading], codes: tuple[str, ...], limit: int | None,
               core: str) -> CellError:
    sep = "." if "." in core else ","
    big, small = readings["," if sep == "." else "."].value, readings[sep].value
    currency = f"; {_decimals(codes, limit)}, so both are possible" if limit is not None else ""
    return CellError(f"ambiguous {noun}: {s!r} could be {fmt_num(big)} or {fmt_num(small)}; no cell in this column "
                     f"shows whether {sep!r} separates thousands or decimals{currency}: write {fmt_num(big)} without "
                     f"a separator, or {f'{small:.2f}'.replace('.', sep)} with two decimals")


def _decimals(codes: Sequence[str], limit: int | None) -> str:
    if len(codes) == 1:
        return f"{codes[0]} has {limit} decimals"
    return f"{', '.join(codes[:4])}{', ...' if len(codes) > 4 else ''} have at most {limit} decimals"


def choose_reading(s: str, parts: NumberParts, noun: str, style: NumberStyle | None, codes: tuple[str, ...]
                   ) -> tuple[NumberReading, str | None]:
    """The reading of a number text: its own proof, else `style` (with a note), else the minor units of the
    currencies `codes` (with a note); refused when it contradicts the style or stays ambiguous."""
    readings = number_readings(parts.core) if parts.core else {}
    if not readings:
        raise CellError(f"not {ARTICLE[noun]}: {s!r}")
    if parts.whole and ("." not in readings or readings["."].decimals):
        raise CellError(f"{s!r} has decimals, but '/-' marks a whole amount; check the cell")
    proof, limit = own_decimal(parts, readings), allowed_decimals(codes)
    if proof and style and proof != style.decimal:
        raise CellError(f"{s!r} is written with a decimal {_SEP_NAME[proof]}, but this column uses a decimal "
                        f"{_SEP_NAME[style.decimal]} ({origin(style)}); check the cell")
    if proof or len({r.value for r in readings.values()}) == 1:
        chosen, note = readings[proof or (style.decimal if style else next(iter(readings)))], None  # type: ignore
    elif style:
        chosen, note = readings[style.decimal], f"read with a decimal {_SEP_NAME[style.decimal]} ({origin(style)})"
    else:
        fits = [r for r in readings.values() if limit is not None and r.decimals <= limit]
        if len(fits) != 1:
            raise _ambiguous(s, noun, readings, codes, limit, parts.core)
        sep = "." if "." in parts.core else ","
        chosen, note = fits[0], f"{sep!r} read as a thousands separator: {_decimals(codes, limit)}"
    if style and limit is not None and chosen.decimals > limit:
        raise CellError(f"{s!r} read with a decimal {_SEP_NAME[style.decimal]} ({origin(style)}) has "
                        f"{chosen.decimals} decimals, but {_decimals(codes, limit)}; check the cell")
    return chosen, note


def currency_in(parts: NumberParts, s: str, money: bool) -> tuple[tuple[str, ...], str | None]:
    """The currencies written around a number, and the note saying they were taken out; refused in a number
    cell, or when the words are not a currency."""
    tokens = [t for t in (parts.prefix, parts.suffix) if t]
    if not tokens:
        return (), None
    found = [currency_candidates(t) for t in tokens]
    if not money or not all(found):
        raise CellError(f"not {ARTICLE['amount' if money else 'number']}: {s!r} (type only the number)")
    codes = tuple(c for c in found[0] if c in found[-1])
    if not codes:
        raise CellError(f"{s!r} names two different currencies; put only the number here")
    return codes, f"currency {' '.join(tokens)!r} taken out of the amount"


# ---------------------------------------------------------------------------------------------- date text

NUMERIC_DATE = re.compile(r"(?<![\d.,/-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?![\d])")


def order_proved(first: int, second: int) -> Order | None:
    """The order a numeric date d/m/y or m/d/y proves: a part over 12 cannot be the month."""
    if first > 12 >= second:
        return "dmy"
    if second > 12 >= first:
        return "mdy"
    return None


def date_proof(text: str) -> Order | None:
    """The order a date text proves; None for ISO, month names, ambiguous or contradictory text."""
    proved = {order_proved(int(m[1]), int(m[3])) for m in NUMERIC_DATE.finditer(ascii_digits(text))} - {None}
    return proved.pop() if len(proved) == 1 else None


# ---------------------------------------------------------------------------------------------- decisions


def _decide(proofs: Sequence[str | None], first: str, second: str) -> tuple[str | None, tuple[int, ...],
                                                                           tuple[int, ...]]:
    by = {k: tuple(i for i, p in enumerate(proofs) if p == k) for k in (first, second)}
    if len(by[first]) == len(by[second]):
        return None, tuple(sorted(by[first] + by[second])), ()
    chosen, other = (first, second) if len(by[first]) > len(by[second]) else (second, first)
    return chosen, by[other], by[chosen]


def decide_number_style(values: Sequence[object], source: str = "column") -> NumberDecision:
    """The decimal separator the text cells of a column prove. Native numbers prove nothing."""
    chosen, conflicts, proving = _decide([number_proof(v) if isinstance(v, str) else None for v in values], ".", ",")
    style = NumberStyle(chosen, str(values[proving[0]]).strip(), source) if chosen else None  # type: ignore[arg-type]
    return Decision(style, conflicts, proving)


def decide_date_style(values: Sequence[object], source: str = "column") -> DateDecision:
    """The day/month order the numeric text dates of a column prove. ISO, month names and date cells prove nothing."""
    chosen, conflicts, proving = _decide([date_proof(v) if isinstance(v, str) else None for v in values], "dmy", "mdy")
    style = DateStyle(chosen, str(values[proving[0]]).strip(), source) if chosen else None  # type: ignore[arg-type]
    return Decision(style, conflicts, proving)


def _merge(decisions: Sequence[Decision[S]], key: str, pair: tuple[str, str], source: str) -> Decision[S]:
    weight = dict.fromkeys(pair, 0)
    for d in decisions:
        if d.style is not None:
            mine = getattr(d.style, key)
            weight[mine] += len(d.proofs)
            weight[pair[1] if mine == pair[0] else pair[0]] += len(d.conflicts)
    proving = tuple(i for i, d in enumerate(decisions) if d.style is not None)
    if weight[pair[0]] == weight[pair[1]]:
        return Decision(None, proving, ())
    chosen = max(pair, key=weight.__getitem__)
    mine = tuple(i for i in proving if getattr(decisions[i].style, key) == chosen)
    theirs = tuple(i for i in proving if i not in mine)
    return Decision(replace(decisions[mine[0]].style, source=source), theirs, mine)  # type: ignore[type-var]


def merge_number_styles(decisions: Sequence[NumberDecision], source: str = "sheet") -> NumberDecision:
    """One style from the decisions of several columns (a sheet, a file). Positions index `decisions`: proofs
    are the columns that prove the chosen style, conflicts those that prove the other one. Each column weighs
    by its count of proving cells; a tie gives no style."""
    return _merge(decisions, "decimal", (".", ","), source)


def merge_date_styles(decisions: Sequence[DateDecision], source: str = "sheet") -> DateDecision:
    """As merge_number_styles, for day/month order."""
    return _merge(decisions, "order", ("dmy", "mdy"), source)


# ---------------------------------------------------------------------------------------------- currencies

CURRENCIES = Path(__file__).parent / "vocab" / "currencies.yaml"
_ISO_CODE = re.compile(r"[A-Z]{3}")


class VocabError(ValueError):
    """A vocabulary file that cannot be used; str() names the file and the entry."""


def currency_key(text: str) -> str:
    """How a currency spelling is compared: NFKC, case-folded, single spaces, no trailing dot ("Rs." = "rs")."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split()).rstrip(".").strip()


@dataclass(frozen=True)
class CurrencyTable:
    minor_units: dict[str, int]
    spellings: dict[str, tuple[str, ...]]  # currency_key(spelling) -> ISO codes, in file order


def _entry(code: object, body: object, file: str) -> tuple[str, int, list[str]]:
    where = f"{file}: entry {code!r}"
    if not isinstance(code, str) or not _ISO_CODE.fullmatch(code):
        raise VocabError(f"{where}: the key must be an ISO 4217 code of three capital letters")
    if not isinstance(body, dict) or set(body) - {"minor_units", "written"} or "minor_units" not in body:
        raise VocabError(f"{where}: expected 'minor_units' and optionally 'written', nothing else")
    minor, written = body["minor_units"], body.get("written", [])
    if not isinstance(minor, int) or isinstance(minor, bool) or not 0 <= minor <= 4:
        raise VocabError(f"{where}: minor_units must be a whole number from 0 to 4")
    if not isinstance(written, list) or not all(isinstance(w, str) and currency_key(w) for w in written):
        raise VocabError(f"{where}: 'written' must be a list of non-blank spellings")
    return code, minor, written


def read_currency_table(path: Path) -> CurrencyTable:
    """Load and check a currency table; a bad entry raises VocabError naming the file and the entry."""
    try:
        data = yamlfile.load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, VocabError) as e:
        raise VocabError(f"{path.name}: not a usable YAML mapping: {str(e).splitlines()[0]}") from None
    if not isinstance(data, dict) or not data:
        raise VocabError(f"{path.name}: expected a mapping of ISO codes to entries")
    minor: dict[str, int] = {}
    spellings: dict[str, list[str]] = {}
    for code, units, written in (_entry(k, v, path.name) for k, v in data.items()):
        minor[code] = units
        for key in dict.fromkeys(currency_key(w) for w in [code, *written]):
            spellings.setdefault(key, []).append(code)
    return CurrencyTable(minor, {k: tuple(v) for k, v in spellings.items()})


@cache
def currency_table() -> CurrencyTable:
    return read_currency_table(CURRENCIES)


def currency_candidates(text: str) -> tuple[str, ...]:
    """The ISO codes a written currency can mean: "Rs" -> NPR, INR, PKR, LKR; unknown text -> ()."""
    return currency_table().spellings.get(currency_key(text), ())


def minor_units(code: str) -> int | None:
    return currency_table().minor_units.get(code.upper())


def allowed_decimals(codes: Iterable[str]) -> int | None:
    """The most decimals any of the currencies allows; None when none of them is known."""
    known = [m for c in codes if (m := minor_units(c)) is not None]
    return max(known) if known else None
