"""The value vocabularies (vocab/values/*.yaml): loaded once, checked against the contract (sheets.py) on load.

A vocabulary maps each code of one choice list to the spellings people use for it and to distinctive keywords,
and names the columns it serves. yes_no serves every yes/no column; a vocabulary that extends it and names yes/no
columns is layered over it for those columns only (a receipt "Not given" is a no; elsewhere it may mean "not
stated"). A file that cannot be used raises VocabularyError naming the file and the entry. values.py reads cells.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from compliance import yamlfile
from compliance.input.sheets import SHEETS_BY_NAME, Kind
from compliance.input.tokens import Phrase, fits, is_han, tokenise

VOCAB_DIR = Path(__file__).parent / "vocab" / "values"
COMMON_FILE = "_common.yaml"  # negations and refusals shared by every vocabulary
YES_NO = "yes_no"  # the vocabulary of every Kind.YESNO column that no column vocabulary serves
# A refused word ending in * is a stem ("deduct*": deducted, deduction); a shorter stem would catch unrelated words.
STEM_MIN_LENGTH = 3


class VocabularyError(ValueError):
    """A vocabulary file that cannot be used; str() names the file and the entry."""


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
    base: str | None = None  # the vocabulary it extends
    either: Mapping[str, tuple[tuple[str, ...], str]] = field(default_factory=dict)  # spelling -> (codes, reason)

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


class _Either(_Model):
    """Words that can only be one of a few codes, the records not saying which: refused, with the codes kept."""
    phrases: list[str]
    codes: list[str]
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
    either: list[_Either] = []


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
    if both := [" ".join(k) for k in accepted if k in refusals or any(fits(k, p) for p, _ in stems)]:
        raise VocabularyError(f"{where}: {both[0]!r} is both refused and accepted")
    if bad := [f"{a}: {b}" for a, b in spec.refine.items() if a not in spec.codes or b not in spec.codes]:
        raise VocabularyError(f"{where}: refine {bad[0]} names a code the vocabulary does not have")
    negations = frozenset(_phrase(n, COMMON_FILE, single=True)[0] for n in common.negations)
    # A typo never reaches an entry with a negation: "job available" must not become "no job available". A base's
    # entries are read fuzzily only if the base reads them so: consent does not (yes_no has fuzzy: false).
    own = [*code_keys.items(), *((k, c) for k, c in spellings.items() if not base or k not in base.spellings)]
    targets = tuple((k, c) for k, c in own if not negations & set(k.split(" "))) if spec.fuzzy else ()
    targets = tuple(dict.fromkeys((*base.fuzzy_targets, *targets))) if base and spec.fuzzy else targets
    either = dict(base.either) if base else {}
    for entry in spec.either:
        if bad := [c for c in entry.codes if c not in spec.codes] or ([] if len(entry.codes) > 1 else entry.codes):
            raise VocabularyError(f"{where}: either {entry.phrases[0]!r} needs two or more of its codes, not {bad}")
        for phrase in entry.phrases:
            key = " ".join(_phrase(phrase, where))
            if key in spellings or key in code_keys or tuple(key.split(" ")) in refusals:
                raise VocabularyError(f"{where}: {phrase!r} is both 'either' and accepted or refused")
            either[key] = (tuple(entry.codes), entry.reason)
    return Vocabulary(name, file, tuple(spec.columns), tuple(spec.codes), code_keys, spellings, keywords, refusals,
                      stems, negations, shown, spec.leading_word, dict(spec.refine), targets, spec.extends, either)


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
        if spec.kind is Kind.YESNO:
            _check_yes_no_layer(vocab, column, where)
        elif spec.kind is not Kind.CHOICE:
            raise VocabularyError(f"{where}: {column} is not a choice or yes/no column")
        elif extra := [c for c in vocab.codes if c not in spec.choices]:
            raise VocabularyError(f"{where}: code(s) {', '.join(extra)} are not choices of {column}")
    return vocab.columns


def _check_yes_no_layer(vocab: Vocabulary, column: str, where: str) -> None:
    """A yes/no column's own vocabulary adds to yes_no and reads as it does: a column reads every common answer."""
    if vocab.base != YES_NO or set(vocab.codes) != {"yes", "no"}:
        raise VocabularyError(f"{where}: {column} is a yes/no column: its vocabulary must extend {YES_NO}, with "
                              "codes yes and no only")
    if not vocab.leading_word or vocab.fuzzy_targets:
        raise VocabularyError(f"{where}: a yes/no column's vocabulary reads as {YES_NO} does: set leading_word: "
                              "true and fuzzy: false")


@cache
def vocabulary_for(sheet: str, column: str) -> Vocabulary:
    """The vocabulary of a choice column; for a yes/no column its own vocabulary (layered over yes_no) or yes_no
    itself; KeyError for any other column."""
    if found := next((v for v in vocabularies().values() if f"{sheet}.{column}" in v.columns), None):
        return found
    if SHEETS_BY_NAME[sheet].column(column).kind is Kind.YESNO:
        return vocabularies()[YES_NO]
    raise KeyError(f"{sheet}.{column} has no vocabulary in vocab/values")


# ---------------------------------------------------------------------------------------------- entries


def _phrase(entry: str, where: str, single: bool = False) -> Phrase:
    tokens = tokenise(entry).tokens
    if not tokens or (single and len(tokens) > 1):
        raise VocabularyError(f"{where}: {entry!r} must be {'one word' if single else 'words, digits or marks'}")
    return tokens


def _refusal(entry: str, where: str) -> Phrase:
    """A refused phrase; a word ending in * stands for every word it begins ("deduct*", "from wage*")."""
    tokens: list[str] = []
    for word in entry.split():
        body, stem = word.removesuffix("*"), word.endswith("*")
        part = _phrase(body, where)
        if "*" in body or (stem and (len(part) > 1 or len(part[0]) < STEM_MIN_LENGTH or is_han(part[0]))):
            raise VocabularyError(f"{where}: {entry!r}: a * ends a stem, one word of {STEM_MIN_LENGTH} letters or more")
        tokens += [*part[:-1], part[-1] + "*" * stem]
    return tuple(tokens)
