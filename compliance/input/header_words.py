"""Reading a header nobody listed, word by word (vocab/headers/_words.yaml).

A header such as "Nomor PMI", 劳动者编号 or "License Eff. Date" is in no column table, but each of its words is
known: translated word by word ("no worker", "worker no", "licence effective date") its words, as a set, equal
those of a listed name of exactly one column ("Worker No.", "Licence effective date"). Only then is the header
read as that column; a word in no table, two senses naming two columns, or a word set shared by two columns (or
by a name known to be no column, such as "No.") leave it unrecognised, to be reported with its candidates.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from compliance.input.header_names import _CJK, VOCAB_DIR, HeaderVocabError, _names, _norm, _table, _text, _vocab, _yaml

_NOT_A_COLUMN = "-"
_ID = "<id>"
_MAX_READINGS = 32  # senses multiply; a header with more combinations than this is not read word by word
_CJK_RUN = re.compile(f"[{_CJK}]+")

Bag = frozenset[str]


@dataclass(frozen=True)
class _Lexicon:
    stop: frozenset[str]
    filler: frozenset[str]
    identifier: frozenset[str]
    words: dict[str, tuple[str, ...]]  # normalised word or phrase -> its senses, each normalised English
    longest: int  # most words in a phrase entry
    cjk: dict[str, tuple[str, ...]]
    cjk_longest: int  # most characters in a Chinese entry


@cache
def _lexicon() -> _Lexicon:
    path = VOCAB_DIR / "_words.yaml"
    data, t = _yaml(path), _text()
    stop = frozenset(_norm(w, t) for w in data.get("stop", []))
    filler = frozenset(_norm(w, t) for w in data.get("filler", []))
    ident = frozenset(_norm(w, t) for w in _names(path, "identifier", data.get("identifier")))
    words: dict[str, tuple[str, ...]] = {}
    for key, senses in _table(path, "words", data.get("words")).items():
        name = _norm(str(key), t)
        listed = senses if isinstance(senses, list) else [senses]
        if not name or not all(isinstance(s, str) for s in listed):
            raise HeaderVocabError(f"{path.name}: words: {key!r}: expected a word and its sense or senses")
        if name in words:
            raise HeaderVocabError(f"{path.name}: words: {key!r} is listed twice once normalised")
        words[name] = tuple(_norm(s, t) for s in listed)
    cjk = {k: v for k, v in words.items() if _CJK_RUN.fullmatch(k)}
    latin = {k: v for k, v in words.items() if k not in cjk}
    return _Lexicon(stop, filler, ident, latin, max((len(k.split()) for k in latin), default=1), cjk,
                    max((len(k) for k in cjk), default=1))


def foreign_words() -> frozenset[str]:
    """Every word the lexicon translates: a known word, so never taken for a misspelling of another."""
    lex = _lexicon()
    return frozenset(w for k in lex.words for w in k.split())


def _bag(words: list[str], lex: _Lexicon) -> Bag:
    return frozenset(_ID if w in lex.identifier else _singular(w) for w in words
                     if w and w not in lex.stop and w not in lex.filler)


def _singular(word: str) -> str:
    # Both sides are cut the same way, so "Deductions" meets "deduction" and "status" meets "status".
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


@cache
def _index(sheet: str) -> dict[Bag, frozenset[str]]:
    """Word set -> the columns of `sheet` one of whose listed names has it ("-" for a name that is no column)."""
    lex, v = _lexicon(), _vocab()
    found: dict[Bag, set[str]] = {}
    for name, (field, _) in v.columns[sheet].items():
        found.setdefault(_bag(re.split(r"[\s/]+", name), lex), set()).add(field)
    for name in v.others[sheet]:
        found.setdefault(_bag(re.split(r"[\s/]+", name), lex), set()).add(_NOT_A_COLUMN)
    return {bag: frozenset(fields) for bag, fields in found.items() if bag}


def _segment(run: str, lex: _Lexicon) -> list[tuple[str, ...]] | None:
    """A run of Chinese characters cut into lexicon words, longest first; None if a character belongs to none."""
    out, i = [], 0
    while i < len(run):
        for n in range(min(lex.cjk_longest, len(run) - i), 0, -1):
            if (senses := lex.cjk.get(run[i:i + n])) is not None:
                out.append(senses)
                i += n
                break
        else:
            return None
    return out


def _senses(name: str, lex: _Lexicon) -> list[tuple[str, ...]] | None:
    """Each word or phrase of the header with its senses; a word the lexicon lacks stands for itself."""
    tokens = [t for t in re.split(r"[\s/]+", name) if t]
    out: list[tuple[str, ...]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if _CJK_RUN.search(tok):
            for part in re.split(f"([{_CJK}]+)", tok):
                if not part:
                    continue
                if _CJK_RUN.fullmatch(part):
                    if (segs := _segment(part, lex)) is None:
                        return None
                    out.extend(segs)
                else:
                    out.append(lex.words.get(part, (part,)))
            i += 1
            continue
        for n in range(min(lex.longest, len(tokens) - i), 0, -1):
            if (senses := lex.words.get(" ".join(tokens[i:i + n]))) is not None:
                out.append(senses)
                i += n
                break
        else:
            out.append((tok,))
            i += 1
    return out


@cache
def _sheet_index() -> dict[Bag, frozenset[str]]:
    lex, found = _lexicon(), {}
    for name, (sheet, _) in _vocab().sheet_names.items():
        found.setdefault(_bag(re.split(r"[\s/]+", name), lex), set()).add(sheet)
    return {bag: frozenset(s) for bag, s in found.items() if bag}


@cache
def read_sheet_words(name: str) -> tuple[str, str] | None:
    """(contract sheet, the name's words as read) when a sheet's name, word by word, names one sheet: "Pekerja"
    is "worker", 移工名冊 is "worker list"."""
    return _read(name, _sheet_index())


@cache
def read_words(name: str, sheet: str) -> tuple[str, str] | None:
    """(column, the header's words as read) when the header, word by word, names one column of `sheet`."""
    return _read(name, _index(sheet))


def _read(name: str, index: dict[Bag, frozenset[str]]) -> tuple[str, str] | None:
    lex = _lexicon()
    senses = _senses(name, lex)
    if not senses:
        return None
    combos = 1
    for s in senses:
        combos *= len(s)
    if combos > _MAX_READINGS:
        return None
    fields: dict[str, str] = {}
    readings = [" ".join(w for w in combo if w) for combo in itertools.product(*senses)]
    for words in readings:
        for field in index.get(_bag(words.split(), lex), ()):
            fields.setdefault(field, words)
    if len(fields) != 1 or _NOT_A_COLUMN in fields:
        return None
    return next(iter(fields.items()))
