"""Yes/no answers read by their partner in the same column (vocab/answer_pairs.yaml).

"Hindi" is Tagalog for no, and also a language; "Belum" is "not yet". Alone they are refused. A column whose
other cells answer "Oo" or "Sudah" shows in which language, and to which question, it answers: there they are
its no. Decided per column from its own cells, like a date order, and said in the report. The consent columns
(written, yes or no) answer the same way; one with no partner in its sheet takes the one pair the workbook's
other answer columns prove (decide_book).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from compliance import yamlfile

PATH = Path(__file__).parent / "vocab" / "answer_pairs.yaml"


class AnswerPairsError(ValueError):
    """A bad entry in answer_pairs.yaml; the message names the entry."""


@dataclass(frozen=True)
class Pair:
    language: str
    when: frozenset[str]
    reads: dict[str, str]
    exceptions: frozenset[str]  # "sheet.column" where the pair never applies


@dataclass(frozen=True)
class Decided:
    reads: dict[str, str]  # normalised cell text -> "yes" / "no"
    said: str  # for the report: why


def key(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.casefold().strip(" .!").split()) or None


@cache
def pairs() -> tuple[Pair, ...]:
    data = yamlfile.load(PATH.read_text(encoding="utf-8"))
    out = []
    for i, entry in enumerate(data.get("pairs") or []):
        try:
            reads = {key(k) or "": str(v) for k, v in entry["reads"].items()}
            pair = Pair(str(entry["language"]), frozenset(key(w) or "" for w in entry["when"]), reads,
                        frozenset(entry.get("except") or []))
        except (KeyError, TypeError, AttributeError) as exc:
            raise AnswerPairsError(f"{PATH.name}: pairs[{i}]: expected language, when, reads ({exc})") from None
        if set(reads.values()) - {"yes", "no"} or "" in reads or "" in pair.when:
            raise AnswerPairsError(f"{PATH.name}: pairs[{i}]: reads must map answers to yes or no")
        out.append(pair)
    # Entries of one language are one pair (Malay "ya" and "sudah" both prove Malay answers): a column answering
    # "Ya" and "Sudah" proves one language, not two.
    merged: dict[str, Pair] = {}
    for pair in out:
        had = merged.get(pair.language)
        merged[pair.language] = pair if had is None else Pair(
            pair.language, had.when | pair.when, {**had.reads, **pair.reads}, had.exceptions | pair.exceptions)
    return tuple(merged.values())


def _proved(cells: list[object], rows: list[int]) -> list[tuple[Pair, str, int]]:
    """Each pair some cell proves, with the first such cell and its row: one pass over the cells."""
    proving = _proving()
    first: dict[str, tuple[str, int]] = {}
    for value, row in zip(cells, rows, strict=True):
        if isinstance(value, str) and (k := key(value)) in proving and k not in first:
            first[k] = (value.strip(), row)
    found = []
    for pair in pairs():
        hits = [first[w] for w in pair.when if w in first]
        if hits:
            value, row = min(hits, key=lambda h: h[1])
            found.append((pair, value, row))
    return found


@cache
def _proving() -> frozenset[str]:
    return frozenset(w for pair in pairs() for w in pair.when)


def decide_sheet(sheet: str, columns: dict[str, list[object]], rows: list[int]) -> dict[str, Decided]:
    """For each answer column (yes/no or consent): the pair its own cells prove, else the one pair the sheet's
    other answer columns prove (a form answered in one language throughout), like a date order. Two pairs proved
    at once (Tagalog and Malay in one column, or in one sheet) decide nothing there."""
    own = {c: _proved(cells, rows) for c, cells in columns.items()}
    in_sheet = {p.language: (p, seen, row, c) for c, found in own.items() for p, seen, row in found}
    out: dict[str, Decided] = {}
    for column, found in own.items():
        if len(found) == 1:
            pair, seen, row = found[0]
            where = f"'{seen}' in row {row}"
        elif not found and len(in_sheet) == 1:
            pair, seen, row, other = next(iter(in_sheet.values()))
            where = f"'{seen}' in row {row} of column {other} of this sheet"
        else:
            continue
        if f"{sheet}.{column}" in pair.exceptions:
            continue
        out[column] = Decided(pair.reads, said(pair, where))
    return out


def decide_book(columns: list[tuple[str, str, list[object], list[int]]]) -> tuple[Pair, str] | None:
    """The one pair the workbook's answer columns prove, with where it was seen, from (sheet as named in the file,
    column, cells, row numbers); None when none or two (Tagalog in one sheet, Malay in another) are proved."""
    seen: dict[str, tuple[Pair, str]] = {}
    for source, column, cells, rows in columns:
        for pair, value, row in _proved(cells, rows):
            seen.setdefault(pair.language, (pair, f"'{value}' in row {row} of column {column} of sheet '{source}'"))
    return next(iter(seen.values())) if len(seen) == 1 else None


def said(pair: Pair, where: str) -> str:
    listed = ", ".join(f"'{a}' as {code}" for a, code in pair.reads.items())
    return f"answers in {pair.language} ({where}): {listed}"
