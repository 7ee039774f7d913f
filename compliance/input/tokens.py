"""A cell's words, as the value vocabularies compare them: tokenising and phrase matching.

A cell is NFKC-normalised and case-folded; spaces, underscores, hyphens and punctuation separate words; a Han
character, a mark (✓ ×) and a question mark are tokens of their own. Used by vocabulary.py (to normalise the
entries of vocab/values/) and values.py (to read a cell).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Text:
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


def is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0003134f"


def tokenise(written: str) -> Text:
    """NFKC, case-folded; spaces, underscores, hyphens and punctuation all separate words; a Han character or a
    mark is a token of its own ("有/无", "✓yes")."""
    pairs: list[tuple[str, bool]] = []  # (token, begins a chunk)
    word, start, boundary = "", True, True
    for ch in unicodedata.normalize("NFKC", written).casefold() + " ":
        cat, han = unicodedata.category(ch), is_han(ch)
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
    return Text(written, tuple(t for t, _ in pairs), frozenset(i for i, (_, s) in enumerate(pairs) if s))


def fits(tokens: Phrase, pattern: Phrase) -> bool:
    return len(tokens) == len(pattern) and all(
        t == p or (p[-1] == "*" and t.startswith(p[:-1])) for t, p in zip(tokens, pattern, strict=True))


def scan(tokens: Phrase, table: Mapping[Phrase, str]) -> list[tuple[int, int, str]]:
    """Longest-first matches of table phrases in tokens, left to right, not overlapping: (start, end, value)."""
    longest, hits, i = max(map(len, table), default=0), [], 0
    while i < len(tokens):
        n = next((n for n in range(min(longest, len(tokens) - i), 0, -1) if tokens[i : i + n] in table), 0)
        if n:
            hits.append((i, i + n, table[tokens[i : i + n]]))
        i += n or 1
    return hits
