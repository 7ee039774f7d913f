"""Choice and yes/no cells read as people type them, through the vocabularies of vocab/values/*.yaml
(loaded and checked by vocabulary.py).

A vocabulary maps each code of one choice list to the spellings people use for it and to distinctive keywords.
A cell is read, in order: as the code itself; as an exact spelling; (yes/no-like vocabularies) by its leading
yes/no word; by keywords, when they point to exactly one code; by a fuzzy match, for typos only. Anything else
is refused with CellError, naming the accepted codes and near spellings, which are never applied silently.

Safety rules, because a wrong code changes a finding while a refused cell is only reported:
- a cell with a negation ("not by worker", "没有", "tidak", "belum") is read only by an exact spelling, never by
  keyword or fuzzily;
- a cell holding a refused phrase (a question mark, "unknown"; per vocabulary "deduct*", "potong*", "photocopy")
  is read only by an exact spelling: "Employer (deducted from salary)" is not the employer, "Yes?" is not a yes;
- a cell whose keywords point to two codes ("Medical and visa"), or that holds both a yes and a no word ("有/无",
  "yes/no": a form's two options with neither marked), is refused, naming both;
- phrases meaning "not known" (and N/A, which may also be the Bengali/Hindi "na" = no) are refused everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from rapidfuzz import fuzz

from compliance.input.celltext import parse_text
from compliance.input.formats import CellError
from compliance.input.sheets import SHEETS_BY_NAME, Kind
from compliance.input.tokens import Phrase, Text, fits, is_han, scan, tokenise
from compliance.input.vocabulary import (
    COMMON_FILE,
    VOCAB_DIR,
    YES_NO,
    Vocabulary,
    VocabularyError,
    vocabularies,
    vocabulary_for,
)

# Importable from here as before the loader moved to vocabulary.py.
__all__ = [
    "COMMON_FILE", "FUZZY_MARGIN", "FUZZY_MIN_LENGTH", "FUZZY_MIN_SCORE", "MAX_READ_TOKENS", "VOCAB_DIR", "YES_NO",
    "ChoiceReading", "Vocabulary", "VocabularyError", "read_choice", "read_yes_no", "vocabularies", "vocabulary_for",
]

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

How = Literal["code", "synonym", "keyword", "fuzzy"]


@dataclass(frozen=True)
class ChoiceReading:
    code: str
    how: How  # "code": the cell was the code itself (read as written)
    matched: str  # the vocabulary entry (spelling or keyword) that decided it, for the report


def read_choice(v: object, sheet: str, column: str) -> ChoiceReading | None:
    """The code of a choice cell and how it was read; None for a blank cell; CellError when it cannot be read."""
    text = parse_text(v)
    return None if text is None else _read(vocabulary_for(sheet, column).name, text)


def read_yes_no(v: object, sheet: str | None = None, column: str | None = None) -> tuple[bool, ChoiceReading] | None:
    """A yes/no cell as True/False, with how it was read; None for a blank cell; CellError when unreadable.
    With `sheet` and `column` (a yes/no column of sheets.py), the column's own vocabulary is layered over yes_no
    ("Not given" is a no in fees.receipt); without them, yes_no alone reads it."""
    if isinstance(v, bool):  # a boolean cell is the answer itself
        return v, ChoiceReading("yes" if v else "no", "code", "yes" if v else "no")
    if (text := parse_text(v)) is None:
        return None
    name = YES_NO
    if sheet is not None and column is not None:
        if SHEETS_BY_NAME[sheet].column(column).kind is not Kind.YESNO:
            raise KeyError(f"{sheet}.{column} is not a yes/no column")
        name = vocabulary_for(sheet, column).name
    reading = _read(name, text)
    return reading.code == "yes", reading


@lru_cache(maxsize=4096)  # a column repeats a few spellings thousands of times
def _read(name: str, written: str) -> ChoiceReading:
    vocab, text = vocabularies()[name], tokenise(written)
    if not text.tokens:
        raise CellError(f"{written!r} holds no word, number or mark; leave the cell blank when it is not known")
    if code := vocab.code_keys.get(text.key):
        return ChoiceReading(code, "code", code)
    if code := vocab.spellings.get(text.key):
        return ChoiceReading(code, "synonym", vocab.shown[text.key])
    if either := vocab.either.get(text.key):
        codes, reason = either
        raise CellError(f"{written!r}: {reason}: each rule judges it as {' and as '.join(codes)}, and says "
                        "insufficient evidence where the two differ", codes)
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
    if hits := scan(tokens, vocab.refusals):
        return hits[0][2]
    return next((r for p, r in vocab.stems for i in range(len(tokens) - len(p) + 1) if fits(tokens[i:i + len(p)], p)),
                None)


def _ambiguous(vocab: Vocabulary, text: Text, codes: Iterable[str], why: str = "") -> CellError:
    names = list(dict.fromkeys(codes))
    return CellError(f"{text.written!r} could be {', '.join(names[:-1])} or {names[-1]}{why}: write one "
                     f"({vocab.accepted()})")


def _by_leading_word(vocab: Vocabulary, text: Text) -> ChoiceReading | None:
    hits = [h for h in scan(text.tokens, vocab.words) if text.aligned(h[0], h[1])]
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
    return [(base[s:e], c) for s, e, c in scan(base, vocab.keywords)]


def _by_keyword(vocab: Vocabulary, text: Text) -> ChoiceReading | None:
    if not (hits := _keyword_hits(vocab, text.tokens)):
        return None
    codes, covered = {c for _, c in hits}, {t for p, _ in hits for t in p}
    # A leftover word close to a one-word keyword of another code may be that keyword misspelt ("Medicl and visa").
    suspects = {c for t in _base(vocab, text.tokens) if t not in covered and len(t) >= 4 and not is_han(t)
                for p, c in vocab.keywords.items() if len(p) == 1 and len(p[0]) >= 4 and c not in codes
                and fuzz.ratio(t, p[0]) >= SUSPECT_MIN_SCORE}
    if len(codes) > 1 or suspects:
        raise _ambiguous(vocab, text, [*(c for _, c in hits), *sorted(suspects)],
                         " (a word looks like a misspelt keyword)" if suspects and len(codes) == 1 else "")
    return ChoiceReading(hits[0][1], "keyword", vocab.entry(hits[0][0]))


def _by_fuzzy(vocab: Vocabulary, text: Text) -> ChoiceReading | None:
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
    if _negated(text.tokens, tuple(ranked[0][1].split(" "))):
        return None
    return ChoiceReading(ranked[0][2], "fuzzy", vocab.shown[ranked[0][1]])


# A prefix that turns a word into its opposite: "Unlicensed enterprise" is two letters from "licensed enterprise"
# (a recruiter), but no typo of it.
_OPPOSITE_PREFIXES = ("un", "non", "dis", "in", "il", "ir")


def _negated(tokens: Phrase, entry: Phrase) -> bool:
    """A word of the cell is a word of the entry with an opposite prefix, or the other way round."""
    def opposite(a: str, b: str) -> bool:
        return any(a == p + b for p in _OPPOSITE_PREFIXES)
    return any(opposite(t, e) or opposite(e, t) for t in tokens for e in entry if t != e)


def _suggestions(vocab: Vocabulary, text: Text) -> str:
    near: dict[str, str] = {}
    entries = {**vocab.code_keys, **vocab.spellings}
    for score, key, code in sorted(((fuzz.ratio(text.key, k), k, c) for k, c in entries.items()), reverse=True):
        if score >= SUGGEST_MIN_SCORE and code not in near and len(near) < 3:
            near[code] = code if key in vocab.code_keys else f"{vocab.shown[key]!r} ({code})"
    return f"; did you mean {' or '.join(near.values())}?" if near else ""
