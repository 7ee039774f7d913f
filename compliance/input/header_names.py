"""The names people give columns and sheets, as data (vocab/headers/*.yaml), and how a header text is normalised
for lookup: spelling variants, traditional Chinese, numbering noise, and the unit, currency, scale or calendar a
header carries as a hint ("Amount paid (NPR)" is "amount paid" with currency NPR)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from compliance import yamlfile
from compliance.input.sheets import SHEETS, SHEETS_BY_NAME

VOCAB_DIR = Path(__file__).parent / "vocab" / "headers"

Hint = tuple[str, str]
CELL_KINDS = frozenset({"date", "amount"})  # what every filled cell under a header may be: real dates, or numbers
_CJK = "\u3400-\u9fff\uf900-\ufaff"


class HeaderVocabError(ValueError):
    """A bad entry in the header tables; the message names the file and the entry."""



# ---------------------------------------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class _Text:
    words: dict[str, str]
    traditional: dict[int, str]
    codes: frozenset[str]
    code_words: frozenset[str]
    symbols: dict[str, str | None]
    plural: dict[str, str]
    singular: dict[str, str]
    scales: dict[str, str]
    calendars: dict[str, str]


@dataclass(frozen=True)
class _Vocab:
    columns: dict[str, dict[str, tuple[str, bool]]]  # sheet -> name -> (field, is the field's own name)
    others: dict[str, frozenset[str]]  # sheet -> names known to be no column of it
    sheet_names: dict[str, tuple[str, bool]]  # name -> (sheet, is the sheet's own name)
    generic: frozenset[str]
    known_words: frozenset[str]
    # sheet -> name -> {kind of every cell under it: column}: "Paid" over real dates is paid_on, over numbers net
    by_kind: dict[str, dict[str, dict[str, str]]]
    # words that say a sheet is something other than records ("Summary", "Notes"): never read by its content
    other_sheet_words: frozenset[str] = frozenset()


def _yaml(path: Path) -> dict:
    try:
        data = yamlfile.load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise HeaderVocabError(f"{path.name}: cannot be read ({exc})") from None
    if not isinstance(data, dict):
        raise HeaderVocabError(f"{path.name}: expected a mapping at the top")
    return data


def _names(path: Path, where: str, value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise HeaderVocabError(f"{path.name}: {where}: expected a list of names (quote entries such as \"#\" or "
                               f"\"no\", which YAML reads otherwise): {value!r}")
    return value


def _table(path: Path, where: str, value: object) -> dict:
    if not isinstance(value, dict):
        raise HeaderVocabError(f"{path.name}: {where}: expected a mapping")
    return value


def _load_text(folder: Path) -> _Text:
    tp, hp = folder / "_text.yaml", folder / "_hints.yaml"
    tx, hx = _yaml(tp), _yaml(hp)
    words = {str(k): str(v) for k, v in _table(tp, "words", tx.get("words")).items()}
    trad = _table(tp, "traditional", tx.get("traditional"))
    if not all(isinstance(k, str) and isinstance(v, str) and len(k) == len(v) == 1 for k, v in trad.items()):
        raise HeaderVocabError(f"{tp.name}: traditional: each entry maps one character to one character")
    symbols = {_hint_key(str(k)): v for k, v in _table(hp, "currency_symbols", hx.get("currency_symbols")).items()}
    plural, singular = {}, {}
    for unit, forms in _table(hp, "units", hx.get("units")).items():
        forms = _table(hp, f"units.{unit}", forms)
        plural.update({_hint_key(f): unit for f in _names(hp, f"units.{unit}.plural", forms.get("plural") or ["-"])})
        singular.update({_hint_key(f): unit for f in _names(hp, f"units.{unit}.singular", forms.get("singular"))})
    plural.pop("-", None)
    return _Text(
        words=words, traditional=str.maketrans(trad),
        codes=frozenset(_names(hp, "currency_codes", hx.get("currency_codes"))),
        code_words=frozenset(_names(hp, "code_words", hx.get("code_words"))),
        symbols=symbols, plural=plural, singular=singular,
        scales={_hint_key(f): str(k) for k, v in _table(hp, "scales", hx.get("scales")).items()
                for f in _names(hp, f"scales.{k}", v)},
        calendars={_hint_key(f): str(k) for k, v in _table(hp, "calendars", hx.get("calendars")).items()
                   for f in _names(hp, f"calendars.{k}", v)},
    )


def _load_vocab(folder: Path) -> _Vocab:
    t = _load_text(folder)
    columns: dict[str, dict[str, tuple[str, bool]]] = {s.name: {} for s in SHEETS}
    others: dict[str, set[str]] = {s.name: set() for s in SHEETS}
    sheet_names: dict[str, tuple[str, bool]] = {}
    by_kind: dict[str, dict[str, dict[str, str]]] = {s.name: {} for s in SHEETS}

    def key(path: Path, where: str, entry: str) -> str:
        if not (name := _split(entry, t)[0]):
            raise HeaderVocabError(f"{path.name}: {where}: {entry!r} is empty once normalised")
        return name

    def add(path: Path, sheet: str, field: str, entry: str, exact: bool = False) -> None:
        name = key(path, f"{sheet}.{field}", entry)
        old = columns[sheet].get(name)
        if old and old[0] != field:
            raise HeaderVocabError(f"{path.name}: {sheet}.{field}: {entry!r} is already a name of {sheet}.{old[0]}")
        columns[sheet][name] = (field, exact or bool(old and old[1]))

    for spec in SHEETS:
        sheet_names[_norm(spec.name, t)] = (spec.name, True)
        for col in spec.columns:
            add(Path("sheets.py"), spec.name, col.name, col.name, exact=True)
    cp = folder / "_common.yaml"
    common = _yaml(cp)
    for field, entries in _table(cp, "columns", common.get("columns")).items():
        sheets = [s.name for s in SHEETS if any(c.name == field for c in s.columns)]
        if not sheets:
            raise HeaderVocabError(f"{cp.name}: columns.{field}: no sheet has a column {field!r}")
        for sheet in sheets:
            for entry in _names(cp, f"columns.{field}", entries):
                add(cp, sheet, field, entry)
    for path in sorted(folder.glob("[!_]*.yaml")):
        data = _yaml(path)
        if data.get("sheet") != path.stem or path.stem not in SHEETS_BY_NAME:
            raise HeaderVocabError(f"{path.name}: 'sheet' must be {path.stem!r}, the name of a contract sheet")
        if extra := set(data) - {"sheet", "names", "columns", "not_columns", "by_kind"}:
            raise HeaderVocabError(f"{path.name}: unknown keys {sorted(extra)}")
        spec = SHEETS_BY_NAME[path.stem]
        for field, entries in _table(path, "columns", data.get("columns", {})).items():
            if not any(c.name == field for c in spec.columns):
                raise HeaderVocabError(f"{path.name}: columns.{field}: sheet {spec.name!r} has no such column")
            for entry in _names(path, f"columns.{field}", entries):
                add(path, spec.name, field, entry)
        for entry in _names(path, "names", data.get("names", [])):
            name = key(path, "names", entry)
            if (old := sheet_names.get(name)) and old[0] != spec.name:
                raise HeaderVocabError(f"{path.name}: names: {entry!r} is already a name of sheet {old[0]!r}")
            sheet_names.setdefault(name, (spec.name, False))
        for entry, kinds in _table(path, "by_kind", data.get("by_kind", {})).items():
            kinds = _table(path, f"by_kind.{entry}", kinds)
            if not set(kinds) <= CELL_KINDS or not all(any(c.name == f for c in spec.columns) for f in kinds.values()):
                raise HeaderVocabError(f"{path.name}: by_kind.{entry}: expected {sorted(CELL_KINDS)} each naming a "
                                       f"column of {spec.name}: {kinds!r}")
            by_kind[spec.name][key(path, f"by_kind.{entry}", str(entry))] = {str(k): str(f) for k, f in kinds.items()}
        others[spec.name] |= {key(path, "not_columns", e) for e in _names(path, "not_columns",
                                                                              data.get("not_columns", []))}
    shared = {key(cp, "not_columns", e) for e in _names(cp, "not_columns", common.get("not_columns"))}
    for sheet, names in others.items():
        names |= shared
        if clash := sorted(names & columns[sheet].keys()):
            raise HeaderVocabError(f"{clash[0]!r} is both a name of {sheet}.{columns[sheet][clash[0]][0]} and listed "
                                   f"in not_columns (of {sheet}.yaml or _common.yaml)")
    for sheet, names in by_kind.items():
        if clash := sorted(names.keys() & (columns[sheet].keys() | others[sheet])):
            raise HeaderVocabError(f"{sheet}.yaml: by_kind: {clash[0]!r} is also listed as a name or a not-column")
    known = {w for table in (*columns.values(), *others.values(), sheet_names, *by_kind.values()) for n in table
             for w in _words(n)}
    known |= {_norm(w, t) for w in _names(cp, "distinct_words", common.get("distinct_words"))}
    generic = frozenset(_norm(w, t) for w in _names(cp, "generic_sheet_words", common.get("generic_sheet_words")))
    other = frozenset(_norm(w, t) for w in _names(cp, "other_sheet_words", common.get("other_sheet_words")))
    return _Vocab(columns, {s: frozenset(n) for s, n in others.items()}, sheet_names, generic, frozenset(known),
                  by_kind, other)


@cache
def _text() -> _Text:
    return _load_text(VOCAB_DIR)


@cache
def _vocab() -> _Vocab:
    return _load_vocab(VOCAB_DIR)


# ---------------------------------------------------------------------------------------------- normalisation

_NUMBERING = re.compile(r"^\s*(?:\d{1,3}\s*[.)\]:、]|\(\d{1,3}\)|[a-z][.)](?=\s))\s*|^\s*\*+\s*", re.IGNORECASE)
_MARKERS = re.compile(r"(?:\s*(?:\*+|†|[:：?？]|\((?:required|optional|mandatory|compulsory|必填|选填|可选)\)))+\s*$",
                      re.IGNORECASE)
_BRACKET = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]|【([^】]*)】")
_DATE_FORMAT = re.compile(r"(?:d{1,2}|m{1,3}|y{2,4})([-/. ])(?:d{1,2}|m{1,3})\1(?:d{1,2}|y{2,4})|y{4}m{2}d{2}",
                          re.IGNORECASE)


def _hint_key(s: str) -> str:
    return re.sub(r"[\s.]+", "", unicodedata.normalize("NFKC", s).casefold())  # "B. S." and "b.s." -> "bs"


def _norm(text: str, t: _Text) -> str:
    """Lower case, no punctuation, one spelling per word: 'Worker No.' and 'worker_number' -> 'worker no'."""
    s = unicodedata.normalize("NFKC", text).translate(t.traditional).casefold()
    s = re.sub(r"\b[a-z](?:\.[a-z])+\.?", lambda m: m[0].replace(".", ""), s)  # d.o.b. -> dob
    s = re.sub(r"['’]s\b|['’]", "", s).replace("#", " no ").replace("&", " and ")
    # Marks stay: Devanagari and Bengali vowel signs are part of their words.
    s = "".join(" " if unicodedata.category(ch)[0] in "PSZC" and ch not in "/%" else ch for ch in s)
    s = re.sub(r"\s*/\s*", "/", s).strip("/ ")
    s = re.sub(r"[^\s/]+", lambda m: t.words.get(m[0], m[0]), s)
    return re.sub(rf"(?<=[{_CJK}]) (?=[{_CJK}])", "", " ".join(s.split()))


def _token_hint(token: str, t: _Text, slash: bool) -> Hint | None:
    key, bare = _hint_key(token), token.strip(" .")
    if key in t.scales:
        return ("scale", t.scales[key])
    if key in t.calendars:
        return ("calendar", t.calendars[key])
    if key in t.symbols:
        return ("currency", t.symbols[key] or bare)
    if bare.upper() in t.codes and (bare.isupper() or bare.upper() not in t.code_words):
        return ("currency", bare.upper())
    if key in t.plural:
        return ("unit", t.plural[key])
    if key in t.singular and not slash:  # after a slash a singular is a rate: "Hours/week" is a name
        return ("unit", t.singular[key])
    return None


def _hint(content: str, t: _Text, slash: bool = False) -> Hint | None:
    """What a bracket or a slash suffix says about the values, or None when it is not a hint at all."""
    raw = unicodedata.normalize("NFKC", content).strip()
    if _DATE_FORMAT.fullmatch(raw):
        return ("format", raw.upper())
    whole = re.sub(r"^in\s+", "", raw, flags=re.IGNORECASE)
    if _hint_key(whole) in t.calendars or _hint_key(whole) in t.scales:  # "in thousands", "Bikram Sambat"
        return _token_hint(whole, t, slash)
    found = []
    for token in re.split(r"[\s/,;]+", raw):
        if _hint_key(token) in ("", "in", "of"):
            continue
        if (h := _token_hint(token, t, slash)) is None:
            return None  # "(as per passport)", "(worker/employer)": a qualifier, not a hint
        found.append(h)
    # A scale outranks the currency: "NPR '000" holds thousands, and must not be read as rupees.
    # A unit outranks a currency too: "(QAR/day)" is a daily rate, and a monthly column must refuse it.
    return next((h for kind in ("scale", "calendar", "unit", "currency") for h in found if h[0] == kind), None)


_HARMLESS = re.compile(
    r"as (?:in|per|on) (?:the )?(?:passport|contract|id|document|records?)|optional|if any|if applicable|required"
    r"|mandatory|in full|full|all|in english|english|please specify|specify|y ?/ ?n|yes ?/ ?no|tick|✓|"
    r"(?:e\.?g\.?|eg|i\.e\.|ie|for example|such as)\b.*|如.*|例如.*")


# Words that change what a column holds: never dropped with their bracket, even in a list of options.
_CHANGES_MEANING = {"per", "day", "daily", "week", "weekly", "hour", "hourly", "month", "monthly", "year", "yearly",
                    "annual", "annually", "net", "gross", "planned", "expected", "estimated", "due", "refunded",
                    "refund", "old", "previous", "former", "not", "share", "copy", "total", "balance", "remaining"}
_OPTIONS = re.compile(r"[^\W\d]+(?: [^\W\d]+)?(?: ?(?:/|,|\bor\b) ?[^\W\d]+(?: [^\W\d]+)?)+")


def _harmless(content: str) -> bool:
    """A bracket that says nothing about what the column holds: "(as in passport)", "(optional)", "(all)", or the
    choices offered, "(worker/employer)"."""
    text = " ".join(content.casefold().split())
    if set(re.split(r"[\s/,]+", text)) & _CHANGES_MEANING:
        return False
    return bool(_HARMLESS.fullmatch(text) or _OPTIONS.fullmatch(text))


def _split(text: str, t: _Text) -> tuple[str, Hint | None]:
    s = _MARKERS.sub("", _NUMBERING.sub("", unicodedata.normalize("NFKC", text).strip()))
    hint = None

    def bracket(m: re.Match[str]) -> str:
        nonlocal hint
        content = next(g for g in m.groups() if g is not None)
        if (found := _hint(content, t)) is not None:
            hint = hint or found
            return " "
        # Only a harmless qualifier is dropped ("Name (as in passport)"); any other bracket is part of the name,
        # because it changes what the column holds: "Wage (per day)", "Departed on (planned)", "Amount (refunded)".
        return " " if _harmless(content) else f" {content} "

    if _norm(unbracketed := _BRACKET.sub(bracket, s), t):
        s = " ".join(unbracketed.split())
    for pattern, slash in ((r"(.*\S)\s*/\s*([^/]+)", True), (r"(.*\S)\s+in\s+(.+)", False)):
        if hint is None and (m := re.fullmatch(pattern, s, re.IGNORECASE)) and (h := _hint(m[2], t, slash)):
            if not slash and h[0] == "calendar" and len(_hint_key(m[2])) <= 2 and not m[2].strip(" .").isupper():
                continue  # "Licence No. in Ad" is in the advert; only "in AD" (or "(ad)") names the calendar
            hint, s = h, m[1]
    if hint is None and (m := re.fullmatch(r"(.*\S)\s+(\S+)", s)):
        token = m[2].strip(" .")
        key = _hint_key(token)
        if (token.isupper() and (token in t.codes or key in t.calendars)) or key in t.symbols:
            hint, s = _token_hint(token, t, False), m[1]
    return _norm(s, t), hint


@cache
def _look_alike() -> dict[int, str]:
    path = VOCAB_DIR / "_text.yaml"
    table = _table(path, "look_alike", _yaml(path).get("look_alike"))
    if not all(isinstance(k, str) and isinstance(v, str) and len(k) == len(v) == 1 for k, v in table.items()):
        raise HeaderVocabError(f"{path.name}: look_alike: each entry maps one letter to one Latin letter")
    return str.maketrans(table)


def look_alike(a: str, b: str) -> list[str]:
    """The letters of `a` from another script that make it look like `b` ("wοrkers": Greek ο), or [] when the two
    do not look alike or are the same text."""
    fold_a = unicodedata.normalize("NFKC", a).casefold()
    if fold_a == unicodedata.normalize("NFKC", b).casefold() or fold_a.translate(_look_alike()) != b.casefold():
        return []
    return [f"'{ch}' ({unicodedata.name(ch, 'letter')}, U+{ord(ch):04X})"
            for ch in dict.fromkeys(fold_a) if ord(ch) in _look_alike()]


def header_hint(text: str) -> Hint | None:
    """What a cell that is only a hint says: "(NPR '000)", "NPR", "dd/mm/yyyy", "months"; None for anything else."""
    inner = text.strip()
    if len(inner) >= 2 and inner[0] in "([【" and inner[-1] in ")]】":
        inner = inner[1:-1]
    return _hint(inner, _text()) if inner.strip() else None


def split_header(text: str) -> tuple[str, Hint | None]:
    """'Amount paid (NPR)' -> ('amount paid', ('currency', 'NPR')); numbering and '*' markers are dropped."""
    return _split(text, _text())


def _words(name: str) -> list[str]:
    return re.split(r"[\s/]+", name)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _looks_like_data(value: object) -> bool:
    if isinstance(value, bool | int | float | dt.date | dt.time | dt.timedelta):
        return True
    s = str(value).strip()
    # Titles and notes are long; IDs, dates and amounts typed as text hold digits; names rarely do either.
    return len(s) > 40 or len(s.split()) > 6 or bool(re.search(r"\d", s))


