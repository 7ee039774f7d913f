"""Choice and yes/no cells read as people type them, through vocabularies kept as data (vocab/values/*.yaml).

A vocabulary maps each code of one choice list to the spellings people use for it and to distinctive keywords.
A cell is read, in order: as the code itself; as an exact spelling; (yes/no-like vocabularies) by its leading
yes/no word; by keywords, when they point to exactly one code; by a fuzzy match, for typos only. Anything else
is refused with CellError, naming the accepted codes and near spellings, which are never applied silently.

Safety rules, because a wrong code changes a finding while a refused cell is only reported:
- a cell with a negation ("not by worker", "没有") is read only by an exact spelling, never by keyword or fuzzily;
- a cell holding a refused phrase (a question mark, "unknown"; per vocabulary "deduct*", "photocopy") is read only
  by an exact spelling: "Employer (deducted from salary)" is not the employer, "Yes?" is not a yes;
- a cell whose keywords point to two codes ("Medical and visa"), or that holds both a yes and a no word ("有/无",
  "yes/no": a form's two options with neither marked), is refused, naming both;
- phrases meaning "not known" (and N/A, which may also be the Bengali/Hindi "na" = no) are refused everywhere.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError
from rapidfuzz import fuzz

from compliance import yamlfile
from compliance.input.cells import CellError, parse_text
from compliance.input.sheets import SHEETS_BY_NAME, Kind

VOCAB_DIR = Path(__file__).parent / "vocab" / "values"
COMMON_FILE = "_common.yaml"  # negations and refusals shared by every vocabulary
YES_NO = "yes_no"  # the vocabulary of every Kind.YESNO column
# Fuzzy matching is for typos: a score of FUZZY_MIN_SCORE (rapidfuzz ratio, 0-100) against a spelling or code
# of at least FUZZY_MIN_LENGTH characters, FUZZY_MARGIN points clear of the best entry of any other code
# ("Recrutment fee" is recruitment_fee; "employe" is refused: employee, i.e. worker, or employer?).
FUZZY_MIN_SCORE = 90.0
FUZZY_MIN_LENGTH = 5
FUZZY_MARGIN = 10.0
# A leftover word this close to a keyword of another code makes a keyword reading ambiguous ("Medicl and visa").
SUSPECT_MIN_SCORE = 85.0
SUGGEST_MIN_SCORE = 70.0
# Longer cells are notes, not values: reading one keyword out of a sentence is a guess.
MAX_READ_TOKENS = 12
# A refused word ending in * is a stem ("deduct*": deducted, deduction); a shorter stem would catch unrelated words.
STEM_MIN_LENGTH = 3

How = Literal["code", "synonym", "keyword", "fuzzy"]
Phrase = tuple[str, ...]


@dataclass(frozen=True)
class ChoiceReading:
    code: str
    how: How  # "code": the cell was the code itself (read as written)
    matched: str  # the vocabulary entry (spelling or keyword) that decided it, for the report


class VocabularyError(ValueError):
    """A vocabulary file that cannot be used; str() names the file and the entry."""


# ---------------------------------------------------------------------------------------------- text


@dataclass(frozen=True)
class _Text:
    """A cell split into tokens: words, single Han characters and single marks (✓ ×)."""

    written: str
    tokens: Phrase
    starts: frozenset[int]  # tokens that begin a chunk: after a space, punctuation or a mark

    @property
    def key(self) -> str:
        return " ".join(self.tokens)

    def aligned(self, start: int, end: int) -> bool:
        return start in self.starts and (end == len(self.tokens) or end in self.starts)


_DROPPED = frozenset("'’ʼ`\ufe0e\ufe0f")  # apostrophes join ("worker's" = "workers"); emoji variation selectors
# A question mark is a sign of doubt, kept as the token "?" so that it can be refused ("Employer?"). After NFKC the
# full-width ？ is ?; the Arabic-script ؟, the inverted ¿ and the emoji ❓ ❔ are the same sign.
_QUESTION = frozenset("?¿؟⸮❓❔")


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0003134f"


def _tokenise(written: str) -> _Text:
    """NFKC, case-folded; spaces, underscores, hyphens and punctuation all separate words; a Han character or a
    mark is a token of its own ("有/无", "✓yes")."""
    pairs: list[tuple[str, bool]] = []  # (token, begins a chunk)
    word, start, boundary = "", True, True
    for ch in unicodedata.normalize("NFKC", written).casefold() + " ":
        cat, han = unicodedata.category(ch), _is_han(ch)
        if ch in _DROPPED or cat == "Cf":  # Cf: zero-width joiners of Devanagari and Bengali, BOM, soft hyphen
            continue
        if cat[0] in "LMN" and not han:
            word, start, boundary = word + ch, start if word else boundary, False
            continue
        if word:
            pairs.append((word, start))
            word = ""
        if ch in _QUESTION:
            ch, cat = "?", "So"
        if han or cat in ("So", "Sm"):
            pairs.append((ch, boundary or not han))
        boundary = not han
    return _Text(written, tuple(t for t, _ in pairs), frozenset(i for i, (_, s) in enumerate(pairs) if s))


def _phrase(entry: str, where: str, single: bool = False) -> Phrase:
    tokens = _tokenise(entry).tokens
    if not tokens or (single and len(tokens) > 1):
        raise VocabularyError(f"{where}: {entry!r} must be {'one word' if single else 'words, digits or marks'}")
    return tokens


def _refusal(entry: str, where: str) -> Phrase:
    """A refused phrase; a word ending in * stands for every word it begins ("deduct*", "from wage*")."""
    tokens: list[str] = []
    for word in entry.split():
        body, stem = word.removesuffix("*"), word.endswith("*")
        part = _phrase(body, where)
        if "*" in body or (stem and (len(part) > 1 or len(part[0]) < STEM_MIN_LENGTH or _is_han(part[0]))):
            raise VocabularyError(f"{where}: {entry!r}: a * ends a stem, one word of {STEM_MIN_LENGTH} letters or more")
        tokens += [*part[:-1], part[-1] + "*" * stem]
    return tuple(tokens)


def _fits(tokens: Phrase, pattern: Phrase) -> bool:
    return len(tokens) == len(pattern) and all(
        t == p or (p[-1] == "*" and t.startswith(p[:-1])) for t, p in zip(tokens, pattern, strict=True))


def _scan(tokens: Phrase, table: Mapping[Phrase, str]) -> list[tuple[int, int, str]]:
    """Longest-first matches of table phrases in tokens, left to right, not overlapping: (start, end, value)."""
    longest, hits, i = max(map(len, table), default=0), [], 0
    while i < len(tokens):
        n = next((n for n in range(min(longest, len(tokens) - i), 0, -1) if tokens[i : i + n] in table), 0)
        if n:
            hits.append((i, i + n, table[tokens[i : i + n]]))
        i += n or 1
    return hits


# ---------------------------------------------------------------------------------------------- vocabularies


@dataclass(frozen=True)
class Vocabulary:
    name: str
    file: str
    columns: tuple[str, ...]  # "sheet.column"
    codes: tuple[str, ...]
    code_keys: Mapping[str, str]  # normalised code -> code
    spellings: Mapping[str, str]  # normalised spelling -> code
    keywords: Mapping[Phrase, str]  # a code is a keyword of itself
    refusals: Mapping[Phrase, str]  # phrase -> reason; a word ending in * is a stem
    stems: tuple[tuple[Phrase, str], ...]  # the refusals with a stem, matched one by one
    negations: frozenset[str]
    shown: Mapping[str, str]  # normalised entry -> the entry as written in the file (a code as itself)
    leading_word: bool  # a leading yes/no word decides ("No - refused")
    refine: Mapping[str, str]  # lead code -> the code a keyword after it may make it ("Yes, signed" -> written)
    fuzzy_targets: tuple[tuple[str, str], ...]  # (normalised entry, code) that a typo is compared with

    @property
    def words(self) -> dict[Phrase, str]:
        return {tuple(k.split(" ")): c for k, c in (*self.code_keys.items(), *self.spellings.items())}

    def accepted(self) -> str:
        codes = self.codes
        return "use " + (", ".join(codes[:-1]) + f" or {codes[-1]}" if len(codes) > 1 else codes[0])

    def entry(self, phrase: Phrase) -> str:
        return self.shown.get(key := " ".join(phrase), key)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _CodeSpec(_Model):
    spellings: list[str] = []
    keywords: list[str] = []


class _Refusal(_Model):
    phrases: list[str]
    reason: str


class _VocabSpec(_Model):
    about: str = ""
    columns: list[str]
    extends: str | None = None
    leading_word: bool = False
    refine: dict[str, str] = {}
    fuzzy: bool = True
    codes: dict[str, _CodeSpec]
    refuse: list[_Refusal] = []


class _CommonSpec(_Model):
    negations: list[str]
    refuse: list[_Refusal]


def _read_file(path: Path, shape: TypeAdapter[Any]) -> Any:
    try:
        return shape.validate_python(yamlfile.load(path.read_text(encoding="utf-8")))
    except (yaml.YAMLError, VocabularyError) as e:
        raise VocabularyError(f"{path.name}: not usable YAML: {str(e).splitlines()[0]}") from None
    except ValidationError as e:
        err = e.errors()[0]
        what = f"unknown key '{err['loc'][-1]}'" if err["type"] == "extra_forbidden" else err["msg"]
        if isinstance(err.get("input"), bool) or any(isinstance(p, bool) for p in err["loc"]):
            what += " (quote yes, no, true and false: YAML reads them as booleans)"
        raise VocabularyError(f"{path.name}: {what} at '{'.'.join(str(p) for p in err['loc'])}'") from None


def _claim(table: dict[Any, str], key: Any, code: str, what: str, where: str, codes: Mapping[str, str]) -> None:
    text = " ".join(key) if isinstance(key, tuple) else key
    if text in codes:
        raise VocabularyError(f"{where}: {what} {text!r} of {code} is the code {codes[text]} itself")
    if key in table:
        also = "listed twice" if table[key] == code else f"maps to both {table[key]} and {code}"
        raise VocabularyError(f"{where}: {what} {text!r} {also}")
    table[key] = code


def _build(name: str, spec: _VocabSpec, file: str, common: _CommonSpec, base: Vocabulary | None) -> Vocabulary:
    where = f"{file}: vocabulary {name}"
    if base and (lost := set(base.codes) - set(spec.codes)):
        raise VocabularyError(f"{where}: extends {base.name} but lacks its code(s) {', '.join(sorted(lost))}")
    code_keys = {" ".join(_phrase(c, where)): c for c in spec.codes}
    spellings: dict[str, str] = dict(base.spellings) if base else {}
    keywords = {**(base.keywords if base else {}), **{tuple(k.split(" ")): c for k, c in code_keys.items()}}
    shown: dict[str, str] = {**(base.shown if base else {}), **code_keys}
    for code, entry in spec.codes.items():
        for spelling in entry.spellings:
            _claim(spellings, key := " ".join(_phrase(spelling, where)), code, "spelling", where, code_keys)
            shown[key] = spelling
        for keyword in entry.keywords:
            _claim(keywords, phrase := _phrase(keyword, where), code, "keyword", where, {})
            shown.setdefault(" ".join(phrase), keyword)
    for phrase, code in keywords.items():
        if spellings.get(key := " ".join(phrase), code) != code:
            raise VocabularyError(f"{where}: keyword {key!r} of {code} is a spelling of {spellings[key]}")
    refusals = dict(base.refusals) if base else {_refusal(p, COMMON_FILE): r.reason for r in common.refuse
                                                 for p in r.phrases}
    refusals |= {_refusal(p, where): r.reason for r in spec.refuse for p in r.phrases}
    stems = tuple((p, r) for p, r in refusals.items() if any(w[-1] == "*" for w in p))
    accepted = [tuple(k.split(" ")) for k in (*spellings, *code_keys)]
    if both := [" ".join(k) for k in accepted if k in refusals or any(_fits(k, p) for p, _ in stems)]:
        raise VocabularyError(f"{where}: {both[0]!r} is both refused and accepted")
    if bad := [f"{a}: {b}" for a, b in spec.refine.items() if a not in spec.codes or b not in spec.codes]:
        raise VocabularyError(f"{where}: refine {bad[0]} names a code the vocabulary does not have")
    negations = frozenset(_phrase(n, COMMON_FILE, single=True)[0] for n in common.negations)
    # A typo never reaches an entry with a negation: "job available" must not become "no job available". A base's
    # entries are read fuzzily only if the base reads them so: consent does not (yes_no has fuzzy: false).
    own = [*code_keys.items(), *((k, c) for k, c in spellings.items() if not base or k not in base.spellings)]
    targets = tuple((k, c) for k, c in own if not negations & set(k.split(" "))) if spec.fuzzy else ()
    targets = tuple(dict.fromkeys((*base.fuzzy_targets, *targets))) if base and spec.fuzzy else targets
    return Vocabulary(name, file, tuple(spec.columns), tuple(spec.codes), code_keys, spellings, keywords, refusals,
                      stems, negations, shown, spec.leading_word, dict(spec.refine), targets)


@cache
def vocabularies() -> Mapping[str, Vocabulary]:
    """Every vocabulary, by name, loaded once and checked against sheets.py."""
    common = _read_file(VOCAB_DIR / COMMON_FILE, TypeAdapter(_CommonSpec))
    specs: dict[str, tuple[str, _VocabSpec]] = {}
    for path in sorted(p for p in VOCAB_DIR.glob("*.yaml") if p.name != COMMON_FILE):
        for name, spec in _read_file(path, TypeAdapter(dict[str, _VocabSpec])).items():
            if name in specs:
                raise VocabularyError(f"{path.name}: vocabulary {name} is also defined in {specs[name][0]}")
            specs[name] = (path.name, spec)
    built: dict[str, Vocabulary] = {}
    for name, (file, spec) in sorted(specs.items(), key=lambda kv: kv[1][1].extends is not None):
        if spec.extends and (spec.extends not in built or specs[spec.extends][1].extends):
            raise VocabularyError(f"{file}: vocabulary {name} extends {spec.extends!r}, not a base vocabulary")
        built[name] = _build(name, spec, file, common, built.get(spec.extends or ""))
    yes_no = built.get(YES_NO)
    if yes_no is None or set(yes_no.codes) != {"yes", "no"} or yes_no.columns:
        raise VocabularyError(f"vocabulary {YES_NO} must exist, with codes yes and no and no columns (it serves all)")
    served: dict[str, str] = {}
    for vocab in built.values():
        for column in _checked_columns(vocab):
            if column in served:
                raise VocabularyError(f"{vocab.file}: {column} is already served by vocabulary {served[column]}")
            served[column] = vocab.name
    return built


def _checked_columns(vocab: Vocabulary) -> tuple[str, ...]:
    where = f"{vocab.file}: vocabulary {vocab.name}"
    if vocab.name != YES_NO and not vocab.columns:
        raise VocabularyError(f"{where}: names no columns")
    for column in vocab.columns:
        sheet, _, name = column.partition(".")
        try:
            spec = SHEETS_BY_NAME[sheet].column(name)
        except KeyError:
            raise VocabularyError(f"{where}: {column!r} is not a column of sheets.py") from None
        if spec.kind is not Kind.CHOICE:
            raise VocabularyError(f"{where}: {column} is not a choice column")
        if extra := [c for c in vocab.codes if c not in spec.choices]:
            raise VocabularyError(f"{where}: code(s) {', '.join(extra)} are not choices of {column}")
    return vocab.columns


@cache
def vocabulary_for(sheet: str, column: str) -> Vocabulary:
    """The vocabulary of a choice column, or the yes/no vocabulary for a yes/no column; KeyError otherwise."""
    if SHEETS_BY_NAME[sheet].column(column).kind is Kind.YESNO:
        return vocabularies()[YES_NO]
    if found := next((v for v in vocabularies().values() if f"{sheet}.{column}" in v.columns), None):
        return found
    raise KeyError(f"{sheet}.{column} has no vocabulary in vocab/values")


# ---------------------------------------------------------------------------------------------- reading


def read_choice(v: object, sheet: str, column: str) -> ChoiceReading | None:
    """The code of a choice cell and how it was read; None for a blank cell; CellError when it cannot be read."""
    text = parse_text(v)
    return None if text is None else _read(vocabulary_for(sheet, column).name, text)


def read_yes_no(v: object) -> tuple[bool, ChoiceReading] | None:
    """A yes/no cell as True/False, with how it was read; None for a blank cell; CellError when unreadable."""
    if isinstance(v, bool):  # a boolean cell is the answer itself
        return v, ChoiceReading("yes" if v else "no", "code", "yes" if v else "no")
    if (text := parse_text(v)) is None:
        return None
    reading = _read(YES_NO, text)
    return reading.code == "yes", reading


@lru_cache(maxsize=4096)  # a column repeats a few spellings thousands of times
def _read(name: str, written: str) -> ChoiceReading:
    vocab, text = vocabularies()[name], _tokenise(written)
    if not text.tokens:
        raise CellError(f"{written!r} holds no word, number or mark; leave the cell blank when it is not known")
    if code := vocab.code_keys.get(text.key):
        return ChoiceReading(code, "code", code)
    if code := vocab.spellings.get(text.key):
        return ChoiceReading(code, "synonym", vocab.shown[text.key])
    if reason := _refused(vocab, text.tokens):
        raise CellError(f"{written!r}: {reason}")
    if vocab.leading_word and (reading := _by_leading_word(vocab, text)):
        return reading
    if negation := next((t for t in text.tokens if t in vocab.negations), None):
        raise CellError(f"{written!r} contains a negation ({negation!r}), so only an exact accepted spelling is "
                        f"read here ({vocab.accepted()})")
    if len(text.tokens) > MAX_READ_TOKENS:
        raise CellError(f"{written!r} is too long to be read as one value ({vocab.accepted()})")
    if reading := _by_keyword(vocab, text) or _by_fuzzy(vocab, text):
        return reading
    raise CellError(f"not an accepted value: {written!r} ({vocab.accepted()}{_suggestions(vocab, text)})")


def _refused(vocab: Vocabulary, tokens: Phrase) -> str | None:
    """The reason of a refused phrase in the cell, wherever it stands."""
    if hits := _scan(tokens, vocab.refusals):
        return hits[0][2]
    return next((r for p, r in vocab.stems for i in range(len(tokens) - len(p) + 1) if _fits(tokens[i:i + len(p)], p)),
                None)


def _ambiguous(vocab: Vocabulary, text: _Text, codes: Iterable[str], why: str = "") -> CellError:
    names = list(dict.fromkeys(codes))
    return CellError(f"{text.written!r} could be {', '.join(names[:-1])} or {names[-1]}{why}: write one "
                     f"({vocab.accepted()})")


def _by_leading_word(vocab: Vocabulary, text: _Text) -> ChoiceReading | None:
    hits = [h for h in _scan(text.tokens, vocab.words) if text.aligned(h[0], h[1])]
    polar = {c: vocab.entry(text.tokens[s:e]) for s, e, c in reversed(hits) if c in ("yes", "no")}
    if len(polar) == 2:
        raise CellError(f"{text.written!r} holds both yes ({polar['yes']!r}) and no ({polar['no']!r}): write one "
                        "of them")
    if not hits or hits[0][0] != 0 or all(t.isdigit() for t in text.tokens[: hits[0][1]]):
        return None  # "1 of 2" does not start with a yes
    _, end, lead = hits[0]
    rest = text.tokens[end:]
    if lead != "no" and (negation := next((t for t in rest if t in vocab.negations), None)):
        raise CellError(f"{text.written!r} starts with {vocab.entry(text.tokens[:end])!r} but goes on with a negation "
                        f"({negation!r}): write {' or '.join(vocab.codes)}")
    after = [(vocab.entry(text.tokens[s:e]), c) for s, e, c in hits[1:]]
    others = [(e, c) for e, c in after + [(vocab.entry(p), c) for p, c in _keyword_hits(vocab, rest)] if c != lead]
    if not others:
        return ChoiceReading(lead, "keyword", vocab.entry(text.tokens[:end]))
    if {c for _, c in others} == {vocab.refine.get(lead)}:
        return ChoiceReading(others[0][1], "keyword", others[0][0])
    raise _ambiguous(vocab, text, [lead, *(c for _, c in others)])


def _base(vocab: Vocabulary, tokens: Phrase) -> Phrase:
    # Plurals find their keyword ("tickets" -> ticket) without listing every form.
    known = {t for phrase in vocab.keywords for t in phrase}
    return tuple(t[:-1] if t not in known and len(t) > 4 and t[-1] == "s" and t[:-1] in known else t for t in tokens)


def _keyword_hits(vocab: Vocabulary, tokens: Phrase) -> list[tuple[Phrase, str]]:
    base = _base(vocab, tokens)
    return [(base[s:e], c) for s, e, c in _scan(base, vocab.keywords)]


def _by_keyword(vocab: Vocabulary, text: _Text) -> ChoiceReading | None:
    if not (hits := _keyword_hits(vocab, text.tokens)):
        return None
    codes, covered = {c for _, c in hits}, {t for p, _ in hits for t in p}
    # A leftover word close to a one-word keyword of another code may be that keyword misspelt ("Medicl and visa").
    suspects = {c for t in _base(vocab, text.tokens) if t not in covered and len(t) >= 4 and not _is_han(t)
                for p, c in vocab.keywords.items() if len(p) == 1 and len(p[0]) >= 4 and c not in codes
                and fuzz.ratio(t, p[0]) >= SUSPECT_MIN_SCORE}
    if len(codes) > 1 or suspects:
        raise _ambiguous(vocab, text, [*(c for _, c in hits), *sorted(suspects)],
                         " (a word looks like a misspelt keyword)" if suspects and len(codes) == 1 else "")
    return ChoiceReading(hits[0][1], "keyword", vocab.entry(hits[0][0]))


def _by_fuzzy(vocab: Vocabulary, text: _Text) -> ChoiceReading | None:
    """A typo of a whole spelling or code ("Recrutment fee"); a typo inside a longer cell is not guessed."""
    if len(text.key) < FUZZY_MIN_LENGTH:
        return None
    best: dict[str, tuple[float, str, str]] = {}
    for key, code in vocab.fuzzy_targets:
        best[code] = max(best.get(code, (-1.0, "", "")), (fuzz.ratio(text.key, key), key, code))
    ranked = sorted(best.values(), reverse=True)  # short entries compete for the margin, but never win
    if not ranked or ranked[0][0] < FUZZY_MIN_SCORE or len(ranked[0][1]) < FUZZY_MIN_LENGTH or (
            len(ranked) > 1 and ranked[0][0] - ranked[1][0] < FUZZY_MARGIN):
        return None
    return ChoiceReading(ranked[0][2], "fuzzy", vocab.shown[ranked[0][1]])


def _suggestions(vocab: Vocabulary, text: _Text) -> str:
    near: dict[str, str] = {}
    entries = {**vocab.code_keys, **vocab.spellings}
    for score, key, code in sorted(((fuzz.ratio(text.key, k), k, c) for k, c in entries.items()), reverse=True):
        if score >= SUGGEST_MIN_SCORE and code not in near and len(near) < 3:
            near[code] = code if key in vocab.code_keys else f"{vocab.shown[key]!r} ({code})"
    return f"; did you mean {' or '.join(near.values())}?" if near else ""
